#pragma once
/// @file sqlite_store.hpp
/// The embedded SQLite backend (through SQLiteCpp): one file, or ":memory:" for tests.
///
/// Opening creates a new file or opens an existing one and migrates its schema forward
/// (`PRAGMA user_version`; migrations run one by one, each in its own transaction). Before
/// anything writes, an existing file is checked on a read-only connection: a file that is not a
/// SQLite database, is another application's database (`PRAGMA application_id`, and the tables
/// of its schema version), or was written by a newer version of this library is refused with
/// `StorageError`, the file and its `-wal` left byte for byte as they were (reading a WAL-mode
/// file, SQLite may leave an empty `-wal` and a `-shm` index beside it). Connections use WAL
/// mode, foreign keys, `synchronous=FULL`, a busy timeout and a bounded retry on SQLITE_BUSY, so
/// several processes can share the file. Errors name the real cause: a locked database
/// (`kStorageBusy`), a file or directory this process may not write (`kStorageFailure`, with the
/// hint to open it read-only), damage (`kCorruptData`).

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "inburgering/clock.hpp"
#include "inburgering/export.hpp"
#include "inburgering/policy.hpp"
#include "inburgering/storage/sql_store.hpp"

namespace inburgering::storage {

/// When a commit is on disk (`PRAGMA synchronous`, in WAL mode).
enum class SqliteSync {
  /// Every commit is synced before it returns: a committed save survives a power failure.
  kFull,
  /// Commits are synced at checkpoints: still all or nothing, and nothing is lost when the
  /// process crashes, but the last commits before a power failure or an OS crash may be lost.
  /// For a bulk import that can be repeated (`create_many` refuses the ids already stored).
  kNormal,
};

/// Options of an SQLite store. There is no policy for trajectories here: each carries its own
/// (`Trajectory::policy()`), and the store never replaces it.
struct INBURGERING_EXPORT SqliteOptions {
  /// Source of today and now (deadlines, audit timestamps). Default: the system clock.
  std::shared_ptr<const Clock> clock;
  /// Only for a database written by library 0.1 (schema 1 or 2), whose records did not carry
  /// their policy: the policy that store was opened with (0.1's `SqliteOptions::policy`), and per
  /// municipality (its `municipal_policies`). Migration 3 gives each record the policy of its
  /// municipality, keeps that policy's numbers with its term, PIP versions and learnability test,
  /// and checks the record against them; a record that breaks them stops the migration, which
  /// rolls back. Ignored for newer databases. Default: the legal defaults.
  Policy legacy_policy;
  std::map<MunicipalityCode, Policy> legacy_municipal_policies;
  /// How long one statement waits for another connection's lock.
  std::chrono::milliseconds busy_timeout{5000};
  /// How often a transaction that still found the database busy is retried.
  int busy_retries = 8;
  /// Durability of commits; see `SqliteSync`. Default: `kFull`.
  SqliteSync synchronous = SqliteSync::kFull;
  /// Create the file when it does not exist (otherwise StorageError).
  bool create_if_missing = true;
  /// Open for reading only (e.g. a file this process may not write, a reporting process):
  /// nothing is created or migrated, and every write, including the audit entry a health read
  /// needs, fails with `StorageError` (`kReadOnlyStore`). The file must exist at this library's
  /// schema version. A denial is still refused, but cannot be written to the trail. SQLite reads
  /// a WAL-mode file through its `-shm` index: the directory must let it create that file (and
  /// an empty `-wal`) unless they exist.
  bool read_only = false;
};

class INBURGERING_EXPORT SqliteStore final : public SqlStore {
 public:
  /// Opens (and migrates) the database at `path`, or ":memory:".
  /// @throws StorageError naming the path: `kIncompatibleDatabase` (not a database, another
  ///         application's database, a newer schema), `kStorageFailure` (missing file with
  ///         `create_if_missing` off, I/O failure), `kCorruptData` (a row a migration cannot
  ///         read). ValidationError: bad options.
  static std::unique_ptr<SqliteStore> open(const std::string& path, SqliteOptions options = {});

  /// The schema version this library writes.
  static int latest_schema_version() noexcept;
  /// The schema version of the open database (equal to the latest after open()).
  int schema_version() const;

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

 private:
  explicit SqliteStore(std::unique_ptr<Impl> impl);
};

}  // namespace inburgering::storage
