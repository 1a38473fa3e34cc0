// Issue 8, reliability: the faults found by probing the store, each with a test that failed
// before its fix. (Crash safety and concurrency are in tests/storage/crash_test.cpp.)
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "detail/iso_date.hpp"
#include "detail/text_check.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sqlite_schema.hpp"
#include "support/old_schema.hpp"
#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::AuditAction;
using storage::SqliteOptions;
using storage::SqliteStore;
using ::testing::HasSubstr;
using ::testing::Not;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool exists(const std::string& path) { return std::filesystem::exists(path); }

SqliteOptions options(Date today = d("2025-03-01")) {
  auto clock = std::make_shared<FixedClock>(today);
  clock->set_time_of_day(std::chrono::hours{9});
  return SqliteOptions{.clock = std::move(clock)};
}

ErrorCode open_error(const std::string& path, SqliteOptions o, std::string* message = nullptr) {
  try {
    SqliteStore::open(path, std::move(o));
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  ADD_FAILURE() << "opened " << path;
  return ErrorCode::kInvalidInput;
}

ErrorCode code_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "nothing thrown";
  return ErrorCode::kInvalidInput;
}

void store_one(const std::string& path) {
  auto store = SqliteStore::open(path, options());
  Trajectory t = on_route();
  store->create(caseworker(), t);
}

// ---- 1. Another application's file is never modified --------------------------------------------

class Issue8ForeignFiles : public ::testing::TestWithParam<int> {};

TEST_P(Issue8ForeignFiles, AnotherApplicationsFileWithOurVersionNumberIsRefusedUntouched) {
  // An application that numbers its schema 1, 2, ... with PRAGMA user_version, as we did.
  TempDir dir;
  const std::string path = dir.file("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE klanten (naam TEXT); INSERT INTO klanten VALUES ('x')");
    raw.exec("PRAGMA user_version = " + std::to_string(GetParam()));
  }
  const std::string before = read_file(path);
  std::string message;
  EXPECT_EQ(open_error(path, options(), &message), ErrorCode::kIncompatibleDatabase);
  EXPECT_THAT(message, HasSubstr("another application"));
  EXPECT_EQ(read_file(path), before);
  EXPECT_FALSE(exists(path + "-wal"));  // not switched to WAL
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
}

INSTANTIATE_TEST_SUITE_P(Versions, Issue8ForeignFiles, ::testing::Values(1, 2, 3, 4, 5, 6));

TEST(Issue8Files, AFileMarkedByAnotherApplicationIsRefusedUntouched) {
  TempDir dir;
  const std::string path = dir.file("marked.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = 1234");  // an empty file, but someone else's
  }
  const std::string before = read_file(path);
  std::string message;
  EXPECT_EQ(open_error(path, options(), &message), ErrorCode::kIncompatibleDatabase);
  EXPECT_THAT(message, HasSubstr("application_id 1234"));
  EXPECT_EQ(read_file(path), before);
}

TEST(Issue8Files, OurFilesAreMarkedAndAnUnmarkedCurrentFileIsRefused) {
  TempDir dir;
  const std::string path = dir.file("ours.db");
  store_one(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt64(), 0x496E6275);
    raw.exec("PRAGMA application_id = 0");
  }
  std::string message;
  EXPECT_EQ(open_error(path, options(), &message), ErrorCode::kIncompatibleDatabase);
  EXPECT_THAT(message, HasSubstr("not marked as an inburgering database"));
}

TEST(Issue8Files, ANewerSchemaWithAnUncheckpointedWalIsLeftByteForByte) {
  TempDir dir;
  const std::string path = dir.file("future.db");
  store_one(path);
  const std::string copy = dir.file("copy.db");
  {
    // A newer library's writer, stopped before it checkpointed: its changes are in the WAL only.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_autocheckpoint = 0");
    raw.exec("PRAGMA user_version = 99");
    raw.exec("UPDATE id_counter SET last = 41");
    // Copy the file and its WAL as they are while the writer still holds them.
    std::filesystem::copy_file(path, copy);
    std::filesystem::copy_file(path + "-wal", copy + "-wal");
  }
  const std::string db_before = read_file(copy);
  const std::string wal_before = read_file(copy + "-wal");
  ASSERT_GT(wal_before.size(), 0u);
  std::string message;
  EXPECT_EQ(open_error(copy, options(), &message), ErrorCode::kIncompatibleDatabase);
  EXPECT_THAT(message, HasSubstr("newer than this library"));
  EXPECT_EQ(read_file(copy), db_before);
  EXPECT_EQ(read_file(copy + "-wal"), wal_before);
}

