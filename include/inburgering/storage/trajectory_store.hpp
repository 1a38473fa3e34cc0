#pragma once
/// @file trajectory_store.hpp
/// The storage interface every backend implements (SQLite now, PostgreSQL next). Tests of
/// behaviour are written once against this interface and run for each backend.
///
/// Guarantees of every implementation:
///  - each mutating call is one transaction that includes its audit entries: all or nothing;
///  - optimistic concurrency: `save` fails with `ConflictError` and writes nothing when the
///    stored revision differs from the one the trajectory was loaded with;
///  - every call carries an `Actor`, checked first (`ValidationError`); records of other
///    municipalities are only reachable through a `RegionalGrant`, health information only for
///    roles that may read it; a refusal throws `AccessDenied` and is audited;
///  - existence does not leak: a record of another municipality that the actor may not read
///    answers `NotFound` exactly as a missing id does (the attempt is audited as a denial), and
///    `create` answers the same `kIdExists` for an id taken by any municipality;
///  - errors name records by id and fields by name, never by personal values;
///  - no backend exception crosses the interface (`StorageError` wraps them), and every error
///    carries an `ErrorCode` (`Error::code()`);
///  - a store changes only what it owns: `create` and `save` set the trajectory's revision and
///    nothing else, so the caller's object (and references into it) stays as it was;
///  - health information is read only on request (`LoadOptions::with_health`), and only such a
///    read is audited.
/// Implementations are not thread-safe: use one store object per thread (each opens its own
/// connection); several processes may share one database.
///
/// **Trajectory ids.** The embedding software allocates them: either from its own case system
/// (any positive 64-bit number), or by asking the store with `reserve_id`, which never hands out
/// the same id twice, even to several processes. `create` refuses an id that is stored already
/// (`ConflictError`, `ErrorCode::kIdExists`).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/bsn.hpp"
#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/monitoring/evaluation_export.hpp"
#include "inburgering/monitoring/indicators.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/programme/programme.hpp"
#include "inburgering/programme/programme_report.hpp"
#include "inburgering/progress/signal.hpp"
#include "inburgering/route/route.hpp"
#include "inburgering/storage/actor.hpp"
#include "inburgering/storage/audit_log.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "inburgering/transfer/dossier.hpp"

namespace inburgering::storage {

/// Keyset pagination: `after` is the `next` of the previous page (empty for the first page).
struct INBURGERING_EXPORT PageRequest {
  std::string after;
  /// 1 to 1000.
  int limit = 100;
};

template <class T>
struct INBURGERING_EXPORT Page {
  std::vector<T> items;
  /// Pass as `PageRequest::after` for the next page; empty when this was the last page.
  std::string next;
};

/// What a listing shows of a trajectory: no personal data.
struct INBURGERING_EXPORT TrajectorySummary {
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
struct INBURGERING_EXPORT TrajectoryFilter {
  std::optional<MunicipalityCode> municipality;
  std::optional<UserId> caseworker;
  std::optional<TrajectoryState> state;
  std::optional<Route> route;
};

/// One item of a worklist.
struct INBURGERING_EXPORT WorklistItem {
  TrajectoryId trajectory;
  UserId caseworker;
  /// `overdue` is relative to the store clock's today.
  Signal signal;
};

/// What a retention run removed.
struct INBURGERING_EXPORT RetentionReport {
  std::vector<TrajectoryId> purged;
};

/// What `refresh_deadlines` did.
struct INBURGERING_EXPORT RefreshReport {
  /// Trajectories whose stored deadlines and term end were computed again.
  std::int64_t refreshed = 0;
  /// Transactions it took (one per batch, each with its audit entry).
  std::int64_t batches = 0;
};

/// How to load a trajectory (as leveldb's `ReadOptions`).
struct INBURGERING_EXPORT LoadOptions {
  /// Return the health information (special-category data, Wi 37; Bi 9.11): the content of the
  /// intake's health topic, a dispensation's ground and the college's advice, the learnability
  /// test's dispensation ground and reason. Only roles that may read health information may
  /// ask; the read is audited (`AuditAction::kReadSpecial`, naming what was read) when such
  /// information is actually returned. Without it, a recorded health topic comes as a
  /// placeholder (`TopicRecord::withheld`, empty notes), so the intake still counts as complete,
  /// and the other values as placeholders (`special_withheld`); a save keeps the stored values.
  bool with_health = false;
};

class INBURGERING_EXPORT TrajectoryStore {
 public:
  virtual ~TrajectoryStore() = default;

