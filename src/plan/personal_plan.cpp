#include "inburgering/plan/personal_plan.hpp"

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(RouteSwitchException,
                             {RouteSwitchException::kNone, "none", "binnen de termijn"},
                             {RouteSwitchException::kAfterNonExemptingCourse,
                              "after_non_exempting_course", "na een niet-vrijstellende opleiding"},
                             {RouteSwitchException::kSpecialCase, "special_case",
                              "bijzonder geval"});

INBURGERING_DEFINE_ENUM_TEXT(
    PlanChangeReason, {PlanChangeReason::kInitial, "initial", "eerste PIP"},
    {PlanChangeReason::kRouteSwitch, "route_switch", "wijziging leerroute"},
    {PlanChangeReason::kScaleDownToA2, "scale_down_to_a2", "afschalen naar A2"},
    {PlanChangeReason::kMove, "move", "PIP na verhuizing"},
    {PlanChangeReason::kOther, "other", "bijstelling"});

}  // namespace inburgering
