#pragma once
/// @file route_rules.hpp
/// The rules of the routes: what completing each requires (Wi 6-9; Bi 3), when a route may be
/// switched (Wi 17.2; Bi 5.4), when parts may be scaled down to A2 (Wi 17.3; Bi 5.5), and the
/// conditions for an extension for substantial efforts (Wi 12.1.b; Bi 4.4).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/participant/target_group.hpp"
#include "inburgering/route/exam_part.hpp"
#include "inburgering/route/route.hpp"

namespace inburgering {

struct Policy;
struct Obligation;

/// One requirement and whether it is met.
struct INBURGERING_EXPORT Requirement {
  /// Stable code, e.g. "b1.reading", "pvt.hours", "z.participation_hours".
  std::string code;
  /// What is required, in words, with the numbers, e.g. "PVT: at least 12 hours (7.5 attended)".
  std::string description;
  /// Where the law sets it, e.g. "Bi 3.1".
  std::string article;
  bool met = false;
  friend bool operator==(const Requirement&, const Requirement&) = default;
};

/// A list of requirements and which are still open.
struct INBURGERING_EXPORT RequirementReport {
  std::vector<Requirement> requirements;
  bool all_met() const;
  /// The requirements not yet met, in order.
  std::vector<Requirement> missing() const;
};

/// The facts the route rules are judged on: a read-only view that a `Trajectory` assembles.
struct INBURGERING_EXPORT RouteFacts {
  Route route = Route::kB1;
  TargetGroup target_group = TargetGroup::kAsylumPermitHolder;
  const Obligation* obligation = nullptr;
  std::set<ExamPart> scaled_down_parts;
  const std::vector<ExamResult>* exam_results = nullptr;
  const std::vector<AttendanceEntry>* attendance = nullptr;
  const ComponentStatus* components = nullptr;
  /// Date of issue of the first PIP: effort before it does not count (Bi 5.3.5), unless an
  /// article says otherwise.
  std::optional<Date> first_plan_issued_on;
  /// First and last day of the broad intake (`BroadIntake::started_on`, `completed_on`). Hours
  /// within it count for the PVT (Bi 3.1.5), the MAP (Bi 3.2.3), the Z-route (Bi 3.14.6) and
  /// scaling down (Bi 5.5.2), besides those from the first PIP on.
  std::optional<Date> intake_started_on;
  std::optional<Date> intake_completed_on;
};

/// Months before the first PIP from which Dutch and KNM lessons at school count as Z-route course
/// hours (Bi 3.14.9: "vanaf twee jaar voorafgaand aan de vaststelling van het persoonlijk plan").
/// Statutory; the same for every college, so not a `Policy` number.
inline constexpr int kSchoolHoursMonthsBeforePip = 24;

/// Minutes of `kinds` that count where the Bi lets hours of the broad intake count (Bi 3.1.5,
/// 3.2.3, 3.14.6, 5.5.2): from the first day of the intake to its completion (to the PIP if no
/// completion is on record), and from the first PIP on (Bi 5.3.5). Never hours before the
/// intake, nor between its completion and the PIP. @throws ValidationError for null attendance.
INBURGERING_EXPORT long minutes_with_intake(const RouteFacts& facts, std::set<HourKind> kinds);
/// Minutes of `kinds` within the broad intake alone: from its first day to its completion, or,
/// with no completion on record, to the day before the first PIP. What the PIP may deduct from
/// the PVT and MAP hour norms (Bi 3.1.5, 3.2.3; `Trajectory::plan_norms`). `first_plan_issued_on`
/// may be empty (before the first PIP). @throws ValidationError for null attendance.
INBURGERING_EXPORT long minutes_in_intake(const RouteFacts& facts, std::set<HourKind> kinds);

/// Whether `results` hold a pass for `part` at `level` or higher.
INBURGERING_EXPORT bool passed_at_least(const std::vector<ExamResult>& results, ExamPart part,
                                        LanguageLevel level);

/// Minutes attended of the given kinds, counting only entries on or after `from` if given.
INBURGERING_EXPORT long minutes_attended(const std::vector<AttendanceEntry>& attendance,
                                         std::set<HourKind> kinds,
                                         std::optional<Date> from = std::nullopt);

/// What completing the obligation on the facts' route requires, and which of it is met:
/// PVT (all routes), MAP (not in the education route), and the route itself: B1-route four
/// language parts at B1 (or A2 where scaled down) and KNM; education route the bridging
/// course or, failing it, B1 + KNM (Wi 8.4); Z-route course hours, participation hours for
/// asylum permit holders, and the final interview. Parts lifted by exemption or dispensation
/// count as met. @throws ValidationError if a pointer in `facts` is null.
INBURGERING_EXPORT RequirementReport completion_requirements(const RouteFacts& facts,
                                                             const Policy& policy);

/// The conditions for an extension for substantial efforts (Bi 4.4.2-3): B1-route; at least
/// `substantial_efforts_min_language_parts` language exams passed at the level the PIP sets
/// (B1, or A2 where scaled down; Bi 4.4.2.a, c) and KNM passed; PVT and MAP done; family
/// migrants and other migrants at least `substantial_efforts_family_migrant_hours` hours of
/// language or KNM lessons after the PIP (Bi 4.4.3 with 5.3.5). Attendance of all lessons by
/// an asylum permit holder (Bi 4.4.2.b) is judged by DUO on the providers' reports and is not
/// checked here. @throws ValidationError if a pointer in `facts` is null.
INBURGERING_EXPORT RequirementReport substantial_efforts_requirements(const RouteFacts& facts,
                                                                      const Policy& policy);

/// The last day a route switch is allowed: `route_switch_window_months` after the term starts
/// (Wi 17.2; Bi 5.4).
INBURGERING_EXPORT Date route_switch_deadline(Date term_start, const Policy& policy);

/// Whether a switch from `from` to `to` is allowed on `on` for a term that started on
/// `term_start`. @throws RuleViolation naming the rule: same route; outside the window (except
/// education → B1, which is always allowed).
INBURGERING_EXPORT void check_route_switch(Route from, Route to, Date term_start, Date on,
                                           const Policy& policy);

/// @throws RuleViolation unless the route is the B1-route, `parts` is non-empty, holds only
///         language skills (Wi 17.3: "de mondelinge en schriftelijke vaardigheden"; KNM has no
///         level and is never scaled down) and no part already scaled down, and at least
///         `scale_down_min_course_hours` NT2 course hours (language course or bridging course at
///         an institution of Wi 8.2, Bi 5.5.1) were attended from the broad intake on (Bi 5.5.2
///         with 5.3.5; hours before the intake do not count).
INBURGERING_EXPORT void check_scale_down(const RouteFacts& facts, const std::set<ExamPart>& parts,
                                         const Policy& policy);

}  // namespace inburgering
