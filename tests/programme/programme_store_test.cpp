// Programmes and pilots in the store: definition and amendment, enrolment, sessions, goals and
// outcomes with their date rules; tenancy across the municipalities of a shared programme;
// the audit trail; the counts against an oracle; the evaluation export without identifiers;
// purge and erasure; the migration to schema 10.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/builders.hpp"
#include "support/store_fixture.hpp"
#include "support/test_database.hpp"

namespace inburgering::programme {
namespace {

using storage::Actor;
using test::d;

const char* kKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

Definition powervrouwen() {
  return Definition{.name = "Powervrouwen",
                    .theme = Theme::kFemaleFamilyMigrants,
                    .funder = "Ministerie van SZW",
                    .amount = Money::euros(200000),
                    .starts_on = d("2026-01-01"),
                    .ends_on = d("2027-12-31"),
                    .municipalities = {test::utrecht(), test::amersfoort()}};
}

/// A running trajectory of `m` with its own person.
Trajectory person(std::int64_t id, MunicipalityCode m) {
  TrajectoryRecord r = test::registered(test::family_migrant()).record();
  r.id = TrajectoryId(id);
  r.municipality = m;
  r.participant.bsn = test::bsn_for(static_cast<int>(id));
  r.participant.given_names = "Naam" + std::to_string(id);
  r.participant.family_name = "Familie" + std::to_string(id);
  return Trajectory::from_record(r);
}

Actor amsterdam() { return test::caseworker(MunicipalityCode("0363"), "km-amsterdam"); }

Session group(const char* on, ActivityMode mode = ActivityMode::kOnSite) {
  return Session{.held_on = d(on),
                 .kind = ActivityKind::kGroupSession,
                 .mode = mode,
                 .topic = ActivityTopic::kLabourMarket,
                 .minutes = 120};
}

/// Runs on SQLite and on PostgreSQL (test::TestDatabase).
class ProgrammeStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!db_.available()) GTEST_SKIP() << "no PostgreSQL server (INBURGERING_TEST_POSTGRES)";
    clock_ = std::make_shared<FixedClock>(d("2026-11-23"));
    store_ = db_.open({.clock = clock_});
    for (std::int64_t id : {101, 102, 103, 104, 105, 106}) {
      Trajectory t = person(id, test::utrecht());
      store_->create(test::caseworker(), t);
    }
    for (std::int64_t id : {201, 202}) {
      Trajectory t = person(id, test::amersfoort());
      store_->create(test::caseworker(test::amersfoort()), t);
    }
    programme_ = store_->define_programme(test::caseworker(), powervrouwen());
  }

  std::int64_t count(const std::string& sql) { return db_.count(sql); }
  std::string audit_text() {
    std::string all;
    for (const auto& row : db_.rows("SELECT coalesce(changes, '') || coalesce(note, '') FROM "
                                    "audit_log ORDER BY sequence")) {
      all += row[0] + "\n";
    }
    return all;
  }
  std::string last_action() {
    return db_.one("SELECT action FROM audit_log ORDER BY sequence DESC LIMIT 1");
  }
  ProgrammeId pid() const { return programme_.id; }

  test::TestDatabase db_{GetParam()};
  std::shared_ptr<FixedClock> clock_;
  std::unique_ptr<storage::TrajectoryStore> store_;
  Programme programme_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ProgrammeStore, ::testing::ValuesIn(test::database_backends()),
                         test::backend_name);

TEST_P(ProgrammeStore, DefinesAndLoadsAProgrammeForEveryMunicipalityTakingPart) {
  EXPECT_EQ(programme_.id, ProgrammeId(1));
  EXPECT_EQ(programme_.revision, 1);
  const Programme loaded = store_->load_programme(test::caseworker(test::amersfoort()), pid());
  EXPECT_EQ(loaded.definition, powervrouwen());
  EXPECT_EQ(loaded.lead(), test::utrecht());
  EXPECT_EQ(store_->programmes(test::auditor()).size(), 1u);
  EXPECT_EQ(store_->programmes(amsterdam()).size(), 0u);
  EXPECT_EQ(last_action(), "programme");
  EXPECT_NE(audit_text().find("Powervrouwen"), std::string::npos);
}

TEST_P(ProgrammeStore, OnlyAWriterOfTheLeadDefinesAProgramme) {
  EXPECT_THROW(store_->define_programme(test::caseworker(test::amersfoort()), powervrouwen()),
               AccessDenied);
  EXPECT_EQ(last_action(), "denied");
  EXPECT_THROW(store_->define_programme(test::auditor(), powervrouwen()), AccessDenied);
  Definition bad = powervrouwen();
  bad.ends_on = d("2025-01-01");
  EXPECT_THROW(store_->define_programme(test::caseworker(), bad), ValidationError);
  EXPECT_EQ(count("SELECT count(*) FROM programme"), 1);
}

