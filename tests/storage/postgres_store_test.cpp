// What only the PostgreSQL backend does: row-level security, the application role, its
// schema's version, opening by connection string. Needs a server (INBURGERING_TEST_POSTGRES, as
// scripts/test.sh sets it inside pg_virtualenv); skipped without one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

#if INBURGERING_WITH_POSTGRES
#include <pqxx/pqxx>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace inburgering::test {
namespace {

using ::testing::HasSubstr;

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* connection = std::getenv("INBURGERING_TEST_POSTGRES");
    if (connection == nullptr) GTEST_SKIP() << "no PostgreSQL server";
    connection_ = connection;
    schema_ = fresh_schema("pgtest");
    clock_ = std::make_shared<FixedClock>(d("2025-03-01"));
  }
  std::unique_ptr<storage::PostgresStore> open() {
    return storage::PostgresStore::open(connection_, {.clock = clock_, .schema = schema_});
  }
  // A session as the application role in the test's schema, as a caller of the database would
  // have one.
  std::unique_ptr<pqxx::connection> app_session() {
    auto c = std::make_unique<pqxx::connection>(connection_);
    pqxx::nontransaction n(*c);
    n.exec("SET search_path TO " + schema_);
    n.exec("SET ROLE inburgering_app");
    return c;
  }
  static std::int64_t count(pqxx::connection& c, const std::string& sql,
                            const std::string& read = {}) {
    pqxx::work w(c);
    if (!read.empty()) w.exec_params("SELECT set_config('inburgering.read', $1, true)", read);
    return w.exec(sql)[0][0].as<std::int64_t>();
  }

  std::string connection_;
  std::string schema_;
  std::shared_ptr<FixedClock> clock_;
};

