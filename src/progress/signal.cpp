#include "inburgering/progress/signal.hpp"

#include "detail/enum_table.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    SignalKind, {SignalKind::kPipDue, "pip_due", "PIP moet worden vastgesteld"},
    {SignalKind::kPipAwaitingThirdParty, "pip_awaiting_third_party",
     "wacht op informatie van derden voor het PIP"},
    {SignalKind::kInterviewDue, "interview_due", "voortgangsgesprek gepland"},
    {SignalKind::kNoHoursReported, "no_hours_reported", "geen uren gemeld"},
    {SignalKind::kTermEnding, "term_ending", "inburgeringstermijn loopt af"},
    {SignalKind::kRouteSwitchWindowClosing, "route_switch_window_closing",
     "termijn voor wijziging leerroute sluit"},
    {SignalKind::kUnburdeningEnding, "unburdening_ending", "ontzorgen loopt af"},
    {SignalKind::kIntakeMayCompleteWithoutParticipant, "intake_may_complete_without_participant",
     "brede intake zonder inburgeringsplichtige afronden"},
    {SignalKind::kExtensionDecisionOverdue, "extension_decision_overdue",
     "DUO heeft niet tijdig beslist op de aanvraag tot verlenging"},
    {SignalKind::kObligationEnded, "obligation_ended", "inburgeringsplicht geëindigd"},
    {SignalKind::kSocialGuidanceDue, "social_guidance_due",
     "maatschappelijke begeleiding moet starten"},
    {SignalKind::kCourseOfferDue, "course_offer_due",
     "cursus of opleiding moet worden aangeboden"});

}  // namespace inburgering
