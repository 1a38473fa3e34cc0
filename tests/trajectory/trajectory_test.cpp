#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using ::testing::HasSubstr;
using S = TrajectoryState;

TEST(TrajectoryState, TransitionTable) {
  EXPECT_TRUE(transition_allowed(S::kRegistered, S::kIntake));
  EXPECT_TRUE(transition_allowed(S::kIntake, S::kPlanning));
  EXPECT_TRUE(transition_allowed(S::kPlanning, S::kRoute));
  EXPECT_TRUE(transition_allowed(S::kRoute, S::kCompleted));
  EXPECT_FALSE(transition_allowed(S::kRegistered, S::kRoute));
  EXPECT_FALSE(transition_allowed(S::kIntake, S::kCompleted));
  EXPECT_FALSE(transition_allowed(S::kRoute, S::kPlanning));
  for (S from : {S::kRegistered, S::kIntake, S::kPlanning, S::kRoute}) {
    for (S to : {S::kExempted, S::kDispensed, S::kTransferredOut, S::kEnded}) {
      EXPECT_TRUE(transition_allowed(from, to));
    }
  }
  for (S from : {S::kCompleted, S::kExempted, S::kDispensed, S::kTransferredOut, S::kEnded}) {
    EXPECT_TRUE(is_final(from));
    for (S to : {S::kRegistered, S::kIntake, S::kRoute, S::kEnded}) {
      // The one edge out of a final state: the diploma withdrawn (Bi 3.10.3).
      EXPECT_EQ(transition_allowed(from, to), from == S::kCompleted && to == S::kRoute)
          << to_string(from) << " -> " << to_string(to);
    }
  }
}

TEST(Trajectory, OpensRegisteredAndRefusesThoseNotObliged) {
  Trajectory t = test::registered();
  EXPECT_EQ(t.state(), S::kRegistered);
  EXPECT_EQ(t.record().municipality, test::utrecht());

  Participant young = test::asylum_holder();
  young.birth_date = d("2008-03-01");  // 15 on the notice date 2024-01-08.
  try {
    test::registered(young);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 3");
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("2008")));  // No personal data.
  }
  Participant volunteer = test::family_migrant();
  volunteer.target_group = TargetGroup::kVoluntary;
  volunteer.birth_date = d("1950-01-01");
  EXPECT_NO_THROW(test::registered(volunteer));
}

TEST(Trajectory, OpenValidatesItsInput) {
  EXPECT_THROW(
      Trajectory::open(TrajectoryId(0), test::utrecht(), UserId("km"), test::asylum_holder(),
                       test::notified_obligation(), d("2024-01-15")),
      ValidationError);
  EXPECT_THROW(Trajectory::open(TrajectoryId(1), test::utrecht(), UserId(""), test::asylum_holder(),
                                test::notified_obligation(), d("2024-01-15")),
               ValidationError);
  Policy bad;
  bad.unburdening_months = 3;
  EXPECT_THROW(test::registered(test::asylum_holder(), bad), ValidationError);
}

