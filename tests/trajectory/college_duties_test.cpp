// The college's own duties to a person of Wi 13.1 (social guidance, Wi 13; Bi 5.1; course
// offer, Wi 16.1), the residence procedure that keeps the obligation alive (Bi 2.1, first
// member) and the withdrawal of the diploma (Bi 3.10.3).

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using S = TrajectoryState;

std::optional<Signal> find(const std::vector<Signal>& signals, SignalKind kind) {
  auto it = std::find_if(signals.begin(), signals.end(),
                         [kind](const Signal& s) { return s.kind == kind; });
  if (it == signals.end()) return std::nullopt;
  return *it;
}

/// An asylum permit holder registered on 2024-01-15 (the BRP registration) without the
/// builders' start of the social guidance.
Trajectory unguided(Participant person = test::asylum_holder()) {
  return Trajectory::open(TrajectoryId(9), test::utrecht(), UserId("km"), std::move(person),
                          test::notified_obligation(), d("2024-01-15"));
}

/// On the B1-route since the first PIP of 2024-03-01, no course offered yet.
Trajectory on_route_without_offer(Route route = Route::kB1) {
  Trajectory t = test::planning();
  t.issue_first_plan(d("2024-03-01"), test::content(route));
  return t;
}

template <class F>
std::string rule_of(F&& act) {
  try {
    act();
  } catch (const RuleViolation& e) {
    return e.rule();
  }
  return "no RuleViolation";
}

template <class F>
std::string field_of(F&& act) {
  try {
    act();
  } catch (const ValidationError& e) {
    return e.field();
  }
  return "no ValidationError";
}

// ---- Social guidance (Wi 13; Bi 5.1) -----------------------------------------------------------

TEST(SocialGuidance, IsDueOnTheDayOfTheBrpRegistration) {
  Trajectory t = unguided();
  EXPECT_FALSE(find(t.signals(d("2024-01-14")), SignalKind::kSocialGuidanceDue));
  const auto due = find(t.signals(d("2024-01-15")), SignalKind::kSocialGuidanceDue);
  ASSERT_TRUE(due);
  EXPECT_EQ(due->due_on, d("2024-01-15"));
  EXPECT_FALSE(due->overdue);
  EXPECT_TRUE(find(t.signals(d("2024-01-16")), SignalKind::kSocialGuidanceDue)->overdue);
  EXPECT_NE(due->detail.find("Wi 13.3"), std::string::npos);

  t.start_social_guidance(d("2024-01-16"));
  EXPECT_FALSE(find(t.signals(d("2024-01-16")), SignalKind::kSocialGuidanceDue));
  EXPECT_EQ(t.record().social_guidance->started_on, d("2024-01-16"));
}

TEST(SocialGuidance, WaitsForTheRegistrationInTheHousingMunicipality) {
  Obligation obligation = test::notified_obligation();
  obligation.brp_registration_date.reset();
  Trajectory t = Trajectory::open(TrajectoryId(9), test::utrecht(), UserId("km"),
                                  test::asylum_holder(), obligation, d("2024-01-08"));
  EXPECT_FALSE(find(t.deadlines(d("2024-06-01")), SignalKind::kSocialGuidanceDue));
  t.record_brp_registration(d("2024-02-20"));
  EXPECT_EQ(find(t.deadlines(d("2024-02-01")), SignalKind::kSocialGuidanceDue)->due_on,
            d("2024-02-20"));
}

TEST(SocialGuidance, IsOwedOnlyToAPersonOfArticle13) {
  Trajectory t = unguided(test::family_migrant());
  EXPECT_FALSE(find(t.deadlines(d("2024-06-01")), SignalKind::kSocialGuidanceDue));
  EXPECT_EQ(rule_of([&] { t.start_social_guidance(d("2024-01-15")); }), "Wi 13.1");
  EXPECT_FALSE(t.record().social_guidance);
}

