#pragma once
// A fresh database on either backend, for tests that run once per backend and look at the rows
// themselves: a SQLite file in a scratch directory, or a schema of its own on the PostgreSQL
// server of INBURGERING_TEST_POSTGRES (a libpq keyword string; empty: the PG* variables, as
// scripts/test.sh sets them inside pg_virtualenv). Rows are read as the account that made the
// schema, which owns the tables, so row-level security hides none.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/store_fixture.hpp"

#if INBURGERING_WITH_POSTGRES
#include <pqxx/pqxx>
#endif

namespace inburgering::test {

/// The backends a parametrised test runs on ("postgres" is skipped without a server).
inline std::vector<std::string> database_backends() { return {"sqlite", "postgres"}; }

/// Names a parametrised case by its backend (`…/sqlite`, `…/postgres`).
inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

class TestDatabase {
 public:
  /// A fresh, empty database of `backend` ("sqlite" or "postgres"); see `available`.
  explicit TestDatabase(const std::string& backend) : backend_(backend) {
    if (backend == "sqlite") {
      connection_ = dir_.file("test.db");
      return;
    }
#if INBURGERING_WITH_POSTGRES
    const char* server = std::getenv("INBURGERING_TEST_POSTGRES");
    if (server == nullptr) return;
    server_ = server;
    schema_ = fresh_schema("db");
    connection_ = "postgresql:" + server_ + " schema=" + schema_;
#endif
  }

  /// False for PostgreSQL without a server (or a build without the backend): skip the test.
  bool available() const { return !connection_.empty(); }
  bool postgres() const { return backend_ == "postgres"; }
  /// The connection string for `storage::open_store`.
  const std::string& connection() const { return connection_; }

  std::unique_ptr<storage::TrajectoryStore> open(storage::StoreOptions options) const {
    return storage::open_store(connection_, std::move(options));
  }

  /// The rows `sql` gives (both dialects must accept it), each column as text, NULL as "NULL".
  std::vector<std::vector<std::string>> rows(const std::string& sql) const {
    std::vector<std::vector<std::string>> all;
#if INBURGERING_WITH_POSTGRES
    if (postgres()) {
      pqxx::connection c(server_);
      pqxx::work w(c);
      w.exec("SET LOCAL search_path TO " + w.quote_name(schema_));
      for (const auto& row : w.exec(sql)) {
        auto& out = all.emplace_back();
        for (const auto& field : row) out.push_back(field.is_null() ? "NULL" : field.c_str());
      }
      return all;
    }
#endif
    SQLite::Database d(connection_, SQLite::OPEN_READONLY);
    SQLite::Statement q(d, sql);
    while (q.executeStep()) {
      auto& out = all.emplace_back();
      for (int i = 0; i < q.getColumnCount(); ++i) {
        out.push_back(q.getColumn(i).isNull() ? "NULL" : q.getColumn(i).getString());
      }
    }
    return all;
  }

  /// The first column of the first row of `sql` ("" when there is none).
  std::string one(const std::string& sql) const {
    const auto all = rows(sql);
    return all.empty() || all.front().empty() ? std::string() : all.front().front();
  }
  std::int64_t count(const std::string& sql) const { return std::stoll(one(sql)); }

 private:
  std::string backend_;
  TempDir dir_;
  std::string server_;
  std::string schema_;
  std::string connection_;
};

/// A case per backend with a fresh database `db_`, skipped on PostgreSQL without a server. A
/// derived fixture's SetUp calls this one first and returns when `IsSkipped()`.
class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!db_.available()) GTEST_SKIP() << "no PostgreSQL server (INBURGERING_TEST_POSTGRES)";
  }
  TestDatabase db_{GetParam()};
};

}  // namespace inburgering::test
