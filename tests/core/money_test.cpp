#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/money.hpp>

#include <cstdint>
#include <limits>
#include <type_traits>

#include "support/printers.hpp"

namespace inburgering {
namespace {

static_assert(!std::is_convertible_v<int, Money>);
static_assert(!std::is_convertible_v<double, Money>);
static_assert(Money::euros(2) == Money::cents(200));

TEST(Money, AddsAndSubtracts) {
  Money m = Money::euros(250);
  m += Money::cents(50);
  EXPECT_EQ(m.in_cents(), 25050);
  EXPECT_EQ((m - Money::euros(251)).in_cents(), -50);
  EXPECT_EQ(Money::euros(50).times(16), Money::euros(800));
}

TEST(Money, PercentRoundsHalfAwayFromZero) {
  EXPECT_EQ(Money::euros(100).percent(75), Money::euros(75));
  EXPECT_EQ(Money::cents(3).percent(50), Money::cents(2));    // 1.5 → 2
  EXPECT_EQ(Money::cents(-3).percent(50), Money::cents(-2));  // -1.5 → -2
  EXPECT_EQ(Money::cents(1).percent(25), Money::cents(0));
}

TEST(Money, FormatsInDutchNotation) {
  EXPECT_EQ(to_string(Money::euros(1250)), "€ 1.250,00");
  EXPECT_EQ(to_string(Money::cents(-50)), "-€ 0,50");
  EXPECT_EQ(to_string(Money::cents(123456789)), "€ 1.234.567,89");
  EXPECT_EQ(to_string(Money()), "€ 0,00");
  EXPECT_EQ(to_string(Money::cents(std::numeric_limits<std::int64_t>::min())),
            "-€ 92.233.720.368.547.758,08");
}

TEST(Money, RefusesToOverflow) {
  const Money huge = Money::cents(std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(huge + Money::cents(1), ValidationError);
  EXPECT_THROW(Money::cents(std::numeric_limits<std::int64_t>::min()) - Money::cents(1),
               ValidationError);
  EXPECT_THROW(huge.times(2), ValidationError);
  EXPECT_THROW(huge.percent(200), ValidationError);
}

}  // namespace
}  // namespace inburgering
