#include "storage/sqlite_schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>
#include <vector>

#include "inburgering/error.hpp"
#include "storage/record_json.hpp"

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

void backfill_deadlines(SQLite::Database& db, const PolicyFor& policy_for) {
  SQLite::Statement rows(db, "SELECT record, updated_at FROM trajectory WHERE record IS NOT NULL");
  while (rows.executeStep()) {
    const TrajectoryRecord record = decode_record(json::parse(rows.getColumn(0).getString()));
    const Date saved_on = parse_date(rows.getColumn(1).getString().substr(0, 10), "updated_at");
    const Trajectory trajectory = Trajectory::from_record(record, policy_for(record.municipality));
    write_deadlines(db, trajectory, saved_on);
  }
}

struct Migration {
  int version;
  const char* sql;
  void (*code)(SQLite::Database&, const PolicyFor&);
};

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, kVersion1, nullptr},
      {2, kVersion2, &backfill_deadlines},
  };
  return all;
}

int read_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

int latest_schema_version() noexcept { return 2; }

int check_schema(SQLite::Database& db) {
  int version = 0;
  int tables = 0;
  try {
    version = read_version(db);
    tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  } catch (const SQLite::Exception& e) {
    throw StorageError(std::string("the file is not an inburgering database (") + e.what() + ")");
  }
  if (version > latest_schema_version()) {
    throw StorageError("the database has schema version " + std::to_string(version) +
                       ", newer than this library's " + std::to_string(latest_schema_version()) +
                       "; use a newer library (the file was left untouched)");
  }
  if (version == 0 && tables > 0) {
    throw StorageError("the file is another application's SQLite database (" +
                       std::to_string(tables) +
                       " objects, no inburgering schema version); it was left untouched");
  }
  return version;
}

void migrate(SQLite::Database& db, int target, const PolicyFor& policy_for) {
  int version = check_schema(db);
  for (const Migration& migration : migrations()) {
    if (migration.version <= version || migration.version > target) continue;
    try {
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      // Another process may have migrated while this one waited for the lock.
      if (read_version(db) >= migration.version) continue;
      db.exec(migration.sql);
      if (migration.code != nullptr) migration.code(db, policy_for);
      db.exec("PRAGMA user_version = " + std::to_string(migration.version));
      transaction.commit();
    } catch (const SQLite::Exception& e) {
      throw StorageError("migration to schema version " + std::to_string(migration.version) +
                         " failed and was rolled back: " + e.what());
    }
    version = migration.version;
  }
}

void write_deadlines(SQLite::Database& db, const Trajectory& trajectory, Date as_of) {
  SQLite::Statement remove(db, "DELETE FROM trajectory_signal WHERE trajectory_id = ?1");
  remove.bind(1, trajectory.id().value());
  remove.exec();
  SQLite::Statement insert(db,
                           "INSERT INTO trajectory_signal (trajectory_id, seq, municipality, "
                           "caseworker, kind, due_on, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  int seq = 0;
  for (const Signal& signal : trajectory.deadlines(as_of)) {
    insert.reset();
    insert.bind(1, trajectory.id().value());
    insert.bind(2, seq++);
    insert.bind(3, trajectory.record().municipality.to_string());
    insert.bind(4, trajectory.record().caseworker.value());
    insert.bind(5, std::string(to_string(signal.kind)));
    insert.bind(6, to_iso(signal.due_on));
    insert.bind(7, signal.detail);
    insert.exec();
  }
}

}  // namespace inburgering::storage::detail
