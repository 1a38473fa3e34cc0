#pragma once
// Private: the PostgreSQL side of sql_connection.hpp, over libpqxx 6.4.
//
// One session per connection, with transactions begun and ended by the connection itself (on a
// pqxx::nontransaction), so that every transaction starts with the call's scope: the settings
// row-level security reads (`inburgering.municipality`, `inburgering.read`, `inburgering.write`,
// transaction-local), and, for a write, the schema's writer lock (one writer at a time, as
// SQLite's BEGIN IMMEDIATE: the audit trail is one chain). A statement run outside a
// transaction gets one of its own.

#include <pqxx/connection>
#include <pqxx/nontransaction>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/sql_connection.hpp"

namespace inburgering::storage::detail {

/// The DbError of a libpqxx error: serialization failures and deadlocks kRetry, a unique key
/// kUnique, a lock not available kBusy. Only the first line of the server's message is kept: the
/// details of a constraint quote the values (personal data).
DbError pg_error(const std::exception& e);

/// SQL as PostgreSQL takes it.
struct PostgresSql {
  /// `?N` parameters numbered `$1`, `$2`, ... in order of their numbers, without gaps (a
  /// statement may leave a number out, as the listing does for a filter it does not apply;
  /// PostgreSQL wants a type for every number), SQLite's `INDEXED BY name` hints left out.
  std::string text;
  /// For each `?N`, its `$` number (index N; 0: not in the text).
  std::vector<int> position;
  /// How many `$` numbers there are.
  int count = 0;
  /// The name it is prepared under.
  std::string name;
};
class PgConnection final : public Connection {
 public:
  /// `write_lock`: the key of the schema's advisory writer lock.
  PgConnection(std::unique_ptr<pqxx::connection> connection, std::int64_t write_lock);
  ~PgConnection() override;

  Dialect dialect() const noexcept override { return Dialect::kPostgres; }
  void set_scope(const Scope& scope) override;
  std::unique_ptr<StatementBackend> prepare(const std::string& sql) override;
  void begin(TxKind kind) override;
  void commit() override;
  void rollback() noexcept override;

  /// Runs a prepared statement with `params` (nullptr: NULL), in the open transaction or in one of
  /// its own. @throws DbError.
  pqxx::result run(const std::string& name, const std::vector<const char*>& params);

 private:
  /// Begins a transaction of `kind`, or (nullopt) one for a single statement.
  void open(std::optional<TxKind> kind);
  std::string begin_text(std::optional<TxKind> kind) const;

  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::nontransaction> session_;
  std::int64_t write_lock_;
  Scope scope_;
  bool in_transaction_ = false;
  /// A statement of the open transaction failed: PostgreSQL has aborted it.
  bool failed_ = false;
  /// By the SQL the store wrote.
  std::unordered_map<std::string, PostgresSql> prepared_;
};

PostgresSql postgres_sql(const std::string& sql);

}  // namespace inburgering::storage::detail
