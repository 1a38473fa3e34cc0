// What is particular to the SQLite backend: the file, its schema and migrations, the pragmas,
// the database-enforced audit trail, the query plans, and several processes on one file.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "storage/record_codec.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sqlite_schema.hpp"
#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::SqliteOptions;
using storage::SqliteStore;
using ::testing::HasSubstr;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

SqliteOptions options(std::shared_ptr<FixedClock> clock = nullptr) {
  if (!clock) clock = std::make_shared<FixedClock>(d("2025-03-01"));
  return SqliteOptions{.clock = std::move(clock)};
}

/// Creates the store file at `path` holding one trajectory on its route, and closes it.
void store_one_trajectory(const std::string& path) {
  auto store = SqliteStore::open(path, options());
  Trajectory t = on_route();
  store->create(caseworker(), t);
}

void expect_refused_untouched(const std::string& path, const char* message_part) {
  const std::string before = read_file(path);
  try {
    SqliteStore::open(path, options());
    ADD_FAILURE() << "opened " << path;
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr(message_part));
  }
  EXPECT_EQ(read_file(path), before);
}

TEST(SqliteStore, CreatesANewFileAtTheLatestSchema) {
  TempDir dir;
  auto store = SqliteStore::open(dir.file("new.db"), options());
  EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
  SQLite::Database raw(dir.file("new.db"));
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_TRUE(raw.tableExists("trajectory"));
  EXPECT_TRUE(raw.tableExists("audit_log"));
  const std::string ddl =
      raw.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'trajectory'").getString();
  EXPECT_THAT(ddl, HasSubstr("STRICT"));
}

TEST(SqliteStore, SurvivesARestart) {
  TempDir dir;
  Trajectory t = rich_trajectory();
  {
    auto store = SqliteStore::open(dir.file("a.db"), options());
    store->create(caseworker(), t);
  }
  auto reopened = SqliteStore::open(dir.file("a.db"), options());
  EXPECT_EQ(reopened->load(caseworker(), t.id(), {.with_health = true}).record(), t.record());
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  write_file(dir.file("notes.db"), std::string(4096, 'x') + "dit is geen database");
  expect_refused_untouched(dir.file("notes.db"), "not a SQLite database");
}

TEST(SqliteStore, RefusesACorruptDatabase) {
  TempDir dir;
  store_one_trajectory(dir.file("c.db"));
  {
    SQLite::Database raw(dir.file("c.db"), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::string bytes = read_file(dir.file("c.db"));
  ASSERT_GT(bytes.size(), 100u);
  for (std::size_t i = 0; i < 16; ++i) bytes[i] = 'Z';  // Destroy the header.
  write_file(dir.file("c.db"), bytes);
  expect_refused_untouched(dir.file("c.db"), "not a SQLite database");
}

TEST(SqliteStore, RefusesANewerSchemaAndLeavesItUntouched) {
  TempDir dir;
  {
    SQLite::Database raw(dir.file("future.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE trajectory (id INTEGER PRIMARY KEY); PRAGMA user_version = 99");
  }
  expect_refused_untouched(dir.file("future.db"), "newer than this library");
}

TEST(SqliteStore, RefusesAnotherApplicationsDatabase) {
  TempDir dir;
  {
    SQLite::Database raw(dir.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE klanten (naam TEXT)");
  }
  expect_refused_untouched(dir.file("other.db"), "another application");
}

TEST(SqliteStore, MissingFileWithoutCreateIsAnError) {
  TempDir dir;
  SqliteOptions o = options();
  o.create_if_missing = false;
  EXPECT_THROW(SqliteStore::open(dir.file("absent.db"), o), StorageError);
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
}

TEST(SqliteStore, RejectsBadOptions) {
  SqliteOptions o = options();
  o.busy_retries = -1;
  EXPECT_THROW(SqliteStore::open(":memory:", o), ValidationError);
  SqliteOptions p = options();
  p.busy_timeout = std::chrono::milliseconds(-1);
  EXPECT_THROW(SqliteStore::open(":memory:", p), ValidationError);
}

TEST(SqliteStore, ErrorsOnOpenNameThePath) {
  TempDir dir;
  SqliteOptions o = options();
  o.create_if_missing = false;
  try {
    SqliteStore::open(dir.file("absent.db"), o);
    FAIL() << "opened a missing file";
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir.file("absent.db")));
    EXPECT_EQ(e.code(), ErrorCode::kStorageFailure);
  }
  write_file(dir.file("text.db"), "just some text, not a database at all.......................");
  try {
    SqliteStore::open(dir.file("text.db"), options());
    FAIL() << "opened a text file";
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir.file("text.db")));
    EXPECT_EQ(e.code(), ErrorCode::kIncompatibleDatabase);
  }
}

