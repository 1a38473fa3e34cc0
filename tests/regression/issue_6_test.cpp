// Issue 6 (API soundness): each point the review reproduced against the installed library, as a
// test that failed before the fix.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::AuditAction;
using storage::SqliteOptions;
using storage::SqliteStore;
using ::testing::HasSubstr;
using ::testing::Not;

const storage::LoadOptions kWithHealth{.with_health = true};

std::shared_ptr<FixedClock> clock_on(const char* iso) {
  auto clock = std::make_shared<FixedClock>(d(iso));
  clock->set_time_of_day(std::chrono::hours{9});
  return clock;
}

Policy with_min_interviews(int count) {
  Policy policy;
  policy.min_progress_interviews = count;
  return policy;
}

// ---- 1. A policy change never makes stored records unloadable ---------------------------------

TEST(Issue6PolicyPerRecord, RecordsMadeUnderOnePolicyLoadDisplayAndSaveUnderAChangedOne) {
  TempDir dir;
  const std::string path = dir.file("policy.db");
  {
    auto store = SqliteStore::open(path, {.clock = clock_on("2024-03-01")});
    // A PIP with 2 interviews, legal when the college required at least 2.
    Trajectory t = planning(asylum_holder(), 32, with_min_interviews(2));
    PlanContent plan = content();
    plan.progress_interview_count = 2;
    t.issue_first_plan(d("2024-03-01"), plan);
    store->create(caseworker(), t);
  }
  auto store = SqliteStore::open(path, {.clock = clock_on("2025-01-10")});
  Trajectory t = store->load(caseworker(), TrajectoryId(7));
  // The loaded trajectory shows the policy it runs under: the stored one.
  EXPECT_EQ(t.policy().min_progress_interviews, 2);

  // The college now requires 4. The trajectory adopts it explicitly, and it still loads,
  // displays and saves: the old version keeps the norms it was issued under.
  t.adopt_policy(with_min_interviews(4));
  EXPECT_EQ(t.record().plan_versions[0].norms.min_progress_interviews, 2);
  EXPECT_NO_THROW(t.signals(d("2025-01-10")));
  EXPECT_NO_THROW(t.completion_report());
  store->save(caseworker(), t);
  const Trajectory reloaded = store->load(caseworker(), TrajectoryId(7));
  EXPECT_EQ(reloaded.policy().min_progress_interviews, 4);

  // The change of policy is in the audit trail, field by field.
  const auto history = store->history(auditor(), TrajectoryId(7));
  ASSERT_EQ(history.back().action, AuditAction::kUpdate);
  ASSERT_EQ(history.back().changes.size(), 1u);
  EXPECT_EQ(history.back().changes[0].field, "/policy/min_progress_interviews");
  EXPECT_EQ(history.back().changes[0].before, "2");
  EXPECT_EQ(history.back().changes[0].after, "4");

  // A new act uses the new policy: an adjusted PIP with 2 interviews is refused, 4 accepted.
  Trajectory next = store->load(caseworker(), TrajectoryId(7));
  PlanContent two = next.current_plan()->content;
  two.progress_interview_count = 2;
  EXPECT_THROW(next.adjust_plan(d("2025-01-10"), two, "minder gesprekken"), ValidationError);
  PlanContent four = two;
  four.progress_interview_count = 4;
  const PlanVersion v2 = next.adjust_plan(d("2025-01-10"), four, "vier gesprekken");
  EXPECT_EQ(v2.norms.min_progress_interviews, 4);
  store->save(caseworker(), next);
  EXPECT_EQ(store->load(caseworker(), TrajectoryId(7)).record().plan_versions.size(), 2u);
}

TEST(Issue6PolicyPerRecord, AStoreNeverReplacesTheCallersPolicy) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-03-01")});
  Policy municipal = with_min_interviews(3);
  municipal.no_hours_signal_weeks = 9;
  Trajectory t = on_route(Route::kB1, asylum_holder(), municipal);
  store->create(caseworker(), t);
  EXPECT_EQ(t.policy(), municipal);
  EXPECT_EQ(store->load(caseworker(), t.id()).policy(), municipal);
}

