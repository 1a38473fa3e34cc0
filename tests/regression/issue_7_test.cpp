// Issue 7 (legal corrections): each rule a reading of the law text found wrong or missing, as
// tests on both sides of its boundary. The article is named in each test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include <inburgering/state_pension_age.hpp>

#include "storage/record_codec.hpp"
#include "storage/sql_rows.hpp"
#include "support/old_schema.hpp"
#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using ::testing::HasSubstr;

Trajectory opened(Participant person, std::optional<Date> brp) {
  Obligation obligation = notified_obligation();  // DUO's notice of 2024-01-08.
  obligation.brp_registration_date = brp;
  return Trajectory::open(TrajectoryId(1), utrecht(), UserId("km"), std::move(person), obligation,
                          d("2024-01-08"));
}

// ---- 10. The BRP alternative of Bi 5.3.1 is only for those housed under Hw 28 ---------------

TEST(Issue7PipDeadline, FamilyMigrantsCountFromTheNoticeWhateverTheirRegistration) {
  // 10 weeks after DUO's notice of 2024-01-08, with or without a (later) BRP registration.
  EXPECT_EQ(opened(family_migrant(), std::nullopt).pip_deadline(), d("2024-03-18"));
  EXPECT_EQ(opened(family_migrant(), d("2024-02-20")).pip_deadline(), d("2024-03-18"));
  Participant other = family_migrant();
  other.target_group = TargetGroup::kOtherMigrant;
  EXPECT_EQ(opened(other, std::nullopt).pip_deadline(), d("2024-03-18"));
}

TEST(Issue7PipDeadline, AsylumPermitHoldersCountFromALaterRegistrationInTheHousingMunicipality) {
  EXPECT_FALSE(opened(asylum_holder(), std::nullopt).pip_deadline());  // Not known yet.
  EXPECT_EQ(opened(asylum_holder(), d("2024-01-08")).pip_deadline(), d("2024-03-18"));
  EXPECT_EQ(opened(asylum_holder(), d("2024-01-09")).pip_deadline(), d("2024-03-19"));
  EXPECT_TRUE(housed_under_huisvestingswet(TargetGroup::kAsylumPermitHolder));
  EXPECT_FALSE(housed_under_huisvestingswet(TargetGroup::kFamilyMigrant));
}

// ---- 11. Third-party information moves the deadline only if awaited before it passed -------