const Policy& legal_defaults(MunicipalityCode) {
  static const Policy policy;
  return policy;
}

// The JSON of a record as version 0.1 of the library (record format 1) wrote it: no policy, no
// norms or snapshots, health kept only apart, the revision inside.
std::string format_one_text(const TrajectoryRecord& record) {
  auto j = nlohmann::json::parse(storage::detail::encode_record(record, true, 3));
  j["format"] = 1;
  j["revision"] = 1;
  j.erase("policy");
  for (auto& version : j["plan_versions"]) version.erase("norms");
  if (j["term"].is_object()) {
    j["term"].erase("max_interruption_days");
    j["term"].erase("extension_request_window_months");
  }
  if (j["intake"]["learnability_test"].is_object()) {
    j["intake"]["learnability_test"].erase("max_score");
    j["intake"]["learnability_test"].erase("pass_mark");
  }
  for (auto& [key, topic] : j["intake"]["topics"].items()) topic.erase("withheld");
  j["intake"]["topics"].erase("health");
  return j.dump();
}

// Trajectory 7 as a row of library 0.1 (record format 1, schema 1 or 2).
void insert_legacy_row(SQLite::Database& raw, const Trajectory& t) {
  SQLite::Statement insert(raw,
                           "INSERT INTO trajectory (id, municipality, caseworker, revision, "
                           "state, route, target_group, bsn, term_start, term_end, record, "
                           "created_at, updated_at) VALUES (7, '0344', 'km-jansen', 1, 'route', "
                           "'b1', 'asylum_permit_holder', ?1, '2024-03-02', '2027-03-01', ?2, "
                           "'2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z')");
  insert.bind(1, std::string(kBsn1));
  insert.bind(2, format_one_text(t.record()));
  insert.exec();
}

TEST(SqliteMigrations, UpgradesAVersionOneDatabaseWithItsData) {
  TempDir dir;
  const std::string path = dir.file("v1.db");
  Trajectory t = on_route();
  // Its ground and advice travel through migration 3 (format 2) to version 8's table.
  t.record_dispensation(Dispensation{.ground = DispensationGround::kMedical,
                                     .decided_on = d("2024-03-05"),
                                     .parts = {ExamPart::kKnm},
                                     .college_advice = "advies arts"});
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    storage::detail::migrate(raw, 1, legal_defaults);
    ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 1);
    ASSERT_FALSE(raw.tableExists("trajectory_signal"));
    // A row as version 1 of the schema and 0.1 of the library wrote it, with its health topic.
    insert_legacy_row(raw, t);
    raw.exec(
        "INSERT INTO trajectory_health (trajectory_id, topic) VALUES (7, '{\"notes\": "
        "\"besproken\", \"recorded_on\": \"2024-01-25\", \"not_applicable\": false}')");
  }
  auto store = SqliteStore::open(path, options());
  EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
  // Every field comes back; what format 1 lacked takes the legal defaults (which these are).
  TrajectoryRecord expected = t.record();
  expected.revision = 1;
  EXPECT_EQ(store->load(caseworker(), TrajectoryId(7), {.with_health = true}).record(), expected);
  // Without health, the topic is its placeholder.
  const Trajectory plain = store->load(caseworker(), TrajectoryId(7));
  const TopicRecord& placeholder = plain.record().intake.topics.at(IntakeTopic::kHealth);
  EXPECT_TRUE(placeholder.withheld);
  EXPECT_TRUE(placeholder.notes.empty());
  EXPECT_EQ(placeholder.recorded_on, d("2024-01-25"));
  EXPECT_TRUE(plain.record().obligation.dispensations.at(0).special_withheld);
  // Version 2 computed the deadlines of the existing trajectory.
  const auto worklist = store->worklist(caseworker(), d("2024-04-01"), {}, {});
  ASSERT_EQ(worklist.items.size(), 1u);
  EXPECT_EQ(worklist.items[0].signal.kind, SignalKind::kNoHoursReported);
}

