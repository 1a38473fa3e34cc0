// The PostgreSQL backend with many caseworkers at once: the worklist, a listing, a load and a
// save of the store against raw libpqxx on the same rows (the same SQL, prepared once, on a
// connection of its own, without the store's transaction settings, access check, decoding,
// diff or audit chain), each with 1, 8 and 32 concurrent clients (threads, each with its own
// connection and store), at 100,000 and 1,000,000 synthetic trajectories.
//
//   pg_virtualenv -v 15 ./build/release/bench/postgres_bench --sizes=100000,1000000
//       --clients=1,8,32 --benchmark_min_time=2   (one line)
//   (quick, as ctest runs it: --sizes=2000 --clients=1,4 --benchmark_min_time=0.01)
//
// The server is the one libpq's PG* variables name, or --connection='host=… dbname=…'. Each
// size gets a schema of its own (bench_<size>_g<generator>_f<format>), imported once through
// create_many and kept: a second run on the same server skips the import (a benchmark schema
// only: Raw_Save appends audit entries with a placeholder hash, so its audit chain does not
// verify). --test-server takes the server of INBURGERING_TEST_POSTGRES or skips (exit 77), as
// ctest runs it. Counters: items per second over all clients (throughput), p50_ms and p95_ms per
// call (latency). Build with -DCMAKE_BUILD_TYPE=Release for figures.

#include <benchmark/benchmark.h>
#include <inburgering/inburgering.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "storage/pg_connection.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"

namespace {

using namespace inburgering;
using Clock = std::chrono::steady_clock;

using bench::kAsOf;
using bench::kUtrecht;
using bench::Picks;
using bench::Samples;
const storage::Actor kBackOffice{UserId("bo-bench"), storage::Role::kBackOffice, kUtrecht, {}};
const storage::Actor kCaseworker{UserId("km-bench"), storage::Role::kCaseworker, kUtrecht, {}};
constexpr int kPage = 50;
// How many trajectories each client saves in turn (its own: clients never save the same one).
constexpr std::size_t kSavedPerClient = 64;

std::string g_connection;
// The exit code without a server (ctest's SKIP_RETURN_CODE).
constexpr int kNoServer = 77;

std::string schema_of(std::int64_t size) {
  return "bench_" + std::to_string(size) + "_g" + std::to_string(bench::kGeneratorVersion) + "_f" +
         std::to_string(storage::detail::kRecordFormat);
}

std::unique_ptr<storage::PostgresStore> open_store(std::int64_t size) {
  return storage::PostgresStore::open(
      g_connection, {.clock = std::make_shared<FixedClock>(kAsOf), .schema = schema_of(size)});
}

/// A connection as the account that made the schema, with the schema on its search path.
std::unique_ptr<pqxx::connection> raw_connection(std::int64_t size) {
  auto c = std::make_unique<pqxx::connection>(g_connection);
  pqxx::nontransaction n(*c);
  n.exec("SET search_path TO " + c->quote_name(schema_of(size)));
  return c;
}

/// Prepares `sql` (the store's text, `?N` parameters) on `c` under `name`.
void prepare(pqxx::connection& c, const std::string& name, const std::string& sql) {
  c.prepare(name, storage::detail::postgres_sql(sql).text);
}

struct Dataset {
  std::int64_t size = 0;
  double import_seconds = 0;  // 0: imported by an earlier run
  std::vector<std::int64_t> utrecht_ids;
};

std::map<std::int64_t, Dataset> g_datasets;
std::mutex g_datasets_mutex;

/// The schema of `size` synthetic trajectories, imported through create_many when it is not
/// there (or holds another number of them).
const Dataset& dataset(std::int64_t size) {
  std::lock_guard lock(g_datasets_mutex);
  if (auto it = g_datasets.find(size); it != g_datasets.end()) return it->second;
  Dataset d;
  d.size = size;
  const std::string schema = schema_of(size);
  {
    pqxx::connection c(g_connection);
    pqxx::work w(c);
    const bool there =
        w.exec_params("SELECT to_regclass(quote_ident($1) || '.trajectory') IS NOT NULL",
                      schema)[0][0]
            .as<bool>();
    std::int64_t stored = 0;
    if (there) {
      stored = w.exec("SELECT count(*) FROM " + w.quote_name(schema) + ".trajectory")[0][0]
                   .as<std::int64_t>();
    }
    if (stored != size) {
      w.exec("DROP SCHEMA IF EXISTS " + w.quote_name(schema) + " CASCADE");
      w.commit();
      auto store = open_store(size);
      const auto start = Clock::now();
      bench::import_synthetic(*store, size);
      d.import_seconds = std::chrono::duration<double>(Clock::now() - start).count();
      std::cerr << "imported " << size << " synthetic trajectories into " << schema << " in "
                << d.import_seconds << " s\n";
      pqxx::nontransaction n(c);
      n.exec("ANALYZE " + c.quote_name(schema) + ".trajectory");
      n.exec("ANALYZE " + c.quote_name(schema) + ".trajectory_signal");
    }
  }
  auto c = raw_connection(size);
  pqxx::nontransaction n(*c);
  for (const auto& row : n.exec_params("SELECT id FROM trajectory WHERE municipality = $1 "
                                       "AND purged_on IS NULL AND state <> 'transferred_out' "
                                       "ORDER BY id",
                                       kUtrecht.to_string())) {
    d.utrecht_ids.push_back(row[0].as<std::int64_t>());
  }
  return g_datasets.emplace(size, std::move(d)).first->second;
}

void finish(benchmark::State& state, Samples& samples) {
  samples.report(state);
  state.SetItemsProcessed(state.iterations());
}

// ---- The worklist: signals due within eight weeks, first page, Utrecht -------------------------

void BM_Worklist(benchmark::State& state) {
  dataset(state.range(0));
  auto store = open_store(state.range(0));
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      benchmark::DoNotOptimize(store->worklist(kBackOffice, kAsOf + boost::gregorian::weeks(8), {},
                                               {.after = {}, .limit = kPage}));
    });
  }
  finish(state, samples);
}

