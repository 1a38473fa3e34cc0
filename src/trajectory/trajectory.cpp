// Trajectory: construction, the guards of the state machine, the obligation, and closing.

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

namespace {

const char* const kStateRule = "trajectory state machine";

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
      participant.not_obliged != NotObligedGround::kNone) {
    throw RuleViolation(std::string(not_obliged_article(participant.not_obliged)),
                        "not obliged to integrate on this ground (participant.not_obliged): "
                        "register as a voluntary participant, if at all");
  }
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
  policy.validate();  // The receiving college's policy is new input: the Act's maxima apply.
  if (brp_registration_on < closure->on) {
    throw ValidationError("transfer.brp_registration_on",
                          "must not be before the move on " + to_iso(closure->on),
                          to_iso(brp_registration_on));
  }
  // A dispensation's ground or the learnability dispensation's reason withheld on the sending
  // side cannot travel either, and cannot be dropped: the decision binds the new college too.
  for (std::size_t i = 0; i < source.record_.obligation.dispensations.size(); ++i) {
    if (source.record_.obligation.dispensations[i].special_withheld) {
      throw ValidationError("obligation.dispensations[" + std::to_string(i) + "].special_withheld",
                            "a move takes the dispensation's values: load the trajectory with "
                            "health information",
                            "true");
    }
  }
  if (const auto& test = source.record_.intake.learnability_test; test && test->special_withheld) {
    throw ValidationError("intake.learnability_test.special_withheld",
                          "a move takes the dispensation's values: load the trajectory with "
                          "health information",
                          "true");
  }
  TrajectoryRecord record = source.record_;
  record.id = id;
  record.municipality = municipality;
  record.caseworker = std::move(caseworker);
  record.registered_on = brp_registration_on;
  // The obligation comes along as it was: its BRP registration and third-party dates are those
  // the first PIP's deadline (Bi 5.3.1-2) was and is judged by. The registration in the new
  // municipality is in `transfer_in`; it sets the deadline of Bi 5.3.3 when there was a PIP.
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
    record.state = TrajectoryState::kIntake;  // even if only the health topic was recorded
  }
  // The intake's health topic does not travel: Wi 35.4 names the PIP, the progress and the
  // fines, and Wi 37.2 lets the new college ask what it needs itself (transfer::
  // travelling_record, the dossier's content, leaves it out the same way).
  record.intake.topics.erase(IntakeTopic::kHealth);
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

void Trajectory::record_residence_procedure(ResidenceProcedureKind kind, Date started_on) {
  require_active("recording a residence procedure");
  require_on_or_after_registration(started_on, "obligation.residence_procedures.started_on");
  auto& procedures = record_.obligation.residence_procedures;
  if (!procedures.empty()) {
    const ResidenceProcedure& last = procedures.back();
    if (!last.decided_on) {
      throw RuleViolation("Bi 2.1", "the residence procedure begun on " + to_iso(last.started_on) +
                                        " is not decided yet: record its decision first");
    }
    if (started_on < *last.decided_on) {
      throw ValidationError("obligation.residence_procedures.started_on",
                            "must not be before the decision on the previous procedure (" +
                                to_iso(*last.decided_on) + ")",
                            to_iso(started_on));
    }
  }
  procedures.push_back(ResidenceProcedure{.kind = kind, .started_on = started_on});
}

void Trajectory::record_residence_decision(Date decided_on, bool permit_granted) {
  require_active("recording the decision on a residence procedure");
  require_valid(decided_on, "obligation.residence_procedures.decided_on");
  auto& procedures = record_.obligation.residence_procedures;
  if (procedures.empty() || procedures.back().decided_on) {
    throw RuleViolation("Bi 2.1", "no residence procedure runs");
  }
  ResidenceProcedure& running = procedures.back();
  if (decided_on < running.started_on) {
    throw ValidationError("obligation.residence_procedures.decided_on",
                          "must not be before the procedure began on " + to_iso(running.started_on),
                          to_iso(decided_on));
  }
  running.decided_on = decided_on;
  running.permit_granted = permit_granted;
}

void Trajectory::record_third_party_info_requested(Date on) {
  require_state(
      {TrajectoryState::kRegistered, TrajectoryState::kIntake, TrajectoryState::kPlanning},
      "waiting for third-party information for the first PIP");
  require_on_or_after_registration(on, "obligation.third_party_info_requested_on");
  if (const auto deadline = first_plan_base_deadline(); deadline && on > *deadline) {
    throw RuleViolation("Bi 5.3.2", "the PIP was due on " + to_iso(*deadline) +
                                        " (Bi 5.3.1); information asked for after that date "
                                        "does not move the deadline");
  }
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
  if (exemption.ground != ExemptionGround::kExamPartsShown && !exemption.is_whole()) {
    throw RuleViolation("Wi 4.1",
                        "an exemption on a ground of Wi 4.1 lifts the whole "
                        "obligation; single exam parts are exempted under Wi 7.3");
  }
  const bool whole = exemption.is_whole();
  const Date on = exemption.decided_on;
  record_.obligation.exemptions.push_back(std::move(exemption));
  if (whole) close(on, TrajectoryState::kExempted, std::nullopt, std::nullopt);
}

void Trajectory::record_dispensation(Dispensation dispensation) {
  require_active("recording a dispensation");
  detail::check_input(dispensation, "dispensation");
  if (dispensation.special_withheld) {
    throw ValidationError("dispensation.special_withheld",
                          "an act records the values themselves, not a placeholder", "true");
  }
  if (dispensation.ground == DispensationGround::kSpecialCircumstances &&
      !dispensation.is_whole()) {
    throw RuleViolation("Wi 5.2; Bi 2.8.1",
                        "a dispensation for special circumstances lifts the "
                        "whole obligation, not single parts");
  }
  validate(dispensation);
  const bool whole = dispensation.is_whole();
  const Date on = dispensation.decided_on;
  record_.obligation.dispensations.push_back(std::move(dispensation));
  if (whole) close(on, TrajectoryState::kDispensed, std::nullopt, std::nullopt);
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
  if (reason == EndReason::kTermExpired) {
    // The obligation outlives the term (Wi 24.4, 25.2); the college closes its file only once
    // the term in force ran out.
    if (!record_.term || record_.term->running_on(on, record_.duo_fines) ||
        on < record_.term->start) {
      // A new term's end would tell when DUO's fine was made known: no date is named.
      throw RuleViolation("Wi 11.1", record_.term ? "the term in force has not run out on that day "
                                                    "(term_expired)"
                                                  : "there is no term yet (term_expired)");
    }
  }
  if (reason == EndReason::kStatePensionAge &&
      on < state_pension_date(record_.participant.birth_date)) {
    // The birth date is personal: the message names no date.
    throw RuleViolation("Wi 3.1",
                        "the person has not reached the state-pension age on that day "
                        "(state_pension_age)");
  }
  if (reason == EndReason::kPermitWithdrawn) {
    for (const auto& procedure : record_.obligation.residence_procedures) {
      if (procedure.runs_on(on)) {
        throw RuleViolation("Bi 2.1",
                            "the obligation does not end while lawful residence under a "
                            "residence procedure (Vw 8.g-h, since " +
                                to_iso(procedure.started_on) +
                                ") runs: record its decision first (permit_withdrawn)");
      }
    }
  }
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

}  // namespace inburgering