TEST(Issue8Files, AVersionFourFileIsMarkedAndItsTrailChainedOnMigration) {
  TempDir dir;
  const std::string path = dir.file("v4.db");
  {
    auto store = SqliteStore::open(path, options());
    Trajectory t = on_route();
    store->create(caseworker(), t);
    t.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-01", 2));
    store->save(caseworker(), t);
  }
  {
    // Back to what library 0.3 wrote: no mark, no chain.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    back_to_schema_4(raw, 4);
  }
  auto store = SqliteStore::open(path, options());
  EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
  const auto check = store->verify_audit(auditor());
  EXPECT_TRUE(check.intact()) << check.problem;
  EXPECT_EQ(check.entries, 2);
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt64(), 0x496E6275);
  // The append-only trigger, lifted for the migration, is back.
  EXPECT_THROW(raw.exec("UPDATE audit_log SET note = 'x'"), SQLite::Exception);
}

// ---- 2. The actor is checked on every call; history never fails ---------------------------------

TEST(Issue8Actor, AnActorWithAnUnknownRoleIsRefusedBeforeAnythingIsWritten) {
  auto store = SqliteStore::open(":memory:", options());
  Trajectory t = on_route();
  store->create(caseworker(), t);
  storage::Actor odd = caseworker();
  odd.role = static_cast<storage::Role>(42);
  storage::Actor nobody = caseworker();
  nobody.user = UserId("");
  for (const auto& actor : {odd, nobody}) {
    EXPECT_THROW(store->load(actor, t.id()), ValidationError);
    EXPECT_THROW(store->list(actor, {}, {}), ValidationError);
    EXPECT_THROW(store->history(actor, t.id()), ValidationError);
    EXPECT_THROW(store->verify_audit(actor), ValidationError);
    EXPECT_THROW(store->refresh_deadlines(actor, d("2025-03-01")), ValidationError);
  }
  try {
    store->load(odd, t.id());
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "actor.role");
  }
  // Nothing reached the trail, and it reads for everyone.
  const auto history = store->history(caseworker(), t.id());
  ASSERT_EQ(history.size(), 1u);
  EXPECT_TRUE(history[0].unreadable.empty());
}

TEST(Issue8Actor, HistoryReadsEveryEntryEvenDamagedOnes) {
  TempDir dir;
  const std::string path = dir.file("h.db");
  store_one(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO audit_log (at, user_id, role, actor_municipality, on_behalf_of, action, "
        "trajectory_id, changes, hash) VALUES ('2025-03-01T-1:00:00Z', 'x', 'Haddad', '03', "
        "'0344', 'teleport', 7, '{}', 'x')");
  }
  auto store = SqliteStore::open(path, options());
  const auto history = store->history(auditor(), TrajectoryId(7));
  ASSERT_EQ(history.size(), 2u);
  const auto& damaged = history.back();
  EXPECT_THAT(damaged.unreadable,
              ::testing::ElementsAre("at", "role", "actor_municipality", "action", "changes"));
  EXPECT_FALSE(damaged.role || damaged.action || damaged.actor_municipality);
  EXPECT_EQ(damaged.on_behalf_of, utrecht());
  EXPECT_EQ(damaged.at, std::chrono::sys_seconds{});
  EXPECT_EQ(history.front().action, AuditAction::kCreate);
}

// ---- 7. Timestamps are read strictly ------------------------------------------------------------

