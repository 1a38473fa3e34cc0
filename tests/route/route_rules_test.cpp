#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include <algorithm>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> missing_codes(const RequirementReport& report) {
  std::vector<std::string> codes;
  for (const auto& r : report.missing()) codes.push_back(r.code);
  return codes;
}

void pass_all_b1(Trajectory& t, LanguageLevel level = LanguageLevel::kB1) {
  for (ExamPart part : kLanguageParts) t.record_exam_result(test::passed(part, level));
  t.record_exam_result(test::passed(ExamPart::kKnm, LanguageLevel::kA2));
}

void complete_components(Trajectory& t) {
  test::attend(t, HourKind::kPvt, 12, "2024-04-30");
  t.record_pvt_statement_signed(d("2024-05-01"));
  test::attend(t, HourKind::kMap, 40, "2024-09-30");
  t.record_map_final_interview(d("2024-10-01"));
}

TEST(RouteRules, B1RouteListsEverythingMissing) {
  Trajectory t = test::on_route(Route::kB1);
  const auto report = t.completion_report();
  EXPECT_FALSE(report.all_met());
  EXPECT_THAT(missing_codes(report), ElementsAre("pvt", "map", "b1.reading", "b1.listening",
                                                 "b1.writing", "b1.speaking", "b1.knm"));
}

TEST(RouteRules, B1RouteIsCompleteWithAllPartsAtB1) {
  Trajectory t = test::on_route(Route::kB1);
  complete_components(t);
  pass_all_b1(t);
  EXPECT_TRUE(t.completion_report().all_met());
}

TEST(RouteRules, A2IsNotEnoughUnlessScaledDown) {
  Trajectory t = test::on_route(Route::kB1);
  complete_components(t);
  pass_all_b1(t, LanguageLevel::kA2);
  EXPECT_THAT(missing_codes(t.completion_report()),
              ElementsAre("b1.reading", "b1.listening", "b1.writing", "b1.speaking"));
  test::attend(t, HourKind::kLanguageCourse, 600, "2025-05-01");
  t.scale_down_to_a2(d("2025-05-10"), {ExamPart::kWriting, ExamPart::kSpeaking}, "600 uur");
  EXPECT_THAT(missing_codes(t.completion_report()), ElementsAre("b1.reading", "b1.listening"));
}

TEST(RouteRules, FailedAttemptsAndHigherLevelsCountCorrectly) {
  Trajectory t = test::on_route(Route::kB1);
  t.record_exam_result(ExamResult{ExamPart::kReading, LanguageLevel::kB1, d("2025-01-01"), false});
  t.record_exam_result(test::passed(ExamPart::kListening, LanguageLevel::kB2));
  const auto codes = missing_codes(t.completion_report());
  EXPECT_TRUE(std::count(codes.begin(), codes.end(), "b1.reading") == 1);
  EXPECT_TRUE(std::count(codes.begin(), codes.end(), "b1.listening") == 0);
}

TEST(RouteRules, ExemptAndDispensedPartsCountAsMet) {
  Trajectory t = test::on_route(Route::kB1);
  t.record_exemption(Exemption{
      ExemptionGround::kExamPartsShown, d("2024-04-01"), {ExamPart::kReading, ExamPart::kKnm}});
  t.record_dispensation(
      Dispensation{DispensationGround::kMedical, d("2024-04-02"), {ExamPart::kSpeaking}, {}});
  EXPECT_EQ(t.state(), TrajectoryState::kRoute);  // Partial: the trajectory goes on.
  EXPECT_THAT(missing_codes(t.completion_report()),
              ElementsAre("pvt", "map", "b1.listening", "b1.writing"));
}

