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

// The new terms whose caps apply on `on` (Bi 7.1.5): per part (Wi 24 for PVT/MAP, Wi 25 for the
// route), the newest new term that started on or before `on`. A new term's cap keeps applying
// after it ran out, until the next one starts (README, "Deliberate interpretations": Bi 7.1.5
// sets no cap for the time between, and a reset would leave the college's fines uncapped).
std::vector<const DuoFine*> new_terms_on(const std::vector<DuoFine>& duo_fines, Date on) {
  std::vector<const DuoFine*> out;
  for (const DuoFineKind part : {DuoFineKind::kPvtMapNotInTime, DuoFineKind::kRouteNotInTime}) {
    const DuoFine* newest = nullptr;
    for (const auto& fine : duo_fines) {
      if (fine.kind != part || fine.new_term_months <= 0 || fine.new_term_start() > on) continue;
      if (newest == nullptr || fine.new_term_start() >= newest->new_term_start()) newest = &fine;
    }
    if (newest != nullptr) out.push_back(newest);
  }
  return out;
}

// Bi 7.1.5.a-d: €400, €800, €1,200, €1,600 for a new term of six months, one year, one and a
// half, two years: the half-year amount per six months begun.
Money new_term_cap(const DuoFine& fine, const Policy& policy) {
  return policy.municipal_fine_cap_per_new_term_half_year.times((fine.new_term_months + 5) / 6);
}

// What the cap leaves on `on`: per term in force, its cap minus the standing fines imposed in
// it; with two new terms in force (one per part), the lesser.
Money cap_left(const std::vector<MunicipalFine>& fines, const std::vector<DuoFine>& duo_fines,
               Date on, const Policy& policy) {
  const auto used_since = [&](std::optional<Date> from) {
    Money used;
    for (const auto& fine : fines) {
      if (fine.stands_on(on) && (!from || fine.imposed_on >= *from)) used += fine.amount;
    }
    return used;
  };
  const auto new_terms = new_terms_on(duo_fines, on);
  // Intake fines imposed before the term count towards the cap of the term (README,
  // "Deliberate interpretations": Bi 7.1.5 names the fines of its first lid, which mostly fall
  // before the term starts). Annulled fines count for nothing.
  if (new_terms.empty()) return policy.municipal_fine_cap_per_term - used_since(std::nullopt);
  std::optional<Money> left;
  for (const DuoFine* term : new_terms) {
    const Money term_left = new_term_cap(*term, policy) - used_since(term->new_term_start());
    left = left ? std::min(*left, term_left) : term_left;
  }
  return *left;
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
  std::optional<Money> cap;
  for (const DuoFine* term : new_terms_on(duo_fines, on)) {
    cap = cap ? std::min(*cap, new_term_cap(*term, policy)) : new_term_cap(*term, policy);
  }
  return cap ? *cap : policy.municipal_fine_cap_per_term;
}

MunicipalFine next_intake_fine(const std::vector<MunicipalFine>& fines,
                               const std::vector<DuoFine>& duo_fines,
                               const IntakeFineDecision& decision, const Policy& policy) {
  const Date on = decision.imposed_on;
  require_valid(on, "fine.imposed_on");
  require_no_double_sanction(decision.assistance_already_lowered);
  const auto count = std::count_if(fines.begin(), fines.end(), [&](const MunicipalFine& f) {
    return f.kind == MunicipalFineKind::kIntake && f.stands_on(on);
  });
  if (count == 0) {
    // Wi 22.2: the first fine's decision sets a new term of at most two months.
    if (!decision.new_term_until) {
      throw ValidationError("fine.new_term_until",
                            "the first intake fine sets a new term (Wi 22.2)", "empty");
    }
    const Date until = *decision.new_term_until;
    require_valid(until, "fine.new_term_until");
    if (until <= on || until > last_day_of_period(on + boost::gregorian::days(1),
                                                  policy.intake_fine_new_term_months)) {
      throw ValidationError("fine.new_term_until",
                            "the decision sets a new term of at most " +
                                std::to_string(policy.intake_fine_new_term_months) +
                                " months after " + to_iso(on) + " (Wi 22.2)",
                            to_iso(until));
    }
  } else if (count == 1 && decision.new_term_until) {
    throw ValidationError("fine.new_term_until",
                          "the second intake fine (Wi 22.3) sets no new term",
                          to_iso(*decision.new_term_until));
  }
  if (count >= policy.intake_fine_max_count) {
    throw RuleViolation("Wi 22.1, 22.3", "the intake fine is imposed at most " +
                                             std::to_string(policy.intake_fine_max_count) +
                                             " times: after the repeated invitation and after "
                                             "the new term of the first fine");
  }
  Money amount = policy.intake_fine;
  if (decision.lowered_to) {
    if (*decision.lowered_to <= Money() || *decision.lowered_to >= policy.intake_fine) {
      throw ValidationError("fine.lowered_to",
                            "a lowered intake fine is positive and below " +
                                to_string(policy.intake_fine) + " (Bi 7.1.6)",
                            "out of range");  // a person's fine is personal: not repeated
    }
    amount = *decision.lowered_to;
  }
  MunicipalFine fine{MunicipalFineKind::kIntake, on, policy.intake_fine, Culpability::kIntent,
                     amount};
  fine.new_term_until = decision.new_term_until;
  return apply_cap(fine, fines, duo_fines, policy);
}

