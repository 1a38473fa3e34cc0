// Trajectory: the acts of the broad intake (Wi 14; Bi 5.2).

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

// ---- Broad intake ----------------------------------------------------------------------------

void Trajectory::invite_to_intake(Date sent_on, Date respond_by) {
  require_state({TrajectoryState::kRegistered, TrajectoryState::kIntake},
                "inviting to the broad intake");
  require_on_or_after_registration(sent_on, "intake.invitation.sent_on");
  require_valid(respond_by, "intake.invitation.respond_by");
  if (respond_by < sent_on) {
    throw ValidationError("intake.invitation.respond_by",
                          "must not be before sent_on " + to_iso(sent_on), to_iso(respond_by));
  }
  auto& intake = record_.intake;
  if (!intake.invitations.empty() &&
      intake.invitations.back().outcome == InvitationOutcome::kPending) {
    throw RuleViolation("Wi 14.1", "the previous invitation (sent " +
                                       to_iso(intake.invitations.back().sent_on) +
                                       ") has no outcome yet");
  }
  if (!intake.invitations.empty() && sent_on < intake.invitations.back().sent_on) {
    throw ValidationError("intake.invitation.sent_on", "must not be before the previous invitation",
                          to_iso(sent_on));
  }
  const int failed = intake.failed_invitations_in_a_row();
  if (failed >= record_.policy.intake_invitations_before_absent_completion) {
    throw RuleViolation("Wi 14.2", "after " + std::to_string(failed) +
                                       " failed invitations the college completes the intake "
                                       "without the person");
  }
  intake.invitations.push_back(
      IntakeInvitation{sent_on, respond_by, failed > 0, InvitationOutcome::kPending});
  move_to(TrajectoryState::kIntake);
}

void Trajectory::record_invitation_outcome(InvitationOutcome outcome) {
  require_state({TrajectoryState::kIntake}, "recording an invitation's outcome");
  auto& invitations = record_.intake.invitations;
  if (invitations.empty() || invitations.back().outcome != InvitationOutcome::kPending) {
    throw RuleViolation("Wi 14.1", "no invitation is awaiting its outcome");
  }
  if (outcome == InvitationOutcome::kPending) {
    throw ValidationError("intake.invitation.outcome", "an outcome must be recorded", "pending");
  }
  invitations.back().outcome = outcome;
}

void Trajectory::record_intake_topic(IntakeTopic topic, TopicRecord topic_record) {
  require_state({TrajectoryState::kRegistered, TrajectoryState::kIntake},
                "recording an intake topic");
  const std::string field = "intake.topics." + std::string(to_string(topic));
  detail::check_input(topic_record, field);
  if (topic_record.withheld) {
    throw ValidationError(field + ".withheld", "only a store sets the health placeholder", "true");
  }
  require_on_or_after_registration(topic_record.recorded_on, (field + ".recorded_on").c_str());
  if (topic_record.not_applicable && topic != IntakeTopic::kEarlyChildhoodEducation) {
    throw ValidationError(field + ".not_applicable",
                          "only the VVE topic can be not applicable (Wi 14.3.d)", "true");
  }
  if (!topic_record.not_applicable && topic_record.notes.empty()) {
    throw ValidationError(field + ".notes",
                          "relevant information is recorded in writing (Bi 5.2.3)", "empty");
  }
  record_.intake.topics[topic] = std::move(topic_record);
  move_to(TrajectoryState::kIntake);
}

void Trajectory::record_learnability_test(LearnabilityTest test) {
  require_state({TrajectoryState::kRegistered, TrajectoryState::kIntake},
                "recording the learnability test");
  detail::check_input(test, "learnability_test");
  // The test keeps the scale of today's policy (see LearnabilityTest).
  test.max_score = record_.policy.learnability_max_score;
  test.pass_mark = record_.policy.learnability_pass_mark;
  if (test.special_withheld) {
    throw ValidationError("learnability_test.special_withheld",
                          "an act records the values themselves, not a placeholder", "true");
  }
  test.validate();
  if (test.dispensation_reason && !test.dispensation_ground) {
    throw ValidationError("learnability_test.dispensation_ground",
                          "the test is dispensed only for a visual or an auditory impairment "
                          "(Wi 14.6.a-b: visual_impairment, auditory_impairment)",
                          "none");
  }
  record_.intake.learnability_test = std::move(test);
  move_to(TrajectoryState::kIntake);
}

void Trajectory::record_education_wish() {
  // Said in the intake; it may be entered after the intake was completed, before the PIP.
  require_state(
      {TrajectoryState::kRegistered, TrajectoryState::kIntake, TrajectoryState::kPlanning},
      "recording the wish for vocational or higher education");
  record_.intake.wants_vocational_or_higher_education = true;
  if (record_.state == TrajectoryState::kRegistered) move_to(TrajectoryState::kIntake);
}

void Trajectory::record_informed_may_attend_alone() {
  require_state({TrajectoryState::kRegistered, TrajectoryState::kIntake},
                "recording the notice of Bi 5.2.2");
  record_.intake.informed_may_attend_alone = true;
  move_to(TrajectoryState::kIntake);
}

void Trajectory::complete_intake(Date on) {
  require_state({TrajectoryState::kIntake}, "completing the broad intake");
  require_on_or_after_registration(on, "intake.completed_on");
  const auto missing = record_.intake.missing_requirements(record_.participant.has_young_children);
  if (!missing.empty()) {
    throw RuleViolation("Wi 14.3; Bi 5.2",
                        "the broad intake cannot be completed; missing: " + detail::join(missing));
  }
  record_.intake.completed_on = on;
  move_to(TrajectoryState::kPlanning);
}

void Trajectory::complete_intake_without_participant(Date on) {
  require_state({TrajectoryState::kIntake}, "completing the broad intake without the person");
  require_on_or_after_registration(on, "intake.completed_on");
  const int failed = record_.intake.failed_invitations_in_a_row();
  if (failed < record_.policy.intake_invitations_before_absent_completion) {
    throw RuleViolation(
        "Wi 14.2", "the intake is completed without the person only after " +
                       std::to_string(record_.policy.intake_invitations_before_absent_completion) +
                       " failed invitations; " + std::to_string(failed) + " so far");
  }
  record_.intake.completed_on = on;
  record_.intake.completed_without_participant = true;
  move_to(TrajectoryState::kPlanning);
}

}  // namespace inburgering