TEST_P(ProgrammeStore, AProgrammeOfOtherMunicipalitiesDoesNotExistForAnActor) {
  const auto denied_before = count("SELECT count(*) FROM audit_log WHERE action = 'denied'");
  try {
    (void)store_->load_programme(amsterdam(), pid());
    ADD_FAILURE();
  } catch (const NotFound& e) {
    EXPECT_EQ(e.what_kind(), "programme");
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'denied'"), denied_before + 1);
  // A missing one answers the same.
  EXPECT_THROW(store_->load_programme(amsterdam(), ProgrammeId(99)), NotFound);
  EXPECT_THROW(store_->enrolments(amsterdam(), pid()), NotFound);
  EXPECT_THROW(store_->programme_counts(amsterdam(), pid(), d("2026-11-23")), NotFound);
}

TEST_P(ProgrammeStore, AmendingChecksTheLeadTheRevisionAndWhatWasRecorded) {
  Definition longer = powervrouwen();
  longer.ends_on = d("2028-06-30");
  EXPECT_THROW(store_->amend_programme(test::caseworker(test::amersfoort()), pid(), longer, 1),
               AccessDenied);
  try {
    store_->amend_programme(test::caseworker(), pid(), longer, 5);
    ADD_FAILURE();
  } catch (const ConflictError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kStaleRevision);
  }
  EXPECT_EQ(store_->amend_programme(test::caseworker(), pid(), longer, 1), 2);
  EXPECT_EQ(store_->load_programme(test::caseworker(), pid()).definition.ends_on, d("2028-06-30"));
  // Nothing changed: no new revision, no audit entry.
  const auto entries = count("SELECT count(*) FROM audit_log");
  EXPECT_EQ(store_->amend_programme(test::caseworker(), pid(), longer, 2), 2);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), entries);

  store_->enrol(test::caseworker(test::amersfoort()), pid(), TrajectoryId(201), d("2026-03-02"));
  Definition without = longer;
  without.municipalities = {test::utrecht()};
  EXPECT_THROW(store_->amend_programme(test::caseworker(), pid(), without, 2), RuleViolation);
  Definition later = longer;
  later.starts_on = d("2026-03-03");  // the enrolment of 2026-03-02 would fall outside
  EXPECT_THROW(store_->amend_programme(test::caseworker(), pid(), later, 2), RuleViolation);
  later.starts_on = d("2026-03-02");
  EXPECT_EQ(store_->amend_programme(test::caseworker(), pid(), later, 2), 3);
}

TEST_P(ProgrammeStore, EnrolmentFollowsThePeriodTheStateAndTheMunicipality) {
  const Actor cw = test::caseworker();
  EXPECT_THROW(store_->enrol(cw, pid(), TrajectoryId(101), d("2025-12-31")), RuleViolation);
  EXPECT_THROW(store_->enrol(cw, pid(), TrajectoryId(101), d("2026-11-24")), ValidationError);
  const Enrolment e = store_->enrol(cw, pid(), TrajectoryId(101), d("2026-01-01"));
  EXPECT_EQ(e.municipality, test::utrecht());
  EXPECT_EQ(e.enrolled_on, d("2026-01-01"));
  try {
    store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
    ADD_FAILURE();
  } catch (const ConflictError& e2) {
    EXPECT_EQ(e2.code(), ErrorCode::kIdExists);
  }
  EXPECT_THROW(store_->enrol(cw, pid(), TrajectoryId(999), d("2026-02-01")), NotFound);
  // A closed trajectory is not enrolled.
  Trajectory closed = test::renumber(test::completed(), 107);
  store_->create(cw, closed);
  EXPECT_THROW(store_->enrol(cw, pid(), TrajectoryId(107), d("2026-02-01")), RuleViolation);
  // A programme Amersfoort does not take part in.
  Definition own = powervrouwen();
  own.name = "Alleen Utrecht";
  own.municipalities = {test::utrecht()};
  const Programme solo = store_->define_programme(cw, own);
  EXPECT_THROW(store_->enrol(test::regional(true), solo.id, TrajectoryId(201), d("2026-02-01")),
               RuleViolation);
  // The last day of the period is in it.
  Definition short_one = own;
  short_one.name = "Kort";
  short_one.ends_on = d("2026-02-01");
  const Programme brief = store_->define_programme(cw, short_one);
  EXPECT_THROW(store_->enrol(cw, brief.id, TrajectoryId(102), d("2026-02-02")), RuleViolation);
  EXPECT_NO_THROW(store_->enrol(cw, brief.id, TrajectoryId(102), d("2026-02-01")));
}

