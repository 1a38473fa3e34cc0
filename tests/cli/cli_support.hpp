#pragma once
// Runs the caseworker programme (the real binary, INBURGERING_CLI_PATH) on a temporary database
// and captures its exit code, standard output and standard error; dumps a database's rows so a
// test can show that a refused command left it unchanged; checks --json output against
// schema/cli-output-1.schema.json.
//
// The cases run on either backend: SQLite files in a scratch directory, or, when
// INBURGERING_CLI_BACKEND=postgres (the `cli.pg.` cases of ctest set it), a fresh schema per
// store on the PostgreSQL server of INBURGERING_TEST_POSTGRES (a libpq keyword string; empty:
// the PG* variables, as pg_virtualenv sets them, which the programme then inherits). Without a
// server the PostgreSQL cases are skipped.

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/json_schema.hpp"
#include "support/store_fixture.hpp"

#if INBURGERING_WITH_POSTGRES
#include <pqxx/pqxx>
#endif

extern char** environ;

namespace inburgering::test::cli {

using nlohmann::json;

struct ToolRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Whether the cases run on PostgreSQL (INBURGERING_CLI_BACKEND=postgres).
inline bool on_postgres() {
  const char* backend = std::getenv("INBURGERING_CLI_BACKEND");
  return backend != nullptr && std::string(backend) == "postgres";
}

/// On PostgreSQL: the PG* variables of this process (how the server is reached). Else: none.
inline std::map<std::string, std::string> connection_env() {
  std::map<std::string, std::string> env;
  if (!on_postgres()) return env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const auto eq = entry.find('=');
    if (entry.rfind("PG", 0) == 0 && eq != std::string::npos) {
      env[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
  }
  return env;
}

/// Runs the tool with `args` and exactly the environment `env` (nothing inherited, so the
/// caller's INBURGERING_* variables cannot change a test), plus `connection_env()`.
inline ToolRun run_tool(const std::vector<std::string>& args,
                        std::map<std::string, std::string> env, const std::string& scratch) {
  env.merge(connection_env());
  const std::string out_path = scratch + "/stdout";
  const std::string err_path = scratch + "/stderr";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<std::string> strings = {INBURGERING_CLI_PATH};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    ::execve(INBURGERING_CLI_PATH, argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ToolRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

/// The schema a PostgreSQL connection string of these tests names ("" for a file).
inline std::string schema_of(const std::string& db) {
  const auto at = db.find(" schema=");
  return storage::backend_of(db) == storage::Backend::kPostgres && at != std::string::npos
             ? db.substr(at + 8)
             : std::string();
}

#if INBURGERING_WITH_POSTGRES
/// A session on the test server as the account that made the schemas (which owns the tables,
/// so row-level security does not hide rows from it).
inline std::unique_ptr<pqxx::connection> test_server() {
  const char* connection = std::getenv("INBURGERING_TEST_POSTGRES");
  return std::make_unique<pqxx::connection>(connection ? connection : "");
}
#endif

/// Every row of every table of the store `db`, as text: equal dumps mean an unchanged database.
/// Without `audit`, the audit trail is left out (a refused access is audited, and changes
/// nothing else). PostgreSQL's rows are sorted (its tables have no fixed order).
inline std::string dump(const std::string& db, bool audit = true) {
  std::string out;
  if (const std::string schema = schema_of(db); !schema.empty()) {
#if INBURGERING_WITH_POSTGRES
    auto c = test_server();
    pqxx::work w(*c);
    const pqxx::result tables = w.exec_params(
        "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", schema);
    if (tables.empty()) return "<no schema>";
    for (const auto& table : tables) {
      const std::string name = table[0].c_str();
      if (!audit && name == "audit_log") continue;
      out += "## " + name + "\n";
      std::vector<std::string> lines;
      for (const auto& row :
           w.exec("SELECT * FROM " + w.quote_name(schema) + "." + w.quote_name(name))) {
        std::string line;
        for (const auto& field : row)
          line += (field.is_null() ? "NULL" : field.c_str()) + std::string("|");
        lines.push_back(line);
      }
      std::sort(lines.begin(), lines.end());
      for (const auto& line : lines) out += line + "\n";
    }
    return out;
#else
    ADD_FAILURE() << "a PostgreSQL store in a build without the backend";
    return out;
#endif
  }
  if (!std::filesystem::exists(db)) return "<no file>";
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement tables(d, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    if (!audit && (table == "audit_log" || table == "sqlite_sequence")) continue;
    out += "## " + table + "\n";
    SQLite::Statement rows(d, "SELECT * FROM \"" + table + "\"");
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        out += rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString();
        out += "|";
      }
      out += "\n";
    }
  }
  return out;
}

/// One number or text the query `sql` gives on the store `db` (both dialects must accept it).
inline std::string query_one(const std::string& db, const std::string& sql) {
  if (const std::string schema = schema_of(db); !schema.empty()) {
#if INBURGERING_WITH_POSTGRES
    auto c = test_server();
    pqxx::work w(*c);
    w.exec("SET LOCAL search_path TO " + w.quote_name(schema));
    return w.exec(sql)[0][0].c_str();
#else
    return "";
#endif
  }
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

/// Whether the store `db` exists: its file, or its schema.
inline bool store_exists(const std::string& db) {
  if (schema_of(db).empty()) return std::filesystem::exists(db);
  return dump(db) != "<no schema>";
}

/// Whether the store `db` holds nothing: no file; on PostgreSQL (where a schema a refused first
/// command created stays) no schema, or no row but its schema version.
inline bool holds_nothing(const std::string& db) {
  if (schema_of(db).empty()) return !std::filesystem::exists(db);
  const std::string rows = dump(db);
  if (rows == "<no schema>") return true;
  std::istringstream lines(rows);
  std::string line;
  std::string table;
  while (std::getline(lines, line)) {
    if (line.rfind("## ", 0) == 0) {
      table = line.substr(3);
    } else if (table != "schema_version") {
      return false;
    }
  }
  return true;
}

inline const json& schema() {
  static const json rules = [] {
    std::ifstream in(std::string(INBURGERING_SCHEMA_DIR) + "/cli-output-1.schema.json");
    return json::parse(in);
  }();
  return rules;
}

/// "" when `document` conforms to the schema's definition of its kind and to the whole schema.
inline std::string schema_violation(const json& document) {
  const json& rules = schema();
  if (!document.contains("kind") || !document["kind"].is_string()) return "/kind: missing";
  const std::string kind = document["kind"];
  if (!rules["$defs"].contains(kind)) return "/kind: unknown " + kind;
  if (auto v = violation(document, rules["$defs"][kind], rules); !v.empty()) return v;
  return violation(document, rules, rules);
}

/// A scratch directory with a database path, and the tool run as a caseworker of Utrecht on a
/// fixed day (2026-12-07).
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (on_postgres() &&
        (!INBURGERING_WITH_POSTGRES || !std::getenv("INBURGERING_TEST_POSTGRES"))) {
      GTEST_SKIP() << "no PostgreSQL server (INBURGERING_TEST_POSTGRES)";
    }
    char pattern[] = "/tmp/inburgering-cli-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    schemas_ = fresh_schema("cli");
    db_ = store_named("test");
  }

  /// A store of its own for this case: `dir_/name.db`, or a schema on the server.
  std::string store_named(const std::string& name) const {
    if (!on_postgres()) return dir_ + "/" + name + ".db";
    return "postgresql:" + std::string(std::getenv("INBURGERING_TEST_POSTGRES")) +
           " schema=" + schemas_ + "_" + name;
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  /// The tool with --db, --today, --user km-0344-1 and --municipality 0344 before `args`.
  ToolRun cli(std::vector<std::string> args, std::vector<std::string> actor = {}) {
    std::vector<std::string> all = {"--db", db_, "--today", today_};
    if (actor.empty()) actor = {"--user", "km-0344-1", "--municipality", "0344"};
    all.insert(all.end(), actor.begin(), actor.end());
    all.insert(all.end(), args.begin(), args.end());
    return run_tool(all, env_, dir_);
  }

  /// As `cli`, with --json; parses standard output and checks it against the schema.
  json cli_json(std::vector<std::string> args, std::vector<std::string> actor = {}) {
    args.insert(args.begin(), "--json");
    const ToolRun r = cli(args, std::move(actor));
    EXPECT_EQ(r.code, 0) << r.err;
    json document;
    try {
      document = json::parse(r.out);
    } catch (const json::exception& e) {
      ADD_FAILURE() << "not JSON: " << r.out;
      return json();
    }
    EXPECT_EQ(schema_violation(document), "") << document.dump(1);
    return document;
  }

  /// Runs a command that must succeed; returns its output.
  std::string ok(std::vector<std::string> args, std::vector<std::string> actor = {}) {
    const ToolRun r = cli(std::move(args), std::move(actor));
    EXPECT_EQ(r.code, 0) << r.err << r.out;
    return r.out;
  }

  /// Runs a command that must fail with `code`, print one line on stderr naming each of
  /// `expected`, and leave the database as it was; a denied access (code 4, or 3 for another
  /// municipality's record) adds exactly one `denied` entry to the audit trail and nothing else.
  /// Returns the line.
  std::string refused(std::vector<std::string> args, int code,
                      const std::vector<std::string>& expected,
                      std::vector<std::string> actor = {}) {
    const std::string before = dump(db_);
    const std::string before_rows = dump(db_, false);
    const int audit_before = audit_entries();
    const ToolRun r = cli(args, std::move(actor));
    EXPECT_EQ(r.code, code) << r.err << r.out;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    for (const auto& e : expected) EXPECT_NE(r.err.find(e), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    if (audit_entries() == audit_before) {
      EXPECT_EQ(dump(db_), before) << "the database changed";
    } else {
      EXPECT_TRUE(code == 3 || code == 4) << "only a denial is audited";
      EXPECT_EQ(audit_entries(), audit_before + 1);
      EXPECT_EQ(last_audit_action(), "denied");
      EXPECT_EQ(dump(db_, false), before_rows) << "the database changed";
    }
    return r.err;
  }

  int audit_entries() {
    if (!store_exists(db_)) return 0;
    return std::stoi(query_one(db_, "SELECT count(*) FROM audit_log"));
  }

  std::string last_audit_action() {
    return query_one(db_, "SELECT action FROM audit_log ORDER BY sequence DESC LIMIT 1");
  }

  /// Registers trajectory `id` (an asylum permit holder, DUO's notice on 2026-10-01, BRP
  /// 2026-10-05) and returns nothing; `group` and `bsn` vary it.
  void register_person(const std::string& id, const std::string& group = "asylum_permit_holder",
                       const std::string& bsn = "999990019") {
    ok({"registreer",
        "--id",
        id,
        "--bsn",
        bsn,
        "--voornamen",
        "Amal",
        "--achternaam",
        "Test-Haddad",
        "--geboren",
        "1990-05-17",
        "--doelgroep",
        group,
        "--verblijfsvergunning",
        group == "asylum_permit_holder" ? "temporary_asylum" : "regular",
        "--kennisgeving",
        "2026-10-01",
        "--brp",
        "2026-10-05",
        "--geregistreerd",
        "2026-10-05"});
  }

  /// `register_person`, then the broad intake completed on 2026-10-23.
  void through_intake(const std::string& id, const std::string& group = "asylum_permit_holder") {
    register_person(id, group);
    ok({"uitnodigen", id, "--verzonden", "2026-10-06", "--reageren-voor", "2026-10-16"});
    ok({"uitnodiging-uitkomst", id, "--uitkomst", "attended"});
    for (const char* topic : {"education_and_work", "personal_circumstances", "health",
                              "language_level", "paid_work_options", "self_reliance"}) {
      ok({"intake-onderwerp", id, "--onderwerp", topic, "--datum", "2026-10-16", "--notities",
          "besproken"});
    }
    ok({"leerbaarheidstoets", id, "--datum", "2026-10-16", "--score", "31"});
    ok({"geinformeerd-alleen", id});
    ok({"intake-afronden", id, "--datum", "2026-10-23"});
  }

  /// `through_intake`, then the first PIP on the B1-route issued on 2026-11-20.
  void with_plan(const std::string& id, const std::string& route = "b1") {
    through_intake(id);
    ok({"pip", id, "--datum", "2026-11-20", "--route", route, "--uren-per-week", "12",
        "--ondersteuning", "klantmanager", "--map-uren", route == "education" ? "0" : "40",
        "--voortgangsgesprekken", "6", "--doel", "Nederlands op B1", "--activiteit",
        "language_course:NT2-cursus:Taalschool:12"});
  }

  /// The trajectory as `toon --json` shows it.
  json show(const std::string& id) { return cli_json({"toon", id}); }

  std::string dir_;
  std::string schemas_;  // on PostgreSQL, the prefix of this case's schemas
  std::string db_;
  std::string today_ = "2026-12-07";
  std::map<std::string, std::string> env_;
};

}  // namespace inburgering::test::cli