TEST(RouteRules, EducationRouteHasNoMapAndNeedsTheBridgingCourse) {
  Trajectory t = test::on_route(Route::kEducation);
  EXPECT_THAT(missing_codes(t.completion_report()),
              ElementsAre("pvt", "education.bridging_course"));
  try {
    t.record_map_final_interview(d("2024-10-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 8");
  }
  t.record_bridging_course_completed(d("2025-07-01"));
  EXPECT_THAT(missing_codes(t.completion_report()), ElementsAre("pvt"));
}

TEST(RouteRules, EducationRouteFallsBackToB1AndKnm) {
  Trajectory t = test::on_route(Route::kEducation);
  pass_all_b1(t);
  EXPECT_THAT(missing_codes(t.completion_report()), ElementsAre("pvt"));  // Wi 8.4
}

TEST(RouteRules, ZRouteForAsylumPermitHoldersCountsBothHourTotals) {
  Trajectory t = test::on_route(Route::kZ);
  EXPECT_THAT(
      missing_codes(t.completion_report()),
      ElementsAre("pvt", "map", "z.course_hours", "z.participation_hours", "z.final_interview"));
  test::attend(t, HourKind::kLanguageCourse, 700, "2025-12-01");
  test::attend(t, HourKind::kKnmCourse, 100, "2025-06-01");
  test::attend(t, HourKind::kParticipation, 748, "2026-01-01");
  complete_components(t);  // 12 PVT + 40 MAP hours count as participation.
  t.record_z_route_final_interview(d("2026-02-01"));
  EXPECT_TRUE(t.completion_report().all_met());
}

TEST(RouteRules, ZRouteParticipationShortByHalfAnHour) {
  Trajectory t = test::on_route(Route::kZ);
  test::attend(t, HourKind::kParticipation, 799, "2026-01-01");
  t.record_attendance(AttendanceEntry{d("2026-01-02"), HourKind::kParticipation, 30, "Buurthuis"});
  const auto report = t.completion_report();
  const auto it =
      std::find_if(report.requirements.begin(), report.requirements.end(),
                   [](const Requirement& r) { return r.code == "z.participation_hours"; });
  ASSERT_NE(it, report.requirements.end());
  EXPECT_FALSE(it->met);
  EXPECT_THAT(it->description, HasSubstr("799.5 attended"));
}

TEST(RouteRules, ZRouteForFamilyMigrantsHasNoParticipationHours) {
  Trajectory t = test::on_route(Route::kZ, test::family_migrant());
  EXPECT_THAT(missing_codes(t.completion_report()),
              ElementsAre("pvt", "map", "z.course_hours", "z.final_interview"));
}

// Z-route hours count from the broad intake on (Bi 3.14.6), bridging-course hours after a
// switch from the education route too (Bi 5.4.4.c); hours before the intake never.
TEST(RouteRules, ZRouteHoursCountFromTheIntakeOn) {
  Trajectory t = test::planning();
  t.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-01-15", 5));  // Before.
  t.record_attendance(test::hours(HourKind::kParticipation, "2024-01-15", 5));
  t.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-01-16", 2));  // First day.
  t.record_attendance(test::hours(HourKind::kParticipation, "2024-01-20", 3));
  t.record_education_wish();
  t.issue_first_plan(d("2024-03-01"), test::content(Route::kEducation));
  t.record_attendance(test::hours(HourKind::kLanguageBridging, "2024-04-01", 4));
  t.switch_route(d("2024-05-01"), test::content(Route::kZ), "Z-route beter passend");
  const auto report = t.completion_report();
  const auto find = [&](const char* code) {
    return std::find_if(report.requirements.begin(), report.requirements.end(),
                        [&](const Requirement& r) { return r.code == code; });
  };
  ASSERT_NE(find("z.course_hours"), report.requirements.end());
  EXPECT_THAT(find("z.course_hours")->description, HasSubstr("(6 attended)"));
  EXPECT_THAT(find("z.participation_hours")->description, HasSubstr("(3 attended)"));
}

TEST(RouteRules, FinalInterviewsBelongToTheirRoutes) {
  Trajectory b1 = test::on_route(Route::kB1);
  EXPECT_THROW(b1.record_z_route_final_interview(d("2025-01-01")), RuleViolation);
  EXPECT_THROW(b1.record_bridging_course_completed(d("2025-01-01")), RuleViolation);
}

TEST(RouteRules, PvtStatementNeedsTwelveHours) {
  Trajectory t = test::on_route();
  test::attend(t, HourKind::kPvt, 11, "2024-04-30");
  t.record_attendance(AttendanceEntry{d("2024-04-30"), HourKind::kPvt, 59, "gemeente"});
  try {
    t.record_pvt_statement_signed(d("2024-05-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 3.1.3, 3.1.5");
    EXPECT_THAT(e.what(), HasSubstr("11.98 registered"));
  }
  t.record_attendance(AttendanceEntry{d("2024-04-30"), HourKind::kPvt, 1, "gemeente"});
  EXPECT_NO_THROW(t.record_pvt_statement_signed(d("2024-05-01")));
}

TEST(RouteRules, PvtHoursOfTheIntakeCountButNotBefore) {
  // The intake starts with the invitation of 2024-01-16 (test::planning).
  Trajectory t = test::planning();
  t.record_attendance(test::hours(HourKind::kPvt, "2024-01-15", 1));  // Before the intake.
  test::attend(t, HourKind::kPvt, 11, "2024-01-27");  // During the intake (Bi 3.1.5).
  t.issue_first_plan(d("2024-03-01"), test::content());
  EXPECT_THROW(t.record_pvt_statement_signed(d("2024-03-05")), RuleViolation);
  t.record_attendance(test::hours(HourKind::kPvt, "2024-01-16", 1));  // First day of the intake.
  EXPECT_NO_THROW(t.record_pvt_statement_signed(d("2024-03-05")));
}

TEST(RouteRules, PvtStatementOnlyFromTheFirstPip) {
  Trajectory t = test::planning();
  test::attend(t, HourKind::kPvt, 12, "2024-01-30");
  try {
    t.record_pvt_statement_signed(d("2024-02-20"));  // Before the PIP (Bi 5.3.5).
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_THAT(e.what(), HasSubstr("recording the participation statement"));
  }
  t.issue_first_plan(d("2024-03-01"), test::content());
  try {
    t.record_pvt_statement_signed(d("2024-02-29"));  // Dated the day before the PIP.
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 5.3.5");
  }
  EXPECT_NO_THROW(t.record_pvt_statement_signed(d("2024-03-01")));
}

TEST(RouteSwitch, AllowedUntilEighteenMonthsAfterTheStart) {
  // Term starts 2024-03-02; the window's last day is 2025-09-01.
  EXPECT_EQ(route_switch_deadline(d("2024-03-02"), Policy{}), d("2025-09-01"));
  Trajectory t = test::on_route(Route::kB1);
  const PlanVersion& v = t.switch_route(d("2025-09-01"), test::content(Route::kZ), "trager");
  EXPECT_EQ(v.reason, PlanChangeReason::kRouteSwitch);
  EXPECT_EQ(v.content.route, Route::kZ);
}

TEST(RouteSwitch, RefusedTheDayAfterTheWindow) {
  Trajectory t = test::on_route(Route::kB1);
  try {
    t.switch_route(d("2025-09-02"), test::content(Route::kZ), "trager");
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 17.2; Bi 5.4");
    EXPECT_THAT(e.what(), HasSubstr("2025-09-01"));
  }
  EXPECT_EQ(t.record().plan_versions.size(), 1u);
}

TEST(RouteSwitch, EducationToB1IsAllowedAtAnyTime) {
  Trajectory t = test::on_route(Route::kEducation);
  EXPECT_NO_THROW(
      t.switch_route(d("2026-06-01"), test::content(Route::kB1), "taalschakel gestopt"));
  EXPECT_EQ(t.current_plan()->content.route, Route::kB1);
}

TEST(RouteSwitch, EducationToZIsBoundByTheWindow) {
  Trajectory t = test::on_route(Route::kEducation);
  EXPECT_THROW(t.switch_route(d("2026-06-01"), test::content(Route::kZ), "z"), RuleViolation);
}

TEST(RouteSwitch, ToTheSameRouteIsRefused) {
  Trajectory t = test::on_route(Route::kB1);
  EXPECT_THROW(t.switch_route(d("2024-06-01"), test::content(Route::kB1), "b1"), RuleViolation);
}

TEST(RouteSwitch, HoursAndPassedPartsCarryOver) {
  Trajectory t = test::on_route(Route::kB1);
  test::attend(t, HourKind::kLanguageCourse, 300, "2024-09-01");
  test::attend(t, HourKind::kKnmCourse, 40, "2024-09-01");
  t.record_exam_result(test::passed(ExamPart::kKnm, LanguageLevel::kA2, "2024-10-01"));
  t.switch_route(d("2024-11-01"), test::content(Route::kZ), "Z-route beter passend");
  const auto report = t.completion_report();
  const auto course = std::find_if(report.requirements.begin(), report.requirements.end(),
                                   [](const Requirement& r) { return r.code == "z.course_hours"; });
  ASSERT_NE(course, report.requirements.end());
  EXPECT_THAT(course->description, HasSubstr("340 attended"));
  EXPECT_EQ(t.record().exam_results.size(), 1u);
}

TEST(ScaleDown, NeedsSixHundredCourseHoursFromTheIntakeOn) {
  Trajectory t = test::planning();
  // The intake started on 2024-01-16: an hour the day before never counts (Bi 5.5.2, 5.3.5).
  t.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-01-15", 1));
  test::attend(t, HourKind::kLanguageCourse, 90, "2024-01-31");  // During the intake: counts.
  // Between the intake's completion (2024-02-01) and the PIP: neither intake nor PIP (Bi 5.3.5).
  t.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-02-15", 5));
  t.issue_first_plan(d("2024-03-01"), test::content());
  test::attend(t, HourKind::kLanguageCourse, 499, "2025-03-01");
  t.record_attendance(test::hours(HourKind::kLanguageBridging, "2024-06-01", 10));  // Bi 5.5.1.
  try {
    t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting}, "vastgelopen");
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 17.3; Bi 5.5.1-2");
    EXPECT_THAT(e.what(), HasSubstr("599 attended"));
  }
  test::attend(t, HourKind::kLanguageCourse, 1, "2025-03-02");
  const PlanVersion& v = t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting}, "vastgelopen");
  EXPECT_EQ(v.reason, PlanChangeReason::kScaleDownToA2);
  EXPECT_THAT(v.content.scaled_down_parts, ElementsAre(ExamPart::kWriting));
}