TEST(Issue8Timestamps, OnlyTheExactFormWeWriteIsATimestamp) {
  using ::inburgering::detail::parse_iso_timestamp;
  const auto good = parse_iso_timestamp("2025-03-01T09:05:07Z");
  ASSERT_TRUE(good);
  EXPECT_EQ(to_iso(*good), "2025-03-01T09:05:07Z");
  EXPECT_TRUE(parse_iso_timestamp("2025-03-01T23:59:59Z"));
  EXPECT_TRUE(parse_iso_timestamp("2025-03-01T00:00:00Z"));
  for (const char* bad :
       {"2025-03-01T-1:00:00Z", "2025-03-01T+1:00:00Z", "2025-03-01T 9:00:00Z",
        "2025-03-01T24:00:00Z", "2025-03-01T09:60:00Z", "2025-03-01T09:00:60Z",
        "2025-03-01T0a:00:00Z", "2025-03-01 09:00:00Z", "2025-03-01T09:00:00",
        "2025-02-30T09:00:00Z", "2025-03-01T09-00:00Z", "2025-03-01T09:00:00Z ", ""}) {
    EXPECT_FALSE(parse_iso_timestamp(bad)) << bad;
  }
}

TEST(Issue8Timestamps, AMigrationStopsAtADamagedSaveTime) {
  TempDir dir;
  const std::string path = dir.file("t.db");
  store_one(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE trajectory SET updated_at = '2025-03-01Tzz:00:00Z'");
    back_to_schema_4(raw, 3);
  }
  std::string message;
  EXPECT_EQ(open_error(path, options(), &message), ErrorCode::kCorruptData);
  EXPECT_THAT(message, HasSubstr("trajectory 7 is damaged at updated_at"));
}

// ---- 3. The audit trail is a hash chain ---------------------------------------------------------

class Issue8AuditChain : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("chain.db");
    auto store = SqliteStore::open(path_, options());
    Trajectory t = on_route();
    store->create(caseworker(), t);
    for (int day = 1; day <= 3; ++day) {
      t.record_attendance(
          hours(HourKind::kLanguageCourse, ("2024-04-0" + std::to_string(day)).c_str(), 2));
      store->save(caseworker(), t);
    }
  }
  storage::AuditVerification verify() {
    return SqliteStore::open(path_, options())->verify_audit(auditor());
  }
  // What someone with the file and the sqlite3 shell can do.
  void tamper(const std::string& sql) {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    raw.exec(sql);
  }
  TempDir dir_;
  std::string path_;
};

TEST_F(Issue8AuditChain, AnUntouchedTrailIsIntactAndItsHeadMovesWithEveryEntry) {
  const auto first = verify();
  EXPECT_TRUE(first.intact());
  EXPECT_EQ(first.entries, 4);
  EXPECT_EQ(first.head_sequence, 4);
  EXPECT_EQ(first.head_hash.size(), 64u);
  EXPECT_EQ(verify().head_hash, first.head_hash);  // deterministic
  {
    auto store = SqliteStore::open(path_, options());
    store->load(caseworker(), TrajectoryId(7), {.with_health = true});  // an audited read
  }
  const auto second = verify();
  EXPECT_TRUE(second.intact());
  EXPECT_EQ(second.entries, 5);
  EXPECT_NE(second.head_hash, first.head_hash);
}

TEST_F(Issue8AuditChain, AChangedEntryBreaksTheChainThere) {
  tamper("UPDATE audit_log SET note = 'niets gebeurd' WHERE sequence = 2");
  const auto check = verify();
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.first_broken, 2);
  EXPECT_EQ(check.entries, 1);
  EXPECT_THAT(check.problem, HasSubstr("changed"));
}

TEST_F(Issue8AuditChain, ARemovedEntryBreaksTheChainAtTheNextOne) {
  tamper("DELETE FROM audit_log WHERE sequence = 2");
  EXPECT_EQ(verify().first_broken, 3);
}

TEST_F(Issue8AuditChain, AnEntrySlippedInBreaksTheChain) {
  tamper(
      "UPDATE audit_log SET sequence = sequence + 10 WHERE sequence >= 3; "
      "INSERT INTO audit_log (sequence, at, user_id, role, actor_municipality, action, "
      "trajectory_id, hash) SELECT 3, at, user_id, role, actor_municipality, action, "
      "trajectory_id, hash FROM audit_log WHERE sequence = 2");
  EXPECT_EQ(verify().first_broken, 3);
}

