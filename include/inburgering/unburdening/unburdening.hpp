#pragma once
/// @file unburdening.hpp
/// Financial unburdening (ontzorgen; Pw 56a): for the first months of social assistance the
/// college pays the fixed costs from the benefit, in the person's name; longer only while there
/// are sound reasons (Pw 57). Budgeting coaching accompanies it (Divosa handreiking; not law).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/money.hpp"

namespace inburgering {

struct Policy;
struct Participant;
struct Obligation;

/// A fixed cost the college pays: "huur, gas, water en stroom en de verplichte
/// zorgverzekering" (Pw 56a.2).
enum class FixedCostKind {
  kRent,
  /// Gas and electricity from one supplier.
  kEnergy,
  kWater,
  kHealthInsurance,
  /// Gas, where it has a supplier of its own.
  kGas,
  /// Electricity (stroom), where it has a supplier of its own.
  kElectricity,
};

INBURGERING_ENUM_TEXT(FixedCostKind);

/// A fixed-cost item: what, to whom, how much a month. Financial data: personal.
struct INBURGERING_EXPORT FixedCostItem {
  FixedCostKind kind = FixedCostKind::kRent;
  /// The payee (landlord, energy or water company, health insurer).
  std::string payee;
  /// Amount per month (> 0).
  Money monthly_amount;
  friend bool operator==(const FixedCostItem&, const FixedCostItem&) = default;
};

/// A fixed cost of Pw 56a.2 the college does not pay, with the reason (e.g. water included in
/// the service charges of the rent, a home without gas). Pw 56a.2 lists rent, gas, water,
/// electricity and the compulsory health insurance without exception; a cost the person does not
/// have, or that is paid as part of another, cannot be paid, so the decision says why (README,
/// "Deliberate interpretations"). `kEnergy` stands for gas and electricity together. The reason
/// is about a person's finances: personal.
struct INBURGERING_EXPORT FixedCostNotPaid {
  FixedCostKind kind = FixedCostKind::kWater;
  std::string reason;
  friend bool operator==(const FixedCostNotPaid&, const FixedCostNotPaid&) = default;
};

/// An extension beyond the statutory period under Pw 57, with the sound reasons for it.
struct INBURGERING_EXPORT UnburdeningExtension {
  Date decided_on;
  int months = 0;
  std::string reason;
  friend bool operator==(const UnburdeningExtension&, const UnburdeningExtension&) = default;
};

/// A budgeting-coaching session (learning to budget towards financial self-reliance).
struct INBURGERING_EXPORT CoachingSession {
  Date held_on;
  std::string topic;
  bool attended = true;
  friend bool operator==(const CoachingSession&, const CoachingSession&) = default;
};

/// One payment of the schedule.
struct INBURGERING_EXPORT ScheduledPayment {
  /// The first day of the calendar month the payment covers.
  Date due_on;
  FixedCostKind kind = FixedCostKind::kRent;
  std::string payee;
  Money amount;
  friend bool operator==(const ScheduledPayment&, const ScheduledPayment&) = default;
};

/// The unburdening decision (Pw 56a) attached to the PIP (Wi 15.3), and what happens under it.
struct INBURGERING_EXPORT Unburdening {
  /// The day the right to social assistance (bijstand) arises, which may be before the decision
  /// or the first payment: the period starts on it (Pw 56a.2).
  Date assistance_start;
  /// The period in months decided at the start (`Policy::unburdening_months` of that day; at
  /// least `kStatutoryUnburdeningMonths`). A later policy change does not alter it.
  int months = 6;
  std::vector<FixedCostItem> items;
  /// The fixed costs of Pw 56a.2 not among `items`, each with its reason. Decisions recorded
  /// before library 0.6 may lack some (see `uncovered_fixed_costs`).
  std::vector<FixedCostNotPaid> not_paid;
  std::vector<UnburdeningExtension> extensions;
  std::vector<CoachingSession> coaching_sessions;
  /// Set when unburdening stopped early (e.g. assistance ended).
  std::optional<Date> stopped_on;

  /// Last day of the period, extensions included, or the day it stopped if earlier.
  Date end_date() const;
  /// Whether payments are made on `on`.
  bool active_on(Date on) const;
  /// One payment per item for each calendar month that begins within the period (from
  /// `assistance_start` to `end_date()`), due on its first day: six months give six payments per
  /// item, also from a start at the end of a month.
  std::vector<ScheduledPayment> payment_schedule() const;
  /// The sum of the schedule.
  Money total_scheduled() const;
  /// The fixed costs Pw 56a.2 names (rent, gas, water, electricity, health insurance, in that
  /// order; gas and electricity as `kGas` and `kElectricity`) that neither an item pays nor
  /// `not_paid` explains. Empty for a complete decision.
  std::vector<FixedCostKind> uncovered_fixed_costs() const;

  /// @throws ValidationError: invalid dates; months below the statutory minimum (Pw 56a);
  ///         item amount not positive or payee empty; two items of one kind; extension without
  ///         reason (Pw 57) or with months < 1; stopped before the start; a cost both paid
  ///         and not paid, or not paid twice, or not paid without a reason. (Completeness,
  ///         `uncovered_fixed_costs`, is checked when unburdening starts, not here: older
  ///         decisions still load.)
  void validate() const;

  friend bool operator==(const Unburdening&, const Unburdening&) = default;
};

/// Why a person is not eligible for unburdening, empty when eligible (Pw 56a): receives social
/// assistance, holds a temporary asylum permit (family members with a regular permit are
/// excluded), and is obliged to integrate under the 2021 law.
INBURGERING_EXPORT std::vector<std::string> unburdening_ineligibility(
    const Participant& participant, const Obligation& obligation, bool receives_social_assistance);

}  // namespace inburgering
