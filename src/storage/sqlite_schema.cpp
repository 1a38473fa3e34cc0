#include "storage/sqlite_schema.hpp"
#include "storage/sqlite_connection.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "detail/iso_date.hpp"
#include "inburgering/error.hpp"
#include "storage/audit_chain.hpp"
#include "storage/record_codec.hpp"
#include "storage/sql_rows.hpp"

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

// Version 5: the file is marked as ours (PRAGMA application_id, set by the migration), and the
// audit trail is a hash chain (audit_chain.hpp): every entry carries its link, and no entry can
// be replaced (INSERT OR REPLACE deletes without firing the DELETE trigger).
constexpr const char* kVersion5 = R"sql(
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE sequence = NEW.sequence)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry is never replaced'); END;
CREATE TRIGGER audit_log_needs_hash BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'an audit entry carries its link in the hash chain'); END;
-- One index per filter combination of list(), each ending in id: a page seeks and stops after
-- `limit` rows whatever the size of the store (sqlite_queries.hpp).
CREATE INDEX trajectory_by_state_id ON trajectory (municipality, state, id);
CREATE INDEX trajectory_by_caseworker_state ON trajectory (municipality, caseworker, state, id);
CREATE INDEX trajectory_by_caseworker_route ON trajectory (municipality, caseworker, route, id);
CREATE INDEX trajectory_by_caseworker_state_route ON trajectory
  (municipality, caseworker, state, route, id);
)sql";

// Version 8 (0.7): the special-category values outside the health topic (a dispensation's
// ground and the college's advice, the learnability test's dispensation ground and reason; Wi
// 37.2; Bi 9.11), kept apart from the record like the health topic (special_values.hpp), and the
// ledger of imported transfer dossiers.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE IF NOT EXISTS trajectory_special (
  trajectory_id INTEGER PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
  body          TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
-- The transfer dossiers imported (Wi 35.4; import_transfer): one import of each dossier, and
-- of each trajectory of each sending municipality (a dossier sent again under a new id).
CREATE TABLE IF NOT EXISTS imported_dossier (
  dossier_id        TEXT PRIMARY KEY,
  trajectory_id     INTEGER NOT NULL REFERENCES trajectory (id),
  from_municipality TEXT NOT NULL,
  source_id         INTEGER NOT NULL,
  signer            TEXT NOT NULL,
  imported_at       TEXT NOT NULL,
  UNIQUE (from_municipality, source_id)
) STRICT;
)sql";

// Version 9 (0.8): the monitoring facts of every live trajectory (monitoring/indicators.hpp):
// what monitoring counts, without personal data, one row per trajectory, so that a report over
// a caseload is one aggregate over an index.
constexpr const char* kVersion9 = R"sql(
CREATE TABLE IF NOT EXISTS trajectory_fact (
  trajectory_id        INTEGER PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
  municipality         TEXT NOT NULL,
  cohort               INTEGER NOT NULL,
  target_group         TEXT NOT NULL,
  state                TEXT NOT NULL,
  route                TEXT,
    moved_in             INTEGER NOT NULL CHECK (moved_in IN (0, 1)),
  days_to_intake       INTEGER,
  has_plan             INTEGER NOT NULL CHECK (has_plan IN (0, 1)),
  first_plan_in_time   INTEGER CHECK (first_plan_in_time IN (0, 1)),
  interviews_due       INTEGER NOT NULL CHECK (interviews_due >= 0),
  interviews_held      INTEGER NOT NULL CHECK (interviews_held BETWEEN 0 AND interviews_due),
  unburdening_eligible INTEGER NOT NULL CHECK (unburdening_eligible IN (0, 1)),
  unburdened           INTEGER NOT NULL CHECK (unburdened IN (0, 1)),
  intake_fines         INTEGER NOT NULL CHECK (intake_fines >= 0),
  cooperation_fines    INTEGER NOT NULL CHECK (cooperation_fines >= 0),
  duo_pvt_map_fines    INTEGER NOT NULL CHECK (duo_pvt_map_fines >= 0),
  duo_route_fines      INTEGER NOT NULL CHECK (duo_route_fines >= 0),
  end_reason           TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS fact_by_cell
  ON trajectory_fact (municipality, cohort, target_group, days_to_intake);
)sql";

