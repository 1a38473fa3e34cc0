#pragma once
/// @file indicators.hpp
/// Monitoring indicators over a whole caseload (monitoring, Wi 39; Bi 9.12: the college supplies
/// data for statistics, e.g. CBS's "Statistiek Wet inburgering"; the municipalities' own
/// benchmarks, e.g. Divosa's). Counts per cell of municipality × cohort × target group, computed
/// by the store in the database (`storage::TrajectoryStore::monitoring_cells`), and a report
/// with shares and medians made from them here, with statistical disclosure control for output
/// that leaves the municipality.
///
/// **Cohort** is the calendar year of DUO's notice of the obligation (`Obligation::
/// duo_notice_date`), the start of the trajectory's clock (Bi 5.3.1); CBS counts cohorts by the
/// year the obligation began, which this is taken to mean (README, "Deliberate
/// interpretations").
///
/// Counts that depend on the day (progress interviews due, terms ending) are as of the day each
/// trajectory was last saved or refreshed (`refresh_deadlines`), like the worklist.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/participant/target_group.hpp"
#include "inburgering/route/route.hpp"
#include "inburgering/sanctions/fine.hpp"
#include "inburgering/trajectory/trajectory_state.hpp"

namespace inburgering::monitoring {

/// The counts of one cell: the trajectories of one municipality, cohort and target group.
/// Purged trajectories count in none. Plain counts: no person can be read from them alone, but
/// small ones can identify someone (see `DisclosureRule`).
struct INBURGERING_EXPORT CellCounts {
  MunicipalityCode municipality;
  int cohort = 0;
  TargetGroup target_group = TargetGroup::kAsylumPermitHolder;
  /// Trajectories in the cell.
  std::int64_t trajectories = 0;
  /// Taken over from another municipality (Wi 15.4): their intake and first PIP were the other
  /// college's, so they are left out of those indicators here.
  std::int64_t moved_in = 0;
  /// Whose broad intake started here (an invitation sent or a topic recorded; Wi 14).
  std::int64_t intake_started = 0;
  /// Days from DUO's notice to the start of the intake, one per trajectory with a started
  /// intake, ascending (for the median; never shown one by one).
  std::vector<std::int64_t> days_to_intake;
  /// With a PIP (Wi 15); of the first PIPs set here whose deadline is known (Bi 5.3.1-2: not
  /// while third-party information is awaited), how many, and how many were set by it.
  std::int64_t with_plan = 0;
  std::int64_t first_plan_judged = 0;
  std::int64_t first_plan_in_time = 0;
  /// The route of the PIP in force (the last route for a closed trajectory).
  std::map<Route, std::int64_t> by_route;
  /// Progress interviews scheduled on or before the day of the last save (Wi 17.1; Bi 5.3.4),
  /// and of those the ones held.
  std::int64_t interviews_due = 0;
  std::int64_t interviews_held = 0;
  /// Persons with at least one interview due (the base the disclosure rule judges that share by).
  std::int64_t persons_interviews_due = 0;
  /// Eligible for unburdening: asylum permit holders (Pw 56a.1 with Wi 13.1); whether they
  /// receive social assistance is not known before unburdening starts, so this is the upper
  /// bound the college plans for. And of all, those whose unburdening started.
  std::int64_t unburdening_eligible = 0;
  std::int64_t unburdened = 0;
  /// Persons with a municipal fine that stands (not annulled), by kind (Wi 22, 23), and with a
  /// fine of DUO's (Wi 24-26): persons, so that the disclosure rule counts persons.
  std::map<MunicipalFineKind, std::int64_t> municipal_fines;
  std::map<DuoFineKind, std::int64_t> duo_fines;
  /// Running trajectories by state (registered, intake, planning, route).
  std::map<TrajectoryState, std::int64_t> running;
  /// Closed trajectories by final state, and the ended ones by reason.
  std::map<TrajectoryState, std::int64_t> closed;
  std::map<EndReason, std::int64_t> ended_by_reason;
  /// Running trajectories whose term ends from the report's day up to `terms_ending_months`
  /// later (Wi 11-12).
  std::int64_t terms_ending = 0;

