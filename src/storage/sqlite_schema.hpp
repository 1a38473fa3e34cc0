#pragma once
// Private: the SQLite schema and its forward-only migrations (PRAGMA user_version).

#include <SQLiteCpp/Database.h>

namespace inburgering::storage::detail {

/// The schema version this library writes.
int latest_schema_version() noexcept;

/// Reads the version and refuses what must not be touched: not a SQLite database, another
/// application's database (tables but version 0), a newer schema. Writes nothing.
/// @returns the current version. @throws StorageError.
int check_schema(SQLite::Database& db);

/// Migrates forward from the current version to `target` (≤ latest), one version per
/// transaction, so an interrupted upgrade resumes where it stopped. @throws StorageError
/// (kStorageFailure, or kCorruptData for a row a migration cannot read; rolled back).
void migrate(SQLite::Database& db, int target);

}  // namespace inburgering::storage::detail
