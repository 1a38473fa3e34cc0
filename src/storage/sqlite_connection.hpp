#pragma once
// Private: the SQLite side of sql_connection.hpp, over SQLiteCpp.

#include <SQLiteCpp/Database.h>

#include <memory>
#include <optional>

#include "storage/sql_connection.hpp"

namespace inburgering::storage::detail {

/// The DbError of an SQLite error (BUSY and LOCKED: kBusy; a unique or primary key: kUnique).
DbError db_error(const SQLite::Exception& e);

class SqliteConnection final : public Connection {
 public:
  /// Owns `db`.
  explicit SqliteConnection(SQLite::Database&& db);
  /// Borrows `db` (a migration's connection).
  explicit SqliteConnection(SQLite::Database& db) : db_(&db) {}

  Dialect dialect() const noexcept override { return Dialect::kSqlite; }
  std::unique_ptr<StatementBackend> prepare(const std::string& sql) override;
  void begin(TxKind kind) override;
  void commit() override;
  void rollback() noexcept override;

  SQLite::Database& database() const { return *db_; }

 private:
  std::optional<SQLite::Database> owned_;
  SQLite::Database* db_;
};

}  // namespace inburgering::storage::detail
