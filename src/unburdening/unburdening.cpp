#include "inburgering/unburdening/unburdening.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/participant/obligation.hpp"
#include "inburgering/participant/participant.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    FixedCostKind, {FixedCostKind::kRent, "rent", "huur"},
    {FixedCostKind::kEnergy, "energy", "energie"}, {FixedCostKind::kWater, "water", "water"},
    {FixedCostKind::kHealthInsurance, "health_insurance", "zorgverzekering"},
    {FixedCostKind::kGas, "gas", "gas"}, {FixedCostKind::kElectricity, "electricity", "stroom"});

Date Unburdening::end_date() const {
  int total = months;
  for (const auto& extension : extensions) total += extension.months;
  const Date end = last_day_of_period(assistance_start, total);
  return stopped_on ? std::min(end, *stopped_on) : end;
}

bool Unburdening::active_on(Date on) const { return on >= assistance_start && on <= end_date(); }

std::vector<ScheduledPayment> Unburdening::payment_schedule() const {
  std::vector<ScheduledPayment> schedule;
  const Date end = end_date();
  // Each calendar month that begins within the period, on its first day: a period of six months
  // holds six such days, whatever day it starts on (a month-end start skips no month).
  const Date first_month(assistance_start.year(), assistance_start.month(), 1);
  Date due = assistance_start.day() == 1 ? first_month : first_month + boost::gregorian::months(1);
  for (; due <= end; due += boost::gregorian::months(1)) {
    for (const auto& item : items) {
      schedule.push_back(ScheduledPayment{due, item.kind, item.payee, item.monthly_amount});
    }
  }
  return schedule;
}

namespace {

// The costs Pw 56a.2 names, in its order, and which of them an entry of `kind` stands for.
constexpr FixedCostKind kStatutoryCosts[] = {FixedCostKind::kRent, FixedCostKind::kGas,
                                             FixedCostKind::kWater, FixedCostKind::kElectricity,
                                             FixedCostKind::kHealthInsurance};

std::vector<FixedCostKind> stands_for(FixedCostKind kind) {
  if (kind == FixedCostKind::kEnergy) return {FixedCostKind::kGas, FixedCostKind::kElectricity};
  return {kind};
}

}  // namespace

std::vector<FixedCostKind> Unburdening::uncovered_fixed_costs() const {
  std::set<FixedCostKind> covered;
  for (const auto& item : items) {
    for (FixedCostKind cost : stands_for(item.kind)) covered.insert(cost);
  }
  for (const auto& entry : not_paid) {
    for (FixedCostKind cost : stands_for(entry.kind)) covered.insert(cost);
  }
  std::vector<FixedCostKind> out;
  for (FixedCostKind cost : kStatutoryCosts) {
    if (covered.count(cost) == 0) out.push_back(cost);
  }
  return out;
}

Money Unburdening::total_scheduled() const {
  Money total;
  for (const auto& payment : payment_schedule()) total += payment.amount;
  return total;
}

void Unburdening::validate() const {
  require_valid(assistance_start, "unburdening.assistance_start");
  if (months < kStatutoryUnburdeningMonths) {
    throw ValidationError("unburdening.months",
                          "at least " + std::to_string(kStatutoryUnburdeningMonths) +
                              " months (Pw 56a; longer under Pw 57)",
                          std::to_string(months));
  }
  std::set<FixedCostKind> kinds;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string field = "unburdening.items[" + std::to_string(i) + "]";
    if (items[i].payee.empty()) {
      throw ValidationError(field + ".payee", "the payee is required", "empty");
    }
    if (items[i].monthly_amount <= Money()) {
      // Financial data: the message does not repeat the amount.
      throw ValidationError(field + ".monthly_amount", "must be a positive amount", "not positive");
    }
    if (!kinds.insert(items[i].kind).second) {
      throw ValidationError(field + ".kind", "each fixed cost is listed once",
                            std::string(to_string(items[i].kind)));
    }
  }
  if (kinds.count(FixedCostKind::kEnergy) != 0 &&
      (kinds.count(FixedCostKind::kGas) != 0 || kinds.count(FixedCostKind::kElectricity) != 0)) {
    throw ValidationError("unburdening.items.kind",
                          "energy (gas and electricity together) is listed either as one item or "
                          "as gas and electricity apart (Pw 56a.2)",
                          "energy");
  }
  std::set<FixedCostKind> paid;
  for (const auto& item : items) {
    for (FixedCostKind cost : stands_for(item.kind)) paid.insert(cost);
  }
  std::set<FixedCostKind> explained;
  for (std::size_t i = 0; i < not_paid.size(); ++i) {
    const std::string field = "unburdening.not_paid[" + std::to_string(i) + "]";
    if (not_paid[i].reason.empty()) {
      throw ValidationError(field + ".reason",
                            "a fixed cost of Pw 56a.2 the college does not pay needs the reason",
                            "empty");
    }
    for (FixedCostKind cost : stands_for(not_paid[i].kind)) {
      if (paid.count(cost) != 0) {
        throw ValidationError(field + ".kind", "this cost is paid by one of the items",
                              std::string(to_string(not_paid[i].kind)));
      }
      if (!explained.insert(cost).second) {
        throw ValidationError(field + ".kind", "each fixed cost not paid is listed once",
                              std::string(to_string(not_paid[i].kind)));
      }
    }
  }
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    const std::string field = "unburdening.extensions[" + std::to_string(i) + "]";
    require_valid(extensions[i].decided_on, field + ".decided_on");
    if (extensions[i].months < 1) {
      throw ValidationError(field + ".months", "must be at least 1 month",
                            std::to_string(extensions[i].months));
    }
    if (extensions[i].reason.empty()) {
      throw ValidationError(field + ".reason",
                            "longer unburdening needs sound reasons (gegronde redenen, Pw 57)",
                            "empty");
    }
  }
  for (std::size_t i = 0; i < coaching_sessions.size(); ++i) {
    require_valid(coaching_sessions[i].held_on,
                  "unburdening.coaching_sessions[" + std::to_string(i) + "].held_on");
  }
  if (stopped_on) {
    require_valid(*stopped_on, "unburdening.stopped_on");
    if (*stopped_on < assistance_start) {
      throw ValidationError("unburdening.stopped_on", "must not be before the assistance starts",
                            to_iso(*stopped_on));
    }
  }
}

std::vector<std::string> unburdening_ineligibility(const Participant& participant,
                                                   const Obligation& obligation,
                                                   bool receives_social_assistance) {
  std::vector<std::string> reasons;
  if (!receives_social_assistance) {
    reasons.emplace_back("does not receive social assistance (Pw 56a)");
  }
  if (participant.permit != ResidencePermit::kTemporaryAsylum) {
    reasons.emplace_back("does not hold a temporary asylum permit (Pw 56a)");
  }
  if (participant.target_group == TargetGroup::kVoluntary || obligation.regime != Regime::kWi2021 ||
      obligation.wholly_lifted()) {
    reasons.emplace_back("is not obliged to integrate under the Wi 2021 (Pw 56a)");
  }
  return reasons;
}

}  // namespace inburgering