TEST_F(PostgresTest, RowLevelSecurityShowsAQueryWithoutTheSettingNothing) {
  {
    auto store = open();
    Trajectory t = on_route();
    store->create(caseworker(), t);
  }
  auto session = app_session();
  for (const char* table :
       {"trajectory", "trajectory_signal", "trajectory_fact", "trajectory_health", "audit_log"}) {
    EXPECT_EQ(count(*session, std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  // With the setting the municipality's own rows, and no other's.
  EXPECT_EQ(count(*session, "SELECT count(*) FROM trajectory", utrecht().to_string()), 1);
  EXPECT_EQ(count(*session, "SELECT count(*) FROM trajectory_health", utrecht().to_string()), 1);
  EXPECT_EQ(count(*session, "SELECT count(*) FROM trajectory", amersfoort().to_string()), 0);
  EXPECT_EQ(count(*session, "SELECT count(*) FROM audit_log", amersfoort().to_string()), 0);
  EXPECT_GE(count(*session, "SELECT count(*) FROM audit_log", utrecht().to_string()), 1);
}

TEST_F(PostgresTest, RowLevelSecurityRefusesWritingAnotherMunicipalitysRows) {
  {
    auto store = open();
    Trajectory t = on_route();
    store->create(caseworker(), t);
  }
  auto session = app_session();
  pqxx::work w(*session);
  w.exec_params(
      "SELECT set_config('inburgering.read', $1, true), "
      "set_config('inburgering.write', $2, true)",
      utrecht().to_string() + "," + amersfoort().to_string(), amersfoort().to_string());
  // Readable through a grant, but not writable: the update changes nothing.
  EXPECT_EQ(w.exec("UPDATE trajectory SET caseworker = 'x'").affected_rows(), 0u);
  EXPECT_EQ(w.exec("SELECT count(*) FROM trajectory WHERE caseworker = 'x'")[0][0].as<int>(), 0);
}

TEST_F(PostgresTest, TheAuditTrailRefusesChangesToTheApplicationRoleAndToItsOwner) {
  {
    auto store = open();
    Trajectory t = on_route();
    store->create(caseworker(), t);
  }
  {
    auto session = app_session();
    pqxx::work w(*session);
    w.exec_params("SELECT set_config('inburgering.read', $1, true)", utrecht().to_string());
    EXPECT_THROW(w.exec("UPDATE audit_log SET note = 'x'"), pqxx::insufficient_privilege);
  }
  {
    auto session = app_session();
    pqxx::work w(*session);
    EXPECT_THROW(w.exec("DELETE FROM audit_log"), pqxx::insufficient_privilege);
  }
  // The owner (the connecting account) has the grants; the trigger refuses it.
  pqxx::connection owner(connection_);
  const std::string log = schema_ + ".audit_log";
  for (const std::string& change :
       {"UPDATE " + log + " SET note = 'x'", "DELETE FROM " + log, "TRUNCATE " + log}) {
    pqxx::work w(owner);
    try {
      w.exec(change);
      ADD_FAILURE() << change << " was allowed";
    } catch (const pqxx::sql_error& e) {
      EXPECT_THAT(e.what(), HasSubstr("append-only")) << change;
    }
  }
  auto store = open();
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
}

TEST_F(PostgresTest, ANewerSchemaIsRefusedAndLeftAsItIs) {
  open();
  pqxx::connection owner(connection_);
  {
    pqxx::work w(owner);
    w.exec("UPDATE " + schema_ + ".schema_version SET version = 99");
    w.commit();
  }
  try {
    open();
    FAIL() << "opened";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIncompatibleDatabase);
    EXPECT_THAT(e.what(), HasSubstr("version 99"));
  }
  pqxx::work w(owner);
  EXPECT_EQ(w.exec("SELECT version FROM " + schema_ + ".schema_version")[0][0].as<int>(), 99);
}

TEST_F(PostgresTest, AnotherApplicationsSchemaIsRefused) {
  pqxx::connection owner(connection_);
  {
    pqxx::work w(owner);
    w.exec("CREATE SCHEMA " + schema_);
    w.exec("CREATE TABLE " + schema_ + ".orders (id int)");
    w.commit();
  }
  try {
    open();
    FAIL() << "opened";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIncompatibleDatabase);
    EXPECT_THAT(e.what(), HasSubstr("another application"));
  }
}

TEST_F(PostgresTest, OpenStoreTakesTheSchemaFromTheConnectionString) {
  auto store =
      storage::open_store("postgresql:" + connection_ + " schema=" + schema_, {.clock = clock_});
  Trajectory t = on_route();
  store->create(caseworker(), t);
  // The same schema, opened directly.
  EXPECT_EQ(open()->load(caseworker(), t.id()).id(), t.id());
  // And as a URI's query parameter, beside one that goes on to libpq (with the PG* variables).
  if (connection_.empty()) {
    auto by_uri =
        storage::open_store("postgresql://?connect_timeout=5&schema=" + schema_, {.clock = clock_});
    EXPECT_EQ(by_uri->load(caseworker(), t.id()).id(), t.id());
  }
}

// What the amendment of a shared programme must see of the partners' enrolments comes from
// functions that see past row-level security: only for a writer of the lead, counts only where
// the caller may read, and no other role may call them.
TEST_F(PostgresTest, TheProgrammeFunctionsAnswerOnlyTheLeadAndCountOnlyWhatItMayRead) {
  {
    auto store = open();
    Trajectory mine = registered();
    store->create(caseworker(), mine);
    TrajectoryRecord r = registered().record();
    r.id = TrajectoryId(8);
    r.municipality = amersfoort();
    r.participant.bsn = bsn_for(8);
    Trajectory theirs = Trajectory::from_record(r);
    store->create(caseworker(amersfoort()), theirs);
    const programme::Programme p = store->define_programme(
        caseworker(), programme::Definition{.name = "Samen",
                                            .theme = programme::Theme::kFemaleFamilyMigrants,
                                            .funder = "SZW",
                                            .amount = Money::euros(1000),
                                            .starts_on = d("2025-01-01"),
                                            .ends_on = d("2025-12-31"),
                                            .municipalities = {utrecht(), amersfoort()}});
    store->enrol(caseworker(), p.id, mine.id(), d("2025-02-03"));
    store->enrol(caseworker(amersfoort()), p.id, theirs.id(), d("2025-02-10"));
  }
  const auto answer = [&](const std::string& municipality, const std::string& read,
                          const std::string& write, const std::string& sql) {
    auto session = app_session();
    pqxx::work w(*session);
    w.exec_params(
        "SELECT set_config('inburgering.municipality', $1, true), "
        "set_config('inburgering.read', $2, true), set_config('inburgering.write', $3, true)",
        municipality, read, write);
    std::string rows;
    for (const auto& row : w.exec(sql)) {
      for (const auto& field : row)
        rows += (field.is_null() ? "NULL" : field.c_str()) + std::string("|");
      rows += "\n";
    }
    return rows;
  };
  const std::string counts = "SELECT * FROM programme_enrolments(1) ORDER BY 1";
  const std::string days = "SELECT * FROM programme_days(1)";
  const std::string u = utrecht().to_string();
  const std::string a = amersfoort().to_string();
  // The lead, reading only its own: the partner's count stays hidden, the days span both.
  EXPECT_EQ(answer(u, u, u, counts), a + "|NULL|\n" + u + "|1|\n");  // 0307 before 0344
  EXPECT_EQ(answer(u, u, u, days), "2025-02-03|2025-02-10|\n");
  // With a grant to read the partner, its count too.
  EXPECT_EQ(answer(u, u + "," + a, u, counts), a + "|1|\n" + u + "|1|\n");
  // A partner, or the lead without the right to write: nothing.
  EXPECT_EQ(answer(a, a + "," + u, a + "," + u, counts), "");
  EXPECT_EQ(answer(a, a, a, days), "NULL|NULL|\n");
  EXPECT_EQ(answer(u, u, "", counts), "");
  // No setting at all: nothing.
  EXPECT_EQ(answer("", "", "", counts), "");
  // Another role of the cluster may not call them (nor the other functions of the owner).
  pqxx::connection owner(connection_);
  {
    pqxx::work w(owner);
    w.exec(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stranger') "
        "THEN CREATE ROLE stranger NOLOGIN; END IF; END $$");
    w.exec("GRANT USAGE ON SCHEMA " + schema_ + " TO stranger");
    w.commit();
  }
  for (const char* call :
       {"programme_enrolments(1)", "programme_days(1)", "audit_chain()", "trajectory_owner(7)"}) {
    pqxx::work w(owner);
    w.exec("SET LOCAL ROLE stranger");
    EXPECT_THROW(w.exec("SELECT * FROM " + schema_ + "." + call), pqxx::insufficient_privilege)
        << call;
  }
}

// The retry, on the server's own errors: a trigger (as the owner) fails the first `failures`
// updates of a trajectory with `code`; a sequence counts the attempts (nextval is not rolled
// back with the transaction that failed).
void inject_failures(const std::string& connection, const std::string& schema, int failures,
                     const char* code) {
  pqxx::connection owner(connection);
  pqxx::work w(owner);
  w.exec("SET LOCAL search_path TO " + schema);
  w.exec("CREATE SEQUENCE IF NOT EXISTS attempts");
  w.exec("SELECT setval('attempts', 1, false)");
  w.exec(
      "CREATE OR REPLACE FUNCTION fail_first() RETURNS trigger LANGUAGE plpgsql "
      "SECURITY DEFINER SET search_path = " +
      schema + " AS $$ BEGIN IF nextval('attempts') <= " + std::to_string(failures) +
      " THEN RAISE EXCEPTION 'injected' USING ERRCODE = '" + code +
      "'; END IF; RETURN NEW; END $$");
  w.exec("DROP TRIGGER IF EXISTS fail_first ON trajectory");
  w.exec(
      "CREATE TRIGGER fail_first BEFORE UPDATE ON trajectory FOR EACH ROW "
      "EXECUTE FUNCTION fail_first()");
  w.commit();
}

TEST_F(PostgresTest, SerializationFailuresAndDeadlocksAreRetriedABoundedNumberOfTimes) {
  auto store =
      storage::PostgresStore::open(connection_, {.clock = clock_, .schema = schema_, .retries = 3});
  Trajectory t = on_route();
  store->create(caseworker(), t);
  const auto audited = [&] {
    return count(*app_session(), "SELECT count(*) FROM audit_log", utrecht().to_string());
  };
  pqxx::connection owner(connection_);
  const auto attempts = [&] {
    pqxx::work w(owner);
    return w.exec("SELECT last_value FROM " + schema_ + ".attempts")[0][0].as<int>();
  };
  for (const char* code : {"40001", "40P01"}) {  // serialization_failure, deadlock_detected
    // Three failures, three retries: the fourth attempt saves, once, with one audit entry.
    inject_failures(connection_, schema_, 3, code);
    const std::int64_t entries = audited();
    const std::int64_t revision = store->load(caseworker(), t.id()).revision();
    t.record_attendance(AttendanceEntry{d("2025-02-20"), HourKind::kLanguageCourse, 60, "Taal"});
    EXPECT_EQ(store->save(caseworker(), t), revision + 1) << code;
    EXPECT_EQ(attempts(), 4) << code;
    EXPECT_EQ(audited(), entries + 1) << code;
    // Four failures: the store gives up after the fourth attempt, busy, and nothing is stored.
    inject_failures(connection_, schema_, 4, code);
    t.record_attendance(AttendanceEntry{d("2025-02-21"), HourKind::kLanguageCourse, 60, "Taal"});
    try {
      store->save(caseworker(), t);
      FAIL() << code << ": saved";
    } catch (const StorageError& e) {
      EXPECT_EQ(e.code(), ErrorCode::kStorageBusy) << code;
      EXPECT_THAT(e.what(), HasSubstr("3 retries")) << code;
    }
    EXPECT_EQ(attempts(), 4) << code;
    EXPECT_EQ(store->load(caseworker(), t.id()).revision(), revision + 1) << code;
    EXPECT_EQ(audited(), entries + 1) << code;
    t = store->load(caseworker(), t.id());
  }
  // Any other error is not retried.
  inject_failures(connection_, schema_, 1, "22023");
  t.record_attendance(AttendanceEntry{d("2025-02-22"), HourKind::kLanguageCourse, 60, "Taal"});
  try {
    store->save(caseworker(), t);
    FAIL() << "saved";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kStorageFailure);
    EXPECT_THAT(e.what(), HasSubstr("injected"));
  }
  EXPECT_EQ(attempts(), 1);
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
}