TEST(Issue7PipDeadline, ThirdPartyRequestOnTheDeadlineMovesItOneDayLaterIsRefused) {
  Trajectory t = registered();  // Deadline 2024-03-25 (BRP 2024-01-15 + 10 weeks).
  Trajectory on_the_day = t;
  on_the_day.record_third_party_info_requested(d("2024-03-25"));
  EXPECT_FALSE(on_the_day.pip_deadline());
  on_the_day.record_third_party_info_received(d("2024-04-02"));
  EXPECT_EQ(on_the_day.pip_deadline(), d("2024-04-16"));
  try {
    t.record_third_party_info_requested(d("2024-03-26"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 5.3.2");
    EXPECT_THAT(e.what(), HasSubstr("2024-03-25"));
  }
  EXPECT_EQ(t.pip_deadline(), d("2024-03-25"));
}

TEST(Issue7PipDeadline, AStoredLateRequestMovesNothing) {
  // A record from before the fix may hold a request made after the deadline: it is ignored.
  TrajectoryRecord record = planning().record();
  record.obligation.third_party_info_requested_on = d("2024-03-26");
  record.obligation.third_party_info_received_on = d("2024-04-10");
  Trajectory t = Trajectory::from_record(record);
  EXPECT_EQ(t.pip_deadline(), d("2024-03-25"));
  EXPECT_TRUE(t.is_late(t.issue_first_plan(d("2024-03-26"), content())));
}

// ---- 12. After a move each version keeps its deadline; Bi 5.3.2 is not for Bi 5.3.3 --------

TEST(Issue7PipDeadline, AMoveKeepsTheFirstVersionsVerdictAndHasNoThirdPartyDeviation) {
  Trajectory old = planning();
  old.record_third_party_info_requested(d("2024-02-01"));
  old.record_third_party_info_received(d("2024-03-30"));  // First PIP due 2024-04-13.
  const PlanVersion first = old.issue_first_plan(d("2024-04-14"), content());
  EXPECT_TRUE(old.is_late(first));
  old.transfer_out(amersfoort(), d("2024-06-01"));
  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(2), amersfoort(), UserId("km"),
                                                d("2024-06-03"), Policy{});
  EXPECT_TRUE(now.is_late(now.record().plan_versions.front()));
  EXPECT_EQ(now.record().obligation.brp_registration_date, d("2024-01-15"));
  EXPECT_EQ(now.pip_deadline(), d("2024-08-12"));  // Registration + 10 weeks, no deviation.
  Trajectory late = now;
  EXPECT_FALSE(now.is_late(now.issue_plan_after_move(d("2024-08-12"), content(), "verhuisd")));
  EXPECT_TRUE(late.is_late(late.issue_plan_after_move(d("2024-08-13"), content(), "verhuisd")));
}

// ---- 1-2. Extension requests and DUO's decisions (Wi 12; Bi 4.4.1, 4.5) ---------------------

// on_route(): PIP of 2024-03-01, term 2024-03-02 .. 2027-03-01; the window opens 2026-09-02.
ExtensionRequest request_on(const char* iso,
                            ExtensionGround ground = ExtensionGround::kSubstantialEfforts) {
  return ExtensionRequest{d(iso), ground, ExtensionRequester::kParticipant, std::nullopt, false};
}

TEST(Issue7Extensions, ARequestBeforeTheWindowIsRefusedNamingTheDayItOpens) {
  Trajectory t = on_route();
  EXPECT_EQ(t.record().term->extension_window_opens(d("2026-09-01"), {}), d("2026-09-02"));
  try {
    t.record_extension_request(request_on("2026-09-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 4.5.1");
    EXPECT_THAT(e.what(), HasSubstr("from 2026-09-02"));
  }
  EXPECT_TRUE(t.record().term->extension_requests.empty());
  t.record_extension_request(request_on("2026-09-02"));
  EXPECT_EQ(t.record().term->extension_requests.size(), 1u);
  EXPECT_THROW(t.record_extension_request(request_on("2026-09-03")), RuleViolation);  // Pending.
  // Only grounds a and b of Wi 12.1 are asked for.
  Trajectory other = on_route();
  EXPECT_THROW(
      other.record_extension_request(request_on("2026-10-01", ExtensionGround::kOwnInitiative)),
      ValidationError);
}

TEST(Issue7Extensions, APendingRequestIsSignalledAfterEightWeeks) {
  Trajectory t = on_route();
  t.record_extension_request(request_on("2026-10-01"));
  const auto overdue = [&](const char* today) {
    const auto signals = t.signals(d(today));
    return std::any_of(signals.begin(), signals.end(), [](const Signal& s) {
      return s.kind == SignalKind::kExtensionDecisionOverdue;
    });
  };
  EXPECT_FALSE(overdue("2026-11-26"));  // The 8 weeks end on 2026-11-26 (Bi 4.5.1).
  EXPECT_TRUE(overdue("2026-11-27"));
  t.record_extension_decision(d("2026-11-27"), false);
  EXPECT_FALSE(overdue("2026-12-01"));
  EXPECT_TRUE(t.record().term->extensions.empty());
  EXPECT_EQ(t.record().term->extension_requests[0].decided_on, d("2026-11-27"));
  EXPECT_FALSE(t.record().term->extension_requests[0].granted);
}

TEST(Issue7Extensions, SubstantialEffortsGiveExactlySixMonths) {
  Trajectory t = on_route();
  t.record_extension_request(request_on("2026-10-01"));
  try {
    t.record_extension_decision(d("2026-11-01"), true, 3);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 4.4.1");
  }
  EXPECT_THROW(t.record_extension_decision(d("2026-11-01"), true, 7), RuleViolation);
  EXPECT_THROW(t.record_extension_decision(d("2026-09-30"), true, 6), ValidationError);
  EXPECT_FALSE(t.record().term->extension_requests[0].decided_on);  // Nothing changed.
  const auto extension = t.record_extension_decision(d("2026-11-01"), true, 6);
  ASSERT_TRUE(extension);
  EXPECT_EQ(extension->months, 6);
  EXPECT_EQ(t.term_end(d("2026-11-01")), d("2027-09-01"));
  EXPECT_THROW(t.record_extension_decision(d("2026-11-02"), true, 6), RuleViolation);  // None.
  // The same rule for a decision the college only hears of.
  Trajectory heard = on_route();
  EXPECT_THROW(
      heard.record_extension(Extension{ExtensionGround::kSubstantialEfforts, d("2026-11-01"), 3}),
      RuleViolation);
}

TEST(Issue7Extensions, ADecisionWithoutARequestFollowsTheWindowUnlessCategorical) {
  Trajectory t = on_route();
  try {
    t.record_extension(Extension{ExtensionGround::kOwnInitiative, d("2026-09-01"), 4});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 4.5");
    EXPECT_THAT(e.what(), HasSubstr("not before 2026-09-02"));
  }
  EXPECT_THROW(t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-09-01"), 4}),
               RuleViolation);
  EXPECT_NO_THROW(t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-09-02"), 4}));
  // Bi 4.5.3: for all or a category, at any time.
  EXPECT_NO_THROW(t.record_extension(Extension{ExtensionGround::kCategorical, d("2025-01-01"), 3}));
  EXPECT_EQ(t.record().term->extensions.size(), 2u);
}

// ---- Interruptions (Bi 2.1.2, 4.2): at most one calendar year, counted in full -------------

TEST(Issue7Interruptions, AtMostOneCalendarYear) {
  Trajectory t = on_route();  // Term 2024-03-02 .. 2027-03-01.
  Trajectory year = t;
  // 2024-03-10 .. 2025-03-09 is exactly one year (365 days): the term runs 365 days longer.
  year.record_interruption(Interruption{d("2024-03-10"), d("2025-03-09"), "buitenland"});
  EXPECT_EQ(year.term_end(d("2025-06-01")), d("2028-02-29"));
  try {
    t.record_interruption(Interruption{d("2024-03-10"), d("2025-03-10"), "buitenland"});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 2.1.2");
    EXPECT_THAT(e.what(), HasSubstr("until 2025-03-09"));
  }
  EXPECT_TRUE(t.record().term->interruptions.empty());
  t.record_interruption(Interruption{d("2025-06-01"), std::nullopt, "geen BRP-inschrijving"});
  EXPECT_THROW(t.end_interruption(d("2026-06-01")), RuleViolation);
  EXPECT_FALSE(t.record().term->interruptions.back().until);
  t.end_interruption(d("2026-05-31"));  // One year: 365 days.
  EXPECT_EQ(t.term_end(d("2026-06-01")), d("2028-02-29"));
  t.end(d("2026-06-02"), EndReason::kObligationLapsed);  // What a longer one would have meant.
  EXPECT_EQ(t.state(), TrajectoryState::kEnded);
}

TEST(Issue7Interruptions, AYearWithALeapDayAddsThreeHundredSixtySixDays) {
  IntegrationTerm term = IntegrationTerm::starting_after(d("2023-06-01"), Policy{});
  EXPECT_EQ(term.end_date(d("2023-06-02"), {}), d("2026-06-01"));
  term.interruptions.push_back(Interruption{d("2023-06-10"), d("2024-06-09"), "buitenland"});
  EXPECT_EQ(term.end_date(d("2024-07-01"), {}),
            d("2027-06-02"));  // 366 days: one year with 29 Feb.
}

// ---- 13. Route-switch exceptions (Bi 5.4.2-3) -----------------------------------------------

// on_route(): term from 2024-03-02; the window of 18 months ends on 2025-09-01.
TEST(Issue7RouteSwitch, AfterANonExemptingCourseThatEndedAfterTheWindow) {
  Trajectory t = on_route(Route::kB1);
  const RouteSwitchGround too_early{RouteSwitchException::kAfterNonExemptingCourse,
                                    d("2025-09-01")};
  try {
    t.switch_route(d("2025-10-01"), content(Route::kZ), "entreeopleiding", too_early);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 5.4.2");
  }
  const RouteSwitchGround ended{RouteSwitchException::kAfterNonExemptingCourse, d("2025-09-02")};
  EXPECT_THROW(t.switch_route(d("2025-09-01"), content(Route::kZ), "x", ended), RuleViolation);
  EXPECT_THROW(t.switch_route(d("2025-10-01"), content(Route::kZ), "x",
                              {RouteSwitchException::kAfterNonExemptingCourse, std::nullopt}),
               ValidationError);
  // Without the exception the switch is refused; with it, allowed and kept on the version.
  EXPECT_THROW(t.switch_route(d("2025-10-01"), content(Route::kZ), "x"), RuleViolation);
  const PlanVersion v =
      t.switch_route(d("2025-09-02"), content(Route::kZ), "entreeopleiding", ended);
  EXPECT_EQ(v.switch_exception, RouteSwitchException::kAfterNonExemptingCourse);
  EXPECT_EQ(t.current_plan()->course_ended_on, d("2025-09-02"));
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
}

TEST(Issue7RouteSwitch, ASpecialCaseIsAllowedAnyTimeAndRecorded) {
  Trajectory t = on_route(Route::kB1);
  const PlanVersion v =
      t.switch_route(d("2026-06-01"), content(Route::kZ), "ernstige ziekte in het eerste jaar",
                     {RouteSwitchException::kSpecialCase, std::nullopt});
  EXPECT_EQ(v.switch_exception, RouteSwitchException::kSpecialCase);
  EXPECT_THROW(t.switch_route(d("2026-07-01"), content(Route::kZ), "x",
                              {RouteSwitchException::kSpecialCase, std::nullopt}),
               RuleViolation);  // Already the Z-route.
  TrajectoryRecord bad = t.record();
  bad.plan_versions.front().switch_exception = RouteSwitchException::kSpecialCase;
  EXPECT_THROW(Trajectory::from_record(bad), ValidationError);  // Only on a switch.
}

// ---- Review follow-ups: the other side of each boundary -----------------------------------

TEST(Issue7Boundaries, TheFirstIntakeFineFollowsTheRepeatedInvitationsTerm) {
  Trajectory t = registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-18"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.invite_to_intake(d("2024-01-19"), d("2024-01-26"));  // With the written warning.
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  const IntakeFineDecision on_the_last_day{.imposed_on = d("2024-01-26"),
                                           .new_term_until = d("2024-03-25")};
  EXPECT_THROW(t.impose_intake_fine(on_the_last_day), RuleViolation);  // Term not passed yet.
  EXPECT_NO_THROW(t.impose_intake_fine(
      IntakeFineDecision{.imposed_on = d("2024-01-27"), .new_term_until = d("2024-03-26")}));
}

TEST(Issue7Boundaries, AGroundAExtensionKeepsTheLengthDuoDecided) {
  Trajectory t = on_route();
  t.record_extension_request(request_on("2026-10-01", ExtensionGround::kNotCulpable));
  const auto extension = t.record_extension_decision(d("2026-11-15"), true, 4);
  ASSERT_TRUE(extension);
  EXPECT_EQ(extension->ground, ExtensionGround::kNotCulpable);
  EXPECT_EQ(t.term_end(d("2026-11-15")), d("2027-07-01"));
  EXPECT_EQ(t.record().term->extension_requests[0].requested_by, ExtensionRequester::kParticipant);
}

TEST(Issue7Boundaries, AFineMayBecomeIrrevocableOnTheDayOfTheObjection) {
  Trajectory t = on_route();
  t.impose_cooperation_fine(
      CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent});
  t.record_fine_contested(0, d("2024-06-10"));
  EXPECT_NO_THROW(t.record_fine_irrevocable(0, d("2024-06-10")));
  // A decision without a stated culpability is refused, not defaulted.
  EXPECT_THROW(t.impose_cooperation_fine(CooperationFineDecision{d("2024-07-01"), d("2024-07-01")}),
               ValidationError);
}

TEST(Issue7Boundaries, OtherMigrantsAt449And450Hours) {
  Participant other = family_migrant();
  other.target_group = TargetGroup::kOtherMigrant;
  Trajectory t = on_route(Route::kB1, other);
  const auto has_hours_missing = [&] {
    const auto missing = t.substantial_efforts_report().missing();
    return std::any_of(missing.begin(), missing.end(),
                       [](const Requirement& r) { return r.code == "efforts.course_hours"; });
  };
  attend(t, HourKind::kKnmCourse, 449, "2025-06-01");
  EXPECT_TRUE(has_hours_missing());
  t.record_attendance(hours(HourKind::kLanguageCourse, "2025-06-02", 1));
  EXPECT_FALSE(has_hours_missing());
}

TEST(Issue7Boundaries, ScaledDownPartsEnterOnlyThroughScalingDown) {
  PlanContent scaled = content();
  scaled.scaled_down_parts = {ExamPart::kWriting};
  Trajectory first = planning();
  try {
    first.issue_first_plan(d("2024-03-01"), scaled);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 17.3");
  }
  EXPECT_TRUE(first.record().plan_versions.empty());
  // Z-route → B1-route within the window: no parts scaled down by the switch.
  Trajectory z = on_route(Route::kZ);
  EXPECT_THROW(z.switch_route(d("2024-06-01"), scaled, "terug naar B1"), RuleViolation);
  EXPECT_NO_THROW(z.switch_route(d("2024-06-01"), content(), "terug naar B1"));
  // After a move: the same parts, no more and no fewer.
  Trajectory old = on_route();
  attend(old, HourKind::kLanguageCourse, 600, "2025-02-01");
  old.scale_down_to_a2(d("2025-03-01"), {ExamPart::kWriting}, "schrijven op A2");
  old.transfer_out(amersfoort(), d("2025-04-01"));
  Trajectory now = Trajectory::receive_transfer(old, TrajectoryId(2), amersfoort(), UserId("km"),
                                                d("2025-04-02"), Policy{});
  EXPECT_THROW(now.issue_plan_after_move(d("2025-05-01"), content(), "verhuisd"), RuleViolation);
  PlanContent more = scaled;
  more.scaled_down_parts.insert(ExamPart::kSpeaking);
  EXPECT_THROW(now.issue_plan_after_move(d("2025-05-01"), more, "verhuisd"), RuleViolation);
  EXPECT_NO_THROW(now.issue_plan_after_move(d("2025-05-01"), scaled, "verhuisd"));
}

TEST(Issue7Boundaries, ASpecialCaseIsNotNeededWithinTheWindow) {
  Trajectory t = on_route(Route::kB1);  // Window until 2025-09-01.
  try {
    t.switch_route(d("2025-09-01"), content(Route::kZ), "x",
                   {RouteSwitchException::kSpecialCase, std::nullopt});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 5.4.3");
  }
  EXPECT_NO_THROW(t.switch_route(d("2025-09-02"), content(Route::kZ), "x",
                                 {RouteSwitchException::kSpecialCase, std::nullopt}));
}

TEST(Issue7Boundaries, AStoredPolicyAboveTheActsMaximaLoadsButIsNotUsedForFines) {
  TrajectoryRecord record = on_route().record();
  record.policy.intake_fine = Money::euros(300);
  record.policy.intake_fine_max_count = 3;
  Trajectory t = Trajectory::from_record(record);  // 0.2 accepted it: it still loads.
  try {
    t.impose_cooperation_fine(
        CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "policy.intake_fine");
  }
  EXPECT_THROW(t.adopt_policy(record.policy), ValidationError);
  EXPECT_THROW(Trajectory::open(TrajectoryId(2), utrecht(), UserId("km"), asylum_holder(),
                                notified_obligation(), d("2024-01-15"), record.policy),
               ValidationError);
  t.adopt_policy(Policy{});
  EXPECT_NO_THROW(t.impose_cooperation_fine(
      CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent}));
  Policy slow;
  slow.extension_decision_weeks = 521;
  EXPECT_THROW(slow.validate_stored(), ValidationError);
  slow.extension_decision_weeks = 520;
  EXPECT_NO_THROW(slow.validate_stored());
}

TEST(Issue7Boundaries, AWi41ExemptionIsWhole) {
  Trajectory t = planning();
  EXPECT_THROW(t.record_exemption(Exemption{
                   ExemptionGround::kFollowingDesignatedCourse, d("2024-02-10"), {ExamPart::kKnm}}),
               RuleViolation);
  t.record_exemption(
      Exemption{ExemptionGround::kExamPartsShown, d("2024-02-10"), {ExamPart::kKnm}});
  EXPECT_EQ(t.state(), TrajectoryState::kPlanning);
  t.record_exemption(Exemption{ExemptionGround::kFollowingDesignatedCourse, d("2024-02-11"), {}});
  EXPECT_EQ(t.state(), TrajectoryState::kExempted);
}

// Wi 8.3: the MAP does not apply to whoever follows or has completed the bridging course.
TEST(Issue7Map, NotAfterTheBridgingCourseEvenOnTheB1Route) {
  const auto needs_map = [](const Trajectory& t) {
    const auto missing = t.completion_report().missing();
    return std::any_of(missing.begin(), missing.end(),
                       [](const Requirement& r) { return r.code == "map"; });
  };
  Trajectory completed = on_route(Route::kEducation);
  EXPECT_FALSE(needs_map(completed));
  completed.record_bridging_course_completed(d("2025-06-01"));
  completed.switch_route(d("2025-07-01"), content(Route::kB1), "toch het examen");
  EXPECT_FALSE(needs_map(completed));
  Trajectory stopped = on_route(Route::kEducation);
  stopped.switch_route(d("2025-07-01"), content(Route::kB1), "taalschakeltraject gestopt");
  EXPECT_TRUE(needs_map(stopped));
}

// ---- Read further: Wi 4-5, Bi 2.8, Pw 56a ---------------------------------------------------

TEST(Issue7Obligation, ASpecialCircumstancesDispensationIsWhole) {
  Trajectory t = planning();
  try {
    t.record_dispensation(Dispensation{DispensationGround::kSpecialCircumstances,
                                       d("2024-02-08"),
                                       {ExamPart::kSpeaking},
                                       "advies college"});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 5.2; Bi 2.8.1");
  }
  EXPECT_TRUE(t.record().obligation.dispensations.empty());
  t.record_dispensation(Dispensation{
      DispensationGround::kSpecialCircumstances, d("2024-02-08"), {}, "advies college"});
  EXPECT_EQ(t.state(), TrajectoryState::kDispensed);
  EXPECT_EQ(from_string<ExemptionGround>("following_designated_course"),
            ExemptionGround::kFollowingDesignatedCourse);  // Wi 4.1.d
}

TEST(Issue7Unburdening, GasWaterAndElectricityAreSeparateItems) {
  const auto start = [](std::vector<FixedCostItem> items) {
    Trajectory t = registered();
    items.push_back(FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(600)});
    items.push_back(FixedCostItem{FixedCostKind::kWater, "Waterbedrijf", Money::euros(20)});
    items.push_back(
        FixedCostItem{FixedCostKind::kHealthInsurance, "Zorgverzekeraar", Money::euros(140)});
    t.start_unburdening(d("2024-02-01"), std::move(items), true);
    return t;
  };
  const FixedCostItem gas{FixedCostKind::kGas, "Gasbedrijf", Money::euros(60)};
  const FixedCostItem power{FixedCostKind::kElectricity, "Stroombedrijf", Money::euros(50)};
  const FixedCostItem energy{FixedCostKind::kEnergy, "Energiebedrijf", Money::euros(110)};
  EXPECT_NO_THROW(start({gas, power}));  // Pw 56a.2: "gas, water en stroom"
  EXPECT_NO_THROW(start({energy}));
  EXPECT_THROW(start({energy, gas}), ValidationError);
  EXPECT_THROW(start({energy, power}), ValidationError);
}

