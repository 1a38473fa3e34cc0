#include "storage/sqlite_schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>
#include <vector>

#include "inburgering/error.hpp"
#include "storage/record_codec.hpp"
#include "storage/sqlite_rows.hpp"

namespace inburgering::storage::detail {
namespace {

// Version 1: trajectories (personal data in `record`, health apart), and the audit trail,
// which the database itself keeps append-only.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE trajectory (
  id           INTEGER PRIMARY KEY,
  municipality TEXT NOT NULL,
  caseworker   TEXT NOT NULL,
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  state        TEXT NOT NULL,
  route        TEXT,
  target_group TEXT NOT NULL,
  bsn          TEXT,
  term_start   TEXT,
  term_end     TEXT,
  closed_on    TEXT,
  record       TEXT,
  purged_on    TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK ((record IS NULL) = (purged_on IS NOT NULL)),
  CHECK (record IS NULL OR json_valid(record))
) STRICT;
CREATE INDEX trajectory_by_bsn ON trajectory (bsn, municipality, id);
CREATE INDEX trajectory_by_municipality ON trajectory (municipality, id);
CREATE INDEX trajectory_by_caseworker ON trajectory (municipality, caseworker, id);
CREATE INDEX trajectory_by_state ON trajectory (municipality, state, route, id);
CREATE INDEX trajectory_by_route ON trajectory (municipality, route, id);
CREATE INDEX trajectory_by_term_end ON trajectory (municipality, term_end, id);
CREATE INDEX trajectory_by_closed_on ON trajectory (municipality, closed_on);

CREATE TABLE trajectory_health (
  trajectory_id INTEGER PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
  topic         TEXT NOT NULL CHECK (json_valid(topic))
) STRICT;

CREATE TABLE audit_log (
  sequence           INTEGER PRIMARY KEY AUTOINCREMENT,
  at                 TEXT NOT NULL,
  user_id            TEXT NOT NULL,
  role               TEXT NOT NULL,
  actor_municipality TEXT NOT NULL,
  on_behalf_of       TEXT,
  arrangement        TEXT NOT NULL DEFAULT '',
  action             TEXT NOT NULL,
  trajectory_id      INTEGER,
  changes            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes)),
  note               TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_by_trajectory ON audit_log (trajectory_id, sequence);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

// Version 2: the deadlines of every trajectory, for worklists across a caseload. Existing
// trajectories get theirs computed from their records.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE trajectory_signal (
  trajectory_id INTEGER NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  municipality  TEXT NOT NULL,
  caseworker    TEXT NOT NULL,
  kind          TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  detail        TEXT NOT NULL,
  PRIMARY KEY (trajectory_id, seq)
) STRICT;
CREATE INDEX signal_by_due ON trajectory_signal (municipality, due_on, trajectory_id, seq);
CREATE INDEX signal_by_caseworker ON trajectory_signal
  (municipality, caseworker, due_on, trajectory_id, seq);
)sql";

// Version 3: each trajectory runs under the policy stored with it (kept once in `policy`,
// immutable); the end of its retention period (Bi 9.9) is a column; the main record keeps a
// placeholder of the health topic; trajectory ids can be reserved.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE policy (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL UNIQUE CHECK (json_valid(body))
) STRICT;
CREATE TRIGGER policy_no_update BEFORE UPDATE ON policy
BEGIN SELECT RAISE(ABORT, 'a stored policy is never changed'); END;
CREATE TRIGGER policy_no_delete BEFORE DELETE ON policy
BEGIN SELECT RAISE(ABORT, 'a stored policy is never deleted'); END;
ALTER TABLE trajectory ADD COLUMN policy_id INTEGER REFERENCES policy (id);
ALTER TABLE trajectory ADD COLUMN retain_until TEXT;
CREATE INDEX trajectory_by_retain_until ON trajectory (municipality, retain_until)
  WHERE purged_on IS NULL;
CREATE TABLE id_counter (
  name TEXT PRIMARY KEY,
  last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;
INSERT INTO id_counter (name, last) VALUES ('trajectory', 0);
)sql";

