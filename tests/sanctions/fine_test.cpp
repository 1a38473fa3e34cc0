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

// An earlier cooperation fine, established and imposed on `on`, irrevocable from `final_on`.
MunicipalFine cooperation(const char* on, Money base, Money amount,
                          const char* final_on = "2000-01-01") {
  MunicipalFine fine{MunicipalFineKind::kCooperation, d(on), base, Culpability::kIntent, amount};
  fine.established_on = d(on);
  fine.irrevocable_on = std::max(d(on), d(final_on));
  return fine;
}

CooperationFineDecision established(const char* on, Culpability culpability = Culpability::kIntent,
                                    bool lowered = false) {
  return CooperationFineDecision{d(on), d(on), culpability, lowered};
}

IntakeFineDecision intake(const char* on, const char* until) {
  return IntakeFineDecision{.imposed_on = d(on), .new_term_until = d(until)};
}

// The second intake fine (Wi 22.3) sets no new term.
IntakeFineDecision second_intake(const char* on) { return IntakeFineDecision{.imposed_on = d(on)}; }

TEST(CooperationFine, StartsAtFiftyAndDoublesWithinTwelveMonthsUpToEightHundred) {
  std::vector<MunicipalFine> fines;
  const char* dates[] = {"2024-05-01", "2024-07-01", "2024-09-01",
                         "2024-11-01", "2025-01-01", "2025-03-01"};
  const int expected[] = {50, 100, 200, 400, 800, 800};
  for (int i = 0; i < 6; ++i) {
    fines.push_back(next_cooperation_fine(fines, {}, established(dates[i]), kPolicy));
    fines.back().irrevocable_on = d(dates[i]);  // No objection: irrevocable at once (test).
    EXPECT_EQ(fines.back().amount, Money::euros(expected[i])) << i;
  }
}

// Bi 7.1.3: twelve months counted back from the day the new violation is established.
TEST(CooperationFine, CountsTwelveMonthsBackFromTheDayOfEstablishment) {
  std::vector<MunicipalFine> fines = {
      cooperation("2024-05-01", Money::euros(100), Money::euros(100))};
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2025-05-01"), kPolicy).base_amount,
            Money::euros(200));  // 2024-05-01 is within the 12 months before 2025-05-01.
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2025-05-02"), kPolicy).base_amount,
            Money::euros(50));
  // Established within the window but imposed later: the day of establishment counts.
  const CooperationFineDecision late{d("2025-04-30"), d("2025-06-15"), Culpability::kIntent};
  EXPECT_EQ(next_cooperation_fine(fines, {}, late, kPolicy).base_amount, Money::euros(200));
  // A violation established on the same day as the earlier one is not "earlier".
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2024-05-01"), kPolicy).base_amount,
            Money::euros(50));
}

// Bi 7.1.3: only an earlier fine that has become irrevocable counts.
TEST(CooperationFine, DoublesOnlyOverAnIrrevocableFine) {
  std::vector<MunicipalFine> fines = {
      cooperation("2024-05-01", Money::euros(50), Money::euros(50), "2024-06-13")};
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2024-06-12"), kPolicy).base_amount,
            Money::euros(50));  // Still open to objection.
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2024-06-13"), kPolicy).base_amount,
            Money::euros(100));
  fines[0].irrevocable_on.reset();  // Under objection, or a fine recorded before 0.3.
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2024-09-01"), kPolicy).base_amount,
            Money::euros(50));
}

TEST(CooperationFine, ScaledByCulpability) {
  std::vector<MunicipalFine> fines = {
      cooperation("2024-05-01", Money::euros(50), Money::euros(50))};
  const auto fine = next_cooperation_fine(
      fines, {}, established("2024-06-01", Culpability::kGrossNegligence), kPolicy);
  EXPECT_EQ(fine.base_amount, Money::euros(100));
  EXPECT_EQ(fine.amount, Money::euros(75));
  EXPECT_EQ(fine.established_on, d("2024-06-01"));
  EXPECT_EQ(
      next_cooperation_fine({}, {}, established("2024-06-01", Culpability::kOrdinary), kPolicy)
          .amount,
      Money::euros(25));
  EXPECT_EQ(next_cooperation_fine({}, {}, established("2024-06-01", Culpability::kReduced), kPolicy)
                .amount,
            Money::cents(1250));
}