TEST(Issue6PolicyPerRecord, TheTermKeepsTheNumbersItStartedWith) {
  Trajectory t = on_route();
  const Date end = *t.term_end(d("2025-01-01"));
  Policy shorter;
  shorter.term_months = 24;
  shorter.max_interruption_days = 10;
  // A college cannot choose statutory numbers; a change of law (a stored policy of another
  // version) does not rewrite the running term either.
  EXPECT_THROW(t.adopt_policy(shorter), ValidationError);
  TrajectoryRecord record = t.record();
  record.policy = shorter;
  const Trajectory under_other_law = Trajectory::from_record(record);
  EXPECT_EQ(*under_other_law.term_end(d("2025-01-01")), end);
  EXPECT_EQ(under_other_law.record().term->length_months, 36);
}

TEST(Issue6PolicyPerRecord, AdoptingABadPolicyChangesNothing) {
  Trajectory t = on_route();
  Policy bad;
  bad.unburdening_months = 2;
  const TrajectoryRecord before = t.record();
  EXPECT_THROW(t.adopt_policy(bad), ValidationError);
  EXPECT_EQ(t.record(), before);
}

TEST(Issue6PolicyPerRecord, AMoveRunsUnderTheReceivingCollegesPolicy) {
  Trajectory old = on_route(Route::kB1, asylum_holder(), with_min_interviews(2));
  old.transfer_out(amersfoort(), d("2024-09-15"));
  const Trajectory now = Trajectory::receive_transfer(
      old, TrajectoryId(99), amersfoort(), UserId("km-a"), d("2024-09-20"), with_min_interviews(5));
  EXPECT_EQ(now.policy().min_progress_interviews, 5);
  EXPECT_EQ(now.record().plan_versions[0].norms.min_progress_interviews, 2);
  EXPECT_EQ(now.record().term, old.record().term);
}

TEST(Issue6PolicyPerRecord, AdoptingAPolicyDoesNotJudgeEarlierActsAgain) {
  // Issued on 2024-03-01; due 2024-03-25 under the 10 weeks in force then.
  Trajectory t = on_route();
  ASSERT_EQ(t.record().plan_versions[0].due_by, d("2024-03-25"));
  EXPECT_FALSE(t.is_late(t.record().plan_versions[0]));
  const Date switch_deadline = t.record().term->route_switch_deadline();
  Policy other;
  other.pip_deadline_weeks = 1;          // would make the first PIP late
  other.route_switch_window_months = 6;  // would have closed the window already
  // Statutory numbers change only with the law: a stored policy of another version.
  TrajectoryRecord record = t.record();
  record.policy = other;
  t = Trajectory::from_record(record);
  EXPECT_FALSE(t.is_late(t.record().plan_versions[0]));
  EXPECT_EQ(t.record().term->route_switch_deadline(), switch_deadline);
  // A switch 12 months in is still within the 18 months the term started with.
  PlanContent z = content(Route::kZ);
  EXPECT_NO_THROW(t.switch_route(d("2025-03-01"), z, "B1 niet haalbaar"));
  bool signalled = false;
  for (const Signal& signal : on_route().signals(d("2025-07-01"))) {
    signalled = signalled || signal.kind == SignalKind::kRouteSwitchWindowClosing;
  }
  EXPECT_TRUE(signalled);
}