std::string saved_on(const std::string& updated_at) { return updated_at.substr(0, 10); }

// Records of format 1 (library 0.1) did not carry their policy: the store applied its own.
// A record of format 1 gets the policy of its municipality that 0.1 ran under, and keeps that
// policy's numbers where format 2 keeps them with an act.
TrajectoryRecord decode_legacy(const std::string& text, const std::string& what,
                               const LegacyPolicyFor& legacy_policy_for) {
  const int format = record_format(text, what);
  if (format >= 2) {
    // Written by 0.2 or later (an interrupted upgrade, or a newer row): it carries its policy.
    return decode_record(text, what);
  }
  // The municipality decides the policy; decode once to learn it (the policy is not read).
  const Policy legal_defaults;
  const MunicipalityCode municipality = decode_record(text, what, &legal_defaults).municipality;
  const Policy& policy = legacy_policy_for(municipality);
  TrajectoryRecord record = decode_record(text, what, &policy);
  for (auto& version : record.plan_versions) version.norms = PlanNorms::of(policy);
  if (record.term) {
    record.term->max_interruption_days = policy.max_interruption_days;
    record.term->extension_request_window_months = policy.extension_request_window_months;
    record.term->route_switch_window_months = policy.route_switch_window_months;
  }
  if (auto& test = record.intake.learnability_test) {
    test->max_score = policy.learnability_max_score;
    test->pass_mark = policy.learnability_pass_mark;
  }
  return record;
}

// Checks a migrated record against the model; a failure stops the migration, naming the
// trajectory, the field and the rule (never the value).
Trajectory checked(TrajectoryRecord record, const std::string& what) {
  try {
    return Trajectory::from_record(std::move(record));
  } catch (const ValidationError& e) {
    throw StorageError(
        "stored " + what + " breaks a rule of the model: " + e.field() + " " + e.rule(),
        ErrorCode::kCorruptData);
  }
}

// Writes the stored deadlines of every live row again: `sql` selects id, record text, updated_at
// (and whatever `decode` needs), `decode` turns a row into its record.
template <class Decode>
void rewrite_deadlines(SQLite::Database& db, const char* sql, Decode decode) {
  SQLite::Statement rows(db, sql);
  while (rows.executeStep()) {
    const TrajectoryId id(rows.getColumn(0).getInt64());
    const std::string what = "trajectory " + to_string(id);
    const Trajectory trajectory = checked(decode(rows, what), what);
    write_deadlines(db, trajectory,
                    parse_date(saved_on(rows.getColumn(2).getString()), "updated_at"));
  }
}

void backfill_deadlines(SQLite::Database& db, const LegacyPolicyFor& legacy_policy_for) {
  rewrite_deadlines(db, "SELECT id, record, updated_at FROM trajectory WHERE record IS NOT NULL",
                    [&](SQLite::Statement& row, const std::string& what) {
                      return decode_legacy(row.getColumn(1).getString(), what, legacy_policy_for);
                    });
}

// Rewrites every record of format 1 as format 2 (README, "Deliberate interpretations"): its
// policy into `policy`, its health topic's placeholder into the record, its end of retention.
void migrate_to_format_2(SQLite::Database& db, const LegacyPolicyFor& legacy_policy_for) {
  SQLite::Statement rows(db, "SELECT id, record FROM trajectory WHERE record IS NOT NULL");
  SQLite::Statement update(
      db, "UPDATE trajectory SET record = ?2, policy_id = ?3, retain_until = ?4 WHERE id = ?1");
  while (rows.executeStep()) {
    const TrajectoryId id(rows.getColumn(0).getInt64());
    const std::string what = "trajectory " + to_string(id);
    TrajectoryRecord record = decode_legacy(rows.getColumn(1).getString(), what, legacy_policy_for);
    SQLite::Statement health(db, "SELECT topic FROM trajectory_health WHERE trajectory_id = ?1");
    health.bind(1, id.value());
    if (health.executeStep()) {
      const TopicRecord topic =
          decode_topic(health.getColumn(0).getString(), "health topic of " + what, true);
      health.reset();
      write_health(db, id, topic);
      record.intake.topics[IntakeTopic::kHealth] = topic;
    }
    const Trajectory trajectory = checked(record, what);
    update.reset();
    update.bind(1, id.value());
    update.bind(2, stored_record_text(record));
    update.bind(3, intern_policy(db, record.policy));
    if (const auto until = retain_until(record)) {
      update.bind(4, *until);
    } else {
      update.bind(4);
    }
    update.exec();
  }
}