  /// Stores a new trajectory at revision 1, which it sets on `trajectory` (nothing else of the
  /// object changes) and returns.
  /// @throws AccessDenied; ConflictError (`kIdExists`: the id is stored; `kAlreadyStored`: the
  ///         trajectory has a revision); StorageError.
  virtual std::int64_t create(const Actor& actor, Trajectory& trajectory) = 0;

  /// The most trajectories one `create_many` call takes.
  static constexpr std::size_t kMaxBatch = 100000;

  /// Stores new trajectories in one transaction, for a bulk import (e.g. from another system):
  /// each exactly as `create` would, with its own audit entry, and at revision 1, which it sets
  /// on each; returns how many. All or nothing: a trajectory the actor may not write, an id that
  /// is stored already or appears twice in the batch, stores none of them. Batches of 1,000 to
  /// 10,000 are a good size (see the README's benchmark table). An import resumes after a crash
  /// by leaving out the ids already stored.
  /// @throws AccessDenied, ConflictError (`kIdExists`, `kAlreadyStored`), ValidationError
  ///         (duplicate ids, more than `kMaxBatch`), StorageError.
  virtual std::size_t create_many(const Actor& actor, std::span<Trajectory> trajectories) = 0;

  /// Stores the changes to a loaded trajectory, with field-level audit entries, and sets the new
  /// revision on `trajectory` (nothing else of the object changes) and returns it. A save
  /// without changes writes nothing and keeps the revision. A save never removes stored health
  /// information: a trajectory loaded without it keeps the stored topic, whoever saves it.
  /// @throws AccessDenied (also when a role without health rights writes health information),
  ///         ConflictError (`kStaleRevision`: changed by someone else; `kPurged`), NotFound,
  ///         ValidationError (another municipality), StorageError.
  virtual std::int64_t save(const Actor& actor, Trajectory& trajectory) = 0;

  /// Loads a trajectory, running under the policy stored with it (`Trajectory::policy()`).
  /// Health information only with `options.with_health` (see `LoadOptions`).
  /// @throws NotFound (`kPurged` when only minimal facts remain), AccessDenied (also when
  ///         health is asked for by a role that may not read it), StorageError.
  virtual Trajectory load(const Actor& actor, TrajectoryId id, LoadOptions options = {}) = 0;

  /// A trajectory id that no stored trajectory has and no earlier call returned, for a
  /// trajectory of the actor's municipality. @throws AccessDenied (a role that may not write),
  /// StorageError.
  virtual TrajectoryId reserve_id(const Actor& actor) = 0;

  /// The trajectories of a person, by BSN, among those the actor may read (by municipality,
  /// then id).
  virtual std::vector<TrajectorySummary> find_by_bsn(const Actor& actor, const Bsn& bsn) = 0;

  /// One municipality's trajectories, filtered, in id order.
  /// @throws AccessDenied, ValidationError (bad page request).
  virtual Page<TrajectorySummary> list(const Actor& actor, const TrajectoryFilter& filter,
                                       const PageRequest& page) = 0;

  /// The signals due before `due_before` across a caseload (one municipality, optionally one
  /// caseworker), by due date. Deadlines are those known when each trajectory was last saved.
  /// @throws ValidationError for a filter by state or route (a worklist has neither).
  virtual Page<WorklistItem> worklist(const Actor& actor, Date due_before,
                                      const TrajectoryFilter& filter, const PageRequest& page) = 0;

  /// Running trajectories whose term ends from `today` up to `within_months` (1..120) months
  /// later, by term end; every field of `filter` applies.
  virtual Page<TrajectorySummary> terms_ending(const Actor& actor, Date today, int within_months,
                                               const TrajectoryFilter& filter,
                                               const PageRequest& page) = 0;

  /// The audit trail of one trajectory, oldest first.
  /// @throws NotFound, AccessDenied.
  virtual std::vector<AuditEntry> history(const Actor& actor, TrajectoryId id) = 0;

  /// Removes the personal data of the actor's municipality's trajectories that were closed
  /// more than their policy's `retention_years` before `today` (Bi 9.9). Kept: id, municipality,
  /// caseworker, state, route, target group, term start and closing date. Audited per record.
  /// @throws AccessDenied unless the role may erase.
  virtual RetentionReport purge_expired(const Actor& actor, Date today) = 0;

