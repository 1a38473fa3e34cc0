// Crash safety and concurrency of the SQLite store with real processes: writers killed with
// SIGKILL at random moments, migrations killed halfway, several processes saving the same
// records. Bounded for the normal run; the long mode of the README raises the counts:
//   INBURGERING_CRASH_KILLS (default 50), INBURGERING_MIGRATION_KILLS (default 10),
//   INBURGERING_STRESS_SECONDS (default 3), INBURGERING_CRASH_SEED (default 20261123).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>

#include "support/old_schema.hpp"
#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::SqliteOptions;
using storage::SqliteStore;

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atoi(value) : fallback;
}

std::uint32_t seed() {
  return static_cast<std::uint32_t>(env_int("INBURGERING_CRASH_SEED", 20261123));
}

SqliteOptions options() {
  auto clock = std::make_shared<FixedClock>(d("2025-03-01"));
  clock->set_time_of_day(std::chrono::hours{9});
  SqliteOptions o{.clock = std::move(clock)};
  o.busy_retries = 100;
  return o;
}

storage::Actor actor() { return caseworker(); }

// What a writer reports after each commit: "id revision\n" on a pipe.
void report(int fd, std::int64_t id, std::int64_t revision) {
  char line[64];
  const int n = std::snprintf(line, sizeof line, "%lld %lld\n", static_cast<long long>(id),
                              static_cast<long long>(revision));
  if (write(fd, line, static_cast<std::size_t>(n)) != n) _exit(3);
}

// A writer that never stops: creates trajectories from `first_id` on and saves each a few times.
[[noreturn]] void writer(const std::string& path, std::int64_t first_id, int fd) {
  try {
    auto store = SqliteStore::open(path, options());
    for (std::int64_t id = first_id;; ++id) {
      Trajectory t = renumber(on_route(), id);
      store->create(actor(), t);
      report(fd, id, 1);
      for (int day = 1; day <= 3; ++day) {
        t.record_attendance(AttendanceEntry{d("2024-04-01") + boost::gregorian::days(day),
                                            HourKind::kLanguageCourse, 90, "les"});
        report(fd, id, store->save(actor(), t));
      }
    }
  } catch (...) {
    _exit(2);
  }
}

struct Reported {
  std::map<std::int64_t, std::int64_t> revisions;  // id -> highest committed revision
};

Reported read_reports(int fd) {
  Reported out;
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(fd, buffer, sizeof buffer)) > 0)
    text.append(buffer, static_cast<std::size_t>(n));
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // a line cut off by the kill was never complete
    long long id = 0;
    long long revision = 0;
    if (std::sscanf(text.c_str() + start, "%lld %lld", &id, &revision) == 2) {
      auto& known = out.revisions[id];
      known = std::max<std::int64_t>(known, revision);
    }
    start = end + 1;
  }
  return out;
}

// Everything committed is there, nothing is half-done, and the trail is intact.
void expect_consistent(const std::string& path, const Reported& reported) {
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
    // Each stored revision has exactly its audit entries: one create and one update per save.
    SQLite::Statement rows(
        raw,
        "SELECT t.id, t.revision, (SELECT count(*) FROM audit_log a "
        "WHERE a.trajectory_id = t.id AND a.action IN ('create', 'update')), "
        "(SELECT count(*) FROM trajectory_signal s WHERE s.trajectory_id = t.id) "
        "FROM trajectory t");
    while (rows.executeStep()) {
      const std::int64_t id = rows.getColumn(0).getInt64();
      EXPECT_EQ(rows.getColumn(1).getInt64(), rows.getColumn(2).getInt64()) << "trajectory " << id;
      EXPECT_GT(rows.getColumn(3).getInt64(), 0) << "trajectory " << id << " lost its deadlines";
    }
  }
  auto store = SqliteStore::open(path, options());
  for (const auto& [id, revision] : reported.revisions) {
    const Trajectory t = store->load(actor(), TrajectoryId(id));
    EXPECT_GE(t.record().revision, revision) << "trajectory " << id << " lost a commit";
    EXPECT_EQ(t.record().attendance.size(), static_cast<std::size_t>(t.record().revision - 1));
  }
  const auto check = store->verify_audit(auditor());
  EXPECT_TRUE(check.intact()) << check.problem << " at " << check.first_broken.value_or(0);
}

TEST(SqliteCrash, KilledWritersLoseNothingAndLeaveNothingHalfDone) {
  const int kills = env_int("INBURGERING_CRASH_KILLS", 50);
  std::mt19937 random(seed());
  std::uniform_int_distribution<int> delay_us(0, 30000);
  TempDir dir;
  const std::string path = dir.file("crash.db");
  SqliteStore::open(path, options());
  Reported all;
  for (int round = 0; round < kills; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      close(fds[0]);
      writer(path, 1 + 100000 * static_cast<std::int64_t>(round), fds[1]);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself: " << status;
    const Reported got = read_reports(fds[0]);
    close(fds[0]);
    for (const auto& [id, revision] : got.revisions) all.revisions[id] = revision;
  }
  expect_consistent(path, all);
  RecordProperty("kills", kills);
  RecordProperty("commits_seen", static_cast<int>(all.revisions.size()));
}

