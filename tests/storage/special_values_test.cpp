// Special-category values outside the intake's health topic (Wi 37.2; Bi 9.11): a dispensation's
// ground and the college's advice, the learnability test's dispensation ground and reason. Kept
// apart from the record, shown only to roles that may read health information and only on
// request, kept when others save.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/record_codec.hpp"
#include "storage/special_values.hpp"
#include "support/store_fixture.hpp"
#include "trajectory/fields.hpp"

namespace inburgering::test {
namespace {

using storage::AuditAction;
using storage::SqliteStore;
using ::testing::HasSubstr;
using ::testing::Not;

const storage::LoadOptions kWithHealth{.with_health = true};
constexpr const char* kReason = "slechtziend, brailleleesvaardigheid onvoldoende";
constexpr const char* kAdvice = "advies: vluchtelingenkamp, geen schoolgang mogelijk geweest";

std::shared_ptr<FixedClock> clock_on(const char* iso) {
  return std::make_shared<FixedClock>(d(iso));
}

/// Dispensed from the learnability test (Wi 14.6.a) and partly from the exam on medical grounds.
Trajectory with_dispensations() {
  Trajectory t = registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-26"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  t.record_learnability_test(
      LearnabilityTest{.taken_on = d("2024-01-24"),
                       .dispensation_reason = kReason,
                       .dispensation_ground = LearnabilityDispensationGround::kVisualImpairment});
  t.record_dispensation(Dispensation{.ground = DispensationGround::kMedical,
                                     .decided_on = d("2024-01-30"),
                                     .parts = {ExamPart::kReading},
                                     .college_advice = "arts DUO"});
  return t;
}

/// Dispensed wholly for special circumstances on the college's advice (Wi 5.2; Bi 2.8.2).
Trajectory dispensed_for_circumstances() {
  Trajectory t = registered();
  t.record_dispensation(Dispensation{.ground = DispensationGround::kSpecialCircumstances,
                                     .decided_on = d("2024-02-01"),
                                     .college_advice = kAdvice});
  return t;
}

std::string raw(const std::string& path, const char* sql) {
  SQLite::Database db(path);
  SQLite::Statement query(db, sql);
  std::string out;
  while (query.executeStep()) out += query.getColumn(0).getString() + "\n";
  return out;
}

// Every field the lists mark special-category is one the store withholds: a field marked so
// later, and not added to special_values.hpp, fails here.
struct SpecialPaths {
  std::set<std::string>* out;
  std::string prefix;
  template <class F>
  void operator()(const char* name, F&, detail::Sensitivity mark = detail::Sensitivity::kPlain) {
    const std::string path = prefix + "/" + name;
    if (mark == detail::Sensitivity::kSpecial) out->insert(path);
    walk<F>(out, path);
  }
  template <class T>
  static void walk(std::set<std::string>* out, const std::string& path) {
    if constexpr (detail::IsOptional<T>::value || detail::IsVector<T>::value ||
                  detail::IsSet<T>::value) {
      walk<typename T::value_type>(out, path);
    } else if constexpr (detail::IsMap<T>::value) {
      walk<typename T::mapped_type>(out, path + "/*");
    } else if constexpr (detail::Described<T>) {
      T value = detail::Blank<T>::make();
      SpecialPaths visitor{out, path};
      describe(visitor, value);
    }
  }
};

TEST(SpecialValues, EveryFieldMarkedSpecialIsWithheld) {
  std::set<std::string> marked;
  SpecialPaths::walk<TrajectoryRecord>(&marked, "");
  // The health topic is special by its key (its own table and placeholder); these by their mark.
  EXPECT_EQ(marked, (std::set<std::string>{"/intake/learnability_test/dispensation_reason",
                                           "/intake/learnability_test/dispensation_ground",
                                           "/obligation/dispensations/ground",
                                           "/obligation/dispensations/college_advice"}));
  // ... and take_special_values leaves none of them behind.
  TrajectoryRecord r = with_dispensations().record();
  storage::detail::take_special_values(r);
  EXPECT_FALSE(storage::detail::holds_special_values(r));
  EXPECT_EQ(r.intake.learnability_test->dispensation_reason, std::string());
  EXPECT_FALSE(r.intake.learnability_test->dispensation_ground);
  EXPECT_EQ(r.obligation.dispensations[0].college_advice, "");
}

TEST(SpecialValues, AreWithheldFromRolesWithoutHealthRightsAndOnOrdinaryLoads) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-02-15")});
  Trajectory first = with_dispensations();
  Trajectory second = renumber(dispensed_for_circumstances(), 8);
  store->create(caseworker(), first);
  store->create(caseworker(), second);

