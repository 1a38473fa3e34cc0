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
  for (auto _ : state) benchmark::DoNotOptimize(stored.db->load(kCaseworker, TrajectoryId(1)));
}
BENCHMARK(BM_Store_LoadWithHealth)->Unit(benchmark::kMicrosecond);

}  // namespace