// A database at schema 3 with work for migrations 4 (every deadline computed again) and 5 (the
// trail chained): each runs in its own transaction.
void make_schema_3_database(const std::string& path, int trajectories) {
  {
    auto store = SqliteStore::open(path, options());
    for (int i = 1; i <= trajectories; ++i) {
      Trajectory t = renumber(on_route(), i);
      store->create(actor(), t);
    }
  }
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  raw.exec("DELETE FROM trajectory_signal");
  back_to_schema_4(raw, 3);
  raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

TEST(SqliteCrash, AKilledMigrationLeavesAVersionThatOpensAndFinishes) {
  const int kills = env_int("INBURGERING_MIGRATION_KILLS", 10);
  std::mt19937 random(seed() + 1);
  TempDir dir;
  const std::string original = dir.file("v3.db");
  constexpr int kTrajectories = 150;
  make_schema_3_database(original, kTrajectories);
  // How long an uninterrupted migration takes here: the kills fall within it.
  int migration_us = 0;
  {
    const std::string probe = dir.file("probe.db");
    std::filesystem::copy_file(original, probe);
    const auto start = std::chrono::steady_clock::now();
    SqliteStore::open(probe, options());
    migration_us = static_cast<int>(std::chrono::duration_cast<std::chrono::microseconds>(
                                        std::chrono::steady_clock::now() - start)
                                        .count());
  }
  // Kills fall before, inside and after the migrations' transactions.
  std::uniform_int_distribution<int> delay_us(migration_us * 3 / 10, migration_us * 2);
  std::map<int, int> versions_seen;
  for (int round = 0; round < kills; ++round) {
    const std::string path = dir.file(("m" + std::to_string(round) + ".db").c_str());
    std::filesystem::copy_file(original, path);
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      try {
        SqliteStore::open(path, options());
      } catch (...) {
        _exit(2);
      }
      _exit(0);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) != 0) << "the migration failed";
    {
      // One of the versions, whole: never a migration's half.
      SQLite::Database raw(path, SQLite::OPEN_READONLY);
      const int version = raw.execAndGet("PRAGMA user_version").getInt();
      ++versions_seen[version];
      ASSERT_GE(version, 3);
      ASSERT_LE(version, SqliteStore::latest_schema_version());
      const int hashed =
          raw.execAndGet("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'hash'")
              .getInt();
      EXPECT_EQ(hashed, version >= 5 ? 1 : 0);
      const int with_deadlines =
          raw.execAndGet("SELECT count(DISTINCT trajectory_id) FROM trajectory_signal").getInt();
      EXPECT_EQ(with_deadlines, version >= 4 ? kTrajectories : 0);
    }
    auto store = SqliteStore::open(path, options());  // finishes what was left
    EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
    EXPECT_EQ(store->list(actor(), {}, {.after = "", .limit = 1000}).items.size(),
              static_cast<std::size_t>(kTrajectories));
    EXPECT_TRUE(store->verify_audit(auditor()).intact());
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
  }
  RecordProperty("migration_us", migration_us);
  for (const auto& [version, count] : versions_seen) {
    RecordProperty("killed_at_version_" + std::to_string(version), count);
  }
}

TEST(SqliteConcurrency, FourProcessesSavingTheSameRecordsLoseNoUpdate) {
  const int seconds = env_int("INBURGERING_STRESS_SECONDS", 3);
  constexpr int kProcesses = 4;
  constexpr int kRecords = 5;
  TempDir dir;
  const std::string path = dir.file("stress.db");
  {
    auto store = SqliteStore::open(path, options());
    for (int i = 1; i <= kRecords; ++i) {
      Trajectory t = renumber(on_route(), i);
      store->create(actor(), t);
    }
  }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::vector<pid_t> pids;
  std::fflush(nullptr);
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t pid = fork();
    if (pid == 0) {
      close(fds[0]);
      try {
        auto store = SqliteStore::open(path, options());
        std::mt19937 random(seed() + static_cast<std::uint32_t>(p));
        const auto stop = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        int saves = 0;
        while (std::chrono::steady_clock::now() < stop) {
          const TrajectoryId id(1 + static_cast<std::int64_t>(random() % kRecords));
          Trajectory t = store->load(actor(), id);
          t.record_attendance(AttendanceEntry{d("2024-04-01"), HourKind::kLanguageCourse, 30,
                                              "proces " + std::to_string(p)});
          try {
            store->save(actor(), t);
            ++saves;
          } catch (const ConflictError&) {
            // Someone else was first: the next round loads again.
          }
        }
        report(fds[1], p, saves);
      } catch (...) {
        _exit(2);
      }
      _exit(0);
    }
    pids.push_back(pid);
  }
  close(fds[1]);
  for (const pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  const Reported saves = read_reports(fds[0]);
  close(fds[0]);
  ASSERT_EQ(saves.revisions.size(), static_cast<std::size_t>(kProcesses));
  std::int64_t reported = 0;
  for (const auto& [process, count] : saves.revisions) reported += count;
  auto store = SqliteStore::open(path, options());
  std::int64_t stored_saves = 0;
  std::size_t entries = 0;
  for (int i = 1; i <= kRecords; ++i) {
    const Trajectory t = store->load(actor(), TrajectoryId(i));
    stored_saves += t.record().revision - 1;
    entries += t.record().attendance.size();
  }
  EXPECT_GT(reported, 0);
  EXPECT_EQ(stored_saves, reported);                       // every save that succeeded is stored...
  EXPECT_EQ(entries, static_cast<std::size_t>(reported));  // ...with its change
  EXPECT_TRUE(store->verify_audit(auditor()).intact());
  RecordProperty("saves", static_cast<int>(reported));
}

}  // namespace
}  // namespace inburgering::test