TEST_P(ProgrammeStore, TenancyFollowsTheTrajectorysMunicipality) {
  const Actor amersfoort = test::caseworker(test::amersfoort());
  // Another municipality's trajectory without a grant: as if it did not exist, and audited.
  const auto denied = count("SELECT count(*) FROM audit_log WHERE action = 'denied'");
  try {
    store_->enrol(amersfoort, pid(), TrajectoryId(101), d("2026-02-01"));
    ADD_FAILURE();
  } catch (const NotFound& e) {
    EXPECT_EQ(e.what_kind(), "trajectory");
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'denied'"), denied + 1);
  // A grant to read is not one to write; a grant to write is.
  EXPECT_THROW(store_->enrol(test::regional(false), pid(), TrajectoryId(101), d("2026-02-01")),
               AccessDenied);
  EXPECT_NO_THROW(store_->enrol(test::regional(true), pid(), TrajectoryId(101), d("2026-02-01")));
  store_->enrol(amersfoort, pid(), TrajectoryId(201), d("2026-02-01"));
  // Each sees the enrolments of what it may read.
  const auto utrecht_sees = store_->enrolments(test::caseworker(), pid());
  ASSERT_EQ(utrecht_sees.size(), 1u);
  EXPECT_EQ(utrecht_sees[0].trajectory, TrajectoryId(101));
  ASSERT_EQ(store_->enrolments(amersfoort, pid()).size(), 1u);
  EXPECT_EQ(store_->enrolments(test::regional(), pid()).size(), 2u);
  EXPECT_EQ(store_->programme_counts(test::caseworker(), pid(), d("2026-11-23")).size(), 1u);
  EXPECT_EQ(store_->programme_counts(test::regional(), pid(), d("2026-11-23")).size(), 2u);
  EXPECT_THROW(store_->participation(amersfoort, pid(), TrajectoryId(101)), NotFound);
  EXPECT_NO_THROW(store_->participation(test::regional(), pid(), TrajectoryId(101)));
  // Recording for another municipality's trajectory without a grant.
  EXPECT_THROW(
      store_->record_outcome(amersfoort, pid(), TrajectoryId(101),
                             {.kind = OutcomeKind::kVolunteering, .reached_on = d("2026-05-01")}),
      NotFound);
}

TEST_P(ProgrammeStore, SessionsAreRecordedForAllAttendeesOrForNone) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->enrol(cw, pid(), TrajectoryId(102), d("2026-03-01"));
  // 102 was not enrolled yet on 2026-02-15: nothing is stored, not even 101's.
  EXPECT_THROW(
      store_->record_activity(cw, pid(), group("2026-02-15"),
                              std::vector<Attendee>{{TrajectoryId(101)}, {TrajectoryId(102)}}),
      RuleViolation);
  EXPECT_EQ(count("SELECT count(*) FROM programme_activity"), 0);
  // 103 is not enrolled at all.
  EXPECT_THROW(
      store_->record_activity(cw, pid(), group("2026-03-15"),
                              std::vector<Attendee>{{TrajectoryId(101)}, {TrajectoryId(103)}}),
      NotFound);
  EXPECT_EQ(count("SELECT count(*) FROM programme_activity"), 0);
  const auto ids =
      store_->record_activity(cw, pid(), group("2026-03-01", ActivityMode::kRemote),
                              std::vector<Attendee>{{TrajectoryId(101), Attendance::kAttended},
                                                    {TrajectoryId(102), Attendance::kExcused}});
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_LT(ids[0], ids[1]);
  const Participation p = store_->participation(cw, pid(), TrajectoryId(102));
  ASSERT_EQ(p.activities.size(), 1u);
  EXPECT_EQ(p.activities[0].id, ids[1]);
  EXPECT_EQ(p.activities[0].session, group("2026-03-01", ActivityMode::kRemote));
  EXPECT_EQ(p.activities[0].attendance, Attendance::kExcused);
  // One entry on each trajectory's trail.
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'programme' AND "
                  "trajectory_id IN (101, 102) AND note LIKE 'session%'"),
            2);
  // Coaching is one-to-one; attendees once each; not in the future.
  Session coaching = group("2026-03-02");
  coaching.kind = ActivityKind::kCoaching;
  EXPECT_THROW(
      store_->record_activity(cw, pid(), coaching,
                              std::vector<Attendee>{{TrajectoryId(101)}, {TrajectoryId(102)}}),
      ValidationError);
  EXPECT_THROW(
      store_->record_activity(cw, pid(), group("2026-03-02"),
                              std::vector<Attendee>{{TrajectoryId(101)}, {TrajectoryId(101)}}),
      ValidationError);
  EXPECT_THROW(store_->record_activity(cw, pid(), group("2026-11-24"),
                                       std::vector<Attendee>{{TrajectoryId(101)}}),
               ValidationError);
  EXPECT_THROW(store_->record_activity(cw, pid(), group("2026-03-02"), {}), ValidationError);
}

TEST_P(ProgrammeStore, AnEnrolmentEndsOnceAndNotBeforeItsLastSession) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->record_activity(cw, pid(), group("2026-04-01"),
                          std::vector<Attendee>{{TrajectoryId(101)}});
  EXPECT_THROW(store_->end_enrolment(cw, pid(), TrajectoryId(101), d("2026-03-31"),
                                     LeaveReason::kDroppedOut),
               RuleViolation);
  const Enrolment e = store_->end_enrolment(cw, pid(), TrajectoryId(101), d("2026-04-01"),
                                            LeaveReason::kDroppedOut);
  EXPECT_EQ(e.left_on, d("2026-04-01"));
  EXPECT_EQ(e.leave_reason, LeaveReason::kDroppedOut);
  EXPECT_THROW(
      store_->end_enrolment(cw, pid(), TrajectoryId(101), d("2026-05-01"), LeaveReason::kFinished),
      RuleViolation);
  // After it ended, no session; an outcome may still follow.
  EXPECT_THROW(store_->record_activity(cw, pid(), group("2026-04-02"),
                                       std::vector<Attendee>{{TrajectoryId(101)}}),
               RuleViolation);
  EXPECT_NO_THROW(store_->record_outcome(cw, pid(), TrajectoryId(101),
                                         {.kind = OutcomeKind::kJob,
                                          .reached_on = d("2026-09-01"),
                                          .contract = ContractType::kFixedTerm}));
  EXPECT_THROW(
      store_->end_enrolment(cw, pid(), TrajectoryId(102), d("2026-05-01"), LeaveReason::kFinished),
      NotFound);
}

