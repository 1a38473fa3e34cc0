// Behaviour every storage backend must show. Runs once per backend (see the bottom).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::AuditAction;
using storage::PageRequest;
using storage::TrajectoryFilter;
using ::testing::HasSubstr;

const storage::LoadOptions kWithHealth{.with_health = true};

std::vector<AuditAction> actions(const std::vector<storage::AuditEntry>& entries) {
  std::vector<AuditAction> out;
  for (const auto& e : entries) out.push_back(e.action.value());
  return out;
}

// ---- Save and load -----------------------------------------------------------------------------

TEST_P(StoreTest, CreateThenLoadReturnsEveryField) {
  Trajectory t = rich_trajectory();
  const TrajectoryRecord before = t.record();
  store().create(caseworker(), t);
  EXPECT_EQ(t.record().revision, 1);
  const Trajectory loaded = store().load(caseworker(), TrajectoryId(7), kWithHealth);
  TrajectoryRecord expected = before;
  expected.revision = 1;
  EXPECT_EQ(loaded.record(), expected);
  EXPECT_EQ(loaded.record().intake.topics.at(IntakeTopic::kHealth),
            before.intake.topics.at(IntakeTopic::kHealth));
  // Without asking for health, everything but the health topic's content.
  const Trajectory plain = store().load(caseworker(), TrajectoryId(7));
  const TopicRecord& placeholder = plain.record().intake.topics.at(IntakeTopic::kHealth);
  EXPECT_TRUE(placeholder.withheld);
  EXPECT_EQ(placeholder.notes, "");
  EXPECT_EQ(placeholder.recorded_on, before.intake.topics.at(IntakeTopic::kHealth).recorded_on);
  TrajectoryRecord without = plain.record();
  without.intake.topics.erase(IntakeTopic::kHealth);
  expected.intake.topics.erase(IntakeTopic::kHealth);
  // ... and the dispensation's ground and advice (Wi 37.2; Bi 9.11), withheld.
  ASSERT_EQ(expected.obligation.dispensations.size(), 1u);
  const Dispensation& withheld = without.obligation.dispensations[0];
  EXPECT_TRUE(withheld.special_withheld);
  EXPECT_EQ(withheld.ground, DispensationGround::kMedical);  // the placeholder
  EXPECT_EQ(withheld.college_advice, "");
  EXPECT_EQ(withheld.parts, expected.obligation.dispensations[0].parts);  // the effect stays
  expected.obligation.dispensations[0] = withheld;
  EXPECT_EQ(without, expected);
}

TEST_P(StoreTest, EveryStateRoundTrips) {
  Trajectory ended = on_route();
  ended.end(d("2025-01-01"), EndReason::kDeceased);
  Trajectory moved = on_route();
  moved.transfer_out(amersfoort(), d("2024-09-15"));
  Trajectory incoming = Trajectory::receive_transfer(moved, TrajectoryId(99), amersfoort(),
                                                     UserId("km-a"), d("2024-09-20"), Policy{});
  std::int64_t next = 100;
  for (const Trajectory& t : {registered(), planning(), on_route(Route::kZ), ended, moved}) {
    Trajectory copy = renumber(t, next++);
    store().create(caseworker(), copy);
    EXPECT_EQ(store().load(caseworker(), copy.id(), kWithHealth).record(), copy.record());
  }
  store().create(caseworker(amersfoort()), incoming);
  EXPECT_EQ(store().load(caseworker(amersfoort()), TrajectoryId(99), kWithHealth).record(),
            incoming.record());
}

TEST_P(StoreTest, AWithdrawnDiplomaReopensTheStoredTrajectory) {
  Trajectory t = completed();
  store().create(caseworker(), t);
  Trajectory loaded = store().load(caseworker(), t.id());
  loaded.record_diploma_withdrawn(d("2026-02-01"), {0});  // Bi 3.10.3
  store().save(caseworker(), loaded);
  const Trajectory reopened = store().load(caseworker(), t.id());
  EXPECT_EQ(reopened.state(), TrajectoryState::kRoute);
  EXPECT_EQ(reopened.record().withdrawn_diplomas.size(), 1u);
  EXPECT_EQ(reopened.record().exam_results[0].invalidated_on, d("2026-02-01"));
  // Its deadlines are in the worklist again.
  const auto page =
      store().worklist(caseworker(), d("2027-06-01"), {}, {.after = "", .limit = 100});
  EXPECT_TRUE(std::any_of(page.items.begin(), page.items.end(), [&](const auto& item) {
    return item.trajectory == t.id() && item.signal.kind == SignalKind::kTermEnding;
  }));
  const auto trail = store().history(caseworker(), t.id());
  EXPECT_EQ(actions(trail), (std::vector{AuditAction::kCreate, AuditAction::kUpdate}));
}

