// Trajectory: what is required and what is due: the completion report and the signals of a
// worklist.

#include "inburgering/trajectory/trajectory.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "inburgering/state_pension_age.hpp"
#include "trajectory/fields.hpp"
#include "trajectory/trajectory_rules.hpp"

namespace inburgering {

namespace bg = boost::gregorian;

// ---- Queries ---------------------------------------------------------------------------------

RequirementReport Trajectory::completion_report() const {
  return completion_requirements(route_facts(), record_.policy);
}

RequirementReport Trajectory::substantial_efforts_report() const {
  return substantial_efforts_requirements(route_facts(), record_.policy);
}

std::vector<Signal> Trajectory::signals(Date today) const { return collect_signals(today, true); }

std::vector<Signal> Trajectory::deadlines(Date as_of) const {
  return collect_signals(as_of, false);
}

// Each signal has a due date and a lead time before it; with `only_within_lead_time` only those
// whose lead time has begun are returned (a caseworker's view), otherwise all open deadlines.
std::vector<Signal> Trajectory::collect_signals(Date today, bool only_within_lead_time) const {
  std::vector<Signal> out;
  if (is_final(record_.state)) return out;
  // `shown_from`: first day of the lead time.
  auto add = [&](SignalKind kind, Date due, Date shown_from, std::string detail) {
    if (only_within_lead_time && today < shown_from) return;
    out.push_back(Signal{kind, due, due < today, std::move(detail)});
  };

  // The obligation ends at the state-pension age (Wi 3.1): nothing else is due from that day.
  // (A volunteer has no obligation to end.)
  if (record_.participant.target_group != TargetGroup::kVoluntary) {
    const Date pension = state_pension_date(record_.participant.birth_date);
    if (today >= pension) {
      add(SignalKind::kObligationEnded, pension, pension,
          "the obligation ended at the state-pension age (Wi 3.1): end the trajectory");
      return out;
    }
  }

  // PIP due (first, or after a move).
  if (auto deadline = pip_deadline()) {
    const bool after_move = record_.transfer_in && record_.transfer_in->had_plan;
    add(SignalKind::kPipDue, *deadline,
        *deadline - bg::weeks(record_.policy.pip_deadline_signal_lead_weeks),
        after_move ? "PIP after the move is due (Bi 5.3.3)" : "first PIP is due (Bi 5.3.1)");
  } else if (record_.plan_versions.empty() && record_.obligation.third_party_info_requested_on &&
             !record_.obligation.third_party_info_received_on) {
    add(SignalKind::kPipAwaitingThirdParty, *record_.obligation.third_party_info_requested_on,
        *record_.obligation.third_party_info_requested_on,
        "PIP deadline suspended while third-party information is awaited (Bi 5.3.2)");
  }

  // The social guidance of a person of Wi 13.1 begins on the day of the BRP registration (Wi
  // 13.3). After a move the former college's record came along: due only if it never began.
  const bool guided = college_provides_guidance(record_.participant.target_group);
  if (guided && !record_.social_guidance && record_.obligation.brp_registration_date) {
    const Date due = *record_.obligation.brp_registration_date;
    add(SignalKind::kSocialGuidanceDue, due, due,
        "the social guidance begins on the day of the BRP registration (Wi 13.3)");
  }

  if (record_.state == TrajectoryState::kIntake &&
      record_.intake.failed_invitations_in_a_row() >=
          record_.policy.intake_invitations_before_absent_completion) {
    add(SignalKind::kIntakeMayCompleteWithoutParticipant,
        record_.intake.invitations.back().respond_by, record_.intake.invitations.back().respond_by,
        "invitations exhausted: complete the intake without the person (Wi 14.2)");
  }

  if (record_.state == TrajectoryState::kRoute) {
    const auto& term = *record_.term;
    const PlanVersion& plan = *current_plan();

    // Wi 16.1: a course or education for the route in force, offered by the day the route
    // begins to run: after the first PIP, the last route switch, or the PIP after a move (the
    // former college's offers do not count for the new one).
    if (guided) {
      const PlanVersion* from = route_run_start();
      const Date counts_from = course_offer_counts_from();
      const bool offered =
          std::any_of(record_.course_offers.begin(), record_.course_offers.end(),
                      [&](const CourseOffer& offer) {
                        return offer.route == plan.content.route && offer.offered_on >= counts_from;
                      });
      if (!offered) {
        const Date due = from->date_of_issue + bg::days(1);
        add(SignalKind::kCourseOfferDue, due, from->date_of_issue,
            "offer a course or education for the " + std::string(to_string(plan.content.route)) +
                " route of PIP version " + std::to_string(from->number) + " (Wi 16.1)");
      }
    }

    // Progress interviews: every overdue one and those within the lead time.
    for (const auto& interview : record_.interviews) {
      if (!interview.held()) {
        add(SignalKind::kInterviewDue, interview.scheduled_on,
            interview.scheduled_on - bg::weeks(record_.policy.interview_signal_lead_weeks),
            "progress interview of PIP version " + std::to_string(interview.plan_version) +
                " (Bi 5.3.4)");
      }
    }

    // No hours reported since the last entry (or since the first PIP). Only the hours a course
    // provider or the college reports for the plan's activities (Wi 35.3; Bi 3.1.4) show that the
    // trajectory moves: hours of the social guidance (Wi 13) and lessons at school (Bi 3.14.10)
    // count for the Z-route but do not reset this signal.
    Date reference = record_.plan_versions.front().date_of_issue;
    for (const auto& entry : record_.attendance) {
      if (entry.kind == HourKind::kSocialGuidance || entry.kind == HourKind::kSchoolLanguage) {
        continue;
      }
      reference = std::max(reference, entry.attended_on);
    }
    const Date no_hours_due = reference + bg::weeks(record_.policy.no_hours_signal_weeks);
    add(SignalKind::kNoHoursReported, no_hours_due, no_hours_due,
        "no attendance hours reported since " + to_iso(reference) + " (Wi 35.3)");

    // Term ending: the extension-request window is open.
    const Date end = term.end_date(today, record_.duo_fines);
    const Date window = term.extension_window_opens(today, record_.duo_fines);
    add(SignalKind::kTermEnding, end, window,
        "term ends on " + to_iso(end) + "; extension requests accepted from " + to_iso(window) +
            " (Wi 12; Bi 4.5)");

    // A request for extension DUO has not decided on in time (Bi 4.5.1).
    if (!term.extension_requests.empty() && !term.extension_requests.back().decided_on) {
      const Date requested = term.extension_requests.back().requested_on;
      const Date due = requested + bg::weeks(record_.policy.extension_decision_weeks);
      add(SignalKind::kExtensionDecisionOverdue, due, due + bg::days(1),
          "DUO decides on the request for extension of " + to_iso(requested) + " by " +
              to_iso(due) + " (Bi 4.5.1)");
    }

    // Route-switch window closing (education → B1 stays possible, so not for that route).
    if (plan.content.route != Route::kEducation &&
        record_.policy.route_switch_signal_lead_months > 0 && term.route_switch_window_months > 0) {
      const Date deadline = term.route_switch_deadline();  // the window the term started with
      if (today <= deadline) {
        add(SignalKind::kRouteSwitchWindowClosing, deadline,
            first_day_of_period_ending(deadline, record_.policy.route_switch_signal_lead_months),
            "a route switch is possible until " + to_iso(deadline) + " (Wi 17.2; Bi 5.4)");
      }
    }
  }

  if (const auto& unburdening = record_.unburdening; unburdening && !unburdening->stopped_on) {
    const Date end = unburdening->end_date();
    if (today <= end) {
      add(SignalKind::kUnburdeningEnding, end,
          end - bg::weeks(record_.policy.unburdening_signal_lead_weeks),
          "unburdening ends on " + to_iso(end) + "; extend only for sound reasons (Pw 57)");
    }
  }

  std::stable_sort(out.begin(), out.end(),
                   [](const Signal& a, const Signal& b) { return a.due_on < b.due_on; });
  return out;
}

}  // namespace inburgering
