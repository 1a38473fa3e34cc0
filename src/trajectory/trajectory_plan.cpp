// Trajectory: issuing and adjusting the PIP (Wi 15, 17; Bi 5.3-5.5).

#include "inburgering/trajectory/trajectory.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "trajectory/fields.hpp"
#include "trajectory/trajectory_rules.hpp"

namespace inburgering {

namespace bg = boost::gregorian;

namespace {

void require_other_route(Route from, Route to) {
  if (from == to)
    throw RuleViolation("Wi 17.2", "the route is already " + std::string(to_string(to)));
}

}  // namespace

// ---- PIP -------------------------------------------------------------------------------------

const PlanVersion* Trajectory::current_plan() const noexcept {
  return record_.plan_versions.empty() ? nullptr : &record_.plan_versions.back();
}

PlanNorms Trajectory::plan_norms() const {
  // Bi 3.1.5, 3.2.3: PVT and MAP activity "in het kader van de brede intake" may be deducted
  // from the hour norm, so the PIP plans only what is left (whole hours, rounded up). Hours
  // outside the intake do not count here (Bi 5.3.5).
  PlanNorms norms = PlanNorms::of(record_.policy);
  RouteFacts facts;
  facts.attendance = &record_.attendance;
  facts.intake_started_on = record_.intake.started_on();
  facts.intake_completed_on = record_.intake.completed_on;
  if (!record_.plan_versions.empty()) {
    facts.first_plan_issued_on = record_.plan_versions.front().date_of_issue;
  }
  const auto in_intake = [&](HourKind kind) { return minutes_in_intake(facts, {kind}); };
  const auto left = [](int norm_hours, long credited_minutes) {
    const long rest = std::max(0L, static_cast<long>(norm_hours) * 60 - credited_minutes);
    return static_cast<int>((rest + 59) / 60);
  };
  norms.pvt_min_hours = left(norms.pvt_min_hours, in_intake(HourKind::kPvt));
  norms.map_min_hours = left(norms.map_min_hours, in_intake(HourKind::kMap));
  return norms;
}

void Trajectory::check_plan_content(const PlanContent& content) const {
  validate(content, plan_norms());
  // Checked on each new version, not on stored ones (a version of 0.5 may lack them).
  if (content.support.empty()) {
    throw ValidationError("plan.support",
                          "the PIP sets the support and guidance the route needs (Wi 15.1.b)",
                          "empty");
  }
  // Wi 15.1.c: the PIP sets the MAP's intensity wherever a MAP is still to be done: not in the
  // education route nor after its bridging course (Wi 8.3), nor once it was completed.
  if (content.route != Route::kEducation && content.map_hours <= 0 &&
      !record_.components.bridging_course_completed_on &&
      !record_.components.map_final_interview_on) {
    throw ValidationError("plan.map_hours",
                          "the PIP sets the intensity of the MAP (Wi 15.1.c): at least 1 hour",
                          std::to_string(content.map_hours));
  }
  if (college_provides_guidance(record_.participant.target_group) &&
      content.route_intensity_hours_per_week <= 0) {
    throw ValidationError("plan.route_intensity_hours_per_week",
                          "the PIP of an asylum permit holder sets the route's intensity (Wi 15.2)",
                          std::to_string(content.route_intensity_hours_per_week));
  }
  const auto& test = record_.intake.learnability_test;
  if (content.route == Route::kB1 && test && test->score && !test->b1_route_feasible() &&
      content.learnability_deviation_reason.empty()) {
    throw RuleViolation("Wi 14.3.a; Wi 15.1.a",
                        "the learnability test's score is below its pass mark " +
                            std::to_string(test->pass_mark) +
                            ", so it does not support the B1-route: state the reasons for "
                            "deviating");  // the score itself is personal: not repeated
  }
}

PlanVersion Trajectory::append_plan(Date date_of_issue, PlanChangeReason reason,
                                    std::string explanation, PlanContent content) {
  require_valid(date_of_issue, "plan.date_of_issue");
  detail::check_input(content, "plan");
  detail::check_input(explanation, "plan.explanation");
  if (const PlanVersion* last = current_plan(); last && date_of_issue < last->date_of_issue) {
    throw ValidationError(
        "plan.date_of_issue",
        "must not be before the previous version's date of issue " + to_iso(last->date_of_issue),
        to_iso(date_of_issue));
  }
  if (reason != PlanChangeReason::kInitial && explanation.empty()) {
    throw ValidationError("plan.explanation", "an adjusted PIP states why it was adjusted (Wi 17)",
                          "empty");
  }
  check_plan_content(content);

  // Everything that can throw happens before the record changes.
  std::optional<Date> due_by;
  if (reason == PlanChangeReason::kInitial || reason == PlanChangeReason::kMove) {
    due_by = pip_deadline();
  }
  std::optional<IntegrationTerm> term = record_.term;
  if (!term) term = IntegrationTerm::starting_after(date_of_issue, record_.policy);
  PlanVersion version{static_cast<int>(record_.plan_versions.size()) + 1,
                      date_of_issue,
                      reason,
                      std::move(explanation),
                      record_.municipality,
                      std::move(content),
                      plan_norms(),
                      due_by};

  // Progress interviews: keep what was held, reschedule what is still to come (Bi 5.3.4).
  std::vector<ProgressInterview> interviews;
  int held = 0;
  for (const auto& interview : record_.interviews) {
    if (interview.held() || interview.plan_version == 0) {
      interviews.push_back(interview);
      if (interview.held() && interview.plan_version != 0) ++held;
    }
  }
  const Date until = term->end_date(date_of_issue, record_.duo_fines);
  if (until > date_of_issue) {
    const int remaining = std::max(0, version.content.progress_interview_count - held);
    for (Date date : spread_interviews(date_of_issue, until, remaining)) {
      interviews.push_back(ProgressInterview{date, version.number, std::nullopt, std::nullopt, {}});
    }
  }
  std::stable_sort(interviews.begin(), interviews.end(),
                   [](const ProgressInterview& a, const ProgressInterview& b) {
                     return a.scheduled_on < b.scheduled_on;
                   });

  record_.term = std::move(term);
  record_.interviews = std::move(interviews);
  record_.plan_versions.push_back(std::move(version));
  return record_.plan_versions.back();
}

PlanVersion Trajectory::issue_first_plan(Date date_of_issue, PlanContent content) {
  require_state({TrajectoryState::kPlanning}, "issuing the first PIP");
  if (content.route == Route::kEducation && !record_.intake.wants_vocational_or_higher_education) {
    throw RuleViolation("Wi 8.1",
                        "the education route is for whoever indicated in the broad intake wanting "
                        "to follow vocational or higher education; none is recorded "
                        "(record_education_wish)");
  }
  if (record_.obligation.regime != Regime::kWi2021) {
    throw RuleViolation("Wi 54", "an obligation under the Wi 2013 has no PIP");
  }
  require_valid(date_of_issue, "plan.date_of_issue");
  if (date_of_issue < *record_.intake.completed_on) {
    throw ValidationError("plan.date_of_issue",
                          "the PIP follows the broad intake completed on " +
                              to_iso(*record_.intake.completed_on) + " (Wi 15)",
                          to_iso(date_of_issue));
  }
  if (!content.scaled_down_parts.empty()) {
    throw RuleViolation("Wi 17.3",
                        "parts are scaled down to A2 only after substantial efforts "
                        "on the B1-route (scale_down_to_a2), not in the first PIP");
  }
  PlanVersion version =
      append_plan(date_of_issue, PlanChangeReason::kInitial, {}, std::move(content));
  record_.state = TrajectoryState::kRoute;  // Planning → route is always allowed here.
  return version;
}

PlanVersion Trajectory::adjust_plan(Date date_of_issue, PlanContent content,
                                    std::string explanation) {
  require_state({TrajectoryState::kRoute}, "adjusting the PIP");
  const PlanVersion& current = *current_plan();
  if (content.route != current.content.route) {
    throw RuleViolation("Wi 17.2", "changing the route is a route switch (switch_route)");
  }
  if (content.scaled_down_parts != current.content.scaled_down_parts) {
    throw RuleViolation("Wi 17.3",
                        "scaling parts down to A2 is its own adjustment "
                        "(scale_down_to_a2); parts cannot be scaled back up");
  }
  return append_plan(date_of_issue, PlanChangeReason::kOther, std::move(explanation),
                     std::move(content));
}

PlanVersion Trajectory::switch_route(Date date_of_issue, PlanContent content,
                                     std::string explanation, RouteSwitchGround ground) {
  require_state({TrajectoryState::kRoute}, "switching the route");
  require_valid(date_of_issue, "plan.date_of_issue");
  // The window is the one the term started with (IntegrationTerm::route_switch_window_months).
  Policy rules = record_.policy;
  rules.route_switch_window_months = record_.term->route_switch_window_months;
  const Route from = current_plan()->content.route;
  const Date deadline = record_.term->route_switch_deadline();
  for (ExamPart part : content.scaled_down_parts) {
    if (current_plan()->content.scaled_down_parts.count(part) == 0) {
      throw RuleViolation("Wi 17.3", std::string(to_string(part)) +
                                         " is not scaled down yet: scale down with "
                                         "scale_down_to_a2 (Bi 5.5), not by a route switch");
    }
  }
  if (ground.course_ended_on &&
      ground.exception != RouteSwitchException::kAfterNonExemptingCourse) {
    throw ValidationError("plan.course_ended_on",
                          "only a switch after a non-exempting course (Bi 5.4.2) names it",
                          to_iso(*ground.course_ended_on));
  }
  switch (ground.exception) {
    case RouteSwitchException::kNone:
      check_route_switch(from, content.route, record_.term->start, date_of_issue, rules);
      break;
    case RouteSwitchException::kAfterNonExemptingCourse: {
      require_other_route(from, content.route);
      if (!ground.course_ended_on) {
        throw ValidationError("plan.course_ended_on",
                              "a switch after a non-exempting course (Bi 5.4.2) names the day the "
                              "course was completed or left",
                              "empty");
      }
      const Date ended = *ground.course_ended_on;
      require_valid(ended, "plan.course_ended_on");
      if (ended <= deadline) {
        throw RuleViolation("Bi 5.4.2",
                            "the exception is for a course that ended after the "
                            "window closed on " +
                                to_iso(deadline) + "; it ended on " + to_iso(ended));
      }
      if (date_of_issue < ended) {
        throw RuleViolation("Bi 5.4.2",
                            "the route is switched after the course ended on " + to_iso(ended));
      }
      break;
    }
    case RouteSwitchException::kSpecialCase:
      require_other_route(from, content.route);
      if (date_of_issue <= deadline || (from == Route::kEducation && content.route == Route::kB1)) {
        throw RuleViolation("Bi 5.4.3",
                            "no exception is needed: the switch is allowed without "
                            "one (the window runs until " +
                                to_iso(deadline) + ")");
      }
      break;  // The explanation, required for every adjustment, gives the special case.
  }
  PlanVersion version = append_plan(date_of_issue, PlanChangeReason::kRouteSwitch,
                                    std::move(explanation), std::move(content));
  auto& stored = record_.plan_versions.back();
  stored.switch_exception = ground.exception;
  stored.course_ended_on = ground.course_ended_on;
  version.switch_exception = stored.switch_exception;
  version.course_ended_on = stored.course_ended_on;
  return version;
}

PlanVersion Trajectory::scale_down_to_a2(Date date_of_issue, std::set<ExamPart> parts,
                                         std::string explanation) {
  require_state({TrajectoryState::kRoute}, "scaling down to A2");
  check_scale_down(route_facts(), parts, record_.policy);
  PlanContent content = current_plan()->content;
  content.scaled_down_parts.insert(parts.begin(), parts.end());
  return append_plan(date_of_issue, PlanChangeReason::kScaleDownToA2, std::move(explanation),
                     std::move(content));
}

PlanVersion Trajectory::issue_plan_after_move(Date date_of_issue, PlanContent content,
                                              std::string explanation) {
  require_state({TrajectoryState::kRoute}, "issuing the PIP after a move");
  if (!record_.transfer_in || !record_.transfer_in->had_plan) {
    throw RuleViolation("Wi 15.4", "no move with a PIP is on record for this trajectory");
  }
  require_valid(date_of_issue, "plan.date_of_issue");
  if (date_of_issue < record_.transfer_in->brp_registration_on) {
    throw ValidationError("plan.date_of_issue",
                          "the new college sets the PIP after registration on " +
                              to_iso(record_.transfer_in->brp_registration_on) + " (Bi 5.3.3)",
                          to_iso(date_of_issue));
  }
  if (content.route != current_plan()->content.route) {
    throw RuleViolation("Wi 15.4", "after a move the PIP keeps the same route (" +
                                       std::string(to_string(current_plan()->content.route)) + ")");
  }
  if (content.scaled_down_parts != current_plan()->content.scaled_down_parts) {
    throw RuleViolation("Wi 15.4",
                        "after a move the PIP keeps the route as it was set, with the "
                        "same parts scaled down to A2");
  }
  return append_plan(date_of_issue, PlanChangeReason::kMove, std::move(explanation),
                     std::move(content));
}

}  // namespace inburgering