// ---- Stored records of format 2 (library 0.2) still load --------------------------------------

TEST(Issue7Format, ARecordOfFormat2LacksTheNewFieldsAndLoads) {
  using nlohmann::json;
  Trajectory t = on_route();
  json row = json::parse(storage::detail::encode_record(t.record(), true, 3));
  row["format"] = 2;
  row["term"].erase("extension_requests");
  row["plan_versions"][0].erase("switch_exception");
  row["policy"].erase("extension_decision_weeks");
  row["policy"].erase("intake_fine_new_term_months");
  const TrajectoryRecord r = storage::detail::decode_record(row.dump(), "trajectory 1");
  EXPECT_EQ(r, t.record());
  // Format 3 may not lack any of them; nor may format 2 lack a field of format 2. (Format 4 may
  // lack a number: it leaves out zeros; an enumeration it always writes.)
  const json current = json::parse(storage::detail::encode_record(t.record(), true, 3));
  json lacking_enum = json::parse(storage::detail::encode_record(t.record()));
  lacking_enum["plan_versions"][0].erase("switch_exception");
  EXPECT_THROW(storage::detail::decode_record(lacking_enum.dump(), "trajectory 1"), StorageError);
  for (const auto& pointer :
       {"/plan_versions/0/switch_exception", "/policy/extension_decision_weeks",
        "/policy/intake_fine_new_term_months"}) {
    json lacking = current;
    const json::json_pointer field(pointer);
    lacking[field.parent_pointer()].erase(field.back());
    EXPECT_THROW(storage::detail::decode_record(lacking.dump(), "trajectory 1"), StorageError)
        << pointer;
  }
  json older = json::parse(storage::detail::encode_record(t.record(), true, 3));
  older["format"] = 2;
  older["plan_versions"][0].erase("norms");
  EXPECT_THROW(storage::detail::decode_record(older.dump(), "trajectory 1"), StorageError);
}

TEST(Issue7Format, APolicyStoredBy02StillDecodes) {
  // 0.2 stored `state_pension_age_months` (now the AOW table) and lacked the new numbers.
  using nlohmann::json;
  json policy = json::parse(storage::detail::encode_policy(Policy{}));
  policy["state_pension_age_months"] = 804;
  policy.erase("extension_decision_weeks");
  policy.erase("intake_fine_new_term_months");
  EXPECT_EQ(storage::detail::decode_policy(policy.dump(), "policy 1"), Policy{});
  policy.erase("term_months");  // A field 0.2 had is still required.
  EXPECT_THROW(storage::detail::decode_policy(policy.dump(), "policy 1"), StorageError);
}

TEST(Issue7Format, AStoreLoadsARowOfFormat2AndRewritesItOnSave) {
  TempDir dir;
  const std::string path = dir.file("format2.db");
  auto clock = std::make_shared<FixedClock>(d("2024-06-01"));
  {
    auto store = storage::SqliteStore::open(path, {.clock = clock});
    Trajectory t = on_route();
    store->create(caseworker(), t);
  }
  {
    // The row as 0.2 wrote it: every field (format 3's shape) less those format 3 added.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    SQLite::Statement update(
        raw,
        "UPDATE trajectory SET record = json_remove(json_set(?1, '$.format', "
        "2), '$.term.extension_requests', '$.plan_versions[0].switch_exception')");
    update.bind(1, storage::detail::encode_record(on_route().record(), false, 3));
    update.exec();
  }
  auto store = storage::SqliteStore::open(path, {.clock = clock});
  Trajectory loaded = store->load(caseworker(), TrajectoryId(7));
  EXPECT_EQ(loaded.current_plan()->switch_exception, RouteSwitchException::kNone);
  loaded.record_attendance(hours(HourKind::kLanguageCourse, "2024-05-30", 2));
  store->save(caseworker(), loaded);
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("SELECT json_extract(record, '$.format') FROM trajectory").getInt(),
            storage::detail::kRecordFormat);
}

// A record and a policy exactly as library 0.2 (commit 76468e0) wrote them: the rich test
// trajectory (fines, extension, interruption, dispensation, scaled-down part) under a
// non-default policy. They load, and keep what they held.
std::string fixture(const char* name) {
  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Issue7Format, ARecordWrittenBy02Loads) {
  const TrajectoryRecord record =
      storage::detail::decode_record(fixture("record_format_2_rich.json"), "trajectory 7");
  const Trajectory t = Trajectory::from_record(record);
  EXPECT_EQ(t.policy().min_progress_interviews, 2);
  ASSERT_EQ(t.record().municipal_fines.size(), 2u);
  EXPECT_FALSE(t.record().municipal_fines[0].new_term_until);  // 0.2 did not record it.
  EXPECT_FALSE(t.record().municipal_fines[1].irrevocable_on);
  EXPECT_EQ(t.record().term->extensions.size(), 1u);
  EXPECT_TRUE(t.record().term->extension_requests.empty());
  EXPECT_EQ(t.record().term->max_interruption_days, 365);  // The number it kept.
  // Written again, it is format 3 and reads back the same.
  const std::string again = storage::detail::encode_record(t.record());
  EXPECT_EQ(storage::detail::record_format(again, "trajectory 7"), storage::detail::kRecordFormat);
  EXPECT_EQ(storage::detail::decode_record(again, "trajectory 7"), t.record());
  const Policy policy = storage::detail::decode_policy(fixture("policy_format_2.json"), "policy 1");
  EXPECT_EQ(policy, t.policy());
}