TEST(SocialGuidance, StartsOnceAndNotBeforeTheRegistration) {
  Trajectory t = unguided();
  EXPECT_EQ(field_of([&] { t.start_social_guidance(d("2024-01-14")); }),
            "social_guidance.started_on");
  t.start_social_guidance(d("2024-01-15"));
  EXPECT_EQ(rule_of([&] { t.start_social_guidance(d("2024-01-20")); }), "Wi 13.3");
  EXPECT_EQ(t.record().social_guidance->started_on, d("2024-01-15"));
}

TEST(SocialGuidance, RecordsEachComponentOfBi51Once) {
  Trajectory t = unguided();
  EXPECT_EQ(rule_of([&] {
              t.record_social_guidance_component(SocialGuidanceComponent::kInformation,
                                                 d("2024-01-20"));
            }),
            "Wi 13.3");
  t.start_social_guidance(d("2024-01-15"));
  EXPECT_EQ(t.record().social_guidance->missing_components().size(), 2u);
  EXPECT_EQ(field_of([&] {
              t.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp,
                                                 d("2024-01-14"));
            }),
            "social_guidance.components.practical_help");
  t.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp, d("2024-01-15"));
  EXPECT_EQ(rule_of([&] {
              t.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp,
                                                 d("2024-02-01"));
            }),
            "Bi 5.1");
  EXPECT_EQ(t.record().social_guidance->missing_components(),
            std::vector{SocialGuidanceComponent::kInformation});
  t.record_social_guidance_component(SocialGuidanceComponent::kInformation, d("2024-02-01"));
  EXPECT_TRUE(t.record().social_guidance->missing_components().empty());
  EXPECT_EQ(t.record().social_guidance->components.at(SocialGuidanceComponent::kPracticalHelp),
            d("2024-01-15"));
}

TEST(SocialGuidance, AfterAMoveIsDueOnlyIfItNeverBegan) {
  Trajectory source = unguided();
  source.transfer_out(test::amersfoort(), d("2024-02-01"));
  Trajectory moved = Trajectory::receive_transfer(source, TrajectoryId(10), test::amersfoort(),
                                                  UserId("km2"), d("2024-02-05"), Policy{});
  EXPECT_EQ(find(moved.deadlines(d("2024-03-01")), SignalKind::kSocialGuidanceDue)->due_on,
            d("2024-01-15"));
  Trajectory guided = test::registered();  // begun on 2024-01-15
  guided.transfer_out(test::amersfoort(), d("2024-02-01"));
  Trajectory moved_guided = Trajectory::receive_transfer(
      guided, TrajectoryId(11), test::amersfoort(), UserId("km2"), d("2024-02-05"), Policy{});
  EXPECT_FALSE(find(moved_guided.deadlines(d("2024-03-01")), SignalKind::kSocialGuidanceDue));
}

TEST(SocialGuidance, BeginsOnTheBrpRegistrationEvenBeforeTheTrajectory) {
  Obligation obligation = test::notified_obligation();
  obligation.brp_registration_date = d("2024-01-10");  // registered in the BRP before DUO's notice
  Trajectory t = Trajectory::open(TrajectoryId(9), test::utrecht(), UserId("km"),
                                  test::asylum_holder(), obligation, d("2024-01-15"));
  EXPECT_EQ(field_of([&] { t.start_social_guidance(d("2024-01-09")); }),
            "social_guidance.started_on");
  t.start_social_guidance(d("2024-01-10"));
  EXPECT_EQ(t.record().social_guidance->started_on, d("2024-01-10"));
}

TEST(SocialGuidance, ARecordOutsideItsRulesDoesNotLoad) {
  TrajectoryRecord r = test::registered().record();
  r.social_guidance->components[SocialGuidanceComponent::kInformation] = d("2024-01-14");
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }),
            "social_guidance.components.information");

  TrajectoryRecord family = test::registered(test::family_migrant()).record();
  family.social_guidance = SocialGuidance{.started_on = d("2024-01-15")};
  EXPECT_EQ(field_of([&] { Trajectory::from_record(family); }), "social_guidance");
}

