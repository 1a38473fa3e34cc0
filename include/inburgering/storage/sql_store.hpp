#pragma once
/// @file sql_store.hpp
/// What the SQL backends share: `SqliteStore` (sqlite_store.hpp) and `PostgresStore`
/// (postgres_store.hpp) run the same implementation of `TrajectoryStore`, over a connection to
/// their database. Not constructed on its own: open one of the two, or `open_store`
/// (open_store.hpp) by connection string.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/export.hpp"
#include "inburgering/storage/trajectory_store.hpp"

namespace inburgering::storage {

class INBURGERING_EXPORT SqlStore : public TrajectoryStore {
 public:
  ~SqlStore() override;
  SqlStore(const SqlStore&) = delete;
  SqlStore& operator=(const SqlStore&) = delete;

  std::int64_t create(const Actor& actor, Trajectory& trajectory) override;
  std::size_t create_many(const Actor& actor, std::span<Trajectory> trajectories) override;
  std::int64_t save(const Actor& actor, Trajectory& trajectory) override;
  Trajectory load(const Actor& actor, TrajectoryId id, LoadOptions options = {}) override;
  TrajectoryId reserve_id(const Actor& actor) override;
  std::vector<TrajectorySummary> find_by_bsn(const Actor& actor, const Bsn& bsn) override;
  Page<TrajectorySummary> list(const Actor& actor, const TrajectoryFilter& filter,
                               const PageRequest& page) override;
  Page<WorklistItem> worklist(const Actor& actor, Date due_before, const TrajectoryFilter& filter,
                              const PageRequest& page) override;
  Page<TrajectorySummary> terms_ending(const Actor& actor, Date today, int within_months,
                                       const TrajectoryFilter& filter,
                                       const PageRequest& page) override;
  std::vector<AuditEntry> history(const Actor& actor, TrajectoryId id) override;
  RetentionReport purge_expired(const Actor& actor, Date today) override;
  int erase_person(const Actor& actor, const Bsn& bsn, const std::string& reason) override;
  RefreshReport refresh_deadlines(const Actor& actor, Date as_of, int batch_size = 500) override;
  AuditVerification verify_audit(const Actor& actor) override;
  std::string subject_access(const Actor& actor, const Bsn& bsn) override;
  std::vector<monitoring::CellCounts> monitoring_cells(
      const Actor& actor, const monitoring::IndicatorOptions& options) override;
  std::string evaluation_export(const Actor& actor, const monitoring::PseudonymKey& key,
                                const monitoring::EvaluationSelection& selection) override;
  programme::Programme define_programme(const Actor& actor,
                                        const programme::Definition& definition) override;
  std::int64_t amend_programme(const Actor& actor, ProgrammeId id,
                               const programme::Definition& definition,
                               std::int64_t revision) override;
  std::vector<programme::Programme> programmes(const Actor& actor) override;
  programme::Programme load_programme(const Actor& actor, ProgrammeId id) override;
  programme::Enrolment enrol(const Actor& actor, ProgrammeId programme, TrajectoryId trajectory,
                             Date enrolled_on) override;
  programme::Enrolment end_enrolment(const Actor& actor, ProgrammeId programme,
                                     TrajectoryId trajectory, Date left_on,
                                     programme::LeaveReason reason) override;
  std::vector<std::int64_t> record_activity(
      const Actor& actor, ProgrammeId programme, const programme::Session& session,
      std::span<const programme::Attendee> attendees) override;
  std::int64_t add_goal(const Actor& actor, ProgrammeId programme, TrajectoryId trajectory,
                        const programme::Goal& goal) override;
  void goal_achieved(const Actor& actor, ProgrammeId programme, TrajectoryId trajectory,
                     std::int64_t goal, Date on) override;
  std::int64_t record_outcome(const Actor& actor, ProgrammeId programme, TrajectoryId trajectory,
                              const programme::Outcome& outcome) override;
  std::vector<programme::Enrolment> enrolments(const Actor& actor, ProgrammeId programme) override;
  programme::Participation participation(const Actor& actor, ProgrammeId programme,
                                         TrajectoryId trajectory) override;
  std::vector<programme::ProgrammeCounts> programme_counts(const Actor& actor,
                                                           ProgrammeId programme,
                                                           Date as_of) override;
  std::string programme_export(const Actor& actor, const monitoring::PseudonymKey& key,
                               ProgrammeId programme, Date as_of) override;
  std::string export_transfer(const Actor& actor, TrajectoryId id, MunicipalityCode to,
                              Date moved_on, const transfer::SigningKey* key = nullptr) override;
  Trajectory import_transfer(const Actor& actor, std::string_view dossier, TrajectoryId new_id,
                             UserId caseworker, Date brp_registration_on,
                             const transfer::ImportOptions& options = {},
                             Policy policy = {}) override;

  /// The backend's connection and state (opaque).
  struct Impl;

 protected:
  explicit SqlStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;

 private:
  /// `save`, with `note` in its audit entry.
  std::int64_t save_noted(const Actor& actor, Trajectory& trajectory, const std::string& note);
};

}  // namespace inburgering::storage