TEST(Issue6PolicyPerRecord, ATransferOfALoadedTrajectoryCanBeStoredByTheNewMunicipality) {
  auto old_store = SqliteStore::open(":memory:", {.clock = clock_on("2024-09-15")});
  auto new_store = SqliteStore::open(":memory:", {.clock = clock_on("2024-09-20")});
  Trajectory t = rich_trajectory();
  old_store->create(caseworker(), t);
  Trajectory loaded = old_store->load(back_office(), t.id());  // health as a placeholder
  loaded.transfer_out(amersfoort(), d("2024-09-15"));
  old_store->save(back_office(), loaded);
  // The dispensation's ground is withheld from the back office (Bi 9.11) and binds the new
  // college: the move needs the values, so a caseworker loads them.
  try {
    Trajectory::receive_transfer(loaded, TrajectoryId(99), amersfoort(), UserId("km-a"),
                                 d("2024-09-20"), Policy{});
    FAIL() << "a dispensation without its values moved";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "obligation.dispensations[0].special_withheld");
  }
  Trajectory full = old_store->load(caseworker(), t.id(), {.with_health = true});
  TrajectoryRecord without_health = full.record();
  without_health.intake.topics[IntakeTopic::kHealth].withheld = true;  // as a placeholder
  without_health.intake.topics[IntakeTopic::kHealth].notes.clear();
  Trajectory incoming =
      Trajectory::receive_transfer(Trajectory::from_record(without_health), TrajectoryId(99),
                                   amersfoort(), UserId("km-a"), d("2024-09-20"), Policy{});
  EXPECT_EQ(incoming.record().intake.topics.count(IntakeTopic::kHealth), 0u);
  EXPECT_NO_THROW(new_store->create(caseworker(amersfoort()), incoming));
  EXPECT_EQ(new_store->load(caseworker(amersfoort()), TrajectoryId(99), {.with_health = true})
                .record()
                .obligation.dispensations,
            t.record().obligation.dispensations);
}

// ---- 2. Results that cannot dangle; a store sets only the revision -----------------------------

// Under ASan this was a heap-use-after-free: save() replaced the whole object.
TEST(Issue6Results, AResultKeptAcrossASaveStaysValid) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-03-01")});
  Trajectory t = planning();
  const PlanVersion& plan = t.issue_first_plan(d("2024-03-01"), content());
  const TrajectoryRecord& record = t.record();
  const PlanVersion& first = record.plan_versions.front();
  const Participant& person = t.participant();
  store->create(caseworker(), t);
  t.record_attendance(hours(HourKind::kLanguageCourse, "2024-03-05", 4));
  const std::int64_t revision = store->save(caseworker(), t);
  EXPECT_EQ(revision, 2);
  EXPECT_EQ(t.revision(), 2);
  EXPECT_EQ(plan.number, 1);
  EXPECT_EQ(first.date_of_issue, d("2024-03-01"));
  EXPECT_EQ(&record, &t.record());  // the same object, not a replacement
  EXPECT_EQ(person.family_name, "Haddad");
}

TEST(Issue6Results, AFineIsReturnedByValue) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-02-01")});
  Trajectory t = registered();
  for (const char* sent : {"2024-01-16", "2024-01-20"}) {
    t.invite_to_intake(d(sent), d(sent));
    t.record_invitation_outcome(InvitationOutcome::kNoShow);
  }
  const MunicipalFine& fine = t.impose_intake_fine(
      IntakeFineDecision{.imposed_on = d("2024-01-24"), .new_term_until = d("2024-03-23")});
  store->create(caseworker(), t);
  EXPECT_EQ(fine.amount, Money::euros(250));
}

TEST(Issue6Results, CreateAndSaveChangeOnlyTheRevision) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-03-01")});
  Trajectory t = on_route();
  TrajectoryRecord expected = t.record();
  EXPECT_EQ(store->create(caseworker(), t), 1);
  expected.revision = 1;
  EXPECT_EQ(t.record(), expected);
  t.record_attendance(hours(HourKind::kLanguageCourse, "2024-03-05", 4));
  expected = t.record();
  EXPECT_EQ(store->save(caseworker(), t), 2);
  expected.revision = 2;
  EXPECT_EQ(t.record(), expected);
  // A save without changes keeps the revision.
  EXPECT_EQ(store->save(caseworker(), t), 2);
}

// ---- 3. Reading health is opt-in -------------------------------------------------------------

TEST(Issue6Health, OrdinaryLoadsNeitherReadNorAuditHealth) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2025-03-01")});
  Trajectory t = rich_trajectory();
  store->create(caseworker(), t);
  for (int i = 0; i < 5; ++i) {
    const Trajectory loaded = store->load(caseworker(), t.id());
    EXPECT_TRUE(loaded.record().intake.topics.at(IntakeTopic::kHealth).withheld);
  }
  const auto history = store->history(auditor(), t.id());
  EXPECT_EQ(history.size(), 1u);  // only the creation
}

