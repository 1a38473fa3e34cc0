#include "inburgering/sanctions/fine.hpp"

#include <algorithm>
#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(Culpability, {Culpability::kIntent, "intent", "opzet"},
                             {Culpability::kGrossNegligence, "gross_negligence", "grove schuld"},
                             {Culpability::kOrdinary, "ordinary", "verwijtbaar"},
                             {Culpability::kReduced, "reduced", "verminderd verwijtbaar"},
                             {Culpability::kNone, "none", "niet verwijtbaar"});

INBURGERING_DEFINE_ENUM_TEXT(MunicipalFineKind,
                             {MunicipalFineKind::kIntake, "intake", "boete brede intake"},
                             {MunicipalFineKind::kCooperation, "cooperation",
                              "boete onvoldoende medewerking"});

INBURGERING_DEFINE_ENUM_TEXT(DuoFineKind,
                             {DuoFineKind::kPvtMapNotInTime, "pvt_map_not_in_time",
                              "PVT of MAP niet tijdig afgerond"},
                             {DuoFineKind::kRouteNotInTime, "route_not_in_time",
                              "leerroute niet tijdig afgerond"});

int culpability_percent(Culpability culpability, const Policy& policy) noexcept {
  switch (culpability) {
    case Culpability::kIntent:
      return policy.culpability_intent_percent;
    case Culpability::kGrossNegligence:
      return policy.culpability_gross_negligence_percent;
    case Culpability::kOrdinary:
      return policy.culpability_ordinary_percent;
    case Culpability::kReduced:
      return policy.culpability_reduced_percent;
    case Culpability::kNone:
      return 0;
  }
  return 0;
}

namespace {

// The DUO fine that started the new term `on` falls in, if any (the latest one on or before it).
const DuoFine* current_new_term(const std::vector<DuoFine>& duo_fines, Date on) {
  const DuoFine* latest = nullptr;
  for (const auto& fine : duo_fines) {
    if (fine.imposed_on <= on && fine.new_term_months > 0 &&
        (latest == nullptr || fine.imposed_on >= latest->imposed_on)) {
      latest = &fine;
    }
  }
  return latest;
}

// What the cap leaves on `on`: the cap of the current term minus the fines imposed in it.
Money cap_left(const std::vector<MunicipalFine>& fines, const std::vector<DuoFine>& duo_fines,
               Date on, const Policy& policy) {
  const DuoFine* new_term = current_new_term(duo_fines, on);
  Money used;
  for (const auto& fine : fines) {
    if (new_term == nullptr || fine.imposed_on >= new_term->imposed_on) used += fine.amount;
  }
  return municipal_fine_cap(duo_fines, on, policy) - used;
}

void require_no_double_sanction(bool assistance_already_lowered) {
  if (assistance_already_lowered) {
    throw RuleViolation("Wi 27",
                        "no fine when the social assistance was already lowered for the same "
                        "conduct");
  }
}

MunicipalFine apply_cap(MunicipalFine fine, const std::vector<MunicipalFine>& fines,
                        const std::vector<DuoFine>& duo_fines, const Policy& policy) {
  const Money left = cap_left(fines, duo_fines, fine.imposed_on, policy);
  if (left <= Money()) {
    throw RuleViolation(
        "Bi 7.1.5", "the cap on the college's fines for this term is reached (" +
                        to_string(municipal_fine_cap(duo_fines, fine.imposed_on, policy)) + ")");
  }
  fine.amount = std::min(fine.amount, left);
  return fine;
}

}  // namespace

Money municipal_fine_cap(const std::vector<DuoFine>& duo_fines, Date on, const Policy& policy) {
  const DuoFine* new_term = current_new_term(duo_fines, on);
  if (new_term == nullptr) return policy.municipal_fine_cap_per_term;
  const int half_years = (new_term->new_term_months + 5) / 6;
  return policy.municipal_fine_cap_per_new_term_half_year.times(half_years);
}

MunicipalFine next_intake_fine(const std::vector<MunicipalFine>& fines,
                               const std::vector<DuoFine>& duo_fines, Date on,
                               bool assistance_already_lowered, const Policy& policy) {
  require_valid(on, "fine.imposed_on");
  require_no_double_sanction(assistance_already_lowered);
  const auto count = std::count_if(fines.begin(), fines.end(), [](const MunicipalFine& f) {
    return f.kind == MunicipalFineKind::kIntake;
  });
  if (count >= policy.intake_fine_max_count) {
    throw RuleViolation("Bi 7.1.1", "an intake fine can be imposed at most " +
                                        std::to_string(policy.intake_fine_max_count) + " times");
  }
  MunicipalFine fine{MunicipalFineKind::kIntake, on, policy.intake_fine, Culpability::kIntent,
                     policy.intake_fine};
  return apply_cap(fine, fines, duo_fines, policy);
}

MunicipalFine next_cooperation_fine(const std::vector<MunicipalFine>& fines,
                                    const std::vector<DuoFine>& duo_fines, Date on,
                                    Culpability culpability, bool assistance_already_lowered,
                                    const Policy& policy) {
  require_valid(on, "fine.imposed_on");
  if (culpability == Culpability::kNone) {
    throw RuleViolation("Bi 7.1.4", "no fine without culpability (verwijtbaarheid)");
  }
  require_no_double_sanction(assistance_already_lowered);
  const MunicipalFine* previous = nullptr;
  for (const auto& fine : fines) {
    if (fine.kind == MunicipalFineKind::kCooperation && fine.imposed_on <= on &&
        (previous == nullptr || fine.imposed_on >= previous->imposed_on)) {
      previous = &fine;
    }
  }
  Money base = policy.cooperation_fine_base;
  if (previous != nullptr &&
      on <= last_day_of_period(previous->imposed_on, policy.cooperation_fine_repeat_months)) {
    base = std::min(previous->base_amount.times(2), policy.cooperation_fine_max);
  }
  MunicipalFine fine{MunicipalFineKind::kCooperation, on, base, culpability,
                     base.percent(culpability_percent(culpability, policy))};
  return apply_cap(fine, fines, duo_fines, policy);
}

void validate(const DuoFine& fine, const Policy& policy) {
  require_valid(fine.imposed_on, "duo_fine.imposed_on");
  const Money max = fine.kind == DuoFineKind::kPvtMapNotInTime ? policy.duo_pvt_map_fine
                                                               : policy.duo_route_fine_max;
  if (fine.amount <= Money() || fine.amount > max) {
    throw ValidationError(
        "duo_fine.amount",
        std::string("must be positive and at most ") + to_string(max) +
            (fine.kind == DuoFineKind::kPvtMapNotInTime ? " (Wi 24)" : " (Wi 26)"),
        "out of range");  // the amount of a person's fine is personal: not repeated
  }
  if (fine.new_term_months < 1 || fine.new_term_months > 24) {
    throw ValidationError("duo_fine.new_term_months",
                          "DUO sets a new term of at most 2 years (Wi 24-25)",
                          std::to_string(fine.new_term_months));
  }
}

}  // namespace inburgering
