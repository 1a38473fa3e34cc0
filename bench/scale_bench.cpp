// The store at the size of a region or a national service centre: it builds its own databases of
// synthetic trajectories (include/inburgering/synthetic.hpp, seeded, so every run and every
// machine gets the same data), imports them through create_many, and measures every listing,
// load and save on them, with the raw SQLiteCpp query of the same rows as baseline in the same
// run. Each listing reports p50 and p95 in milliseconds over its iterations (counters p50_ms,
// p95_ms); compare them across sizes for "flat in the size of the store".
//
//   quick (ctest runs it):  ./build/release/bench/scale_bench --sizes=2000
//   large (README figures): ./build/release/bench/scale_bench --sizes=10000,100000,1000000
//                             --data-dir=/var/tmp/inburgering-bench --benchmark_min_time=0.5
//
// --data-dir keeps the databases (about 4 KB per trajectory) so that a second run skips the
// import; without it they live in a temporary directory that is removed at exit. Build with
// -DCMAKE_BUILD_TYPE=Release for figures.

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>
#include <inburgering/inburgering.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"

namespace {

using namespace inburgering;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

using bench::kAsOf;
using bench::kUtrecht;
using bench::Picks;
using bench::Samples;
using bench::synthetic_options;
const storage::Actor kBackOffice{UserId("bo-bench"), storage::Role::kBackOffice, kUtrecht, {}};
constexpr int kPage = 50;

std::unique_ptr<storage::SqliteStore> open_store(const std::string& path,
                                                 storage::SqliteSync sync) {
  storage::SqliteOptions options;
  options.clock = std::make_shared<FixedClock>(kAsOf);
  options.synchronous = sync;
  return storage::SqliteStore::open(path, options);
}

/// One database of `size` synthetic trajectories, built once per run (or found in --data-dir).
struct Dataset {
  std::int64_t size = 0;
  std::string path;
  double import_seconds = 0;  // of the run that built it (kept beside it in --data-dir)
  std::int64_t file_bytes = 0;
};

std::string g_data_dir;
std::optional<fs::path> g_temp_dir;
std::map<std::int64_t, Dataset> g_datasets;

fs::path data_dir() {
  if (!g_data_dir.empty()) {
    fs::create_directories(g_data_dir);
    return g_data_dir;
  }
  if (!g_temp_dir) {
    std::string pattern = (fs::temp_directory_path() / "inburgering-scale-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed: " + pattern);
    g_temp_dir = fs::path(pattern);
  }
  return *g_temp_dir;
}

/// Imports `size` synthetic trajectories through create_many (batches of kImportBatch, each
/// trajectory audited), the import mode of the README: SqliteSync::kNormal.
const Dataset& dataset(std::int64_t size) {
  if (auto it = g_datasets.find(size); it != g_datasets.end()) return it->second;
  Dataset d;
  d.size = size;
  d.path = (data_dir() / ("synthetic-" + std::to_string(size) + ".db")).string();
  // The marker holds the import time and the recipe: a database of another seed, record format
  // or generator version is built again.
  const fs::path done_marker = d.path + ".complete";
  const std::string recipe = "seed " + std::to_string(synthetic_options().seed) + " format " +
                             std::to_string(storage::detail::kRecordFormat) + " generator " +
                             std::to_string(bench::kGeneratorVersion);
  std::string marked_recipe;
  if (fs::exists(done_marker)) {
    std::ifstream marker(done_marker.string());
    marker >> d.import_seconds;
    marker.ignore();
    std::getline(marker, marked_recipe);
  }
  if (marked_recipe != recipe) {
    d.import_seconds = 0;
    fs::remove(d.path);
    fs::remove(d.path + "-wal");
    fs::remove(d.path + "-shm");
    auto store = open_store(d.path, storage::SqliteSync::kNormal);
    const auto start = Clock::now();
    bench::import_synthetic(*store, size);
    store.reset();
    d.import_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::cerr << "imported " << size << " synthetic trajectories in " << d.import_seconds << " s ("
              << static_cast<std::int64_t>(static_cast<double>(size) / d.import_seconds) << "/s)\n";
    {
      SQLite::Database db(d.path, SQLite::OPEN_READWRITE);
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::ofstream(done_marker.string()) << d.import_seconds << "\n" << recipe << "\n";
  }
  d.file_bytes = static_cast<std::int64_t>(fs::file_size(d.path));
  return g_datasets.emplace(size, d).first->second;
}

// ---- The import itself ---------------------------------------------------------------------

void BM_Import(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  for (auto _ : state) {
  }
  state.counters["import_s"] = d.import_seconds;
  state.counters["per_s"] =
      d.import_seconds > 0 ? static_cast<double>(d.size) / d.import_seconds : 0;
  state.counters["bytes_per_trajectory"] =
      static_cast<double>(d.file_bytes) / static_cast<double>(d.size);
}

// Bytes per trajectory of the same store with its records as 0.4 wrote them (format 3: every
// field, lists as lists) and as this version writes them (format 4 on, `kRecordFormat`; format 5
// only added a DUO fine's day made known), both files compacted with
// VACUUM INTO so that only the encoding differs. Sizes up to 100,000 (the copy is rewritten).
void BM_RecordFormats(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  const auto options = synthetic_options();
  std::map<int, double> file_bytes;
  std::map<int, double> record_bytes;
  for (auto _ : state) {
    constexpr int kNow = storage::detail::kRecordFormat;
    for (int format : {3, kNow}) {
      const std::string copy = d.path + ".format" + std::to_string(format);
      fs::remove(copy);
      {
        SQLite::Database source(d.path, SQLite::OPEN_READONLY);
        source.exec("VACUUM INTO '" + copy + "'");
      }
      SQLite::Database db(copy, SQLite::OPEN_READWRITE);
      double total = 0;
      if (format != storage::detail::kRecordFormat) {
        SQLite::Transaction transaction(db);
        SQLite::Statement update(db, "UPDATE trajectory SET record = ?2 WHERE id = ?1");
        for (std::int64_t i = 0; i < d.size; ++i) {
          const Trajectory t = synthetic::trajectory(options, i);
          const std::string text = storage::detail::stored_record_text(t.record(), format);
          total += static_cast<double>(text.size());
          update.reset();
          update.bind(1, t.id().value());
          update.bind(2, text);
          update.exec();
        }
        transaction.commit();
        db.exec("VACUUM");
      } else {
        total =
            db.execAndGet("SELECT SUM(length(CAST(record AS BLOB))) FROM trajectory").getDouble();
      }
      record_bytes[format] = total / static_cast<double>(d.size);
      file_bytes[format] = static_cast<double>(fs::file_size(copy)) / static_cast<double>(d.size);
      fs::remove(copy);
    }
  }
  constexpr int kNow = storage::detail::kRecordFormat;
  state.counters["record_bytes_f3"] = record_bytes[3];
  state.counters["record_bytes_now"] = record_bytes[kNow];
  state.counters["file_bytes_f3"] = file_bytes[3];
  state.counters["file_bytes_now"] = file_bytes[kNow];
  state.counters["file_ratio"] = file_bytes[kNow] / file_bytes[3];
}

// ---- Listings --------------------------------------------------------------------------------

storage::TrajectoryFilter filter_of(int combination) {
  // Bit 0: caseworker, bit 1: state (on the route: most rows), bit 2: route (Z). Combination 8
  // is the worst case: a state no synthetic trajectory has (exempted), which an index
  // must answer with "none" without reading a municipality's rows.
  storage::TrajectoryFilter f;
  if (combination == 8) {
    f.state = TrajectoryState::kExempted;
    return f;
  }
  if (combination & 1) f.caseworker = UserId("km-0344-2");
  if (combination & 2) f.state = TrajectoryState::kRoute;
  if (combination & 4) f.route = Route::kZ;
  return f;
}

void BM_List(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(d.path, storage::SqliteSync::kFull);
  const auto filter = filter_of(static_cast<int>(state.range(1)));
  Samples samples;
  std::size_t rows = 0;
  for (auto _ : state) {
    samples.time([&] {
      rows = store->list(kBackOffice, filter, {.after = {}, .limit = kPage}).items.size();
    });
  }
  samples.report(state);
  state.counters["rows"] = static_cast<double>(rows);
}

// The raw baseline of a listing: the same SQL the store runs, through SQLiteCpp.
void BM_Raw_List(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  const int combination = static_cast<int>(state.range(1));
  const auto filter = filter_of(combination);
  SQLite::Statement query(
      db, storage::detail::sql::list_query(filter.caseworker.has_value(), filter.state.has_value(),
                                           filter.route.has_value()));
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      query.reset();
      query.clearBindings();
      query.bind(1, kUtrecht.to_string());
      if (filter.caseworker) query.bind(2, filter.caseworker->value());
      if (filter.state) query.bind(3, std::string(to_string(*filter.state)));
      if (filter.route) query.bind(4, std::string(to_string(*filter.route)));
      query.bind(5, std::int64_t{0});
      query.bind(6, kPage + 1);  // as the store
      while (query.executeStep()) benchmark::DoNotOptimize(query.getColumn(0).getInt64());
    });
  }
  samples.report(state);
}

