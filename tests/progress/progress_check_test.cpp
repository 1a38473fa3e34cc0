#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

TEST(SpreadInterviews, SpacesEvenlyBeforeTheEnd) {
  const auto dates = spread_interviews(d("2024-01-01"), d("2024-01-31"), 2);
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0], d("2024-01-11"));
  EXPECT_EQ(dates[1], d("2024-01-21"));
  EXPECT_TRUE(spread_interviews(d("2024-01-01"), d("2024-01-31"), 0).empty());
}

TEST(SpreadInterviews, RejectsBadInput) {
  EXPECT_THROW(spread_interviews(d("2024-01-01"), d("2024-01-31"), -1), ValidationError);
  EXPECT_THROW(spread_interviews(d("2024-01-31"), d("2024-01-31"), 1), ValidationError);
}

TEST(ProgressInterviews, AreScheduledFromThePip) {
  Trajectory t = test::on_route();  // Six interviews, PIP 2024-03-01, term ends 2027-03-01.
  const auto& interviews = t.record().interviews;
  ASSERT_EQ(interviews.size(), 6u);
  EXPECT_EQ(interviews.front().plan_version, 1);
  EXPECT_GT(interviews.front().scheduled_on, d("2024-03-01"));
  EXPECT_LT(interviews.back().scheduled_on, d("2027-03-01"));
  EXPECT_TRUE(
      std::is_sorted(interviews.begin(), interviews.end(),
                     [](const auto& a, const auto& b) { return a.scheduled_on < b.scheduled_on; }));
}

TEST(ProgressInterviews, RecordingFillsTheEarliestPendingOne) {
  Trajectory t = test::on_route();
  const Date first = t.record().interviews[0].scheduled_on;
  t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kBehind, "meer uren nodig");
  const auto& interview = t.record().interviews[0];
  EXPECT_EQ(interview.scheduled_on, first);
  EXPECT_EQ(interview.held_on, d("2024-08-01"));
  EXPECT_EQ(interview.assessment, ProgressAssessment::kBehind);
  EXPECT_EQ(interview.notes, "meer uren nodig");
}

TEST(ProgressInterviews, ExtraInterviewsAfterTheScheduleIsUsedUp) {
  PlanContent c = test::content();
  c.progress_interview_count = 1;
  Trajectory t = test::planning();
  t.issue_first_plan(d("2024-03-01"), c);
  t.record_progress_interview(d("2024-05-01"), ProgressAssessment::kOnTrack, "goed");
  t.record_progress_interview(d("2024-07-01"), ProgressAssessment::kAhead, "sneller");
  ASSERT_EQ(t.record().interviews.size(), 2u);
  EXPECT_EQ(t.record().interviews[1].plan_version, 0);
}

TEST(ProgressInterviews, ANewVersionReschedulesWhatIsStillToCome) {
  Trajectory t = test::on_route();
  t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kBehind, "achter");
  PlanContent c = test::content();
  c.progress_interview_count = 4;
  t.adjust_plan(d("2024-09-01"), c, "minder gesprekken");
  const auto& interviews = t.record().interviews;
  ASSERT_EQ(interviews.size(), 4u);  // One held + three remaining.
  EXPECT_TRUE(interviews[0].held());
  for (std::size_t i = 1; i < interviews.size(); ++i) {
    EXPECT_EQ(interviews[i].plan_version, 2);
    EXPECT_GT(interviews[i].scheduled_on, d("2024-09-01"));
  }
}

TEST(ProgressInterviews, NotBeforeThePip) {
  Trajectory t = test::planning();
  EXPECT_THROW(t.record_progress_interview(d("2024-02-10"), ProgressAssessment::kOnTrack, "x"),
               RuleViolation);
  Trajectory r = test::on_route();
  EXPECT_THROW(r.record_progress_interview(d("2024-02-10"), ProgressAssessment::kOnTrack, "x"),
               ValidationError);
}

TEST(Attendance, IsValidated) {
  Trajectory t = test::on_route();
  EXPECT_THROW(
      t.record_attendance(AttendanceEntry{d("2024-04-01"), HourKind::kLanguageCourse, 0, "school"}),
      ValidationError);
  EXPECT_THROW(t.record_attendance(
                   AttendanceEntry{d("2024-04-01"), HourKind::kLanguageCourse, 1441, "school"}),
               ValidationError);
  try {
    t.record_attendance(AttendanceEntry{d("2024-04-01"), HourKind::kLanguageCourse, 60, ""});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "attendance.reported_by");
  }
  EXPECT_TRUE(t.record().attendance.empty());
}

TEST(Attendance, MinutesAreSummedPerKindAndFromADate) {
  std::vector<AttendanceEntry> entries = {test::hours(HourKind::kLanguageCourse, "2024-01-01", 2),
                                          test::hours(HourKind::kLanguageCourse, "2024-03-01", 3),
                                          test::hours(HourKind::kKnmCourse, "2024-03-01", 4)};
  EXPECT_EQ(minutes_attended(entries, {HourKind::kLanguageCourse}), 300);
  EXPECT_EQ(minutes_attended(entries, {HourKind::kLanguageCourse}, d("2024-02-01")), 180);
  EXPECT_EQ(minutes_attended(entries, {HourKind::kLanguageCourse, HourKind::kKnmCourse}), 540);
}

}  // namespace
}  // namespace inburgering