TEST(Issue6Health, AWithheldTopicStillCompletesTheIntakeAndIsNotOverwritten) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-02-01")});
  Trajectory t = registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-26"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  fill_intake(t);
  store->create(caseworker(), t);
  // The back office completes the intake without seeing the health notes.
  Trajectory office = store->load(back_office(), t.id());
  office.complete_intake(d("2024-02-01"));
  store->save(back_office(), office);
  const Trajectory full = store->load(caseworker(), t.id(), kWithHealth);
  EXPECT_EQ(full.state(), TrajectoryState::kPlanning);
  EXPECT_EQ(full.record().intake.topics.at(IntakeTopic::kHealth).notes, "besproken");
  // Nobody can set a placeholder by hand.
  Trajectory other = registered();
  EXPECT_THROW(other.record_intake_topic(IntakeTopic::kHealth,
                                         TopicRecord{"", d("2024-01-20"), false, true}),
               ValidationError);
}

// ---- 5. Errors a back office can act on --------------------------------------------------------

TEST(Issue6Errors, ConflictsAndMissesCarryDistinctCodes) {
  auto clock = clock_on("2025-03-01");
  auto store = SqliteStore::open(":memory:", {.clock = clock});
  Trajectory t = on_route();
  store->create(caseworker(), t);
  auto code_of = [](auto&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::kInvalidInput;  // nothing thrown: a value no call below expects
  };
  Trajectory same_id = on_route();
  EXPECT_EQ(code_of([&] { store->create(caseworker(), same_id); }), ErrorCode::kIdExists);
  EXPECT_EQ(code_of([&] { store->create(caseworker(), t); }), ErrorCode::kAlreadyStored);
  Trajectory stale = store->load(caseworker(), t.id());
  t.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-01", 1));
  store->save(caseworker(), t);
  stale.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-02", 1));
  EXPECT_EQ(code_of([&] { store->save(caseworker(), stale); }), ErrorCode::kStaleRevision);
  EXPECT_EQ(code_of([&] { store->load(caseworker(), TrajectoryId(404)); }), ErrorCode::kNotFound);
  // Another municipality's record answers as a missing one (issue 8: existence does not leak).
  EXPECT_EQ(code_of([&] { store->load(caseworker(amersfoort()), t.id()); }), ErrorCode::kNotFound);
  EXPECT_EQ(code_of([&] { store->load(auditor(), t.id(), {.with_health = true}); }),
            ErrorCode::kAccessDenied);
  EXPECT_EQ(code_of([&] { t.complete(d("2025-01-01")); }), ErrorCode::kRuleViolation);

  Trajectory closed = renumber(on_route(), 8);
  closed.end(d("2015-01-01"), EndReason::kLeftCountry);
  store->create(caseworker(), closed);
  Trajectory loaded_before_purge = store->load(caseworker(), closed.id());
  store->purge_expired(privacy_officer(), d("2025-03-01"));
  EXPECT_EQ(code_of([&] { store->load(caseworker(), closed.id()); }), ErrorCode::kPurged);
  EXPECT_EQ(code_of([&] { store->save(caseworker(), loaded_before_purge); }), ErrorCode::kPurged);
}

// Damage a stored row the way page corruption or hand-written SQL would, and check that the
// store answers with StorageError(kCorruptData) that quotes nothing of the row.
class Issue6DamagedRows : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("damaged.db");
    auto store = SqliteStore::open(path_, {.clock = clock_on("2025-03-01")});
    Trajectory t = rich_trajectory();
    store->create(caseworker(), t);
  }
  void damage(const std::string& sql) {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec(sql);
  }
  template <class Call>
  void expect_corrupt(Call&& call) {
    auto store = SqliteStore::open(path_, {.clock = clock_on("2025-03-01")});
    try {
      call(*store);
      ADD_FAILURE() << "read a damaged row";
    } catch (const StorageError& e) {
      EXPECT_EQ(e.code(), ErrorCode::kCorruptData) << e.what();
      for (const char* secret : {kBsn1, "Amal", "Haddad", "PTSS", "rugklachten", "Woonstichting"}) {
        EXPECT_THAT(e.what(), Not(HasSubstr(secret)));
      }
    }
  }
  TempDir dir_;
  std::string path_;
};