TEST(ScaleDown, KnmIsNeverScaledDown) {
  Trajectory t = test::on_route();
  test::attend(t, HourKind::kLanguageCourse, 600);
  try {
    t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kKnm}, "x");
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 17.3");
    EXPECT_THAT(e.what(), HasSubstr("knm cannot"));
  }
  EXPECT_THROW(t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting, ExamPart::kKnm}, "x"),
               RuleViolation);
  PlanContent content = test::content();
  content.scaled_down_parts = {ExamPart::kKnm};
  EXPECT_THROW(t.adjust_plan(d("2025-03-05"), content, "x"), RuleViolation);
  EXPECT_NO_THROW(t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting}, "x"));
}

TEST(ScaleDown, OtherHoursDoNotCount) {
  Trajectory t = test::on_route();
  test::attend(t, HourKind::kKnmCourse, 600);
  EXPECT_THROW(t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting}, "x"), RuleViolation);
}

TEST(ScaleDown, OnlyInTheB1RouteAndNotTwice) {
  Trajectory z = test::on_route(Route::kZ);
  test::attend(z, HourKind::kLanguageCourse, 600);
  EXPECT_THROW(z.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting}, "x"), RuleViolation);

  Trajectory t = test::on_route();
  test::attend(t, HourKind::kLanguageCourse, 600);
  EXPECT_THROW(t.scale_down_to_a2(d("2025-03-05"), {}, "x"), RuleViolation);
  t.scale_down_to_a2(d("2025-03-05"), {ExamPart::kWriting}, "x");
  EXPECT_THROW(t.scale_down_to_a2(d("2025-03-06"), {ExamPart::kWriting}, "x"), RuleViolation);
  EXPECT_NO_THROW(t.scale_down_to_a2(d("2025-03-06"), {ExamPart::kSpeaking}, "ook spreken"));
  EXPECT_EQ(t.current_plan()->content.scaled_down_parts.size(), 2u);
}