// Many caseworkers at once, each with a store (a connection) of their own: every create and
// save lands once, the ids do not collide, and the audit trail is one intact chain.
TEST_F(PostgresTest, ConcurrentClientsEachLandOnceAndTheTrailStaysOneChain) {
  constexpr int kClients = 6;
  constexpr int kEach = 8;
  open();  // migrated once, before the clients start
  std::vector<std::thread> clients;
  std::atomic<int> failures{0};
  std::mutex mutex;
  std::set<std::int64_t> ids;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      try {
        auto store = open();
        for (int i = 0; i < kEach; ++i) {
          const TrajectoryId id = store->reserve_id(caseworker());
          {
            std::lock_guard lock(mutex);
            EXPECT_TRUE(ids.insert(id.value()).second) << "id " << id.value() << " twice";
          }
          Trajectory t = renumber(on_route(), id.value());
          store->create(caseworker(), t);
          t.record_attendance(
              AttendanceEntry{d("2025-02-20"), HourKind::kLanguageCourse, 30, "Taal"});
          store->save(caseworker(), t);
        }
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << "client " << c << ": " << e.what();
      }
    });
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kClients * kEach));
  auto store = open();
  EXPECT_EQ(store->list(back_office(), {}, {.after = {}, .limit = 500}).items.size(),
            static_cast<std::size_t>(kClients * kEach));
  EXPECT_EQ(
      count(*app_session(), "SELECT count(*) FROM audit_log WHERE action IN ('create', 'update')",
            utrecht().to_string()),
      kClients * kEach * 2);
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
}

