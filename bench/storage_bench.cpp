// Storage benchmarks: the SqliteStore against raw SQLiteCpp doing the least the same work
// needs (one transaction writing, or one SELECT reading, the same JSON row), with the same
// pragmas (WAL, synchronous=FULL) on a file in a temporary directory. Report ratios of
// store / raw measured in the same run.
//
//   ./build/debug/bench/storage_bench   (build with -DCMAKE_BUILD_TYPE=Release for figures)

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>
#include <inburgering/inburgering.hpp>

#include <filesystem>
#include <string>

#include "storage/record_codec.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sqlite_connection.hpp"
#include "support/builders.hpp"

namespace {

using namespace inburgering;
namespace fs = std::filesystem;

class TempFile {
 public:
  explicit TempFile(const char* name) {
    std::string pattern = (fs::temp_directory_path() / "inburgering-bench-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    path_ = (dir_ / name).string();
  }
  ~TempFile() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  fs::path dir_;
  std::string path_;
};

const storage::Actor kCaseworker{
    UserId("km-bench"), storage::Role::kCaseworker, MunicipalityCode("0344"), {}};
const storage::Actor kBackOffice{
    UserId("bo-bench"), storage::Role::kBackOffice, MunicipalityCode("0344"), {}};

Trajectory sample(std::int64_t id) {
  TrajectoryRecord r = test::rich_trajectory().record();
  r.id = TrajectoryId(id);
  r.municipality = MunicipalityCode("0344");
  return Trajectory::from_record(r);
}

std::unique_ptr<SQLite::Database> raw_database(const std::string& path) {
  auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
  db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, record TEXT NOT NULL) STRICT");
  return db;
}

std::unique_ptr<storage::SqliteStore> store(const std::string& path) {
  return storage::SqliteStore::open(
      path, {.clock = std::make_shared<FixedClock>(parse_date("2027-02-01"))});
}

/// A store in a temporary file that already holds sample trajectory 1.
struct StoredSample {
  TempFile file{"store.db"};
  std::unique_ptr<storage::SqliteStore> db = store(file.path());
  Trajectory trajectory = sample(1);
  StoredSample() { db->create(kCaseworker, trajectory); }
};

// ---- Writing one trajectory ---------------------------------------------------------------------

void BM_Raw_InsertRow(benchmark::State& state) {
  TempFile file("raw.db");
  auto db = raw_database(file.path());
  const std::string json = storage::detail::encode_record(sample(1).record());
  std::int64_t id = 0;
  for (auto _ : state) {
    SQLite::Transaction transaction(*db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(*db, "INSERT INTO t (id, record) VALUES (?1, ?2)");
    insert.bind(1, ++id);
    insert.bind(2, json);
    insert.exec();
    transaction.commit();
  }
  state.counters["bytes/row"] = static_cast<double>(json.size());
}
BENCHMARK(BM_Raw_InsertRow)->Unit(benchmark::kMicrosecond);

void BM_Store_Create(benchmark::State& state) {
  TempFile file("store.db");
  auto s = store(file.path());
  std::int64_t id = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Trajectory t = sample(++id);
    state.ResumeTiming();
    s->create(kCaseworker, t);
  }
}
BENCHMARK(BM_Store_Create)->Unit(benchmark::kMicrosecond);

// One changed field per save (the caseworker alternates), so the record keeps its size.
void BM_Store_Save(benchmark::State& state) {
  StoredSample stored;
  Trajectory& t = stored.trajectory;
  bool flip = false;
  for (auto _ : state) {
    state.PauseTiming();
    TrajectoryRecord r = t.record();
    r.caseworker = UserId((flip = !flip) ? "km-a" : "km-b");
    t = Trajectory::from_record(std::move(r));
    state.ResumeTiming();
    stored.db->save(kCaseworker, t);
  }
}
BENCHMARK(BM_Store_Save)->Unit(benchmark::kMicrosecond);

// The statements the raw baselines write deadlines and audit entries with.
constexpr const char* kRawSignalInsert =
    "INSERT INTO trajectory_signal (trajectory_id, seq, municipality, caseworker, kind, due_on, "
    "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kRawAuditColumns =
    "INSERT INTO audit_log (at, user_id, role, actor_municipality, on_behalf_of, arrangement, "
    "action, trajectory_id, changes, note, hash) ";

/// Writes a trajectory's deadlines as the store does, through a prepared INSERT into
/// trajectory_signal (the raw baselines below share it).
void raw_write_deadlines(SQLite::Statement& signal, std::int64_t id, const std::string& caseworker,
                         const std::vector<Signal>& deadlines) {
  int seq = 0;
  for (const Signal& s : deadlines) {
    signal.reset();
    signal.bind(1, id);
    signal.bind(2, seq++);
    signal.bind(3, "0344");
    signal.bind(4, caseworker);
    signal.bind(5, std::string(to_string(s.kind)));
    signal.bind(6, to_iso(s.due_on));
    signal.bind(7, s.detail);
    signal.exec();
  }
}

// The raw floor of a save: the rows a save writes (the trajectory row updated in every column,
// its deadlines deleted and written again, an audit entry with its link), values computed
// beforehand, statements prepared once, one transaction. The caseworker alternates as above.
void BM_Raw_SaveRowSet(benchmark::State& state) {
  TempFile file("raw-save.db");
  {
    Trajectory t = sample(1);
    store(file.path())->create(kCaseworker, t);
  }
  SQLite::Database db(file.path(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
  std::string texts[2];
  std::vector<Signal> deadlines[2];
  for (int k = 0; k < 2; ++k) {
    TrajectoryRecord r = sample(1).record();
    r.caseworker = UserId(k == 0 ? "km-a" : "km-b");
    texts[k] = storage::detail::stored_record_text(r);
    deadlines[k] = Trajectory::from_record(r).deadlines(parse_date("2027-02-01"));
  }
  SQLite::Statement update(db, storage::detail::sql::kUpdate);
  SQLite::Statement remove(db, "DELETE FROM trajectory_signal WHERE trajectory_id = ?1");
  SQLite::Statement signal(db, kRawSignalInsert);
  SQLite::Statement audit(db,
                          std::string(kRawAuditColumns) +
                              "VALUES ('2027-02-01T09:00:00Z', 'km-bench', 'caseworker', '0344', "
                              "'0344', '', 'update', 1, ?1, '', ?2)");
  const std::string changes = R"([{"path":"/caseworker","before":"km-a","after":"km-b"}])";
  const std::string hash(64, 'a');
  const std::int64_t policy_id =
      db.execAndGet("SELECT policy_id FROM trajectory WHERE id = 1").getInt64();
  std::int64_t revision = 1;
  for (auto _ : state) {
    const int k = static_cast<int>(revision % 2);
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    update.reset();
    update.bind(1, std::int64_t{1});
    update.bind(2, "0344");
    update.bind(3, k == 0 ? "km-a" : "km-b");
    update.bind(4, revision + 1);
    update.bind(5, "route");
    update.bind(6, "b1");
    update.bind(7, "asylum_permit_holder");
    update.bind(8, test::kBsn1);
    update.bind(9, "2024-03-21");
    update.bind(10, "2027-03-20");
    update.bind(11);
    update.bind(12, texts[k]);
    update.bind(13, "2027-02-01T09:00:00Z");
    update.bind(14, policy_id);
    update.bind(15);
    update.bind(16, revision);
    update.exec();
    remove.reset();
    remove.bind(1, std::int64_t{1});
    remove.exec();
    raw_write_deadlines(signal, 1, k == 0 ? "km-a" : "km-b", deadlines[k]);
    audit.reset();
    audit.bind(1, changes);
    audit.bind(2, hash);
    audit.exec();
    transaction.commit();
    ++revision;
  }
}
BENCHMARK(BM_Raw_SaveRowSet)->Unit(benchmark::kMicrosecond);

// ---- Bulk import: create_many against raw inserts of the same rows ----------------------------
// The raw floor writes, on the same schema (a store file), exactly the rows create_many writes for
// a trajectory (its row, its deadlines, its audit entry), with statements prepared once and the
// values computed beforehand, `batch` trajectories per transaction. Argument: the batch size.

void BM_Raw_ImportBatch(benchmark::State& state) {
  TempFile file("raw-import.db");
  store(file.path());  // the schema
  SQLite::Database db(file.path(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
  const Trajectory t = sample(1);
  const TrajectoryRecord& record = t.record();
  const std::string text = storage::detail::stored_record_text(record);
  storage::detail::SqliteConnection connection(db);
  storage::detail::StatementCache statements(connection);
  const std::int64_t policy_id = storage::detail::intern_policy(statements, record.policy);
  const auto deadlines = t.deadlines(parse_date("2027-02-01"));
  SQLite::Statement row(db, storage::detail::sql::kInsert);
  SQLite::Statement signal(db, kRawSignalInsert);
  SQLite::Statement audit(db,
                          std::string(kRawAuditColumns) +
                              "VALUES ('2027-02-01T09:00:00Z', 'km-bench', 'caseworker', '0344', "
                              "'0344', '', 'create', ?1, '[]', 'created in state route', ?2)");
  const std::string hash(64, 'a');
  const auto batch = state.range(0);
  std::int64_t id = 0;
  for (auto _ : state) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    for (std::int64_t i = 0; i < batch; ++i) {
      ++id;
      row.reset();
      row.bind(1, id);
      row.bind(2, "0344");
      row.bind(3, record.caseworker.value());
      row.bind(4, 1);
      row.bind(5, "route");
      row.bind(6, "b1");
      row.bind(7, "asylum_permit_holder");
      row.bind(8, record.participant.bsn.digits());
      row.bind(9, "2024-02-01");
      row.bind(10, "2027-01-31");
      row.bind(11);
      row.bind(12, text);
      row.bind(13, "2027-02-01T09:00:00Z");
      row.bind(14, policy_id);
      row.bind(15);
      row.exec();
      raw_write_deadlines(signal, id, record.caseworker.value(), deadlines);
      audit.reset();
      audit.bind(1, id);
      audit.bind(2, hash);
      audit.exec();
    }
    transaction.commit();
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Raw_ImportBatch)->Arg(1)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_Store_CreateMany(benchmark::State& state) {
  TempFile file("store-import.db");
  auto s = store(file.path());
  const auto batch = state.range(0);
  std::int64_t id = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Trajectory> trajectories;
    trajectories.reserve(static_cast<std::size_t>(batch));
    for (std::int64_t i = 0; i < batch; ++i) trajectories.push_back(sample(++id));
    state.ResumeTiming();
    s->create_many(kCaseworker, trajectories);
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Store_CreateMany)->Arg(1)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// ---- Reading one trajectory ---------------------------------------------------------------------

void BM_Raw_SelectRow(benchmark::State& state) {
  TempFile file("raw.db");
  auto db = raw_database(file.path());
  const std::string json = storage::detail::encode_record(sample(1).record());
  SQLite::Statement insert(*db, "INSERT INTO t (id, record) VALUES (1, ?1)");
  insert.bind(1, json);
  insert.exec();
  for (auto _ : state) {
    SQLite::Statement select(*db, "SELECT record FROM t WHERE id = ?1");
    select.bind(1, 1);
    select.executeStep();
    benchmark::DoNotOptimize(select.getColumn(0).getString());
  }
}
BENCHMARK(BM_Raw_SelectRow)->Unit(benchmark::kMicrosecond);

// Back office: no health, so no audit entry is written by the read.
void BM_Store_Load(benchmark::State& state) {
  StoredSample stored;
  for (auto _ : state) benchmark::DoNotOptimize(stored.db->load(kBackOffice, TrajectoryId(1)));
}
BENCHMARK(BM_Store_Load)->Unit(benchmark::kMicrosecond);

// Caseworker: reads health, which writes an audit entry (a committed transaction).
void BM_Store_LoadWithHealth(benchmark::State& state) {
  StoredSample stored;
  for (auto _ : state) {
    benchmark::DoNotOptimize(stored.db->load(kCaseworker, TrajectoryId(1), {.with_health = true}));
  }
}
BENCHMARK(BM_Store_LoadWithHealth)->Unit(benchmark::kMicrosecond);

// ---- Programmes and pilots ----------------------------------------------------------------------

/// A store holding a programme with `n` enrolled trajectories of one municipality: twelve group
/// sessions for all, a goal each and an outcome for every third (the size of a large pilot at
/// n = 1,000). Built with synchronous=NORMAL (setup only).
struct StoredProgramme {
  TempFile file{"programme.db"};
  std::unique_ptr<storage::SqliteStore> db;
  ProgrammeId id;
  explicit StoredProgramme(std::int64_t n) {
    db = storage::SqliteStore::open(
        file.path(), {.clock = std::make_shared<FixedClock>(parse_date("2027-02-01")),
                      .synchronous = storage::SqliteSync::kNormal});
    std::vector<Trajectory> all;
    for (std::int64_t i = 1; i <= n; ++i) {
      TrajectoryRecord r = test::registered().record();
      r.id = TrajectoryId(i);
      all.push_back(Trajectory::from_record(r));
    }
    db->create_many(kCaseworker, all);
    id = db->define_programme(kCaseworker, {.name = "Bench",
                                            .theme = programme::Theme::kFemaleFamilyMigrants,
                                            .funder = "SZW",
                                            .amount = Money::euros(200000),
                                            .starts_on = parse_date("2026-01-01"),
                                            .ends_on = parse_date("2027-12-31"),
                                            .municipalities = {MunicipalityCode("0344")}})
             .id;
    std::vector<programme::Attendee> attendees;
    for (std::int64_t i = 1; i <= n; ++i) {
      db->enrol(kCaseworker, id, TrajectoryId(i), parse_date("2026-01-05"));
      attendees.push_back({TrajectoryId(i), i % 5 == 0 ? programme::Attendance::kExcused
                                                       : programme::Attendance::kAttended});
    }
    for (int k = 0; k < 12; ++k) {
      db->record_activity(kCaseworker, id,
                          {.held_on = parse_date("2026-02-01") + boost::gregorian::weeks(4 * k),
                           .kind = programme::ActivityKind::kGroupSession,
                           .mode = programme::ActivityMode::kOnSite,
                           .topic = programme::ActivityTopic::kLabourMarket,
                           .minutes = 120},
                          attendees);
    }
    for (std::int64_t i = 1; i <= n; ++i) {
      db->add_goal(kCaseworker, id, TrajectoryId(i),
                   {.text = "werk", .set_on = parse_date("2026-01-05")});
      if (i % 3 == 0) {
        db->record_outcome(kCaseworker, id, TrajectoryId(i),
                           {.kind = programme::OutcomeKind::kTrialPlacement,
                            .reached_on = parse_date("2026-06-01")});
      }
    }
  }
};

// The outcome report of a programme with the disclosure rule: the store's counts and the report.
void BM_Store_ProgrammeOutcomes(benchmark::State& state) {
  StoredProgramme stored(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(stored.db->programme_outcomes(
        kBackOffice, stored.id, parse_date("2027-01-31"), {.apply = true}));
  }
}
BENCHMARK(BM_Store_ProgrammeOutcomes)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// Its raw baseline on the same rows: the sessions by attendance, and the persons per outcome.
void BM_Raw_ProgrammeAggregate(benchmark::State& state) {
  StoredProgramme stored(state.range(0));
  SQLite::Database db(stored.file.path(), SQLite::OPEN_READONLY);
  SQLite::Statement sessions(db,
                             "SELECT attendance, count(*) FROM programme_activity "
                             "WHERE programme_id = ?1 GROUP BY attendance");
  SQLite::Statement outcomes(db,
                             "SELECT kind, count(DISTINCT trajectory_id) FROM programme_outcome "
                             "WHERE programme_id = ?1 GROUP BY kind");
  for (auto _ : state) {
    for (SQLite::Statement* q : {&sessions, &outcomes}) {
      q->reset();
      q->bind(1, stored.id.value());
      while (q->executeStep()) benchmark::DoNotOptimize(q->getColumn(1).getInt64());
    }
  }
}
BENCHMARK(BM_Raw_ProgrammeAggregate)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// Recording one group session for 20 participants (checks, 20 rows, 20 audit entries, one
// transaction) against raw inserts of the same 20 rows in one transaction.
void BM_Store_RecordSession(benchmark::State& state) {
  StoredProgramme stored(20);
  std::vector<programme::Attendee> attendees;
  for (std::int64_t i = 1; i <= 20; ++i) attendees.push_back({TrajectoryId(i)});
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        stored.db->record_activity(kCaseworker, stored.id,
                                   {.held_on = parse_date("2027-01-15"),
                                    .kind = programme::ActivityKind::kGroupSession,
                                    .mode = programme::ActivityMode::kRemote,
                                    .topic = programme::ActivityTopic::kHealth,
                                    .minutes = 90},
                                   attendees));
  }
}
BENCHMARK(BM_Store_RecordSession)->Unit(benchmark::kMicrosecond);

void BM_Raw_RecordSession(benchmark::State& state) {
  TempFile file("raw.db");
  auto db = raw_database(file.path());
  db->exec(
      "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, programme_id INTEGER, "
      "trajectory_id INTEGER, held_on TEXT, kind TEXT, mode TEXT, topic TEXT, minutes INTEGER, "
      "attendance TEXT) STRICT");
  SQLite::Statement insert(*db,
                           "INSERT INTO a (programme_id, trajectory_id, held_on, kind, mode, "
                           "topic, minutes, attendance) VALUES (1, ?1, '2027-01-15', "
                           "'group_session', 'remote', 'health', 90, 'attended')");
  for (auto _ : state) {
    SQLite::Transaction transaction(*db);
    for (std::int64_t i = 1; i <= 20; ++i) {
      insert.reset();
      insert.bind(1, i);
      insert.exec();
    }
    transaction.commit();
  }
}
BENCHMARK(BM_Raw_RecordSession)->Unit(benchmark::kMicrosecond);

}  // namespace
