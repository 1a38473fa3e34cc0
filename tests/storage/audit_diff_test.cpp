// The audit trail's field-level diff: a visitor over the field lists, which also decide what is
// masked.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "storage/audit_diff.hpp"
#include "support/builders.hpp"
#include "support/random_record.hpp"

namespace inburgering::test {
namespace {

using storage::FieldChange;
using storage::detail::diff_records;
using storage::detail::fields_of;

constexpr const char* kMasked = "(personal data)";

const FieldChange* find(const std::vector<FieldChange>& changes, const std::string& field) {
  for (const auto& change : changes) {
    if (change.field == field) return &change;
  }
  return nullptr;
}

TEST(AuditDiff, MasksPersonalAndHealthFieldsAndShowsOthers) {
  const TrajectoryRecord record = rich_trajectory().record();
  const auto changes = fields_of(record);
  for (const char* path :
       {"/participant/bsn", "/participant/family_name", "/participant/birth_date",
        "/participant/has_young_children", "/intake/topics/health/notes",
        "/intake/topics/health/recorded_on", "/interviews/0/notes", "/unburdening/items/0/payee",
        "/unburdening/items/0/monthly_amount", "/plan_versions/1/content/goals/0",
        "/obligation/dispensations/0/college_advice", "/intake/learnability_test/score",
        "/term/interruptions/0/reason", "/attendance/0/reported_by",
        "/obligation/dispensations/0/ground", "/municipal_fines/0/amount",
        "/municipal_fines/1/culpability", "/duo_fines/0/amount"}) {
    const FieldChange* change = find(changes, path);
    ASSERT_NE(change, nullptr) << path;
    EXPECT_EQ(change->after, kMasked) << path;
    EXPECT_EQ(change->before, "(absent)") << path;
  }
  for (const auto& [path, value] : std::vector<std::pair<const char*, const char*>>{
           {"/state", "route"},
           {"/plan_versions/1/content/route", "b1"},
           {"/plan_versions/1/reason", "scale_down_to_a2"},
           {"/term/start", "2024-03-21"},
           {"/municipal_fines/0/kind", "intake"},
           {"/intake/topics/finances/recorded_on", "2024-01-26"},
           {"/policy/min_progress_interviews", "1"}}) {
    const FieldChange* change = find(changes, path);
    ASSERT_NE(change, nullptr) << path;
    EXPECT_EQ(change->after, value) << path;
  }
}

TEST(AuditDiff, NoPersonalValueOfAFullRecordReachesTheTrail) {
  const auto changes = fields_of(rich_trajectory().record());
  EXPECT_GT(changes.size(), 200u);
  for (const auto& change : changes) {
    for (const char* secret : {kBsn1, "Amal", "Haddad", "1990-05-17", "PTSS", "Woonstichting",
                               "schuld", "besproken", "Apotheek", "meer oefenen", "advies college",
                               "budget nog", "proefplaatsing", "werk in de zorg", "peuterspeelzaal",
                               "Taalschool", "tijdelijk geen BRP", "schrijven blijft"}) {
      EXPECT_EQ(change.after.find(secret), std::string::npos)
          << change.field << " leaks '" << secret << "'";
    }
  }
}

// Two records with every field random and different: every text of a personal field is a unique
// token, and none reaches a change; every leaf the list marks sensitive is masked; every other
// leaf that differs shows both values.
TEST(AuditDiff, RandomRecordsLeakNoPersonalValue) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    std::vector<FilledLeaf> leaves_a;
    std::vector<FilledLeaf> leaves_b;
    const TrajectoryRecord a = random_record(seed, &leaves_a);
    const TrajectoryRecord b = random_record(seed + 1000, &leaves_b);
    const auto changes = diff_records(a, b);
    std::vector<std::string> secrets;
    std::set<std::string> sensitive;
    for (const auto* leaves : {&leaves_a, &leaves_b}) {
      for (const auto& leaf : *leaves) {
        if (!leaf.sensitive) continue;
        sensitive.insert(leaf.pointer);
        if (leaf.text.rfind("Tok", 0) == 0) secrets.push_back(leaf.text);
      }
    }
    ASSERT_FALSE(secrets.empty());
    for (const auto& change : changes) {
      for (const auto& secret : secrets) {
        ASSERT_EQ(change.before.find(secret), std::string::npos) << change.field;
        ASSERT_EQ(change.after.find(secret), std::string::npos) << change.field;
        ASSERT_EQ(change.field.find(secret), std::string::npos) << change.field;
      }
      if (sensitive.count(change.field)) {
        EXPECT_TRUE(change.before == kMasked || change.before == "(absent)") << change.field;
        EXPECT_TRUE(change.after == kMasked || change.after == "(absent)") << change.field;
      }
    }
    // Every plain leaf that differs is reported with its values.
    std::size_t plain_changes = 0;
    for (const auto& change : changes) {
      if (!sensitive.count(change.field)) ++plain_changes;
    }
    EXPECT_GT(plain_changes, 50u);
  }
}

TEST(AuditDiff, ReportsOnlyWhatChangedAndIgnoresTheRevision) {
  TrajectoryRecord before = on_route().record();
  TrajectoryRecord after = before;
  after.revision = 5;
  EXPECT_TRUE(diff_records(before, after).empty());
  after.caseworker = UserId("km-nieuw");
  const auto changes = diff_records(before, after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].field, "/caseworker");
  EXPECT_EQ(changes[0].before, "km-jansen");
  EXPECT_EQ(changes[0].after, "km-nieuw");
}

TEST(AuditDiff, ListsGrowAndShrinkByIndex) {
  Trajectory t = on_route();
  const TrajectoryRecord before = t.record();
  t.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-01", 3));
  const auto grown = diff_records(before, t.record());
  ASSERT_NE(find(grown, "/attendance/0/minutes"), nullptr);
  EXPECT_EQ(find(grown, "/attendance/0/minutes")->before, "(absent)");
  EXPECT_EQ(find(grown, "/attendance/0/minutes")->after, "180");
  EXPECT_EQ(find(grown, "/attendance/0/reported_by")->after, kMasked);
  const auto shrunk = diff_records(t.record(), before);
  EXPECT_EQ(find(shrunk, "/attendance/0/minutes")->after, "(absent)");
}

TEST(AuditDiff, APolicyChangeIsAFieldChange) {
  Trajectory t = on_route();
  const TrajectoryRecord before = t.record();
  Policy stricter;
  stricter.min_progress_interviews = 4;
  t.adopt_policy(stricter);
  const auto changes = diff_records(before, t.record());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].field, "/policy/min_progress_interviews");
  EXPECT_EQ(changes[0].before, "1");
  EXPECT_EQ(changes[0].after, "4");
}

}  // namespace
}  // namespace inburgering::test