TEST_F(Issue8AuditChain, EveryFieldIsCoveredByTheLink) {
  for (const char* column : {"at", "user_id", "role", "actor_municipality", "on_behalf_of",
                             "arrangement", "action", "trajectory_id", "changes", "note"}) {
    SCOPED_TRACE(column);
    TempDir copy_dir;
    const std::string copy = copy_dir.file("copy.db");
    {
      SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
      raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::filesystem::copy_file(path_, copy);
    {
      SQLite::Database raw(copy, SQLite::OPEN_READWRITE);
      raw.exec("DROP TRIGGER audit_log_no_update");
      const std::string value = std::string(column) == "trajectory_id" ? "8"
                                : std::string(column) == "changes"     ? "'[]'"
                                                                       : "'0307'";
      raw.exec(std::string("UPDATE audit_log SET ") + column + " = " + value +
               " WHERE sequence = 3");
    }
    EXPECT_EQ(SqliteStore::open(copy, options())->verify_audit(auditor()).first_broken, 3);
  }
}

TEST_F(Issue8AuditChain, TheDatabaseRefusesReplaceAndEntriesWithoutALink) {
  SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
  const int before = raw.execAndGet("SELECT count(*) FROM audit_log").getInt();
  // INSERT OR REPLACE deletes the old row without firing the DELETE trigger: refused.
  EXPECT_THROW(raw.exec("INSERT OR REPLACE INTO audit_log (sequence, at, user_id, role, "
                        "actor_municipality, action, hash) VALUES (2, 'x', 'x', 'auditor', "
                        "'0344', 'update', 'x')"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("REPLACE INTO audit_log (sequence, at, user_id, role, "
                        "actor_municipality, action, hash) VALUES (1, 'x', 'x', 'auditor', "
                        "'0344', 'update', 'x')"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO audit_log (at, user_id, role, actor_municipality, action) "
                        "VALUES ('x', 'x', 'auditor', '0344', 'update')"),
               SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit_log").getInt(), before);
  EXPECT_TRUE(verify().intact());
}

TEST_F(Issue8AuditChain, OnlyAuditorsAndPrivacyOfficersVerify) {
  auto store = SqliteStore::open(path_, options());
  EXPECT_THROW(store->verify_audit(caseworker()), AccessDenied);
  EXPECT_THROW(store->verify_audit(back_office()), AccessDenied);
  EXPECT_TRUE(store->verify_audit(privacy_officer()).intact());
  // The refusals are in the trail, and the trail is still intact.
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
  EXPECT_EQ(store->verify_audit(auditor()).entries, 6);
}

// ---- 4. No BSN in an erasure's reason -----------------------------------------------------------

TEST(Issue8Erasure, AReasonThatNamesABsnIsRefusedAndNothingIsErased) {
  auto store = SqliteStore::open(":memory:", options());
  Trajectory t = on_route();
  store->create(caseworker(), t);
  for (const char* reason :
       {"verzoek van 111222333", "verzoek 1112 22 333", "bsn 111.222.333", "bsn 111-222-333",
        "nummer 12345678 9", "bsn 11222335 (nul weggevallen)"}) {
    SCOPED_TRACE(reason);
    try {
      store->erase_person(privacy_officer(), Bsn(kBsn1), reason);
      ADD_FAILURE() << "accepted";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), "erase.reason");
      EXPECT_THAT(e.what(), Not(HasSubstr("111")));
    }
  }
  EXPECT_FALSE(store->list(caseworker(), {}, {}).items.front().purged);
  // A date, a case number, a phone number are not a BSN.
  EXPECT_EQ(store->erase_person(privacy_officer(), Bsn(kBsn1),
                                "AVG art. 17, verzoek 2025-02-14, zaak 4711, tel 030 1234567"),
            1);
}

TEST(Issue8Erasure, WhatLooksLikeABsn) {
  using ::inburgering::detail::contains_bsn_like;
  EXPECT_TRUE(contains_bsn_like("123456789"));    // nine digits, whatever the check
  EXPECT_TRUE(contains_bsn_like("x1234567890"));  // nine of them in a longer run
  EXPECT_TRUE(contains_bsn_like("1234 56 789"));
  EXPECT_TRUE(contains_bsn_like("12345678 9"));
  EXPECT_TRUE(contains_bsn_like("11222335"));   // 011222335 passes the eleven-test
  EXPECT_FALSE(contains_bsn_like("11222333"));  // 011222333 does not
  EXPECT_FALSE(contains_bsn_like("12345678"));  // 012345678 does not
  EXPECT_FALSE(contains_bsn_like("1234567"));
  EXPECT_FALSE(contains_bsn_like("2024-01-01"));   // 20240101: 020240101 fails the test
  EXPECT_FALSE(contains_bsn_like("1234  56789"));  // two separators break the group
  EXPECT_FALSE(contains_bsn_like("12345/6789"));
  EXPECT_FALSE(contains_bsn_like(""));
}

// ---- 5. Existence does not leak -----------------------------------------------------------------

TEST(Issue8Existence, AForeignIdAnswersExactlyAsAMissingOne) {
  auto store = SqliteStore::open(":memory:", options());
  Trajectory t = on_route();
  store->create(caseworker(), t);
  const auto stranger = caseworker(amersfoort(), "km-vreemd");
  std::string foreign;
  std::string missing;
  try {
    store->load(stranger, TrajectoryId(7));
  } catch (const NotFound& e) {
    foreign = e.what();
  }
  try {
    store->load(stranger, TrajectoryId(8));
  } catch (const NotFound& e) {
    missing = e.what();
  }
  EXPECT_EQ(foreign, std::string(missing).replace(missing.find('8'), 1, "7"));

  // create: the same answer for an id taken at home and one taken elsewhere.
  auto create_message = [&](const storage::Actor& actor, MunicipalityCode m) {
    TrajectoryRecord r = on_route().record();
    r.municipality = m;
    Trajectory again = Trajectory::from_record(r);
    try {
      store->create(actor, again);
    } catch (const ConflictError& e) {
      EXPECT_EQ(e.code(), ErrorCode::kIdExists);
      return std::string(e.what());
    }
    return std::string("created");
  };
  EXPECT_EQ(create_message(stranger, amersfoort()), create_message(caseworker(), utrecht()));
  // Every attempt by the stranger is in the owner's trail.
  const auto history = store->history(caseworker(), TrajectoryId(7));
  EXPECT_EQ(std::count_if(history.begin(), history.end(),
                          [](const auto& e) {
                            return e.action == AuditAction::kDenied &&
                                   e.user == UserId("km-vreemd");
                          }),
            2);
}

// ---- 6. Errors name the real cause; read-only stores --------------------------------------------

TEST(Issue8Open, ALockedDatabaseIsReportedAsLocked) {
  TempDir dir;
  const std::string path = dir.file("locked.db");
  store_one(path);
  SQLite::Database holder(path, SQLite::OPEN_READWRITE);
  holder.exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE");
  SqliteOptions o = options();
  o.busy_timeout = std::chrono::milliseconds(50);
  o.busy_retries = 1;
  std::string message;
  EXPECT_EQ(open_error(path, o, &message), ErrorCode::kStorageBusy);
  EXPECT_THAT(message, HasSubstr("locked"));
  EXPECT_THAT(message, Not(HasSubstr("not an inburgering")));
}

// Runs `body` in a child process without root's right to write anything (as `nobody` when the
// tests run as root); returns the child's exit status.
int as_unprivileged(const std::function<int()>& body) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(90);
    int rc = 91;
    try {
      rc = body();
    } catch (...) {
      rc = 92;
    }
    _exit(rc);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 93;
}