TEST(CooperationFine, NoFineWithoutCulpabilityOrWhenAssistanceWasLowered) {
  try {
    next_cooperation_fine({}, {}, established("2024-06-01", Culpability::kNone), kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Awb 5:41");
  }
  try {
    next_cooperation_fine({}, {}, established("2024-06-01", Culpability::kIntent, true), kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 27");
  }
  const CooperationFineDecision backwards{d("2024-06-02"), d("2024-06-01"), Culpability::kIntent};
  EXPECT_THROW(next_cooperation_fine({}, {}, backwards, kPolicy), ValidationError);
}

TEST(MunicipalFines, CapOfTwentyFourHundredPerTerm) {
  MunicipalFine intake_fine{MunicipalFineKind::kIntake, d("2024-02-01"), Money::euros(250),
                            Culpability::kIntent, Money::euros(250)};
  std::vector<MunicipalFine> fines = {
      intake_fine, intake_fine, cooperation("2024-06-01", Money::euros(800), Money::euros(800)),
      cooperation("2024-08-01", Money::euros(800), Money::euros(800))};
  // €2,100 imposed (intake fines before the term included): €300 left, so the next €800 fine
  // is lowered to €300.
  const auto lowered = next_cooperation_fine(fines, {}, established("2024-10-01"), kPolicy);
  EXPECT_EQ(lowered.base_amount, Money::euros(800));
  EXPECT_EQ(lowered.amount, Money::euros(300));
  fines.push_back(lowered);
  try {
    next_cooperation_fine(fines, {}, established("2024-11-01"), kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 7.1.5");
  }
  // An annulled fine gives its share of the cap back.
  fines[0].annulled_on = d("2024-10-15");
  EXPECT_EQ(next_cooperation_fine(fines, {}, established("2024-11-01"), kPolicy).amount,
            Money::euros(250));
}

TEST(MunicipalFines, ANewTermAfterADuoFineHasItsOwnCap) {
  const std::vector<DuoFine> duo = {
      DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(500), 12}};
  // The new term runs from the day after the decision was made known (Wi 24.2).
  EXPECT_EQ(municipal_fine_cap(duo, d("2027-04-01"), kPolicy), Money::euros(2400));
  EXPECT_EQ(municipal_fine_cap(duo, d("2027-04-02"), kPolicy), Money::euros(800));
  const std::vector<DuoFine> half = {
      DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-04-01"), Money::euros(340), 6}};
  EXPECT_EQ(municipal_fine_cap(half, d("2027-05-01"), kPolicy), Money::euros(400));
  const std::vector<DuoFine> two = {
      DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(1000), 24}};
  EXPECT_EQ(municipal_fine_cap(two, d("2027-05-01"), kPolicy), Money::euros(1600));
  // Fines from the old term do not use up the new cap.
  std::vector<MunicipalFine> old = {
      cooperation("2026-01-01", Money::euros(800), Money::euros(800))};
  EXPECT_EQ(next_cooperation_fine(old, duo, established("2027-06-01"), kPolicy).amount,
            Money::euros(50));
}

TEST(IntakeFine, TwoHundredFiftyAtMostTwiceWithANewTermOfAtMostTwoMonths) {
  std::vector<MunicipalFine> fines;
  fines.push_back(next_intake_fine(fines, {}, intake("2024-02-01", "2024-04-01"), kPolicy));
  EXPECT_EQ(fines.back().amount, Money::euros(250));
  EXPECT_EQ(fines.back().new_term_until, d("2024-04-01"));  // The last day of two months.
  EXPECT_THROW(next_intake_fine(fines, {}, intake("2024-04-02", "2024-04-03"), kPolicy),
               ValidationError);  // The second sets no new term.
  fines.push_back(next_intake_fine(fines, {}, second_intake("2024-04-02"), kPolicy));
  EXPECT_FALSE(fines.back().new_term_until);
  try {
    next_intake_fine(fines, {}, second_intake("2024-05-01"), kPolicy);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 22.1, 22.3");  // Not Bi 7.1.1, which sets only the amount.
  }
  // Wi 22.2: the new term is after the decision and at most two months long.
  EXPECT_THROW(next_intake_fine({}, {}, intake("2024-02-01", "2024-04-02"), kPolicy),
               ValidationError);
  EXPECT_THROW(next_intake_fine({}, {}, intake("2024-02-01", "2024-02-01"), kPolicy),
               ValidationError);
  EXPECT_THROW(next_intake_fine({}, {}, second_intake("2024-02-01"), kPolicy), ValidationError);
}

// Bi 7.1.6: the intake fine may be lowered; never to nothing or above the amount.
TEST(IntakeFine, MayBeLoweredForCircumstances) {
  IntakeFineDecision decision = intake("2024-02-01", "2024-03-01");
  decision.lowered_to = Money::euros(100);
  EXPECT_EQ(next_intake_fine({}, {}, decision, kPolicy).amount, Money::euros(100));
  decision.lowered_to = Money::euros(250);
  EXPECT_THROW(next_intake_fine({}, {}, decision, kPolicy), ValidationError);
  decision.lowered_to = Money();
  EXPECT_THROW(next_intake_fine({}, {}, decision, kPolicy), ValidationError);
}

// Wi 14.1, 22.1: no fine after the first invitation; the first after a failed repeated
// invitation (with its written warning); the second only after a failure within the new term
// of the first, once that term has ended (Wi 22.2-3).
TEST(IntakeFine, FollowsTheRepeatedInvitationAndTheNewTerm) {
  Trajectory t = test::registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-23"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  try {
    t.impose_intake_fine(intake("2024-01-25", "2024-03-20"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 22.1");
  }
  t.invite_to_intake(d("2024-01-26"), d("2024-02-09"));
  EXPECT_TRUE(t.record().intake.invitations.back().written_warning);
  t.record_invitation_outcome(InvitationOutcome::kInsufficientCooperation);
  EXPECT_EQ(t.impose_intake_fine(intake("2024-02-12", "2024-04-11")).amount, Money::euros(250));
  // Within the new term: not yet, whatever happens.
  t.invite_to_intake(d("2024-02-20"), d("2024-03-05"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  try {
    t.impose_intake_fine(second_intake("2024-04-11"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 22.3");
    EXPECT_THAT(e.what(), HasSubstr("2024-04-11"));
  }
  EXPECT_NO_THROW(t.impose_intake_fine(second_intake("2024-04-12")));
  EXPECT_EQ(t.record().municipal_fines.size(), 2u);
  EXPECT_THROW(t.impose_intake_fine(second_intake("2024-06-12")), RuleViolation);
  // Annulling the first does not open the way to a third (Wi 22: two).
  t.record_fine_annulled(0, d("2024-06-01"));
  try {
    t.impose_intake_fine(intake("2024-06-12", "2024-07-11"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 22.1, 22.3");
  }
}

TEST(IntakeFine, NoSecondFineWithoutAFailureInTheNewTerm) {
  Trajectory t = test::registered();
  for (const char* sent : {"2024-01-16", "2024-01-24"}) {
    t.invite_to_intake(d(sent), d(sent));
    t.record_invitation_outcome(InvitationOutcome::kNoShow);
  }
  t.impose_intake_fine(intake("2024-02-01", "2024-03-01"));
  // Both failures came before the first fine: the new term is not shown to have failed.
  try {
    t.impose_intake_fine(second_intake("2024-03-02"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 22.3");
  }
  // A failed invitation sent after the new term ended does not count either.
  t.invite_to_intake(d("2024-03-02"), d("2024-03-09"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  EXPECT_THROW(t.impose_intake_fine(second_intake("2024-03-10")), RuleViolation);
}

TEST(MunicipalFines, ObjectionFinalityAndAnnulmentAreRecorded) {
  Trajectory t = test::on_route();
  t.impose_cooperation_fine(established("2024-06-01"));
  EXPECT_THROW(t.record_fine_contested(1, d("2024-06-10")), ValidationError);
  EXPECT_THROW(t.record_fine_contested(0, d("2024-05-31")), ValidationError);
  t.record_fine_contested(0, d("2024-06-10"));
  EXPECT_THROW(t.record_fine_irrevocable(0, d("2024-06-09")), ValidationError);
  t.record_fine_irrevocable(0, d("2024-09-01"));
  EXPECT_THROW(t.record_fine_annulled(0, d("2024-10-01")), RuleViolation);
  EXPECT_EQ(t.record().municipal_fines[0].contested_on, d("2024-06-10"));
  EXPECT_EQ(t.record().municipal_fines[0].irrevocable_on, d("2024-09-01"));
  // Established after it became irrevocable: doubles.
  EXPECT_EQ(t.impose_cooperation_fine(established("2024-09-01")).amount, Money::euros(100));
  t.record_fine_annulled(1, d("2024-10-01"));
  EXPECT_THROW(t.record_fine_irrevocable(1, d("2024-10-02")), RuleViolation);
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
}

TEST(CooperationFine, OnlyOnceThereIsAPip) {
  Trajectory t = test::planning();
  EXPECT_THROW(t.impose_cooperation_fine(established("2024-02-10")), RuleViolation);
  Trajectory r = test::on_route();  // PIP of 2024-03-01.
  try {
    r.impose_cooperation_fine(CooperationFineDecision{d("2024-02-29"), d("2024-06-01")});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 23");
  }
  EXPECT_EQ(r.impose_cooperation_fine(established("2024-03-01")).amount, Money::euros(50));
  EXPECT_EQ(r.impose_cooperation_fine(established("2024-07-01")).amount, Money::euros(50));
  EXPECT_THROW(r.impose_cooperation_fine(established("2024-08-01", Culpability::kIntent, true)),
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
    EXPECT_THAT(e.rule(), HasSubstr("Wi 26.1.b"));
  }
  EXPECT_THROW(t.record_duo_fine(
                   DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(1001), 24}),
               ValidationError);
  EXPECT_THROW(t.record_duo_fine(
                   DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(600), 25}),
               ValidationError);
  EXPECT_TRUE(t.record().duo_fines.empty());
  EXPECT_THROW(t.record_duo_fine(
                   DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(600), 9}),
               ValidationError);  // Bi 7.1.5 knows 6, 12, 18 and 24 months.
  try {
    t.record_duo_fine(DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(600), 24,
                              d("2027-03-31")});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "duo_fine.announced_on");  // made known before it was taken
  }
  EXPECT_TRUE(t.record().duo_fines.empty());
  t.record_duo_fine(DuoFine{DuoFineKind::kRouteNotInTime, d("2027-04-01"), Money::euros(600), 24,
                            d("2027-04-01")});
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
