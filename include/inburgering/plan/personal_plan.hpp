#pragma once
/// @file personal_plan.hpp
/// The personal integration and participation plan (PIP, persoonlijk plan inburgering en
/// participatie; Wi 15; Bi 5.3), a formal decision (beschikking, open to objection and appeal).
/// Every adjustment is a new immutable version with a reason.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/plan/plan_component.hpp"

namespace inburgering {

/// Why a PIP version was issued.
enum class PlanChangeReason {
  kInitial,        ///< The first PIP; its date of issue starts the term (Wi 11.2).
  kRouteSwitch,    ///< Route changed (Wi 17.2; Bi 5.3.6): mandatory adjustment.
  kScaleDownToA2,  ///< Parts scaled down to A2 (Wi 17.3; Bi 5.3.6): mandatory adjustment.
  kMove,           ///< Set by the new municipality after a move (Wi 15.4; Bi 5.3.3).
  kOther,          ///< Any other adjustment (intensity, activities, goals).
};

INBURGERING_ENUM_TEXT(PlanChangeReason);

/// Why a route switch outside the window of Bi 5.4.1 (18 months from the term's start) is
/// allowed. The switch from the education route to the B1-route needs none (Bi 5.4.1).
enum class RouteSwitchException {
  /// No exception: the switch is within the window, or from the education route to the B1-route.
  kNone,
  /// Bi 5.4.2: the person completed or left a designated non-exempting course (Bi 4.3.2) after
  /// the window closed; the switch follows that course.
  kAfterNonExemptingCourse,
  /// Bi 5.4.3: a special case concerning this person; the version's explanation gives it.
  kSpecialCase,
};

INBURGERING_ENUM_TEXT(RouteSwitchException);

/// The ground for a route switch outside the window: which exception, and for Bi 5.4.2 the day
/// the non-exempting course was completed or left.
struct INBURGERING_EXPORT RouteSwitchGround {
  RouteSwitchException exception = RouteSwitchException::kNone;
  std::optional<Date> course_ended_on;
};

/// One version of the PIP: a decision with a date of issue (dagtekening). Immutable once
/// issued; the trajectory only ever appends versions.
struct INBURGERING_EXPORT PlanVersion {
  /// 1 for the first PIP, then 2, 3, … in order of issue (also across a move).
  int number = 0;
  /// Dagtekening: date of issue of the decision.
  Date date_of_issue;
  PlanChangeReason reason = PlanChangeReason::kInitial;
  /// Why the plan was adjusted (required for every version but the first).
  std::string explanation;
  /// The municipality whose college issued the version.
  MunicipalityCode issued_by;
  PlanContent content;
  /// The policy numbers the version was judged by on its date of issue.
  PlanNorms norms;
  /// For the first PIP and the PIP after a move: the deadline that applied when it was issued
  /// (Bi 5.3.1-3), so `Trajectory::is_late` does not depend on a later policy. Empty for other
  /// versions, and when no deadline could be known (third-party information awaited).
  std::optional<Date> due_by;
  /// For a route switch: the exception it relied on (Bi 5.4.2-3), if outside the window.
  RouteSwitchException switch_exception = RouteSwitchException::kNone;
  /// For a switch under Bi 5.4.2: the day the non-exempting course was completed or left.
  std::optional<Date> course_ended_on;
  friend bool operator==(const PlanVersion&, const PlanVersion&) = default;
};

}  // namespace inburgering