TEST_P(ProgrammeStore, GoalsKeepTheirTextOutOfTheAuditTrail) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  EXPECT_THROW(store_->add_goal(cw, pid(), TrajectoryId(101),
                                {.text = "politieagent worden", .set_on = d("2026-01-31")}),
               RuleViolation);
  const auto goal = store_->add_goal(cw, pid(), TrajectoryId(101),
                                     {.text = "politieagent worden", .set_on = d("2026-02-01")});
  EXPECT_THROW(store_->goal_achieved(cw, pid(), TrajectoryId(101), goal, d("2026-01-31")),
               RuleViolation);
  EXPECT_THROW(store_->goal_achieved(cw, pid(), TrajectoryId(101), goal + 50, d("2026-06-01")),
               NotFound);
  store_->goal_achieved(cw, pid(), TrajectoryId(101), goal, d("2026-06-01"));
  EXPECT_THROW(store_->goal_achieved(cw, pid(), TrajectoryId(101), goal, d("2026-06-02")),
               RuleViolation);
  const Participation p = store_->participation(cw, pid(), TrajectoryId(101));
  ASSERT_EQ(p.goals.size(), 1u);
  EXPECT_EQ(p.goals[0].text, "politieagent worden");
  EXPECT_EQ(p.goals[0].achieved_on, d("2026-06-01"));
  const std::string trail = audit_text();
  EXPECT_EQ(trail.find("politieagent"), std::string::npos);
  EXPECT_NE(trail.find("(personal data)"), std::string::npos);
}

TEST_P(ProgrammeStore, OutcomesFollowTheEnrolmentAndAJobNamesItsContract) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  EXPECT_THROW(
      store_->record_outcome(cw, pid(), TrajectoryId(101),
                             {.kind = OutcomeKind::kTrialPlacement, .reached_on = d("2026-01-31")}),
      RuleViolation);
  EXPECT_THROW(store_->record_outcome(cw, pid(), TrajectoryId(101),
                                      {.kind = OutcomeKind::kJob, .reached_on = d("2026-03-01")}),
               ValidationError);
  EXPECT_THROW(
      store_->record_outcome(cw, pid(), TrajectoryId(101),
                             {.kind = OutcomeKind::kTrialPlacement, .reached_on = d("2026-11-24")}),
      ValidationError);
  const auto id =
      store_->record_outcome(cw, pid(), TrajectoryId(101),
                             {.kind = OutcomeKind::kTrialPlacement, .reached_on = d("2026-02-01")});
  const Participation p = store_->participation(cw, pid(), TrajectoryId(101));
  ASSERT_EQ(p.outcomes.size(), 1u);
  EXPECT_EQ(p.outcomes[0].id, id);
  EXPECT_EQ(p.outcomes[0].kind, OutcomeKind::kTrialPlacement);
  EXPECT_FALSE(p.outcomes[0].contract);
  // Each recorded act is on the trajectory's own trail.
  std::size_t programme_entries = 0;
  for (const auto& entry : store_->history(cw, TrajectoryId(101))) {
    programme_entries += entry.action == storage::AuditAction::kProgramme;
  }
  EXPECT_EQ(programme_entries, 2u);  // the enrolment and the outcome
}