MunicipalFine next_cooperation_fine(const std::vector<MunicipalFine>& fines,
                                    const std::vector<DuoFine>& duo_fines,
                                    const CooperationFineDecision& decision, const Policy& policy) {
  const Date established = decision.established_on;
  const Date on = decision.imposed_on;
  require_valid(established, "fine.established_on");
  require_valid(on, "fine.imposed_on");
  if (on < established) {
    throw ValidationError(
        "fine.imposed_on",
        "must not be before the violation was established on " + to_iso(established), to_iso(on));
  }
  if (!decision.culpability) {
    throw ValidationError("fine.culpability",
                          "the decision states the degree of culpability (Bi 7.1.4)", "empty");
  }
  const Culpability culpability = *decision.culpability;
  if (culpability == Culpability::kNone) {
    throw RuleViolation("Awb 5:41", "no fine without culpability (verwijtbaarheid)");
  }
  require_no_double_sanction(decision.assistance_already_lowered);
  // Bi 7.1.3: an earlier Wi 23 violation established within the twelve months before the day the
  // new one is established, whose fine had become irrevocable, doubles the fine.
  const Date window_from = first_day_of_period_ending(established - boost::gregorian::days(1),
                                                      policy.cooperation_fine_repeat_months);
  Money base = policy.cooperation_fine_base;
  for (const auto& earlier : fines) {
    if (earlier.kind != MunicipalFineKind::kCooperation || !earlier.stands_on(on)) continue;
    const Date earlier_established = earlier.established_on.value_or(earlier.imposed_on);
    if (earlier_established < window_from || earlier_established >= established) continue;
    if (!earlier.irrevocable_on || *earlier.irrevocable_on > on) continue;
    base = std::max(base, std::min(earlier.base_amount.times(2), policy.cooperation_fine_max));
  }
  MunicipalFine fine{MunicipalFineKind::kCooperation, on, base, culpability,
                     base.percent(culpability_percent(culpability, policy))};
  fine.established_on = established;
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
            (fine.kind == DuoFineKind::kPvtMapNotInTime ? " (Wi 26.1.b; Bi 7.2.1)"
                                                        : " (Wi 26.1.d)"),
        "out of range");  // the amount of a person's fine is personal: not repeated
  }
  if (fine.announced_on) {
    require_valid(*fine.announced_on, "duo_fine.announced_on");
    if (*fine.announced_on < fine.imposed_on) {
      throw ValidationError("duo_fine.announced_on",
                            "a decision is made known on or after the day it is taken "
                            "(duo_fine.imposed_on)",
                            to_iso(*fine.announced_on));
    }
    if (*fine.announced_on > fine.imposed_on + boost::gregorian::days(kMaxDuoFineAnnouncedDays)) {
      throw ValidationError("duo_fine.announced_on",
                            "a decision is made known at most " +
                                std::to_string(kMaxDuoFineAnnouncedDays) +
                                " days after it is taken (duo_fine.imposed_on)",
                            to_iso(*fine.announced_on));
    }
  }
  if (fine.new_term_months < 0 || fine.new_term_months > kMaxDuoNewTermMonths) {
    throw ValidationError("duo_fine.new_term_months",
                          "DUO sets a new term of at most 2 years (Wi 24.2, 25.2), or none for "
                          "the repeated fine of Wi 24.4 (0)",
                          std::to_string(fine.new_term_months));
  }
}

}  // namespace inburgering
