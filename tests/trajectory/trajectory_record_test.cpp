// The record is the storage contract: everything a trajectory knows is in it, and
// from_record() refuses any record that breaks an invariant, naming the field.
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

Trajectory rich() {
  Trajectory t = test::on_route(Route::kB1);
  t.record_attendance(test::hours(HourKind::kLanguageCourse, "2024-04-01", 3));
  t.record_exam_result(test::passed(ExamPart::kKnm, LanguageLevel::kA2));
  t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kOnTrack, "goed");
  t.start_unburdening(d("2024-02-01"),
                      {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(600)}},
                      true, test::not_paid_besides_rent());
  t.impose_cooperation_fine(
      CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kOrdinary});
  t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-10-01"), 3});
  return t;
}

void expect_refused(TrajectoryRecord record, const char* field) {
  try {
    Trajectory::from_record(std::move(record));
    ADD_FAILURE() << "accepted a record with a bad " << field;
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), field);
  }
}

TEST(TrajectoryRecord, RoundTripsThroughFromRecord) {
  const Trajectory original = rich();
  const Trajectory restored = Trajectory::from_record(original.record());
  EXPECT_EQ(restored.record(), original.record());
  EXPECT_EQ(restored.signals(d("2026-12-01")), original.signals(d("2026-12-01")));
}

TEST(TrajectoryRecord, EveryStateRoundTrips) {
  Trajectory ended = test::on_route();
  ended.end(d("2025-01-01"), EndReason::kDeceased);
  for (const Trajectory& t : {test::registered(), test::planning(), test::on_route(), ended}) {
    EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
  }
}

TEST(TrajectoryRecord, RefusesATermThatDoesNotFollowTheFirstPlan) {
  TrajectoryRecord r = rich().record();
  r.term->start = d("2024-03-05");
  expect_refused(r, "term.start");
  TrajectoryRecord no_term = rich().record();
  no_term.term.reset();
  expect_refused(no_term, "term");
}

TEST(TrajectoryRecord, RefusesBadVersionNumbering) {
  TrajectoryRecord r = rich().record();
  r.plan_versions[0].number = 2;
  expect_refused(r, "plan_versions[0].number");
  TrajectoryRecord second = rich().record();
  PlanVersion v = second.plan_versions[0];
  v.number = 2;
  second.plan_versions.push_back(v);  // A second "initial" version.
  expect_refused(second, "plan_versions[1].reason");
}

TEST(TrajectoryRecord, RefusesStateInconsistencies) {
  TrajectoryRecord closed = rich().record();
  closed.state = TrajectoryState::kCompleted;
  expect_refused(closed, "closure");
  TrajectoryRecord planning = test::planning().record();
  planning.intake.completed_on.reset();
  expect_refused(planning, "intake.completed_on");
  TrajectoryRecord registered = test::registered().record();
  registered.state = TrajectoryState::kRoute;
  expect_refused(registered, "plan_versions");
  TrajectoryRecord route = rich().record();
  route.state = TrajectoryState::kPlanning;
  expect_refused(route, "plan_versions");
}

TEST(TrajectoryRecord, RefusesInvalidParts) {
  TrajectoryRecord r = rich().record();
  r.attendance[0].minutes = 0;
  expect_refused(r, "attendance.minutes");
  TrajectoryRecord fine = rich().record();
  fine.municipal_fines[0].amount = Money::euros(1000);
  expect_refused(fine, "municipal_fines[0].amount");
  TrajectoryRecord unburdening = rich().record();
  unburdening.unburdening->months = 2;
  expect_refused(unburdening, "unburdening.months");
  TrajectoryRecord id = rich().record();
  id.id = TrajectoryId(-1);
  expect_refused(id, "trajectory.id");
  TrajectoryRecord interview = rich().record();
  interview.interviews[0].assessment.reset();
  expect_refused(interview, "interviews[0].assessment");
  TrajectoryRecord invitation = test::planning().record();
  invitation.intake.invitations.push_back(invitation.intake.invitations[0]);
  invitation.intake.invitations[0].outcome = InvitationOutcome::kPending;
  expect_refused(invitation, "intake.invitations[0].outcome");
}

TEST(TrajectoryRecord, FailedOperationsLeaveTheRecordUnchanged) {
  Trajectory t = rich();
  const TrajectoryRecord before = t.record();
  EXPECT_THROW(t.adjust_plan(d("2024-01-01"), test::content(), "te vroeg"), ValidationError);
  EXPECT_THROW(t.switch_route(d("2026-01-01"), test::content(Route::kZ), "te laat"), RuleViolation);
  EXPECT_THROW(t.record_pvt_statement_signed(d("2024-05-01")), RuleViolation);
  EXPECT_THROW(t.complete(d("2026-01-01")), RuleViolation);
  EXPECT_THROW(t.extend_unburdening(UnburdeningExtension{d("2024-05-01"), 0, "x"}),
               ValidationError);
  PlanContent bad = test::content();
  bad.pvt_hours = 3;
  EXPECT_THROW(t.adjust_plan(d("2024-09-01"), bad, "x"), ValidationError);
  EXPECT_EQ(t.record(), before);
}

}  // namespace
}  // namespace inburgering