// A database of library 0.1 whose store ran under a municipal policy (PVT of 10 hours, 2
// progress interviews). Its records were judged by that policy, which they did not carry.
void write_legacy_database(const std::string& path, const Trajectory& t) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  storage::detail::migrate(raw, 2, legal_defaults);
  insert_legacy_row(raw, t);
}

Policy municipal_policy_of_0_1() {
  Policy policy;
  policy.pvt_min_hours = 10;
  policy.min_progress_interviews = 2;
  policy.route_switch_window_months = 12;
  return policy;
}

Trajectory judged_by_municipal_policy() {
  // 0.1 let a college set statutory numbers; 0.6 refuses such a policy for new trajectories,
  // so the trajectory takes it as a stored record would.
  TrajectoryRecord record = planning().record();
  record.policy = municipal_policy_of_0_1();
  Trajectory t = Trajectory::from_record(record);
  PlanContent plan = content();
  plan.pvt_hours = 10;
  plan.progress_interview_count = 2;
  t.issue_first_plan(d("2024-03-01"), plan);
  return t;
}

TEST(SqliteMigrations, RecordsOfALegacyStoreGetThePolicyTheyWereJudgedBy) {
  TempDir dir;
  const std::string path = dir.file("legacy.db");
  write_legacy_database(path, judged_by_municipal_policy());
  SqliteOptions o = options();
  o.legacy_municipal_policies[utrecht()] = municipal_policy_of_0_1();
  auto store = SqliteStore::open(path, o);
  EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
  const Trajectory loaded = store->load(caseworker(), TrajectoryId(7));
  EXPECT_EQ(loaded.policy(), municipal_policy_of_0_1());
  EXPECT_EQ(loaded.record().plan_versions[0].norms.pvt_min_hours, 10);
  EXPECT_EQ(loaded.record().plan_versions[0].norms.min_progress_interviews, 2);
  EXPECT_EQ(loaded.record().term->route_switch_window_months, 12);
}

TEST(SqliteMigrations, ALegacyRecordThatBreaksItsPolicyStopsTheMigrationWhichRollsBack) {
  TempDir dir;
  const std::string path = dir.file("legacy.db");
  write_legacy_database(path, judged_by_municipal_policy());
  // Without the municipal policy, the legal default (PVT of at least 12 hours) applies, which
  // the record breaks: the migration stops, naming the record, and the file stays at version 2.
  try {
    SqliteStore::open(path, options());
    FAIL() << "migrated a record that breaks its policy";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorruptData);
    EXPECT_THAT(e.what(), HasSubstr("trajectory 7"));
    EXPECT_THAT(e.what(), HasSubstr("pvt_hours"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("Haddad")));
  }
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 2);
  EXPECT_FALSE(raw.tableExists("policy"));
}

TEST(SqliteMigrations, ALegacyRowMissingAFieldOfFormat1IsDamagedNotDefaulted) {
  TempDir dir;
  const std::string path = dir.file("legacy.db");
  write_legacy_database(path, on_route());
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE trajectory SET record = json_remove(record, '$.participant.bsn')");
  }
  try {
    SqliteStore::open(path, options());
    FAIL() << "migrated a row without a BSN";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorruptData);
    EXPECT_THAT(e.what(), HasSubstr("participant.bsn: missing"));
  }
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 2);
}