TEST_P(ProgrammeStore, TheCountsMatchWhatWasRecordedAsOfTheirDay) {
  const Actor cw = test::caseworker();
  // 101: enrolled 02-01, two group sessions (attended on site, attended remote), a coaching
  //      session missed; a goal achieved; a trial placement on 03-01 (4 weeks) and a job on
  //      06-01 (17 weeks).
  // 102: enrolled 03-01, left 05-01 (dropped out); one group session excused; a goal.
  // 103: enrolled 10-01, volunteering on 11-20 (7 weeks), a job after the report's day.
  // 104: not enrolled.
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->enrol(cw, pid(), TrajectoryId(102), d("2026-03-01"));
  store_->enrol(cw, pid(), TrajectoryId(103), d("2026-10-01"));
  store_->record_activity(cw, pid(), group("2026-03-10"),
                          std::vector<Attendee>{{TrajectoryId(101), Attendance::kAttended},
                                                {TrajectoryId(102), Attendance::kExcused}});
  store_->record_activity(cw, pid(), group("2026-03-17", ActivityMode::kRemote),
                          std::vector<Attendee>{{TrajectoryId(101), Attendance::kAttended}});
  Session coaching = group("2026-04-01");
  coaching.kind = ActivityKind::kCoaching;
  store_->record_activity(cw, pid(), coaching,
                          std::vector<Attendee>{{TrajectoryId(101), Attendance::kAbsent}});
  store_->end_enrolment(cw, pid(), TrajectoryId(102), d("2026-05-01"), LeaveReason::kDroppedOut);
  store_->add_goal(
      cw, pid(), TrajectoryId(101),
      {.text = "apothekersassistent", .set_on = d("2026-02-01"), .achieved_on = d("2026-08-01")});
  store_->add_goal(cw, pid(), TrajectoryId(102), {.text = "fietsen", .set_on = d("2026-03-01")});
  store_->record_outcome(cw, pid(), TrajectoryId(101),
                         {.kind = OutcomeKind::kTrialPlacement, .reached_on = d("2026-03-01")});
  store_->record_outcome(cw, pid(), TrajectoryId(101),
                         {.kind = OutcomeKind::kJob,
                          .reached_on = d("2026-06-01"),
                          .contract = ContractType::kPermanent});
  store_->record_outcome(cw, pid(), TrajectoryId(103),
                         {.kind = OutcomeKind::kVolunteering, .reached_on = d("2026-11-20")});
  // Amersfoort's participant: none of it is Utrecht's.
  const Actor amersfoort = test::caseworker(test::amersfoort());
  store_->enrol(amersfoort, pid(), TrajectoryId(201), d("2026-02-01"));
  store_->record_activity(amersfoort, pid(), group("2026-03-10"),
                          std::vector<Attendee>{{TrajectoryId(201), Attendance::kAttended}});
  store_->add_goal(amersfoort, pid(), TrajectoryId(201),
                   {.text = "x", .set_on = d("2026-02-01"), .achieved_on = d("2026-03-01")});
  store_->record_outcome(amersfoort, pid(), TrajectoryId(201),
                         {.kind = OutcomeKind::kTrialPlacement, .reached_on = d("2026-03-01")});
  clock_->set(d("2026-12-20"));
  store_->record_outcome(cw, pid(), TrajectoryId(103),
                         {.kind = OutcomeKind::kJob,
                          .reached_on = d("2026-12-15"),
                          .contract = ContractType::kOnCall});

  const auto all = store_->programme_counts(cw, pid(), d("2026-11-23"));
  ASSERT_EQ(all.size(), 1u);
  const ProgrammeCounts& c = all[0];
  EXPECT_EQ(c.municipality, test::utrecht());
  EXPECT_EQ(c.enrolled, 3);
  EXPECT_EQ(c.active, 2);
  EXPECT_EQ(c.left_by_reason, (std::map<LeaveReason, std::int64_t>{{LeaveReason::kDroppedOut, 1}}));
  EXPECT_EQ(c.offered, (std::map<ActivityKind, std::int64_t>{{ActivityKind::kGroupSession, 3},
                                                             {ActivityKind::kCoaching, 1}}));
  EXPECT_EQ(c.attended, (std::map<ActivityKind, std::int64_t>{{ActivityKind::kGroupSession, 2}}));
  EXPECT_EQ(c.attended_remote, 1);
  EXPECT_EQ(c.persons_with_sessions, 2);
  EXPECT_EQ(c.persons_with_goal, 2);
  EXPECT_EQ(c.persons_goal_achieved, 1);
  EXPECT_EQ(c.reached, (std::map<OutcomeKind, std::int64_t>{{OutcomeKind::kTrialPlacement, 1},
                                                            {OutcomeKind::kJob, 1},
                                                            {OutcomeKind::kVolunteering, 1}}));
  EXPECT_EQ(c.reached_any, 2);
  EXPECT_EQ(c.weeks_to.at(OutcomeKind::kTrialPlacement), std::vector<std::int64_t>{4});
  EXPECT_EQ(c.weeks_to.at(OutcomeKind::kJob), std::vector<std::int64_t>{17});
  EXPECT_EQ(c.weeks_to.at(OutcomeKind::kVolunteering), std::vector<std::int64_t>{7});

  // As of the day before 103's enrolment and 102's leaving, and a day that counts the later job.
  const auto early = store_->programme_counts(cw, pid(), d("2026-04-30"))[0];
  EXPECT_EQ(early.enrolled, 2);
  EXPECT_EQ(early.active, 2);
  EXPECT_EQ(early.persons_goal_achieved, 0);
  EXPECT_EQ(early.reached_any, 1);
  // Each day counts on the day itself: the session of 03-10, 102's leaving on 05-01, 103's
  // enrolment on 10-01, the job of 06-01.
  const auto before_session = store_->programme_counts(cw, pid(), d("2026-03-09"))[0];
  EXPECT_TRUE(before_session.offered.empty());
  EXPECT_EQ(before_session.persons_with_goal, 2);
  const auto session_day = store_->programme_counts(cw, pid(), d("2026-03-10"))[0];
  EXPECT_EQ(session_day.offered,
            (std::map<ActivityKind, std::int64_t>{{ActivityKind::kGroupSession, 2}}));
  EXPECT_EQ(session_day.attended.at(ActivityKind::kGroupSession), 1);
  EXPECT_EQ(session_day.persons_with_sessions, 2);
  const auto before_goal = store_->programme_counts(cw, pid(), d("2026-02-28"))[0];
  EXPECT_EQ(before_goal.persons_with_goal, 1);
  EXPECT_EQ(before_goal.enrolled, 1);
  const auto leaving_day = store_->programme_counts(cw, pid(), d("2026-05-01"))[0];
  EXPECT_EQ(leaving_day.active, 1);
  EXPECT_EQ(leaving_day.left_by_reason.at(LeaveReason::kDroppedOut), 1);
  EXPECT_EQ(store_->programme_counts(cw, pid(), d("2026-09-30"))[0].enrolled, 2);
  EXPECT_EQ(store_->programme_counts(cw, pid(), d("2026-10-01"))[0].enrolled, 3);
  EXPECT_EQ(
      store_->programme_counts(cw, pid(), d("2026-05-31"))[0].reached.count(OutcomeKind::kJob), 0u);
  EXPECT_EQ(store_->programme_counts(cw, pid(), d("2026-06-01"))[0].reached.at(OutcomeKind::kJob),
            1);
  EXPECT_EQ(store_->programme_counts(cw, pid(), d("2026-07-31"))[0].persons_goal_achieved, 0);
  EXPECT_EQ(store_->programme_counts(cw, pid(), d("2026-08-01"))[0].persons_goal_achieved, 1);
  // Amersfoort's own row holds its participant.
  const auto theirs = store_->programme_counts(amersfoort, pid(), d("2026-11-23"));
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(theirs[0].municipality, test::amersfoort());
  EXPECT_EQ(theirs[0].enrolled, 1);
  EXPECT_EQ(theirs[0].reached.at(OutcomeKind::kTrialPlacement), 1);
  const auto later = store_->programme_counts(cw, pid(), d("2026-12-20"))[0];
  EXPECT_EQ(later.reached.at(OutcomeKind::kJob), 2);
  EXPECT_EQ(later.weeks_to.at(OutcomeKind::kJob), (std::vector<std::int64_t>{10, 17}));

  // The report over them, with and without the rule.
  const ProgrammeReport open = store_->programme_outcomes(cw, pid(), d("2026-11-23"), {});
  EXPECT_EQ(open.rows.size(), 1u);
  EXPECT_EQ(open.suppressed, 0);
  const ProgrammeReport outside =
      store_->programme_outcomes(cw, pid(), d("2026-11-23"), {.apply = true});
  EXPECT_GT(outside.suppressed, 0);  // three persons: all hidden
  EXPECT_THROW(
      store_->programme_outcomes(cw, pid(), d("2026-11-23"), {.apply = true, .min_count = 0}),
      ValidationError);
}

