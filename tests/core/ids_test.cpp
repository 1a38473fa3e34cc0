#include <gtest/gtest.h>
#include <inburgering/ids.hpp>

#include <cstdint>
#include <string>
#include <type_traits>

namespace inburgering {
namespace {

// Ids of different kinds do not mix, and none converts implicitly from a number or text.
static_assert(!std::is_convertible_v<std::int64_t, TrajectoryId>);
static_assert(!std::is_convertible_v<TrajectoryId, ParticipantId>);
static_assert(!std::is_constructible_v<ParticipantId, TrajectoryId>);
static_assert(!std::is_convertible_v<std::string, UserId>);

TEST(StrongId, ComparesAndPrintsByValue) {
  EXPECT_EQ(TrajectoryId(3), TrajectoryId(3));
  EXPECT_LT(TrajectoryId(3), TrajectoryId(4));
  EXPECT_EQ(to_string(TrajectoryId(42)), "42");
  EXPECT_EQ(TrajectoryId().value(), 0);
  EXPECT_EQ(UserId("km-1").value(), "km-1");
}

}  // namespace
}  // namespace inburgering