// Computes the stored deadlines again for every record stored with its policy (schema 3 on),
// under the rules of this library.
void recompute_deadlines(SQLite::Database& db, const LegacyPolicyFor&) {
  rewrite_deadlines(db,
                    "SELECT t.id, t.record, t.updated_at, p.body FROM trajectory t "
                    "JOIN policy p ON p.id = t.policy_id WHERE t.record IS NOT NULL",
                    [](SQLite::Statement& row, const std::string& what) {
                      const Policy policy =
                          decode_policy(row.getColumn(3).getString(), "policy of " + what);
                      return decode_record(row.getColumn(1).getString(), what, &policy);
                    });
}

struct Migration {
  int version;
  const char* sql;
  void (*code)(SQLite::Database&, const LegacyPolicyFor&);
};

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, kVersion1, nullptr},
      {2, kVersion2, &backfill_deadlines},
      {3, kVersion3, &migrate_to_format_2},
      // 0.3 (issue 7) changed how deadlines follow from a record (the PIP deadline of Bi 5.3.1-3,
      // the extension decision of Bi 4.5.1): the stored worklist is computed again.
      {4, "-- deadlines recomputed in C++", &recompute_deadlines},
  };
  return all;
}

int read_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

int latest_schema_version() noexcept { return 4; }

int check_schema(SQLite::Database& db) {
  int version = 0;
  int tables = 0;
  try {
    version = read_version(db);
    tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  } catch (const SQLite::Exception& e) {
    throw StorageError(std::string("the file is not an inburgering database (") + e.what() + ")",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (version > latest_schema_version()) {
    throw StorageError("the database has schema version " + std::to_string(version) +
                           ", newer than this library's " +
                           std::to_string(latest_schema_version()) +
                           "; use a newer library (the file was left untouched)",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (version == 0 && tables > 0) {
    throw StorageError("the file is another application's SQLite database (" +
                           std::to_string(tables) +
                           " objects, no inburgering schema version); it was left untouched",
                       ErrorCode::kIncompatibleDatabase);
  }
  return version;
}

void migrate(SQLite::Database& db, int target, const LegacyPolicyFor& legacy_policy_for) {
  int version = check_schema(db);
  for (const Migration& migration : migrations()) {
    if (migration.version <= version || migration.version > target) continue;
    try {
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      // Another process may have migrated while this one waited for the lock.
      if (read_version(db) >= migration.version) continue;
      db.exec(migration.sql);
      if (migration.code != nullptr) migration.code(db, legacy_policy_for);
      db.exec("PRAGMA user_version = " + std::to_string(migration.version));
      transaction.commit();
    } catch (const SQLite::Exception& e) {
      throw StorageError("migration to schema version " + std::to_string(migration.version) +
                         " failed and was rolled back: " + e.what());
    } catch (const StorageError& e) {
      throw StorageError("migration to schema version " + std::to_string(migration.version) +
                             " failed and was rolled back: " + e.what(),
                         e.code());
    } catch (const ValidationError& e) {
      // Field and rule only: a stored value may be personal.
      throw StorageError("migration to schema version " + std::to_string(migration.version) +
                             " failed and was rolled back: a stored record breaks a rule of the "
                             "model: " +
                             e.field() + " " + e.rule(),
                         ErrorCode::kCorruptData);
    }
    version = migration.version;
  }
}

}  // namespace inburgering::storage::detail