  friend bool operator==(const CellCounts&, const CellCounts&) = default;
};

/// Statistical disclosure control (the usual threshold rule), applied cell by cell:
///  - a cell of fewer than `min_count` persons shows no number at all;
///  - a count of 1 to `min_count - 1` persons is suppressed (primary);
///  - where counts add up to a total (running and closed states to the trajectories, ends by
///    reason to the ended, routes to those with a PIP), a sum with exactly one suppressed member
///    gets its smallest other non-zero member suppressed too, repeated until no sum gives one
///    back (secondary);
///  - a share's base is its numerator plus the rest, a sum like the others: a small rest hides
///    the numerator (or the base) too, so the shown counts do not give the rest back;
///  - a share or median is suppressed when its base, its numerator or the rest of its base is
///    1 to `min_count - 1` persons, or when either was suppressed.
struct INBURGERING_EXPORT DisclosureRule {
  /// Apply the rule (for any output meant to leave the municipality).
  bool apply = false;
  /// The smallest number of persons a shown count may stand for (default 5; 2 .. 100).
  int min_count = 5;
};

/// What to compute.
struct INBURGERING_EXPORT IndicatorOptions {
  /// The day of the report: terms ending are counted from it.
  Date as_of;
  /// The municipality (default: the actor's own; another only under a regional grant).
  std::optional<MunicipalityCode> municipality;
  /// How far ahead terms ending are counted (1 .. 120 months; default 6).
  int terms_ending_months = 6;
  DisclosureRule disclosure;
};

/// A number of the report as shown: a value, or suppressed.
struct INBURGERING_EXPORT Shown {
  std::optional<double> value;
  bool suppressed = false;
  friend bool operator==(const Shown&, const Shown&) = default;
};

/// One row of the report: a cell, its counts and the indicators made from them. With the
/// disclosure rule applied, a suppressed count is empty in `counts_shown`.
struct INBURGERING_EXPORT IndicatorRow {
  MunicipalityCode municipality;
  int cohort = 0;
  TargetGroup target_group = TargetGroup::kAsylumPermitHolder;
  /// Every count by its stable name ("trajectories", "intake_started", "route.b1",
  /// "running.intake", "closed.ended",
  /// "ended.left_country", "fines.intake", "duo_fines.route_not_in_time", ...), in a fixed order.
  std::vector<std::pair<std::string, Shown>> counts;
  /// Shares (0..1) and the median, by name: "share_intake_started" (of those not moved in),
  /// "median_days_to_intake", "share_with_plan", "share_first_plan_in_time" (of the first PIPs
  /// judged), "share_interviews_held" (of the interviews due), "share_unburdened" (of the
  /// eligible).
  std::vector<std::pair<std::string, Shown>> indicators;
};

/// The report: one row per cell, in order of municipality, cohort and target group.
struct INBURGERING_EXPORT IndicatorReport {
  Date as_of;
  DisclosureRule disclosure;
  int terms_ending_months = 6;
  std::vector<IndicatorRow> rows;
  /// How many numbers the disclosure rule suppressed (0 without it).
  int suppressed = 0;
};

/// Makes the report from the store's counts (see `storage::TrajectoryStore::indicators` for the
/// call that does both). @throws ValidationError for a rule outside its bounds.
INBURGERING_EXPORT IndicatorReport make_report(const std::vector<CellCounts>& cells, Date as_of,
                                               int terms_ending_months, DisclosureRule rule);

/// The report as text (a table per cell, Dutch labels unless `english`), as CSV (one line per
/// cell, a header with the names; suppressed numbers empty, with a column saying how many), and
/// as JSON (schema/monitoring-1.schema.json). Each says whether and how the rule was applied.
INBURGERING_EXPORT std::string to_text(const IndicatorReport& report, bool english = false);
INBURGERING_EXPORT std::string to_csv(const IndicatorReport& report);
INBURGERING_EXPORT std::string to_json(const IndicatorReport& report);

}  // namespace inburgering::monitoring
