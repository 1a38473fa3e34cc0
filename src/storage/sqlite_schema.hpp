#pragma once
// Private: the SQLite schema and its forward-only migrations (PRAGMA user_version).

#include <SQLiteCpp/Database.h>

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <string>

#include "inburgering/error.hpp"
#include "storage/audit_chain.hpp"

#include "inburgering/municipality.hpp"
#include "inburgering/policy.hpp"

namespace inburgering::storage::detail {

/// The schema version this library writes.
int latest_schema_version() noexcept;

/// `PRAGMA application_id` of an inburgering database (schema 5 on): "Inbu" in ASCII.
inline constexpr std::int64_t kApplicationId = 0x496E6275;

/// A StorageError that names the real cause of an SQLite error (locked, not a database,
/// permissions, damage) after `what`.
StorageError sqlite_error(const SQLite::Exception& e, const std::string& what);

/// Reads the version and refuses what must not be touched: not a SQLite database, another
/// application's database (another application_id; tables but version 0; a version without
/// this library's tables), a newer schema. Writes nothing: run it on a read-only connection.
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
