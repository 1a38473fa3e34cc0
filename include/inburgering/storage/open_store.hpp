#pragma once
/// @file open_store.hpp
/// Opening a store by connection string, so that the embedding software (and the caseworker
/// tool) chooses the backend by configuration.

#include <memory>
#include <string>

#include "inburgering/clock.hpp"
#include "inburgering/export.hpp"
#include "inburgering/storage/trajectory_store.hpp"

namespace inburgering::storage {

/// What `open_store` passes to the backend it opens (the rest of each backend's options keeps
/// its default; open a backend directly for those).
struct INBURGERING_EXPORT StoreOptions {
  /// Source of today and now. Default: the system clock.
  std::shared_ptr<const Clock> clock;
  /// Open for reading only (see SqliteOptions::read_only, PostgresOptions::read_only).
  bool read_only = false;
  /// SQLite only: create the file when it does not exist.
  bool create_if_missing = true;
};

/// Opens the store that `connection` names:
///  - `sqlite:/path/to/file.db`, `sqlite::memory:`, or a plain path: `SqliteStore::open`;
///  - `postgresql://…` or `postgres://…` (a libpq URI), or `postgresql:` followed by a libpq
///    keyword string (`postgresql:host=db dbname=wi`; `postgresql:` alone: the PG* environment
///    variables): `PostgresStore::open`. The schema is `inburgering`, or the one a `schema=name`
///    parameter names (`postgresql://db.example/wi?schema=regio_utrecht`, or a keyword
///    `schema=regio_utrecht`), which is taken out before the rest goes to libpq.
/// @throws ValidationError (an empty string, a bad schema name), StorageError (as the backend's
///         open; `kStorageFailure` for postgresql: when the library was built without it).
INBURGERING_EXPORT std::unique_ptr<TrajectoryStore> open_store(const std::string& connection,
                                                               StoreOptions options = {});

}  // namespace inburgering::storage