// Review: the worklist stored by 0.2 followed the old deadline rules; migration 4 recomputes it.
TEST(Issue7Format, MigrationFourRecomputesTheStoredDeadlines) {
  TempDir dir;
  const std::string path = dir.file("deadlines.db");
  auto clock = std::make_shared<FixedClock>(d("2024-01-20"));
  {
    auto store = storage::SqliteStore::open(path, {.clock = clock});
    Trajectory t = opened(family_migrant(), d("2024-02-20"));
    store->create(caseworker(), t);
  }
  const auto due = [&] {
    SQLite::Database raw(path);
    return raw.execAndGet("SELECT due_on FROM trajectory_signal WHERE kind = 'pip_due'")
        .getString();
  };
  EXPECT_EQ(due(), "2024-03-18");  // 10 weeks after DUO's notice.
  {
    // What 0.2 stored: 10 weeks after the later registration; and schema version 3 (without
    // what schema 5 added).
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE trajectory_signal SET due_on = '2024-04-30' WHERE kind = 'pip_due'");
    back_to_schema_4(raw, 3);
  }
  EXPECT_EQ(due(), "2024-04-30");
  auto store = storage::SqliteStore::open(path, {.clock = clock});
  EXPECT_EQ(store->schema_version(), storage::SqliteStore::latest_schema_version());
  EXPECT_EQ(due(), "2024-03-18");
}

// ---- Bi 3.1.5, 3.2.3: PVT hours of the broad intake are deducted from the norm in the PIP -----

TEST(Issue7PlanHours, ThePipPlansOnlyThePvtHoursTheIntakeLeft) {
  // planning(): the intake runs from the invitation of 2024-01-16 to its completion, 2024-02-01.
  Trajectory t = planning();
  t.record_attendance(hours(HourKind::kPvt, "2024-01-20", 8));
  t.record_attendance(AttendanceEntry{d("2024-01-21"), HourKind::kPvt, 30, "Taalschool Utrecht"});
  t.record_attendance(hours(HourKind::kPvt, "2024-02-02", 5));  // after the intake: not deducted
  // 12 - 8.5 = 3.5 hours left: the PIP plans at least 4.
  PlanContent three = content();
  three.pvt_hours = 3;
  try {
    Trajectory copy = t;
    copy.issue_first_plan(d("2024-03-01"), three);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "plan.pvt_hours");
    EXPECT_THAT(e.rule(), HasSubstr("at least 4 hours"));
  }
  PlanContent four = content();
  four.pvt_hours = 4;
  t.issue_first_plan(d("2024-03-01"), four);
  EXPECT_EQ(t.current_plan()->norms.pvt_min_hours, 4);
  // The stored version is judged by the norms it kept.
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
  // Without intake hours the full 12 hours are planned.
  Trajectory none = planning();
  PlanContent eleven = content();
  eleven.pvt_hours = 11;
  EXPECT_THROW(none.issue_first_plan(d("2024-03-01"), eleven), ValidationError);
}

TEST(Issue7PlanHours, OnlyTheDaysOfTheIntakeCountForThePvtAndTheMap) {
  Policy policy;
  policy.map_min_hours = 20;
  // The intake runs from 2024-01-16 to 2024-02-01, both days included.
  Trajectory t = planning(asylum_holder(), 32, policy);
  t.record_attendance(hours(HourKind::kPvt, "2024-01-15", 5));  // the day before: not deducted
  t.record_attendance(hours(HourKind::kPvt, "2024-01-16", 2));  // the first day
  t.record_attendance(hours(HourKind::kPvt, "2024-02-01", 3));  // the last day
  t.record_attendance(hours(HourKind::kMap, "2024-01-15", 5));
  t.record_attendance(hours(HourKind::kMap, "2024-01-16", 4));
  t.record_attendance(hours(HourKind::kMap, "2024-02-01", 6));
  t.record_attendance(hours(HourKind::kMap, "2024-02-02", 5));  // the day after: not deducted
  t.record_attendance(hours(HourKind::kLanguageCourse, "2024-01-20", 9));  // another kind
  EXPECT_EQ(t.plan_norms().pvt_min_hours, 7);                              // 12 - 5
  EXPECT_EQ(t.plan_norms().map_min_hours, 10);                             // 20 - 10
  PlanContent plan = content();
  plan.pvt_hours = 7;
  plan.map_hours = 9;
  try {
    Trajectory copy = t;
    copy.issue_first_plan(d("2024-03-01"), plan);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "plan.map_hours");
    EXPECT_THAT(e.rule(), HasSubstr("at least 10 hours"));
  }
  plan.map_hours = 10;
  t.issue_first_plan(d("2024-03-01"), plan);
  EXPECT_EQ(t.current_plan()->norms.map_min_hours, 10);
  // Hours after the PIP count for completion, not for the norms a later version plans.
  t.record_attendance(hours(HourKind::kMap, "2024-03-04", 8));
  t.record_attendance(hours(HourKind::kPvt, "2024-03-04", 8));
  EXPECT_EQ(t.plan_norms().pvt_min_hours, 7);
  EXPECT_EQ(t.plan_norms().map_min_hours, 10);
}

TEST(Issue7PlanHours, WithoutACompletionTheIntakeEndsTheDayBeforeTheFirstPip) {
  std::vector<AttendanceEntry> attendance = {hours(HourKind::kPvt, "2024-01-16", 2),
                                             hours(HourKind::kPvt, "2024-02-29", 3),
                                             hours(HourKind::kPvt, "2024-03-01", 4)};
  RouteFacts facts;
  facts.attendance = &attendance;
  facts.intake_started_on = d("2024-01-16");
  EXPECT_EQ(minutes_in_intake(facts, {HourKind::kPvt}), 9 * 60);  // no PIP yet: no end
  facts.first_plan_issued_on = d("2024-03-01");
  EXPECT_EQ(minutes_in_intake(facts, {HourKind::kPvt}), 5 * 60);
  EXPECT_EQ(minutes_with_intake(facts, {HourKind::kPvt}), 9 * 60);  // the PIP's day counts there
  facts.intake_completed_on = d("2024-01-16");
  EXPECT_EQ(minutes_in_intake(facts, {HourKind::kPvt}), 2 * 60);
  facts.intake_started_on.reset();
  EXPECT_EQ(minutes_in_intake(facts, {HourKind::kPvt}), 0);
  facts.attendance = nullptr;
  EXPECT_THROW(minutes_in_intake(facts, {HourKind::kPvt}), ValidationError);
}

TEST(Issue7Dispensation, DuoMayDispenseOnItsOwnInitiativeWithoutTheCollegesAdvice) {
  Trajectory t = on_route();
  const TrajectoryRecord before = t.record();
  EXPECT_THROW(t.record_dispensation(Dispensation{
                   DispensationGround::kSpecialCircumstances, d("2024-04-01"), {}, "", false}),
               ValidationError);  // on application: the advice is required (Bi 2.8.2)
  EXPECT_EQ(t.record(), before);
  t.record_dispensation(
      Dispensation{DispensationGround::kSpecialCircumstances, d("2024-04-01"), {}, "", true});
  EXPECT_EQ(t.state(), TrajectoryState::kDispensed);  // Bi 2.8.4
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
}

TEST(Issue7Dispensation, AMedicalDispensationMayLiftTheZRoutesParticipationPart) {
  Trajectory t = on_route(Route::kZ);  // an asylum permit holder
  const auto participation_met = [](const Trajectory& trajectory) {
    for (const auto& r : trajectory.completion_report().requirements) {
      if (r.code == "z.participation_hours") return r.met;
    }
    ADD_FAILURE() << "no z.participation_hours";
    return false;
  };
  EXPECT_FALSE(participation_met(t));
  EXPECT_THROW(
      t.record_dispensation(Dispensation{
          DispensationGround::kSpecialCircumstances, d("2024-04-01"), {}, "advies", false, true}),
      RuleViolation);  // only medical, and special circumstances lift all (Wi 5.2)
  Dispensation medical{DispensationGround::kMedical, d("2024-04-01"), {}, "", false, true};
  EXPECT_FALSE(medical.is_whole());
  t.record_dispensation(medical);
  EXPECT_EQ(t.state(), TrajectoryState::kRoute);  // partial: the trajectory goes on
  EXPECT_TRUE(participation_met(t));              // Bi 2.7.3.c
  // The PVT and the MAP stay due.
  bool pvt_open = false;
  for (const auto& r : t.completion_report().missing()) pvt_open = pvt_open || r.code == "pvt";
  EXPECT_TRUE(pvt_open);
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
  Dispensation wrong = medical;
  wrong.ground = DispensationGround::kSpecialCircumstances;
  wrong.college_advice = "advies college";
  try {
    validate(wrong);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "dispensation.z_route_participation");
  }
}