void BM_Raw_Worklist(benchmark::State& state) {
  dataset(state.range(0));
  auto c = raw_connection(state.range(0));
  prepare(*c, "worklist", storage::detail::sql::kWorklist);
  const std::string due_before = to_iso(kAsOf + boost::gregorian::weeks(8));
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      pqxx::nontransaction n(*c);
      // As the store: the first page, one more row to know whether a next page exists.
      const auto rows = n.exec_prepared("worklist", kUtrecht.to_string(), due_before, "",
                                        std::int64_t{0}, std::int64_t{-1}, kPage + 1);
      for (const auto& row : rows) benchmark::DoNotOptimize(row[5].c_str());
    });
  }
  finish(state, samples);
}

// ---- A listing: Utrecht's trajectories, first page, no filter ----------------------------------

void BM_List(benchmark::State& state) {
  dataset(state.range(0));
  auto store = open_store(state.range(0));
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      benchmark::DoNotOptimize(store->list(kBackOffice, {}, {.after = {}, .limit = kPage}));
    });
  }
  finish(state, samples);
}

void BM_Raw_List(benchmark::State& state) {
  dataset(state.range(0));
  auto c = raw_connection(state.range(0));
  prepare(*c, "list", storage::detail::sql::list_query(false, false, false));
  Samples samples;
  for (auto _ : state) {
    samples.time([&] {
      pqxx::nontransaction n(*c);
      const auto rows = n.exec_prepared("list", kUtrecht.to_string(), std::int64_t{0}, kPage + 1);
      for (const auto& row : rows) benchmark::DoNotOptimize(row[0].as<std::int64_t>());
    });
  }
  finish(state, samples);
}

// ---- A load: one of Utrecht's trajectories, spread over the whole store -----------------------

void BM_Load(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(state.range(0));
  Picks picks(static_cast<std::int64_t>(d.utrecht_ids.size()), state.thread_index());
  Samples samples;
  for (auto _ : state) {
    const TrajectoryId id(d.utrecht_ids[static_cast<std::size_t>(picks.index())]);
    samples.time([&] { benchmark::DoNotOptimize(store->load(kBackOffice, id)); });
  }
  finish(state, samples);
}