TEST(SqliteMigrations, AFailedMigrationRollsBackToThePreviousVersion) {
  TempDir dir;
  const std::string path = dir.file("broken.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    storage::detail::migrate(raw, 1, legal_defaults);
    // A row whose record cannot be decoded makes the backfill of version 2 fail.
    raw.exec(
        "INSERT INTO trajectory (id, municipality, caseworker, revision, state, target_group, "
        "record, created_at, updated_at) VALUES (1, '0344', 'km', 1, 'route', 'x', "
        "'{\"format\": 1}', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  }
  EXPECT_THROW(SqliteStore::open(path, options()), StorageError);
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 1);
  EXPECT_FALSE(raw.tableExists("trajectory_signal"));
}

// A fault injected into the middle of a write (after the trajectory row was written, before
// the deadlines and the audit entry) must leave nothing of that write behind.
void inject_fault(const std::string& path, bool on) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  raw.exec(on ? "CREATE TRIGGER inject_fault BEFORE INSERT ON trajectory_signal "
                "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
              : "DROP TRIGGER inject_fault");
}

int audit_rows(const std::string& path) {
  SQLite::Database raw(path);
  return raw.execAndGet("SELECT count(*) FROM audit_log WHERE action <> 'read_special'").getInt();
}

TEST(SqliteAtomicity, AFailingSaveWritesNothing) {
  TempDir dir;
  const std::string path = dir.file("atomic.db");
  auto store = SqliteStore::open(path, options());
  Trajectory t = rich_trajectory();
  store->create(caseworker(), t);
  const auto worklist_before = store->worklist(caseworker(), d("2030-01-01"), {}, {}).items;
  const int audits_before = audit_rows(path);

  inject_fault(path, true);
  Trajectory changed = t;
  changed.record_attendance(hours(HourKind::kLanguageCourse, "2025-06-01", 2));
  try {
    store->save(caseworker(), changed);
    FAIL() << "expected StorageError";
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("injected fault"));
  }
  inject_fault(path, false);

  EXPECT_EQ(store->load(caseworker(), t.id(), {.with_health = true}).record(), t.record());
  EXPECT_EQ(audit_rows(path), audits_before);
  const auto worklist_after = store->worklist(caseworker(), d("2030-01-01"), {}, {}).items;
  ASSERT_EQ(worklist_after.size(), worklist_before.size());
  // The same change succeeds once the fault is gone.
  store->save(caseworker(), changed);
  EXPECT_EQ(changed.record().revision, 2);
}

TEST(SqliteAtomicity, AFailingCreateLeavesNoTrace) {
  TempDir dir;
  const std::string path = dir.file("atomic.db");
  auto store = SqliteStore::open(path, options());
  inject_fault(path, true);
  Trajectory t = on_route();
  EXPECT_THROW(store->create(caseworker(), t), StorageError);
  EXPECT_EQ(t.record().revision, 0);
  inject_fault(path, false);
  EXPECT_THROW(store->load(caseworker(), t.id()), NotFound);
  EXPECT_EQ(audit_rows(path), 0);
  EXPECT_NO_THROW(store->create(caseworker(), t));
}

TEST(SqliteAuditLog, TheDatabaseRefusesToChangeOrDeleteIt) {
  TempDir dir;
  store_one_trajectory(dir.file("audit.db"));
  SQLite::Database raw(dir.file("audit.db"), SQLite::OPEN_READWRITE);
  try {
    raw.exec("UPDATE audit_log SET user_id = 'iemand-anders'");
    FAIL();
  } catch (const SQLite::Exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("append-only"));
  }
  EXPECT_THROW(raw.exec("DELETE FROM audit_log"), SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit_log").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT user_id FROM audit_log").getString(), "km-jansen");
}

