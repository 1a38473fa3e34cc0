#pragma once
// What the store-at-scale benchmarks share (scale_bench.cpp on SQLite, postgres_bench.cpp): the
// synthetic population and its day, the import through create_many, a deterministic sequence
// of picks, per-call timings as p50/p95, and the parsing of a comma-separated option.

#include <benchmark/benchmark.h>
#include <inburgering/inburgering.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace inburgering::bench {

/// The day the synthetic population is made up to, and the benchmarks run on.
inline const Date kAsOf(2026, 11, 23);
/// The municipality whose pages the benchmarks ask for.
inline const MunicipalityCode kUtrecht("0344");
/// Raise when the synthetic recipe changes (tests/synthetic pins it), so kept stores are rebuilt.
constexpr int kGeneratorVersion = 5;
/// How many trajectories one create_many call imports.
constexpr int kImportBatch = 1000;

inline synthetic::Options synthetic_options() {
  synthetic::Options options;
  options.seed = 2026;
  options.as_of = kAsOf;
  return options;
}

/// Imports synthetic trajectories 0 .. size-1 through create_many, in batches of kImportBatch
/// (create_many writes one municipality per call, the actor's: grouped by municipality), each
/// as a caseworker of its municipality.
inline void import_synthetic(storage::TrajectoryStore& store, std::int64_t size) {
  const auto options = synthetic_options();
  std::map<std::string, std::vector<Trajectory>> by_municipality;
  const auto flush = [&](std::vector<Trajectory>& pending, const MunicipalityCode& municipality) {
    if (pending.empty()) return;
    const storage::Actor importer{UserId("import"), storage::Role::kCaseworker, municipality, {}};
    store.create_many(importer, pending);
    pending.clear();
  };
  for (std::int64_t i = 0; i < size; ++i) {
    Trajectory t = synthetic::trajectory(options, i);
    const MunicipalityCode municipality = t.record().municipality;
    auto& pending = by_municipality[municipality.to_string()];
    pending.push_back(std::move(t));
    if (static_cast<int>(pending.size()) == kImportBatch) flush(pending, municipality);
  }
  for (auto& [code, pending] : by_municipality) flush(pending, MunicipalityCode(code));
}

/// A deterministic sequence of indexes below `size` (`stream` gives another sequence).
class Picks {
 public:
  explicit Picks(std::int64_t size, int stream = 0)
      : size_(size), state_(42 + static_cast<std::uint64_t>(stream)) {}
  std::int64_t index() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((state_ >> 33) % static_cast<std::uint64_t>(size_));
  }

 private:
  std::int64_t size_;
  std::uint64_t state_;
};

/// Per-call timings, reported as p50/p95 counters in milliseconds; with several threads (the
/// clients of one benchmark), their samples are merged.
class Samples {
 public:
  template <class F>
  void time(F&& call) {
    const auto start = std::chrono::steady_clock::now();
    call();
    ms_.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  /// Each client calls this after its loop; the last one sets the counters (Google Benchmark
  /// sums a counter over the clients, and only that one sets them).
  void report(benchmark::State& state) {
    static std::mutex mutex;
    static std::vector<double> all;
    static int reported = 0;
    std::lock_guard lock(mutex);
    all.insert(all.end(), ms_.begin(), ms_.end());
    if (++reported < state.threads()) return;
    reported = 0;
    std::sort(all.begin(), all.end());
    auto at = [&](double q) {
      if (all.empty()) return 0.0;
      return all[std::min(all.size() - 1,
                          static_cast<std::size_t>(q * static_cast<double>(all.size())))];
    };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p95_ms"] = at(0.95);
    all.clear();
  }

 private:
  std::vector<double> ms_;
};

/// "10000,100000" as numbers (empty parts skipped).
inline std::vector<std::int64_t> parse_list(const std::string& text) {
  std::vector<std::int64_t> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const std::string part = text.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!part.empty()) out.push_back(std::stoll(part));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace inburgering::bench