TEST(SubstantialEfforts, ConditionsOfBi44) {
  Trajectory t = test::on_route(Route::kB1, test::family_migrant());
  EXPECT_THAT(
      missing_codes(t.substantial_efforts_report()),
      ElementsAre("efforts.language_parts", "efforts.knm", "pvt", "map", "efforts.course_hours"));
  complete_components(t);
  // The PIP sets reading at B1: a pass at A2 does not count (Bi 4.4.2.a, c).
  t.record_exam_result(test::passed(ExamPart::kReading, LanguageLevel::kA2));
  t.record_exam_result(test::passed(ExamPart::kListening, LanguageLevel::kB1));
  t.record_exam_result(test::passed(ExamPart::kKnm, LanguageLevel::kA2));
  test::attend(t, HourKind::kLanguageCourse, 449, "2025-06-01");
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()),
              ElementsAre("efforts.language_parts", "efforts.course_hours"));
  t.record_exam_result(test::passed(ExamPart::kReading, LanguageLevel::kB1));
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()), ElementsAre("efforts.course_hours"));
  test::attend(t, HourKind::kLanguageCourse, 1, "2025-06-02");
  EXPECT_TRUE(t.substantial_efforts_report().all_met());
}

TEST(SubstantialEfforts, AnA2PassCountsForAPartThePipScaledDown) {
  Trajectory t = test::on_route(Route::kB1, test::family_migrant());
  complete_components(t);
  test::attend(t, HourKind::kLanguageCourse, 600, "2025-02-01");
  t.scale_down_to_a2(d("2025-03-01"), {ExamPart::kWriting}, "schrijven blijft op A2");
  t.record_exam_result(test::passed(ExamPart::kWriting, LanguageLevel::kA2));
  t.record_exam_result(test::passed(ExamPart::kKnm, LanguageLevel::kA2));
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()), ElementsAre("efforts.language_parts"));
  t.record_exam_result(test::passed(ExamPart::kSpeaking, LanguageLevel::kA2));  // Set at B1.
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()), ElementsAre("efforts.language_parts"));
  t.record_exam_result(test::passed(ExamPart::kSpeaking, LanguageLevel::kB1));
  EXPECT_TRUE(t.substantial_efforts_report().all_met());
}

