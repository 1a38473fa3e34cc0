#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using ::testing::HasSubstr;
const Policy kPolicy;

MunicipalFine cooperation(const char* on, Money base, Money amount) {
  return MunicipalFine{MunicipalFineKind::kCooperation, d(on), base, Culpability::kIntent, amount};
}

TEST(CooperationFine, StartsAtFiftyAndDoublesWithinTwelveMonthsUpToEightHundred) {
  std::vector<MunicipalFine> fines;
  const char* dates[] = {"2024-05-01", "2024-07-01", "2024-09-01",
                         "2024-11-01", "2025-01-01", "2025-03-01"};
  const int expected[] = {50, 100, 200, 400, 800, 800};
  for (int i = 0; i < 6; ++i) {
    fines.push_back(
        next_cooperation_fine(fines, {}, d(dates[i]), Culpability::kIntent, false, kPolicy));
    EXPECT_EQ(fines.back().amount, Money::euros(expected[i])) << i;
  }
}

TEST(CooperationFine, StartsOverAfterTwelveMonths) {
  std::vector<MunicipalFine> fines = {
      cooperation("2024-05-01", Money::euros(100), Money::euros(100))};
  EXPECT_EQ(next_cooperation_fine(fines, {}, d("2025-04-30"), Culpability::kIntent, false, kPolicy)
                .base_amount,
            Money::euros(200));
  EXPECT_EQ(next_cooperation_fine(fines, {}, d("2025-05-01"), Culpability::kIntent, false, kPolicy)
                .base_amount,
            Money::euros(50));
}

TEST(CooperationFine, ScaledByCulpability) {
  std::vector<MunicipalFine> fines = {
      cooperation("2024-05-01", Money::euros(50), Money::euros(50))};
  const auto fine = next_cooperation_fine(fines, {}, d("2024-06-01"), Culpability::kGrossNegligence,
                                          false, kPolicy);
  EXPECT_EQ(fine.base_amount, Money::euros(100));
  EXPECT_EQ(fine.amount, Money::euros(75));
  EXPECT_EQ(
      next_cooperation_fine({}, {}, d("2024-06-01"), Culpability::kOrdinary, false, kPolicy).amount,
      Money::euros(25));
  EXPECT_EQ(
      next_cooperation_fine({}, {}, d("2024-06-01"), Culpability::kReduced, false, kPolicy).amount,
      Money::cents(1250));
}