// Its baseline: a select of the same row's record.
void BM_Raw_Load(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto c = raw_connection(state.range(0));
  prepare(*c, "load", "SELECT record FROM trajectory WHERE id = ?1");
  Picks picks(static_cast<std::int64_t>(d.utrecht_ids.size()), state.thread_index());
  Samples samples;
  for (auto _ : state) {
    const std::int64_t id = d.utrecht_ids[static_cast<std::size_t>(picks.index())];
    samples.time([&] {
      pqxx::nontransaction n(*c);
      benchmark::DoNotOptimize(n.exec_prepared1("load", id)[0].c_str());
    });
  }
  finish(state, samples);
}

// ---- A save: one changed field (the caseworker alternates), each client its own trajectories --

/// The trajectories client `client` of `clients` saves: every clients-th of Utrecht's, from its
/// own offset, kSavedPerClient of them.
std::vector<std::int64_t> saved_ids(const Dataset& d, int client, int clients) {
  std::vector<std::int64_t> ids;
  for (std::size_t i = static_cast<std::size_t>(client);
       i < d.utrecht_ids.size() && ids.size() < kSavedPerClient;
       i += static_cast<std::size_t>(clients)) {
    ids.push_back(d.utrecht_ids[i]);
  }
  return ids;
}

void BM_Save(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto store = open_store(state.range(0));
  std::vector<Trajectory> mine;
  for (std::int64_t id : saved_ids(d, state.thread_index(), state.threads())) {
    mine.push_back(store->load(kCaseworker, TrajectoryId(id)));
  }
  std::size_t next = 0;
  Samples samples;
  for (auto _ : state) {
    Trajectory& t = mine[next++ % mine.size()];
    TrajectoryRecord r = t.record();
    r.caseworker = UserId(r.caseworker.value() == "km-bench-a" ? "km-bench-b" : "km-bench-a");
    t = Trajectory::from_record(std::move(r));
    samples.time([&] { store->save(kCaseworker, t); });
  }
  finish(state, samples);
}

/// What the raw save writes for one trajectory, computed before the loop: the trajectory row's
/// columns and, for each of the two caseworkers, its record text and deadlines.
struct RawRow {
  std::int64_t id = 0;
  std::int64_t revision = 0;
  std::vector<std::optional<std::string>> columns;  // state .. retain_until, as stored
  std::string record[2];
  std::vector<Signal> deadlines[2];
};