  /// Removes the personal data of every trajectory of the person in the actor's municipality,
  /// on their request (AVG art. 17), with `reason` in the audit trail. The reason names the
  /// ground, never the person: a reason with a BSN-like number (9 digits in a row, also grouped
  /// by spaces, dots or hyphens, or 8 that pass the BSN check with a leading zero) is refused.
  /// Returns how many trajectories were erased. @throws AccessDenied, ValidationError.
  virtual int erase_person(const Actor& actor, const Bsn& bsn, const std::string& reason) = 0;

  /// Computes the stored deadlines (the worklist) and term ends of the actor's municipality's
  /// running trajectories again as known on `as_of`, `batch_size` trajectories (1..10000) per
  /// transaction, each batch audited (`AuditAction::kRefresh`). Deadlines are otherwise written
  /// when a trajectory is saved, so a term end that moves with an open interruption, or a window
  /// that has passed, stays as last saved: run this once a day (e.g. at night, with today's
  /// date) and after changing the library version. @throws AccessDenied (a role that may not
  /// write), ValidationError, StorageError.
  virtual RefreshReport refresh_deadlines(const Actor& actor, Date as_of, int batch_size = 500) = 0;

  /// Checks the audit trail's hash chain from its first entry to its last (every municipality's
  /// entries: no content is returned). @throws AccessDenied unless the role may verify
  /// (`role_may_verify_audit`), StorageError.
  virtual AuditVerification verify_audit(const Actor& actor) = 0;

  /// A person's own data on request (recht op inzage, AVG art. 15): every trajectory of `bsn` in
  /// the actor's municipality, each as the JSON export with its special-category data
  /// (`transfer::trajectory_json`), its audit trail and what programmes recorded about it
  /// (enrolments with their sessions, goals with their text, and outcomes), as one JSON document
  /// (`{"schema": "inburgering-subject-access", "version": 1, "produced_on", "municipality",
  /// "trajectories": [{"trajectory": …, "audit_trail": [...], "programmes": [...]}]}`). Answering
  /// is the privacy officer's task (`role_may_erase`, the same role that handles erasure, AVG art.
  /// 17), who for this answer reads the special-category data too (Bi 9.11.a: whoever's task needs
  /// it). Each trajectory given out is audited (`AuditAction::kSubjectAccess`, naming the special
  /// data read), and so is an answer that finds none. Purged trajectories hold no personal data and
  /// are not included; other municipalities' trajectories are not either, whatever the grants.
  /// @throws AccessDenied (another role; audited), StorageError (kReadOnlyStore, kCorruptData
  ///         for a stored trajectory missing the values behind a placeholder, I/O).
  virtual std::string subject_access(const Actor& actor, const Bsn& bsn) = 0;

  // ---- Monitoring (Wi 39; monitoring/indicators.hpp) ----------------------------------------

  /// The monitoring counts of one municipality (`options.municipality`, default the actor's)
  /// per cohort and target group, aggregated in the database over each trajectory's facts
  /// (written with every save and refresh; purged and erased trajectories count in none). No
  /// personal data is read or returned, so any role that may read the municipality may ask; the
  /// call is not audited. Terms ending are counted from `options.as_of`.
  /// @throws AccessDenied (audited) for a municipality the actor may not read; ValidationError
  ///         (`terms_ending_months` outside 1..120, a bad date); StorageError.
  virtual std::vector<monitoring::CellCounts> monitoring_cells(
      const Actor& actor, const monitoring::IndicatorOptions& options) = 0;

  /// The report: `monitoring::make_report` over `monitoring_cells`, with `options.disclosure`.
  monitoring::IndicatorReport indicators(const Actor& actor,
                                         const monitoring::IndicatorOptions& options);

  /// Pseudonymised data of the actor's municipality's trajectories (one cohort or all) for an
  /// outside evaluation, as CSV: `monitoring::evaluation_header()` and one
  /// `monitoring::evaluation_row` per live trajectory, in id order (see
  /// monitoring/evaluation_export.hpp for what is and is not in it). Health information is not
  /// read. A data supply is the college's own: a role that may write, or the privacy officer;
  /// audited once (`AuditAction::kEvaluationExport`, with the cohort, the number of rows and the
  /// key's fingerprint, never the key).
  /// @throws AccessDenied (audited), ValidationError (a bad date), StorageError (kReadOnlyStore,
  ///         kCorruptData).
  virtual std::string evaluation_export(const Actor& actor, const monitoring::PseudonymKey& key,
                                        const monitoring::EvaluationSelection& selection) = 0;