TEST(SqliteStorage, PersonalDataIsNotInTheAuditLog) {
  TempDir dir;
  auto store = SqliteStore::open(dir.file("p.db"), options());
  Trajectory t = rich_trajectory();
  store->create(caseworker(), t);
  TrajectoryRecord r = t.record();
  r.participant.family_name = "Anders";
  r.participant.bsn = Bsn(kBsn2);
  Trajectory changed = Trajectory::from_record(r);
  store->save(caseworker(), changed);
  SQLite::Database raw(dir.file("p.db"));
  SQLite::Statement all(raw, "SELECT changes || note FROM audit_log");
  while (all.executeStep()) {
    const std::string text = all.getColumn(0).getString();
    EXPECT_THAT(text, ::testing::Not(HasSubstr(kBsn1)));
    EXPECT_THAT(text, ::testing::Not(HasSubstr(kBsn2)));
    EXPECT_THAT(text, ::testing::Not(HasSubstr("Haddad")));
    EXPECT_THAT(text, ::testing::Not(HasSubstr("Anders")));
    EXPECT_THAT(text, ::testing::Not(HasSubstr("PTSS")));
  }
  // Health is stored apart from the record.
  EXPECT_THAT(raw.execAndGet("SELECT record FROM trajectory").getString(),
              ::testing::Not(HasSubstr("PTSS")));
}

TEST(SqliteQueryPlans, NoQueryScansATable) {
  TempDir dir;
  {
    auto store = SqliteStore::open(dir.file("plans.db"), options());
    for (int i = 1; i <= 50; ++i) {
      TrajectoryRecord r = (i % 2 ? on_route() : planning()).record();
      r.id = TrajectoryId(i);
      r.participant.bsn = bsn_for(i);
      r.caseworker = UserId("km-" + std::to_string(i % 5));
      Trajectory t = Trajectory::from_record(r);
      store->create(caseworker(), t);
    }
  }
  SQLite::Database raw(dir.file("plans.db"), SQLite::OPEN_READWRITE);
  raw.exec("ANALYZE");
  namespace sql = storage::detail::sql;
  std::vector<std::string> queries = {sql::kLoad,
                                      sql::kLoadHealth,
                                      sql::kFindByBsn,
                                      sql::kWorklist,
                                      sql::kWorklistByCaseworker,
                                      sql::kTermsEnding,
                                      sql::kHistory,
                                      sql::kExpired,
                                      sql::kErasable,
                                      sql::kRefreshBatch};
  // Every combination of list() filters.
  for (int i = 0; i < 8; ++i) queries.emplace_back(sql::list_query(i & 1, i & 2, i & 4));
  for (const std::string& query : queries) {
    SQLite::Statement plan(raw, "EXPLAIN QUERY PLAN " + query);
    std::string details;
    while (plan.executeStep()) details += plan.getColumn(3).getString() + "; ";
    EXPECT_THAT(details, ::testing::Not(::testing::StartsWith("SCAN"))) << query;
    EXPECT_THAT(details, ::testing::Not(HasSubstr("; SCAN"))) << query;
    EXPECT_THAT(details, HasSubstr("USING")) << query << "\n" << details;
    // Pages come in index order: no sort of everything that matches.
    EXPECT_THAT(details, ::testing::Not(HasSubstr("TEMP B-TREE"))) << query << "\n" << details;
  }
  // Monitoring: the counts and the days are read in the order of fact_by_cell (no sort of the
  // caseload); the terms ending seek on trajectory_by_term_end and group only what they found.
  const std::vector<std::pair<std::string, bool>> monitoring = {
      {sql::monitoring_counts_query(), false},
      {sql::kMonitoringDays, false},
      {sql::kMonitoringTermsEnding, true}};
  for (const auto& [query, may_group] : monitoring) {
    SQLite::Statement plan(raw, "EXPLAIN QUERY PLAN " + query);
    std::string details;
    while (plan.executeStep()) details += plan.getColumn(3).getString() + "; ";
    EXPECT_THAT(details, ::testing::Not(::testing::StartsWith("SCAN"))) << query << details;
    EXPECT_THAT(details, ::testing::Not(HasSubstr("; SCAN"))) << query << details;
    EXPECT_THAT(details, HasSubstr("USING")) << query << "\n" << details;
    if (!may_group) {
      EXPECT_THAT(details, ::testing::Not(HasSubstr("TEMP B-TREE"))) << query << "\n" << details;
    }
  }
  // A list page seeks on all its equalities and on the id: no row is read only to be skipped.
  for (int i = 0; i < 8; ++i) {
    SQLite::Statement plan(
        raw, std::string("EXPLAIN QUERY PLAN ") + sql::list_query(i & 1, i & 2, i & 4));
    std::string details;
    while (plan.executeStep()) details += plan.getColumn(3).getString();
    const int equalities = 1 + ((i & 1) ? 1 : 0) + ((i & 2) ? 1 : 0) + ((i & 4) ? 1 : 0);
    std::size_t found = 0;
    for (std::size_t at = details.find("=?"); at != std::string::npos;
         at = details.find("=?", at + 1)) {
      ++found;
    }
    EXPECT_EQ(found, static_cast<std::size_t>(equalities)) << details;
    EXPECT_THAT(details, HasSubstr(" id>?)")) << details;
  }
}

