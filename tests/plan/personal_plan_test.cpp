#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using ::testing::HasSubstr;

TEST(PersonalPlan, FirstPlanStartsTheTermTheNextDay) {
  Trajectory t = test::planning();
  const PlanVersion& v = t.issue_first_plan(d("2024-03-01"), test::content());
  EXPECT_EQ(v.number, 1);
  EXPECT_EQ(v.reason, PlanChangeReason::kInitial);
  EXPECT_EQ(v.issued_by, test::utrecht());
  EXPECT_EQ(t.state(), TrajectoryState::kRoute);
  ASSERT_TRUE(t.record().term);
  EXPECT_EQ(t.record().term->start, d("2024-03-02"));
  EXPECT_EQ(t.term_end(d("2024-03-02")), d("2027-03-01"));
}

TEST(PersonalPlan, RequiresACompletedIntake) {
  Trajectory t = test::registered();
  try {
    t.issue_first_plan(d("2024-03-01"), test::content());
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_THAT(e.what(), HasSubstr("registered"));
  }
  EXPECT_FALSE(t.record().term);
}

TEST(PersonalPlan, IsNotIssuedBeforeTheIntakeWasCompleted) {
  Trajectory t = test::planning();
  EXPECT_THROW(t.issue_first_plan(d("2024-01-31"), test::content()), ValidationError);
  EXPECT_EQ(t.state(), TrajectoryState::kPlanning);
}

TEST(PersonalPlan, Wi2013ObligationsHaveNoPip) {
  Trajectory t = test::registered();
  TrajectoryRecord record = t.record();
  record.obligation.regime = Regime::kWi2013;
  Trajectory old = Trajectory::from_record(record);
  old.invite_to_intake(d("2024-01-16"), d("2024-01-26"));
  old.record_invitation_outcome(InvitationOutcome::kAttended);
  test::fill_intake(old);
  old.complete_intake(d("2024-02-01"));
  try {
    old.issue_first_plan(d("2024-03-01"), test::content());
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 54");
  }
  EXPECT_FALSE(old.pip_deadline());
}

TEST(PersonalPlan, AsylumPermitHoldersGetARouteIntensity) {
  Trajectory t = test::planning();
  PlanContent c = test::content();
  c.route_intensity_hours_per_week = 0;
  try {
    t.issue_first_plan(d("2024-03-01"), c);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "plan.route_intensity_hours_per_week");
    EXPECT_THAT(e.rule(), HasSubstr("Wi 15.2"));
  }
  Trajectory family = test::planning(test::family_migrant());
  EXPECT_NO_THROW(family.issue_first_plan(d("2024-03-01"), c));
}

TEST(PersonalPlan, B1RouteAgainstTheLearnabilityTestNeedsReasons) {
  Trajectory t = test::planning(test::asylum_holder(), /*score=*/27);
  try {
    t.issue_first_plan(d("2024-03-01"), test::content(Route::kB1));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_THAT(e.what(), HasSubstr("pass mark 28"));
  }
  PlanContent c = test::content(Route::kB1);
  c.learnability_deviation_reason = "sterke motivatie, eerder onderwijs in het Engels";
  EXPECT_NO_THROW(t.issue_first_plan(d("2024-03-01"), c));
}

TEST(PersonalPlan, ContentIsValidatedFieldByField) {
  const Policy policy;
  auto refuses = [&](auto change, const char* field) {
    PlanContent c = test::content();
    change(c);
    try {
      validate(c, policy);
      ADD_FAILURE() << field;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), field);
    }
  };
  refuses([](PlanContent& c) { c.pvt_hours = 11; }, "plan.pvt_hours");
  refuses([](PlanContent& c) { c.progress_interview_count = 0; }, "plan.progress_interview_count");
  refuses([](PlanContent& c) { c.route_intensity_hours_per_week = -1; },
          "plan.route_intensity_hours_per_week");
  refuses([](PlanContent& c) { c.map_hours = -4; }, "plan.map_hours");
  refuses(
      [](PlanContent& c) {
        c.route = Route::kEducation;
        c.map_hours = 10;
      },
      "plan.map_hours");
  refuses(
      [](PlanContent& c) {
        c.route = Route::kZ;
        c.scaled_down_parts = {ExamPart::kWriting};
      },
      "plan.scaled_down_parts");
  refuses([](PlanContent& c) { c.z_route_exams_allowed = true; }, "plan.z_route_exams_allowed");
  refuses([](PlanContent& c) { c.activities[0].description.clear(); },
          "plan.activities[0].description");
  refuses([](PlanContent& c) { c.activities[0].ends_on = d("2024-01-01"); },
          "plan.activities[0].ends_on");
  refuses([](PlanContent& c) { c.goals.push_back(""); }, "plan.goals[2]");
}

