// Trajectory: exam results, attendance, components and progress interviews (Wi 6-9, 17.1).

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

// ---- Progress --------------------------------------------------------------------------------

RouteFacts Trajectory::route_facts() const {
  const PlanVersion* plan = current_plan();
  if (plan == nullptr) {
    throw RuleViolation("Wi 15", "there is no PIP yet, so no route");
  }
  RouteFacts facts;
  facts.route = plan->content.route;
  facts.target_group = record_.participant.target_group;
  facts.obligation = &record_.obligation;
  facts.scaled_down_parts = plan->content.scaled_down_parts;
  facts.exam_results = &record_.exam_results;
  facts.attendance = &record_.attendance;
  facts.components = &record_.components;
  facts.first_plan_issued_on = record_.plan_versions.front().date_of_issue;
  facts.intake_started_on = record_.intake.started_on();
  facts.intake_completed_on = record_.intake.completed_on;
  return facts;
}

void Trajectory::record_exam_result(ExamResult result) {
  require_active("recording an exam result");
  detail::check_input(result, "exam_result");
  validate(result);
  record_.exam_results.push_back(result);
}

void Trajectory::invalidate_exam_result(std::size_t index, Date on) {
  require_active("declaring an exam result invalid");
  require_valid(on, "exam_result.invalidated_on");
  if (index >= record_.exam_results.size()) {
    throw ValidationError("exam_result.index",
                          "names one of the " + std::to_string(record_.exam_results.size()) +
                              " exam results on record",
                          std::to_string(index));
  }
  ExamResult result = record_.exam_results[index];
  if (result.invalidated_on) {
    throw RuleViolation("Bi 3.10.2", "the exam result was declared invalid already");
  }
  result.invalidated_on = on;
  validate(result);
  record_.exam_results[index] = result;
}

void Trajectory::record_diploma_withdrawn(Date on, const std::set<std::size_t>& invalid_results) {
  if (record_.state != TrajectoryState::kCompleted) {
    throw RuleViolation("Bi 3.10.3",
                        "only the diploma of a completed trajectory is withdrawn; "
                        "the trajectory is " +
                            std::string(to_string(record_.state)));
  }
  const Route route = current_plan()->content.route;
  if (route == Route::kZ) {
    throw RuleViolation("Bi 3.10.3",
                        "the Z-route ends with a certificate, not a diploma: nothing to withdraw");
  }
  require_valid(on, "withdrawn_diplomas.withdrawn_on");
  const Date completed_on = record_.closure->on;
  if (on < completed_on) {
    throw ValidationError("withdrawn_diplomas.withdrawn_on",
                          "must not be before the completion on " + to_iso(completed_on),
                          to_iso(on));
  }
  if (invalid_results.empty()) {
    throw ValidationError("exam_result.index",
                          "names the exam results DUO declared invalid (Bi 3.10.3)", "none");
  }
  std::vector<ExamResult> results = record_.exam_results;
  for (const std::size_t index : invalid_results) {
    if (index >= results.size()) {
      throw ValidationError(
          "exam_result.index",
          "names one of the " + std::to_string(results.size()) + " exam results on record",
          std::to_string(index));
    }
    ExamResult& result = results[index];
    const std::string field = "exam_results[" + std::to_string(index) + "]";
    if (!result.passed || result.invalidated_on) {
      throw ValidationError(field, "a result the diploma rested on: passed and still valid",
                            result.passed ? "already invalid" : "not passed");
    }
    if (result.taken_on > completed_on) {
      throw ValidationError(
          field + ".taken_on",
          "a result the diploma rested on was taken by the completion on " + to_iso(completed_on),
          to_iso(result.taken_on));
    }
    result.invalidated_on = on;
  }
  record_.exam_results = std::move(results);
  record_.withdrawn_diplomas.push_back(DiplomaWithdrawal{completed_on, on});
  record_.closure.reset();
  record_.state = TrajectoryState::kRoute;  // the one edge out of a final state
}

void Trajectory::record_attendance(AttendanceEntry entry) {
  require_active("recording attendance");
  detail::check_input(entry, "attendance");
  validate(entry);
  record_.attendance.push_back(std::move(entry));
}