TEST(Trajectory, StateViolationsNameTheStateAndTheRule) {
  Trajectory t = test::registered();
  try {
    t.complete(d("2024-06-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "trajectory state machine");
    EXPECT_THAT(e.what(), HasSubstr("'registered'"));
    EXPECT_THAT(e.what(), HasSubstr("needs route"));
  }
  EXPECT_THROW(t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2025-01-01"), 3}),
               RuleViolation);
  EXPECT_THROW(t.scale_down_to_a2(d("2025-01-01"), {ExamPart::kReading}, "x"), RuleViolation);
  EXPECT_THROW(t.switch_route(d("2025-01-01"), test::content(Route::kZ), "x"), RuleViolation);
  EXPECT_FALSE(t.term_end(d("2025-01-01")));
}

TEST(Trajectory, CompletesOnlyWhenEverythingIsMet) {
  Trajectory t = test::on_route(Route::kZ, test::family_migrant());
  try {
    t.complete(d("2026-06-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 6-9");
    EXPECT_THAT(e.what(), HasSubstr("z.course_hours"));
    EXPECT_THAT(e.what(), HasSubstr("z.final_interview"));
  }
  EXPECT_EQ(t.state(), S::kRoute);
  test::attend(t, HourKind::kLanguageCourse, 800, "2025-12-01");
  test::attend(t, HourKind::kPvt, 12, "2024-04-01");
  t.record_pvt_statement_signed(d("2024-04-02"));
  test::attend(t, HourKind::kMap, 40, "2024-09-01");
  t.record_map_final_interview(d("2024-09-02"));
  t.record_z_route_final_interview(d("2026-01-15"));
  t.complete(d("2026-02-01"));
  EXPECT_EQ(t.state(), S::kCompleted);
  EXPECT_EQ(t.record().closure->on, d("2026-02-01"));
  EXPECT_THROW(t.record_attendance(test::hours(HourKind::kLanguageCourse, "2026-02-02", 2)),
               RuleViolation);
}

TEST(Trajectory, WholeExemptionEndsIt) {
  Trajectory t = test::planning();
  t.record_exemption(Exemption{ExemptionGround::kSufficientlyIntegrated, d("2024-02-10"), {}});
  EXPECT_EQ(t.state(), S::kExempted);
  EXPECT_EQ(t.record().closure->final_state, S::kExempted);
  EXPECT_FALSE(t.pip_deadline());
  EXPECT_THROW(t.record_exemption(Exemption{ExemptionGround::kDutchDiploma, d("2024-02-11"), {}}),
               RuleViolation);
}

TEST(Trajectory, WholeDispensationEndsIt) {
  Trajectory t = test::on_route();
  t.record_dispensation(Dispensation{DispensationGround::kMedical, d("2025-01-10"), {}, {}});
  EXPECT_EQ(t.state(), S::kDispensed);
}

TEST(Trajectory, InvalidDecisionsChangeNothing) {
  Trajectory t = test::on_route();
  const TrajectoryRecord before = t.record();
  EXPECT_THROW(t.record_dispensation(Dispensation{
                   DispensationGround::kSpecialCircumstances, d("2025-01-10"), {}, {}}),
               ValidationError);
  EXPECT_THROW(t.record_exemption(Exemption{ExemptionGround::kExamPartsShown, d("2025-01-10"), {}}),
               ValidationError);
  EXPECT_EQ(t.record(), before);
}

TEST(Trajectory, EndsForOtherReasons) {
  Trajectory t = test::on_route();
  t.end(d("2025-05-01"), EndReason::kPermitWithdrawn);
  EXPECT_EQ(t.state(), S::kEnded);
  EXPECT_EQ(t.record().closure->end_reason, EndReason::kPermitWithdrawn);
  EXPECT_THROW(t.end(d("2025-05-02"), EndReason::kOther), RuleViolation);
}

TEST(Trajectory, InterruptionsAreRecordedOneAtATime) {
  Trajectory t = test::on_route();
  t.record_interruption(Interruption{d("2025-01-01"), std::nullopt, "geen BRP-inschrijving"});
  EXPECT_THROW(t.record_interruption(Interruption{d("2025-02-01"), std::nullopt, "x"}),
               RuleViolation);
  EXPECT_THROW(t.end_interruption(d("2024-12-31")), ValidationError);
  t.end_interruption(d("2025-01-31"));
  EXPECT_THROW(t.end_interruption(d("2025-02-28")), RuleViolation);
  EXPECT_EQ(t.term_end(d("2025-06-01")), d("2027-04-01"));  // +31 days.
  EXPECT_THROW(t.record_interruption(Interruption{d("2025-01-15"), d("2025-01-20"), "overlap"}),
               ValidationError);
  EXPECT_THROW(t.record_interruption(Interruption{d("2024-01-15"), d("2024-01-20"), "voor start"}),
               ValidationError);
}

TEST(Trajectory, ExtensionsAreNotDecidedBeforeTheTerm) {
  Trajectory t = test::on_route();
  EXPECT_THROW(t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2024-03-01"), 3}),
               ValidationError);
  EXPECT_THROW(t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-03-01"), 0}),
               ValidationError);
  t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-10-01"), 4});
  EXPECT_EQ(t.term_end(d("2026-10-01")), d("2027-07-01"));
}

// ---- Moving to another municipality (Wi 15.4; Bi 5.3.3; Wi 35.4) ------------------------------

TEST(Transfer, MovingKeepsTermRouteAndHistoryButNotUnburdening) {
  Trajectory old = test::on_route(Route::kB1);
  old.start_unburdening(d("2024-02-01"),
                        {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(600)}},
                        true, test::not_paid_besides_rent());
  old.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-05-01", 10));
  old.impose_cooperation_fine(
      CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent});
  old.transfer_out(test::amersfoort(), d("2024-09-15"));
  EXPECT_EQ(old.state(), S::kTransferredOut);
  EXPECT_TRUE(old.signals(d("2024-09-16")).empty());

  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(99), test::amersfoort(),
                                                UserId("km-devries"), d("2024-09-20"), Policy{});
  EXPECT_EQ(now.state(), S::kRoute);
  EXPECT_EQ(now.record().municipality, test::amersfoort());
  EXPECT_EQ(now.record().term, old.record().term);  // Start unchanged (Wi 11.3).
  EXPECT_EQ(now.record().plan_versions, old.record().plan_versions);
  EXPECT_EQ(now.record().attendance, old.record().attendance);
  EXPECT_EQ(now.record().municipal_fines, old.record().municipal_fines);
  // No new learnability test; the health topic stays with the former college (Wi 35.4).
  BroadIntake travelled = old.record().intake;
  ASSERT_EQ(travelled.topics.erase(IntakeTopic::kHealth), 1u);
  EXPECT_EQ(now.record().intake, travelled);
  EXPECT_FALSE(now.record().unburdening);
  EXPECT_EQ(now.record().transfer_in->from, test::utrecht());

  // The PIP after the move is due 10 weeks after registration.
  EXPECT_EQ(now.pip_deadline(), d("2024-11-29"));
  const PlanVersion& v = now.issue_plan_after_move(d("2024-11-01"), test::content(Route::kB1),
                                                   "verhuisd naar Amersfoort");
  EXPECT_EQ(v.number, 2);
  EXPECT_EQ(v.reason, PlanChangeReason::kMove);
  EXPECT_EQ(v.issued_by, test::amersfoort());
  EXPECT_FALSE(now.is_late(v));
  EXPECT_FALSE(now.pip_deadline());
}