// Version 10 (0.9): programmes and pilots (programme/programme.hpp). A programme and the
// municipalities taking part (position 0 is the lead); a trajectory's enrolment, and the
// sessions, goals and outcomes recorded for it. Ids are never reused (AUTOINCREMENT): the audit
// trail names them. Goal texts are personal data; a purge or erasure removes a trajectory's
// rows here.
constexpr const char* kVersion10 = R"sql(
CREATE TABLE IF NOT EXISTS programme (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL,
  theme        TEXT NOT NULL,
  funder       TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  starts_on    TEXT NOT NULL,
  ends_on      TEXT NOT NULL CHECK (ends_on >= starts_on),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS programme_municipality (
  programme_id INTEGER NOT NULL REFERENCES programme (id),
  position     INTEGER NOT NULL CHECK (position >= 0),
  municipality TEXT NOT NULL,
  PRIMARY KEY (programme_id, municipality),
  UNIQUE (programme_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS programme_by_municipality
  ON programme_municipality (municipality, programme_id);
CREATE TABLE IF NOT EXISTS enrolment (
  programme_id  INTEGER NOT NULL REFERENCES programme (id),
  trajectory_id INTEGER NOT NULL REFERENCES trajectory (id),
  municipality  TEXT NOT NULL,
  enrolled_on   TEXT NOT NULL,
  left_on       TEXT CHECK (left_on IS NULL OR left_on >= enrolled_on),
  leave_reason  TEXT CHECK ((left_on IS NULL) = (leave_reason IS NULL)),
  PRIMARY KEY (programme_id, trajectory_id)
) STRICT;
CREATE INDEX IF NOT EXISTS enrolment_by_municipality
  ON enrolment (programme_id, municipality, trajectory_id);
CREATE INDEX IF NOT EXISTS enrolment_by_trajectory ON enrolment (trajectory_id);
CREATE TABLE IF NOT EXISTS programme_activity (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  programme_id  INTEGER NOT NULL,
  trajectory_id INTEGER NOT NULL,
  held_on       TEXT NOT NULL,
  kind          TEXT NOT NULL,
  mode          TEXT NOT NULL,
  topic         TEXT NOT NULL,
  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  attendance    TEXT NOT NULL,
  FOREIGN KEY (programme_id, trajectory_id) REFERENCES enrolment (programme_id, trajectory_id)
) STRICT;
CREATE INDEX IF NOT EXISTS activity_by_enrolment
  ON programme_activity (programme_id, trajectory_id, held_on);
CREATE TABLE IF NOT EXISTS programme_goal (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  programme_id  INTEGER NOT NULL,
  trajectory_id INTEGER NOT NULL,
  text          TEXT NOT NULL,
  set_on        TEXT NOT NULL,
  achieved_on   TEXT CHECK (achieved_on IS NULL OR achieved_on >= set_on),
  FOREIGN KEY (programme_id, trajectory_id) REFERENCES enrolment (programme_id, trajectory_id)
) STRICT;
CREATE INDEX IF NOT EXISTS goal_by_enrolment ON programme_goal (programme_id, trajectory_id);
CREATE TABLE IF NOT EXISTS programme_outcome (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  programme_id  INTEGER NOT NULL,
  trajectory_id INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  reached_on    TEXT NOT NULL,
  contract      TEXT CHECK ((kind = 'job') = (contract IS NOT NULL)),
  FOREIGN KEY (programme_id, trajectory_id) REFERENCES enrolment (programme_id, trajectory_id)
) STRICT;
CREATE INDEX IF NOT EXISTS outcome_by_enrolment
  ON programme_outcome (programme_id, trajectory_id, kind);
)sql";

// The day a row was last saved, from its `updated_at` ("YYYY-MM-DDTHH:MM:SSZ", read strictly).
Date saved_on(const std::string& updated_at, const std::string& what) {
  const auto at = ::inburgering::detail::parse_iso_timestamp(updated_at);
  if (!at)
    throw StorageError("stored " + what + " is damaged at updated_at", ErrorCode::kCorruptData);
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(*at)};
  return Date(static_cast<unsigned short>(static_cast<int>(day.year())),
              static_cast<unsigned short>(static_cast<unsigned>(day.month())),
              static_cast<unsigned short>(static_cast<unsigned>(day.day())));
}

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

// Writes the stored deadlines of every live row again: `sql` selects id, record text, updated_at
// (and whatever `decode` needs), `decode` turns a row into its record.
template <class Decode>
void rewrite_deadlines(SQLite::Database& db, const char* sql, Decode decode) {
  SqliteConnection connection(db);
  StatementCache statements(connection);
  SQLite::Statement rows(db, sql);
  while (rows.executeStep()) {
    const TrajectoryId id(rows.getColumn(0).getInt64());
    const std::string what = "trajectory " + to_string(id);
    const Trajectory trajectory = checked(decode(rows, what), what);
    write_deadlines(statements, trajectory, saved_on(rows.getColumn(2).getString(), what));
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
  SqliteConnection connection(db);
  StatementCache statements(connection);
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
      write_health(statements, id, topic);
      record.intake.topics[IntakeTopic::kHealth] = topic;
    }
    const Trajectory trajectory = checked(record, what);
    update.reset();
    update.bind(1, id.value());
    // The special values stay in the record: `trajectory_special` comes with version 8, whose
    // migration moves them there.
    update.bind(2, stored_record_text(record, kRecordFormat, true));
    update.bind(3, intern_policy(statements, record.policy));
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

// 0.6 (issue 7) counts the new term a DUO fine sets as the term in force (Wi 24.2-3, 25.2; Bi
// 4.1), and applies extensions and interruptions in the order of their dates (each extension
// from the end as it then stood): the stored end of the term and the deadlines of every row with
// a term are computed again, as known when the row was saved. The records themselves are not
// rewritten, and rows without a term are unchanged.
void recompute_after_duo_fines(SQLite::Database& db, const LegacyPolicyFor&) {
  SQLite::Statement term_end(db, "UPDATE trajectory SET term_end = ?2 WHERE id = ?1");
  rewrite_deadlines(
      db,
      "SELECT t.id, t.record, t.updated_at, p.body FROM trajectory t "
      "JOIN policy p ON p.id = t.policy_id WHERE t.record IS NOT NULL "
      "AND json_extract(t.record, '$.term') IS NOT NULL",
      [&](SQLite::Statement& row, const std::string& what) {
        const Policy policy = decode_policy(row.getColumn(3).getString(), "policy of " + what);
        TrajectoryRecord record = decode_record(row.getColumn(1).getString(), what, &policy);
        term_end.reset();
        term_end.bind(1, row.getColumn(0).getInt64());
        if (record.state == TrajectoryState::kRoute && record.term) {
          const Date saved = saved_on(row.getColumn(2).getString(), what);
          term_end.bind(2, to_iso(record.term->end_date(saved, record.duo_fines)));
        } else {
          term_end.bind(2);
        }
        term_end.exec();
        return record;
      });
}

// Moves the special-category values outside the health topic that 0.6 kept in the record into
// `trajectory_special`, leaving placeholders in the record (rewritten in the current format).
void keep_special_values_apart(SQLite::Database& db) {
  SqliteConnection connection(db);
  StatementCache statements(connection);
  SQLite::Statement rows(db,
                         "SELECT t.id, t.record, p.body FROM trajectory t "
                         "JOIN policy p ON p.id = t.policy_id WHERE t.record IS NOT NULL");
  SQLite::Statement update(db, "UPDATE trajectory SET record = ?2 WHERE id = ?1");
  while (rows.executeStep()) {
    const TrajectoryId id(rows.getColumn(0).getInt64());
    const std::string what = "trajectory " + to_string(id);
    const Policy policy = decode_policy(rows.getColumn(2).getString(), "policy of " + what);
    TrajectoryRecord record = decode_record(rows.getColumn(1).getString(), what, &policy);
    if (!holds_special_values(record)) continue;
    write_special(statements, id, take_special_values(record));
    update.reset();
    update.bind(1, id.value());
    update.bind(2, stored_record_text(record));
    update.exec();
  }
}

// 0.7 (issue 7) keeps those values apart, and adds the social guidance and the course offer
// (Wi 13.3, 16.1) to the deadlines: the deadlines of every live row are computed again.
void migrate_to_schema_8(SQLite::Database& db, const LegacyPolicyFor& legacy) {
  keep_special_values_apart(db);
  recompute_deadlines(db, legacy);
}

// Writes the monitoring facts of every live row, as known when it was saved.
void backfill_facts(SQLite::Database& db, const LegacyPolicyFor&) {
  SqliteConnection connection(db);
  StatementCache statements(connection);
  SQLite::Statement rows(db,
                         "SELECT t.id, t.record, t.updated_at, p.body FROM trajectory t "
                         "JOIN policy p ON p.id = t.policy_id WHERE t.record IS NOT NULL");
  while (rows.executeStep()) {
    const TrajectoryId id(rows.getColumn(0).getInt64());
    const std::string what = "trajectory " + to_string(id);
    const Policy policy = decode_policy(rows.getColumn(3).getString(), "policy of " + what);
    const Trajectory trajectory =
        checked(decode_record(rows.getColumn(1).getString(), what, &policy), what);
    write_facts(statements, trajectory, saved_on(rows.getColumn(2).getString(), what));
  }
}

// Links the entries written before version 5 into the chain, oldest first. The append-only
// trigger is lifted for this one transaction and put back as it was.
void chain_audit_trail(SQLite::Database& db, const LegacyPolicyFor&) {
  db.exec("DROP TRIGGER audit_log_no_update");
  SqliteConnection connection(db);
  Statement rows(connection, std::string("SELECT sequence, ") + kAuditChainColumns +
                                 " FROM audit_log ORDER BY sequence");
  SQLite::Statement update(db, "UPDATE audit_log SET hash = ?2 WHERE sequence = ?1");
  std::string previous;
  while (rows.executeStep()) {
    previous = audit_hash(previous, audit_content(rows, 1));
    update.reset();
    update.bind(1, rows.getColumn(0).getInt64());
    update.bind(2, previous);
    update.exec();
  }
  db.exec(R"sql(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;)sql");
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
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
      {5, kVersion5, &chain_audit_trail},
      // 0.5 writes records in format 4, which 0.4 cannot read: the version number makes 0.4
      // refuse the whole file at open instead of failing on each row 0.5 has saved. Older rows
      // stay as they are until their next save.
      {6, "-- record format 4 from here on", nullptr},
      // 0.6 writes records in format 5 and ends the term with DUO's new terms.
      {7, "-- term ends and deadlines recomputed in C++", &recompute_after_duo_fines},
      // 0.7 writes records in format 6 and keeps the special-category values outside the
      // health topic apart (Bi 9.11); 0.6 refuses the file.
      {8, kVersion8, &migrate_to_schema_8},
      {9, kVersion9, &backfill_facts},
      {10, kVersion10, nullptr},
  };
  return all;
}

int read_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

int latest_schema_version() noexcept { return 10; }

StorageError sqlite_error(const SQLite::Exception& e, const std::string& what) {
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_NOTADB:
      return StorageError(what + ": the file is not a SQLite database; it was left untouched",
                          ErrorCode::kIncompatibleDatabase);
    case SQLITE_CORRUPT:
      return StorageError(what + ": the database file is damaged (" + e.what() + ")",
                          ErrorCode::kCorruptData);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StorageError(
          what + ": the database is locked by another connection (" + e.what() + ")",
          ErrorCode::kStorageBusy);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return StorageError(what +
                              ": the file or its directory cannot be opened for this use "
                              "(permissions, or a missing directory: " +
                              e.what() + ")",
                          ErrorCode::kStorageFailure);
    default:
      return StorageError(what + ": " + e.what());
  }
}

