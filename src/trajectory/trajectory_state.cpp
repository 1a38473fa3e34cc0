#include "inburgering/trajectory/trajectory_state.hpp"

#include "detail/enum_table.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(TrajectoryState,
                             {TrajectoryState::kRegistered, "registered", "aangemeld"},
                             {TrajectoryState::kIntake, "intake", "brede intake"},
                             {TrajectoryState::kPlanning, "planning", "PIP in voorbereiding"},
                             {TrajectoryState::kRoute, "route", "leerroute loopt"},
                             {TrajectoryState::kCompleted, "completed", "afgerond"},
                             {TrajectoryState::kExempted, "exempted", "vrijgesteld"},
                             {TrajectoryState::kDispensed, "dispensed", "ontheven"},
                             {TrajectoryState::kTransferredOut, "transferred_out",
                              "verhuisd naar andere gemeente"},
                             {TrajectoryState::kEnded, "ended", "beëindigd"});

INBURGERING_DEFINE_ENUM_TEXT(
    EndReason, {EndReason::kLeftCountry, "left_country", "vertrokken uit Nederland"},
    {EndReason::kPermitWithdrawn, "permit_withdrawn", "verblijfsvergunning ingetrokken"},
    {EndReason::kDeceased, "deceased", "overleden"},
    {EndReason::kStatePensionAge, "state_pension_age", "AOW-leeftijd bereikt"},
    {EndReason::kTermExpired, "term_expired", "inburgeringstermijn verstreken"},
    {EndReason::kOther, "other", "andere reden"},
    {EndReason::kObligationLapsed, "obligation_lapsed",
     "inburgeringsplicht geëindigd (onderbreking langer dan een jaar)"});

bool transition_allowed(TrajectoryState from, TrajectoryState to) noexcept {
  using S = TrajectoryState;
  // The one edge out of a final state: DUO withdrew the diploma (Bi 3.10.3).
  if (is_final(from)) return from == S::kCompleted && to == S::kRoute;
  switch (to) {
    case S::kIntake:
      return from == S::kRegistered;
    case S::kPlanning:
      return from == S::kIntake;
    case S::kRoute:
      return from == S::kPlanning;
    case S::kCompleted:
      return from == S::kRoute;
    case S::kExempted:
    case S::kDispensed:
    case S::kTransferredOut:
    case S::kEnded:
      return true;
    case S::kRegistered:
      return false;
  }
  return false;
}

}  // namespace inburgering