TEST_P(ProgrammeStore, TheExportHoldsNoIdentifierAndLinksToTheCohortExport) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->enrol(cw, pid(), TrajectoryId(102), d("2026-02-01"));
  store_->enrol(test::caseworker(test::amersfoort()), pid(), TrajectoryId(201), d("2026-02-01"));
  store_->add_goal(cw, pid(), TrajectoryId(101),
                   {.text = "politieagent worden", .set_on = d("2026-02-01")});
  const auto key = monitoring::PseudonymKey::from_hex(kKeyHex);
  const std::string csv =
      store_->programme_export(test::back_office(), key, pid(), d("2026-11-23"));
  // Utrecht supplies its own two; Amersfoort's enrolment is Amersfoort's to supply.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
  for (std::int64_t id : {101, 102}) {
    const Trajectory t = store_->load(cw, TrajectoryId(id));
    const auto& person = t.record().participant;
    EXPECT_EQ(csv.find(person.bsn.digits()), std::string::npos);
    EXPECT_EQ(csv.find(person.family_name), std::string::npos);
    EXPECT_EQ(csv.find(person.given_names), std::string::npos);
    EXPECT_EQ(csv.find(to_iso(person.birth_date)), std::string::npos);
    EXPECT_NE(csv.find(key.pseudonym(person.bsn)), std::string::npos);
  }
  EXPECT_EQ(csv.find("politieagent"), std::string::npos);
  EXPECT_EQ(csv.find("2026-"), std::string::npos);  // no dates at all
  // The same pseudonyms as the cohort export under the same key.
  const std::string cohort =
      store_->evaluation_export(test::back_office(), key, {.as_of = d("2026-11-23")});
  EXPECT_NE(cohort.find(key.pseudonym(test::bsn_for(101))), std::string::npos);
  // Audited once, with the programme and the key's fingerprint.
  const std::string note = db_.one(
      "SELECT note FROM audit_log WHERE action = 'evaluation_export' ORDER BY sequence LIMIT 1");
  ASSERT_FALSE(note.empty());
  EXPECT_NE(note.find("programme 1"), std::string::npos) << note;
  EXPECT_NE(note.find(key.fingerprint()), std::string::npos) << note;
  EXPECT_NE(note.find("2 enrolments"), std::string::npos) << note;
  // As of a day before 102's enrolment, only 101 is in it.
  store_->enrol(cw, pid(), TrajectoryId(103), d("2026-06-01"));
  const std::string early =
      store_->programme_export(test::back_office(), key, pid(), d("2026-05-31"));
  EXPECT_EQ(std::count(early.begin(), early.end(), '\n'), 3);
  EXPECT_EQ(early.find(key.pseudonym(test::bsn_for(103))), std::string::npos);
  EXPECT_THROW(store_->programme_export(test::auditor(), key, pid(), d("2026-11-23")),
               AccessDenied);
  EXPECT_THROW(store_->programme_export(amsterdam(), key, pid(), d("2026-11-23")), NotFound);
}