TEST(PersonalPlan, MapNormFollowsThePolicy) {
  Policy regeling;
  regeling.map_min_hours = 64;
  PlanContent c = test::content();
  EXPECT_THROW(validate(c, regeling), ValidationError);
  c.map_hours = 64;
  EXPECT_NO_THROW(validate(c, regeling));
}

TEST(PersonalPlan, DeadlineIsTenWeeksAfterTheLaterOfNoticeAndRegistration) {
  Trajectory t = test::registered();  // Notice 2024-01-08, BRP 2024-01-15.
  EXPECT_EQ(t.pip_deadline(), d("2024-03-25"));

  TrajectoryRecord record = t.record();
  record.obligation.brp_registration_date = d("2023-12-01");  // Registered before the notice.
  EXPECT_EQ(Trajectory::from_record(record).pip_deadline(), d("2024-03-18"));
}

TEST(PersonalPlan, NoDeadlineBeforeRegistrationInTheHousingMunicipality) {
  Obligation obligation = test::notified_obligation();
  obligation.brp_registration_date.reset();
  Trajectory t = Trajectory::open(TrajectoryId(1), test::utrecht(), UserId("km"),
                                  test::asylum_holder(), obligation, d("2024-01-08"));
  EXPECT_FALSE(t.pip_deadline());
  t.record_brp_registration(d("2024-02-20"));
  EXPECT_EQ(t.pip_deadline(), d("2024-04-30"));
}

TEST(PersonalPlan, ThirdPartyInformationSuspendsAndMayMoveTheDeadline) {
  Trajectory t = test::registered();
  t.record_third_party_info_requested(d("2024-03-01"));
  EXPECT_FALSE(t.pip_deadline());
  const auto waiting = t.signals(d("2024-03-10"));
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].kind, SignalKind::kPipAwaitingThirdParty);

  EXPECT_THROW(t.record_third_party_info_received(d("2024-02-28")), ValidationError);
  t.record_third_party_info_received(d("2024-03-20"));
  EXPECT_EQ(t.pip_deadline(), d("2024-04-03"));  // 2 weeks after receipt > 10 weeks.

  Trajectory early = test::registered();
  early.record_third_party_info_requested(d("2024-01-20"));
  early.record_third_party_info_received(d("2024-01-25"));
  EXPECT_EQ(early.pip_deadline(), d("2024-03-25"));  // The 10 weeks are later.
}

TEST(PersonalPlan, ThirdPartyReceiptWithoutRequestIsRefused) {
  Trajectory t = test::registered();
  try {
    t.record_third_party_info_received(d("2024-02-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 5.3.2");
  }
}

TEST(PersonalPlan, ALatePlanIsFlagged) {
  Trajectory on_time = test::planning();
  EXPECT_FALSE(on_time.is_late(on_time.issue_first_plan(d("2024-03-25"), test::content())));
  Trajectory late = test::planning();
  EXPECT_TRUE(late.is_late(late.issue_first_plan(d("2024-03-26"), test::content())));
  EXPECT_FALSE(late.pip_deadline());  // Issued: nothing is due any more.
}

TEST(PersonalPlan, AdjustmentsAreNewVersionsWithAReason) {
  Trajectory t = test::on_route();
  PlanContent c = test::content();
  c.route_intensity_hours_per_week = 16;
  EXPECT_THROW(t.adjust_plan(d("2024-06-01"), c, ""), ValidationError);
  const PlanVersion& v2 = t.adjust_plan(d("2024-06-01"), c, "meer lesuren");
  EXPECT_EQ(v2.number, 2);
  EXPECT_EQ(v2.reason, PlanChangeReason::kOther);
  EXPECT_EQ(t.record().plan_versions[0].content.route_intensity_hours_per_week, 12);
  EXPECT_EQ(t.record().term->start, d("2024-03-02"));  // Never restarted (Wi 11.3).
  EXPECT_THROW(t.adjust_plan(d("2024-05-01"), c, "terug in de tijd"), ValidationError);
}

TEST(PersonalPlan, AdjustmentCannotSwitchRouteOrScaleDown) {
  Trajectory t = test::on_route();
  EXPECT_THROW(t.adjust_plan(d("2024-06-01"), test::content(Route::kZ), "z"), RuleViolation);
  PlanContent c = test::content();
  c.scaled_down_parts = {ExamPart::kWriting};
  EXPECT_THROW(t.adjust_plan(d("2024-06-01"), c, "a2"), RuleViolation);
  EXPECT_EQ(t.record().plan_versions.size(), 1u);
}

}  // namespace
}  // namespace inburgering