class Issue8Permissions : public ::testing::Test {
 protected:
  void SetUp() override {
    // Readable by everyone, writable by nobody but the owner.
    chmod(dir_.path().c_str(), 0755);
    path_ = dir_.file("store.db");
    store_one(path_);
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  TempDir dir_;
  std::string path_;
};

TEST_F(Issue8Permissions, AReadOnlyFileIsNamedAsSuchAndNothingIsLeftBehind) {
  chmod(path_.c_str(), 0444);
  std::filesystem::remove(path_ + "-wal");
  std::filesystem::remove(path_ + "-shm");
  const int rc = as_unprivileged([&] {
    std::string message;
    const ErrorCode code = open_error(path_, options(), &message);
    if (code != ErrorCode::kStorageFailure) return 1;
    if (message.find("read-only for this process") == std::string::npos) return 2;
    if (message.find("SqliteOptions::read_only") == std::string::npos) return 3;
    return 0;
  });
  EXPECT_EQ(rc, 0);
  EXPECT_FALSE(exists(path_ + "-wal"));
}

TEST_F(Issue8Permissions, AReadOnlyDirectoryIsNamedAsSuch) {
  chmod(dir_.path().c_str(), 0555);
  const int rc = as_unprivileged([&] {
    std::string message;
    const ErrorCode code = open_error(dir_.file("new.db"), options(), &message);
    if (code != ErrorCode::kStorageFailure) return 1;
    if (message.find("is not writable") == std::string::npos) return 2;
    return 0;
  });
  chmod(dir_.path().c_str(), 0755);
  EXPECT_EQ(rc, 0);
  EXPECT_FALSE(exists(dir_.file("new.db")));
}

TEST_F(Issue8Permissions, AReadOnlyStoreReadsAndRefusesEveryWrite) {
  // The -wal and -shm exist (SQLite needs the index to read a WAL file); the file is not
  // writable for the process that opens it.
  {
    SQLite::Database keep(path_, SQLite::OPEN_READONLY);
    keep.execAndGet("SELECT count(*) FROM trajectory");
  }
  for (const char* f : {"", "-wal", "-shm"}) {
    if (exists(path_ + f)) chmod((path_ + f).c_str(), 0644);
  }
  chmod(path_.c_str(), 0444);
  const std::string before = read_file(path_);
  const int rc = as_unprivileged([&] {
    SqliteOptions o = options();
    o.read_only = true;
    auto store = SqliteStore::open(path_, o);
    Trajectory t = store->load(caseworker(), TrajectoryId(7));
    if (store->list(caseworker(), {}, {}).items.size() != 1) return 1;
    if (store->history(caseworker(), TrajectoryId(7)).size() != 1) return 2;
    if (code_of([&] { store->save(caseworker(), t); }) != ErrorCode::kReadOnlyStore) return 3;
    Trajectory fresh = renumber(on_route(), 8);
    if (code_of([&] { store->create(caseworker(), fresh); }) != ErrorCode::kReadOnlyStore) return 4;
    if (code_of([&] { store->reserve_id(caseworker()); }) != ErrorCode::kReadOnlyStore) return 5;
    if (code_of([&] { store->load(caseworker(), TrajectoryId(7), {.with_health = true}); }) !=
        ErrorCode::kReadOnlyStore)
      return 6;
    if (code_of([&] { store->refresh_deadlines(caseworker(), d("2025-03-01")); }) !=
        ErrorCode::kReadOnlyStore)
      return 7;
    if (code_of([&] { store->purge_expired(privacy_officer(), d("2025-03-01")); }) !=
        ErrorCode::kReadOnlyStore)
      return 8;
    if (code_of([&] { store->erase_person(privacy_officer(), Bsn(kBsn1), "AVG art. 17"); }) !=
        ErrorCode::kReadOnlyStore)
      return 9;
    // A denial is still a denial.
    if (code_of([&] { store->load(caseworker(amersfoort()), TrajectoryId(7)); }) !=
        ErrorCode::kNotFound)
      return 10;
    return 0;
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(read_file(path_), before);
}

TEST(Issue8Open, AReadOnlyStoreNeedsAnExistingFileAtTheCurrentSchema) {
  TempDir dir;
  SqliteOptions o = options();
  o.read_only = true;
  EXPECT_EQ(open_error(dir.file("absent.db"), o), ErrorCode::kStorageFailure);
  EXPECT_FALSE(exists(dir.file("absent.db")));
  const std::string path = dir.file("old.db");
  store_one(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    back_to_schema_4(raw, 4);
  }
  std::string message;
  EXPECT_EQ(open_error(path, o, &message), ErrorCode::kIncompatibleDatabase);
  EXPECT_THAT(message, HasSubstr("open it read-write once"));
}

// ---- 8. Stale worklists: refresh_deadlines ------------------------------------------------------

TEST(Issue8Refresh, DeadlinesAndTermEndsFollowAnOpenInterruption) {
  TempDir dir;
  const std::string path = dir.file("r.db");
  std::optional<Date> saved_end;
  {
    auto store = SqliteStore::open(path, options(d("2025-03-01")));
    for (std::int64_t id = 1; id <= 5; ++id) {
      Trajectory t = renumber(on_route(), id);
      if (id % 2 == 1) t.record_interruption(Interruption{d("2025-01-01"), std::nullopt, "ziekte"});
      store->create(caseworker(), t);
      if (id == 1) saved_end = t.term_end(d("2025-03-01"));
    }
  }
  auto store = SqliteStore::open(path, options(d("2025-06-01")));
  auto term_end_of = [&](std::int64_t id) {
    for (const auto& s : store->list(caseworker(), {}, {}).items) {
      if (s.id == TrajectoryId(id)) return s.term_end;
    }
    return std::optional<Date>{};
  };
  EXPECT_EQ(term_end_of(1), saved_end);  // as last saved: stale by three months
  const auto unchanged = term_end_of(2);

  const auto report = store->refresh_deadlines(back_office(), d("2025-06-01"), 2);
  EXPECT_EQ(report.refreshed, 5);
  EXPECT_EQ(report.batches, 3);
  const Trajectory one = store->load(caseworker(), TrajectoryId(1));
  EXPECT_EQ(term_end_of(1), one.term_end(d("2025-06-01")));
  EXPECT_EQ(*term_end_of(1) - *saved_end, boost::gregorian::days(92));  // March..May
  EXPECT_EQ(term_end_of(2), unchanged);
  // The stored worklist is the one computed on the refresh date.
  const auto items =
      store->worklist(caseworker(), d("2099-01-01"), {}, {.after = "", .limit = 1000});
  std::vector<Signal> stored;
  for (const auto& item : items.items) {
    if (item.trajectory == TrajectoryId(1)) stored.push_back(item.signal);
  }
  const auto expected = one.deadlines(d("2025-06-01"));
  ASSERT_EQ(stored.size(), expected.size());
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].kind, expected[i].kind);
    EXPECT_EQ(stored[i].due_on, expected[i].due_on);
  }
  // One audit entry per batch, and the trail still verifies.
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'refresh'").getInt(), 3);
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
}

