#include <gtest/gtest.h>
#include <inburgering/calendar.hpp>
#include <inburgering/error.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

TEST(Calendar, AddMonthsKeepsTheDayWhenItExists) {
  EXPECT_EQ(add_months(d("2024-03-16"), 36), d("2027-03-16"));
  EXPECT_EQ(add_months(d("2024-12-15"), 1), d("2025-01-15"));
  EXPECT_EQ(add_months(d("2025-01-15"), -1), d("2024-12-15"));
}

TEST(Calendar, AddMonthsRollsAMissingDayToTheFirstOfTheNextMonth) {
  EXPECT_EQ(add_months(d("2023-01-31"), 1), d("2023-03-01"));
  EXPECT_EQ(add_months(d("2024-01-31"), 1), d("2024-03-01"));  // Leap year: Feb has 29 days.
  EXPECT_EQ(add_months(d("2024-01-29"), 1), d("2024-02-29"));
  EXPECT_EQ(add_months(d("2024-02-29"), 12), d("2025-03-01"));
  EXPECT_EQ(add_months(d("2024-02-29"), 48), d("2028-02-29"));
}

TEST(Calendar, AddMonthsDoesNotSnapToMonthEndLikeBoost) {
  // boost::gregorian::months would give 2024-03-31 here.
  EXPECT_EQ(add_months(d("2024-02-29"), 1), d("2024-03-29"));
}

TEST(Calendar, LastDayOfPeriodExamplesFromTheHeader) {
  EXPECT_EQ(last_day_of_period(d("2024-03-16"), 36), d("2027-03-15"));
  EXPECT_EQ(last_day_of_period(d("2024-02-29"), 36), d("2027-02-28"));
  EXPECT_EQ(last_day_of_period(d("2024-08-31"), 6), d("2025-02-28"));
  EXPECT_EQ(last_day_of_period(d("2024-03-01"), 6), d("2024-08-31"));
}

TEST(Calendar, LastDayOfPeriodRejectsEmptyPeriods) {
  EXPECT_THROW(last_day_of_period(d("2024-03-01"), 0), ValidationError);
  EXPECT_THROW(last_day_of_period(Date(boost::gregorian::not_a_date_time), 1), ValidationError);
}

TEST(Calendar, FirstDayOfPeriodEndingIsTheInverse) {
  EXPECT_EQ(first_day_of_period_ending(d("2027-03-15"), 6), d("2026-09-16"));
  EXPECT_EQ(first_day_of_period_ending(d("2027-02-28"), 6), d("2026-09-01"));
  EXPECT_THROW(first_day_of_period_ending(d("2027-02-28"), 0), ValidationError);
}

TEST(Calendar, AgeInMonthsCountsFromTheCorrespondingDay) {
  EXPECT_EQ(age_in_months(d("2008-05-17"), d("2024-05-16")), 16 * 12 - 1);
  EXPECT_EQ(age_in_months(d("2008-05-17"), d("2024-05-17")), 16 * 12);
  // Born on 29 February: a birthday in a common year falls on 1 March.
  EXPECT_EQ(age_in_months(d("2008-02-29"), d("2025-02-28")), 17 * 12 - 1);
  EXPECT_EQ(age_in_months(d("2008-02-29"), d("2025-03-01")), 17 * 12);
  EXPECT_THROW(age_in_months(d("2008-02-29"), d("2008-02-28")), ValidationError);
}

TEST(Calendar, ParsesIsoDates) {
  EXPECT_EQ(parse_date("2024-02-29"), Date(2024, 2, 29));
  EXPECT_EQ(to_iso(parse_date("2000-01-01")), "2000-01-01");
}

TEST(Calendar, RejectsMalformedDatesNamingTheField) {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-1-01", "20240101", "abcd-ef-gh",
                          "2024-04-31", "", "2024-02-29x"}) {
    try {
      parse_date(bad, "plan.date_of_issue");
      FAIL() << bad;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), "plan.date_of_issue") << bad;
    }
  }
}

TEST(Calendar, FormatsInvalidDatesSafely) {
  EXPECT_EQ(to_iso(Date(boost::gregorian::not_a_date_time)), "not-a-date");
  EXPECT_EQ(to_iso(d("2024-01-05")), "2024-01-05");
}

}  // namespace
}  // namespace inburgering