// The monitoring report of one municipality (Wi 39; monitoring/indicators.hpp): the store's
// aggregates over trajectory_fact and the report made from them, with disclosure control.
void BM_Indicators(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(d.path, storage::SqliteSync::kFull);
  Samples samples;
  std::size_t rows = 0;
  for (auto _ : state) {
    samples.time([&] {
      rows = store->indicators(kBackOffice, {.as_of = kAsOf, .disclosure = {.apply = true}})
                 .rows.size();
    });
  }
  samples.report(state);
  state.counters["cells"] = static_cast<double>(rows);
}

// Its raw baseline: the simplest aggregate over the same rows, a count per target group and
// state of the municipality's trajectories, through SQLiteCpp.
void BM_Raw_Aggregate(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db,
                          "SELECT target_group, state, count(*) FROM trajectory "
                          "INDEXED BY trajectory_by_state_id WHERE municipality = ?1 "
                          "GROUP BY target_group, state");
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      query.reset();
      query.bind(1, kUtrecht.to_string());
      while (query.executeStep()) benchmark::DoNotOptimize(query.getColumn(2).getInt64());
    });
  }
  samples.report(state);
}

void BM_Worklist(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(d.path, storage::SqliteSync::kFull);
  storage::TrajectoryFilter filter;
  if (state.range(1) == 1) filter.caseworker = UserId("km-0344-2");
  Samples samples;
  std::size_t rows = 0;
  for (auto _ : state) {
    samples.time([&] {
      rows = store
                 ->worklist(kBackOffice, kAsOf + boost::gregorian::weeks(8), filter,
                            {.after = {}, .limit = kPage})
                 .items.size();
    });
  }
  samples.report(state);
  state.counters["rows"] = static_cast<double>(rows);
}