TEST(Issue8Refresh, OnlyWritersOfTheirOwnMunicipalityAndSaneBatches) {
  auto store = SqliteStore::open(":memory:", options());
  Trajectory t = on_route();
  store->create(caseworker(), t);
  EXPECT_THROW(store->refresh_deadlines(auditor(), d("2025-03-01")), AccessDenied);
  EXPECT_EQ(store->refresh_deadlines(back_office(amersfoort()), d("2025-03-01")).refreshed, 0);
  for (int bad : {0, -1, 10001}) {
    EXPECT_THROW(store->refresh_deadlines(back_office(), d("2025-03-01"), bad), ValidationError);
  }
  EXPECT_EQ(store->refresh_deadlines(back_office(), d("2025-03-01"), 10000).refreshed, 1);
  EXPECT_EQ(store->refresh_deadlines(back_office(), d("2025-03-01"), 1).batches, 1);
}

// ---- Record format 4 and schema 6 (library 0.5) -----------------------------------------------

// A file of library 0.4 (schema 5, records of format 3) opens at schema 6; its rows load as they
// are and are written in format 4 at their next save, smaller.
TEST(Issue8Format, A04FileUpgradesAndItsRowsShrinkAtTheirNextSave) {
  TempDir dir;
  const std::string path = dir.file("v04.db");
  Trajectory t = rich_trajectory();
  {
    auto store = SqliteStore::open(path, options());
    store->create(caseworker(), t);
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    SQLite::Statement old(raw, "UPDATE trajectory SET record = ?1");
    old.bind(1, storage::detail::stored_record_text(t.record(), 3));
    old.exec();
    raw.exec("PRAGMA user_version = 5");
  }
  auto format_and_size = [&] {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    SQLite::Statement row(
        raw, "SELECT json_extract(record, '$.format'), length(record) FROM trajectory");
    row.executeStep();
    return std::pair{row.getColumn(0).getInt(), row.getColumn(1).getInt()};
  };
  auto store = SqliteStore::open(path, options());
  EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
  const auto [before_format, before_size] = format_and_size();
  EXPECT_EQ(before_format, 3);
  Trajectory loaded = store->load(caseworker(), t.id(), {.with_health = true});
  EXPECT_EQ(loaded.record(), t.record());
  loaded.record_progress_interview(d("2025-02-20"), ProgressAssessment::kOnTrack, "goed bezig");
  store->save(caseworker(), loaded);
  const auto [after_format, after_size] = format_and_size();
  EXPECT_EQ(after_format, storage::detail::kRecordFormat);  // 4 when 0.5 wrote it
  EXPECT_LT(after_size * 4, before_size * 3);
  EXPECT_EQ(store->load(caseworker(), t.id(), {.with_health = true}).record(), loaded.record());
}

}  // namespace
}  // namespace inburgering::test