TEST_P(ProgrammeStore, ErasureAndPurgeRemoveWhatTheProgrammeRecorded) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->enrol(cw, pid(), TrajectoryId(102), d("2026-02-01"));
  store_->add_goal(cw, pid(), TrajectoryId(101),
                   {.text = "politieagent worden", .set_on = d("2026-02-01")});
  store_->record_activity(cw, pid(), group("2026-03-01"),
                          std::vector<Attendee>{{TrajectoryId(101)}, {TrajectoryId(102)}});
  store_->record_outcome(cw, pid(), TrajectoryId(101),
                         {.kind = OutcomeKind::kVolunteering, .reached_on = d("2026-04-01")});
  EXPECT_EQ(store_->erase_person(test::privacy_officer(), test::bsn_for(101), "verzoek art. 17"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM programme_goal"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM programme_outcome"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM programme_activity WHERE trajectory_id = 101"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM programme_activity WHERE trajectory_id = 102"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM enrolment"), 1);
  EXPECT_THROW(store_->participation(cw, pid(), TrajectoryId(101)), NotFound);
  EXPECT_EQ(store_->programme_counts(cw, pid(), d("2026-11-23"))[0].enrolled, 1);
  // An erased trajectory is not enrolled again.
  try {
    store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
    ADD_FAILURE();
  } catch (const NotFound& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPurged);
  }
}

TEST_P(ProgrammeStore, WhetherAnotherMunicipalitysTrajectoryIsEnrolledDoesNotShow) {
  store_->enrol(test::caseworker(), pid(), TrajectoryId(101), d("2026-02-01"));
  const Actor amersfoort = test::caseworker(test::amersfoort());
  const auto kind_of = [&](std::int64_t id) {
    try {
      (void)store_->participation(amersfoort, pid(), TrajectoryId(id));
    } catch (const NotFound& e) {
      return e.what_kind();
    }
    return std::string("(found)");
  };
  const auto denied = count("SELECT count(*) FROM audit_log WHERE action = 'denied'");
  EXPECT_EQ(kind_of(101), "trajectory");  // enrolled
  EXPECT_EQ(kind_of(102), "trajectory");  // not enrolled: the same answer
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'denied'"), denied + 2);
  EXPECT_EQ(kind_of(999), "trajectory");
}

TEST_P(ProgrammeStore, AMixedSessionOfAnotherMunicipalityStoresNothing) {
  store_->enrol(test::caseworker(), pid(), TrajectoryId(101), d("2026-02-01"));
  store_->enrol(test::caseworker(test::amersfoort()), pid(), TrajectoryId(201), d("2026-02-01"));
  const auto entries = count("SELECT count(*) FROM audit_log");
  EXPECT_THROW(
      store_->record_activity(test::caseworker(), pid(), group("2026-03-01"),
                              std::vector<Attendee>{{TrajectoryId(101)}, {TrajectoryId(201)}}),
      NotFound);
  EXPECT_EQ(count("SELECT count(*) FROM programme_activity"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), entries + 1);
  EXPECT_EQ(last_action(), "denied");
}

TEST_P(ProgrammeStore, ARefusedAmendmentNamesNoOtherMunicipalitysData) {
  store_->enrol(test::caseworker(test::amersfoort()), pid(), TrajectoryId(201), d("2026-03-02"));
  Definition without = powervrouwen();
  without.municipalities = {test::utrecht()};
  try {
    store_->amend_programme(test::caseworker(), pid(), without, 1);
    ADD_FAILURE();
  } catch (const RuleViolation& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("0307 has enrolments"), std::string::npos) << message;
    EXPECT_EQ(message.find("1 enrolments"), std::string::npos) << message;
  }
  Definition later = powervrouwen();
  later.starts_on = d("2026-03-03");
  try {
    store_->amend_programme(test::caseworker(), pid(), later, 1);
    ADD_FAILURE();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(std::string(e.what()).find("2026-03-02"), std::string::npos) << e.what();
  }
}

