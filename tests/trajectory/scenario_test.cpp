// Whole trajectories as a municipality runs them, with realistic dates.
#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

TEST(Scenario, AsylumPermitHolderOnTheB1RouteWithUnburdeningAndScaleDown) {
  FixedClock clock(d("2024-01-15"));
  Trajectory t = test::registered();
  t.invite_to_intake(clock.today(), d("2024-01-18"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.invite_to_intake(d("2024-01-19"), d("2024-01-23"));  // With the written warning.
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.impose_intake_fine(
      IntakeFineDecision{.imposed_on = d("2024-01-24"), .new_term_until = d("2024-03-23")});
  t.invite_to_intake(d("2024-01-24"), d("2024-02-05"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  test::fill_intake(t, 30);
  t.record_intake_topic(IntakeTopic::kMotivation,
                        test::noted("2024-01-30", "wil verpleegkundige worden"));
  t.complete_intake(d("2024-02-06"));

  PlanContent plan = test::content(Route::kB1);
  plan.unburdening_attached = true;
  t.start_unburdening(
      d("2024-02-01"),
      {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(640)},
       FixedCostItem{FixedCostKind::kHealthInsurance, "Zorgverzekeraar", Money::euros(138)}},
      true,
      {FixedCostNotPaid{FixedCostKind::kEnergy, "gas en stroom in de servicekosten"},
       FixedCostNotPaid{FixedCostKind::kWater, "water in de servicekosten"}});
  const PlanVersion& first = t.issue_first_plan(d("2024-03-20"), plan);
  EXPECT_FALSE(t.is_late(first));
  EXPECT_EQ(t.term_end(d("2024-03-21")), d("2027-03-20"));

  test::attend(t, HourKind::kPvt, 12, "2024-05-01");
  t.record_pvt_statement_signed(d("2024-05-02"));
  test::attend(t, HourKind::kLanguageCourse, 620, "2025-04-30");
  for (ExamPart part : {ExamPart::kReading, ExamPart::kListening}) {
    t.record_exam_result(test::passed(part, LanguageLevel::kB1, "2025-05-20"));
  }
  t.record_exam_result(test::passed(ExamPart::kKnm, LanguageLevel::kA2, "2025-05-21"));
  t.scale_down_to_a2(d("2025-06-01"), {ExamPart::kWriting, ExamPart::kSpeaking},
                     "schrijven en spreken blijven steken op A2 na 620 uur");
  for (ExamPart part : {ExamPart::kWriting, ExamPart::kSpeaking}) {
    t.record_exam_result(test::passed(part, LanguageLevel::kA2, "2025-09-10"));
  }
  test::attend(t, HourKind::kMap, 40, "2025-10-01");
  t.record_map_final_interview(d("2025-10-02"));
  ASSERT_TRUE(t.completion_report().all_met());
  t.complete(d("2025-10-15"));
  EXPECT_EQ(t.state(), TrajectoryState::kCompleted);
  EXPECT_EQ(t.record().plan_versions.size(), 2u);
  EXPECT_EQ(t.record().municipal_fines.size(), 1u);
}

TEST(Scenario, FamilyMigrantSwitchesToTheZRouteAndGetsAnExtension) {
  Trajectory t = test::on_route(Route::kB1, test::family_migrant());
  test::attend(t, HourKind::kLanguageCourse, 200, "2024-10-01");
  t.record_progress_interview(d("2024-08-10"), ProgressAssessment::kBehind, "weinig voortgang");
  PlanContent z = test::content(Route::kZ);
  z.route_intensity_hours_per_week = 0;
  t.switch_route(d("2025-02-01"), z, "voortgang blijft achter (Wi 17.2)");
  test::attend(t, HourKind::kLanguageCourse, 600, "2026-12-01");
  t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-11-01"), 6});
  EXPECT_EQ(t.term_end(d("2026-11-01")), d("2027-09-01"));
  test::attend(t, HourKind::kPvt, 12, "2025-03-01");
  t.record_pvt_statement_signed(d("2025-03-02"));
  test::attend(t, HourKind::kMap, 40, "2025-06-01");
  t.record_map_final_interview(d("2025-06-02"));
  t.record_z_route_final_interview(d("2027-05-01"));
  t.complete(d("2027-05-15"));
  EXPECT_EQ(t.state(), TrajectoryState::kCompleted);
}

}  // namespace
}  // namespace inburgering