  // ---- Programmes and pilots (programme/programme.hpp) --------------------------------------
  //
  // A programme is visible to an actor who may read any municipality taking part; to others it
  // does not exist (`NotFound`, the attempt audited as a denial). What a programme records
  // about a person (enrolment, sessions, goals, outcomes) belongs to the enrolled trajectory's
  // municipality and follows the trajectory's tenancy: reading it needs `may_read`, recording it
  // `may_write` for that municipality (a regional grant counts), and a programme shared by
  // several municipalities shows each actor only the enrolments of the municipalities it may
  // read. Every change is one transaction with its audit entry (`AuditAction::kProgramme`, on
  // the trajectory's trail when it concerns one), goal texts recorded as "(personal data)".
  // Purging or erasing a trajectory removes everything a programme recorded about it. Dates of
  // what happened may not lie after the store clock's today.

  /// Stores a new programme at revision 1 and returns it with its id. The actor's municipality
  /// must be the lead (the first municipality of the definition), with a role that may write.
  /// @throws ValidationError (`programme::validate`), AccessDenied (audited), StorageError.
  virtual programme::Programme define_programme(const Actor& actor,
                                                const programme::Definition& definition) = 0;

  /// Replaces a programme's definition (a longer period, another municipality joining, a new
  /// amount) and returns the new revision. Only the lead's writers may (the lead itself may be
  /// changed by them). Refused, and nothing written, when a municipality with enrolments would
  /// leave, or an enrolment or session would fall outside the new period.
  /// @throws ValidationError, NotFound, AccessDenied (audited), ConflictError
  ///         (`kStaleRevision` when `revision` is not the stored one), RuleViolation,
  ///         StorageError.
  virtual std::int64_t amend_programme(const Actor& actor, ProgrammeId id,
                                       const programme::Definition& definition,
                                       std::int64_t revision) = 0;

  /// The programmes the actor may see, by id.
  virtual std::vector<programme::Programme> programmes(const Actor& actor) = 0;

  /// One programme. @throws NotFound (also when the actor may not see it; audited), StorageError.
  virtual programme::Programme load_programme(const Actor& actor, ProgrammeId id) = 0;

  /// Enrols a trajectory on `enrolled_on`: a running trajectory (not closed) of a municipality
  /// that takes part, not yet enrolled in this programme, on a day within the programme's
  /// period and not after today. @throws NotFound (programme or trajectory; `kPurged`),
  /// AccessDenied (audited), RuleViolation (closed trajectory, municipality not taking part,
  /// day outside the period), ConflictError (`kIdExists`: enrolled already), ValidationError,
  /// StorageError.
  virtual programme::Enrolment enrol(const Actor& actor, ProgrammeId programme,
                                     TrajectoryId trajectory, Date enrolled_on) = 0;

  /// Ends an enrolment on `left_on` (not before the enrolment or its last session, not after
  /// today). @throws NotFound (not enrolled), RuleViolation (ended already, a bad day), as
  /// `enrol` otherwise.
  virtual programme::Enrolment end_enrolment(const Actor& actor, ProgrammeId programme,
                                             TrajectoryId trajectory, Date left_on,
                                             programme::LeaveReason reason) = 0;

  /// Records a session for the participants invited to it, with each one's attendance, in one
  /// transaction (all or none), and returns the activity id given to each, in the attendees'
  /// order. Each must be enrolled on the session's day (from the enrolment to its end, within
  /// the programme's period); one-to-one coaching has exactly one attendee; no trajectory
  /// twice; 1 to 1000 attendees. @throws ValidationError, NotFound, AccessDenied (audited),
  /// RuleViolation, StorageError.
  virtual std::vector<std::int64_t> record_activity(
      const Actor& actor, ProgrammeId programme, const programme::Session& session,
      std::span<const programme::Attendee> attendees) = 0;

  /// Adds a personal goal (set while enrolled, within the programme's period; achieved or not)
  /// and returns its id. @throws as `record_activity`.
  virtual std::int64_t add_goal(const Actor& actor, ProgrammeId programme, TrajectoryId trajectory,
                                const programme::Goal& goal) = 0;

  /// Marks goal `goal` of the enrolment achieved on `on` (not before it was set, not after
  /// today). @throws NotFound (no such goal of this enrolment), RuleViolation (achieved
  /// already), as `record_activity` otherwise.
  virtual void goal_achieved(const Actor& actor, ProgrammeId programme, TrajectoryId trajectory,
                             std::int64_t goal, Date on) = 0;

