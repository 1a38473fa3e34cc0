#pragma once
/// @file programme_report.hpp
/// What a programme achieved (outcome indicators per programme), with the disclosure rule of the
/// monitoring report (`monitoring::DisclosureRule`), and the programme's evaluation export
/// without direct identifiers (the pseudonyms of `monitoring::PseudonymKey`).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/monitoring/evaluation_export.hpp"
#include "inburgering/monitoring/indicators.hpp"
#include "inburgering/programme/programme.hpp"

namespace inburgering {
class Trajectory;
}

namespace inburgering::programme {

/// The counts of one participating municipality's enrolments in a programme as of a day
/// (`storage::TrajectoryStore::programme_counts`), by the dates of what happened: an enrolment,
/// leaving, session, goal or outcome dated after that day counts in none (whenever it was
/// entered); enrolments of purged or erased trajectories neither.
struct INBURGERING_EXPORT ProgrammeCounts {
  MunicipalityCode municipality;
  /// Persons enrolled; of them, those still enrolled and those who left, by reason.
  std::int64_t enrolled = 0;
  std::int64_t active = 0;
  std::map<LeaveReason, std::int64_t> left_by_reason;
  /// Sessions offered (each participant's invitation counts once), and of them attended; by
  /// kind; and the attended ones held remotely.
  std::map<ActivityKind, std::int64_t> offered;
  std::map<ActivityKind, std::int64_t> attended;
  std::int64_t attended_remote = 0;
  /// Persons invited to at least one session (the base the rule judges attendance by).
  std::int64_t persons_with_sessions = 0;
  /// Persons with a personal goal, and with at least one goal achieved.
  std::int64_t persons_with_goal = 0;
  std::int64_t persons_goal_achieved = 0;
  /// Persons who reached an outcome of each kind, and any outcome.
  std::map<OutcomeKind, std::int64_t> reached;
  std::int64_t reached_any = 0;
  /// Whole weeks from enrolment to the first outcome of each kind, one per person who reached
  /// it, ascending (for the median; never shown one by one).
  std::map<OutcomeKind, std::vector<std::int64_t>> weeks_to;
  friend bool operator==(const ProgrammeCounts&, const ProgrammeCounts&) = default;
};

/// One row of the report: a municipality, or the total over the rows (`municipality` empty).
struct INBURGERING_EXPORT ProgrammeRow {
  std::optional<MunicipalityCode> municipality;
  /// Every count by its stable name ("enrolled", "active", "left.dropped_out",
  /// "offered.group_session", "attended.coaching", "attended_remote", "persons_with_goal",
  /// "reached.job", "reached_any", ...), in a fixed order.
  std::vector<std::pair<std::string, monitoring::Shown>> counts;
  /// "share_reached.<kind>" and "share_reached_any" (of the enrolled), "median_weeks_to.<kind>",
  /// "share_attended" (of the sessions offered), "share_goal_achieved" (of the persons with a
  /// goal).
  std::vector<std::pair<std::string, monitoring::Shown>> indicators;
};

/// The outcome report of a programme.
struct INBURGERING_EXPORT ProgrammeReport {
  ProgrammeId programme;
  std::string name;
  Theme theme = Theme::kOther;
  Date as_of;
  monitoring::DisclosureRule disclosure;
  /// One per participating municipality the actor may read, in code order, then, when there is
  /// more than one, the total.
  std::vector<ProgrammeRow> rows;
  /// How many numbers the rule suppressed (0 without it).
  int suppressed = 0;
};

/// Makes the report from the counts. The disclosure rule works as in the monitoring report
/// (`monitoring::DisclosureRule`: a row of 1 to min_count - 1 enrolled shows nothing, small
/// counts are suppressed, and so is another member of any sum that would give one back:
/// enrolled = active + left, left = the reasons, the sessions offered and attended by kind, and
/// each share's base = its part + the rest, so a share whose rest is small hides its part;
/// shares and medians from small or hidden numbers are suppressed). A count of the total is also
/// suppressed when any row's count (or share's rest) of that name is, so that no suppressed
/// number can be found by subtracting the shown rows from the total. A municipality without
/// enrolments shows its zeros. @throws ValidationError for a rule outside its bounds.
INBURGERING_EXPORT ProgrammeReport make_programme_report(const Programme& programme,
                                                         const std::vector<ProgrammeCounts>& counts,
                                                         Date as_of,
                                                         monitoring::DisclosureRule rule);

/// The report as text (Dutch labels unless `english`), as CSV (one line per row; suppressed
/// numbers empty) and as JSON (schema/programme-report-1.schema.json).
INBURGERING_EXPORT std::string to_text(const ProgrammeReport& report, bool english = false);
INBURGERING_EXPORT std::string to_csv(const ProgrammeReport& report);
INBURGERING_EXPORT std::string to_json(const ProgrammeReport& report);

/// The programme's evaluation export (`storage::TrajectoryStore::programme_export`): one CSV
/// row per enrolment the actor's municipality holds, with the same pseudonym as the cohort
/// export (`monitoring::evaluation_row`), the birth year, and the programme's data as counts
/// and whole weeks: no dates, no goal text, no free text at all.
INBURGERING_EXPORT const std::vector<monitoring::EvaluationColumn>& programme_export_columns();
/// The data dictionary as a Markdown table.
INBURGERING_EXPORT std::string programme_export_dictionary();
/// The CSV header line (with its newline).
INBURGERING_EXPORT std::string programme_export_header();
/// The CSV line of one enrolment (with its newline): `trajectory` is the enrolled trajectory,
/// `participation` what the programme recorded of it (only what happened on or before `as_of`
/// counts), `programme_start` the first day of the programme.
INBURGERING_EXPORT std::string programme_export_row(const Trajectory& trajectory,
                                                    const Participation& participation,
                                                    const monitoring::PseudonymKey& key,
                                                    Date programme_start, Date as_of);

}  // namespace inburgering::programme
