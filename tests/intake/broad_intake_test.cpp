#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using ::testing::HasSubstr;

TEST(BroadIntake, RequiredTopicsFollowTheLaw) {
  EXPECT_TRUE(is_required(IntakeTopic::kEducationAndWork));         // Wi 14.3.b
  EXPECT_TRUE(is_required(IntakeTopic::kHealth));                   // Wi 14.3.c
  EXPECT_TRUE(is_required(IntakeTopic::kEarlyChildhoodEducation));  // Wi 14.3.d
  EXPECT_TRUE(is_required(IntakeTopic::kSelfReliance));             // Bi 5.2
  EXPECT_FALSE(is_required(IntakeTopic::kMotivation));
  EXPECT_FALSE(is_required(IntakeTopic::kFinances));
  EXPECT_TRUE(is_special_category(IntakeTopic::kHealth));
  EXPECT_FALSE(is_special_category(IntakeTopic::kPersonalCircumstances));
  EXPECT_EQ(all_intake_topics().size(), 10u);
}

TEST(BroadIntake, CannotCompleteWhileTopicsAreMissingAndNamesThem) {
  Trajectory t = test::registered();
  t.record_intake_topic(IntakeTopic::kEducationAndWork, test::noted("2024-01-20"));
  try {
    t.complete_intake(d("2024-01-30"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 14.3; Bi 5.2");
    const std::string what = e.what();
    EXPECT_THAT(what, HasSubstr("learnability_test"));
    EXPECT_THAT(what, HasSubstr("personal_circumstances"));
    EXPECT_THAT(what, HasSubstr("health"));
    EXPECT_THAT(what, HasSubstr("informed_may_attend_alone"));
    EXPECT_THAT(what, ::testing::Not(HasSubstr("education_and_work")));
    EXPECT_THAT(what, ::testing::Not(HasSubstr("early_childhood")));  // No children.
  }
  EXPECT_EQ(t.state(), TrajectoryState::kIntake);
  EXPECT_FALSE(t.record().intake.completed_on);
}

TEST(BroadIntake, VveIsRequiredOnlyWithYoungChildren) {
  Participant parent = test::asylum_holder();
  parent.has_young_children = true;
  Trajectory t = test::registered(parent);
  test::fill_intake(t);  // Records VVE too, because the person has young children.
  EXPECT_NO_THROW(t.complete_intake(d("2024-02-01")));

  BroadIntake intake;
  EXPECT_THAT(intake.missing_requirements(true),
              ::testing::Contains(std::string("early_childhood_education")));
  EXPECT_THAT(intake.missing_requirements(false),
              ::testing::Not(::testing::Contains(std::string("early_childhood_education"))));
}

TEST(BroadIntake, OnlyVveMayBeNotApplicable) {
  Trajectory t = test::registered();
  EXPECT_NO_THROW(t.record_intake_topic(IntakeTopic::kEarlyChildhoodEducation,
                                        TopicRecord{"", d("2024-01-20"), true}));
  try {
    t.record_intake_topic(IntakeTopic::kHealth, TopicRecord{"", d("2024-01-20"), true});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "intake.topics.health.not_applicable");
  }
}

TEST(BroadIntake, TopicsAreRecordedInWriting) {
  Trajectory t = test::registered();
  try {
    t.record_intake_topic(IntakeTopic::kPaidWorkOptions, TopicRecord{"", d("2024-01-20"), false});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "intake.topics.paid_work_options.notes");
    EXPECT_THAT(e.rule(), HasSubstr("Bi 5.2.3"));
  }
  EXPECT_EQ(t.state(), TrajectoryState::kRegistered);  // Nothing changed.
}

TEST(BroadIntake, TopicDatesFollowTheRegistration) {
  Trajectory t = test::registered();
  EXPECT_THROW(t.record_intake_topic(IntakeTopic::kHealth, test::noted("2024-01-01")),
               ValidationError);
}

