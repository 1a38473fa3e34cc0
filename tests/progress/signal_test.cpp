#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/trajectory/trajectory.hpp>

#include <algorithm>
#include <optional>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

std::vector<SignalKind> kinds(const std::vector<Signal>& signals) {
  std::vector<SignalKind> out;
  for (const auto& s : signals) out.push_back(s.kind);
  return out;
}

// By value: the signals are a temporary in most calls.
std::optional<Signal> find(const std::vector<Signal>& signals, SignalKind kind) {
  auto it = std::find_if(signals.begin(), signals.end(),
                         [kind](const Signal& s) { return s.kind == kind; });
  if (it == signals.end()) return std::nullopt;
  return *it;
}

TEST(Signals, PipDueAppearsFourWeeksBeforeTheDeadline) {
  Trajectory t = test::registered();  // Deadline 2024-03-25.
  EXPECT_TRUE(t.signals(d("2024-02-25")).empty());
  const auto signals = t.signals(d("2024-02-26"));
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0].kind, SignalKind::kPipDue);
  EXPECT_EQ(signals[0].due_on, d("2024-03-25"));
  EXPECT_FALSE(signals[0].overdue);
  EXPECT_FALSE(t.signals(d("2024-03-25"))[0].overdue);
  EXPECT_TRUE(t.signals(d("2024-03-26"))[0].overdue);
}

TEST(Signals, VolunteersHaveNoPipDeadline) {
  Participant volunteer = test::family_migrant();
  volunteer.target_group = TargetGroup::kVoluntary;
  Trajectory t = test::registered(volunteer);
  EXPECT_FALSE(t.pip_deadline());
  EXPECT_TRUE(t.signals(d("2024-06-01")).empty());
}

TEST(Signals, InterviewDueWithinTheLeadTimeAndOverdueAfter) {
  Trajectory t = test::on_route();
  const Date first = t.record().interviews[0].scheduled_on;
  EXPECT_EQ(find(t.signals(first - boost::gregorian::days(15)), SignalKind::kInterviewDue),
            std::nullopt);
  const std::optional<Signal> due =
      find(t.signals(first - boost::gregorian::days(14)), SignalKind::kInterviewDue);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->due_on, first);
  EXPECT_FALSE(due->overdue);
  const std::optional<Signal> late =
      find(t.signals(first + boost::gregorian::days(1)), SignalKind::kInterviewDue);
  ASSERT_TRUE(late.has_value());
  EXPECT_TRUE(late->overdue);
  t.record_progress_interview(first, ProgressAssessment::kOnTrack, "ok");
  EXPECT_EQ(find(t.signals(first + boost::gregorian::days(1)), SignalKind::kInterviewDue),
            std::nullopt);
}

TEST(Signals, NoHoursAfterFourWeeks) {
  Trajectory t = test::on_route();  // PIP 2024-03-01.
  EXPECT_EQ(find(t.signals(d("2024-03-28")), SignalKind::kNoHoursReported), std::nullopt);
  const std::optional<Signal> s = find(t.signals(d("2024-03-29")), SignalKind::kNoHoursReported);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->due_on, d("2024-03-29"));
  t.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-03-20", 3));
  EXPECT_EQ(find(t.signals(d("2024-04-16")), SignalKind::kNoHoursReported), std::nullopt);
  EXPECT_NE(find(t.signals(d("2024-04-17")), SignalKind::kNoHoursReported), std::nullopt);
}

TEST(Signals, SocialGuidanceAndSchoolLessonsDoNotResetTheNoHoursSignal) {
  Trajectory t = test::on_route(Route::kZ);  // PIP 2024-03-01.
  t.record_attendance(test::hours(HourKind::kSocialGuidance, "2024-03-20", 3));
  t.record_attendance(test::hours(HourKind::kSchoolLanguage, "2024-03-21", 3));
  const std::optional<Signal> s = find(t.signals(d("2024-03-29")), SignalKind::kNoHoursReported);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->due_on, d("2024-03-29"));  // still four weeks from the PIP
  t.record_attendance(test::hours(HourKind::kParticipation, "2024-03-20", 3));
  EXPECT_EQ(find(t.signals(d("2024-03-29")), SignalKind::kNoHoursReported), std::nullopt);
}

