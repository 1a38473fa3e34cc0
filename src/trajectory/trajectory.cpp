#include "inburgering/trajectory/trajectory.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "trajectory/fields.hpp"

namespace inburgering {

namespace bg = boost::gregorian;

namespace {

const char* const kStateRule = "trajectory state machine";

bool is_failed(InvitationOutcome outcome) {
  return outcome == InvitationOutcome::kNoShow ||
         outcome == InvitationOutcome::kInsufficientCooperation;
}

}  // namespace

// ---- Construction ----------------------------------------------------------------------------

Trajectory::Trajectory(TrajectoryRecord record) : record_(std::move(record)) {}

Trajectory Trajectory::open(TrajectoryId id, MunicipalityCode municipality, UserId caseworker,
                            Participant participant, Obligation obligation, Date registered_on,
                            Policy policy) {
  policy.validate();
  participant.validate();
  obligation.validate();
  require_valid(registered_on, "trajectory.registered_on");
  if (participant.target_group != TargetGroup::kVoluntary &&
      !Obligation::applies_to(participant, obligation.duo_notice_date, policy)) {
    throw RuleViolation("Wi 3",
                        "no integration obligation on the notice date: it applies from age " +
                            std::to_string(policy.minimum_age_years) +
                            " up to the state-pension age, and not under EU law");
  }
  TrajectoryRecord record{.id = id,
                          .municipality = municipality,
                          .caseworker = std::move(caseworker),
                          .participant = std::move(participant),
                          .obligation = std::move(obligation),
                          .registered_on = registered_on,
                          .policy = std::move(policy)};
  validate_record(record);
  return Trajectory(std::move(record));
}

Trajectory Trajectory::from_record(TrajectoryRecord record) {
  validate_record(record);
  return Trajectory(std::move(record));
}

Trajectory Trajectory::receive_transfer(const Trajectory& source, TrajectoryId id,
                                        MunicipalityCode municipality, UserId caseworker,
                                        Date brp_registration_on, Policy policy) {
  const auto& closure = source.record_.closure;
  if (source.state() != TrajectoryState::kTransferredOut || !closure || !closure->moved_to ||
      *closure->moved_to != municipality) {
    throw RuleViolation("Wi 15.4; Wi 35.4", "only a trajectory transferred out to municipality " +
                                                municipality.to_string() +
                                                " can be taken over by it");
  }
  require_valid(brp_registration_on, "transfer.brp_registration_on");
  if (brp_registration_on < closure->on) {
    throw ValidationError("transfer.brp_registration_on",
                          "must not be before the move on " + to_iso(closure->on),
                          to_iso(brp_registration_on));
  }
  TrajectoryRecord record = source.record_;
  record.id = id;
  record.municipality = municipality;
  record.caseworker = std::move(caseworker);
  record.registered_on = brp_registration_on;
  record.obligation.brp_registration_date = brp_registration_on;
  record.obligation.third_party_info_requested_on.reset();
  record.obligation.third_party_info_received_on.reset();
  record.unburdening.reset();  // A decision of the old college under the Pw.
  record.closure.reset();
  record.policy = std::move(policy);  // The receiving college's; the term keeps its own numbers.
  record.revision = 0;
  const bool had_plan = !record.plan_versions.empty();
  record.transfer_in = TransferIn{source.record_.municipality, brp_registration_on, had_plan};
  // The state before the move follows from what had happened.
  if (had_plan) {
    record.state = TrajectoryState::kRoute;
  } else if (record.intake.completed_on) {
    record.state = TrajectoryState::kPlanning;
  } else if (record.intake == BroadIntake{}) {
    record.state = TrajectoryState::kRegistered;
  } else {
    record.state = TrajectoryState::kIntake;
  }
  validate_record(record);
  return Trajectory(std::move(record));
}

void Trajectory::adopt_policy(Policy policy) {
  policy.validate();
  record_.policy = std::move(policy);
}

// ---- Guards ----------------------------------------------------------------------------------

void Trajectory::require_state(std::initializer_list<TrajectoryState> allowed,
                               const char* action) const {
  if (std::find(allowed.begin(), allowed.end(), record_.state) != allowed.end()) return;
  std::vector<std::string> names;
  for (auto state : allowed) names.emplace_back(to_string(state));
  throw RuleViolation(kStateRule, std::string(action) + " is not possible in state '" +
                                      std::string(to_string(record_.state)) + "' (needs " +
                                      detail::join(names, " or ") + ")");
}

void Trajectory::require_active(const char* action) const {
  if (is_final(record_.state)) {
    throw RuleViolation(kStateRule, std::string(action) + " is not possible: the trajectory is " +
                                        std::string(to_string(record_.state)));
  }
}

void Trajectory::move_to(TrajectoryState next) {
  if (record_.state == next) return;
  if (!transition_allowed(record_.state, next)) {
    throw RuleViolation(kStateRule, "no transition from '" + std::string(to_string(record_.state)) +
                                        "' to '" + std::string(to_string(next)) + "'");
  }
  record_.state = next;
}

void Trajectory::require_on_or_after_registration(Date date, const char* field) const {
  require_valid(date, field);
  if (date < record_.registered_on) {
    throw ValidationError(field,
                          "must not be before the registration on " + to_iso(record_.registered_on),
                          to_iso(date));
  }
}

void Trajectory::close(Date on, TrajectoryState final_state, std::optional<EndReason> reason,
                       std::optional<MunicipalityCode> moved_to) {
  // Callers have checked the state; a final state is always reachable from an active one.
  record_.closure = Closure{on, final_state, reason, moved_to};
  record_.state = final_state;
}

// ---- Obligation ------------------------------------------------------------------------------

void Trajectory::record_brp_registration(Date on) {
  require_active("recording the BRP registration");
  require_valid(on, "obligation.brp_registration_date");
  record_.obligation.brp_registration_date = on;
}

void Trajectory::record_third_party_info_requested(Date on) {
  require_state(
      {TrajectoryState::kRegistered, TrajectoryState::kIntake, TrajectoryState::kPlanning},
      "waiting for third-party information for the first PIP");
  require_on_or_after_registration(on, "obligation.third_party_info_requested_on");
  record_.obligation.third_party_info_requested_on = on;
  record_.obligation.third_party_info_received_on.reset();
}

void Trajectory::record_third_party_info_received(Date on) {
  require_active("recording third-party information");
  const auto& requested = record_.obligation.third_party_info_requested_on;
  if (!requested) {
    throw RuleViolation("Bi 5.3.2", "no request for third-party information is on record");
  }
  require_valid(on, "obligation.third_party_info_received_on");
  if (on < *requested) {
    throw ValidationError("obligation.third_party_info_received_on",
                          "must not be before the request on " + to_iso(*requested), to_iso(on));
  }
  record_.obligation.third_party_info_received_on = on;
}

void Trajectory::record_exemption(Exemption exemption) {
  require_active("recording an exemption");
  detail::check_input(exemption, "exemption");
  validate(exemption);
  const bool whole = exemption.is_whole();
  const Date on = exemption.decided_on;
  record_.obligation.exemptions.push_back(std::move(exemption));
  if (whole) close(on, TrajectoryState::kExempted, std::nullopt, std::nullopt);
}

void Trajectory::record_dispensation(Dispensation dispensation) {
  require_active("recording a dispensation");
  detail::check_input(dispensation, "dispensation");
  validate(dispensation);
  const bool whole = dispensation.is_whole();
  const Date on = dispensation.decided_on;
  record_.obligation.dispensations.push_back(std::move(dispensation));
  if (whole) close(on, TrajectoryState::kDispensed, std::nullopt, std::nullopt);
}

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
  test.validate();
  record_.intake.learnability_test = std::move(test);
  move_to(TrajectoryState::kIntake);
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

// ---- PIP -------------------------------------------------------------------------------------

const PlanVersion* Trajectory::current_plan() const noexcept {
  return record_.plan_versions.empty() ? nullptr : &record_.plan_versions.back();
}

void Trajectory::check_plan_content(const PlanContent& content) const {
  validate(content, record_.policy);
  if (record_.participant.target_group == TargetGroup::kAsylumPermitHolder &&
      content.route_intensity_hours_per_week <= 0) {
    throw ValidationError("plan.route_intensity_hours_per_week",
                          "the PIP of an asylum permit holder sets the route's intensity (Wi 15.2)",
                          std::to_string(content.route_intensity_hours_per_week));
  }
  const auto& test = record_.intake.learnability_test;
  if (content.route == Route::kB1 && test && test->score && !test->b1_route_feasible() &&
      content.learnability_deviation_reason.empty()) {
    throw RuleViolation("Wi 14.3.a; Wi 15.1.a",
                        "the learnability test (score " + std::to_string(*test->score) +
                            ", pass mark " + std::to_string(test->pass_mark) +
                            ") does not support the B1-route: state the reasons for deviating");
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
  std::optional<IntegrationTerm> term = record_.term;
  if (!term) term = IntegrationTerm::starting_after(date_of_issue, record_.policy);
  PlanVersion version{static_cast<int>(record_.plan_versions.size()) + 1,
                      date_of_issue,
                      reason,
                      std::move(explanation),
                      record_.municipality,
                      std::move(content),
                      PlanNorms::of(record_.policy)};

  // Progress interviews: keep what was held, reschedule what is still to come (Bi 5.3.4).
  std::vector<ProgressInterview> interviews;
  int held = 0;
  for (const auto& interview : record_.interviews) {
    if (interview.held() || interview.plan_version == 0) {
      interviews.push_back(interview);
      if (interview.held() && interview.plan_version != 0) ++held;
    }
  }
  const Date until = term->end_date(date_of_issue);
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
                                     std::string explanation) {
  require_state({TrajectoryState::kRoute}, "switching the route");
  require_valid(date_of_issue, "plan.date_of_issue");
  check_route_switch(current_plan()->content.route, content.route, record_.term->start,
                     date_of_issue, record_.policy);
  return append_plan(date_of_issue, PlanChangeReason::kRouteSwitch, std::move(explanation),
                     std::move(content));
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
  return append_plan(date_of_issue, PlanChangeReason::kMove, std::move(explanation),
                     std::move(content));
}

namespace {

// 10 weeks after `anchor`, moved to 2 weeks after third-party information if that is later;
// empty while the information is awaited (Bi 5.3.1-3).
std::optional<Date> deadline_from(Date anchor, const Obligation& obligation, const Policy& policy) {
  Date deadline = anchor + bg::weeks(policy.pip_deadline_weeks);
  if (obligation.third_party_info_requested_on) {
    if (!obligation.third_party_info_received_on) return std::nullopt;
    deadline = std::max(deadline, *obligation.third_party_info_received_on +
                                      bg::weeks(policy.pip_third_party_extension_weeks));
  }
  return deadline;
}

}  // namespace

std::optional<Date> Trajectory::pip_deadline() const {
  if (is_final(record_.state) || record_.participant.target_group == TargetGroup::kVoluntary ||
      record_.obligation.regime != Regime::kWi2021) {
    return std::nullopt;
  }
  const auto& obligation = record_.obligation;
  if (record_.transfer_in && record_.transfer_in->had_plan) {
    const bool issued =
        std::any_of(record_.plan_versions.begin(), record_.plan_versions.end(),
                    [](const PlanVersion& v) { return v.reason == PlanChangeReason::kMove; });
    if (issued) return std::nullopt;
    return deadline_from(record_.transfer_in->brp_registration_on, obligation, record_.policy);
  }
  if (!record_.plan_versions.empty()) return std::nullopt;
  if (!obligation.brp_registration_date) return std::nullopt;
  return deadline_from(std::max(obligation.duo_notice_date, *obligation.brp_registration_date),
                       obligation, record_.policy);
}

bool Trajectory::is_late(const PlanVersion& version) const {
  // After a move before any PIP, receive_transfer() set the BRP date to the new registration,
  // so the first-PIP rule covers that case too (Bi 5.3.1, 5.3.3).
  const auto& obligation = record_.obligation;
  std::optional<Date> deadline;
  if (version.reason == PlanChangeReason::kInitial && obligation.brp_registration_date) {
    deadline =
        deadline_from(std::max(obligation.duo_notice_date, *obligation.brp_registration_date),
                      obligation, record_.policy);
  } else if (version.reason == PlanChangeReason::kMove && record_.transfer_in) {
    deadline = deadline_from(record_.transfer_in->brp_registration_on, obligation, record_.policy);
  }
  return deadline && version.date_of_issue > *deadline;
}

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
  return facts;
}

void Trajectory::record_exam_result(ExamResult result) {
  require_active("recording an exam result");
  detail::check_input(result, "exam_result");
  validate(result);
  record_.exam_results.push_back(result);
}

void Trajectory::record_attendance(AttendanceEntry entry) {
  require_active("recording attendance");
  detail::check_input(entry, "attendance");
  validate(entry);
  record_.attendance.push_back(std::move(entry));
}

void Trajectory::record_pvt_statement_signed(Date on) {
  require_active("recording the participation statement");
  require_valid(on, "components.pvt_statement_signed_on");
  // PVT hours before the PIP count (Bi 3.1.5).
  const long minutes = minutes_attended(record_.attendance, {HourKind::kPvt});
  if (minutes < static_cast<long>(record_.policy.pvt_min_hours) * 60) {
    throw RuleViolation("Bi 3.1", "the statement is signed after at least " +
                                      std::to_string(record_.policy.pvt_min_hours) +
                                      " PVT hours; " + detail::hours_text(minutes) + " registered");
  }
  record_.components.pvt_statement_signed_on = on;
}

void Trajectory::record_map_final_interview(Date on) {
  require_state({TrajectoryState::kRoute}, "recording the MAP final interview");
  require_valid(on, "components.map_final_interview_on");
  if (current_plan()->content.route == Route::kEducation) {
    throw RuleViolation("Wi 8", "the education route has no MAP");
  }
  const long minutes = minutes_attended(record_.attendance, {HourKind::kMap});
  if (minutes < static_cast<long>(record_.policy.map_min_hours) * 60) {
    throw RuleViolation("Bi 3.2", "the MAP ends after at least " +
                                      std::to_string(record_.policy.map_min_hours) + " hours; " +
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

// ---- Term ------------------------------------------------------------------------------------

void Trajectory::record_extension(Extension extension) {
  require_state({TrajectoryState::kRoute}, "recording an extension");
  detail::check_input(extension, "extension");
  validate(extension);
  if (extension.decided_on < record_.term->start) {
    throw ValidationError("extension.decided_on",
                          "must not be before the term starts on " + to_iso(record_.term->start),
                          to_iso(extension.decided_on));
  }
  record_.term->extensions.push_back(extension);
}

void Trajectory::record_interruption(Interruption interruption) {
  require_state({TrajectoryState::kRoute}, "recording an interruption");
  detail::check_input(interruption, "interruption");
  validate(interruption);
  auto& term = *record_.term;
  if (interruption.from < term.start) {
    throw ValidationError("interruption.from",
                          "must not be before the term starts on " + to_iso(term.start),
                          to_iso(interruption.from));
  }
  if (!term.interruptions.empty()) {
    const auto& last = term.interruptions.back();
    if (!last.until) {
      throw RuleViolation("Bi 4.2",
                          "the interruption from " + to_iso(last.from) + " is still open");
    }
    if (interruption.from <= *last.until) {
      throw ValidationError(
          "interruption.from",
          "must be after the previous interruption ended on " + to_iso(*last.until),
          to_iso(interruption.from));
    }
  }
  term.interruptions.push_back(std::move(interruption));
}

void Trajectory::end_interruption(Date until) {
  require_state({TrajectoryState::kRoute}, "ending an interruption");
  auto& interruptions = record_.term->interruptions;
  if (interruptions.empty() || interruptions.back().until) {
    throw RuleViolation("Bi 4.2", "no interruption is open");
  }
  require_valid(until, "interruption.until");
  if (until < interruptions.back().from) {
    throw ValidationError(
        "interruption.until",
        "must not be before interruption.from " + to_iso(interruptions.back().from), to_iso(until));
  }
  interruptions.back().until = until;
}

std::optional<Date> Trajectory::term_end(Date as_of) const {
  if (!record_.term) return std::nullopt;
  return record_.term->end_date(as_of);
}

// ---- Unburdening -----------------------------------------------------------------------------

void Trajectory::start_unburdening(Date assistance_start, std::vector<FixedCostItem> items,
                                   bool receives_social_assistance) {
  require_active("starting unburdening");
  detail::check_input(items, "unburdening.items");
  require_valid(assistance_start, "unburdening.assistance_start");
  if (record_.unburdening) {
    throw RuleViolation("Pw 56a", "unburdening was already started on " +
                                      to_iso(record_.unburdening->assistance_start));
  }
  const auto reasons = unburdening_ineligibility(record_.participant, record_.obligation,
                                                 receives_social_assistance);
  if (!reasons.empty()) {
    throw RuleViolation("Pw 56a", "not eligible for unburdening: " + detail::join(reasons, "; "));
  }
  Unburdening unburdening{.assistance_start = assistance_start,
                          .months = record_.policy.unburdening_months,
                          .items = std::move(items)};
  unburdening.validate();
  record_.unburdening = std::move(unburdening);
}

void Trajectory::extend_unburdening(UnburdeningExtension extension) {
  require_active("extending unburdening");
  detail::check_input(extension, "unburdening.extension");
  if (!record_.unburdening) throw RuleViolation("Pw 57", "no unburdening to extend");
  Unburdening updated = *record_.unburdening;
  if (updated.stopped_on) {
    throw RuleViolation("Pw 57", "unburdening stopped on " + to_iso(*updated.stopped_on));
  }
  updated.extensions.push_back(std::move(extension));
  updated.validate();
  const Date end = record_.unburdening->end_date();
  if (updated.extensions.back().decided_on > end) {
    throw RuleViolation("Pw 57",
                        "an extension is decided before the period ends on " + to_iso(end));
  }
  record_.unburdening = std::move(updated);
}

void Trajectory::record_coaching_session(CoachingSession session) {
  require_active("recording a coaching session");
  detail::check_input(session, "unburdening.coaching_session");
  if (!record_.unburdening) throw RuleViolation("Pw 56a", "no unburdening is on record");
  Unburdening updated = *record_.unburdening;
  updated.coaching_sessions.push_back(std::move(session));
  updated.validate();
  record_.unburdening = std::move(updated);
}

void Trajectory::stop_unburdening(Date on) {
  require_active("stopping unburdening");
  if (!record_.unburdening) throw RuleViolation("Pw 56a", "no unburdening is on record");
  if (record_.unburdening->stopped_on) {
    throw RuleViolation(
        "Pw 56a", "unburdening already stopped on " + to_iso(*record_.unburdening->stopped_on));
  }
  Unburdening updated = *record_.unburdening;
  updated.stopped_on = on;
  updated.validate();
  record_.unburdening = std::move(updated);
}

// ---- Sanctions -------------------------------------------------------------------------------

MunicipalFine Trajectory::impose_intake_fine(Date on, bool assistance_already_lowered) {
  require_active("imposing an intake fine");
  require_valid(on, "fine.imposed_on");
  const auto& invitations = record_.intake.invitations;
  const auto failed = std::count_if(invitations.begin(), invitations.end(),
                                    [](const IntakeInvitation& i) { return is_failed(i.outcome); });
  const auto fined =
      std::count_if(record_.municipal_fines.begin(), record_.municipal_fines.end(),
                    [](const MunicipalFine& f) { return f.kind == MunicipalFineKind::kIntake; });
  if (failed <= fined) {
    throw RuleViolation("Wi 22",
                        "no no-show or lack of cooperation at the intake is on record "
                        "that was not fined yet");
  }
  record_.municipal_fines.push_back(next_intake_fine(record_.municipal_fines, record_.duo_fines, on,
                                                     assistance_already_lowered, record_.policy));
  return record_.municipal_fines.back();
}

MunicipalFine Trajectory::impose_cooperation_fine(Date on, Culpability culpability,
                                                  bool assistance_already_lowered) {
  require_state({TrajectoryState::kRoute}, "imposing a cooperation fine");
  record_.municipal_fines.push_back(
      next_cooperation_fine(record_.municipal_fines, record_.duo_fines, on, culpability,
                            assistance_already_lowered, record_.policy));
  return record_.municipal_fines.back();
}

void Trajectory::record_duo_fine(DuoFine fine) {
  require_state({TrajectoryState::kRoute}, "recording a DUO fine");
  detail::check_input(fine, "duo_fine");
  validate(fine, record_.policy);
  record_.duo_fines.push_back(fine);
}

// ---- Lifecycle -------------------------------------------------------------------------------

void Trajectory::complete(Date on) {
  require_state({TrajectoryState::kRoute}, "completing the trajectory");
  require_valid(on, "closure.on");
  const auto missing = completion_report().missing();
  if (!missing.empty()) {
    std::vector<std::string> texts;
    for (const auto& requirement : missing) {
      texts.push_back(requirement.code + " (" + requirement.description + ")");
    }
    throw RuleViolation("Wi 6-9",
                        "the obligation is not met yet; missing: " + detail::join(texts, "; "));
  }
  close(on, TrajectoryState::kCompleted, std::nullopt, std::nullopt);
}

void Trajectory::end(Date on, EndReason reason) {
  require_active("ending the trajectory");
  require_valid(on, "closure.on");
  close(on, TrajectoryState::kEnded, reason, std::nullopt);
}

void Trajectory::transfer_out(MunicipalityCode to, Date moved_on) {
  require_active("transferring the trajectory");
  require_valid(moved_on, "closure.on");
  if (to == record_.municipality) {
    throw RuleViolation("Wi 15.4",
                        "a move within municipality " + to.to_string() + " is not a transfer");
  }
  close(moved_on, TrajectoryState::kTransferredOut, std::nullopt, to);
}

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

    // Progress interviews: every overdue one and those within the lead time.
    for (const auto& interview : record_.interviews) {
      if (!interview.held()) {
        add(SignalKind::kInterviewDue, interview.scheduled_on,
            interview.scheduled_on - bg::weeks(record_.policy.interview_signal_lead_weeks),
            "progress interview of PIP version " + std::to_string(interview.plan_version) +
                " (Bi 5.3.4)");
      }
    }

    // No hours reported since the last entry (or since the first PIP).
    Date reference = record_.plan_versions.front().date_of_issue;
    for (const auto& entry : record_.attendance) reference = std::max(reference, entry.attended_on);
    const Date no_hours_due = reference + bg::weeks(record_.policy.no_hours_signal_weeks);
    add(SignalKind::kNoHoursReported, no_hours_due, no_hours_due,
        "no attendance hours reported since " + to_iso(reference) + " (Wi 35.3)");

    // Term ending: the extension-request window is open.
    const Date end = term.end_date(today);
    const Date window = term.extension_window_opens(today);
    add(SignalKind::kTermEnding, end, window,
        "term ends on " + to_iso(end) + "; extension requests accepted from " + to_iso(window) +
            " (Wi 12; Bi 4.5)");

    // Route-switch window closing (education → B1 stays possible, so not for that route).
    if (plan.content.route != Route::kEducation &&
        record_.policy.route_switch_signal_lead_months > 0 &&
        record_.policy.route_switch_window_months > 0) {
      const Date deadline = route_switch_deadline(term.start, record_.policy);
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