TEST(LearnabilityTest, PassMarkIs28Of40) {
  EXPECT_TRUE((LearnabilityTest{d("2024-01-24"), 28, std::nullopt}).b1_route_feasible());
  EXPECT_FALSE((LearnabilityTest{d("2024-01-24"), 27, std::nullopt}).b1_route_feasible());
  const LearnabilityTest before_2023{d("2023-01-24"), 30, std::nullopt, 40, 31};
  EXPECT_FALSE(before_2023.b1_route_feasible());
}

TEST(LearnabilityTest, KeepsTheScaleOfThePolicyOfItsDay) {
  Policy before_2023;
  before_2023.learnability_pass_mark = 31;
  Trajectory t = test::registered(test::asylum_holder(), before_2023);
  t.record_learnability_test(LearnabilityTest{d("2024-01-24"), 30, std::nullopt});
  const LearnabilityTest& recorded = *t.record().intake.learnability_test;
  EXPECT_EQ(recorded.pass_mark, 31);
  EXPECT_EQ(recorded.max_score, 40);
  EXPECT_FALSE(recorded.b1_route_feasible());
  // A later change of the pass mark does not change what the test said.
  t.adopt_policy(Policy{});
  EXPECT_FALSE(t.record().intake.learnability_test->b1_route_feasible());
}

TEST(LearnabilityTest, RejectsScoresOutOfRangeAndMixedResults) {
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), 41, std::nullopt}).validate(), ValidationError);
  EXPECT_NO_THROW((LearnabilityTest{d("2024-01-24"), 40, std::nullopt}).validate());
  EXPECT_NO_THROW((LearnabilityTest{d("2024-01-24"), 0, std::nullopt}).validate());
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), -1, std::nullopt}).validate(), ValidationError);
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), std::nullopt, std::nullopt}).validate(),
               ValidationError);
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), 30, "visueel"}).validate(), ValidationError);
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), std::nullopt, ""}).validate(), ValidationError);
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), 20, std::nullopt, 40, 41}).validate(),
               ValidationError);
  EXPECT_THROW((LearnabilityTest{d("2024-01-24"), 0, std::nullopt, 0, 0}).validate(),
               ValidationError);
}

TEST(LearnabilityTest, AnOutOfRangeScoreIsNotRepeatedInTheError) {
  try {
    (LearnabilityTest{d("2024-01-24"), 37777, std::nullopt}).validate();
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()).find("37777"), std::string::npos) << e.what();
  }
}

TEST(LearnabilityTest, DispensationSatisfiesTheRequirement) {
  // Wi 14.6: visual or auditory impairment.
  LearnabilityTest dispensed{d("2024-01-24"), std::nullopt, "visuele beperking"};
  dispensed.dispensation_ground = LearnabilityDispensationGround::kVisualImpairment;
  EXPECT_NO_THROW(dispensed.validate());
  EXPECT_FALSE(dispensed.b1_route_feasible());
  Trajectory t = test::registered();
  EXPECT_NO_THROW(t.record_learnability_test(dispensed));
  EXPECT_EQ(t.record().intake.learnability_test, dispensed);
}

TEST(IntakeInvitations, RepeatInvitationsCarryAWrittenWarning) {
  Trajectory t = test::registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-23"));
  EXPECT_EQ(t.state(), TrajectoryState::kIntake);
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.invite_to_intake(d("2024-01-24"), d("2024-01-31"));
  const auto& invitations = t.record().intake.invitations;
  EXPECT_FALSE(invitations[0].written_warning);
  EXPECT_TRUE(invitations[1].written_warning);
}

TEST(IntakeInvitations, OneAtATime) {
  Trajectory t = test::registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-23"));
  EXPECT_THROW(t.invite_to_intake(d("2024-01-17"), d("2024-01-24")), RuleViolation);
  EXPECT_THROW(t.record_invitation_outcome(InvitationOutcome::kPending), ValidationError);
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  EXPECT_THROW(t.record_invitation_outcome(InvitationOutcome::kNoShow), RuleViolation);
  EXPECT_THROW(t.invite_to_intake(d("2024-01-20"), d("2024-01-19")), ValidationError);
}