// ---- Course offer (Wi 16.1) --------------------------------------------------------------------

TEST(CourseOffer, IsDueTheDayTheRouteBeginsToRun) {
  Trajectory t = on_route_without_offer();
  const auto due = find(t.signals(d("2024-03-01")), SignalKind::kCourseOfferDue);
  ASSERT_TRUE(due);
  EXPECT_EQ(due->due_on, d("2024-03-02"));
  EXPECT_FALSE(due->overdue);
  EXPECT_TRUE(find(t.signals(d("2024-03-03")), SignalKind::kCourseOfferDue)->overdue);
  t.record_course_offer(CourseOffer{d("2024-03-05"), Route::kB1, "Taalschool Utrecht"});
  EXPECT_FALSE(find(t.signals(d("2024-03-05")), SignalKind::kCourseOfferDue));
}

TEST(CourseOffer, RefusesAnOfferOutsideItsRules) {
  Trajectory planning = test::planning();
  EXPECT_EQ(rule_of([&] {
              planning.record_course_offer(CourseOffer{d("2024-02-10"), Route::kB1, "School"});
            }),
            "trajectory state machine");
  Trajectory t = on_route_without_offer();
  EXPECT_EQ(rule_of([&] {
              t.record_course_offer(CourseOffer{d("2024-03-05"), Route::kZ, "School"});
            }),
            "Wi 16.1");
  EXPECT_EQ(field_of([&] {
              t.record_course_offer(CourseOffer{d("2024-02-29"), Route::kB1, "School"});
            }),
            "course_offer.offered_on");
  EXPECT_EQ(field_of([&] {
              t.record_course_offer(CourseOffer{d("2024-03-01"), Route::kB1, ""});
            }),
            "course_offer.provider");
  EXPECT_TRUE(t.record().course_offers.empty());
  t.record_course_offer(CourseOffer{d("2024-03-01"), Route::kB1, "School"});  // the PIP's day
  EXPECT_EQ(t.record().course_offers.size(), 1u);

  Trajectory family = test::on_route(Route::kB1, test::family_migrant());
  EXPECT_FALSE(find(family.deadlines(d("2024-03-05")), SignalKind::kCourseOfferDue));
  EXPECT_EQ(rule_of([&] {
              family.record_course_offer(CourseOffer{d("2024-03-05"), Route::kB1, "School"});
            }),
            "Wi 16.1");
}

TEST(CourseOffer, IsDueAgainAfterARouteSwitch) {
  Trajectory t = test::on_route(Route::kB1);  // offered for the B1-route on 2024-03-01
  EXPECT_FALSE(find(t.deadlines(d("2024-06-01")), SignalKind::kCourseOfferDue));
  PlanContent z = test::content(Route::kZ);
  t.switch_route(d("2024-09-01"), z, "leerbaarheid lager dan gedacht");
  const auto due = find(t.deadlines(d("2024-09-01")), SignalKind::kCourseOfferDue);
  ASSERT_TRUE(due);
  EXPECT_EQ(due->due_on, d("2024-09-02"));
  t.record_course_offer(CourseOffer{d("2024-09-10"), Route::kZ, "Z-route aanbieder"});
  EXPECT_FALSE(find(t.deadlines(d("2024-09-10")), SignalKind::kCourseOfferDue));
}