TEST_F(Issue6DamagedRows, ANumberTooLargeForTheDecoder) {
  damage("UPDATE trajectory SET record = json_set(record, '$.registered_on', json('1e400'))");
  expect_corrupt([](auto& s) { s.load(caseworker(), TrajectoryId(7)); });
}

TEST_F(Issue6DamagedRows, ANameWhereANumberBelongs) {
  damage(
      "UPDATE trajectory SET record = json_set(record, '$.attendance.rows[0][2]', "
      "json_extract(record, '$.participant.family_name'))");
  expect_corrupt([](auto& s) { s.load(caseworker(), TrajectoryId(7)); });
}

TEST_F(Issue6DamagedRows, AnInvalidRecordAccordingToTheModel) {
  damage("UPDATE trajectory SET record = json_set(record, '$.state', 'registered')");
  expect_corrupt([](auto& s) { s.load(caseworker(), TrajectoryId(7)); });
}

TEST_F(Issue6DamagedRows, AHealthTopicThatIsNotATopic) {
  damage("UPDATE trajectory_health SET topic = '[\"PTSS\", 1]'");
  expect_corrupt([](auto& s) { s.load(caseworker(), TrajectoryId(7), kWithHealth); });
}

// The audit trail is append-only, so damage arrives with a new row. Since issue 8, history
// never fails on it: it names what it could not read, and quotes nothing of it.
TEST_F(Issue6DamagedRows, AnAuditRowThatIsNotAListOfChanges) {
  damage(
      "INSERT INTO audit_log (at, user_id, role, actor_municipality, action, trajectory_id, "
      "changes, hash) VALUES ('2025-03-01T09:00:00Z', 'x', 'caseworker', '0344', 'update', 7, "
      "'[1]', 'x')");
  auto store = SqliteStore::open(path_, {.clock = clock_on("2025-03-01")});
  const auto history = store->history(auditor(), TrajectoryId(7));
  EXPECT_EQ(history.back().unreadable, std::vector<std::string>{"changes"});
  EXPECT_TRUE(history.back().changes.empty());
  EXPECT_EQ(history.back().action, AuditAction::kUpdate);
}

TEST_F(Issue6DamagedRows, AnAuditRowWithAnUnknownRole) {
  damage(
      "INSERT INTO audit_log (at, user_id, role, actor_municipality, action, trajectory_id, hash) "
      "VALUES ('2025-03-01T09:00:00Z', 'x', 'Haddad', '0344', 'update', 7, 'x')");
  auto store = SqliteStore::open(path_, {.clock = clock_on("2025-03-01")});
  const auto history = store->history(auditor(), TrajectoryId(7));
  EXPECT_EQ(history.back().unreadable, std::vector<std::string>{"role"});
  EXPECT_FALSE(history.back().role.has_value());
  EXPECT_EQ(history.back().user, UserId("x"));
}

TEST_F(Issue6DamagedRows, AMissingPolicy) {
  damage("PRAGMA foreign_keys = OFF; UPDATE trajectory SET policy_id = 999");
  expect_corrupt([](auto& s) { s.load(caseworker(), TrajectoryId(7)); });
}

