// Invariants of a TrajectoryRecord: what Trajectory::from_record() re-checks on data that did
// not come through the aggregate's own operations (storage, import).

#include <string>

#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "trajectory/fields.hpp"

namespace inburgering {
namespace {

// Dates were range-checked by check_input (a record holds computed dates up to
// kLatestRecordYear); here only that a date is there.
void require_date(Date date, const std::string& field) {
  if (date.is_special()) throw ValidationError(field, "must be a valid date", "none");
}

void require(bool condition, const std::string& field, const std::string& rule,
             const std::string& value) {
  if (!condition) throw ValidationError(field, rule, value);
}

std::string state_text(TrajectoryState state) { return std::string(to_string(state)); }

void validate_intake(const BroadIntake& intake) {
  for (std::size_t i = 0; i < intake.invitations.size(); ++i) {
    const auto& invitation = intake.invitations[i];
    const std::string field = "intake.invitations[" + std::to_string(i) + "]";
    require_date(invitation.sent_on, field + ".sent_on");
    require_date(invitation.respond_by, field + ".respond_by");
    require(invitation.respond_by >= invitation.sent_on, field + ".respond_by",
            "must not be before sent_on", to_iso(invitation.respond_by));
    require(invitation.outcome != InvitationOutcome::kPending || i + 1 == intake.invitations.size(),
            field + ".outcome", "only the last invitation may be pending", "pending");
  }
  for (const auto& [topic, record] : intake.topics) {
    const std::string field = "intake.topics." + std::string(to_string(topic));
    require_date(record.recorded_on, field + ".recorded_on");
    require(!record.not_applicable || topic == IntakeTopic::kEarlyChildhoodEducation,
            field + ".not_applicable", "only the VVE topic can be not applicable", "true");
    require(!record.withheld || (is_special_category(topic) && record.notes.empty()),
            field + ".withheld", "only the health topic is withheld, and then without notes",
            "true");
  }
  if (intake.learnability_test) intake.learnability_test->validate();
  if (intake.completed_on) require_date(*intake.completed_on, "intake.completed_on");
  require(!intake.completed_without_participant || intake.completed_on.has_value(),
          "intake.completed_without_participant", "requires intake.completed_on", "true");
}

void validate_plans(const TrajectoryRecord& record) {
  const auto& versions = record.plan_versions;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const auto& version = versions[i];
    const std::string field = "plan_versions[" + std::to_string(i) + "]";
    require(version.number == static_cast<int>(i) + 1, field + ".number",
            "versions are numbered 1, 2, 3, … in order", std::to_string(version.number));
    require_date(version.date_of_issue, field + ".date_of_issue");
    if (i > 0) {
      require(version.date_of_issue >= versions[i - 1].date_of_issue, field + ".date_of_issue",
              "must not be before the previous version's", to_iso(version.date_of_issue));
      require(version.reason != PlanChangeReason::kInitial, field + ".reason",
              "only the first version is the initial PIP", "initial");
      require(!version.explanation.empty(), field + ".explanation",
              "an adjusted PIP states why it was adjusted (Wi 17)", "empty");
    } else {
      require(version.reason == PlanChangeReason::kInitial, field + ".reason",
              "the first version is the initial PIP", std::string(to_string(version.reason)));
    }
    // Judged by the norms of its own date of issue, not by today's policy.
    validate(version.content, version.norms);
    require(version.switch_exception == RouteSwitchException::kNone ||
                version.reason == PlanChangeReason::kRouteSwitch,
            field + ".switch_exception", "only a route switch relies on an exception (Bi 5.4)",
            std::string(to_string(version.switch_exception)));
    require(!version.course_ended_on ||
                version.switch_exception == RouteSwitchException::kAfterNonExemptingCourse,
            field + ".course_ended_on", "only a switch under Bi 5.4.2 names the course's end",
            "set");
    if (version.course_ended_on) require_date(*version.course_ended_on, field + ".course_ended_on");
  }
  require(versions.empty() == !record.term.has_value(), "term",
          "a term exists exactly when a PIP was issued (Wi 11.2)",
          record.term ? "present" : "absent");
  if (record.term) {
    record.term->validate();
    require(record.term->start == versions.front().date_of_issue + boost::gregorian::days(1),
            "term.start", "is the day after the first PIP's date of issue (Wi 11.2)",
            to_iso(record.term->start));
  }
}

void validate_state(const TrajectoryRecord& record) {
  using S = TrajectoryState;
  const S state = record.state;
  const std::string value = state_text(state);
  require(is_final(state) == record.closure.has_value(), "closure",
          "a closure is recorded exactly for a final state", value);
  if (record.closure) {
    require_date(record.closure->on, "closure.on");
    require(record.closure->final_state == state, "closure.final_state", "must equal the state",
            state_text(record.closure->final_state));
    require(record.closure->end_reason.has_value() == (state == S::kEnded), "closure.end_reason",
            "set exactly for an ended trajectory", value);
    require(record.closure->moved_to.has_value() == (state == S::kTransferredOut),
            "closure.moved_to", "set exactly for a transferred trajectory", value);
  }
  const bool has_plan = !record.plan_versions.empty();
  switch (state) {
    case S::kRegistered:
      require(record.intake == BroadIntake{}, "intake", "nothing is recorded before the intake",
              value);
      [[fallthrough]];
    case S::kIntake:
      require(!record.intake.completed_on, "intake.completed_on",
              "the intake is not completed in this state", value);
      [[fallthrough]];
    case S::kPlanning:
      require(!has_plan, "plan_versions", "no PIP before the route state", value);
      break;
    case S::kRoute:
    case S::kCompleted:
      require(has_plan, "plan_versions", "a trajectory on its route has a PIP", value);
      break;
    case S::kExempted:
    case S::kDispensed:
    case S::kTransferredOut:
    case S::kEnded:
      break;
  }
  if (state == S::kPlanning) {
    require(record.intake.completed_on.has_value(), "intake.completed_on",
            "planning follows the completed intake", value);
  }
  if (record.transfer_in) {
    require_date(record.transfer_in->brp_registration_on, "transfer_in.brp_registration_on");
    require(!record.transfer_in->had_plan || has_plan, "transfer_in.had_plan",
            "the PIP versions from before the move are kept", "true");
  }
}

}  // namespace