TEST(CourseOffer, TheFormerCollegesOfferDoesNotCountAfterAMove) {
  Trajectory source = test::on_route(Route::kB1);
  source.transfer_out(test::amersfoort(), d("2024-05-01"));
  Trajectory moved = Trajectory::receive_transfer(source, TrajectoryId(10), test::amersfoort(),
                                                  UserId("km2"), d("2024-05-06"), Policy{});
  // Until the new PIP, the former college's offer for the route stands.
  EXPECT_FALSE(find(moved.deadlines(d("2024-05-06")), SignalKind::kCourseOfferDue));
  moved.issue_plan_after_move(d("2024-06-01"), test::content(Route::kB1), "verhuisd");
  EXPECT_EQ(find(moved.deadlines(d("2024-06-01")), SignalKind::kCourseOfferDue)->due_on,
            d("2024-06-02"));
  // An offer before the registration in the new municipality is the former college's.
  EXPECT_EQ(field_of([&] {
              moved.record_course_offer(
                  CourseOffer{d("2024-05-05"), Route::kB1, "Taalschool Amersfoort"});
            }),
            "course_offer.offered_on");
  moved.record_course_offer(CourseOffer{d("2024-05-06"), Route::kB1, "Taalschool Amersfoort"});
  EXPECT_FALSE(find(moved.deadlines(d("2024-06-01")), SignalKind::kCourseOfferDue));
}

TEST(CourseOffer, ARecordOutsideItsRulesDoesNotLoad) {
  TrajectoryRecord r = test::on_route(Route::kB1).record();
  r.course_offers[0].offered_on = d("2024-02-29");
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }), "course_offers[0].offered_on");
  r = test::on_route(Route::kB1).record();
  r.course_offers[0].provider.clear();
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }), "course_offers[0].provider");
  TrajectoryRecord family = test::on_route(Route::kB1, test::family_migrant()).record();
  family.course_offers.push_back(CourseOffer{d("2024-03-01"), Route::kB1, "School"});
  EXPECT_EQ(field_of([&] { Trajectory::from_record(family); }), "course_offers[0]");
}

// ---- Residence procedure (Bi 2.1, first member) ------------------------------------------------

TEST(ResidenceProcedure, KeepsTheObligationAliveWhileItRuns) {
  Trajectory t = test::on_route(Route::kB1);
  t.record_residence_procedure(ResidenceProcedureKind::kObjectionOrAppeal, d("2025-01-10"));
  EXPECT_EQ(rule_of([&] { t.end(d("2025-03-01"), EndReason::kPermitWithdrawn); }), "Bi 2.1");
  EXPECT_EQ(t.state(), S::kRoute);
  t.record_residence_decision(d("2025-04-01"), false);
  // The day before the decision the procedure still ran; from the decision on it does not.
  EXPECT_EQ(rule_of([&] { t.end(d("2025-03-31"), EndReason::kPermitWithdrawn); }), "Bi 2.1");
  t.end(d("2025-04-01"), EndReason::kPermitWithdrawn);
  EXPECT_EQ(t.state(), S::kEnded);
}

TEST(ResidenceProcedure, BindsOnlyTheEndForAWithdrawnPermit) {
  Trajectory t = test::on_route(Route::kB1);
  t.record_residence_procedure(ResidenceProcedureKind::kApplication, d("2025-01-10"));
  t.end(d("2025-02-01"), EndReason::kLeftCountry);
  EXPECT_EQ(t.state(), S::kEnded);
}

TEST(ResidenceProcedure, FollowOneAnother) {
  Trajectory t = test::on_route(Route::kB1);
  EXPECT_EQ(rule_of([&] { t.record_residence_decision(d("2025-01-10"), true); }), "Bi 2.1");
  EXPECT_EQ(field_of([&] {
              t.record_residence_procedure(ResidenceProcedureKind::kApplication, d("2024-01-14"));
            }),
            "obligation.residence_procedures.started_on");
  t.record_residence_procedure(ResidenceProcedureKind::kApplication, d("2025-01-10"));
  EXPECT_EQ(rule_of([&] {
              t.record_residence_procedure(ResidenceProcedureKind::kObjectionOrAppeal,
                                           d("2025-02-01"));
            }),
            "Bi 2.1");
  EXPECT_EQ(field_of([&] { t.record_residence_decision(d("2025-01-09"), false); }),
            "obligation.residence_procedures.decided_on");
  t.record_residence_decision(d("2025-03-01"), false);
  EXPECT_EQ(field_of([&] {
              t.record_residence_procedure(ResidenceProcedureKind::kObjectionOrAppeal,
                                           d("2025-02-28"));
            }),
            "obligation.residence_procedures.started_on");
  t.record_residence_procedure(ResidenceProcedureKind::kObjectionOrAppeal, d("2025-03-01"));
  t.record_residence_decision(d("2025-09-01"), true);
  const auto& procedures = t.record().obligation.residence_procedures;
  ASSERT_EQ(procedures.size(), 2u);
  EXPECT_FALSE(procedures[0].permit_granted);
  EXPECT_TRUE(procedures[1].permit_granted);
  EXPECT_EQ(procedures[1].kind, ResidenceProcedureKind::kObjectionOrAppeal);
  EXPECT_EQ(procedures[1].decided_on, d("2025-09-01"));
}