TEST_P(StoreTest, LoadOfAnUnknownIdIsNotFound) {
  EXPECT_THROW(store().load(caseworker(), TrajectoryId(404)), NotFound);
  EXPECT_THROW(store().history(caseworker(), TrajectoryId(404)), NotFound);
  Trajectory ghost = on_route();
  EXPECT_THROW(store().save(caseworker(), ghost), NotFound);
}

TEST_P(StoreTest, CreatingAnExistingIdIsAConflict) {
  Trajectory t = on_route();
  store().create(caseworker(), t);
  Trajectory again = on_route();
  EXPECT_THROW(store().create(caseworker(), again), ConflictError);
  EXPECT_THROW(store().create(caseworker(), t), ConflictError);  // Already stored: use save().
  EXPECT_EQ(store().history(caseworker(), t.id()).size(), 1u);
}

TEST_P(StoreTest, SaveWritesChangesAndAuditsThemFieldByField) {
  Trajectory t = on_route();
  store().create(caseworker(), t);
  t.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-01", 3));
  t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kOnTrack, "geheim verslag");
  store().save(caseworker(), t);
  EXPECT_EQ(t.record().revision, 2);
  EXPECT_EQ(store().load(caseworker(), t.id(), kWithHealth).record(), t.record());

  // The load above read the health topic, which is audited too.
  const auto history = store().history(caseworker(), t.id());
  ASSERT_EQ(actions(history),
            (std::vector{AuditAction::kCreate, AuditAction::kUpdate, AuditAction::kReadSpecial}));
  const auto& update = history[1];
  EXPECT_EQ(update.user, UserId("km-jansen"));
  EXPECT_EQ(update.role, storage::Role::kCaseworker);
  EXPECT_EQ(update.on_behalf_of, utrecht());
  EXPECT_EQ(update.at, clock_->now());
  EXPECT_GT(update.sequence, history[0].sequence);
  auto field = [&](const std::string& path) {
    return std::find_if(update.changes.begin(), update.changes.end(),
                        [&](const storage::FieldChange& c) { return c.field == path; });
  };
  const auto minutes = field("/attendance/0/minutes");
  ASSERT_NE(minutes, update.changes.end());
  EXPECT_EQ(minutes->before, "(absent)");
  EXPECT_EQ(minutes->after, "180");
  const auto held = field("/interviews/0/held_on");
  ASSERT_NE(held, update.changes.end());
  EXPECT_EQ(held->before, "(absent)");
  EXPECT_EQ(held->after, "2024-08-01");
  const auto notes = field("/interviews/0/notes");
  ASSERT_NE(notes, update.changes.end());
  EXPECT_EQ(notes->after, "(personal data)");
  for (const auto& change : update.changes) {
    EXPECT_THAT(change.after, ::testing::Not(HasSubstr("geheim")));
  }
}

TEST_P(StoreTest, SaveWithoutChangesWritesNothing) {
  Trajectory t = on_route();
  store().create(caseworker(), t);
  store().save(caseworker(), t);
  EXPECT_EQ(t.record().revision, 1);
  EXPECT_EQ(store().history(caseworker(), t.id()).size(), 1u);
}

TEST_P(StoreTest, ConcurrentChangeIsAConflictAndWritesNothing) {
  Trajectory t = on_route();
  store().create(caseworker(), t);
  Trajectory mine = store().load(caseworker(), t.id());
  Trajectory theirs = store().load(back_office(), t.id());
  theirs.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-01", 2));
  store().save(back_office(), theirs);
  mine.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-02", 5));
  try {
    store().save(caseworker(), mine);
    FAIL() << "expected ConflictError";
  } catch (const ConflictError& e) {
    EXPECT_THAT(e.what(), HasSubstr("stored revision 2, loaded 1"));
  }
  const Trajectory stored = store().load(back_office(), t.id());
  EXPECT_EQ(stored.record(), theirs.record());  // Theirs kept, mine not half-written.
  const auto history = store().history(caseworker(), t.id());
  EXPECT_EQ(std::count_if(history.begin(), history.end(),
                          [](const auto& e) { return e.action == AuditAction::kUpdate; }),
            1);
  // Reloading and redoing the change works.
  Trajectory again = store().load(caseworker(), t.id());
  again.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-02", 5));
  store().save(caseworker(), again);
  EXPECT_EQ(again.record().revision, 3);
}