TEST(Issue7PlanContent, ThePipSetsSupportAndTheMapsIntensity) {
  const auto field_of = [](Trajectory t, PlanContent plan) -> std::string {
    try {
      t.issue_first_plan(d("2024-03-01"), plan);
      return "issued";
    } catch (const ValidationError& e) {
      return e.field();
    }
  };
  PlanContent plan = content();
  plan.support.clear();
  EXPECT_EQ(field_of(planning(), plan), "plan.support");  // Wi 15.1.b
  plan = content();
  plan.map_hours = 0;
  EXPECT_EQ(field_of(planning(), plan), "plan.map_hours");  // Wi 15.1.c
  plan.map_hours = 1;
  EXPECT_EQ(field_of(planning(), plan), "issued");
  Trajectory wants_education = planning();
  wants_education.record_education_wish();
  EXPECT_EQ(field_of(wants_education, content(Route::kEducation)), "issued");  // no MAP (Wi 8)
  // Nor after the bridging course was completed (Wi 8.3), e.g. on a switch to the B1-route.
  Trajectory bridged = on_route(Route::kEducation);
  bridged.record_bridging_course_completed(d("2024-09-01"));
  plan = content(Route::kB1);
  plan.map_hours = 0;
  EXPECT_NO_THROW(bridged.switch_route(d("2024-10-01"), plan, "B1 na het schakeltraject"));
  // A version after the MAP was completed need not plan it again.
  Trajectory t = on_route();
  attend(t, HourKind::kMap, 4, "2024-05-01");
  t.record_map_final_interview(d("2024-05-02"));
  plan = content();
  plan.map_hours = 0;
  EXPECT_NO_THROW(t.adjust_plan(d("2024-06-01"), plan, "MAP afgerond"));
}

TEST(Issue7PlanContent, TheEducationRouteFollowsTheWishStatedInTheIntake) {
  Trajectory t = planning();
  const TrajectoryRecord before = t.record();
  try {
    t.issue_first_plan(d("2024-03-01"), content(Route::kEducation));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 8.1");
  }
  EXPECT_EQ(t.record(), before);
  t.record_education_wish();
  EXPECT_TRUE(t.record().intake.wants_vocational_or_higher_education);
  Trajectory early = registered();  // said at the first interview: the intake has begun
  early.record_education_wish();
  EXPECT_EQ(early.state(), TrajectoryState::kIntake);
  t.issue_first_plan(d("2024-03-01"), content(Route::kEducation));
  EXPECT_EQ(t.current_plan()->content.route, Route::kEducation);
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());
  // Only before the PIP, and other routes need no wish.
  EXPECT_THROW(t.record_education_wish(), RuleViolation);
  EXPECT_NO_THROW(planning().issue_first_plan(d("2024-03-01"), content(Route::kB1)));
}

