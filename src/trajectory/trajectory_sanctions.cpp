// Trajectory: the college's fines and DUO's (Wi 22-27; Bi 7).

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

// Whether `fine` was stored by 0.4 or 0.5 while the term ran, as known on `on`: it would set a
// new term, but sets none (`IntegrationTerm::sets_new_term`).
bool set_term_while_term_ran(const TrajectoryRecord& record, const DuoFine& fine, Date on) {
  return record.term && fine.new_term_months > 0 && fine.made_known_on() <= on &&
         !record.term->sets_new_term(fine, on, record.duo_fines);
}

// DUO's fines as the term counts them on `on`: one stored while the term ran sets no term, so no
// cap of Bi 7.1.5.a-d either.
std::vector<DuoFine> fines_setting_terms(const TrajectoryRecord& record, Date on) {
  std::vector<DuoFine> fines = record.duo_fines;
  for (auto& fine : fines) {
    if (set_term_while_term_ran(record, fine, on)) fine.new_term_months = 0;
  }
  return fines;
}

}  // namespace

// ---- Sanctions -------------------------------------------------------------------------------

void Trajectory::require_obliged_on(Date on, const char* article) const {
  if (record_.participant.target_group == TargetGroup::kVoluntary) {
    throw RuleViolation(article,
                        "only a person obliged to integrate (inburgeringsplichtige, Wi 1.1, 3) "
                        "is fined; a volunteer is not");
  }
  // The birth date is personal: the message names no date.
  if (on >= state_pension_date(record_.participant.birth_date)) {
    throw RuleViolation("Wi 3.1",
                        "the obligation ended when the person reached the state-pension age "
                        "(AOW 7a): no fine is imposed from that day");
  }
}

MunicipalFine Trajectory::impose_intake_fine(IntakeFineDecision decision) {
  require_active("imposing an intake fine");
  // A policy stored by an older version may break the Act's maxima or the Bi's amounts.
  record_.policy.validate_sanctions();
  const Date on = decision.imposed_on;
  require_valid(on, "fine.imposed_on");
  require_obliged_on(on, "Wi 22.1");
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
  record_.municipal_fines.push_back(next_intake_fine(
      record_.municipal_fines, fines_setting_terms(record_, on), decision, record_.policy));
  return record_.municipal_fines.back();
}