// Its baseline: the rows a save writes (the trajectory row updated in every column, its
// deadlines deleted and written again, an audit entry), values computed beforehand, statements
// prepared once, one transaction, no writer lock (the store takes one per schema: its audit
// trail is one chain).
void BM_Raw_Save(benchmark::State& state) {
  const Dataset& d = dataset(state.range(0));
  auto c = raw_connection(state.range(0));
  std::vector<RawRow> mine;
  {
    auto store = open_store(state.range(0));
    pqxx::nontransaction n(*c);
    for (std::int64_t id : saved_ids(d, state.thread_index(), state.threads())) {
      RawRow row;
      row.id = id;
      const auto stored = n.exec_params1(
          "SELECT revision, state, route, target_group, bsn, term_start, term_end, closed_on, "
          "policy_id, retain_until FROM trajectory WHERE id = $1",
          id);
      row.revision = stored[0].as<std::int64_t>();
      for (int i = 1; i < 10; ++i) {
        row.columns.push_back(stored[i].is_null() ? std::nullopt
                                                  : std::optional<std::string>(stored[i].c_str()));
      }
      const TrajectoryRecord loaded = store->load(kCaseworker, TrajectoryId(id)).record();
      for (int k = 0; k < 2; ++k) {
        TrajectoryRecord r = loaded;
        r.caseworker = UserId(k == 0 ? "km-bench-a" : "km-bench-b");
        row.record[k] = storage::detail::stored_record_text(r);
        row.deadlines[k] = Trajectory::from_record(r).deadlines(kAsOf);
      }
      mine.push_back(std::move(row));
    }
  }
  prepare(*c, "update", storage::detail::sql::kUpdate);
  c->prepare("remove", "DELETE FROM trajectory_signal WHERE trajectory_id = $1");
  c->prepare("signal",
             "INSERT INTO trajectory_signal (trajectory_id, seq, municipality, caseworker, kind, "
             "due_on, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)");
  c->prepare("audit",
             "INSERT INTO audit_log (at, user_id, role, actor_municipality, on_behalf_of, "
             "arrangement, action, trajectory_id, changes, note, hash) VALUES "
             "('2026-11-23T09:00:00Z', 'km-bench', 'caseworker', '0344', '0344', '', 'update', $1, "
             "$2, '', $3)");
  const std::string changes =
      R"([{"path":"/caseworker","before":"km-bench-a","after":"km-bench-b"}])";
  const std::string hash(64, 'a');
  std::size_t next = 0;
  Samples samples;
  for (auto _ : state) {
    RawRow& row = mine[next++ % mine.size()];
    const int k = static_cast<int>(row.revision % 2);
    const std::string caseworker = k == 0 ? "km-bench-a" : "km-bench-b";
    samples.time([&] {
      pqxx::work w(*c);
      const auto& col = row.columns;
      w.exec_prepared0("update", row.id, kUtrecht.to_string(), caseworker, row.revision + 1, col[0],
                       col[1], col[2], col[3], col[4], col[5], col[6], row.record[k],
                       "2026-11-23T09:00:00Z", col[7], col[8], row.revision);
      w.exec_prepared0("remove", row.id);
      std::int64_t seq = 0;
      for (const Signal& s : row.deadlines[k]) {
        w.exec_prepared0("signal", row.id, ++seq, kUtrecht.to_string(), caseworker,
                         std::string(to_string(s.kind)), to_iso(s.due_on), s.detail);
      }
      w.exec_prepared0("audit", row.id, changes, hash);
      w.commit();
    });
    ++row.revision;
  }
  finish(state, samples);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::int64_t> sizes = {2000};
  std::vector<std::int64_t> clients = {1, 8, 32};
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--sizes=", 0) == 0) {
      sizes = bench::parse_list(arg.substr(8));
    } else if (arg.rfind("--clients=", 0) == 0) {
      clients = bench::parse_list(arg.substr(10));
    } else if (arg.rfind("--connection=", 0) == 0) {
      g_connection = arg.substr(13);
    } else if (arg == "--test-server") {
      // As ctest runs it: only on the throwaway server of the tests, never on what the PG*
      // variables of a developer's shell happen to name.
      const char* server = std::getenv("INBURGERING_TEST_POSTGRES");
      if (server == nullptr) {
        std::cerr << "postgres_bench: no test server (INBURGERING_TEST_POSTGRES): skipped\n";
        return kNoServer;
      }
      g_connection = server;
    } else {
      rest.push_back(argv[i]);
    }
  }
  try {
    pqxx::connection probe(g_connection);
  } catch (const std::exception& e) {
    std::cerr << "postgres_bench: no server: " << e.what()
              << "(run it beside one: pg_virtualenv -v 15 postgres_bench …)\n";
    return kNoServer;
  }
  for (std::int64_t size : sizes) dataset(size);  // imports outside any timing
  using Benchmark = void (*)(benchmark::State&);
  const std::pair<const char*, Benchmark> all[] = {
      {"Worklist", BM_Worklist}, {"Raw_Worklist", BM_Raw_Worklist},
      {"List", BM_List},         {"Raw_List", BM_Raw_List},
      {"Load", BM_Load},         {"Raw_Load", BM_Raw_Load},
      {"Save", BM_Save},         {"Raw_Save", BM_Raw_Save}};
  for (std::int64_t size : sizes) {
    for (const auto& [name, function] : all) {
      for (std::int64_t n : clients) {
        benchmark::RegisterBenchmark(name, function)
            ->Arg(size)
            ->Threads(static_cast<int>(n))
            ->UseRealTime()
            ->Unit(benchmark::kMicrosecond);
      }
    }
  }
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(count, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