void Trajectory::record_pvt_statement_signed(Date on) {
  // The PVT is part of the obligation the PIP sets: a signature before the PIP does not count
  // (Bi 5.3.5); only hours of the broad intake may (Bi 3.1.5).
  require_state({TrajectoryState::kRoute}, "recording the participation statement");
  require_valid(on, "components.pvt_statement_signed_on");
  if (on < record_.plan_versions.front().date_of_issue) {
    throw RuleViolation("Bi 5.3.5",
                        "the participation statement counts only when signed on or "
                        "after the first PIP of " +
                            to_iso(record_.plan_versions.front().date_of_issue));
  }
  const long minutes = minutes_with_intake(route_facts(), {HourKind::kPvt});
  if (minutes < static_cast<long>(record_.policy.pvt_min_hours) * 60) {
    throw RuleViolation("Bi 3.1.3, 3.1.5",
                        "the statement is signed after at least " +
                            std::to_string(record_.policy.pvt_min_hours) +
                            " PVT hours in the broad intake and from the PIP on; " +
                            detail::hours_text(minutes) + " registered");
  }
  record_.components.pvt_statement_signed_on = on;
}

void Trajectory::record_map_final_interview(Date on) {
  require_state({TrajectoryState::kRoute}, "recording the MAP final interview");
  require_valid(on, "components.map_final_interview_on");
  if (current_plan()->content.route == Route::kEducation) {
    throw RuleViolation("Wi 8", "the education route has no MAP");
  }
  // MAP hours from the broad intake on count (Bi 3.2.3). The MAP consists of activities on its
  // themes and ends with the final interview (Bi 3.2.1-2): without any MAP activity on record
  // there is nothing to end, whatever the hour norm (README: `map_min_hours` is 0 by default).
  const long minutes = minutes_with_intake(route_facts(), {HourKind::kMap});
  if (minutes <= 0) {
    throw RuleViolation("Bi 3.2.1-2",
                        "the MAP ends with the final interview after its activities; no MAP "
                        "hours are registered in the broad intake or from the PIP on");
  }
  if (minutes < static_cast<long>(record_.policy.map_min_hours) * 60) {
    throw RuleViolation("Bi 3.2.3-4", "the MAP ends after at least " +
                                          std::to_string(record_.policy.map_min_hours) +
                                          " hours in the broad intake and from the PIP on; " +
                                          detail::hours_text(minutes) + " registered");
  }
  record_.components.map_final_interview_on = on;
}

void Trajectory::record_z_route_final_interview(Date on) {
  require_state({TrajectoryState::kRoute}, "recording the Z-route final interview");
  require_valid(on, "components.z_route_final_interview_on");
  if (current_plan()->content.route != Route::kZ) {
    throw RuleViolation("Bi 3.14", "only the Z-route ends with its final interview");
  }
  record_.components.z_route_final_interview_on = on;
}

void Trajectory::record_bridging_course_completed(Date on) {
  require_state({TrajectoryState::kRoute}, "recording the bridging course");
  require_valid(on, "components.bridging_course_completed_on");
  if (current_plan()->content.route != Route::kEducation) {
    throw RuleViolation("Wi 8", "the language bridging course belongs to the education route");
  }
  record_.components.bridging_course_completed_on = on;
}

void Trajectory::record_progress_interview(Date held_on, ProgressAssessment assessment,
                                           std::string notes) {
  require_state({TrajectoryState::kRoute}, "recording a progress interview");
  detail::check_input(notes, "interview.notes");
  require_valid(held_on, "interview.held_on");
  if (held_on < record_.plan_versions.front().date_of_issue) {
    throw ValidationError("interview.held_on", "progress interviews follow the first PIP",
                          to_iso(held_on));
  }
  for (auto& interview : record_.interviews) {
    if (!interview.held() && interview.plan_version != 0) {
      interview.held_on = held_on;
      interview.assessment = assessment;
      interview.notes = std::move(notes);
      return;
    }
  }
  record_.interviews.push_back(
      ProgressInterview{held_on, 0, held_on, assessment, std::move(notes)});
}

}  // namespace inburgering