TEST(Issue7PlanContent, TheMapEndsOnlyAfterItsActivities) {
  Trajectory t = on_route();
  try {
    t.record_map_final_interview(d("2024-05-02"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 3.2.1-2");
  }
  EXPECT_FALSE(t.record().components.map_final_interview_on);
  t.record_attendance(AttendanceEntry{d("2024-05-01"), HourKind::kMap, 30, "Werkplein"});
  t.record_map_final_interview(d("2024-05-02"));
  EXPECT_EQ(t.record().components.map_final_interview_on, d("2024-05-02"));
}

// ---- Wi 3.1.a with Bi 2.2; Wi 3.2.c-d: regular permits that carry no obligation --------------

TEST(Issue7Obligation, ATemporaryPurposeOrAnExceptionOfWi32IsNotObliged) {
  Participant person = family_migrant();
  EXPECT_TRUE(Obligation::applies_to(person, d("2024-01-08"), Policy{}));
  for (const auto& [ground, article] : std::vector<std::pair<NotObligedGround, std::string>>{
           {NotObligedGround::kTemporaryPurpose, "Wi 3.1.a; Bi 2.2"},
           {NotObligedGround::kLongTermResidentElsewhere, "Wi 3.2.c"},
           {NotObligedGround::kTreatyOrDecision, "Wi 3.2.d"}}) {
    person.not_obliged = ground;
    EXPECT_FALSE(Obligation::applies_to(person, d("2024-01-08"), Policy{}));
    try {
      opened(person, std::nullopt);
      ADD_FAILURE() << to_string(ground);
    } catch (const RuleViolation& e) {
      EXPECT_EQ(e.rule(), article);
    }
    Participant voluntary = person;
    voluntary.target_group = TargetGroup::kVoluntary;
    EXPECT_EQ(opened(voluntary, std::nullopt).participant().not_obliged, ground);
  }
}

TEST(Issue7Obligation, AnAsylumPermitIsNeverForATemporaryPurpose) {
  Participant person = asylum_holder();
  person.not_obliged = NotObligedGround::kTemporaryPurpose;
  try {
    person.validate();
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "participant.not_obliged");
    EXPECT_THAT(e.rule(), HasSubstr("Bi 2.2.3"));
  }
  person.permit = ResidencePermit::kRegular;  // a regular permit joining an asylum holder
  EXPECT_NO_THROW(person.validate());
}

TEST(Issue7Format, NotObligedIsNewInFormat5) {
  using nlohmann::json;
  json j = json::parse(storage::detail::encode_record(on_route().record()));
  EXPECT_EQ(j["participant"]["not_obliged"], "none");  // an enumeration is always written
  j["participant"].erase("not_obliged");
  EXPECT_THROW(storage::detail::decode_record(j.dump(), "trajectory 7"), StorageError);
  j["format"] = 4;  // 0.5 did not know the field: it takes its default
  EXPECT_EQ(storage::detail::decode_record(j.dump(), "trajectory 7").participant.not_obliged,
            NotObligedGround::kNone);
}

// ---- Bi 3.14.6, 3.14.9: social guidance and school lessons count for the Z-route -------------

std::string requirement_text(const Trajectory& t, const char* code) {
  for (const auto& requirement : t.completion_report().requirements) {
    if (requirement.code == code) return requirement.description + " [" + requirement.article + "]";
  }
  return std::string("no requirement ") + code;
}

TEST(Issue7ZRoute, SchoolLessonsFromTwoYearsBeforeThePipAndSocialGuidanceAtAnyTime) {
  Trajectory t = on_route(Route::kZ);                                      // first PIP 2024-03-01
  t.record_attendance(hours(HourKind::kSchoolLanguage, "2022-02-28", 5));  // a day too early
  t.record_attendance(hours(HourKind::kSchoolLanguage, "2022-03-01", 10));
  t.record_attendance(hours(HourKind::kSocialGuidance, "2023-06-01", 7));  // before the intake
  EXPECT_THAT(requirement_text(t, "z.course_hours"),
              HasSubstr("(10 attended) [Bi 3.14.2.a, 3.14.9]"));
  EXPECT_THAT(requirement_text(t, "z.participation_hours"),
              HasSubstr("(7 attended) [Bi 3.14.2.b, 3.14.5-6]"));
  // Neither counts for scaling down or anywhere else: school hours are not at a keurmerk provider.
  EXPECT_EQ(minutes_attended(t.record().attendance, {HourKind::kLanguageCourse}), 0);
}

// ---- DUO's fines and the new term (Wi 24-25; Bi 4.1, 7.1.5) ----------------------------------
// on_route(): the term runs from 2024-03-02 to 2027-03-01.

DuoFine route_fine(const char* on, int months, std::optional<Date> made_known = std::nullopt) {
  return DuoFine{DuoFineKind::kRouteNotInTime, d(on), Money::euros(500), months, made_known};
}

DuoFine pvt_map_fine(const char* on, int months) {
  return DuoFine{DuoFineKind::kPvtMapNotInTime, d(on), Money::euros(340), months};
}

template <class Error>
void expect_refused(Trajectory& t, const DuoFine& fine, const std::string& rule_or_field) {
  const auto before = t.record();
  try {
    t.record_duo_fine(fine);
    ADD_FAILURE() << "recorded a DUO fine of " << to_iso(fine.imposed_on);
  } catch (const Error& e) {
    if constexpr (std::is_same_v<Error, RuleViolation>) {
      EXPECT_EQ(e.rule(), rule_or_field);
    } else {
      EXPECT_EQ(e.field(), rule_or_field);
    }
  }
  EXPECT_EQ(t.record(), before);
}

TEST(Issue7DuoFines, FirstAfterTheTermThenAfterEachNewTermThenEveryTwoYears) {
  Trajectory t = on_route();
  // Wi 25.1: not while the term runs (its last day is 2027-03-01).
  expect_refused<RuleViolation>(t, route_fine("2027-03-01", 12), "Wi 25.1");
  // Wi 24.2 (25.2): the first fine sets a new term.
  expect_refused<ValidationError>(t, route_fine("2027-03-02", 0), "duo_fine.new_term_months");
  t.record_duo_fine(route_fine("2027-03-02", 12, d("2027-03-05")));
  // The new term runs from the day after the decision was made known, for 12 months.
  EXPECT_EQ(t.term_end(d("2027-03-04")), d("2027-03-01"));
  EXPECT_EQ(t.term_end(d("2027-03-05")), d("2028-03-05"));
  // Wi 24.3: the second once that new term ran out, again with a new term.
  expect_refused<RuleViolation>(t, route_fine("2028-03-05", 12), "Wi 24.3, 25.2");
  expect_refused<ValidationError>(t, route_fine("2028-03-06", 0), "duo_fine.new_term_months");
  t.record_duo_fine(route_fine("2028-03-06", 6));  // made known the same day
  EXPECT_EQ(t.term_end(d("2028-03-06")), d("2028-09-06"));
  // Wi 24.4: then, once the second new term ran out, every two years without a new term.
  expect_refused<RuleViolation>(t, route_fine("2028-09-06", 0), "Wi 24.4, 25.2");
  expect_refused<ValidationError>(t, route_fine("2028-09-07", 6), "duo_fine.new_term_months");
  t.record_duo_fine(route_fine("2028-09-07", 0));
  EXPECT_EQ(t.term_end(d("2029-06-01")), d("2028-09-06"));  // no term in force any more
  EXPECT_FALSE(t.record().term->running_on(d("2029-06-01"), t.record().duo_fines));
  expect_refused<RuleViolation>(t, route_fine("2030-09-06", 0), "Wi 24.4, 25.2");
  t.record_duo_fine(route_fine("2030-09-07", 0));
  expect_refused<ValidationError>(t, route_fine("2030-09-07", 0), "duo_fine.imposed_on");
  EXPECT_EQ(t.record().duo_fines.size(), 4u);
}

TEST(Issue7DuoFines, PvtAndMapHaveTheirOwnNewTermAndTheLaterEndCounts) {
  Trajectory t = on_route();
  attend(t, HourKind::kPvt, 12, "2024-04-30");
  t.record_pvt_statement_signed(d("2024-05-01"));
  attend(t, HourKind::kMap, 8, "2024-06-30");
  Trajectory done_in_time = t;
  // Wi 24.1: no fine when the PVT and the MAP were completed within the term.
  done_in_time.record_map_final_interview(d("2027-03-01"));
  expect_refused<RuleViolation>(done_in_time, pvt_map_fine("2027-03-02", 12), "Wi 24.1");
  done_in_time.record_duo_fine(route_fine("2027-03-02", 6));  // the route is another part
  // A MAP completed a day late does not avert it.
  t.record_map_final_interview(d("2027-03-02"));
  t.record_duo_fine(route_fine("2027-03-02", 6));     // 2027-03-03 .. 2027-09-02
  t.record_duo_fine(pvt_map_fine("2027-03-10", 12));  // 2027-03-11 .. 2028-03-10
  EXPECT_EQ(t.term_end(d("2027-03-09")), d("2027-09-02"));
  EXPECT_EQ(t.term_end(d("2027-03-10")), d("2028-03-10"));
  // Each part counts its own fines: the route's second follows the route's new term.
  expect_refused<RuleViolation>(t, route_fine("2027-09-02", 6), "Wi 24.3, 25.2");
  t.record_duo_fine(route_fine("2027-09-03", 6));
}

TEST(Issue7DuoFines, TheNewTermTakesGroundAExtensionsInterruptionsAndTheWindowOfBi45) {
  Trajectory t = on_route();
  // An extension of the Wi 11.1 term (to 2027-04-01) does not lengthen the new term.
  t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-10-01"), 1});
  expect_refused<RuleViolation>(t, route_fine("2027-04-01", 12), "Wi 25.1");
  t.record_duo_fine(route_fine("2027-04-02", 12, d("2027-04-05")));  // until 2028-04-05
  EXPECT_EQ(t.term_end(d("2027-05-01")), d("2028-04-05"));
  const auto& fines = t.record().duo_fines;
  EXPECT_EQ(t.record().term->statutory_end(d("2027-05-01"), fines), d("2027-04-01"));
  // Bi 4.1, 4.5.1: the request window opens six months before the new term ends.
  try {
    t.record_extension_request(
        ExtensionRequest{.requested_on = d("2027-10-05"), .ground = ExtensionGround::kNotCulpable});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Bi 4.5.1");
    EXPECT_THAT(e.what(), HasSubstr("2027-10-06"));
  }
  // Wi 24.2: of Wi 12 only ground a applies to the new term; substantial efforts do not.
  Trajectory efforts = t;
  try {
    efforts.record_extension_request(ExtensionRequest{.requested_on = d("2027-10-06")});
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 24.2; Bi 4.4.1");
  }
  EXPECT_THROW(
      efforts.record_extension(Extension{ExtensionGround::kSubstantialEfforts, d("2027-10-06"), 6}),
      RuleViolation);
  t.record_extension_request(
      ExtensionRequest{.requested_on = d("2027-10-06"), .ground = ExtensionGround::kNotCulpable});
  t.record_extension_decision(d("2027-11-01"), true, 4);
  EXPECT_EQ(t.term_end(d("2027-11-01")), d("2028-08-05"));
  // Bi 4.1, 4.2: an interruption in the new term lengthens it, not the Wi 11.1 term.
  t.record_interruption(Interruption{d("2027-12-01"), d("2027-12-10"), "tijdelijk geen BRP"});
  EXPECT_EQ(t.term_end(d("2028-01-01")), d("2028-08-15"));
  EXPECT_EQ(t.record().term->statutory_end(d("2028-01-01"), fines), d("2027-04-01"));
  // The kTermEnding signal follows the term in force.
  const auto signals = t.deadlines(d("2028-01-01"));
  const auto ending = std::find_if(signals.begin(), signals.end(), [](const Signal& s) {
    return s.kind == SignalKind::kTermEnding;
  });
  ASSERT_NE(ending, signals.end());
  EXPECT_EQ(ending->due_on, d("2028-08-15"));
}

TEST(Issue7DuoFines, TheCapOfANewTermAppliesFromItsFirstDayAndTheLesserOfTwo) {
  // Bi 7.1.5.a, d: €400 for a new term of six months, €1,600 for two years.
  const std::vector<DuoFine> both = {route_fine("2027-03-02", 24, d("2027-03-04")),
                                     pvt_map_fine("2027-03-10", 6)};
  EXPECT_EQ(municipal_fine_cap(both, d("2027-03-04"), Policy{}), Money::euros(2400));
  EXPECT_EQ(municipal_fine_cap(both, d("2027-03-05"), Policy{}), Money::euros(1600));
  EXPECT_EQ(municipal_fine_cap(both, d("2027-03-10"), Policy{}), Money::euros(1600));
  EXPECT_EQ(municipal_fine_cap(both, d("2027-03-11"), Policy{}), Money::euros(400));
}

TEST(Issue7DuoFines, TheCapCountsFinesFromTheNewTermsFirstDayAndTakesTheLesser) {
  // The route's new term runs from 2027-03-06 (cap €400); the PVT/MAP's from 2027-03-11 (€1,600).
  const std::vector<DuoFine> route_only = {route_fine("2027-03-02", 6, d("2027-03-05"))};
  std::vector<DuoFine> both = route_only;
  both.push_back(DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-03-10"), Money::euros(340), 24});
  const auto fine_on = [](const char* on) {
    return MunicipalFine{MunicipalFineKind::kCooperation, d(on), Money::euros(380),
                         Culpability::kIntent, Money::euros(380)};
  };
  const CooperationFineDecision next{d("2027-04-01"), d("2027-04-01"), Culpability::kIntent};
  // Imposed the day before the new term: the new term's cap is untouched.
  EXPECT_EQ(next_cooperation_fine({fine_on("2027-03-05")}, route_only, next, Policy{}).amount,
            Money::euros(50));
  // Imposed on its first day: it counts, €20 are left.
  EXPECT_EQ(next_cooperation_fine({fine_on("2027-03-06")}, route_only, next, Policy{}).amount,
            Money::euros(20));
  // With both parts' new terms the lesser of what each leaves (€20, not €1,600).
  EXPECT_EQ(next_cooperation_fine({fine_on("2027-03-06")}, both, next, Policy{}).amount,
            Money::euros(20));
  // Imposed between the two starts: the PVT/MAP term leaves its whole €1,600, the route's €20.
  EXPECT_EQ(municipal_fine_cap(both, d("2027-04-01"), Policy{}), Money::euros(400));
}

TEST(Issue7DuoFines, AFineStoredBy05WithoutANewTermOrWithinTheTermLeavesTheTermAlone) {
  // 0.4 and 0.5 did not check the order of the Act: a stored fine may set no new term, or may
  // have been imposed while the term ran. Neither may end or shorten the term.
  TrajectoryRecord record = on_route().record();  // the term ends 2027-03-01
  record.duo_fines = {
      DuoFine{DuoFineKind::kRouteNotInTime, d("2026-06-01"), Money::euros(500), 6},
      DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-03-02"), Money::euros(340), 0}};
  const Trajectory t = Trajectory::from_record(record);
  EXPECT_EQ(t.term_end(d("2027-01-01")), d("2027-03-01"));  // not 2026-12-01
  EXPECT_EQ(t.record().term->newest_new_term(d("2027-01-01"), t.record().duo_fines), nullptr);
  // Nor does it set the €400 cap of a six-month new term: €2,400 - €500 leave room for €50.
  record.municipal_fines = {MunicipalFine{MunicipalFineKind::kCooperation, d("2026-07-01"),
                                          Money::euros(500), Culpability::kIntent,
                                          Money::euros(500)}};
  Trajectory fined = Trajectory::from_record(record);
  EXPECT_EQ(fined
                .impose_cooperation_fine(
                    CooperationFineDecision{d("2026-08-01"), d("2026-08-01"), Culpability::kIntent})
                .amount,
            Money::euros(50));
  record.municipal_fines.clear();
  // The same fine a day after the term ran out sets its new term.
  record.duo_fines[0].imposed_on = d("2027-03-02");
  EXPECT_EQ(Trajectory::from_record(record).term_end(d("2027-06-01")), d("2027-09-02"));
  // The committed 0.4 record: a PVT/MAP fine of 2027-01-15 while its term ran (to 2027-08-09).
  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) + "/record_format_3_rich.json");
  std::stringstream text;
  text << in.rdbuf();
  const Trajectory legacy =
      Trajectory::from_record(storage::detail::decode_record(text.str(), "the 0.4 record"));
  EXPECT_EQ(legacy.term_end(d("2027-06-01")),
            legacy.record().term->statutory_end(d("2027-06-01"), {}));
}

TEST(Issue7DuoFines, AnActOfOnePartsNewTermDoesNotHideTheOtherPartsFirstFine) {
  Trajectory t = on_route();  // the term ends 2027-03-01; the PVT and MAP are not done
  t.record_duo_fine(route_fine("2027-03-02", 24));  // the route's new term to 2029-03-02
  t.record_extension(Extension{ExtensionGround::kCategorical, d("2027-06-01"), 12});
  // The PVT/MAP fine follows the Wi 11.1 term, not the route's extended new term.
  t.record_duo_fine(pvt_map_fine("2027-09-01", 12));
  const auto& fines = t.record().duo_fines;
  EXPECT_TRUE(t.record().term->sets_new_term(fines[1], d("2027-09-01"), fines));
  EXPECT_EQ(t.record().term->newest_new_term(d("2027-09-01"), fines), &fines[1]);
  EXPECT_EQ(t.record().term->new_term_end(fines[1], d("2027-09-01"), fines), d("2028-09-01"));
  EXPECT_EQ(t.term_end(d("2027-09-01")), d("2030-03-02"));  // the route's, the later
}

TEST(Issue7DuoFines, ActsFromTheFinesDayBelongToTheNewTermAndCountFromItsFirstDay) {
  Trajectory t = on_route();  // the term ends 2027-03-01
  // Imposed 2027-03-02, made known 2027-03-10: the new term runs 2027-03-11 .. 2028-03-10.
  t.record_duo_fine(route_fine("2027-03-02", 12, d("2027-03-10")));
  EXPECT_EQ(t.term_end(d("2027-03-10")), d("2028-03-10"));
  // An interruption from the day it was made known lengthens the new term by its days from the
  // new term's first day on: 2027-03-11 .. 2027-03-20 is ten days, not eleven.
  t.record_interruption(Interruption{d("2027-03-10"), d("2027-03-20"), "geen BRP"});
  EXPECT_EQ(t.term_end(d("2027-06-01")), d("2028-03-20"));
  EXPECT_EQ(t.record().term->statutory_end(d("2027-06-01"), t.record().duo_fines),
            d("2027-03-01"));  // the Wi 11.1 term, which had run out, stays as it was
}

TEST(Issue7DuoFines, AStoredRecordIsCheckedForTheFieldsOfFormat5) {
  const auto refused_field = [](const TrajectoryRecord& record) -> std::string {
    try {
      Trajectory::from_record(record);
      return "loaded";
    } catch (const ValidationError& e) {
      return e.field();
    }
  };
  TrajectoryRecord record = on_route(Route::kB1, family_migrant()).record();
  record.duo_fines = {route_fine("2027-03-02", 12, d("2027-03-02"))};
  EXPECT_EQ(refused_field(record), "loaded");  // made known the day it was taken
  record.duo_fines[0].announced_on = d("2027-03-01");
  EXPECT_EQ(refused_field(record), "duo_fines[0].announced_on");
  record.duo_fines.clear();
  record.participant.not_obliged = NotObligedGround::kTemporaryPurpose;
  EXPECT_EQ(refused_field(record), "participant.not_obliged");  // obliged, yet a ground
  record.participant.target_group = TargetGroup::kVoluntary;
  EXPECT_EQ(refused_field(record), "loaded");
}

TEST(Issue7DuoFines, ADecisionIsMadeKnownWithinAYear) {
  Trajectory t = on_route();
  expect_refused<ValidationError>(t, route_fine("2027-03-02", 12, d("2028-03-03")),
                                  "duo_fine.announced_on");
  t.record_duo_fine(route_fine("2027-03-02", 12, d("2028-03-02")));  // 366 days
}

TEST(Issue7DuoFines, TheStoreListsTheNewTermsEnd) {
  TempDir dir;
  auto clock = std::make_shared<FixedClock>(d("2027-06-01"));
  auto store = storage::SqliteStore::open(dir.file("new-term.db"), {.clock = clock});
  Trajectory t = on_route();
  t.record_duo_fine(route_fine("2027-03-02", 12, d("2027-03-05")));  // until 2028-03-05
  store->create(caseworker(), t);
  const auto within = [&](int months) {
    return store->terms_ending(caseworker(), d("2027-06-01"), months, {}, {}).items.size();
  };
  EXPECT_EQ(within(9), 0u);   // up to 2028-03-01
  EXPECT_EQ(within(10), 1u);  // up to 2028-04-01
}

TEST(Issue7DuoFines, MigrationSevenRecomputesTheTermEndOfEveryRowWithATerm) {
  TempDir dir;
  const std::string path = dir.file("duo.db");
  auto clock = std::make_shared<FixedClock>(d("2027-06-01"));
  {
    auto store = storage::SqliteStore::open(path, {.clock = clock});
    Trajectory fined = on_route();
    fined.record_duo_fine(route_fine("2027-03-02", 12, d("2027-03-05")));
    store->create(caseworker(), fined);
    TrajectoryRecord other = on_route(Route::kB1, family_migrant()).record();
    other.id = TrajectoryId(8);
    Trajectory unfined = Trajectory::from_record(other);
    store->create(caseworker(), unfined);
    // Extended and interrupted: 0.5 added the months first (2027-05-01), 0.6 goes by date.
    TrajectoryRecord both = on_route(Route::kB1, family_migrant()).record();
    both.id = TrajectoryId(9);
    Trajectory lengthened = Trajectory::from_record(both);
    lengthened.record_interruption(Interruption{d("2025-01-01"), d("2025-01-30"), "geen BRP"});
    lengthened.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-10-01"), 1});
    store->create(caseworker(), lengthened);
    // Extended only, stored by 0.4 (record format 3): every row with a term is computed again.
    TrajectoryRecord extended = on_route(Route::kB1, family_migrant()).record();
    extended.id = TrajectoryId(10);
    Trajectory only_extended = Trajectory::from_record(extended);
    only_extended.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-10-01"), 1});
    store->create(caseworker(), only_extended);
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    SQLite::Statement old(raw, "UPDATE trajectory SET record = ?1 WHERE id = 10");
    old.bind(1, storage::detail::stored_record_text(only_extended.record(), 3));
    EXPECT_EQ(old.exec(), 1);
  }
  const auto column = [&](const char* sql) {
    SQLite::Database raw(path);
    return raw.execAndGet(sql).getString();
  };
  const char* fined_end = "SELECT term_end FROM trajectory WHERE record LIKE '%duo_fines%'";
  const char* other_end = "SELECT term_end FROM trajectory WHERE id = 8";
  const char* both_end = "SELECT term_end FROM trajectory WHERE id = 9";
  const char* extended_end = "SELECT term_end FROM trajectory WHERE id = 10";
  const char* signal =
      "SELECT due_on FROM trajectory_signal s JOIN trajectory t ON t.id = s.trajectory_id "
      "WHERE s.kind = 'term_ending' AND t.record LIKE '%duo_fines%'";
  EXPECT_EQ(column(fined_end), "2028-03-05");
  EXPECT_EQ(column(signal), "2028-03-05");
  EXPECT_EQ(column(both_end), "2027-04-30");  // 2027-03-31, then a month from 2027-04-01
  {
    // What 0.5 stored: the end of the Wi 11.1 term; a row without DUO fines is left alone.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE trajectory SET term_end = '2027-03-01' WHERE record LIKE '%duo_fines%'");
    raw.exec("UPDATE trajectory SET term_end = '2000-01-01' WHERE id = 8");
    raw.exec("UPDATE trajectory SET term_end = '2027-05-01' WHERE id = 9");
    raw.exec("UPDATE trajectory SET term_end = '2000-01-01' WHERE id = 10");
    raw.exec("UPDATE trajectory_signal SET due_on = '2027-03-01' WHERE kind = 'term_ending'");
    raw.exec("PRAGMA user_version = 6");
  }
  auto store = storage::SqliteStore::open(path, {.clock = clock});
  EXPECT_EQ(store->schema_version(), storage::SqliteStore::latest_schema_version());
  EXPECT_EQ(column(fined_end), "2028-03-05");
  EXPECT_EQ(column(signal), "2028-03-05");
  EXPECT_EQ(column(other_end), "2027-03-01");  // every row with a term
  EXPECT_EQ(column(both_end), "2027-04-30");
  EXPECT_EQ(column(extended_end), "2027-04-01");
  EXPECT_EQ(column("SELECT json_extract(record, '$.format') FROM trajectory WHERE id = 10"),
            "3");  // the record itself is not rewritten
}

}  // namespace
}  // namespace inburgering::test