  for (const storage::Actor& actor : {back_office(), caseworker()}) {
    const Trajectory plain = store->load(actor, first.id());
    const auto& test = *plain.record().intake.learnability_test;
    EXPECT_TRUE(test.special_withheld);
    EXPECT_EQ(test.dispensation_reason, std::string());  // still shows the test was dispensed
    EXPECT_FALSE(test.dispensation_ground);
    const Dispensation& dispensation = plain.record().obligation.dispensations.at(0);
    EXPECT_TRUE(dispensation.special_withheld);
    EXPECT_EQ(dispensation.college_advice, "");
    EXPECT_EQ(dispensation.parts, std::set{ExamPart::kReading});  // the effect stays
    const Trajectory dispensed = store->load(actor, second.id());
    const Dispensation& whole = dispensed.record().obligation.dispensations[0];
    EXPECT_TRUE(whole.special_withheld);
    EXPECT_EQ(whole.ground, DispensationGround::kMedical);  // a placeholder, not the ground
    EXPECT_TRUE(whole.is_whole());
  }
  EXPECT_THROW(store->load(back_office(), first.id(), kWithHealth), AccessDenied);

  const Trajectory full = store->load(caseworker(), second.id(), kWithHealth);
  EXPECT_EQ(full.record(), [&] {
    TrajectoryRecord r = second.record();
    r.revision = 1;
    return r;
  }());
  EXPECT_EQ(full.record().obligation.dispensations[0].ground,
            DispensationGround::kSpecialCircumstances);
  // The read is audited, naming what was read.
  const auto trail = store->history(auditor(), second.id());
  ASSERT_EQ(trail.back().action, AuditAction::kReadSpecial);
  ASSERT_EQ(trail.back().changes.size(), 1u);
  EXPECT_EQ(trail.back().changes[0].field, "/obligation/dispensations");
  const Trajectory both = store->load(caseworker(), first.id(), kWithHealth);
  EXPECT_EQ(both.record().intake.learnability_test->dispensation_reason, kReason);
  const auto first_trail = store->history(auditor(), first.id());
  EXPECT_EQ(first_trail.back().changes.size(), 2u);
}

TEST(SpecialValues, AreStoredApartFromTheRecord) {
  TempDir dir;
  const std::string path = dir.file("special.db");
  {
    auto store = SqliteStore::open(path, {.clock = clock_on("2024-02-15")});
    Trajectory t = dispensed_for_circumstances();
    store->create(caseworker(), t);
    Trajectory u = renumber(with_dispensations(), 8);
    store->create(caseworker(), u);
  }
  const std::string records = raw(path, "SELECT record FROM trajectory");
  EXPECT_THAT(records, Not(HasSubstr("special_circumstances")));
  EXPECT_THAT(records, Not(HasSubstr("vluchtelingenkamp")));
  EXPECT_THAT(records, Not(HasSubstr("slechtziend")));
  EXPECT_THAT(records, Not(HasSubstr("visual_impairment")));
  const std::string apart = raw(path, "SELECT body FROM trajectory_special ORDER BY trajectory_id");
  EXPECT_THAT(apart, HasSubstr("special_circumstances"));
  EXPECT_THAT(apart, HasSubstr("vluchtelingenkamp"));
  EXPECT_THAT(apart, HasSubstr("visual_impairment"));
  // Erasure removes them with the rest.
  auto store = SqliteStore::open(path, {.clock = clock_on("2024-02-16")});
  EXPECT_EQ(store->erase_person(privacy_officer(), Bsn(kBsn1), "verzoek AVG art. 17"), 2);
  EXPECT_EQ(raw(path, "SELECT count(*) FROM trajectory_special"), "0\n");
}

TEST(SpecialValues, MigrationEightMovesTheValuesA06RecordHeldApart) {
  TempDir dir;
  const std::string path = dir.file("05.db");
  const Trajectory t = dispensed_for_circumstances();
  {
    auto store = SqliteStore::open(path, {.clock = clock_on("2024-02-15")});
    Trajectory copy = t;
    store->create(caseworker(), copy);
    // What 0.6 stored: the values in the record, no table for them.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    SQLite::Statement old(db, "UPDATE trajectory SET record = ?1");
    old.bind(1, storage::detail::encode_record(t.record(), false));
    EXPECT_EQ(old.exec(), 1);
    db.exec("DROP TABLE trajectory_special");
    db.exec("PRAGMA user_version = 7");
  }
  EXPECT_THAT(raw(path, "SELECT record FROM trajectory"), HasSubstr("vluchtelingenkamp"));
  auto store = SqliteStore::open(path, {.clock = clock_on("2024-02-16")});
  EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
  EXPECT_THAT(raw(path, "SELECT record FROM trajectory"), Not(HasSubstr("vluchtelingenkamp")));
  EXPECT_THAT(raw(path, "SELECT body FROM trajectory_special"), HasSubstr("vluchtelingenkamp"));
  EXPECT_EQ(store->load(caseworker(), t.id(), kWithHealth).record().obligation.dispensations,
            t.record().obligation.dispensations);
  EXPECT_TRUE(
      store->load(back_office(), t.id()).record().obligation.dispensations[0].special_withheld);
}