TEST(CooperationFine, NoFineWithoutCulpabilityOrWhenAssistanceWasLowered) {
  try {
    next_cooperation_fine({}, {}, d("2024-06-01"), Culpability::kNone, false, kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 7.1.4");
  }
  try {
    next_cooperation_fine({}, {}, d("2024-06-01"), Culpability::kIntent, true, kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 27");
  }
}

TEST(MunicipalFines, CapOfTwentyFourHundredPerTerm) {
  std::vector<MunicipalFine> fines = {
      MunicipalFine{MunicipalFineKind::kIntake, d("2024-02-01"), Money::euros(250),
                    Culpability::kIntent, Money::euros(250)},
      MunicipalFine{MunicipalFineKind::kIntake, d("2024-04-01"), Money::euros(250),
                    Culpability::kIntent, Money::euros(250)},
      cooperation("2024-06-01", Money::euros(800), Money::euros(800)),
      cooperation("2024-08-01", Money::euros(800), Money::euros(800))};
  // €2,100 imposed: €300 left, so the next €800 fine is lowered to €300.
  const auto lowered =
      next_cooperation_fine(fines, {}, d("2024-10-01"), Culpability::kIntent, false, kPolicy);
  EXPECT_EQ(lowered.base_amount, Money::euros(800));
  EXPECT_EQ(lowered.amount, Money::euros(300));
  fines.push_back(lowered);
  try {
    next_cooperation_fine(fines, {}, d("2024-11-01"), Culpability::kIntent, false, kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 7.1.5");
  }
}

TEST(MunicipalFines, ANewTermAfterADuoFineHasItsOwnCap) {
  const std::vector<DuoFine> duo = {
      DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(500), 12}};
  EXPECT_EQ(municipal_fine_cap(duo, d("2027-03-31"), kPolicy), Money::euros(2400));
  EXPECT_EQ(municipal_fine_cap(duo, d("2027-04-01"), kPolicy), Money::euros(800));
  const std::vector<DuoFine> half = {
      DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-04-01"), Money::euros(340), 6}};
  EXPECT_EQ(municipal_fine_cap(half, d("2027-05-01"), kPolicy), Money::euros(400));
  const std::vector<DuoFine> two = {
      DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(1000), 24}};
  EXPECT_EQ(municipal_fine_cap(two, d("2027-05-01"), kPolicy), Money::euros(1600));
  // Fines from the old term do not use up the new cap.
  std::vector<MunicipalFine> old = {
      cooperation("2026-01-01", Money::euros(800), Money::euros(800))};
  EXPECT_EQ(
      next_cooperation_fine(old, duo, d("2027-06-01"), Culpability::kIntent, false, kPolicy).amount,
      Money::euros(50));
}

TEST(IntakeFine, TwoHundredFiftyAtMostTwice) {
  std::vector<MunicipalFine> fines;
  for (int i = 0; i < 2; ++i) {
    fines.push_back(next_intake_fine(fines, {}, d("2024-02-01"), false, kPolicy));
    EXPECT_EQ(fines.back().amount, Money::euros(250));
  }
  try {
    next_intake_fine(fines, {}, d("2024-05-01"), false, kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 7.1.1");
  }
}

TEST(IntakeFine, RequiresARecordedNoShowPerFine) {
  Trajectory t = test::registered();
  try {
    t.impose_intake_fine(d("2024-02-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 22");
  }
  t.invite_to_intake(d("2024-01-16"), d("2024-01-23"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  EXPECT_EQ(t.impose_intake_fine(d("2024-01-25")).amount, Money::euros(250));
  EXPECT_THROW(t.impose_intake_fine(d("2024-01-26")), RuleViolation);  // Already fined.
  t.invite_to_intake(d("2024-01-26"), d("2024-03-26"));                // New deadline ≤ 2 months.
  t.record_invitation_outcome(InvitationOutcome::kInsufficientCooperation);
  EXPECT_NO_THROW(t.impose_intake_fine(d("2024-03-27")));
  EXPECT_EQ(t.record().municipal_fines.size(), 2u);
}

TEST(CooperationFine, OnlyOnceThereIsAPip) {
  Trajectory t = test::planning();
  EXPECT_THROW(t.impose_cooperation_fine(d("2024-02-10"), Culpability::kIntent), RuleViolation);
  Trajectory r = test::on_route();
  EXPECT_EQ(r.impose_cooperation_fine(d("2024-06-01"), Culpability::kIntent).amount,
            Money::euros(50));
  EXPECT_EQ(r.impose_cooperation_fine(d("2024-07-01"), Culpability::kIntent).amount,
            Money::euros(100));
  EXPECT_THROW(r.impose_cooperation_fine(d("2024-08-01"), Culpability::kIntent, true),
               RuleViolation);
  EXPECT_EQ(r.record().municipal_fines.size(), 2u);
}

TEST(DuoFine, IsValidatedAgainstTheStatutoryAmounts) {
  Trajectory t = test::on_route();
  try {
    t.record_duo_fine(
        DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-04-01"), Money::euros(341), 24});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "duo_fine.amount");
    EXPECT_THAT(e.rule(), HasSubstr("Wi 24"));
  }
  EXPECT_THROW(t.record_duo_fine(
                   DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(1001), 24}),
               ValidationError);
  EXPECT_THROW(t.record_duo_fine(
                   DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(600), 25}),
               ValidationError);
  EXPECT_TRUE(t.record().duo_fines.empty());
  t.record_duo_fine(DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(600), 24});
  EXPECT_EQ(t.record().duo_fines.size(), 1u);
}

TEST(Culpability, PercentagesOfBi714) {
  EXPECT_EQ(culpability_percent(Culpability::kIntent, kPolicy), 100);
  EXPECT_EQ(culpability_percent(Culpability::kGrossNegligence, kPolicy), 75);
  EXPECT_EQ(culpability_percent(Culpability::kOrdinary, kPolicy), 50);
  EXPECT_EQ(culpability_percent(Culpability::kReduced, kPolicy), 25);
  EXPECT_EQ(culpability_percent(Culpability::kNone, kPolicy), 0);
}

}  // namespace
}  // namespace inburgering