namespace inburgering::test {
namespace {

// ---- Performance: the batched write path -------------------------------------------------------

std::vector<Trajectory> batch(std::int64_t first, int count) {
  std::vector<Trajectory> out;
  for (int i = 0; i < count; ++i) out.push_back(renumber(rich_trajectory(), first + i));
  return out;
}

TEST(Issue8Batch, CreateManyStoresEachAsCreateWouldInOneTransaction) {
  TempDir dir;
  auto store = SqliteStore::open(dir.file("b.db"), options());
  auto trajectories = batch(100, 25);
  EXPECT_EQ(store->create_many(caseworker(), trajectories), 25u);
  for (const Trajectory& t : trajectories) {
    EXPECT_EQ(t.record().revision, 1);
    const Trajectory loaded = store->load(caseworker(), t.id(), {.with_health = true});
    EXPECT_EQ(loaded.record(), t.record());
    const auto history = store->history(caseworker(), t.id());
    ASSERT_GE(history.size(), 1u);
    EXPECT_EQ(history.front().action, AuditAction::kCreate);
  }
  // The same deadlines as one create() writes.
  Trajectory single = renumber(rich_trajectory(), 999);
  store->create(caseworker(), single);
  SQLite::Database raw(dir.file("b.db"));
  auto signals = [&](std::int64_t id) {
    SQLite::Statement q(raw,
                        "SELECT group_concat(kind || due_on || detail, '|') FROM "
                        "(SELECT * FROM trajectory_signal WHERE trajectory_id = ?1 ORDER BY seq)");
    q.bind(1, id);
    q.executeStep();
    return q.getColumn(0).getString();
  };
  EXPECT_FALSE(signals(999).empty());
  EXPECT_EQ(signals(100), signals(999));
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
}

TEST(Issue8Batch, OneBadTrajectoryStoresNoneOfTheBatch) {
  auto store = SqliteStore::open(":memory:", options());
  Trajectory existing = renumber(on_route(), 5);
  store->create(caseworker(), existing);
  auto count = [&] { return store->list(caseworker(), {}, {}).items.size(); };

  auto taken = batch(1, 10);  // id 5 is stored already
  EXPECT_EQ(code_of([&] { store->create_many(caseworker(), taken); }), ErrorCode::kIdExists);
  EXPECT_EQ(taken[0].record().revision, 0);

  auto twice = batch(20, 3);
  twice.push_back(renumber(on_route(), 21));
  try {
    store->create_many(caseworker(), twice);
    ADD_FAILURE();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "trajectories[3].id");
  }