TEST(SubstantialEfforts, OtherMigrantsNeed450HoursToo) {
  Participant other = test::family_migrant();
  other.target_group = TargetGroup::kOtherMigrant;
  Trajectory t = test::on_route(Route::kB1, other);
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()),
              ::testing::Contains(std::string("efforts.course_hours")));  // Bi 4.4.3.
  Trajectory asylum = test::on_route(Route::kB1);
  EXPECT_THAT(missing_codes(asylum.substantial_efforts_report()),
              ::testing::Not(::testing::Contains(std::string("efforts.course_hours"))));
}

TEST(SubstantialEfforts, CourseHoursBeforeThePipDoNotCount) {
  Trajectory t = test::planning(test::family_migrant());
  test::attend(t, HourKind::kLanguageCourse, 450, "2024-02-28");  // Bi 5.3.5.
  t.issue_first_plan(d("2024-03-01"), test::content());
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()),
              ::testing::Contains(std::string("efforts.course_hours")));
}

TEST(SubstantialEfforts, OnlyOnTheB1Route) {
  Trajectory t = test::on_route(Route::kZ);
  EXPECT_THAT(missing_codes(t.substantial_efforts_report()),
              ::testing::Contains(std::string("efforts.b1_route")));
}

TEST(RouteRules, NullFactsAreRefused) {
  RouteFacts facts;
  EXPECT_THROW(completion_requirements(facts, Policy{}), ValidationError);
  EXPECT_THROW(substantial_efforts_requirements(facts, Policy{}), ValidationError);
}

TEST(RouteRules, NoReportBeforeThePlan) {
  Trajectory t = test::planning();
  EXPECT_THROW(t.completion_report(), RuleViolation);
}

}  // namespace
}  // namespace inburgering