TEST(ResidenceProcedure, ARecordOutsideItsRulesDoesNotLoad) {
  Trajectory t = test::on_route(Route::kB1);
  t.record_residence_procedure(ResidenceProcedureKind::kApplication, d("2025-01-10"));
  TrajectoryRecord r = t.record();
  r.obligation.residence_procedures[0].permit_granted = true;  // not decided
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }),
            "obligation.residence_procedures[0].permit_granted");
  r = t.record();
  r.obligation.residence_procedures[0].decided_on = d("2025-01-09");
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }),
            "obligation.residence_procedures[0].decided_on");
  r = t.record();
  r.obligation.residence_procedures.push_back(
      ResidenceProcedure{ResidenceProcedureKind::kObjectionOrAppeal, d("2025-02-01")});
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }),
            "obligation.residence_procedures[1].started_on");
}

// ---- Diploma withdrawn (Bi 3.10.3) -------------------------------------------------------------

Trajectory completed_b1() { return test::completed(); }

TEST(DiplomaWithdrawn, ReopensTheTrajectoryWithTheResultsInvalid) {
  Trajectory t = completed_b1();
  t.record_diploma_withdrawn(d("2026-02-01"), {0, 3});
  EXPECT_EQ(t.state(), S::kRoute);
  EXPECT_FALSE(t.record().closure);
  ASSERT_EQ(t.record().withdrawn_diplomas.size(), 1u);
  EXPECT_EQ(t.record().withdrawn_diplomas[0].completed_on, d("2025-10-15"));
  EXPECT_EQ(t.record().withdrawn_diplomas[0].withdrawn_on, d("2026-02-01"));
  EXPECT_EQ(t.record().exam_results[0].invalidated_on, d("2026-02-01"));
  EXPECT_FALSE(t.record().exam_results[1].invalidated_on);
  EXPECT_EQ(t.record().exam_results[3].invalidated_on, d("2026-02-01"));
  EXPECT_EQ(t.completion_report().missing().size(), 2u);
  EXPECT_THROW(t.complete(d("2026-02-02")), RuleViolation);
  // The signals are back: the term runs until 2027-03-01.
  EXPECT_TRUE(find(t.deadlines(d("2026-02-01")), SignalKind::kTermEnding));

  t.record_exam_result(test::passed(ExamPart::kReading, LanguageLevel::kB1, "2026-05-01"));
  t.record_exam_result(test::passed(ExamPart::kSpeaking, LanguageLevel::kB1, "2026-05-02"));
  t.complete(d("2026-05-15"));
  EXPECT_EQ(t.state(), S::kCompleted);
  // The record with its history loads.
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
}

