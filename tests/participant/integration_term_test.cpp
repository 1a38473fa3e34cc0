#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/participant/integration_term.hpp>
#include <inburgering/policy.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
const Policy kPolicy;

TEST(IntegrationTerm, StartsTheDayAfterTheDateOfIssue) {
  const auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  EXPECT_EQ(term.start, d("2024-03-16"));
  EXPECT_EQ(term.length_months, 36);
  EXPECT_EQ(term.end_date(d("2024-03-16"), {}), d("2027-03-15"));
}

TEST(IntegrationTerm, DateOfIssueOnLeapDayEndsOnTheLastDayOfFebruary) {
  const auto term = IntegrationTerm::starting_after(d("2024-02-29"), kPolicy);
  EXPECT_EQ(term.start, d("2024-03-01"));
  EXPECT_EQ(term.end_date(term.start, {}), d("2027-02-28"));
}

TEST(IntegrationTerm, StartOnLeapDayEndsOnTheLastDayOfFebruary) {
  const auto term = IntegrationTerm::starting_after(d("2024-02-28"), kPolicy);
  EXPECT_EQ(term.start, d("2024-02-29"));
  EXPECT_EQ(term.end_date(term.start, {}), d("2027-02-28"));
}

TEST(IntegrationTerm, DateOfIssueAtYearEnd) {
  const auto term = IntegrationTerm::starting_after(d("2023-12-31"), kPolicy);
  EXPECT_EQ(term.start, d("2024-01-01"));
  EXPECT_EQ(term.end_date(term.start, {}), d("2026-12-31"));
}

TEST(IntegrationTerm, KeepsTheNumbersOfThePolicyItStartedUnder) {
  Policy other;
  other.term_months = 24;
  other.max_interruption_days = 30;
  other.extension_request_window_months = 3;
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), other);
  EXPECT_EQ(term.length_months, 24);
  EXPECT_EQ(term.max_interruption_days, 30);
  EXPECT_EQ(term.extension_request_window_months, 3);
  EXPECT_EQ(term.end_date(d("2024-04-01"), {}), d("2026-03-15"));
  EXPECT_EQ(term.extension_window_opens(d("2024-04-01"), {}), d("2025-12-16"));
  // An interruption of 60 days counts for the 30 the term started with.
  term.interruptions.push_back(Interruption{d("2025-01-01"), d("2025-03-01"), "geen BRP"});
  EXPECT_EQ(term.end_date(d("2025-06-01"), {}), d("2026-04-14"));
}

TEST(IntegrationTerm, RejectsNumbersOutOfRange) {
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  term.max_interruption_days = -1;
  EXPECT_THROW(term.validate(), ValidationError);
  term.max_interruption_days = 0;
  EXPECT_NO_THROW(term.validate());
  term.extension_request_window_months = 0;
  EXPECT_THROW(term.validate(), ValidationError);
}

TEST(IntegrationTerm, ExtensionsCountFromTheirDecisionDate) {
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  term.extensions.push_back(Extension{ExtensionGround::kSubstantialEfforts, d("2026-12-01"), 6});
  EXPECT_EQ(term.end_date(d("2026-11-30"), {}), d("2027-03-15"));
  EXPECT_EQ(term.end_date(d("2026-12-01"), {}), d("2027-09-15"));
}

TEST(IntegrationTerm, InterruptionsLengthenTheTermDayForDay) {
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  term.interruptions.push_back(Interruption{d("2025-01-01"), d("2025-01-10"), "geen BRP"});
  EXPECT_EQ(term.end_date(d("2025-06-01"), {}), d("2027-03-25"));
  // Known on an earlier date: only the days lasted by then.
  EXPECT_EQ(term.end_date(d("2025-01-03"), {}), d("2027-03-18"));
  EXPECT_EQ(term.end_date(d("2024-12-31"), {}), d("2027-03-15"));
}

TEST(IntegrationTerm, AnOpenInterruptionCountsUpToTheReferenceDate) {
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  term.interruptions.push_back(Interruption{d("2025-01-01"), std::nullopt, "geen BRP"});
  EXPECT_EQ(term.end_date(d("2025-01-31"), {}), d("2027-04-15"));
}

