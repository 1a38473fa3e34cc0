#pragma once
/// @file trajectory_store.hpp
/// The storage interface every backend implements (SQLite now, PostgreSQL next). Tests of
/// behaviour are written once against this interface and run for each backend.
///
/// Guarantees of every implementation:
///  - each mutating call is one transaction that includes its audit entries: all or nothing;
///  - optimistic concurrency: `save` fails with `ConflictError` and writes nothing when the
///    stored revision differs from the one the trajectory was loaded with;
///  - every call carries an `Actor`; records of other municipalities are only reachable through
///    a `RegionalGrant`, health information only for roles that may read it; a refusal throws
///    `AccessDenied` and is audited;
///  - errors name records by id and fields by name, never by personal values;
///  - no backend exception crosses the interface (`StorageError` wraps them).
/// Implementations are not thread-safe: use one store object per thread (each opens its own
/// connection); several processes may share one database.

#include <optional>
#include <string>
#include <vector>

#include "inburgering/bsn.hpp"
#include "inburgering/calendar.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/progress/signal.hpp"
#include "inburgering/route/route.hpp"
#include "inburgering/storage/actor.hpp"
#include "inburgering/storage/audit_log.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::storage {

/// Keyset pagination: `after` is the `next` of the previous page (empty for the first page).
struct PageRequest {
  std::string after;
  /// 1 to 1000.
  int limit = 100;
};

template <class T>
struct Page {
  std::vector<T> items;
  /// Pass as `PageRequest::after` for the next page; empty when this was the last page.
  std::string next;
};

/// What a listing shows of a trajectory: no personal data.
struct TrajectorySummary {
  TrajectoryId id;
  MunicipalityCode municipality;
  UserId caseworker;
  TrajectoryState state = TrajectoryState::kRegistered;
  std::optional<Route> route;
  /// Last day of the term as known when it was last saved; empty when none runs.
  std::optional<Date> term_end;
  std::int64_t revision = 0;
  /// Personal data removed (retention or erasure); only the minimal facts remain.
  bool purged = false;
  friend bool operator==(const TrajectorySummary&, const TrajectorySummary&) = default;
};

/// Which trajectories a listing covers. `municipality` defaults to the actor's own.
struct TrajectoryFilter {
  std::optional<MunicipalityCode> municipality;
  std::optional<UserId> caseworker;
  std::optional<TrajectoryState> state;
  std::optional<Route> route;
};

/// One item of a worklist.
struct WorklistItem {
  TrajectoryId trajectory;
  UserId caseworker;
  /// `overdue` is relative to the store clock's today.
  Signal signal;
};

/// What a retention run removed.
struct RetentionReport {
  std::vector<TrajectoryId> purged;
};

class TrajectoryStore {
 public:
  virtual ~TrajectoryStore() = default;

  /// Stores a new trajectory. On success `trajectory` carries revision 1.
  /// @throws AccessDenied, ConflictError (the id exists), StorageError.
  virtual void create(const Actor& actor, Trajectory& trajectory) = 0;

  /// Stores the changes to a loaded trajectory, with field-level audit entries. A save without
  /// changes writes nothing. A save never removes stored health information: a trajectory
  /// loaded without it (by a role that may not see it) keeps the stored topic, whoever saves it.
  /// On success `trajectory` carries the new revision.
  /// @throws AccessDenied (also when a role without health rights adds health information),
  ///         ConflictError (changed by someone else, or purged), NotFound, StorageError.
  virtual void save(const Actor& actor, Trajectory& trajectory) = 0;

  /// Loads a trajectory. Health information is included only for actors that may read it, and
  /// reading it is audited. @throws NotFound (also when purged), AccessDenied, StorageError.
  virtual Trajectory load(const Actor& actor, TrajectoryId id) = 0;

  /// The trajectories of a person, by BSN, among those the actor may read.
  virtual std::vector<TrajectorySummary> find_by_bsn(const Actor& actor, const Bsn& bsn) = 0;

  /// One municipality's trajectories, filtered, in id order.
  /// @throws AccessDenied, ValidationError (bad page request).
  virtual Page<TrajectorySummary> list(const Actor& actor, const TrajectoryFilter& filter,
                                       const PageRequest& page) = 0;

  /// The signals due before `due_before` across a caseload (one municipality, optionally one
  /// caseworker), by due date. Deadlines are those known when each trajectory was last saved.
  virtual Page<WorklistItem> worklist(const Actor& actor, Date due_before,
                                      const TrajectoryFilter& filter, const PageRequest& page) = 0;

  /// Running trajectories whose term ends from `today` up to `within_months` months later.
  virtual Page<TrajectorySummary> terms_ending(const Actor& actor, Date today, int within_months,
                                               const TrajectoryFilter& filter,
                                               const PageRequest& page) = 0;

  /// The audit trail of one trajectory, oldest first.
  /// @throws NotFound, AccessDenied.
  virtual std::vector<AuditEntry> history(const Actor& actor, TrajectoryId id) = 0;

  /// Removes the personal data of the actor's municipality's trajectories that were closed
  /// more than `Policy::retention_years` before `today` (Bi 9.9). Kept: id, municipality,
  /// caseworker, state, route, target group, term start and closing date. Audited per record.
  /// @throws AccessDenied unless the role may erase.
  virtual RetentionReport purge_expired(const Actor& actor, Date today) = 0;

  /// Removes the personal data of every trajectory of the person in the actor's municipality,
  /// on their request (AVG art. 17), with `reason` in the audit trail (no personal data in it).
  /// Returns how many trajectories were erased. @throws AccessDenied, ValidationError.
  virtual int erase_person(const Actor& actor, const Bsn& bsn, const std::string& reason) = 0;
};

}  // namespace inburgering::storage
