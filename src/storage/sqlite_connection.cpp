#include "storage/sqlite_connection.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

namespace inburgering::storage::detail {

DbError db_error(const SQLite::Exception& e) {
  const int code = e.getErrorCode();
  const int extended = e.getExtendedErrorCode();
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return DbError(DbError::Kind::kBusy, e.what(), extended);
  }
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return DbError(DbError::Kind::kUnique, e.what(), extended);
  }
  return DbError(DbError::Kind::kOther, e.what(), extended);
}

namespace {

template <class F>
auto mapped(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw db_error(e);
  }
}

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql)
      : statement_(mapped([&] { return SQLite::Statement(db, sql); })) {}

  void bind_int64(int index, std::int64_t value) override {
    mapped([&] { statement_.bind(index, static_cast<int64_t>(value)); });
  }
  void bind_text(int index, std::string_view value) override {
    mapped([&] { statement_.bind(index, std::string(value)); });
  }
  void bind_null(int index) override {
    mapped([&] { statement_.bind(index); });
  }
  bool step() override {
    return mapped([&] { return statement_.executeStep(); });
  }
  int exec() override {
    return mapped([&] { return statement_.exec(); });
  }
  void reset() override {
    mapped([&] { statement_.reset(); });
  }
  void clear_bindings() override { statement_.clearBindings(); }
  bool is_null(int column) const override {
    return mapped([&] { return statement_.getColumn(column).isNull(); });
  }
  std::int64_t int64_at(int column) const override {
    return mapped([&] { return statement_.getColumn(column).getInt64(); });
  }
  std::string text_at(int column) const override {
    return mapped([&] { return statement_.getColumn(column).getString(); });
  }

 private:
  SQLite::Statement statement_;
};

}  // namespace

SqliteConnection::SqliteConnection(SQLite::Database&& db) : owned_(std::move(db)), db_(&*owned_) {}

std::unique_ptr<StatementBackend> SqliteConnection::prepare(const std::string& sql) {
  return std::make_unique<SqliteStatement>(*db_, sql);
}

void SqliteConnection::begin(TxKind kind) {
  mapped([&] { db_->exec(kind == TxKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); });
}

void SqliteConnection::commit() {
  mapped([&] { db_->exec("COMMIT"); });
}

void SqliteConnection::rollback() noexcept {
  try {
    db_->exec("ROLLBACK");
  } catch (...) {
    // SQLite rolls back by itself after some errors; nothing is left to undo then.
  }
}

}  // namespace inburgering::storage::detail