// The raw baseline of the worklist: the same SQL, first page.
void BM_Raw_Worklist(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  const bool by_caseworker = state.range(1) == 1;
  SQLite::Statement query(db, by_caseworker ? storage::detail::sql::kWorklistByCaseworker
                                            : storage::detail::sql::kWorklist);
  const std::string due_before = to_iso(kAsOf + boost::gregorian::weeks(8));
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      query.reset();
      query.bind(1, kUtrecht.to_string());
      query.bind(2, due_before);
      query.bind(3, "");
      query.bind(4, std::int64_t{0});
      query.bind(5, std::int64_t{-1});
      query.bind(6, kPage + 1);  // as the store: one more, to know whether a next page exists
      if (by_caseworker) query.bind(7, "km-0344-2");
      while (query.executeStep()) benchmark::DoNotOptimize(query.getColumn(5).getString());
    });
  }
  samples.report(state);
}

// Argument 2: the page (1 = first; 10 = after nine pages of kPage, through their cursors).
void BM_TermsEnding(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(d.path, storage::SqliteSync::kFull);
  storage::PageRequest page{.after = {}, .limit = kPage};
  for (std::int64_t i = 1; i < state.range(1); ++i) {
    page.after = store->terms_ending(kBackOffice, kAsOf, 36, {}, page).next;
    if (page.after.empty()) {
      state.SkipWithError("fewer pages than asked for");
      return;
    }
  }
  Samples samples;
  std::size_t rows = 0;
  for (auto _ : state) {
    samples.time(
        [&] { rows = store->terms_ending(kBackOffice, kAsOf, 36, {}, page).items.size(); });
  }
  samples.report(state);
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_FindByBsn(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(d.path, storage::SqliteSync::kFull);
  const auto options = synthetic_options();
  Picks picks(d.size);
  Samples samples;
  for (auto _ : state) {
    const Bsn bsn = synthetic::bsn(options.seed, picks.index());
    samples.time([&] { benchmark::DoNotOptimize(store->find_by_bsn(kBackOffice, bsn)); });
  }
  samples.report(state);
}

// ---- One trajectory at a time, on realistic rows ----------------------------------------------

/// Every id of Utrecht's trajectories (the back-office actor's municipality), for loads spread
/// over the whole store rather than a hot range.
std::vector<std::int64_t> utrecht_ids(const Dataset& d) {
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "SELECT id FROM trajectory WHERE municipality = ?1");
  query.bind(1, kUtrecht.to_string());
  std::vector<std::int64_t> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
}

void BM_Load(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  const auto ids = utrecht_ids(d);
  auto store = open_store(d.path, storage::SqliteSync::kFull);
  Picks picks(static_cast<std::int64_t>(ids.size()));
  Samples samples;
  for (auto _ : state) {
    const TrajectoryId id(ids[static_cast<std::size_t>(picks.index())]);
    samples.time([&] { benchmark::DoNotOptimize(store->load(kBackOffice, id)); });
  }
  samples.report(state);
}

