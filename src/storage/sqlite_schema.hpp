#pragma once
// Private: the SQLite schema and its forward-only migrations (PRAGMA user_version).

#include <SQLiteCpp/Database.h>

#include <functional>

#include "inburgering/policy.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::storage::detail {

/// The schema version this library writes.
int latest_schema_version() noexcept;

/// The policy a trajectory of `municipality` runs under (for migrations that recompute data).
using PolicyFor = std::function<const Policy&(MunicipalityCode)>;

/// Reads the version and refuses what must not be touched: not a SQLite database, another
/// application's database (tables but version 0), a newer schema. Writes nothing.
/// @returns the current version. @throws StorageError.
int check_schema(SQLite::Database& db);

/// Migrates forward from the current version to `target` (≤ latest), one version per
/// transaction, so an interrupted upgrade resumes where it stopped. @throws StorageError.
void migrate(SQLite::Database& db, int target, const PolicyFor& policy_for);

/// Replaces the stored deadlines of trajectory `record` (the worklist rows).
void write_deadlines(SQLite::Database& db, const Trajectory& trajectory, Date as_of);

}  // namespace inburgering::storage::detail