TEST_P(StoreTest, AMunicipalityNeverChangesOnSave) {
  Trajectory t = on_route();
  store().create(caseworker(), t);
  TrajectoryRecord r = t.record();
  r.municipality = amersfoort();
  Trajectory moved = Trajectory::from_record(r);
  EXPECT_THROW(store().save(caseworker(), moved), ValidationError);
}

// ---- Access and tenancy -------------------------------------------------------------------------

TEST_P(StoreTest, AnotherMunicipalitysRecordsAreInvisibleAndUntouchable) {
  Trajectory t = rich_trajectory();
  store().create(caseworker(), t);
  const auto stranger = caseworker(amersfoort(), "km-vreemd");
  // As a missing id: the stranger does not learn that the record exists.
  EXPECT_THROW(store().load(stranger, t.id()), NotFound);
  EXPECT_THROW(store().save(stranger, t), NotFound);
  EXPECT_THROW(store().history(stranger, t.id()), NotFound);
  EXPECT_THROW(store().list(stranger, TrajectoryFilter{.municipality = utrecht()}, {}),
               AccessDenied);
  EXPECT_TRUE(store().find_by_bsn(stranger, Bsn(kBsn1)).empty());
  EXPECT_TRUE(store().list(stranger, {}, {}).items.empty());  // Its own list is empty.
  EXPECT_TRUE(store().worklist(stranger, d("2030-01-01"), {}, {}).items.empty());

  // Every denial is in the owner's audit trail, naming who tried.
  const auto history = store().history(caseworker(), t.id());
  const auto denials = std::count_if(history.begin(), history.end(), [](const auto& e) {
    return e.action == AuditAction::kDenied && e.user == UserId("km-vreemd");
  });
  EXPECT_EQ(denials, 3);
}

TEST_P(StoreTest, DenialMessagesNameRecordsNotPeople) {
  Trajectory t = rich_trajectory();
  store().create(caseworker(), t);
  try {
    store().load(auditor(), t.id(), kWithHealth);
    FAIL();
  } catch (const AccessDenied& e) {
    const std::string what = e.what();
    EXPECT_THAT(what, HasSubstr("trajectory 7"));
    EXPECT_THAT(what, ::testing::Not(HasSubstr(kBsn1)));
    EXPECT_THAT(what, ::testing::Not(HasSubstr("Haddad")));
  }
}

TEST_P(StoreTest, ARegionalGrantOpensRecordsButNotHealthUnlessGranted) {
  Trajectory t = rich_trajectory();
  store().create(caseworker(), t);
  const Trajectory seen = store().load(regional(), t.id());
  EXPECT_TRUE(seen.record().intake.topics.at(IntakeTopic::kHealth).withheld);
  EXPECT_THROW(store().load(regional(), t.id(), kWithHealth), AccessDenied);
  EXPECT_THROW(store().load(regional(/*write=*/true), t.id(), kWithHealth), AccessDenied);
  EXPECT_EQ(store().find_by_bsn(regional(), Bsn(kBsn1)).size(), 1u);
  Trajectory change = seen;
  change.record_attendance(hours(HourKind::kLanguageCourse, "2025-02-01", 2));
  EXPECT_THROW(store().save(regional(), change), AccessDenied);  // Read-only grant.

  const auto with_health = regional(/*write=*/true, /*health=*/true);
  Trajectory full = store().load(with_health, t.id(), kWithHealth);
  EXPECT_EQ(full.record().intake.topics.at(IntakeTopic::kHealth).notes,
            "rugklachten; PTSS in behandeling");
  full.record_attendance(hours(HourKind::kLanguageCourse, "2025-02-01", 2));
  store().save(with_health, full);
  const auto history = store().history(caseworker(), t.id());
  EXPECT_EQ(history.back().action, AuditAction::kUpdate);
  EXPECT_EQ(history.back().arrangement, "Regio Utrecht trajectregie");
  EXPECT_EQ(history.back().actor_municipality, amersfoort());
  EXPECT_EQ(history.back().on_behalf_of, utrecht());
}