// Wi 12.1 ("telkens"), Bi 4.1-4.2: each extension and interruption lengthens the term as it
// stands on its date; the order matters at the end of a month.
TEST(IntegrationTerm, ExtensionsAndInterruptionsApplyInTheOrderOfTheirDates) {
  auto term = IntegrationTerm::starting_after(d("2024-01-31"), kPolicy);  // until 2027-01-31
  term.interruptions.push_back(Interruption{d("2025-04-01"), d("2025-04-30"), "geen BRP"});
  EXPECT_EQ(term.end_date(d("2026-01-01"), {}), d("2027-03-02"));  // + 30 days
  term.extensions.push_back(Extension{ExtensionGround::kNotCulpable, d("2026-12-01"), 1});
  // One month from the day after 2027-03-02, not 37 months from the start plus 30 days
  // (2027-03-30).
  EXPECT_EQ(term.end_date(d("2026-12-01"), {}), d("2027-04-02"));

  auto other = IntegrationTerm::starting_after(d("2024-03-01"), kPolicy);  // until 2027-03-01
  other.extensions.push_back(Extension{ExtensionGround::kNotCulpable, d("2025-01-01"), 6});
  EXPECT_EQ(other.end_date(d("2025-01-01"), {}), d("2027-09-01"));
  other.interruptions.push_back(Interruption{d("2025-02-01"), d("2025-03-03"), "geen BRP"});
  EXPECT_EQ(other.end_date(d("2025-06-01"), {}), d("2027-10-02"));  // + 31 days after
  // On one day the extension comes first.
  auto same_day = IntegrationTerm::starting_after(d("2024-01-31"), kPolicy);
  same_day.interruptions.push_back(Interruption{d("2026-12-01"), d("2026-12-30"), "geen BRP"});
  same_day.extensions.push_back(Extension{ExtensionGround::kNotCulpable, d("2026-12-01"), 1});
  EXPECT_EQ(same_day.end_date(d("2027-01-01"), {}), d("2027-03-30"));  // 2027-02-28 + 30
}

TEST(IntegrationTerm, AnInterruptionCountsForAtMostOneYear) {
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  term.interruptions.push_back(Interruption{d("2024-06-01"), d("2026-06-01"), "buitenland"});
  // At most max_interruption_days (366: a year with 29 February), not 2 years. An act refuses an
  // interruption this long (Bi 2.1.2); a record of an older version may hold one.
  EXPECT_EQ(term.end_date(d("2026-07-01"), {}), d("2028-03-15"));
  term.max_interruption_days = 365;  // What 0.2 kept.
  EXPECT_EQ(term.end_date(d("2026-07-01"), {}), d("2028-03-14"));
}

TEST(IntegrationTerm, DaysLeft) {
  const auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  EXPECT_EQ(term.days_left(d("2027-03-15"), {}), 0);
  EXPECT_EQ(term.days_left(d("2027-03-14"), {}), 1);
  EXPECT_EQ(term.days_left(d("2027-03-16"), {}), -1);
  EXPECT_TRUE(term.running_on(d("2027-03-15"), {}));
  EXPECT_FALSE(term.running_on(d("2027-03-16"), {}));
  EXPECT_FALSE(term.running_on(d("2024-03-15"), {}));  // The date of issue itself.
}

TEST(IntegrationTerm, ExtensionWindowOpensSixMonthsBeforeTheEnd) {
  const auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  EXPECT_EQ(term.extension_window_opens(d("2026-01-01"), {}), d("2026-09-16"));
  EXPECT_FALSE(term.extension_window_open(d("2026-09-15"), {}));
  EXPECT_TRUE(term.extension_window_open(d("2026-09-16"), {}));
  EXPECT_TRUE(term.extension_window_open(d("2027-03-15"), {}));
  EXPECT_FALSE(term.extension_window_open(d("2027-03-16"), {}));
}

TEST(IntegrationTerm, ExtensionWindowAtMonthEnd) {
  const auto term = IntegrationTerm::starting_after(d("2024-08-31"), kPolicy);
  EXPECT_EQ(term.end_date(term.start, {}), d("2027-08-31"));
  EXPECT_EQ(term.extension_window_opens(term.start, {}), d("2027-03-01"));
}

TEST(IntegrationTerm, ValidateRejectsMalformedParts) {
  auto term = IntegrationTerm::starting_after(d("2024-03-15"), kPolicy);
  term.extensions.push_back(Extension{ExtensionGround::kNotCulpable, d("2025-01-01"), 0});
  EXPECT_THROW(term.validate(), ValidationError);
  term.extensions.clear();
  term.extensions.push_back(Extension{ExtensionGround::kNotCulpable, d("2024-01-01"), 3});
  EXPECT_THROW(term.validate(), ValidationError);  // Before the start.
  term.extensions.clear();
  term.interruptions.push_back(Interruption{d("2025-02-01"), d("2025-01-01"), "x"});
  EXPECT_THROW(term.validate(), ValidationError);
  term.interruptions = {Interruption{d("2025-01-01"), std::nullopt, "a"},
                        Interruption{d("2025-03-01"), d("2025-03-02"), "b"}};
  EXPECT_THROW(term.validate(), ValidationError);  // Only the last may be open.
  term.interruptions.clear();
  term.length_months = 0;
  EXPECT_THROW(term.validate(), ValidationError);
}

}  // namespace
}  // namespace inburgering
