#include "inburgering/progress/signal.hpp"

namespace inburgering {

std::string_view to_string(SignalKind kind) noexcept {
  switch (kind) {
    case SignalKind::kPipDue:
      return "pip_due";
    case SignalKind::kPipAwaitingThirdParty:
      return "pip_awaiting_third_party";
    case SignalKind::kInterviewDue:
      return "interview_due";
    case SignalKind::kNoHoursReported:
      return "no_hours_reported";
    case SignalKind::kTermEnding:
      return "term_ending";
    case SignalKind::kRouteSwitchWindowClosing:
      return "route_switch_window_closing";
    case SignalKind::kUnburdeningEnding:
      return "unburdening_ending";
    case SignalKind::kIntakeMayCompleteWithoutParticipant:
      return "intake_may_complete_without_participant";
  }
  return "unknown";
}

}  // namespace inburgering