TEST(DiplomaWithdrawn, RefusesWhatTheArticleDoesNotCover) {
  Trajectory route = test::on_route(Route::kB1);
  EXPECT_EQ(rule_of([&] { route.record_diploma_withdrawn(d("2026-02-01"), {0}); }), "Bi 3.10.3");

  Trajectory t = completed_b1();
  EXPECT_EQ(field_of([&] { t.record_diploma_withdrawn(d("2025-10-14"), {0}); }),
            "withdrawn_diplomas.withdrawn_on");
  t.record_diploma_withdrawn(d("2025-10-15"), {0});  // on the day of the completion: allowed
  EXPECT_EQ(t.state(), S::kRoute);
  t = completed_b1();
  EXPECT_EQ(field_of([&] { t.record_diploma_withdrawn(d("2026-02-01"), {}); }),
            "exam_result.index");
  EXPECT_EQ(field_of([&] { t.record_diploma_withdrawn(d("2026-02-01"), {5}); }),
            "exam_result.index");
  EXPECT_EQ(t.state(), S::kCompleted);
  EXPECT_FALSE(t.record().exam_results[0].invalidated_on);  // nothing changed

  TrajectoryRecord failed = completed_b1().record();
  failed.exam_results.push_back(
      ExamResult{ExamPart::kWriting, LanguageLevel::kB1, d("2025-04-01"), false});
  Trajectory with_failed = Trajectory::from_record(failed);
  EXPECT_EQ(field_of([&] {
              with_failed.record_diploma_withdrawn(d("2026-02-01"), {0, 5});
            }),
            "exam_results[5]");
  EXPECT_FALSE(with_failed.record().exam_results[0].invalidated_on);  // all or nothing

  TrajectoryRecord invalid = completed_b1().record();
  invalid.exam_results[1].invalidated_on = d("2025-09-01");
  EXPECT_EQ(field_of([&] {
              Trajectory::from_record(invalid).record_diploma_withdrawn(d("2026-02-01"), {1});
            }),
            "exam_results[1]");

  TrajectoryRecord late = completed_b1().record();
  late.exam_results.push_back(test::passed(ExamPart::kWriting, LanguageLevel::kB1, "2025-11-01"));
  EXPECT_EQ(field_of([&] {
              Trajectory::from_record(late).record_diploma_withdrawn(d("2026-02-01"), {5});
            }),
            "exam_results[5].taken_on");

  Trajectory z = test::on_route(Route::kZ, test::family_migrant());
  test::attend(z, HourKind::kPvt, 12, "2024-05-01");
  z.record_pvt_statement_signed(d("2024-05-02"));
  test::attend(z, HourKind::kLanguageCourse, 800, "2026-12-01");
  test::attend(z, HourKind::kMap, 40, "2025-06-01");
  z.record_map_final_interview(d("2025-06-02"));
  z.record_z_route_final_interview(d("2027-01-10"));
  z.complete(d("2027-01-15"));
  EXPECT_EQ(rule_of([&] { z.record_diploma_withdrawn(d("2027-02-01"), {}); }), "Bi 3.10.3");
}

TEST(DiplomaWithdrawn, ARecordOutsideItsRulesDoesNotLoad) {
  Trajectory t = completed_b1();
  t.record_diploma_withdrawn(d("2026-02-01"), {0});
  TrajectoryRecord r = t.record();
  r.withdrawn_diplomas[0].withdrawn_on = d("2025-10-14");
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }), "withdrawn_diplomas[0].withdrawn_on");
  // A second completion follows the first withdrawal.
  r = t.record();
  r.withdrawn_diplomas.push_back(DiplomaWithdrawal{d("2026-01-01"), d("2026-03-01")});
  EXPECT_EQ(field_of([&] { Trajectory::from_record(r); }), "withdrawn_diplomas[1].completed_on");
  r.withdrawn_diplomas[1].completed_on = d("2026-02-01");  // the day of the first withdrawal
  EXPECT_NO_THROW(Trajectory::from_record(r));
  // Only after a PIP.
  TrajectoryRecord registered = test::registered().record();
  registered.withdrawn_diplomas.push_back(DiplomaWithdrawal{d("2025-01-01"), d("2025-02-01")});
  EXPECT_EQ(field_of([&] { Trajectory::from_record(registered); }), "withdrawn_diplomas[0]");
}

}  // namespace
}  // namespace inburgering
