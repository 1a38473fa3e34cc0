#pragma once
// Storage tests run once per backend: each backend registers a factory here.

#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <random>
#include <string>

#include "support/builders.hpp"

namespace inburgering::test {

/// A fresh, empty store on the given clock.
struct Backend {
  std::string name;
  std::function<std::unique_ptr<storage::TrajectoryStore>(std::shared_ptr<FixedClock>)> make;
};

inline void PrintTo(const Backend& backend, std::ostream* os) { *os << backend.name; }

/// A PostgreSQL schema name no other store of this test run has.
inline std::string fresh_schema(const char* prefix) {
  // The process id alone could come back within one ctest run (schemas are never dropped).
  static const std::string run = [] {
    std::random_device random;
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", random());
    return std::to_string(::getpid()) + "_" + hex;
  }();
  static int counter = 0;
  return std::string(prefix) + "_" + run + "_" + std::to_string(++counter);
}

/// The PostgreSQL backend when the test runs beside a server: INBURGERING_TEST_POSTGRES holds
/// its connection string (empty: the PG* variables, as pg_virtualenv sets them; scripts/test.sh).
/// Each store gets a schema of its own. Without the variable, or in a build without the backend,
/// `make` returns nullptr and the test is skipped.
inline Backend postgres_backend() {
  return Backend{
      "postgres",
      [](std::shared_ptr<FixedClock> clock) -> std::unique_ptr<storage::TrajectoryStore> {
#if INBURGERING_WITH_POSTGRES
        const char* connection = std::getenv("INBURGERING_TEST_POSTGRES");
        if (connection == nullptr) return nullptr;
        return storage::PostgresStore::open(connection,
                                            {.clock = clock, .schema = fresh_schema("test")});
#else
        (void)clock;
        return nullptr;
#endif
      }};
}

/// A directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "inburgering-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::filesystem::path path() const { return path_; }
  std::string file(const char* name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline storage::Actor caseworker(MunicipalityCode m = utrecht(), const char* user = "km-jansen") {
  return storage::Actor{UserId(user), storage::Role::kCaseworker, m, {}};
}
inline storage::Actor back_office(MunicipalityCode m = utrecht()) {
  return storage::Actor{UserId("bo-pietersen"), storage::Role::kBackOffice, m, {}};
}
inline storage::Actor auditor(MunicipalityCode m = utrecht()) {
  return storage::Actor{UserId("acc-smit"), storage::Role::kAuditor, m, {}};
}
inline storage::Actor privacy_officer(MunicipalityCode m = utrecht()) {
  return storage::Actor{UserId("fg-de-boer"), storage::Role::kPrivacyOfficer, m, {}};
}
/// A caseworker of Amersfoort with Utrecht's regional grant.
inline storage::Actor regional(bool write = false, bool health = false) {
  return storage::Actor{
      UserId("km-regio"),
      storage::Role::kCaseworker,
      amersfoort(),
      {storage::RegionalGrant{utrecht(), "Regio Utrecht trajectregie", write, health}}};
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    clock_ = std::make_shared<FixedClock>(d("2025-03-01"));
    clock_->set_time_of_day(std::chrono::hours{9});
    store_ = GetParam().make(clock_);
    if (!store_) GTEST_SKIP() << GetParam().name << ": no server (see postgres_backend())";
  }
  storage::TrajectoryStore& store() { return *store_; }

  std::shared_ptr<FixedClock> clock_;
  std::unique_ptr<storage::TrajectoryStore> store_;
};

}  // namespace inburgering::test
