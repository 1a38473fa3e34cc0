#include "storage/pg_connection.hpp"

#include <pqxx/except>
#include <pqxx/prepared_statement>
#include <pqxx/result>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace inburgering::storage::detail {

namespace {

std::string first_line(const char* text) {
  std::string out(text);
  if (const auto end = out.find('\n'); end != std::string::npos) out.resize(end);
  if (out.rfind("ERROR:  ", 0) == 0) out.erase(0, 8);
  return out;
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace

DbError pg_error(const std::exception& e) {
  // libpqxx 6 throws serialization failures (40001), deadlocks (40P01) and an unknown statement
  // outcome (40003) as transaction_rollback, which is not an sql_error: the transaction was
  // rolled back, and runs again.
  if (dynamic_cast<const pqxx::transaction_rollback*>(&e) != nullptr) {
    return DbError(DbError::Kind::kRetry, first_line(e.what()));
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string state = sql->sqlstate();
    const std::string message = first_line(e.what());
    if (state == "40001" || state == "40P01") return DbError(DbError::Kind::kRetry, message);
    if (state == "23505") return DbError(DbError::Kind::kUnique, message);
    if (state == "55P03") return DbError(DbError::Kind::kBusy, message);
    return DbError(DbError::Kind::kOther, message + " (SQLSTATE " + state + ")");
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return DbError(DbError::Kind::kOther,
                   "the connection to PostgreSQL was lost: " + first_line(e.what()));
  }
  return DbError(DbError::Kind::kOther, first_line(e.what()));
}

PostgresSql postgres_sql(const std::string& sql) {
  // One scan: the text without INDEXED BY hints, and where each `?N` stands in it; then the
  // numbers used get their `$` numbers in order, and go in.
  std::string text;
  text.reserve(sql.size());
  std::vector<std::pair<std::size_t, std::size_t>> parameters;  // (offset in text, N)
  PostgresSql out;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '?' && i + 1 < sql.size() &&
        std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      std::size_t n = 0;
      while (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
        n = n * 10 + static_cast<std::size_t>(sql[++i] - '0');
      }
      parameters.emplace_back(text.size(), n);
      if (out.position.size() <= n) out.position.resize(n + 1, 0);
      out.position[n] = 1;
      continue;
    }
    if (!quoted && sql.compare(i, 11, "INDEXED BY ") == 0) {
      i += 11;
      while (i < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) {
        ++i;
      }
      while (i + 1 < sql.size() && sql[i] == ' ') ++i;
      --i;
      continue;
    }
    text += c;
  }
  for (auto& p : out.position) p = p != 0 ? ++out.count : 0;
  std::size_t from = 0;
  for (const auto& [offset, n] : parameters) {
    out.text.append(text, from, offset - from);
    out.text += '$' + std::to_string(out.position[n]);
    from = offset;
  }
  out.text.append(text, from, std::string::npos);
  return out;
}

namespace {

class PgStatement final : public StatementBackend {
 public:
  PgStatement(PgConnection& connection, const PostgresSql& sql, std::string name)
      : connection_(connection),
        name_(std::move(name)),
        position_(sql.position),
        count_(static_cast<std::size_t>(sql.count)) {}

  void bind_int64(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
  void bind_text(int index, std::string_view value) override { slot(index) = std::string(value); }
  void bind_null(int index) override { slot(index).reset(); }

  bool step() override {
    if (!result_) run();
    ++row_;
    return row_ < static_cast<std::int64_t>(result_->size());
  }
  int exec() override {
    run();
    return static_cast<int>(result_->affected_rows());
  }
  void reset() override {
    result_.reset();
    row_ = -1;
  }
  void clear_bindings() override { params_.clear(); }

  bool is_null(int column) const override { return field(column).is_null(); }
  std::int64_t int64_at(int column) const override {
    const pqxx::field f = field(column);
    if (f.is_null()) return 0;
    const char* text = f.c_str();
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text, text + f.size(), value);
    if (ec != std::errc() || end != text + f.size()) {
      throw DbError(DbError::Kind::kOther,
                    "column " + std::to_string(column) + " is not a whole number");
    }
    return value;
  }
  std::string text_at(int column) const override {
    const pqxx::field f = field(column);
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }

 private:
  // The slot of `?index` ($position); a number the text leaves out goes to a slot never sent.
  std::optional<std::string>& slot(int index) {
    const auto n = static_cast<std::size_t>(index);
    if (index < 1 || n >= position_.size() || position_[n] == 0) return unused_;
    const auto i = static_cast<std::size_t>(position_[n] - 1);
    if (params_.size() <= i) params_.resize(i + 1);
    return params_[i];
  }
  void run() {
    // Every $ number is sent: one never bound is NULL, as in SQLite.
    if (params_.size() < count_) params_.resize(count_);
    std::vector<const char*> values;
    values.reserve(params_.size());
    for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
    result_ = connection_.run(name_, values);
    row_ = -1;
  }
  pqxx::field field(int column) const {
    if (!result_ || row_ < 0 || row_ >= static_cast<std::int64_t>(result_->size())) {
      throw DbError(DbError::Kind::kOther, "no current row");
    }
    return (*result_)[static_cast<pqxx::result::size_type>(row_)]
                     [static_cast<pqxx::row::size_type>(column)];
  }

  PgConnection& connection_;
  std::string name_;
  const std::vector<int>& position_;
  std::size_t count_;
  std::vector<std::optional<std::string>> params_;
  std::optional<std::string> unused_;
  std::optional<pqxx::result> result_;
  std::int64_t row_ = -1;
};

}  // namespace

PgConnection::PgConnection(std::unique_ptr<pqxx::connection> connection, std::int64_t write_lock)
    : connection_(std::move(connection)),
      session_(std::make_unique<pqxx::nontransaction>(*connection_)),
      write_lock_(write_lock) {}

PgConnection::~PgConnection() {
  if (in_transaction_) rollback();
}

void PgConnection::set_scope(const Scope& scope) { scope_ = scope; }

std::unique_ptr<StatementBackend> PgConnection::prepare(const std::string& sql) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    PostgresSql translated = postgres_sql(sql);
    translated.name = "s" + std::to_string(prepared_.size() + 1);
    try {
      connection_->prepare(translated.name, translated.text);
    } catch (const std::exception& e) {
      throw pg_error(e);
    }
    found = prepared_.emplace(sql, std::move(translated)).first;
  }
  return std::make_unique<PgStatement>(*this, found->second, found->second.name);
}

std::string PgConnection::begin_text(std::optional<TxKind> kind) const {
  const auto quote = [&](const std::string& value) { return session_->quote(value); };
  // A statement outside a transaction gets READ COMMITTED without the writer lock.
  std::string text = !kind                    ? "BEGIN ISOLATION LEVEL READ COMMITTED; "
                     : *kind == TxKind::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                                              : "BEGIN ISOLATION LEVEL READ COMMITTED; ";
  text += "SELECT set_config('inburgering.municipality', " + quote(scope_.municipality) +
          ", true), set_config('inburgering.read', " + quote(list(scope_.read)) +
          ", true), set_config('inburgering.write', " + quote(list(scope_.write)) + ", true)";
  if (kind == TxKind::kWrite) {
    text += "; SELECT pg_advisory_xact_lock(" + std::to_string(write_lock_) + ")";
  }
  return text;
}

void PgConnection::begin(TxKind kind) { open(kind); }

void PgConnection::open(std::optional<TxKind> kind) {
  if (in_transaction_) throw DbError(DbError::Kind::kOther, "a transaction is already open");
  try {
    session_->exec(begin_text(kind));
  } catch (const std::exception& e) {
    try {
      session_->exec("ROLLBACK");
    } catch (...) {
      // The connection may be gone; the error below says so.
    }
    throw pg_error(e);
  }
  in_transaction_ = true;
  failed_ = false;
}

void PgConnection::commit() {
  if (!in_transaction_) throw DbError(DbError::Kind::kOther, "no transaction to commit");
  if (failed_) throw DbError(DbError::Kind::kOther, "a statement of the transaction failed");
  try {
    session_->exec("COMMIT");
  } catch (const std::exception& e) {
    in_transaction_ = false;
    throw pg_error(e);
  }
  in_transaction_ = false;
}

void PgConnection::rollback() noexcept {
  if (!in_transaction_) return;
  in_transaction_ = false;
  failed_ = false;
  try {
    session_->exec("ROLLBACK");
  } catch (...) {
    // A broken connection has no transaction left to roll back.
  }
}

pqxx::result PgConnection::run(const std::string& name, const std::vector<const char*>& params) {
  const bool own = !in_transaction_;
  if (own) open(std::nullopt);
  try {
    pqxx::result result = session_->exec_prepared(name, pqxx::prepare::make_dynamic_params(params));
    if (own) commit();
    return result;
  } catch (const std::exception& e) {
    if (own) {
      rollback();
    } else {
      failed_ = true;
    }
    throw pg_error(e);
  }
}

}  // namespace inburgering::storage::detail
