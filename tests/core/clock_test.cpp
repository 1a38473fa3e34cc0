#include <gtest/gtest.h>
#include <inburgering/clock.hpp>
#include <inburgering/error.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

TEST(FixedClock, StandsStillUntilMoved) {
  FixedClock clock(d("2024-02-28"));
  EXPECT_EQ(clock.today(), d("2024-02-28"));
  clock.advance_days(1);
  EXPECT_EQ(clock.today(), d("2024-02-29"));
  clock.set(d("2025-01-01"));
  EXPECT_EQ(clock.today(), d("2025-01-01"));
}

TEST(FixedClock, RejectsAnInvalidDate) {
  EXPECT_THROW(FixedClock(Date(boost::gregorian::not_a_date_time)), ValidationError);
  FixedClock clock(d("2024-01-01"));
  EXPECT_THROW(clock.set(Date(boost::gregorian::not_a_date_time)), ValidationError);
  EXPECT_EQ(clock.today(), d("2024-01-01"));
}

TEST(SystemClock, ReturnsAValidDateThroughTheInterface) {
  SystemClock system;
  const Clock& clock = system;
  EXPECT_FALSE(clock.today().is_special());
  EXPECT_GE(clock.today(), d("2024-01-01"));
}

}  // namespace
}  // namespace inburgering