// The baseline for load: a select of the same row's record (not the store's read
// transaction, its policy and its access check).
void BM_Raw_Load(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  const auto ids = utrecht_ids(d);
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  SQLite::Statement select(db, "SELECT record FROM trajectory WHERE id = ?1");
  Picks picks(static_cast<std::int64_t>(ids.size()));
  Samples samples;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::int64_t id = ids[static_cast<std::size_t>(picks.index())];
    samples.time([&] {
      select.reset();
      select.bind(1, id);
      select.executeStep();
      bytes += select.getColumn(0).getBytes();
    });
  }
  samples.report(state);
  state.counters["record_bytes"] =
      static_cast<double>(bytes) / static_cast<double>(state.iterations());
}

void BM_Raw_FindByBsn(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, storage::detail::sql::kFindByBsn);
  const auto options = synthetic_options();
  Picks picks(d.size);
  Samples samples;
  for (auto _ : state) {
    const Bsn bsn = synthetic::bsn(options.seed, picks.index());
    samples.time([&] {
      query.reset();
      query.bind(1, bsn.digits());
      while (query.executeStep()) benchmark::DoNotOptimize(query.getColumn(0).getInt64());
    });
  }
  samples.report(state);
}

// The first page of terms_ending, through the same SQL.
void BM_Raw_TermsEnding(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  SQLite::Database db(d.path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, storage::detail::sql::kTermsEnding);
  const std::string from = to_iso(kAsOf);
  const std::string until = to_iso(last_day_of_period(kAsOf, 36));  // as the store
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      query.reset();
      query.bind(1, kUtrecht.to_string());
      query.bind(3, until);
      query.bind(4, from);
      query.bind(5, std::int64_t{0});
      query.bind(6, kPage + 1);
      while (query.executeStep()) benchmark::DoNotOptimize(query.getColumn(0).getInt64());
    });
  }
  samples.report(state);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::int64_t> sizes = {2000};
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--sizes=", 0) == 0) {
      sizes = bench::parse_list(arg.substr(8));
    } else if (arg.rfind("--data-dir=", 0) == 0) {
      g_data_dir = arg.substr(11);
    } else {
      rest.push_back(argv[i]);
    }
  }
  for (std::int64_t size : sizes) {
    const auto unit = benchmark::kMillisecond;
    benchmark::RegisterBenchmark("Import", BM_Import)->Arg(size)->Iterations(1)->Unit(unit);
    if (size <= 100000) {
      benchmark::RegisterBenchmark("RecordFormats", BM_RecordFormats)
          ->Arg(size)
          ->Iterations(1)
          ->Unit(unit);
    }
    for (int combination = 0; combination <= 8; ++combination) {
      benchmark::RegisterBenchmark("List", BM_List)->Args({size, combination})->Unit(unit);
      benchmark::RegisterBenchmark("Raw_List", BM_Raw_List)->Args({size, combination})->Unit(unit);
    }
    benchmark::RegisterBenchmark("Worklist", BM_Worklist)
        ->Args({size, 0})
        ->Args({size, 1})
        ->Unit(unit);
    benchmark::RegisterBenchmark("Raw_Worklist", BM_Raw_Worklist)
        ->Args({size, 0})
        ->Args({size, 1})
        ->Unit(unit);
    benchmark::RegisterBenchmark("TermsEnding", BM_TermsEnding)
        ->Args({size, 1})
        ->Args({size, 10})
        ->Unit(unit);
    benchmark::RegisterBenchmark("FindByBsn", BM_FindByBsn)->Arg(size)->Unit(unit);
    benchmark::RegisterBenchmark("Raw_FindByBsn", BM_Raw_FindByBsn)->Arg(size)->Unit(unit);
    benchmark::RegisterBenchmark("Raw_TermsEnding", BM_Raw_TermsEnding)->Arg(size)->Unit(unit);
    benchmark::RegisterBenchmark("Indicators", BM_Indicators)->Arg(size)->Unit(unit);
    benchmark::RegisterBenchmark("Raw_Aggregate", BM_Raw_Aggregate)->Arg(size)->Unit(unit);
    benchmark::RegisterBenchmark("Load", BM_Load)->Arg(size)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("Raw_Load", BM_Raw_Load)->Arg(size)->Unit(benchmark::kMicrosecond);
  }
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(count, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_datasets.clear();
  if (g_temp_dir) {
    std::error_code ignored;
    fs::remove_all(*g_temp_dir, ignored);
  }
  return 0;
}