void validate_record(const TrajectoryRecord& record) {
  // Texts and dates first: nothing below reads a text, and every date is in range.
  detail::check_input(record, std::string_view());
  record.policy.validate_stored();  // a stored policy may predate the Act's maxima (0.2)
  require(record.id.value() > 0, "trajectory.id", "must be a positive number",
          std::to_string(record.id.value()));
  require(!record.caseworker.value().empty(), "trajectory.caseworker",
          "a responsible caseworker is required", "empty");
  require_date(record.registered_on, "trajectory.registered_on");
  require(record.revision >= 0, "trajectory.revision", "must not be negative",
          std::to_string(record.revision));
  record.participant.validate();
  // Trajectory::open registers a person with a ground of Wi 3.1.a or 3.2.c-d only as voluntary.
  require(record.participant.not_obliged == NotObligedGround::kNone ||
              record.participant.target_group == TargetGroup::kVoluntary,
          "participant.not_obliged", "a person who is not obliged takes part only as a volunteer",
          std::string(to_string(record.participant.target_group)));
  record.obligation.validate();
  validate_intake(record.intake);
  validate_plans(record);
  for (const auto& result : record.exam_results) validate(result);
  for (const auto& entry : record.attendance) validate(entry);
  for (std::size_t i = 0; i < record.interviews.size(); ++i) {
    const std::string field = "interviews[" + std::to_string(i) + "]";
    require_date(record.interviews[i].scheduled_on, field + ".scheduled_on");
    if (record.interviews[i].held_on)
      require_date(*record.interviews[i].held_on, field + ".held_on");
    require(record.interviews[i].held_on.has_value() == record.interviews[i].assessment.has_value(),
            field + ".assessment", "recorded exactly when the interview was held", "mismatch");
  }
  const bool guided = college_provides_guidance(record.participant.target_group);
  const std::string group(to_string(record.participant.target_group));
  if (const auto& guidance = record.social_guidance) {
    require(guided, "social_guidance", "owed only to a person of Wi 13.1", group);
    require_date(guidance->started_on, "social_guidance.started_on");
    for (const auto& [component, on] : guidance->components) {
      require(on >= guidance->started_on,
              "social_guidance.components." + std::string(to_string(component)),
              "must not be before the social guidance began", to_iso(on));
    }
  }
  for (std::size_t i = 0; i < record.course_offers.size(); ++i) {
    const auto& offer = record.course_offers[i];
    const std::string field = "course_offers[" + std::to_string(i) + "]";
    require(guided, field, "owed only to a person of Wi 13.1 (Wi 16.1)", group);
    require(!offer.provider.empty(), field + ".provider", "names the course institution", "empty");
    require(!record.plan_versions.empty() &&
                offer.offered_on >= record.plan_versions.front().date_of_issue,
            field + ".offered_on", "a course is offered for the route a PIP set (Wi 16.1)",
            to_iso(offer.offered_on));
  }
  for (std::size_t i = 0; i < record.withdrawn_diplomas.size(); ++i) {
    const auto& withdrawal = record.withdrawn_diplomas[i];
    const std::string field = "withdrawn_diplomas[" + std::to_string(i) + "]";
    require(!record.plan_versions.empty(), field, "a withdrawn diploma follows a PIP", "no PIP");
    require(withdrawal.withdrawn_on >= withdrawal.completed_on, field + ".withdrawn_on",
            "must not be before the completion it undid", to_iso(withdrawal.withdrawn_on));
    if (i > 0) {
      require(withdrawal.completed_on >= record.withdrawn_diplomas[i - 1].withdrawn_on,
              field + ".completed_on", "a later completion follows the earlier withdrawal",
              to_iso(withdrawal.completed_on));
    }
  }
  if (record.unburdening) record.unburdening->validate();
  for (std::size_t i = 0; i < record.municipal_fines.size(); ++i) {
    const auto& fine = record.municipal_fines[i];
    const std::string field = "municipal_fines[" + std::to_string(i) + "]";
    require_date(fine.imposed_on, field + ".imposed_on");
    require(fine.amount > Money() && fine.amount <= fine.base_amount, field + ".amount",
            "must be positive and at most the base amount", "out of range");
    for (const auto& [date, name] : {std::pair{&fine.established_on, ".established_on"},
                                     {&fine.new_term_until, ".new_term_until"},
                                     {&fine.contested_on, ".contested_on"},
                                     {&fine.irrevocable_on, ".irrevocable_on"},
                                     {&fine.annulled_on, ".annulled_on"}}) {
      if (!*date) continue;
      require_date(**date, field + name);
      // Only the violation is established before the decision; the rest follows it.
      if (date != &fine.established_on) {
        require(**date >= fine.imposed_on, field + name, "must not be before the fine was imposed",
                to_iso(**date));
      } else {
        require(**date <= fine.imposed_on, field + name, "must not be after the fine was imposed",
                to_iso(**date));
      }
    }
    require(!(fine.irrevocable_on && fine.annulled_on), field + ".annulled_on",
            "an irrevocable fine is not annulled", "set");
  }
  // DUO's fines were checked against the statutory amounts when recorded (record_duo_fine).
  for (std::size_t i = 0; i < record.duo_fines.size(); ++i) {
    const auto& fine = record.duo_fines[i];
    const std::string field = "duo_fines[" + std::to_string(i) + "]";
    require(fine.amount > Money(), field + ".amount", "must be positive", "not positive");
    require(fine.new_term_months >= 0 && fine.new_term_months <= 24, field + ".new_term_months",
            "a new term of at most 24 months, or none (Wi 24-25)",
            std::to_string(fine.new_term_months));
    if (fine.announced_on) {
      require_date(*fine.announced_on, field + ".announced_on");
      require(*fine.announced_on >= fine.imposed_on, field + ".announced_on",
              "a decision is made known on or after the day it is taken", "before imposed_on");
    }
  }
  validate_state(record);
}

}  // namespace inburgering