namespace inburgering::test {
namespace {

// ---- Wi 1.1, 3.1: only an inburgeringsplichtige is fined; the obligation ends at the AOW age --

std::string rule_of(const std::function<void()>& act) {
  try {
    act();
    return "allowed";
  } catch (const RuleViolation& e) {
    return e.rule();
  }
}

TEST(Issue7Obliged, AVolunteerIsNeverFined) {
  Participant volunteer = asylum_holder();
  volunteer.target_group = TargetGroup::kVoluntary;
  Trajectory t = on_route(Route::kB1, volunteer);
  const TrajectoryRecord before = t.record();
  EXPECT_EQ(rule_of([&] {
              t.impose_cooperation_fine(
                  CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent});
            }),
            "Wi 23.1");
  EXPECT_EQ(rule_of([&] { t.record_duo_fine(route_fine("2027-03-02", 12)); }), "Wi 25.1");
  EXPECT_EQ(rule_of([&] { t.record_duo_fine(pvt_map_fine("2027-03-02", 12)); }), "Wi 24.1");
  EXPECT_EQ(rule_of([&] {
              t.impose_intake_fine(IntakeFineDecision{d("2024-02-01"), d("2024-03-01")});
            }),
            "Wi 22.1");
  EXPECT_EQ(t.record(), before);
  // The same trajectory of an obliged person is fined.
  EXPECT_EQ(rule_of([&] {
              on_route().impose_cooperation_fine(
                  CooperationFineDecision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent});
            }),
            "allowed");
}

