#pragma once
/// @file state_pension_age.hpp
/// The state-pension age (pensioengerechtigde leeftijd) of the Algemene Ouderdomswet, art. 7a,
/// which ends the integration obligation (Wi 3.1: "de pensioengerechtigde leeftijd, bedoeld in
/// artikel 7a, eerste lid, van de Algemene Ouderdomswet, nog niet heeft bereikt").
///
/// AOW 7a.1 fixes the age per calendar year in which it is reached (a-n: 65 years before 2013,
/// rising to 67 years in 2024 and 2025). From 2026 the age follows life expectancy: it is fixed
/// five years ahead and announced in the Staatscourant (7a.2-3), and rises by at most 3 months
/// a year, never falling. The last sentence of 7a.1 makes the age of the year a person reaches it
/// their age for good; so a person's age is that of the earliest year Y in which their birthday
/// at the age of year Y falls.
///
/// The table is data: add a row when the Minister announces the age for a new year (each
/// November, for the year five years on), with its source. For years beyond the last row the
/// last age is assumed (the age never falls); `state_pension_age_fixed` tells whether it is.

#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"

namespace inburgering {

/// One row of the table: the age for people who reach it in `from_year` or later (until the
/// next row's year).
struct INBURGERING_EXPORT StatePensionAgeStep {
  int from_year = 0;
  int years = 0;
  int months = 0;
  /// Where the number is set: the article, or the announcement in the Staatscourant.
  std::string_view source;
};

/// An age in whole years and months.
struct INBURGERING_EXPORT YearsAndMonths {
  int years = 0;
  int months = 0;
  int total_months() const noexcept { return years * 12 + months; }
  friend bool operator==(const YearsAndMonths&, const YearsAndMonths&) = default;
};

/// The table, in order of year. The first row covers every year before 2013.
INBURGERING_EXPORT const std::vector<StatePensionAgeStep>& state_pension_age_table();

/// The last calendar year whose age is fixed (announced) in the table.
INBURGERING_EXPORT int state_pension_age_fixed_until();

/// The state-pension age of a person born on `birth_date` (AOW 7a).
/// @throws ValidationError for an invalid date.
INBURGERING_EXPORT YearsAndMonths state_pension_age(Date birth_date);

/// The day a person born on `birth_date` reaches the state-pension age: the birthday at that
/// age, by the period rule of calendar.hpp (born on 29 February, or on a 31st, in a month
/// without that day: the first of the next month).
/// @throws ValidationError for an invalid date.
INBURGERING_EXPORT Date state_pension_date(Date birth_date);

/// Whether the age of `birth_date` is fixed by the table (false: it is reached after
/// `state_pension_age_fixed_until()`, so the last known age is assumed, a lower bound).
INBURGERING_EXPORT bool state_pension_age_fixed(Date birth_date);

}  // namespace inburgering