TEST_P(StoreTest, HealthIsHiddenFromRolesThatMayNotSeeItAndKeptWhenTheySave) {
  Trajectory t = rich_trajectory();
  const TopicRecord health = t.record().intake.topics.at(IntakeTopic::kHealth);
  store().create(caseworker(), t);

  Trajectory office = store().load(back_office(), t.id());
  EXPECT_TRUE(office.record().intake.topics.at(IntakeTopic::kHealth).withheld);
  EXPECT_THROW(store().load(back_office(), t.id(), kWithHealth), AccessDenied);
  office.record_attendance(hours(HourKind::kLanguageCourse, "2025-02-01", 2));
  store().save(back_office(), office);  // Must not delete what it could not see.

  const Trajectory again = store().load(caseworker(), t.id(), kWithHealth);
  EXPECT_EQ(again.record().intake.topics.at(IntakeTopic::kHealth), health);
  EXPECT_EQ(again.record().attendance.size(), office.record().attendance.size());
}

// A back-office service loads (no health), a caseworker saves: nothing of health is lost, and
// the audit trail does not report it as removed.
TEST_P(StoreTest, ASaveByAnotherActorNeverDropsHealth) {
  Trajectory t = rich_trajectory();
  const TopicRecord health = t.record().intake.topics.at(IntakeTopic::kHealth);
  store().create(caseworker(), t);
  Trajectory without = store().load(back_office(), t.id());
  ASSERT_TRUE(without.record().intake.topics.at(IntakeTopic::kHealth).withheld);
  without.record_attendance(hours(HourKind::kLanguageCourse, "2025-02-01", 2));
  store().save(caseworker(), without);
  EXPECT_EQ(store()
                .load(caseworker(), t.id(), kWithHealth)
                .record()
                .intake.topics.at(IntakeTopic::kHealth),
            health);
  // A trajectory built without the topic at all does not remove it either.
  TrajectoryRecord bare = store().load(caseworker(), t.id()).record();
  bare.intake.topics.erase(IntakeTopic::kHealth);
  Trajectory rebuilt = Trajectory::from_record(bare);
  rebuilt.record_attendance(hours(HourKind::kLanguageCourse, "2025-02-02", 1));
  store().save(caseworker(), rebuilt);
  EXPECT_EQ(store()
                .load(caseworker(), t.id(), kWithHealth)
                .record()
                .intake.topics.at(IntakeTopic::kHealth),
            health);
  const auto history = store().history(auditor(), t.id());
  const auto update = std::find_if(history.rbegin(), history.rend(),
                                   [](const auto& e) { return e.action == AuditAction::kUpdate; });
  ASSERT_NE(update, history.rend());
  for (const auto& change : update->changes) {
    EXPECT_THAT(change.field, ::testing::Not(HasSubstr("health"))) << change.after;
  }
}

TEST_P(StoreTest, ReadingHealthIsAudited) {
  Trajectory t = rich_trajectory();
  store().create(caseworker(), t);
  store().load(back_office(), t.id());  // No health: not a special read.
  store().load(caseworker(), t.id());   // Not asked for: not read, not audited.
  EXPECT_THROW(store().load(back_office(), t.id(), kWithHealth), AccessDenied);
  store().load(caseworker(), t.id(), kWithHealth);
  const auto history = store().history(auditor(), t.id());
  EXPECT_EQ(std::count_if(history.begin(), history.end(),
                          [](const auto& e) { return e.action == AuditAction::kReadSpecial; }),
            1);
  const auto read = std::find_if(history.begin(), history.end(), [](const auto& e) {
    return e.action == AuditAction::kReadSpecial;
  });
  EXPECT_EQ(read->changes.front().field, "/intake/topics/health");
  EXPECT_EQ(history.back().action, AuditAction::kReadSpecial);
}

TEST_P(StoreTest, AskingForHealthWhereThereIsNoneIsNotAudited) {
  Trajectory t = on_route();
  TrajectoryRecord r = t.record();
  r.intake.topics.erase(IntakeTopic::kHealth);
  r.id = TrajectoryId(8);
  r.state = TrajectoryState::kRoute;
  Trajectory bare = Trajectory::from_record(r);
  store().create(caseworker(), bare);
  store().load(caseworker(), bare.id(), kWithHealth);
  EXPECT_EQ(actions(store().history(auditor(), bare.id())), std::vector{AuditAction::kCreate});
}

