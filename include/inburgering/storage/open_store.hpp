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
  /// Create the store when there is none: the SQLite file, or the PostgreSQL schema's tables.
  /// Off: a missing one is refused (SqliteOptions::create_if_missing,
  /// PostgresOptions::create_if_missing).
  bool create_if_missing = true;
};

/// The backend a connection string names (see `open_store`).
enum class Backend {
  kSqlite,    ///< a path, `sqlite:…`
  kPostgres,  ///< `postgresql://…`, `postgres://…`, `postgresql:<keywords>`
};

/// Which backend `open_store(connection)` opens.
INBURGERING_EXPORT Backend backend_of(const std::string& connection) noexcept;

/// `connection` fit to show or log: a PostgreSQL password (in a URI's user part, or a
/// `password=` parameter or keyword) becomes `***`. Other parts, a path included, stay.
INBURGERING_EXPORT std::string redacted_connection(const std::string& connection);

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