  auto foreign = batch(30, 3);
  TrajectoryRecord r = on_route().record();
  r.id = TrajectoryId(33);
  r.municipality = amersfoort();
  foreign.push_back(Trajectory::from_record(r));
  EXPECT_THROW(store->create_many(caseworker(), foreign), AccessDenied);

  auto stored = batch(40, 1);
  store->create_many(caseworker(), stored);
  EXPECT_EQ(code_of([&] { store->create_many(caseworker(), stored); }), ErrorCode::kAlreadyStored);
  EXPECT_EQ(count(), 2u);
  std::vector<Trajectory> none;
  EXPECT_EQ(store->create_many(caseworker(), none), 0u);
}

TEST(Issue8Listing, ACursorOfAnotherDayStartsAtToday) {
  auto store = SqliteStore::open(":memory:", options());
  for (std::int64_t id = 1; id <= 3; ++id) {
    Trajectory t = renumber(on_route(), id);
    store->create(caseworker(), t);
  }
  const auto all = store->terms_ending(caseworker(), d("2025-03-01"), 60, {}, {});
  ASSERT_EQ(all.items.size(), 3u);
  const auto forged =
      store->terms_ending(caseworker(), d("2025-03-01"), 60, {}, {.after = "2000-01-01|0"});
  EXPECT_EQ(forged.items, all.items);
  const auto second = store->terms_ending(
      caseworker(), d("2025-03-01"), 60, {},
      {.after = to_iso(*all.items[0].term_end) + "|" + to_string(all.items[0].id), .limit = 100});
  EXPECT_EQ(second.items.size(), 2u);
}

}  // namespace
}  // namespace inburgering::test