TEST_P(StoreTest, RolesWithoutHealthRightsCannotWriteHealth) {
  Trajectory t = registered();
  t.record_intake_topic(IntakeTopic::kHealth, noted("2024-01-20", "diabetes"));
  EXPECT_THROW(store().create(back_office(), t), AccessDenied);
  store().create(caseworker(), t);
  Trajectory office = store().load(back_office(), t.id());
  office.record_intake_topic(IntakeTopic::kHealth, noted("2024-01-21", "overschreven"));
  EXPECT_THROW(store().save(back_office(), office), AccessDenied);
  EXPECT_EQ(store()
                .load(caseworker(), t.id(), kWithHealth)
                .record()
                .intake.topics.at(IntakeTopic::kHealth)
                .notes,
            "diabetes");
}

TEST_P(StoreTest, ReadOnlyRolesCannotWrite) {
  Trajectory t = on_route();
  EXPECT_THROW(store().create(auditor(), t), AccessDenied);
  store().create(caseworker(), t);
  Trajectory loaded = store().load(auditor(), t.id());
  loaded.record_attendance(hours(HourKind::kLanguageCourse, "2025-02-01", 2));
  EXPECT_THROW(store().save(auditor(), loaded), AccessDenied);
}

// ---- Queries
// -------------------------------------------------------------------------------------

class CaseloadTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    // 30 trajectories in Utrecht (ids 1..30) and 5 in Amersfoort (ids 101..105).
    for (int i = 1; i <= 30; ++i) {
      Trajectory t =
          renumber(i % 3 == 0 ? planning() : on_route(i % 2 ? Route::kB1 : Route::kZ), i);
      TrajectoryRecord r = t.record();
      r.caseworker = UserId(i <= 10 ? "km-a" : "km-b");
      Trajectory owned = Trajectory::from_record(r);
      store().create(caseworker(), owned);
    }
    for (int i = 101; i <= 105; ++i) {
      TrajectoryRecord r = on_route().record();
      r.id = TrajectoryId(i);
      r.municipality = amersfoort();
      r.plan_versions[0].issued_by = amersfoort();
      Trajectory t = Trajectory::from_record(r);
      store().create(caseworker(amersfoort()), t);
    }
  }
};

TEST_P(CaseloadTest, ListsByMunicipalityWithKeysetPagination) {
  std::vector<std::int64_t> ids;
  PageRequest page{.after = "", .limit = 7};
  int pages = 0;
  do {
    auto result = store().list(caseworker(), {}, page);
    for (const auto& s : result.items) {
      ids.push_back(s.id.value());
      EXPECT_EQ(s.municipality, utrecht());
    }
    page.after = result.next;
    ++pages;
  } while (!page.after.empty());
  EXPECT_EQ(pages, 5);
  ASSERT_EQ(ids.size(), 30u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), 30u);
}

TEST_P(CaseloadTest, ListsByCaseworkerStateAndRoute) {
  auto count = [&](TrajectoryFilter filter) {
    return store().list(caseworker(), filter, {.after = "", .limit = 1000}).items.size();
  };
  EXPECT_EQ(count({.caseworker = UserId("km-a")}), 10u);
  EXPECT_EQ(count({.state = TrajectoryState::kPlanning}), 10u);
  EXPECT_EQ(count({.state = TrajectoryState::kRoute, .route = Route::kZ}), 10u);
  EXPECT_EQ(count({.route = Route::kB1}), 10u);
  EXPECT_EQ(count({.caseworker = UserId("km-a"), .state = TrajectoryState::kPlanning}), 3u);
}

TEST_P(CaseloadTest, FindsByBsn) {
  const auto found = store().find_by_bsn(caseworker(), Bsn(kBsn1));
  EXPECT_EQ(found.size(), 30u);  // The builders use one BSN; Amersfoort's are not visible.
  EXPECT_TRUE(store().find_by_bsn(caseworker(), Bsn(kBsn2)).empty());
}