TEST_P(ProgrammeStore, LeavingAndGoalsKeepWithinThePeriod) {
  const Actor cw = test::caseworker();
  Definition own = powervrouwen();
  own.name = "Kort";
  own.starts_on = d("2026-01-01");
  own.ends_on = d("2026-06-30");
  const Programme p = store_->define_programme(cw, own);
  store_->enrol(cw, p.id, TrajectoryId(101), d("2026-02-01"));
  store_->enrol(cw, p.id, TrajectoryId(102), d("2026-02-01"));
  // Not after the programme's last day.
  EXPECT_THROW(
      store_->end_enrolment(cw, p.id, TrajectoryId(101), d("2026-07-01"), LeaveReason::kFinished),
      RuleViolation);
  EXPECT_NO_THROW(
      store_->end_enrolment(cw, p.id, TrajectoryId(101), d("2026-06-30"), LeaveReason::kFinished));
  // Not before a goal set while enrolled.
  store_->add_goal(cw, p.id, TrajectoryId(102), {.text = "taal", .set_on = d("2026-04-01")});
  EXPECT_THROW(
      store_->end_enrolment(cw, p.id, TrajectoryId(102), d("2026-03-31"), LeaveReason::kMoved),
      RuleViolation);
  // An amendment keeps the goal, the leaving and the sessions within the period.
  Definition shorter = own;
  shorter.ends_on = d("2026-06-29");  // 101 left on 06-30
  EXPECT_THROW(store_->amend_programme(cw, p.id, shorter, 1), RuleViolation);
  store_->end_enrolment(cw, p.id, TrajectoryId(102), d("2026-04-01"), LeaveReason::kMoved);
  Definition early_goal_only = own;
  early_goal_only.name = "Kort 2";
  const Programme q = store_->define_programme(cw, early_goal_only);
  store_->enrol(cw, q.id, TrajectoryId(103), d("2026-01-10"));
  store_->add_goal(cw, q.id, TrajectoryId(103), {.text = "werk", .set_on = d("2026-05-01")});
  Definition before_goal = early_goal_only;
  before_goal.ends_on = d("2026-04-30");
  EXPECT_THROW(store_->amend_programme(cw, q.id, before_goal, 1), RuleViolation);
  before_goal.ends_on = d("2026-05-01");
  EXPECT_EQ(store_->amend_programme(cw, q.id, before_goal, 1), 2);
}

TEST_P(ProgrammeStore, ThePersonsOwnDataIncludeWhatProgrammesRecorded) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->add_goal(cw, pid(), TrajectoryId(101),
                   {.text = "politieagent worden", .set_on = d("2026-02-01")});
  store_->record_outcome(cw, pid(), TrajectoryId(101),
                         {.kind = OutcomeKind::kJob,
                          .reached_on = d("2026-05-01"),
                          .contract = ContractType::kPermanent});
  const auto doc =
      nlohmann::json::parse(store_->subject_access(test::privacy_officer(), test::bsn_for(101)));
  const auto& programmes = doc["trajectories"][0]["programmes"];
  ASSERT_EQ(programmes.size(), 1u);
  EXPECT_EQ(programmes[0]["programme"], 1);
  EXPECT_EQ(programmes[0]["enrolled_on"], "2026-02-01");
  EXPECT_EQ(programmes[0]["goals"][0]["text"], "politieagent worden");
  EXPECT_EQ(programmes[0]["outcomes"][0]["contract"], "permanent");
  const auto other =
      nlohmann::json::parse(store_->subject_access(test::privacy_officer(), test::bsn_for(102)));
  EXPECT_TRUE(other["trajectories"][0]["programmes"].empty());
}

TEST_P(ProgrammeStore, APurgeRemovesWhatTheProgrammeRecorded) {
  const Actor cw = test::caseworker();
  store_->enrol(cw, pid(), TrajectoryId(101), d("2026-02-01"));
  store_->add_goal(cw, pid(), TrajectoryId(101),
                   {.text = "politieagent worden", .set_on = d("2026-02-01")});
  Trajectory t = store_->load(cw, TrajectoryId(101));
  t.end(d("2026-06-01"), EndReason::kLeftCountry);
  store_->save(cw, t);
  const auto report = store_->purge_expired(test::privacy_officer(), d("2045-01-01"));
  ASSERT_EQ(report.purged.size(), 1u);
  EXPECT_EQ(count("SELECT count(*) FROM programme_goal"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM enrolment"), 0);
}

TEST_P(ProgrammeStore, AReadOnlyStoreRefusesEveryProgrammeWrite) {
  store_.reset();
  auto reader = db_.open({.clock = clock_, .read_only = true});
  EXPECT_EQ(reader->programmes(test::caseworker()).size(), 1u);
  const auto refused = [](auto&& f) {
    try {
      f();
    } catch (const StorageError& e) {
      return e.code() == ErrorCode::kReadOnlyStore;
    }
    return false;
  };
  EXPECT_TRUE(refused([&] { reader->define_programme(test::caseworker(), powervrouwen()); }));
  EXPECT_TRUE(refused([&] {
    reader->enrol(test::caseworker(), ProgrammeId(1), TrajectoryId(101), d("2026-02-01"));
  }));
}

TEST(ProgrammeMigration, ASchema9FileGetsTheProgrammeTables) {
  test::TempDir dir;
  const std::string path = dir.file("old.db");
  auto clock = std::make_shared<FixedClock>(d("2026-11-23"));
  {
    auto store = storage::SqliteStore::open(path, {.clock = clock});
    Trajectory t = person(101, test::utrecht());
    store->create(test::caseworker(), t);
  }
  {
    // Back to what 0.8 wrote: schema 9, no programme tables.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "DROP TABLE programme_outcome; DROP TABLE programme_goal; DROP TABLE programme_activity; "
        "DROP TABLE enrolment; DROP TABLE programme_municipality; DROP TABLE programme; "
        "PRAGMA user_version = 9");
  }
  auto store = storage::SqliteStore::open(path, {.clock = clock});
  EXPECT_EQ(store->schema_version(), 10);
  const Programme p = store->define_programme(test::caseworker(), powervrouwen());
  EXPECT_NO_THROW(store->enrol(test::caseworker(), p.id, TrajectoryId(101), d("2026-02-01")));
}

}  // namespace
}  // namespace inburgering::programme