MunicipalFine Trajectory::impose_cooperation_fine(CooperationFineDecision decision) {
  require_state({TrajectoryState::kRoute}, "imposing a cooperation fine");
  // A policy stored by an older version may break the Act's maxima or the Bi's amounts.
  record_.policy.validate_sanctions();
  require_valid(decision.established_on, "fine.established_on");
  require_valid(decision.imposed_on, "fine.imposed_on");
  require_obliged_on(decision.imposed_on, "Wi 23.1");
  const Date plan = record_.plan_versions.front().date_of_issue;
  if (decision.established_on < plan) {
    throw RuleViolation("Wi 23", "the cooperation fine is for conduct under the PIP of " +
                                     to_iso(plan) + "; established on " +
                                     to_iso(decision.established_on));
  }
  record_.municipal_fines.push_back(next_cooperation_fine(
      record_.municipal_fines, fines_setting_terms(record_, decision.imposed_on), decision,
      record_.policy));
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

namespace {

// Whether the PVT and, where the route has one, the MAP were completed by `end` (Wi 24.1).
bool pvt_and_map_done_by(const ComponentStatus& components, const RequirementReport& report,
                         Date end) {
  const auto done = [&](const std::optional<Date>& on) { return on && *on <= end; };
  const bool map_required =
      std::any_of(report.requirements.begin(), report.requirements.end(),
                  [](const Requirement& requirement) { return requirement.code == "map"; });
  return done(components.pvt_statement_signed_on) &&
         (!map_required || done(components.map_final_interview_on));
}

}  // namespace

void Trajectory::record_duo_fine(DuoFine fine) {
  require_state({TrajectoryState::kRoute}, "recording a DUO fine");
  detail::check_input(fine, "duo_fine");
  validate(fine, record_.policy);
  require_obliged_on(fine.imposed_on,
                     fine.kind == DuoFineKind::kPvtMapNotInTime ? "Wi 24.1" : "Wi 25.1");
  // A person's fines are personal: the messages below name no date or amount of one.
  const bool pvt_map = fine.kind == DuoFineKind::kPvtMapNotInTime;
  const char* first_lid = pvt_map ? "Wi 24.1" : "Wi 25.1";
  const char* new_term_lids = pvt_map ? "Wi 24.2-3" : "Wi 24.2-3, 25.2";
  const char* repeat_lid = pvt_map ? "Wi 24.4" : "Wi 24.4, 25.2";
  // This part's fines in the order of the Act, in the order imposed: a fine 0.4 or 0.5 stored
  // while the term ran sets no term (`IntegrationTerm::sets_new_term`) and is not one of them.
  std::vector<const DuoFine*> earlier;
  const DuoFine* last = nullptr;
  for (const auto& recorded : record_.duo_fines) {
    if (recorded.kind != fine.kind) continue;
    last = &recorded;
    if (!set_term_while_term_ran(record_, recorded, fine.imposed_on)) earlier.push_back(&recorded);
  }
  if (last != nullptr && fine.imposed_on <= last->imposed_on) {
    throw ValidationError("duo_fine.imposed_on",
                          "must be after the previous DUO fine for the same part",
                          "not after the previous one");
  }
  // Which term must have run out: the Wi 11.1 term (extended) for the first fine, the first
  // new term for the second, the second new term for every later one.
  const auto& term = *record_.term;
  Date ran_out = term.statutory_end(fine.imposed_on, record_.duo_fines);
  const char* lid = first_lid;
  if (!earlier.empty()) {
    const DuoFine& set_by = *earlier[std::min<std::size_t>(earlier.size(), 2) - 1];
    lid = earlier.size() == 1 ? (pvt_map ? "Wi 24.3" : "Wi 24.3, 25.2") : repeat_lid;
    // Fines stored before library 0.6 may set no new term: then their date is the reference.
    ran_out = set_by.new_term_months > 0
                  ? term.new_term_end(set_by, fine.imposed_on, record_.duo_fines)
                  : set_by.imposed_on;
  }
  if (fine.imposed_on <= ran_out) {
    throw RuleViolation(
        lid, earlier.empty()
                 ? "DUO fines once the term has run out; it runs until " + to_iso(ran_out)
                 : std::string("DUO fines again only once the new term of the "
                               "previous fine has run out"));
  }
  if (pvt_map && pvt_and_map_done_by(record_.components, completion_report(), ran_out)) {
    throw RuleViolation(first_lid, "the PVT and MAP were completed within the term");
  }
  if (earlier.size() < 2 && fine.new_term_months == 0) {
    throw ValidationError("duo_fine.new_term_months",
                          std::string("the first and second DUO fine for a part set a new term "
                                      "of 6, 12, 18 or 24 months (") +
                              new_term_lids + ")",
                          "0");
  }
  if (fine.new_term_months % 6 != 0) {
    // Wi 24.2 allows any term up to two years, but Bi 7.1.5.a-d caps the college's fines only
    // for new terms of six months, one year, one and a half and two years (README).
    throw ValidationError("duo_fine.new_term_months",
                          "a new term of 6, 12, 18 or 24 months, the lengths Bi 7.1.5 caps the "
                          "college's fines for",
                          std::to_string(fine.new_term_months));
  }
  if (earlier.size() >= 2 && fine.new_term_months != 0) {
    throw ValidationError("duo_fine.new_term_months",
                          std::string("after the second new term DUO fines every two years "
                                      "without setting a new term (") +
                              repeat_lid + ")",
                          std::to_string(fine.new_term_months));
  }
  if (earlier.size() >= 3 &&
      fine.imposed_on < add_months(earlier.back()->imposed_on, 12 * kDuoRepeatFineYears)) {
    throw RuleViolation(repeat_lid, "DUO repeats the fine every two years, not sooner");
  }
  record_.duo_fines.push_back(fine);
}

}  // namespace inburgering
