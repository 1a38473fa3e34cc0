#pragma once
/// @file postgres_store.hpp
/// The PostgreSQL backend (PostgreSQL 15, through libpqxx 6.4), for back offices that outgrow
/// one file: many caseworkers at once, a regional cooperation or a vendor hosting several
/// municipalities in one database. It runs the same implementation as `SqliteStore` (SqlStore),
/// with the same guarantees (trajectory_store.hpp), and adds the database's own:
///  - **Row-level security per municipality.** Every transaction starts by setting, locally to
///    it, the municipalities the actor may read and write (`inburgering.read`,
///    `inburgering.write`); the tables with personal or per-trajectory data show and change only
///    their rows. A query without the settings sees nothing, so a bug in the caller cannot read
///    another municipality's rows. What must see past it returns no personal data: whose a
///    trajectory is, the next free id, the audit trail's last link and (for `verify_audit`) its
///    chain, each a function of the schema's owner. Programme definitions and the ledger of
///    imported dossiers hold none and are not under it; roles within a municipality (health,
///    erasure) remain the library's checks.
///  - **The application role.** The schema is created and migrated by the account that opens it
///    first (it owns the tables); the store then works as `application_role` (`SET ROLE`), which
///    may not update or delete the audit trail, whose trigger refuses that to every role.
///  - **One writer at a time** per schema (a transaction-level advisory lock taken first), as
///    SQLite's BEGIN IMMEDIATE: the audit trail is one hash chain. Reads run beside the writer
///    (REPEATABLE READ, READ ONLY); serialization failures and deadlocks are retried
///    `retries` times.
/// One connection per store object, with its prepared statements; a store object is not
/// thread-safe: give each thread its own, or keep a pool of them (a queue of
/// `std::unique_ptr<PostgresStore>` that threads take one from and give back).
/// A connection the server ends (restart, failover) is not re-established: the call fails with
/// `StorageError` ("the connection to PostgreSQL was lost"), and so does every later call on
/// that object; open a new store (a pool replaces the object). A new session behind the store's
/// back would lack the application role, schema and read-only setting of this one.

#include <memory>
#include <string>

#include "inburgering/clock.hpp"
#include "inburgering/export.hpp"
#include "inburgering/storage/sql_store.hpp"

namespace inburgering::storage {

struct INBURGERING_EXPORT PostgresOptions {
  /// Source of today and now (deadlines, audit timestamps). Default: the system clock.
  std::shared_ptr<const Clock> clock;
  /// The schema that holds the tables (created when missing). One database may hold several
  /// (e.g. a test per schema); each is a store of its own.
  std::string schema = "inburgering";
  /// The role the store works as after opening (created NOLOGIN by the first migration when
  /// missing; grant it to the back office's accounts). Empty: stay the account that connected
  /// (which then must not be a superuser or the tables' owner for row-level security to apply).
  std::string application_role = "inburgering_app";
  /// Migrate an older schema at open (as the connecting account, which must own it). Off: an
  /// older schema is refused (`kIncompatibleDatabase`), for accounts that may only use it.
  bool migrate = true;
  /// How often a transaction that lost to another (serialization failure, deadlock, a concurrent
  /// insert of the same key) is run again (0..100).
  int retries = 8;
  /// Open for reading only: every write, including the audit entry a health read needs, fails
  /// with `StorageError` (`kReadOnlyStore`), and the session is read-only.
  bool read_only = false;
  /// Create the schema when it holds no store yet. Off (or `read_only`): such a schema (missing,
  /// or empty) is refused with `NotFound` and left as it was, as SqliteOptions::create_if_missing
  /// refuses a missing file (a command that only reads should not create a store).
  bool create_if_missing = true;
};

class INBURGERING_EXPORT PostgresStore final : public SqlStore {
 public:
  /// Connects with `connection` (a libpq URI "postgresql://user@host/db" or keyword string
  /// "host=... dbname=..."; empty: the PG* environment variables), migrates the schema and
  /// switches to the application role.
  /// @throws StorageError naming the cause: `kStorageFailure` (cannot connect, no such role, a
  ///         migration failed), `kIncompatibleDatabase` (a newer schema, another application's
  ///         tables in the schema, an older one with `migrate` off). ValidationError: bad
  ///         options. NotFound: no store in the schema and `create_if_missing` off.
  static std::unique_ptr<PostgresStore> open(const std::string& connection,
                                             PostgresOptions options = {});

  /// The schema version this library writes on PostgreSQL.
  static int latest_schema_version() noexcept;

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

 private:
  explicit PostgresStore(std::unique_ptr<Impl> impl);
};

}  // namespace inburgering::storage
