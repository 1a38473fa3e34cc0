// A person's own data on request (AVG art. 15): every trajectory of the BSN in the actor's
// municipality, with its special-category data and its audit trail, audited; only for the
// privacy officer.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/store_fixture.hpp"
#include "support/test_database.hpp"

namespace inburgering::test {
namespace {

using nlohmann::json;
using storage::AuditAction;

class SubjectAccess : public DatabaseTest {};
INSTANTIATE_TEST_SUITE_P(Backends, SubjectAccess, ::testing::ValuesIn(database_backends()),
                         backend_name);

TEST_P(SubjectAccess, GivesEveryTrajectoryOfTheBsnInTheMunicipalityWithItsTrail) {
  auto store = db_.open({.clock = std::make_shared<FixedClock>(d("2027-09-01"))});
  Trajectory first = rich_trajectory();
  store->create(caseworker(), first);
  Trajectory second = renumber(registered(), 8);  // the same person, an earlier trajectory
  store->create(caseworker(), second);
  Trajectory other_person = renumber(registered(family_migrant()), 9);
  store->create(caseworker(), other_person);
  TrajectoryRecord elsewhere = registered().record();
  elsewhere.id = TrajectoryId(10);
  elsewhere.municipality = amersfoort();
  Trajectory in_amersfoort = Trajectory::from_record(elsewhere);
  store->create(caseworker(amersfoort()), in_amersfoort);

  const json out = json::parse(store->subject_access(privacy_officer(), Bsn(kBsn1)));
  EXPECT_EQ(out["schema"], "inburgering-subject-access");
  EXPECT_EQ(out["produced_on"], "2027-09-01");
  EXPECT_EQ(out["municipality"], "0344");
  ASSERT_EQ(out["trajectories"].size(), 2u);  // not the other person's, not Amersfoort's
  const json& rich = out["trajectories"][0];
  EXPECT_EQ(rich["trajectory"]["trajectory"]["id"], 7);
  EXPECT_EQ(rich["trajectory"]["special_categories"], true);  // the person's own health data
  EXPECT_EQ(rich["trajectory"]["trajectory"]["intake"]["topics"]["health"]["notes"],
            "rugklachten; PTSS in behandeling");
  EXPECT_EQ(rich["trajectory"]["trajectory"]["obligation"]["dispensations"][0]["college_advice"],
            "advies college 2024-02-01");
  ASSERT_FALSE(rich["audit_trail"].empty());
  EXPECT_EQ(rich["audit_trail"][0]["action"], "create");
  EXPECT_EQ(out["trajectories"][1]["trajectory"]["trajectory"]["id"], 8);

  // Each trajectory given out is in its trail.
  for (const TrajectoryId id : {TrajectoryId(7), TrajectoryId(8)}) {
    const auto trail = store->history(auditor(), id);
    EXPECT_EQ(trail.back().action, AuditAction::kSubjectAccess);
    EXPECT_THAT(trail.back().note, ::testing::HasSubstr("AVG art. 15"));
  }
  // The entry names the special-category data that was read.
  const auto trail = store->history(auditor(), TrajectoryId(7));
  ASSERT_EQ(trail.back().changes.size(), 2u);
  EXPECT_EQ(trail.back().changes[0].field, "/intake/topics/health");
  EXPECT_EQ(trail.back().changes[1].field, "/obligation/dispensations");
  // The trail given out says who acted for which municipality.
  EXPECT_EQ(rich["audit_trail"][0]["actor_municipality"], "0344");
  EXPECT_NE(store->history(auditor(), TrajectoryId(9)).back().action, AuditAction::kSubjectAccess);

  // A BSN without trajectories here: an empty answer.
  EXPECT_TRUE(
      json::parse(store->subject_access(privacy_officer(), bsn_for(4242)))["trajectories"].empty());
}

TEST_P(SubjectAccess, IsThePrivacyOfficersTaskAndSkipsErasedData) {
  auto store = db_.open({.clock = std::make_shared<FixedClock>(d("2027-09-01"))});
  Trajectory t = rich_trajectory();
  store->create(caseworker(), t);
  EXPECT_THROW(store->subject_access(caseworker(), Bsn(kBsn1)), AccessDenied);
  EXPECT_THROW(store->subject_access(auditor(), Bsn(kBsn1)), AccessDenied);
  EXPECT_EQ(store->history(auditor(), t.id()).back().action,
            AuditAction::kCreate);  // nothing given
  store->erase_person(privacy_officer(), Bsn(kBsn1), "verzoek AVG art. 17");
  EXPECT_TRUE(
      json::parse(store->subject_access(privacy_officer(), Bsn(kBsn1)))["trajectories"].empty());
}

}  // namespace
}  // namespace inburgering::test