TEST_P(CaseloadTest, WorklistOfSignalsDueBeforeADate) {
  // Planning trajectories: PIP due 2024-03-25. On-route ones: no hours since 2024-03-01, due
  // 2024-03-29; interviews from 2024-08-04.
  const auto page =
      store().worklist(caseworker(), d("2024-03-29"), {}, {.after = "", .limit = 1000});
  ASSERT_EQ(page.items.size(), 10u);
  for (const auto& item : page.items) {
    EXPECT_EQ(item.signal.kind, SignalKind::kPipDue);
    EXPECT_EQ(item.signal.due_on, d("2024-03-25"));
    EXPECT_TRUE(item.signal.overdue);  // The store's clock says 2025-03-01.
  }
  const auto mine = store().worklist(caseworker(), d("2024-03-30"), {.caseworker = UserId("km-a")},
                                     {.after = "", .limit = 1000});
  EXPECT_EQ(mine.items.size(), 10u);  // 3 PIPs due + 7 no-hours signals.
}

TEST_P(CaseloadTest, WorklistPagesAreOrderedAndComplete) {
  std::vector<storage::WorklistItem> all;
  PageRequest page{.after = "", .limit = 9};
  do {
    auto result = store().worklist(caseworker(), d("2026-01-01"), {}, page);
    all.insert(all.end(), result.items.begin(), result.items.end());
    page.after = result.next;
  } while (!page.after.empty());
  const auto one =
      store().worklist(caseworker(), d("2026-01-01"), {}, {.after = "", .limit = 1000});
  ASSERT_EQ(all.size(), one.items.size());
  EXPECT_GT(all.size(), 30u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].signal, one.items[i].signal);
    EXPECT_EQ(all[i].trajectory, one.items[i].trajectory);
    if (i > 0) {
      EXPECT_LE(all[i - 1].signal.due_on, all[i].signal.due_on);
    }
  }
}

TEST_P(CaseloadTest, TermsEndingWithinMonths) {
  // On-route terms end 2027-03-01 (20 of the 30).
  EXPECT_TRUE(store().terms_ending(caseworker(), d("2026-08-01"), 6, {}, {}).items.empty());
  const auto ending =
      store().terms_ending(caseworker(), d("2026-09-02"), 6, {}, {.after = "", .limit = 15});
  EXPECT_EQ(ending.items.size(), 15u);
  ASSERT_FALSE(ending.next.empty());
  const auto rest = store().terms_ending(caseworker(), d("2026-09-02"), 6, {},
                                         {.after = ending.next, .limit = 15});
  EXPECT_EQ(rest.items.size(), 5u);
  EXPECT_TRUE(rest.next.empty());
  for (const auto& s : rest.items) EXPECT_EQ(s.term_end, d("2027-03-01"));
}

TEST_P(CaseloadTest, TermsEndingAppliesEveryFieldOfTheFilter) {
  const auto count = [&](const TrajectoryFilter& filter) {
    return store()
        .terms_ending(caseworker(), d("2026-09-02"), 6, filter, {.after = "", .limit = 100})
        .items.size();
  };
  EXPECT_EQ(count({}), 20u);
  EXPECT_EQ(count({.caseworker = UserId("km-a")}), 7u);  // 1, 2, 4, 5, 7, 8, 10
  EXPECT_EQ(count({.route = Route::kB1}), 10u);          // the odd ones
  EXPECT_EQ(count({.caseworker = UserId("km-a"), .route = Route::kZ}), 4u);
  EXPECT_EQ(count({.state = TrajectoryState::kRoute}), 20u);
  EXPECT_EQ(count({.state = TrajectoryState::kPlanning}), 0u);
}

TEST_P(CaseloadTest, WorklistRefusesFiltersItCannotApply) {
  EXPECT_THROW(store().worklist(caseworker(), d("2026-01-01"), {.route = Route::kB1}, {}),
               ValidationError);
  EXPECT_THROW(
      store().worklist(caseworker(), d("2026-01-01"), {.state = TrajectoryState::kRoute}, {}),
      ValidationError);
}

TEST_P(CaseloadTest, RejectsBadPageRequests) {
  EXPECT_THROW(store().list(caseworker(), {}, {.after = "", .limit = 0}), ValidationError);
  EXPECT_THROW(store().list(caseworker(), {}, {.after = "", .limit = 1001}), ValidationError);
  EXPECT_THROW(store().list(caseworker(), {}, {.after = "abc", .limit = 5}), ValidationError);
  EXPECT_THROW(
      store().worklist(caseworker(), d("2026-01-01"), {}, {.after = "2026-01-01|x|1", .limit = 5}),
      ValidationError);
  EXPECT_THROW(store().terms_ending(caseworker(), d("2026-01-01"), 0, {}, {}), ValidationError);
  EXPECT_THROW(store().list(caseworker(), {.municipality = amersfoort()}, {}), AccessDenied);
}