// Migration 8 computes the deadlines of every live row again: a registered asylum permit holder
// stored by 0.6 gets the social guidance that is due (Wi 13.3), which 0.6 did not know.
TEST(SpecialValues, MigrationEightComputesTheDeadlinesOfEveryRowAgain) {
  TempDir dir;
  const std::string path = dir.file("deadlines.db");
  {
    auto store = SqliteStore::open(path, {.clock = clock_on("2024-02-15")});
    Trajectory unguided = Trajectory::open(TrajectoryId(11), utrecht(), UserId("km-jansen"),
                                           asylum_holder(), notified_obligation(), d("2024-01-15"));
    store->create(caseworker(), unguided);
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM trajectory_signal");  // what 0.6 stored for it: nothing due
    db.exec("PRAGMA user_version = 7");
  }
  auto store = SqliteStore::open(path, {.clock = clock_on("2024-02-16")});
  EXPECT_EQ(raw(path,
                "SELECT kind || ' ' || due_on FROM trajectory_signal WHERE "
                "trajectory_id = 11 AND kind = 'social_guidance_due'"),
            "social_guidance_due 2024-01-15\n");
}

TEST(SpecialValues, AreKeptWhenARoleWithoutHealthRightsSaves) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-02-15")});
  Trajectory t = with_dispensations();
  store->create(caseworker(), t);
  Trajectory office = store->load(back_office(), t.id());
  office.record_intake_topic(IntakeTopic::kMotivation, noted("2024-02-10", "wil koken"));
  store->save(back_office(), office);
  const auto trail = store->history(auditor(), t.id());
  const auto& last = trail.back();
  EXPECT_EQ(last.action, AuditAction::kUpdate);
  ASSERT_FALSE(last.changes.empty());
  for (const auto& change : last.changes) {  // only the topic; the placeholders changed nothing
    EXPECT_THAT(change.field, HasSubstr("/intake/topics/motivation"));
  }
  EXPECT_EQ(store->load(caseworker(), t.id(), kWithHealth).record().obligation.dispensations,
            t.record().obligation.dispensations);
  // A caseworker who did not ask for them can still record a new dispensation.
  Trajectory plain = store->load(caseworker(), t.id());
  plain.record_dispensation(Dispensation{.ground = DispensationGround::kMedical,
                                         .decided_on = d("2024-02-14"),
                                         .parts = {ExamPart::kKnm}});
  store->save(caseworker(), plain);
  const auto stored = store->load(caseworker(), t.id(), kWithHealth).record();
  ASSERT_EQ(stored.obligation.dispensations.size(), 2u);
  EXPECT_EQ(stored.obligation.dispensations[0].college_advice, "arts DUO");
  EXPECT_EQ(stored.intake.learnability_test->dispensation_reason, kReason);
}

TEST(SpecialValues, ARoleWithoutHealthRightsCannotWriteThem) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-02-15")});
  Trajectory t = registered();
  store->create(caseworker(), t);
  Trajectory office = store->load(back_office(), t.id());
  office.record_dispensation(Dispensation{.ground = DispensationGround::kMedical,
                                          .decided_on = d("2024-02-14"),
                                          .parts = {ExamPart::kKnm}});
  EXPECT_THROW(store->save(back_office(), office), AccessDenied);
  EXPECT_TRUE(
      store->load(caseworker(), t.id(), kWithHealth).record().obligation.dispensations.empty());
  Trajectory fresh = renumber(with_dispensations(), 9);
  EXPECT_THROW(store->create(back_office(), fresh), AccessDenied);
  // Nor replace one: a new learnability test over a withheld dispensation drops its values.
  Trajectory dispensed = renumber(with_dispensations(), 10);
  store->create(caseworker(), dispensed);
  Trajectory over = store->load(back_office(), dispensed.id());
  over.record_learnability_test(LearnabilityTest{.taken_on = d("2024-02-10"), .score = 30});
  EXPECT_THROW(store->save(back_office(), over), AccessDenied);
  EXPECT_EQ(store->load(caseworker(), dispensed.id(), kWithHealth)
                .record()
                .intake.learnability_test->dispensation_reason,
            kReason);
  // A caseworker may (and the stored values go with the test they belonged to).
  Trajectory by_caseworker = store->load(caseworker(), dispensed.id());
  by_caseworker.record_learnability_test(
      LearnabilityTest{.taken_on = d("2024-02-10"), .score = 30});
  store->save(caseworker(), by_caseworker);
  const auto rescored = store->load(caseworker(), dispensed.id(), kWithHealth).record();
  EXPECT_EQ(rescored.intake.learnability_test->score, 30);
  EXPECT_EQ(rescored.obligation.dispensations[0].college_advice, "arts DUO");
}

