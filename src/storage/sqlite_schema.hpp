#pragma once
// Private: the SQLite schema and its forward-only migrations (PRAGMA user_version).

#include <SQLiteCpp/Database.h>

#include <functional>

#include "inburgering/municipality.hpp"
#include "inburgering/policy.hpp"

namespace inburgering::storage::detail {

/// The schema version this library writes.
int latest_schema_version() noexcept;

/// Reads the version and refuses what must not be touched: not a SQLite database, another
/// application's database (tables but version 0), a newer schema. Writes nothing.
/// @returns the current version. @throws StorageError.
int check_schema(SQLite::Database& db);

/// Migrates forward from the current version to `target` (≤ latest), one version per
/// transaction, so an interrupted upgrade resumes where it stopped. `legacy_policy_for` gives the
/// policy records of library 0.1 ran under (see SqliteOptions::legacy_policy).
/// @throws StorageError (kStorageFailure, or kCorruptData for a row a migration cannot read or
///         that breaks a rule of the model; that migration is rolled back).
using LegacyPolicyFor = std::function<const Policy&(MunicipalityCode)>;
void migrate(SQLite::Database& db, int target, const LegacyPolicyFor& legacy_policy_for);

}  // namespace inburgering::storage::detail
