#pragma once
// Private: the PostgreSQL schema and its forward-only migrations (the `schema_version` table).

#include <pqxx/connection>

#include <string>

namespace inburgering::storage::detail {

/// The schema version this library writes on PostgreSQL (its own numbering: version 1 holds
/// what SQLite's schema 10 holds).
int pg_latest_schema_version() noexcept;

/// The version of `schema` (0: there is none yet). @throws StorageError (kIncompatibleDatabase:
/// the schema exists but holds no `schema_version` of this library).
int pg_schema_version(pqxx::connection& connection, const std::string& schema);

/// Migrates `schema` forward to the latest version, one version per transaction under an
/// advisory lock (two processes opening at once migrate once). Creates the schema and, when
/// missing, the application role `app_role` (NOLOGIN; the accounts of the back office are made
/// members of it), grants it what the store needs and no more: no UPDATE or DELETE on the audit
/// trail, whose trigger refuses them to every role anyway. @throws StorageError.
void pg_migrate(pqxx::connection& connection, const std::string& schema,
                const std::string& app_role);

/// The key of the schema's advisory writer lock.
std::int64_t pg_write_lock(const std::string& schema);

}  // namespace inburgering::storage::detail
