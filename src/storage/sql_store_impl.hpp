#pragma once
// Private: the state and helpers of SqlStore, shared by its source files (sql_*.cpp) and by the
// backends that open it (sqlite_store.cpp, postgres_store.cpp).

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "inburgering/clock.hpp"
#include "inburgering/error.hpp"
#include "inburgering/storage/sql_store.hpp"
#include "storage/sql_connection.hpp"
#include "storage/sql_rows.hpp"

namespace inburgering::storage {

/// What the shared implementation needs of a backend's options.
struct StoreSettings {
  /// Source of today and now (deadlines, audit timestamps).
  std::shared_ptr<const Clock> clock;
  /// How often a transaction that lost to another (busy, serialization failure, deadlock, a
  /// concurrent insert of the same key) is run again.
  int retries = 8;
  /// Every write refused with kReadOnlyStore.
  bool read_only = false;
};

// Hidden even though SqlStore is exported: nothing of it is API.
struct __attribute__((visibility("hidden"))) SqlStore::Impl {
  Impl(std::unique_ptr<detail::Connection> c, StoreSettings opts)
      : connection(std::move(c)), db(*connection), options(std::move(opts)) {}

  std::unique_ptr<detail::Connection> connection;
  detail::Connection& db;
  StoreSettings options;
  /// Prepared statements of `db` (declared after it: destroyed before it).
  detail::StatementCache statements{db};
  /// Policies by id. Policy rows are immutable and ids never reused, and only committed rows are
  /// read into it.
  std::map<std::int64_t, Policy> policies;

  detail::Dialect dialect() const noexcept { return db.dialect(); }
  Date today() const { return options.clock->today(); }
  std::string now() const { return to_iso(options.clock->now()); }

  /// Runs `body` and runs it again when the database reports a lock held by another connection,
  /// a transaction that lost to a concurrent one, or a concurrent insert of the same key; maps
  /// every other database error to StorageError. `body` opens its own transaction, so a retry
  /// starts from a clean slate.
  template <class F>
  auto with_retry(const char* what, F&& body) -> decltype(body()) {
    for (int attempt = 0;; ++attempt) {
      try {
        return body();
      } catch (const detail::DbError& e) {
        if (e.kind() == detail::DbError::Kind::kOther) {
          throw StorageError(std::string(what) + " failed: " + e.what());
        }
        if (attempt < options.retries) {
          std::this_thread::sleep_for(std::chrono::milliseconds(5 << std::min(attempt, 6)));
          continue;
        }
        if (e.kind() == detail::DbError::Kind::kUnique) {
          throw StorageError(std::string(what) + " failed: " + e.what());
        }
        throw StorageError(std::string(what) + " failed: the database stayed busy after " +
                               std::to_string(options.retries) + " retries",
                           ErrorCode::kStorageBusy);
      }
    }
  }

  /// The regional arrangement an actor uses for a record of `owner` ("" for its own).
  std::string arrangement_for(const Actor& actor, std::optional<MunicipalityCode> owner) const;

  /// Appends an entry to the audit trail (inside the caller's transaction).
  void insert_audit(const Actor& actor, AuditAction action, std::optional<MunicipalityCode> owner,
                    std::optional<TrajectoryId> id, const std::vector<FieldChange>& changes,
                    const std::string& note);

  /// Audits the refusal in its own transaction, then throws AccessDenied.
  [[noreturn]] void deny(const Actor& actor, std::optional<MunicipalityCode> owner,
                         std::optional<TrajectoryId> id, const std::string& what);

  /// Audits the refusal like `deny`, then throws the NotFound a missing `id` gets: a record the
  /// actor may not read does not reveal that it exists.
  [[noreturn]] void deny_as_not_found(const Actor& actor, MunicipalityCode owner, TrajectoryId id,
                                      const std::string& what);

  /// Writes the refusal to the trail in a transaction of its own; a failure to write it is
  /// swallowed (the refusal stands).
  void audit_denial(const Actor& actor, std::optional<MunicipalityCode> owner,
                    std::optional<TrajectoryId> id, const std::string& what) noexcept;

  /// @throws StorageError (kReadOnlyStore) on a store opened read-only.
  void require_writable(const std::string& what) const;

  /// What the `trajectory` row says.
  struct StoredRow {
    MunicipalityCode municipality;
    std::int64_t revision;
    std::optional<std::string> record;
    std::optional<std::string> purged_on;
    std::optional<std::int64_t> policy_id;
  };
  std::optional<StoredRow> read_row(TrajectoryId id);

  /// The policy with `id`, from the cache or the table.
  const Policy& policy(std::int64_t id);

  /// The record of a row (not purged), without its revision's meaning checked.
  /// @throws StorageError (kCorruptData).
  TrajectoryRecord decode_row(const StoredRow& row, TrajectoryId id);

  /// Binds the columns derived from `trajectory` (?2..?15 of sql::kInsert and sql::kUpdate).
  void bind_columns(detail::Statement& statement, const Trajectory& trajectory,
                    std::int64_t revision, const std::string& record_text, std::int64_t policy_id);

  /// The checks of `create` before its transaction (access, health, placeholder, revision);
  /// returns the text of the record's row. @throws AccessDenied (audited), ValidationError,
  /// ConflictError (kAlreadyStored).
  std::string prepare_create(const Actor& actor, const Trajectory& trajectory);
  /// Writes a new trajectory's row, health, deadlines and audit entry (inside the caller's
  /// transaction).
  void insert_new(const Actor& actor, const Trajectory& trajectory, const std::string& text,
                  std::int64_t policy_id, const std::string& note = {});
  /// Audits a foreign id as a denial and throws the ConflictError of a taken id.
  [[noreturn]] void refuse_taken_id(const Actor& actor, TrajectoryId id, MunicipalityCode taken_by,
                                    const std::string& batch);

  /// Removes the personal data of a row and audits it.
  void scrub(const Actor& actor, TrajectoryId id, MunicipalityCode owner, AuditAction action,
             const std::string& note);

  /// Checks the actor of every call (user, role, the text it brings into the audit trail) and
  /// gives the connection its scope: the municipalities whose rows the database lets the
  /// transactions of this call read and write (row-level security, where the backend has it).
  /// @throws ValidationError.
  void check_actor(const Actor& actor);
};

}  // namespace inburgering::storage