TEST(Issue6Errors, InvalidTextIsRefusedWhereItEntersTheModel) {
  // Invalid UTF-8 in a name used to pass the model and escape create() as a JSON exception.
  Participant person = asylum_holder();
  person.family_name =
      "Had\xff"
      "dad";
  try {
    Trajectory::open(TrajectoryId(1), utrecht(), UserId("km"), person, notified_obligation(),
                     d("2024-01-15"));
    FAIL() << "accepted invalid UTF-8";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "participant.family_name");
    EXPECT_THAT(e.what(), Not(HasSubstr("Had")));
  }
  Trajectory t = on_route();
  const TrajectoryRecord before = t.record();
  EXPECT_THROW(t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kOnTrack,
                                           std::string("bel\x01l")),
               ValidationError);
  AttendanceEntry entry = hours(HourKind::kLanguageCourse, "2024-04-01", 2);
  entry.reported_by = std::string(kMaxTextBytes + 1, 'x');
  EXPECT_THROW(t.record_attendance(entry), ValidationError);
  PlanContent plan = content();
  plan.goals.push_back("\xc0\xaf");  // an overlong '/'
  EXPECT_THROW(t.adjust_plan(d("2024-05-01"), plan, "nieuw doel"), ValidationError);
  EXPECT_THROW(t.adjust_plan(d("2024-05-01"), content(), "\xed\xa0\x80"), ValidationError);
  EXPECT_EQ(t.record(), before);
  // Layout characters and any valid script are fine.
  EXPECT_NO_THROW(t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kOnTrack,
                                              "regel 1\nregel 2\tmet tab — Ελληνικά, العربية"));
  // A user id is an identifier: no layout characters, not empty.
  EXPECT_THROW(Trajectory::open(TrajectoryId(1), utrecht(), UserId("km\n"), asylum_holder(),
                                notified_obligation(), d("2024-01-15")),
               ValidationError);
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2025-03-01")});
  storage::Actor bad = caseworker();
  bad.user = UserId("");
  Trajectory fresh = on_route();
  EXPECT_THROW(store->create(bad, fresh), ValidationError);
}

TEST(Issue6Errors, DatesOutsideTheCalendarAreValidationErrors) {
  EXPECT_THROW(add_months(Date(9999, 12, 1), 1), ValidationError);
  EXPECT_THROW(add_months(Date(1400, 1, 31), -1), ValidationError);
  EXPECT_THROW(add_months(Date(2024, 1, 31), std::numeric_limits<int>::max()), ValidationError);
  EXPECT_THROW(add_months(Date(2024, 1, 31), std::numeric_limits<int>::min()), ValidationError);
  EXPECT_THROW(last_day_of_period(Date(2199, 12, 1), 12 * 8000), ValidationError);
  FixedClock clock(d("2199-12-31"));
  EXPECT_THROW(clock.advance_days(1), ValidationError);
  EXPECT_THROW(clock.advance_days(std::numeric_limits<int>::max()), ValidationError);
  EXPECT_EQ(clock.today(), d("2199-12-31"));
  EXPECT_THROW(parse_date("2200-01-01"), ValidationError);
  EXPECT_THROW(parse_date("1899-12-31"), ValidationError);
  EXPECT_EQ(parse_date("2199-12-31"), Date(2199, 12, 31));
  EXPECT_EQ(parse_date("1900-01-01"), Date(1900, 1, 1));
  // A date at the end of the range in a trajectory: the deadlines still compute.
  Obligation late = notified_obligation();
  late.duo_notice_date = d("2199-12-01");
  late.brp_registration_date = d("2199-12-20");
  Participant young = asylum_holder();
  young.birth_date = d("2170-01-01");
  Trajectory t =
      Trajectory::open(TrajectoryId(1), utrecht(), UserId("km"), young, late, d("2199-12-20"));
  EXPECT_EQ(t.pip_deadline(), Date(2200, 2, 28));
  EXPECT_NO_THROW(t.signals(d("2199-12-31")));
}