TEST(Transfer, ThePlanAfterAMoveKeepsTheRoute) {
  Trajectory old = test::on_route(Route::kB1);
  old.transfer_out(test::amersfoort(), d("2024-09-15"));
  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(99), test::amersfoort(),
                                                UserId("km"), d("2024-09-20"), Policy{});
  try {
    now.issue_plan_after_move(d("2024-10-01"), test::content(Route::kZ), "andere route");
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 15.4");
  }
  EXPECT_THROW(now.issue_plan_after_move(d("2024-09-19"), test::content(Route::kB1), "te vroeg"),
               ValidationError);
  const PlanVersion& late =
      now.issue_plan_after_move(d("2024-12-01"), test::content(Route::kB1), "laat");
  EXPECT_TRUE(now.is_late(late));
}

TEST(Transfer, OnlyToTheMunicipalityNamedInTheMove) {
  Trajectory old = test::on_route();
  EXPECT_THROW(Trajectory::receive_transfer(old, TrajectoryId(99), test::amersfoort(), UserId("km"),
                                            d("2024-09-20"), Policy{}),
               RuleViolation);
  EXPECT_THROW(old.transfer_out(test::utrecht(), d("2024-09-15")), RuleViolation);
  old.transfer_out(test::amersfoort(), d("2024-09-15"));
  EXPECT_THROW(Trajectory::receive_transfer(old, TrajectoryId(99), MunicipalityCode("0363"),
                                            UserId("km"), d("2024-09-20"), Policy{}),
               RuleViolation);
  EXPECT_THROW(Trajectory::receive_transfer(old, TrajectoryId(99), test::amersfoort(), UserId("km"),
                                            d("2024-09-14"), Policy{}),
               ValidationError);
  EXPECT_THROW(Trajectory::receive_transfer(old, TrajectoryId(0), test::amersfoort(), UserId("km"),
                                            d("2024-09-20"), Policy{}),
               ValidationError);
}

TEST(Transfer, BeforeThePlanTheNewCollegeSetsTheFirstPip) {
  Trajectory old = test::planning();
  old.transfer_out(test::amersfoort(), d("2024-02-10"));
  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(99), test::amersfoort(),
                                                UserId("km"), d("2024-02-12"), Policy{});
  EXPECT_EQ(now.state(), S::kPlanning);
  // No PIP yet: Bi 5.3.3 does not apply, the deadline of Bi 5.3.1 (10 weeks after the first
  // BRP registration of 2024-01-15) keeps running, and the BRP date is kept.
  EXPECT_EQ(now.pip_deadline(), d("2024-03-25"));
  EXPECT_EQ(now.record().obligation.brp_registration_date, d("2024-01-15"));
  EXPECT_THROW(now.issue_plan_after_move(d("2024-03-01"), test::content(), "x"), RuleViolation);
  Trajectory on_time = now;
  EXPECT_FALSE(on_time.is_late(on_time.issue_first_plan(d("2024-03-25"), test::content())));
  const PlanVersion v = now.issue_first_plan(d("2024-03-26"), test::content());
  EXPECT_TRUE(now.is_late(v));
}

TEST(Transfer, DuringTheIntakeTheIntakeGoesOn) {
  Trajectory old = test::registered();
  old.record_intake_topic(IntakeTopic::kHealth, test::noted("2024-01-20"));
  old.transfer_out(test::amersfoort(), d("2024-01-25"));
  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(99), test::amersfoort(),
                                                UserId("km"), d("2024-01-26"), Policy{});
  EXPECT_EQ(now.state(), S::kIntake);
  Trajectory fresh = test::registered();
  fresh.transfer_out(test::amersfoort(), d("2024-01-25"));
  EXPECT_EQ(Trajectory::receive_transfer(fresh, TrajectoryId(99), test::amersfoort(), UserId("km"),
                                         d("2024-01-26"), Policy{})
                .state(),
            S::kRegistered);
}

}  // namespace
}  // namespace inburgering
