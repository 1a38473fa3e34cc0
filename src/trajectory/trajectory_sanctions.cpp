// Trajectory: the college's fines and DUO's (Wi 22-27; Bi 7).

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

// ---- Sanctions -------------------------------------------------------------------------------

MunicipalFine Trajectory::impose_intake_fine(IntakeFineDecision decision) {
  require_active("imposing an intake fine");
  record_.policy.validate();  // A policy stored before 0.3 may exceed the Act's maxima.
  const Date on = decision.imposed_on;
  require_valid(on, "fine.imposed_on");
  const auto& invitations = record_.intake.invitations;
  const MunicipalFine* first = nullptr;
  bool earlier_annulled = false;
  for (const auto& fine : record_.municipal_fines) {
    if (fine.kind != MunicipalFineKind::kIntake) continue;
    if (fine.stands_on(on)) {
      first = &fine;
      break;
    }
    earlier_annulled = true;
  }
  if (first != nullptr && earlier_annulled) {
    // The standing fine followed an earlier one (since annulled): it was the second (Wi 22.3).
    throw RuleViolation("Wi 22.1, 22.3", "the second intake fine stands; there is no third");
  }
  if (first == nullptr) {
    // Wi 22.1: not appearing within the term of the repeated invitation (Wi 14.1, second
    // sentence), which comes with the written warning, or not cooperating at it.
    const bool conduct = std::any_of(invitations.begin(), invitations.end(), [&](const auto& i) {
      if (!i.written_warning || !detail::is_failed(i.outcome)) return false;
      return i.outcome == InvitationOutcome::kNoShow ? on > i.respond_by : on >= i.sent_on;
    });
    if (!conduct) {
      throw RuleViolation("Wi 22.1",
                          "the first intake fine follows a no-show or lack of cooperation after "
                          "the repeated invitation with its written warning (Wi 14.1); none is on "
                          "record");
    }
  } else {
    // Wi 22.3: not appearing or cooperating within the new term the first fine set.
    const auto term_end = first->new_term_until;
    if (term_end && on <= *term_end) {
      throw RuleViolation("Wi 22.3",
                          "the new term of the first intake fine runs until " + to_iso(*term_end));
    }
    const bool conduct = std::any_of(invitations.begin(), invitations.end(), [&](const auto& i) {
      return detail::is_failed(i.outcome) && i.sent_on >= first->imposed_on &&
             (!term_end || i.sent_on <= *term_end);
    });
    if (!conduct) {
      throw RuleViolation("Wi 22.3",
                          "the second intake fine follows a no-show or lack of cooperation within "
                          "the new term of the first (from " +
                              to_iso(first->imposed_on) + "); none is on record");
    }
  }
  record_.municipal_fines.push_back(
      next_intake_fine(record_.municipal_fines, record_.duo_fines, decision, record_.policy));
  return record_.municipal_fines.back();
}

MunicipalFine Trajectory::impose_cooperation_fine(CooperationFineDecision decision) {
  require_state({TrajectoryState::kRoute}, "imposing a cooperation fine");
  record_.policy.validate();  // A policy stored before 0.3 may exceed the Act's maxima.
  require_valid(decision.established_on, "fine.established_on");
  const Date plan = record_.plan_versions.front().date_of_issue;
  if (decision.established_on < plan) {
    throw RuleViolation("Wi 23", "the cooperation fine is for conduct under the PIP of " +
                                     to_iso(plan) + "; established on " +
                                     to_iso(decision.established_on));
  }
  record_.municipal_fines.push_back(
      next_cooperation_fine(record_.municipal_fines, record_.duo_fines, decision, record_.policy));
  return record_.municipal_fines.back();
}

MunicipalFine& Trajectory::fine_at(std::size_t index, Date on, const char* action) {
  auto& fines = record_.municipal_fines;
  // A person's fines and their proceedings are personal: messages name no count, date or outcome.
  if (index >= fines.size()) {
    throw ValidationError("fine_index", "no municipal fine at this position", "out of range");
  }
  MunicipalFine& fine = fines[index];
  require_valid(on, "fine.status_on");  // names only what the caller typed
  if (on < fine.imposed_on) {
    throw ValidationError("fine.status_on", "must not be before the fine was imposed",
                          "value withheld");
  }
  if (fine.irrevocable_on || fine.annulled_on) {
    throw RuleViolation("Awb 6:7; Awb 8:1",
                        std::string(action) + " is not possible: the fine's outcome is recorded");
  }
  return fine;
}

void Trajectory::record_fine_contested(std::size_t index, Date on) {
  fine_at(index, on, "lodging an objection or appeal").contested_on = on;
}

void Trajectory::record_fine_irrevocable(std::size_t index, Date on) {
  MunicipalFine& fine = fine_at(index, on, "recording that the fine became irrevocable");
  if (fine.contested_on && on < *fine.contested_on) {
    throw ValidationError("fine.irrevocable_on",
                          "must not be before the objection or appeal was lodged",
                          "value withheld");
  }
  fine.irrevocable_on = on;
}

void Trajectory::record_fine_annulled(std::size_t index, Date on) {
  fine_at(index, on, "annulling the fine").annulled_on = on;
}

void Trajectory::record_duo_fine(DuoFine fine) {
  require_state({TrajectoryState::kRoute}, "recording a DUO fine");
  detail::check_input(fine, "duo_fine");
  validate(fine, record_.policy);
  if (fine.new_term_months % 6 != 0) {
    throw ValidationError("duo_fine.new_term_months",
                          "a new term of 6, 12, 18 or 24 months (the lengths Bi 7.1.5 caps the "
                          "college's fines for), or 0 for the repeated fine of Wi 24.4",
                          std::to_string(fine.new_term_months));
  }
  record_.duo_fines.push_back(fine);
}

}  // namespace inburgering