namespace {

// The tables (and one telling column of each) a version of the schema has.
struct RequiredTable {
  int since;
  const char* table;
  const char* column;
};
constexpr RequiredTable kRequiredTables[] = {
    {1, "trajectory", "record"},
    {1, "trajectory_health", "topic"},
    {1, "audit_log", "changes"},
    {2, "trajectory_signal", "due_on"},
    {3, "policy", "body"},
    {3, "id_counter", "last"},
    {5, "audit_log", "hash"},
    {8, "trajectory_special", "body"},
    {8, "imported_dossier", "dossier_id"},
    {9, "trajectory_fact", "cohort"},
    {10, "programme", "theme"},
    {10, "enrolment", "enrolled_on"},
    {10, "programme_activity", "attendance"},
    {10, "programme_goal", "text"},
    {10, "programme_outcome", "contract"},
};

}  // namespace

int check_schema(SQLite::Database& db) {
  int version = 0;
  std::int64_t application = 0;
  int objects = 0;
  try {
    version = read_version(db);
    application = db.execAndGet("PRAGMA application_id").getInt64();
    objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  } catch (const SQLite::Exception& e) {
    throw sqlite_error(e, "reading the schema");
  }
  if (application != 0 && application != kApplicationId) {
    throw StorageError("the file is another application's SQLite database (application_id " +
                           std::to_string(application) + "); it was left untouched",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (version > latest_schema_version()) {
    throw StorageError("the database has schema version " + std::to_string(version) +
                           ", newer than this library's " +
                           std::to_string(latest_schema_version()) +
                           "; use a newer library (the file was left untouched)",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (version == 0 && objects > 0) {
    throw StorageError("the file is another application's SQLite database (" +
                           std::to_string(objects) +
                           " objects, no inburgering schema version); it was left untouched",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (version >= 5 && application != kApplicationId) {
    throw StorageError("the file has schema version " + std::to_string(version) +
                           " but is not marked as an inburgering database (application_id " +
                           std::to_string(application) +
                           "): another application's file; it was left untouched",
                       ErrorCode::kIncompatibleDatabase);
  }
  for (const RequiredTable& required : kRequiredTables) {
    if (required.since > version) continue;
    bool present = false;
    try {
      SQLite::Statement query(db, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
      query.bind(1, required.table);
      query.bind(2, required.column);
      present = query.executeStep() && query.getColumn(0).getInt() == 1;
    } catch (const SQLite::Exception& e) {
      throw sqlite_error(e, "reading the schema");
    }
    if (!present) {
      throw StorageError("the file is another application's SQLite database (schema version " +
                             std::to_string(version) + " without the column " + required.table +
                             "." + required.column + " of inburgering); it was left untouched",
                         ErrorCode::kIncompatibleDatabase);
    }
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
    } catch (const DbError& e) {
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