// A connection the server ends (a restart, a failover, an administrator) is reported, and not
// re-established behind the store's back: a new session would have lost the application role,
// the schema and read-only, which are set once per session.
TEST_F(PostgresTest, ALostConnectionIsReportedAndNotReestablished) {
  const std::string tagged = connection_ + " application_name=" + schema_;
  auto store = storage::PostgresStore::open(tagged, {.clock = clock_, .schema = schema_});
  Trajectory t = on_route();
  store->create(caseworker(), t);
  {
    pqxx::connection owner(connection_);
    pqxx::work w(owner);
    EXPECT_EQ(w.exec_params("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            "WHERE application_name = $1",
                            schema_)[0][0]
                  .as<int>(),
              1);
    w.commit();
  }
  for (int call = 0; call < 3; ++call) {
    try {
      store->load(caseworker(), t.id());
      FAIL() << "call " << call << " loaded on a lost connection";
    } catch (const StorageError& e) {
      EXPECT_EQ(e.code(), ErrorCode::kStorageFailure);
      EXPECT_THAT(e.what(), HasSubstr("connection")) << "call " << call;
    }
  }
  // A new store (what a pool does with a store that failed so) works.
  EXPECT_EQ(open()->load(caseworker(), t.id()).id(), t.id());
}

TEST_F(PostgresTest, WithoutCreateIfMissingAnEmptySchemaIsNotFoundAndStaysEmpty) {
  for (const bool read_only : {false, true}) {
    try {
      storage::PostgresStore::open(
          connection_, {.schema = schema_, .read_only = read_only, .create_if_missing = read_only});
      FAIL() << read_only;
    } catch (const NotFound& e) {
      EXPECT_THAT(e.what(), HasSubstr(schema_));
      EXPECT_EQ(e.what_kind(), "PostgreSQL schema");
    }
  }
  pqxx::connection c(connection_);
  EXPECT_EQ(count(c, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema_ + "'"), 0);
  // Through open_store too; once created, it opens either way.
  const std::string named = "postgresql:" + connection_ + " schema=" + schema_;
  EXPECT_THROW(storage::open_store(named, {.create_if_missing = false}), NotFound);
  storage::open_store(named, {.clock = clock_});
  EXPECT_NO_THROW(storage::open_store(named, {.read_only = true, .create_if_missing = false}));
}

TEST_F(PostgresTest, BadOptionsAndAnUnreachableServerAreClearErrors) {
  try {
    storage::PostgresStore::open(connection_, {.schema = "Robert'); DROP"});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "options.schema");
  }
  try {
    storage::PostgresStore::open("host=127.0.0.1 port=1 connect_timeout=2", {});
    FAIL();
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot connect to PostgreSQL"));
  }
}

}  // namespace
}  // namespace inburgering::test
#endif