  /// Records an outcome (on or after the enrolment, not after today; it may follow the
  /// enrolment's end) and returns its id. @throws as `record_activity`.
  virtual std::int64_t record_outcome(const Actor& actor, ProgrammeId programme,
                                      TrajectoryId trajectory,
                                      const programme::Outcome& outcome) = 0;

  /// The enrolments of a programme in the municipalities the actor may read, by municipality
  /// and trajectory id (no personal data). @throws NotFound, StorageError.
  virtual std::vector<programme::Enrolment> enrolments(const Actor& actor,
                                                       ProgrammeId programme) = 0;

  /// Everything the programme recorded about one enrolled trajectory, goal texts included.
  /// @throws NotFound (also for a trajectory the actor may not read; audited), StorageError.
  virtual programme::Participation participation(const Actor& actor, ProgrammeId programme,
                                                 TrajectoryId trajectory) = 0;

  /// The counts of the programme's enrolments as of `as_of`, one per participating
  /// municipality the actor may read (those with none included). Not audited: no personal
  /// data. @throws NotFound, ValidationError (a bad date), StorageError.
  virtual std::vector<programme::ProgrammeCounts> programme_counts(const Actor& actor,
                                                                   ProgrammeId programme,
                                                                   Date as_of) = 0;

  /// The outcome report: `programme::make_programme_report` over `programme_counts`.
  programme::ProgrammeReport programme_outcomes(const Actor& actor, ProgrammeId programme,
                                                Date as_of, monitoring::DisclosureRule rule);

  /// The programme's pseudonymised data for an outside evaluation, as CSV
  /// (`programme::programme_export_header()` and one `programme_export_row` per enrolment of
  /// the actor's own municipality, by trajectory id; each municipality supplies its own
  /// residents' data). Who may and how it is audited: as `evaluation_export` (the note names
  /// the programme). @throws NotFound, AccessDenied (audited), ValidationError, StorageError.
  virtual std::string programme_export(const Actor& actor, const monitoring::PseudonymKey& key,
                                       ProgrammeId programme, Date as_of) = 0;

  // ---- Moving municipality: the transfer dossier (Wi 15.4, 35.4; transfer/dossier.hpp) ------

  /// The person moved to `to` on `moved_on`: marks the trajectory transferred out (read-only
  /// afterwards, kept until its retention ends), audits it with the dossier's id and the
  /// receiving municipality, and returns the dossier for the new college, signed with `key`
  /// when given. What travels: `transfer::travelling_record`. The health topic does not; a
  /// dispensation's ground or a learnability dispensation's reason does, so a trajectory that
  /// holds one needs a role allowed to read health information (the read is audited).
  /// @throws AccessDenied (a role that may not write, or without health rights where needed),
  ///         NotFound, RuleViolation (not active), ValidationError (`to` the own municipality,
  ///         a day before the registration), ConflictError, StorageError.
  virtual std::string export_transfer(const Actor& actor, TrajectoryId id, MunicipalityCode to,
                                      Date moved_on, const transfer::SigningKey* key = nullptr) = 0;

  /// Creates the receiving trajectory from a dossier of another store (`receive_transfer` under
  /// `new_id`, the actor's municipality, `caseworker`, `brp_registration_on` and `policy`, the
  /// receiving college's), audited with the sending municipality, the dossier's id and its
  /// signer. The ledger `imported_dossier` refuses the same dossier, or another dossier of the
  /// same trajectory of the same municipality, a second time. When anything is refused no
  /// trajectory is stored (an access denial or a foreign id is audited, as for `create`).
  /// @throws transfer::DossierError (see `transfer::read_dossier`; also `kWrongRecipient` for a
  ///         dossier to another municipality and `kAlreadyImported`), AccessDenied (a role that
  ///         may not write, or without health rights when the dossier holds a dispensation),
  ///         ValidationError and RuleViolation (as `receive_transfer`), ConflictError
  ///         (`kIdExists`), StorageError.
  virtual Trajectory import_transfer(const Actor& actor, std::string_view dossier,
                                     TrajectoryId new_id, UserId caseworker,
                                     Date brp_registration_on,
                                     const transfer::ImportOptions& options = {},
                                     Policy policy = {}) = 0;

 protected:
  /// For backends: records that `trajectory` is stored at `revision`. The only change a store
  /// makes to a trajectory it is given.
  static void set_revision(Trajectory& trajectory, std::int64_t revision) noexcept {
    trajectory.record_.revision = revision;
  }
};

}  // namespace inburgering::storage
