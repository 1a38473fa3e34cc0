#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/audit_diff.hpp"
#include "storage/record_json.hpp"
#include "support/builders.hpp"

namespace inburgering::test {
namespace {

using storage::detail::diff_records;
using storage::detail::encode_record;
using storage::detail::is_personal_path;

TEST(AuditDiff, PersonalPathsAreMasked) {
  for (const char* path :
       {"/participant/bsn", "/participant/family_name", "/participant/birth_date",
        "/intake/topics/health/notes", "/intake/topics/health/recorded_on", "/interviews/3/notes",
        "/unburdening/items/0/payee", "/unburdening/items/0/monthly_amount",
        "/plan_versions/1/content/goals/0", "/obligation/dispensations/0/college_advice",
        "/intake/learnability_test/score"}) {
    EXPECT_TRUE(is_personal_path(path)) << path;
  }
  for (const char* path : {"/state", "/plan_versions/1/content/route", "/attendance/0/minutes",
                           "/term/start", "/municipal_fines/0/amount"}) {
    EXPECT_FALSE(is_personal_path(path)) << path;
  }
}

TEST(AuditDiff, NoPersonalValueOfAFullRecordReachesTheTrail) {
  // From nothing to the richest record: every leaf is a change.
  const auto changes = diff_records(nullptr, encode_record(rich_trajectory().record()));
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

TEST(AuditDiff, ReportsOnlyWhatChangedAndIgnoresTheRevision) {
  TrajectoryRecord before = on_route().record();
  TrajectoryRecord after = before;
  after.revision = 5;
  EXPECT_TRUE(diff_records(encode_record(before), encode_record(after)).empty());
  after.caseworker = UserId("km-nieuw");
  const auto changes = diff_records(encode_record(before), encode_record(after));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].field, "/caseworker");
  EXPECT_EQ(changes[0].before, "km-jansen");
  EXPECT_EQ(changes[0].after, "km-nieuw");
}

}  // namespace
}  // namespace inburgering::test