Participant reaching_pension_age_on_2025_02_28() {
  Participant person = asylum_holder();
  person.birth_date = d("1958-02-28");  // AOW age 66 years and 12 months (AOW 7a)
  return person;
}

TEST(Issue7Obliged, TheObligationEndsAtTheStatePensionAge) {
  Trajectory t = on_route(Route::kB1, reaching_pension_age_on_2025_02_28());
  const auto fine_on = [&](const char* day) {
    Trajectory copy = t;
    return rule_of([&] {
      copy.impose_cooperation_fine(CooperationFineDecision{d(day), d(day), Culpability::kIntent});
    });
  };
  EXPECT_EQ(fine_on("2025-02-27"), "allowed");  // the day before
  EXPECT_EQ(fine_on("2025-02-28"), "Wi 3.1");
  // Nor is a fine for earlier conduct imposed from that day.
  EXPECT_EQ(rule_of([&] {
              Trajectory copy = t;
              copy.impose_cooperation_fine(
                  CooperationFineDecision{d("2025-02-20"), d("2025-02-28"), Culpability::kIntent});
            }),
            "Wi 3.1");
  // From that day the worklist shows only that the obligation ended.
  for (const Signal& s : t.signals(d("2025-02-27"))) {
    EXPECT_NE(s.kind, SignalKind::kObligationEnded);
  }
  const auto ended = t.signals(d("2025-02-28"));
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].kind, SignalKind::kObligationEnded);
  EXPECT_EQ(ended[0].due_on, d("2025-02-28"));
  EXPECT_EQ(to_string(SignalKind::kObligationEnded), "obligation_ended");
  // The trajectory ends for that reason on that day, not before.
  EXPECT_EQ(rule_of([&] {
              Trajectory copy = t;
              copy.end(d("2025-02-27"), EndReason::kStatePensionAge);
            }),
            "Wi 3.1");
  t.end(d("2025-02-28"), EndReason::kStatePensionAge);
  EXPECT_EQ(t.state(), TrajectoryState::kEnded);
  EXPECT_TRUE(t.signals(d("2025-03-01")).empty());
}

TEST(Issue7Obliged, AnOlderStoredPolicyStillFinesUnlessItsSanctionNumbersBreakTheLaw) {
  TrajectoryRecord record = on_route().record();
  record.policy.pvt_min_hours = 10;  // a 0.1 municipality's PVT norm: not a sanction number
  Trajectory t = Trajectory::from_record(record);
  const CooperationFineDecision decision{d("2024-06-01"), d("2024-06-01"), Culpability::kIntent};
  EXPECT_EQ(t.impose_cooperation_fine(decision).amount, Money::euros(50));
  record.policy.cooperation_fine_base = Money::euros(40);  // Bi 7.1.2 says €50
  Trajectory lower = Trajectory::from_record(record);
  try {
    lower.impose_cooperation_fine(decision);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "policy.cooperation_fine_base");
    EXPECT_THAT(e.rule(), HasSubstr("Bi 7.1.2"));
  }
  EXPECT_TRUE(lower.record().municipal_fines.empty());
}

TEST(Issue7Obliged, DuoFinesStopAtTheStatePensionAgeToo) {
  Participant person = asylum_holder();
  person.birth_date = d("1960-06-15");
  const Date pension = state_pension_date(person.birth_date);  // after the term's end
  ASSERT_GT(pension, d("2027-03-02"));
  Trajectory t = on_route(Route::kB1, person);
  const auto fine_on = [&](Date on) {
    Trajectory copy = t;
    return rule_of([&] {
      copy.record_duo_fine(DuoFine{DuoFineKind::kRouteNotInTime, on, Money::euros(500), 12});
    });
  };
  EXPECT_EQ(fine_on(pension - boost::gregorian::days(1)), "allowed");
  EXPECT_EQ(fine_on(pension), "Wi 3.1");
}

TEST(Issue7DuoFines, AFineStoredWhileTheTermRanDoesNotCountInTheOrderOfTheAct) {
  TrajectoryRecord record = on_route().record();  // the term ends 2027-03-01
  record.duo_fines = {DuoFine{DuoFineKind::kRouteNotInTime, d("2026-06-01"), Money::euros(500), 6}};
  Trajectory t = Trajectory::from_record(record);
  // DUO's real first fine is the first of the Act (Wi 25.1), the second follows its new term.
  t.record_duo_fine(route_fine("2027-03-02", 12));  // new term to 2028-03-02
  EXPECT_EQ(t.term_end(d("2027-06-01")), d("2028-03-02"));
  try {
    Trajectory copy = t;
    copy.record_duo_fine(route_fine("2028-03-02", 12));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Wi 24.3, 25.2");
  }
  t.record_duo_fine(route_fine("2028-03-03", 12));  // the second still sets a new term
  EXPECT_EQ(t.term_end(d("2028-06-01")), d("2029-03-03"));
  // And a fine before the stored one is refused, naming no date.
  try {
    Trajectory copy = t;
    copy.record_duo_fine(route_fine("2026-05-01", 12));
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "duo_fine.imposed_on");
    EXPECT_EQ(e.value(), "not after the previous one");
  }
}

TEST(Issue7DuoFines, AnInterruptionRecordedLateAfterTheTermRanOutLengthensTheNewTermOnly) {
  Trajectory t = on_route();                        // the term ends 2027-03-01
  t.record_duo_fine(route_fine("2027-04-01", 12));  // the new term 2027-04-02 .. 2028-04-01
  EXPECT_EQ(t.term_end(d("2027-06-01")), d("2028-04-01"));
  // Learnt later: no BRP registration from 2027-03-05 to 2027-05-31. It begins after the Wi
  // 11.1 term ran out, so it does not revive that term; the new term is lengthened by its 60
  // days from 2027-04-02 on.
  t.record_interruption(Interruption{d("2027-03-05"), d("2027-05-31"), "geen BRP"});
  EXPECT_EQ(t.record().term->statutory_end(d("2027-06-01"), t.record().duo_fines), d("2027-03-01"));
  EXPECT_EQ(t.term_end(d("2027-06-01")), d("2028-05-31"));
  EXPECT_EQ(rule_of([&] {
              Trajectory copy = t;
              copy.end(d("2027-06-01"), EndReason::kTermExpired);
            }),
            "Wi 11.1");
  // An interruption that began within the term still lengthens it, whatever came after.
  Trajectory within = on_route();
  within.record_interruption(Interruption{d("2027-02-20"), d("2027-03-10"), "geen BRP"});
  EXPECT_EQ(within.term_end(d("2027-06-01")), d("2027-03-20"));  // 19 days
}

TEST(Issue7Exams, DuoMayDeclareAResultInvalid) {
  Trajectory t = on_route();
  t.record_exam_result(passed(ExamPart::kReading, LanguageLevel::kB1, "2025-01-10"));
  const auto reading_met = [&] {
    for (const auto& r : t.completion_report().requirements) {
      if (r.code == "b1.reading") return r.met;
    }
    ADD_FAILURE() << "no b1.reading";
    return false;
  };
  EXPECT_TRUE(reading_met());
  const TrajectoryRecord before = t.record();
  EXPECT_THROW(t.invalidate_exam_result(1, d("2025-02-01")), ValidationError);  // no such result
  EXPECT_THROW(t.invalidate_exam_result(0, d("2025-01-09")), ValidationError);  // before the exam
  EXPECT_EQ(t.record(), before);
  t.invalidate_exam_result(0, d("2025-02-01"));  // Bi 3.10.2
  EXPECT_FALSE(reading_met());
  EXPECT_EQ(rule_of([&] { t.invalidate_exam_result(0, d("2025-02-02")); }), "Bi 3.10.2");
  EXPECT_EQ(Trajectory::from_record(t.record()).record(), t.record());  // stored and loaded
  const std::string text = storage::detail::encode_record(t.record());
  EXPECT_EQ(storage::detail::decode_record(text, "trajectory 7").exam_results,
            t.record().exam_results);
}

TEST(Issue7Obliged, TheTermExpiresOnlyOnceTheTermInForceRanOut) {
  Trajectory t = on_route();  // the term ends 2027-03-01
  const auto end_on = [&](Trajectory copy, const char* day) {
    return rule_of([&] { copy.end(d(day), EndReason::kTermExpired); });
  };
  EXPECT_EQ(end_on(t, "2027-03-01"), "Wi 11.1");
  EXPECT_EQ(end_on(t, "2027-03-02"), "allowed");
  EXPECT_EQ(end_on(planning(), "2024-02-10"), "Wi 11.1");            // no term yet
  t.record_duo_fine(route_fine("2027-03-02", 12, d("2027-03-05")));  // new term to 2028-03-05
  EXPECT_EQ(end_on(t, "2028-03-05"), "Wi 11.1");
  EXPECT_EQ(end_on(t, "2028-03-06"), "allowed");
}

}  // namespace
}  // namespace inburgering::test