// ---- Several processes on one file ------------------------------------------------------------

/// Runs `body` in `count` child processes at once; returns how many exited with 0.
template <class F>
int run_processes(int count, F body) {
  std::vector<pid_t> children;
  for (int i = 0; i < count; ++i) {
    const pid_t pid = fork();
    if (pid == 0) {
      int code = 1;
      try {
        code = body(i);
      } catch (...) {
        code = 2;
      }
      _exit(code);
    }
    children.push_back(pid);
  }
  int ok = 0;
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++ok;
  }
  return ok;
}

TEST(SqliteProcesses, TwoProcessesWriteOneFileWithoutLosingAnything) {
  TempDir dir;
  const std::string path = dir.file("shared.db");
  SqliteStore::open(path, options());  // Create the schema first.
  constexpr int kPerProcess = 25;
  const int ok = run_processes(2, [&](int process) {
    auto store = SqliteStore::open(path, options());
    for (int i = 0; i < kPerProcess; ++i) {
      TrajectoryRecord r = on_route().record();
      r.id = TrajectoryId(1000 * (process + 1) + i);
      Trajectory t = Trajectory::from_record(r);
      store->create(caseworker(), t);
      t.record_attendance(hours(HourKind::kLanguageCourse, "2024-04-01", 2));
      store->save(caseworker(), t);
    }
    return 0;
  });
  EXPECT_EQ(ok, 2);
  auto store = SqliteStore::open(path, options());
  const auto all = store->list(caseworker(), {}, {.after = "", .limit = 1000}).items;
  EXPECT_EQ(all.size(), 2u * kPerProcess);
  for (const auto& s : all) EXPECT_EQ(s.revision, 2);
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit_log").getInt(), 4 * kPerProcess);
}

TEST(SqliteProcesses, ConflictingUpdatesFromTwoProcessesAreNeverLost) {
  TempDir dir;
  const std::string path = dir.file("contended.db");
  {
    auto store = SqliteStore::open(path, options());
    Trajectory t = on_route();
    store->create(caseworker(), t);
  }
  constexpr int kUpdates = 15;
  const int ok = run_processes(2, [&](int process) {
    auto store = SqliteStore::open(path, options());
    for (int done = 0; done < kUpdates;) {
      Trajectory t = store->load(caseworker(), TrajectoryId(7));
      t.record_attendance(AttendanceEntry{d("2024-04-01"), HourKind::kLanguageCourse, 60 + process,
                                          "proces " + std::to_string(process)});
      try {
        store->save(caseworker(), t);
        ++done;
      } catch (const ConflictError&) {
        // Someone else was first: load again and redo the change.
      }
    }
    return 0;
  });
  EXPECT_EQ(ok, 2);
  auto store = SqliteStore::open(path, options());
  const Trajectory t = store->load(caseworker(), TrajectoryId(7));
  EXPECT_EQ(t.record().revision, 1 + 2 * kUpdates);
  EXPECT_EQ(t.record().attendance.size(), 2u * kUpdates);
}

}  // namespace
}  // namespace inburgering::test
