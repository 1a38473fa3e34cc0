#include "inburgering/state_pension_age.hpp"

#include "detail/birth_date.hpp"
#include "inburgering/limits.hpp"

namespace inburgering {
namespace {

// AOW art. 7a.1 (version of 2026-07-01, read in MinBZK/regelrecht-corpus,
// regulation/nl/wet/algemene_ouderdomswet), and from 2026 the ages announced under 7a.2-3.
const std::vector<StatePensionAgeStep> kTable = {
    {kEarliestYear, 65, 0, "AOW 7a.1.a (before 2013)"},
    {2013, 65, 1, "AOW 7a.1.b"},
    {2014, 65, 2, "AOW 7a.1.c"},
    {2015, 65, 3, "AOW 7a.1.d"},
    {2016, 65, 6, "AOW 7a.1.e"},
    {2017, 65, 9, "AOW 7a.1.f"},
    {2018, 66, 0, "AOW 7a.1.g"},
    {2019, 66, 4, "AOW 7a.1.h-j (2019, 2020, 2021)"},
    {2022, 66, 7, "AOW 7a.1.k"},
    {2023, 66, 10, "AOW 7a.1.l"},
    {2024, 67, 0, "AOW 7a.1.m-n (2024, 2025); 2026 and 2027 announced under 7a.2-3"},
    {2028, 67, 3,
     "AOW 7a.2-3: announced for 2028 (Nov 2022), 2029, 2030 and 2031 (SZW besluit of "
     "13-11-2025, nr. 2025-0000245696)"},
};

constexpr int kFixedUntil = 2031;

int last_year_of(std::size_t row) {
  return row + 1 < kTable.size() ? kTable[row + 1].from_year - 1 : kLatestRecordYear;
}

}  // namespace

const std::vector<StatePensionAgeStep>& state_pension_age_table() { return kTable; }

int state_pension_age_fixed_until() { return kFixedUntil; }

YearsAndMonths state_pension_age(Date birth_date) {
  detail::require_birth_date(birth_date);
  // The earliest row whose age is reached within the row's own years (7a.1, last sentence).
  // The ages never fall, so scanning in order finds it.
  for (std::size_t row = 0; row < kTable.size(); ++row) {
    const YearsAndMonths age{kTable[row].years, kTable[row].months};
    const Date reached = add_months(birth_date, age.total_months());
    if (reached.year() <= last_year_of(row)) return age;
  }
  return YearsAndMonths{kTable.back().years, kTable.back().months};
}

Date state_pension_date(Date birth_date) {
  return add_months(birth_date, state_pension_age(birth_date).total_months());
}

bool state_pension_age_fixed(Date birth_date) {
  return state_pension_date(birth_date).year() <= kFixedUntil;
}

}  // namespace inburgering
