#pragma once
// Private: the few things the SQL store needs of a database connection, so that one
// implementation of the store's rules (sql_*.cpp) runs on SQLite (sqlite_connection.cpp) and on
// PostgreSQL (pg_connection.cpp). The names follow SQLiteCpp's (`bind`, `executeStep`,
// `getColumn`), which the store was first written against.
//
// SQL is written once, in the subset both databases take: parameters as `?1`, `?2`, ... (the
// PostgreSQL connection numbers them `$1`, `$2`, ...), and SQLite's `INDEXED BY` hints, which the
// PostgreSQL connection drops. Text that differs goes through `Connection::dialect()`.

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace inburgering::storage::detail {

enum class Dialect { kSqlite, kPostgres };

/// An error of the database, classified for the store's retry (`SqlStore::Impl::with_retry`).
class DbError : public std::runtime_error {
 public:
  enum class Kind {
    /// Another connection holds a lock (SQLite BUSY or LOCKED): try again later.
    kBusy,
    /// The transaction lost to a concurrent one (serialization failure, deadlock): run again.
    kRetry,
    /// A unique or primary key constraint: a concurrent insert of the same key, or a bug.
    kUnique,
    /// Anything else (I/O, damage, a broken connection, a bug).
    kOther,
  };
  DbError(Kind kind, const std::string& message, int code = 0)
      : std::runtime_error(message), kind_(kind), code_(code) {}
  Kind kind() const noexcept { return kind_; }
  /// The backend's own code (SQLite's extended result code; 0 for PostgreSQL).
  int code() const noexcept { return code_; }

 private:
  Kind kind_;
  int code_;
};

/// One prepared statement of a backend. Parameters are numbered from 1, columns from 0.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void bind_int64(int index, std::int64_t value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_null(int index) = 0;
  /// Runs the statement on the first call; each call moves to the next row (false: none left).
  virtual bool step() = 0;
  /// Runs a statement without rows; returns how many rows it changed.
  virtual int exec() = 0;
  /// Back to before running; the bindings stay.
  virtual void reset() = 0;
  virtual void clear_bindings() = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t int64_at(int column) const = 0;
  virtual std::string text_at(int column) const = 0;
};

/// One column of the current row.
class Column {
 public:
  Column(const StatementBackend& statement, int index) : statement_(&statement), index_(index) {}
  bool isNull() const { return statement_->is_null(index_); }
  std::int64_t getInt64() const { return statement_->int64_at(index_); }
  int getInt() const { return static_cast<int>(statement_->int64_at(index_)); }
  std::string getString() const { return statement_->text_at(index_); }

 private:
  const StatementBackend* statement_;
  int index_;
};

class Connection;

/// A statement of a connection (as SQLite::Statement).
class Statement {
 public:
  Statement(Connection& connection, const std::string& sql);
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

  void bind(int index, std::int64_t value) { backend_->bind_int64(index, value); }
  void bind(int index, int value) { backend_->bind_int64(index, value); }
  void bind(int index, const std::string& value) { backend_->bind_text(index, value); }
  void bind(int index, const char* value) { backend_->bind_text(index, value); }
  /// NULL.
  void bind(int index) { backend_->bind_null(index); }

  bool executeStep() { return backend_->step(); }
  int exec() { return backend_->exec(); }
  void reset() { backend_->reset(); }
  void clearBindings() { backend_->clear_bindings(); }
  Column getColumn(int index) const { return Column(*backend_, index); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

enum class TxKind {
  /// Reads of one moment (SQLite DEFERRED; PostgreSQL REPEATABLE READ, READ ONLY).
  kRead,
  /// Writes, one writer at a time, so the audit trail's chain stays one line (SQLite IMMEDIATE;
  /// PostgreSQL READ COMMITTED under a transaction-level lock taken first).
  kWrite,
};

/// What the transactions of one store call may see (municipality codes): a backend with
/// row-level security (PostgreSQL) sets it in every transaction; SQLite has none to set.
struct Scope {
  /// The actor's municipality (the audit entries it writes are in its name).
  std::string municipality;
  /// Municipalities whose rows may be read: its own and those of its grants.
  std::vector<std::string> read;
  /// Municipalities whose rows may be written: its own and those whose grant allows writing.
  std::vector<std::string> write;
};

/// A connection to one database. Not thread-safe: one per store object.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const noexcept = 0;
  /// The scope of the transactions that follow (see `Scope`).
  virtual void set_scope(const Scope& scope) { (void)scope; }
  /// @throws DbError.
  virtual std::unique_ptr<StatementBackend> prepare(const std::string& sql) = 0;
  virtual void begin(TxKind kind) = 0;
  virtual void commit() = 0;
  /// Never throws: a failed rollback leaves the connection to the backend's own recovery.
  virtual void rollback() noexcept = 0;
};

inline Statement::Statement(Connection& connection, const std::string& sql)
    : backend_(connection.prepare(sql)) {}

/// A transaction rolled back unless committed (as SQLite::Transaction).
class Transaction {
 public:
  Transaction(Connection& connection, TxKind kind) : connection_(connection) {
    connection_.begin(kind);
  }
  ~Transaction() {
    if (!done_) connection_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  /// A commit that fails leaves the transaction to the destructor, which rolls it back.
  void commit() {
    connection_.commit();
    done_ = true;
  }

 private:
  Connection& connection_;
  bool done_ = false;
};

/// Prepared statements of one connection, prepared once and reused (preparing is a fair share of
/// a small write). `use` hands a statement out for one use; the handle resets it and clears its
/// bindings when it goes, so no statement keeps a read snapshot open between calls. One use of a
/// given SQL text at a time.
class StatementCache {
 public:
  explicit StatementCache(Connection& db) : db_(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  class Use {
   public:
    explicit Use(Statement& statement) : statement_(&statement) {}
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use() {
      try {
        statement_->reset();
        statement_->clearBindings();
      } catch (...) {
        // reset() may report the error of the last step again; it was seen then.
      }
    }
    Statement& operator*() const { return *statement_; }
    Statement* operator->() const { return statement_; }

   private:
    Statement* statement_;
  };

  Use use(const std::string& sql) {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<Statement>(db_, sql);
    return Use(*slot);
  }
  Connection& db() const { return db_; }

 private:
  Connection& db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace inburgering::storage::detail