TEST(IntakeInvitations, AfterThreeFailuresTheIntakeIsCompletedWithoutThePerson) {
  Trajectory t = test::registered();
  for (const char* sent : {"2024-01-16", "2024-01-24", "2024-02-01"}) {
    EXPECT_THROW(t.complete_intake_without_participant(d("2024-02-10")), RuleViolation);
    t.invite_to_intake(d(sent), d(sent) + boost::gregorian::days(7));
    t.record_invitation_outcome(InvitationOutcome::kNoShow);
  }
  try {
    t.invite_to_intake(d("2024-02-12"), d("2024-02-19"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 14.2");
  }
  const auto signals = t.signals(d("2024-02-12"));
  ASSERT_FALSE(signals.empty());
  EXPECT_EQ(signals.back().kind, SignalKind::kIntakeMayCompleteWithoutParticipant);

  t.complete_intake_without_participant(d("2024-02-12"));
  EXPECT_EQ(t.state(), TrajectoryState::kPlanning);
  EXPECT_TRUE(t.record().intake.completed_without_participant);
}

TEST(IntakeInvitations, AnAttendedInvitationResetsTheCount) {
  Trajectory t = test::registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-23"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.invite_to_intake(d("2024-01-24"), d("2024-01-31"));
  t.record_invitation_outcome(InvitationOutcome::kInsufficientCooperation);
  t.invite_to_intake(d("2024-02-01"), d("2024-02-08"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  EXPECT_EQ(t.record().intake.failed_invitations_in_a_row(), 0);
  try {
    t.complete_intake_without_participant(d("2024-02-10"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_THAT(e.what(), HasSubstr("0 so far"));
  }
}

TEST(BroadIntake, CannotBeChangedAfterCompletion) {
  Trajectory t = test::planning();
  EXPECT_THROW(t.record_intake_topic(IntakeTopic::kHealth, test::noted("2024-02-02")),
               RuleViolation);
  EXPECT_THROW(t.invite_to_intake(d("2024-02-02"), d("2024-02-09")), RuleViolation);
  EXPECT_THROW(t.complete_intake(d("2024-02-02")), RuleViolation);
}

}  // namespace
}  // namespace inburgering

namespace inburgering {
namespace {

// Wi 14.6: the test is dispensed only for a visual or an auditory impairment.
TEST(LearnabilityTest, ADispensationNamesTheGroundOfWi146) {
  const auto field_of = [](LearnabilityTest test) -> std::string {
    Trajectory t = test::registered();
    try {
      t.record_learnability_test(test);
      return "recorded";
    } catch (const ValidationError& e) {
      EXPECT_FALSE(t.record().intake.learnability_test);
      return e.field();
    }
  };
  LearnabilityTest dispensed{test::d("2024-01-24"), std::nullopt, "kan de toets niet zien"};
  EXPECT_EQ(field_of(dispensed), "learnability_test.dispensation_ground");
  dispensed.dispensation_ground = LearnabilityDispensationGround::kVisualImpairment;
  EXPECT_EQ(field_of(dispensed), "recorded");
  dispensed.dispensation_ground = LearnabilityDispensationGround::kAuditoryImpairment;
  EXPECT_EQ(field_of(dispensed), "recorded");
  LearnabilityTest scored{test::d("2024-01-24"), 30, std::nullopt};
  scored.dispensation_ground = LearnabilityDispensationGround::kVisualImpairment;
  EXPECT_EQ(field_of(scored), "learnability_test.dispensation_ground");
  EXPECT_EQ(to_string(LearnabilityDispensationGround::kAuditoryImpairment), "auditory_impairment");
  EXPECT_EQ(from_string<LearnabilityDispensationGround>("visual_impairment"),
            LearnabilityDispensationGround::kVisualImpairment);
  // A dispensation recorded before 0.6 without a ground still loads.
  Trajectory t = test::registered();
  dispensed.dispensation_ground = LearnabilityDispensationGround::kVisualImpairment;
  t.record_learnability_test(dispensed);
  TrajectoryRecord record = t.record();
  record.intake.learnability_test->dispensation_ground.reset();
  EXPECT_NO_THROW(Trajectory::from_record(record));
}

}  // namespace
}  // namespace inburgering