TEST(Signals, NoHoursWeeksAreConfigurable) {
  Policy policy;
  policy.no_hours_signal_weeks = 2;
  Trajectory t = test::on_route(Route::kB1, test::asylum_holder(), policy);
  EXPECT_NE(find(t.signals(d("2024-03-15")), SignalKind::kNoHoursReported), std::nullopt);
}

TEST(Signals, TermEndingWhenTheExtensionWindowOpens) {
  Trajectory t = test::on_route();  // Term ends 2027-03-01; window opens 2026-09-02.
  EXPECT_EQ(find(t.signals(d("2026-09-01")), SignalKind::kTermEnding), std::nullopt);
  const std::optional<Signal> s = find(t.signals(d("2026-09-02")), SignalKind::kTermEnding);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->due_on, d("2027-03-01"));
  t.record_extension(Extension{ExtensionGround::kSubstantialEfforts, d("2026-10-01"), 6});
  EXPECT_EQ(find(t.signals(d("2026-10-01")), SignalKind::kTermEnding), std::nullopt);
  EXPECT_EQ(t.term_end(d("2026-10-01")), d("2027-09-01"));
}

TEST(Signals, RouteSwitchWindowClosing) {
  Trajectory t = test::on_route(Route::kB1);  // Window ends 2025-09-01; signal from 2025-06-02.
  EXPECT_EQ(find(t.signals(d("2025-06-01")), SignalKind::kRouteSwitchWindowClosing), std::nullopt);
  const std::optional<Signal> s =
      find(t.signals(d("2025-06-02")), SignalKind::kRouteSwitchWindowClosing);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->due_on, d("2025-09-01"));
  EXPECT_EQ(find(t.signals(d("2025-09-02")), SignalKind::kRouteSwitchWindowClosing), std::nullopt);
  Trajectory education = test::on_route(Route::kEducation);
  EXPECT_EQ(find(education.signals(d("2025-07-01")), SignalKind::kRouteSwitchWindowClosing),
            std::nullopt);
}

TEST(Signals, UnburdeningEnding) {
  Trajectory t = test::on_route();
  t.start_unburdening(
      d("2024-02-01"), {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(650)}},
      true, test::not_paid_besides_rent());  // Ends 2024-07-31; signal from 2024-06-19.
  EXPECT_EQ(find(t.signals(d("2024-06-18")), SignalKind::kUnburdeningEnding), std::nullopt);
  const std::optional<Signal> s = find(t.signals(d("2024-06-19")), SignalKind::kUnburdeningEnding);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->due_on, d("2024-07-31"));
  EXPECT_EQ(find(t.signals(d("2024-08-01")), SignalKind::kUnburdeningEnding), std::nullopt);
}

TEST(Signals, AreOrderedByDueDateAndEmptyWhenFinal) {
  Trajectory t = test::on_route();
  const auto signals = t.signals(d("2026-12-01"));
  EXPECT_GE(signals.size(), 3u);
  EXPECT_TRUE(std::is_sorted(signals.begin(), signals.end(),
                             [](const Signal& a, const Signal& b) { return a.due_on < b.due_on; }));
  EXPECT_THAT(kinds(signals), ::testing::Contains(SignalKind::kTermEnding));
  t.end(d("2026-12-01"), EndReason::kLeftCountry);
  EXPECT_TRUE(t.signals(d("2026-12-02")).empty());
}

TEST(Signals, DetailsHoldNoPersonalData) {
  Trajectory t = test::on_route();
  for (const auto& s : t.signals(d("2026-12-01"))) {
    EXPECT_EQ(s.detail.find(test::kBsn1), std::string::npos);
    EXPECT_EQ(s.detail.find("Haddad"), std::string::npos);
  }
  EXPECT_EQ(to_string(SignalKind::kNoHoursReported), "no_hours_reported");
}

}  // namespace
}  // namespace inburgering
