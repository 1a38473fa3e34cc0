#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::Role;

TEST(Actor, OwnMunicipalityByRole) {
  EXPECT_TRUE(caseworker().may_write(utrecht()));
  EXPECT_TRUE(caseworker().may_read_health(utrecht()));
  EXPECT_TRUE(back_office().may_write(utrecht()));
  EXPECT_FALSE(back_office().may_read_health(utrecht()));
  EXPECT_TRUE(auditor().may_read(utrecht()));
  EXPECT_FALSE(auditor().may_write(utrecht()));
  EXPECT_FALSE(privacy_officer().may_write(utrecht()));
  EXPECT_TRUE(storage::role_may_erase(Role::kPrivacyOfficer));
  EXPECT_FALSE(storage::role_may_erase(Role::kCaseworker));
}

TEST(Actor, OtherMunicipalitiesOnlyThroughAGrant) {
  EXPECT_FALSE(caseworker(amersfoort()).may_read(utrecht()));
  EXPECT_TRUE(regional().may_read(utrecht()));
  EXPECT_FALSE(regional().may_write(utrecht()));
  EXPECT_FALSE(regional().may_read_health(utrecht()));
  EXPECT_TRUE(regional(true, true).may_write(utrecht()));
  EXPECT_TRUE(regional(true, true).may_read_health(utrecht()));
  EXPECT_FALSE(regional(true, true).may_read(MunicipalityCode("0363")));
  auto coordinator = regional(true, true);
  coordinator.role = Role::kRegionalCoordinator;
  EXPECT_FALSE(coordinator.may_write(utrecht()));  // The role limits the grant.
  EXPECT_FALSE(coordinator.may_read_health(utrecht()));
  EXPECT_EQ(regional().readable_municipalities(), (std::vector{amersfoort(), utrecht()}));
}

}  // namespace
}  // namespace inburgering::test