// ---- Retention and erasure ---------------------------------------------------------------------

TEST_P(StoreTest, PurgesPersonalDataAfterTheRetentionPeriod) {
  Trajectory done = renumber(on_route(), 1);
  done.end(d("2020-03-01"), EndReason::kLeftCountry);
  Trajectory recent = renumber(on_route(), 2);
  recent.end(d("2022-06-01"), EndReason::kLeftCountry);
  Trajectory running = renumber(on_route(), 3);
  for (Trajectory* t : {&done, &recent, &running}) store().create(caseworker(), *t);

  EXPECT_THROW(store().purge_expired(caseworker(), d("2025-03-02")), AccessDenied);
  const auto report = store().purge_expired(privacy_officer(), d("2025-03-02"));
  ASSERT_EQ(report.purged, std::vector{TrajectoryId(1)});

  EXPECT_THROW(store().load(caseworker(), TrajectoryId(1)), NotFound);
  EXPECT_EQ(store().find_by_bsn(caseworker(), Bsn(kBsn1)).size(), 2u);
  const auto facts = store().list(caseworker(), {}, {}).items;
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_TRUE(facts[0].purged);
  EXPECT_EQ(facts[0].state, TrajectoryState::kEnded);  // Minimal facts remain.
  EXPECT_EQ(facts[0].route, Route::kB1);
  EXPECT_NO_THROW(store().load(caseworker(), TrajectoryId(2)));
  const auto history = store().history(auditor(), TrajectoryId(1));
  EXPECT_EQ(history.back().action, AuditAction::kPurge);
  EXPECT_TRUE(store().purge_expired(privacy_officer(), d("2025-03-02")).purged.empty());
}

TEST_P(StoreTest, ErasesAPersonOnRequest) {
  Trajectory a = renumber(on_route(), 1);
  Trajectory b = renumber(on_route(Route::kB1, family_migrant()), 2);
  store().create(caseworker(), a);
  store().create(caseworker(), b);
  Trajectory loaded = store().load(caseworker(), TrajectoryId(1));
  EXPECT_THROW(store().erase_person(caseworker(), Bsn(kBsn1), "verzoek"), AccessDenied);
  EXPECT_THROW(store().erase_person(privacy_officer(), Bsn(kBsn1), ""), ValidationError);
  EXPECT_EQ(store().erase_person(privacy_officer(), Bsn(kBsn1), "AVG-verzoek 2025-17"), 1);
  EXPECT_THROW(store().load(caseworker(), TrajectoryId(1)), NotFound);
  EXPECT_NO_THROW(store().load(caseworker(), TrajectoryId(2)));
  EXPECT_TRUE(store().find_by_bsn(caseworker(), Bsn(kBsn1)).empty());
  loaded.record_attendance(hours(HourKind::kLanguageCourse, "2025-01-01", 1));
  EXPECT_THROW(store().save(caseworker(), loaded), ConflictError);  // No resurrection.
  const auto history = store().history(auditor(), TrajectoryId(1));
  EXPECT_EQ(history.back().action, AuditAction::kErase);
  EXPECT_EQ(history.back().note, "AVG-verzoek 2025-17");
}

// ---- Backends
// ------------------------------------------------------------------------------------

std::vector<Backend> backends() {
  return {
      Backend{"sqlite_memory",
              [](std::shared_ptr<FixedClock> clock) -> std::unique_ptr<storage::TrajectoryStore> {
                return storage::SqliteStore::open(":memory:", {.clock = clock});
              }},
      Backend{"sqlite_file",
              [](std::shared_ptr<FixedClock> clock) -> std::unique_ptr<storage::TrajectoryStore> {
                // One directory per store, removed at process exit.
                static std::vector<std::unique_ptr<TempDir>> dirs;
                dirs.push_back(std::make_unique<TempDir>());
                return storage::SqliteStore::open(dirs.back()->file("store.db"), {.clock = clock});
              }},
      postgres_backend(),
  };
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(backends()), backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, CaseloadTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace inburgering::test
