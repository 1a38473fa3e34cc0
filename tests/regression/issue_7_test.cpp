// Issue 7 (legal corrections): each rule a reading of the law text found wrong or missing, as
// tests on both sides of its boundary. The article is named in each test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/builders.hpp"

namespace inburgering::test {
namespace {

using ::testing::HasSubstr;

Trajectory opened(Participant person, std::optional<Date> brp) {
  Obligation obligation = notified_obligation();  // DUO's notice of 2024-01-08.
  obligation.brp_registration_date = brp;
  return Trajectory::open(TrajectoryId(1), utrecht(), UserId("km"), std::move(person), obligation,
                          d("2024-01-08"));
}

// ---- 10. The BRP alternative of Bi 5.3.1 is only for those housed under Hw 28 ---------------

TEST(Issue7PipDeadline, FamilyMigrantsCountFromTheNoticeWhateverTheirRegistration) {
  // 10 weeks after DUO's notice of 2024-01-08, with or without a (later) BRP registration.
  EXPECT_EQ(opened(family_migrant(), std::nullopt).pip_deadline(), d("2024-03-18"));
  EXPECT_EQ(opened(family_migrant(), d("2024-02-20")).pip_deadline(), d("2024-03-18"));
  Participant other = family_migrant();
  other.target_group = TargetGroup::kOtherMigrant;
  EXPECT_EQ(opened(other, std::nullopt).pip_deadline(), d("2024-03-18"));
}

TEST(Issue7PipDeadline, AsylumPermitHoldersCountFromALaterRegistrationInTheHousingMunicipality) {
  EXPECT_FALSE(opened(asylum_holder(), std::nullopt).pip_deadline());  // Not known yet.
  EXPECT_EQ(opened(asylum_holder(), d("2024-01-08")).pip_deadline(), d("2024-03-18"));
  EXPECT_EQ(opened(asylum_holder(), d("2024-01-09")).pip_deadline(), d("2024-03-19"));
  EXPECT_TRUE(housed_under_huisvestingswet(TargetGroup::kAsylumPermitHolder));
  EXPECT_FALSE(housed_under_huisvestingswet(TargetGroup::kFamilyMigrant));
}

// ---- 11. Third-party information moves the deadline only if awaited before it passed -------

TEST(Issue7PipDeadline, ThirdPartyRequestOnTheDeadlineMovesItOneDayLaterIsRefused) {
  Trajectory t = registered();  // Deadline 2024-03-25 (BRP 2024-01-15 + 10 weeks).
  Trajectory on_the_day = t;
  on_the_day.record_third_party_info_requested(d("2024-03-25"));
  EXPECT_FALSE(on_the_day.pip_deadline());
  on_the_day.record_third_party_info_received(d("2024-04-02"));
  EXPECT_EQ(on_the_day.pip_deadline(), d("2024-04-16"));
  try {
    t.record_third_party_info_requested(d("2024-03-26"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 5.3.2");
    EXPECT_THAT(e.what(), HasSubstr("2024-03-25"));
  }
  EXPECT_EQ(t.pip_deadline(), d("2024-03-25"));
}

TEST(Issue7PipDeadline, AStoredLateRequestMovesNothing) {
  // A record from before the fix may hold a request made after the deadline: it is ignored.
  TrajectoryRecord record = planning().record();
  record.obligation.third_party_info_requested_on = d("2024-03-26");
  record.obligation.third_party_info_received_on = d("2024-04-10");
  Trajectory t = Trajectory::from_record(record);
  EXPECT_EQ(t.pip_deadline(), d("2024-03-25"));
  EXPECT_TRUE(t.is_late(t.issue_first_plan(d("2024-03-26"), content())));
}

// ---- 12. After a move each version keeps its deadline; Bi 5.3.2 is not for Bi 5.3.3 --------

TEST(Issue7PipDeadline, AMoveKeepsTheFirstVersionsVerdictAndHasNoThirdPartyDeviation) {
  Trajectory old = planning();
  old.record_third_party_info_requested(d("2024-02-01"));
  old.record_third_party_info_received(d("2024-03-30"));  // First PIP due 2024-04-13.
  const PlanVersion first = old.issue_first_plan(d("2024-04-14"), content());
  EXPECT_TRUE(old.is_late(first));
  old.transfer_out(amersfoort(), d("2024-06-01"));
  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(2), amersfoort(), UserId("km"),
                                                d("2024-06-03"), Policy{});
  EXPECT_TRUE(now.is_late(now.record().plan_versions.front()));
  EXPECT_EQ(now.record().obligation.brp_registration_date, d("2024-01-15"));
  EXPECT_EQ(now.pip_deadline(), d("2024-08-12"));  // Registration + 10 weeks, no deviation.
  EXPECT_FALSE(now.is_late(now.issue_plan_after_move(d("2024-08-12"), content(), "verhuisd")));
}

}  // namespace
}  // namespace inburgering::test
