#pragma once
/// @file signal.hpp
/// Signals a caseworker must see, each with its due date: the items of a worklist.

#include <string>
#include <string_view>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"

namespace inburgering {

/// What needs attention.
enum class SignalKind {
  /// The first PIP (or the PIP after a move) is due or late (Bi 5.3.1-3).
  kPipDue,
  /// Waiting for third-party information suspends the PIP deadline (Bi 5.3.2).
  kPipAwaitingThirdParty,
  /// A scheduled progress interview is due or overdue (Wi 17.1; Bi 5.3.4).
  kInterviewDue,
  /// No attendance hours reported for `Policy::no_hours_signal_weeks` weeks (Wi 35.3).
  kNoHoursReported,
  /// The term ends; the extension-request window is open (Wi 12; Bi 4.5).
  kTermEnding,
  /// The route-switch window closes (Wi 17.2; Bi 5.4).
  kRouteSwitchWindowClosing,
  /// The unburdening period ends (Pw 56a, 57).
  kUnburdeningEnding,
  /// Intake invitations are exhausted: the intake may be completed without the person (Wi 14.2).
  kIntakeMayCompleteWithoutParticipant,
  /// DUO has not decided on a request for extension within the weeks of Bi 4.5.1.
  kExtensionDecisionOverdue,
  /// The person reached the state-pension age: the obligation ended (Wi 3.1). Due on that day;
  /// from then on it is the trajectory's only signal, until it is ended (`state_pension_age`).
  kObligationEnded,
  /// The social guidance of a person of Wi 13.1 has not begun: due on the day of the BRP
  /// registration (Wi 13.3; after a move too, if it never began in the former municipality).
  kSocialGuidanceDue,
  /// No course or education offered for the route in force of a person of Wi 13.1: due on the
  /// day the route begins to run (Wi 16.1; see `CourseOffer`).
  kCourseOfferDue,
};

INBURGERING_ENUM_TEXT(SignalKind);

/// One signal: what, by when, and a short explanation free of personal data.
struct INBURGERING_EXPORT Signal {
  SignalKind kind = SignalKind::kPipDue;
  Date due_on;
  /// Due date before "today" when the signal was computed.
  bool overdue = false;
  std::string detail;
  friend bool operator==(const Signal&, const Signal&) = default;
};

}  // namespace inburgering