TEST(Issue6Errors, ATermEndingAfterTheInputYearsStaysListable) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2199-12-31")});
  Obligation late = notified_obligation();
  late.duo_notice_date = d("2199-01-08");
  late.brp_registration_date = d("2199-01-15");
  Participant young = asylum_holder();
  young.birth_date = d("2170-01-01");
  Trajectory t =
      Trajectory::open(TrajectoryId(1), utrecht(), UserId("km"), young, late, d("2199-01-15"));
  t.invite_to_intake(d("2199-01-16"), d("2199-01-26"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  for (IntakeTopic topic : all_intake_topics()) {
    if (is_required(topic) && topic != IntakeTopic::kEarlyChildhoodEducation) {
      t.record_intake_topic(topic, noted("2199-01-25"));
    }
  }
  t.record_learnability_test(LearnabilityTest{d("2199-01-24"), 32, std::nullopt});
  t.record_informed_may_attend_alone();
  t.complete_intake(d("2199-02-01"));
  t.issue_first_plan(d("2199-03-01"), content());
  store->create(caseworker(), t);  // term ends 2202-03-01
  const auto listed = store->list(caseworker(), {}, {});
  ASSERT_EQ(listed.items.size(), 1u);
  EXPECT_EQ(listed.items[0].term_end, Date(2202, 3, 1));
  EXPECT_FALSE(store->worklist(caseworker(), d("2199-12-31"), {}, {.limit = 1}).items.empty());
  const auto ending = store->terms_ending(caseworker(), d("2199-12-31"), 120, {}, {.limit = 1});
  ASSERT_EQ(ending.items.size(), 1u);
  EXPECT_NO_THROW(store->load(caseworker(), TrajectoryId(1)));
}

TEST(Issue6Errors, MessagesDoNotRepeatPersonalValues) {
  auto message_of = [](auto&& call) -> std::string {
    try {
      call();
    } catch (const Error& e) {
      return e.what();
    }
    return "nothing thrown";
  };
  Participant person = asylum_holder();
  person.birth_date = Date(1850, 5, 17);
  const std::string birth = message_of([&] { person.validate(); });
  EXPECT_THAT(birth, HasSubstr("participant.birth_date"));
  EXPECT_THAT(birth, Not(HasSubstr("1850")));
  Trajectory low = planning(asylum_holder(), 17);
  const std::string route = message_of([&] { low.issue_first_plan(d("2024-03-01"), content()); });
  EXPECT_THAT(route, HasSubstr("pass mark 28"));
  EXPECT_THAT(route, Not(HasSubstr("17")));
  Trajectory t = on_route();
  const std::string fine = message_of([&] {
    t.record_duo_fine(
        DuoFine{DuoFineKind::kPvtMapNotInTime, d("2025-01-01"), Money::cents(123456), 12});
  });
  EXPECT_THAT(fine, HasSubstr("duo_fine.amount"));
  EXPECT_THAT(fine, Not(HasSubstr("1.234,56")));
  const std::string parsed = message_of([] { parse_date("Haddad"); });
  EXPECT_THAT(parsed, Not(HasSubstr("Haddad")));
  EXPECT_THAT(message_of([] { parse_date("2024-13-01"); }), HasSubstr("2024-13-01"));
}

TEST(Issue6Errors, PolicyNumbersHaveUpperBounds) {
  Policy p;
  p.pip_deadline_weeks = 1000000;
  EXPECT_THROW(p.validate(), ValidationError);
  p = Policy{};
  p.retention_years = 101;
  EXPECT_THROW(p.validate_stored(), ValidationError);
  p.retention_years = 100;
  EXPECT_NO_THROW(p.validate_stored());         // a stored policy of another version loads
  EXPECT_THROW(p.validate(), ValidationError);  // but Bi 9.9 says 5 years
  p.intake_fine = Money::euros(100001);
  EXPECT_THROW(p.validate(), ValidationError);
}

// ---- 6. Ids: the store hands out free ones -----------------------------------------------------

TEST(Issue6Ids, ReservedIdsAreFreeAndNeverRepeated) {
  TempDir dir;
  const std::string path = dir.file("ids.db");
  auto store = SqliteStore::open(path, {.clock = clock_on("2025-03-01")});
  Trajectory mine = renumber(on_route(), 41);
  store->create(caseworker(), mine);  // an id of the back office's own
  const TrajectoryId first = store->reserve_id(caseworker());
  EXPECT_EQ(first, TrajectoryId(42));
  const TrajectoryId second = store->reserve_id(back_office());
  EXPECT_EQ(second, TrajectoryId(43));
  {
    auto other = SqliteStore::open(path, {.clock = clock_on("2025-03-01")});
    EXPECT_EQ(other->reserve_id(caseworker()), TrajectoryId(44));
  }
  Trajectory reserved = renumber(on_route(), second.value());
  store->create(caseworker(), reserved);
  EXPECT_EQ(store->reserve_id(caseworker()), TrajectoryId(45));
  EXPECT_THROW(store->reserve_id(auditor()), AccessDenied);
}

}  // namespace
}  // namespace inburgering::test