TEST(SpecialValues, APlaceholderStandsOnlyForStoredValues) {
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2024-02-15")});
  Trajectory t = with_dispensations();
  store->create(caseworker(), t);
  // A placeholder for a dispensation the store never had.
  TrajectoryRecord forged = store->load(back_office(), t.id()).record();
  forged.obligation.dispensations.push_back(forged.obligation.dispensations[0]);
  Trajectory forged_trajectory = Trajectory::from_record(forged);
  try {
    store->save(back_office(), forged_trajectory);
    FAIL() << "a placeholder without values was stored";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "obligation.dispensations[1].special_withheld");
  }
  EXPECT_EQ(store->load(caseworker(), t.id(), kWithHealth).record().obligation.dispensations.size(),
            1u);
  // A new trajectory holds the values themselves.
  TrajectoryRecord copy = store->load(caseworker(), t.id()).record();
  copy.id = TrajectoryId(10);
  copy.revision = 0;
  Trajectory placeholder_copy = Trajectory::from_record(copy);
  EXPECT_THROW(store->create(caseworker(), placeholder_copy), ValidationError);
  // The learnability test's placeholder alone, named as such.
  copy.obligation.dispensations.clear();
  Trajectory test_placeholder = Trajectory::from_record(copy);
  try {
    store->create(caseworker(), test_placeholder);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "intake.learnability_test.special_withheld");
  }
  // A learnability placeholder the store has no values for.
  Trajectory scored = renumber(registered(), 11);
  scored.invite_to_intake(d("2024-01-16"), d("2024-01-26"));
  scored.record_invitation_outcome(InvitationOutcome::kAttended);
  scored.record_learnability_test(LearnabilityTest{.taken_on = d("2024-01-24"), .score = 30});
  store->create(caseworker(), scored);
  TrajectoryRecord forged_test = store->load(caseworker(), scored.id()).record();
  forged_test.intake.learnability_test =
      LearnabilityTest{.taken_on = d("2024-01-24"), .dispensation_reason = std::string()};
  forged_test.intake.learnability_test->special_withheld = true;
  Trajectory forged_scored = Trajectory::from_record(forged_test);
  try {
    store->save(caseworker(), forged_scored);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "intake.learnability_test.special_withheld");
  }
}

TEST(SpecialValues, APlaceholderHoldsNothingAndNoActTakesOne) {
  Dispensation d0{.ground = DispensationGround::kSpecialCircumstances,
                  .decided_on = d("2024-02-01"),
                  .special_withheld = true};
  try {
    validate(d0);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "dispensation.special_withheld");
  }
  d0.ground = DispensationGround::kMedical;
  d0.college_advice = "iets";
  EXPECT_THROW(validate(d0), ValidationError);
  d0.college_advice.clear();
  EXPECT_NO_THROW(validate(d0));
  Trajectory t = registered();
  EXPECT_THROW(t.record_dispensation(d0), ValidationError);

  LearnabilityTest test{.taken_on = d("2024-01-24"), .dispensation_reason = std::string()};
  test.special_withheld = true;
  EXPECT_NO_THROW(test.validate());
  test.dispensation_ground = LearnabilityDispensationGround::kAuditoryImpairment;
  EXPECT_THROW(test.validate(), ValidationError);
  test.dispensation_ground.reset();
  test.dispensation_reason.reset();
  test.score = 30;  // a score has nothing to withhold
  EXPECT_THROW(test.validate(), ValidationError);
  LearnabilityTest placeholder{.taken_on = d("2024-01-24"), .dispensation_reason = std::string()};
  placeholder.special_withheld = true;
  EXPECT_THROW(t.record_learnability_test(placeholder), ValidationError);
}

}  // namespace
}  // namespace inburgering::test
