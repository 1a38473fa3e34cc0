#include "storage/pg_schema.hpp"

#include <pqxx/except>
#include <pqxx/transaction>

#include <string>
#include <vector>

#include "inburgering/error.hpp"
#include "storage/pg_connection.hpp"

namespace inburgering::storage::detail {

namespace {

// Version 1: what SQLite's schema 10 holds, in the same tables and columns, so that both run the
// same SQL. Dates are ISO text (as in SQLite; `ctext` sorts them byte-wise, whatever the
// database's collation). Ids are identities, never reused.
constexpr const char* kVersion1 = R"sql(
CREATE DOMAIN ctext AS text COLLATE "C";

CREATE TABLE policy (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body text NOT NULL
);
CREATE UNIQUE INDEX policy_by_body ON policy (md5(body));

CREATE TABLE trajectory (
  id           bigint PRIMARY KEY CHECK (id > 0),
  municipality ctext NOT NULL,
  caseworker   ctext NOT NULL,
  revision     bigint NOT NULL CHECK (revision >= 1),
  state        ctext NOT NULL,
  route        ctext,
  target_group ctext NOT NULL,
  bsn          ctext,
  term_start   ctext,
  term_end     ctext,
  closed_on    ctext,
  record       text,
  purged_on    ctext,
  created_at   ctext NOT NULL,
  updated_at   ctext NOT NULL,
  policy_id    bigint REFERENCES policy (id),
  retain_until ctext,
  CHECK ((record IS NULL) = (purged_on IS NOT NULL))
);
CREATE INDEX trajectory_by_bsn ON trajectory (bsn, municipality, id);
CREATE INDEX trajectory_by_municipality ON trajectory (municipality, id);
CREATE INDEX trajectory_by_caseworker ON trajectory (municipality, caseworker, id);
CREATE INDEX trajectory_by_state ON trajectory (municipality, state, route, id);
CREATE INDEX trajectory_by_state_id ON trajectory (municipality, state, id);
CREATE INDEX trajectory_by_route ON trajectory (municipality, route, id);
CREATE INDEX trajectory_by_caseworker_state ON trajectory (municipality, caseworker, state, id);
CREATE INDEX trajectory_by_caseworker_route ON trajectory (municipality, caseworker, route, id);
CREATE INDEX trajectory_by_caseworker_state_route ON trajectory
  (municipality, caseworker, state, route, id);
CREATE INDEX trajectory_by_term_end ON trajectory (municipality, term_end, id);
CREATE INDEX trajectory_by_closed_on ON trajectory (municipality, closed_on);
CREATE INDEX trajectory_by_retain_until ON trajectory (municipality, retain_until)
  WHERE purged_on IS NULL;

CREATE TABLE trajectory_health (
  trajectory_id bigint PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
  topic         text NOT NULL
);
CREATE TABLE trajectory_special (
  trajectory_id bigint PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
  body          text NOT NULL
);
CREATE TABLE trajectory_signal (
  trajectory_id bigint NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
  seq           bigint NOT NULL,
  municipality  ctext NOT NULL,
  caseworker    ctext NOT NULL,
  kind          ctext NOT NULL,
  due_on        ctext NOT NULL,
  detail        text NOT NULL,
  PRIMARY KEY (trajectory_id, seq)
);
CREATE INDEX signal_by_due ON trajectory_signal (municipality, due_on, trajectory_id, seq);
CREATE INDEX signal_by_caseworker ON trajectory_signal
  (municipality, caseworker, due_on, trajectory_id, seq);

CREATE TABLE trajectory_fact (
  trajectory_id        bigint PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
  municipality         ctext NOT NULL,
  cohort               bigint NOT NULL,
  target_group         ctext NOT NULL,
  state                ctext NOT NULL,
  route                ctext,
  moved_in             bigint NOT NULL CHECK (moved_in IN (0, 1)),
  days_to_intake       bigint,
  has_plan             bigint NOT NULL CHECK (has_plan IN (0, 1)),
  first_plan_in_time   bigint CHECK (first_plan_in_time IN (0, 1)),
  interviews_due       bigint NOT NULL CHECK (interviews_due >= 0),
  interviews_held      bigint NOT NULL CHECK (interviews_held BETWEEN 0 AND interviews_due),
  unburdening_eligible bigint NOT NULL CHECK (unburdening_eligible IN (0, 1)),
  unburdened           bigint NOT NULL CHECK (unburdened IN (0, 1)),
  intake_fines         bigint NOT NULL CHECK (intake_fines >= 0),
  cooperation_fines    bigint NOT NULL CHECK (cooperation_fines >= 0),
  duo_pvt_map_fines    bigint NOT NULL CHECK (duo_pvt_map_fines >= 0),
  duo_route_fines      bigint NOT NULL CHECK (duo_route_fines >= 0),
  end_reason           ctext
);
CREATE INDEX fact_by_cell ON trajectory_fact (municipality, cohort, target_group, days_to_intake);

CREATE TABLE id_counter (
  name ctext PRIMARY KEY,
  last bigint NOT NULL CHECK (last >= 0)
);
INSERT INTO id_counter (name, last) VALUES ('trajectory', 0);

CREATE TABLE imported_dossier (
  dossier_id        ctext PRIMARY KEY,
  trajectory_id     bigint NOT NULL REFERENCES trajectory (id),
  from_municipality ctext NOT NULL,
  source_id         bigint NOT NULL,
  signer            text NOT NULL,
  imported_at       ctext NOT NULL,
  UNIQUE (from_municipality, source_id)
);

CREATE TABLE audit_log (
  sequence           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                 ctext NOT NULL,
  user_id            text NOT NULL,
  role               text NOT NULL,
  actor_municipality ctext NOT NULL,
  on_behalf_of       ctext,
  arrangement        text NOT NULL DEFAULT '',
  action             text NOT NULL,
  trajectory_id      bigint,
  changes            text NOT NULL DEFAULT '[]',
  note               text NOT NULL DEFAULT '',
  hash               text NOT NULL
);
CREATE INDEX audit_by_trajectory ON audit_log (trajectory_id, sequence);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE FUNCTION policy_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'a stored policy is never changed or deleted'; END $$;
CREATE TRIGGER policy_no_change BEFORE UPDATE OR DELETE ON policy
  FOR EACH ROW EXECUTE FUNCTION policy_immutable();

CREATE TABLE programme (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL,
  theme        ctext NOT NULL,
  funder       text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  starts_on    ctext NOT NULL,
  ends_on      ctext NOT NULL CHECK (ends_on >= starts_on),
  revision     bigint NOT NULL CHECK (revision >= 1),
  created_at   ctext NOT NULL,
  updated_at   ctext NOT NULL
);
CREATE TABLE programme_municipality (
  programme_id bigint NOT NULL REFERENCES programme (id),
  position     bigint NOT NULL CHECK (position >= 0),
  municipality ctext NOT NULL,
  PRIMARY KEY (programme_id, municipality),
  UNIQUE (programme_id, position)
);
CREATE INDEX programme_by_municipality ON programme_municipality (municipality, programme_id);
CREATE TABLE enrolment (
  programme_id  bigint NOT NULL REFERENCES programme (id),
  trajectory_id bigint NOT NULL REFERENCES trajectory (id),
  municipality  ctext NOT NULL,
  enrolled_on   ctext NOT NULL,
  left_on       ctext CHECK (left_on IS NULL OR left_on >= enrolled_on),
  leave_reason  ctext CHECK ((left_on IS NULL) = (leave_reason IS NULL)),
  PRIMARY KEY (programme_id, trajectory_id)
);
CREATE INDEX enrolment_by_municipality ON enrolment (programme_id, municipality, trajectory_id);
CREATE INDEX enrolment_by_trajectory ON enrolment (trajectory_id);
CREATE TABLE programme_activity (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id  bigint NOT NULL,
  trajectory_id bigint NOT NULL,
  held_on       ctext NOT NULL,
  kind          ctext NOT NULL,
  mode          ctext NOT NULL,
  topic         ctext NOT NULL,
  minutes       bigint NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  attendance    ctext NOT NULL,
  FOREIGN KEY (programme_id, trajectory_id) REFERENCES enrolment (programme_id, trajectory_id)
);
CREATE INDEX activity_by_enrolment ON programme_activity (programme_id, trajectory_id, held_on);
CREATE TABLE programme_goal (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id  bigint NOT NULL,
  trajectory_id bigint NOT NULL,
  text          text NOT NULL,
  set_on        ctext NOT NULL,
  achieved_on   ctext CHECK (achieved_on IS NULL OR achieved_on >= set_on),
  FOREIGN KEY (programme_id, trajectory_id) REFERENCES enrolment (programme_id, trajectory_id)
);
CREATE INDEX goal_by_enrolment ON programme_goal (programme_id, trajectory_id);
CREATE TABLE programme_outcome (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id  bigint NOT NULL,
  trajectory_id bigint NOT NULL,
  kind          ctext NOT NULL,
  reached_on    ctext NOT NULL,
  contract      ctext CHECK ((kind = 'job') = (contract IS NOT NULL)),
  FOREIGN KEY (programme_id, trajectory_id) REFERENCES enrolment (programme_id, trajectory_id)
);
CREATE INDEX outcome_by_enrolment ON programme_outcome (programme_id, trajectory_id, kind);

-- What must see past row-level security, and returns no personal data: whose a trajectory is
-- (a refusal is refused and audited as such), the next free id, the audit trail's last link
-- and, for its verification, the chain; for amending a programme (its lead only), how many
-- enrolments each municipality has in it and the first and last day recorded in it by any.
CREATE FUNCTION trajectory_owner(p_id bigint) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ SELECT municipality FROM trajectory WHERE id = p_id $$;
CREATE FUNCTION next_trajectory_id() RETURNS bigint
  LANGUAGE sql SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ UPDATE id_counter SET last = greatest(last, (SELECT coalesce(max(id), 0) FROM trajectory))
          + 1 WHERE name = 'trajectory' RETURNING last $$;
CREATE FUNCTION audit_head() RETURNS TABLE (hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1 $$;
CREATE FUNCTION audit_chain() RETURNS SETOF audit_log
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ SELECT * FROM audit_log ORDER BY sequence $$;
-- Only for a writer of the programme's lead municipality (who alone may amend it), and a count
-- only for a municipality the caller may read.
CREATE FUNCTION programme_led_by_caller(p_programme bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM programme_municipality WHERE programme_id = p_programme
          AND position = 0 AND municipality = current_setting('inburgering.municipality', true)
          AND municipality = ANY (string_to_array(current_setting('inburgering.write', true),
                                                  ','))) $$;
CREATE FUNCTION programme_enrolments(p_programme bigint)
  RETURNS TABLE (owner text, enrolments bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ SELECT municipality,
               CASE WHEN municipality = ANY (string_to_array(
                      current_setting('inburgering.read', true), ',')) THEN count(*) END
        FROM enrolment WHERE programme_id = p_programme AND programme_led_by_caller(p_programme)
        GROUP BY municipality $$;
CREATE FUNCTION programme_days(p_programme bigint) RETURNS TABLE (first_day text, last_day text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @S@, pg_temp
  AS $$ SELECT min(d), max(d) FROM (
          SELECT enrolled_on AS d FROM enrolment WHERE programme_id = p_programme
          UNION ALL SELECT left_on FROM enrolment WHERE programme_id = p_programme
            AND left_on IS NOT NULL
          UNION ALL SELECT held_on FROM programme_activity WHERE programme_id = p_programme
          UNION ALL SELECT set_on FROM programme_goal WHERE programme_id = p_programme) AS days
        WHERE programme_led_by_caller(p_programme) $$;
-- Functions are executable by PUBLIC unless revoked: these only by the owner and the role below.
REVOKE ALL ON FUNCTION trajectory_owner(bigint), next_trajectory_id(), audit_head(),
  audit_chain(), programme_led_by_caller(bigint), programme_enrolments(bigint),
  programme_days(bigint) FROM PUBLIC;
)sql";

// Row-level security: a row is seen by a transaction whose `inburgering.read` lists its
// municipality and written by one whose `inburgering.write` does (both set by the store at the
// start of every transaction, transaction-local); without them nothing is seen.
std::string in_setting(const std::string& column, const char* setting) {
  return column + " = ANY (string_to_array(current_setting('inburgering." + setting +
         "', true), ','))";
}

std::string security(const std::string& table, const std::string& read, const std::string& write) {
  return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n" +  //
         "CREATE POLICY " + table + "_read ON " + table + " FOR SELECT USING (" + read + ");\n" +
         "CREATE POLICY " + table + "_insert ON " + table + " FOR INSERT WITH CHECK (" + write +
         ");\n" + "CREATE POLICY " + table + "_update ON " + table + " FOR UPDATE USING (" + write +
         ") WITH CHECK (" + write + ");\n" + "CREATE POLICY " + table + "_delete ON " + table +
         " FOR DELETE USING (" + write + ");\n";
}

std::string version1_security(const std::string& role) {
  std::string sql;
  for (const char* table : {"trajectory", "trajectory_signal", "trajectory_fact", "enrolment"}) {
    sql += security(table, in_setting("municipality", "read"), in_setting("municipality", "write"));
  }
  // Rows of a trajectory: as the trajectory (the subquery is under its row-level security too).
  const auto of_trajectory = [](const char* setting) {
    return "EXISTS (SELECT 1 FROM trajectory t WHERE t.id = trajectory_id AND " +
           in_setting("t.municipality", setting) + ")";
  };
  for (const char* table : {"trajectory_health", "trajectory_special", "programme_activity",
                            "programme_goal", "programme_outcome"}) {
    sql += security(table, of_trajectory("read"), of_trajectory("write"));
  }
  // The audit trail: read as the municipality it is about; written in the actor's own name.
  sql +=
      "ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;\n"
      "CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (" +
      in_setting("coalesce(on_behalf_of, actor_municipality)", "read") + ");\n" +
      "CREATE POLICY audit_log_insert ON audit_log FOR INSERT WITH CHECK (actor_municipality = "
      "current_setting('inburgering.municipality', true));\n";
  // The application role: what the store does, and no more (none: the connecting account).
  if (role.empty()) return sql;
  const std::string r = role;
  sql += "GRANT USAGE ON SCHEMA @S@ TO " + r + ";\n";
  sql +=
      "GRANT SELECT, INSERT, UPDATE, DELETE ON trajectory, trajectory_health, "
      "trajectory_special, trajectory_signal, trajectory_fact, enrolment, programme_activity, "
      "programme_goal, programme_outcome, programme_municipality TO " +
      r + ";\n";
  sql += "GRANT SELECT, INSERT, UPDATE ON programme TO " + r + ";\n";
  sql += "GRANT SELECT, INSERT ON policy, imported_dossier, audit_log TO " + r + ";\n";
  sql += "GRANT SELECT ON schema_version, id_counter TO " + r + ";\n";
  sql +=
      "GRANT EXECUTE ON FUNCTION trajectory_owner(bigint), next_trajectory_id(), audit_head(), "
      "audit_chain(), programme_led_by_caller(bigint), programme_enrolments(bigint), "
      "programme_days(bigint) TO " +
      r + ";\n";
  return sql;
}

struct Migration {
  int version;
  std::string (*sql)(const std::string& role);
};

std::string version1(const std::string& role) {
  return std::string(kVersion1) + version1_security(role);
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {{1, &version1}};
  return all;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

}  // namespace

int pg_latest_schema_version() noexcept { return 1; }

std::int64_t pg_write_lock(const std::string& schema) {
  // FNV-1a of the schema's name: stable across processes and versions.
  std::uint64_t hash = 1469598103934665603ull;
  for (const char c : "inburgering-write:" + schema) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(hash >> 1);
}

int pg_schema_version(pqxx::connection& connection, const std::string& schema) {
  try {
    pqxx::nontransaction read(connection);
    const pqxx::result exists = read.exec_params(
        "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = $1), "
        "(SELECT count(*) FROM pg_tables WHERE schemaname = $1), "
        "to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL",
        schema);
    if (exists[0][0].as<int>() == 0) return 0;
    if (!exists[0][2].as<bool>()) {
      if (exists[0][1].as<int>() == 0) return 0;  // an empty schema made for us
      throw StorageError("the schema '" + schema +
                             "' holds tables but no inburgering schema_version: another "
                             "application's; it was left untouched",
                         ErrorCode::kIncompatibleDatabase);
    }
    const pqxx::result version =
        read.exec("SELECT version FROM " + connection.quote_name(schema) + ".schema_version");
    if (version.size() != 1) {
      throw StorageError("the schema_version of '" + schema + "' has " +
                             std::to_string(version.size()) + " rows instead of one",
                         ErrorCode::kCorruptData);
    }
    return version[0][0].as<int>();
  } catch (const pqxx::failure& e) {
    throw StorageError("reading the schema version failed: " + std::string(pg_error(e).what()));
  }
}

void pg_migrate(pqxx::connection& connection, const std::string& schema,
                const std::string& app_role) {
  const std::string s = connection.quote_name(schema);
  const std::string role = app_role.empty() ? std::string() : connection.quote_name(app_role);
  for (const Migration& migration : migrations()) {
    try {
      pqxx::work work(connection);
      // One migration at a time in the database (the role below is shared by its schemas).
      work.exec("SELECT pg_advisory_xact_lock(" + std::to_string(pg_write_lock("") ^ 1) + ")");
      // Another process may have migrated while this one waited for the lock.
      work.exec("CREATE SCHEMA IF NOT EXISTS " + s);
      work.exec("SET LOCAL search_path TO " + s);
      const bool versioned =
          work.exec_params("SELECT to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL",
                           schema)[0][0]
              .as<bool>();
      int version = 0;
      if (versioned) version = work.exec("SELECT version FROM schema_version")[0][0].as<int>();
      if (version >= migration.version) continue;
      if (migration.version == 1) {
        work.exec("CREATE TABLE schema_version (version integer NOT NULL)");
        work.exec("INSERT INTO schema_version VALUES (0)");
      }
      if (migration.version == 1 && !app_role.empty()) {
        // Roles belong to the cluster: another database may be creating it at the same time.
        work.exec("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " +
                  work.quote(app_role) + ") THEN CREATE ROLE " + role +
                  " NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN "
                  "NULL; END $$");
      }
      work.exec(replace_all(migration.sql(role), "@S@", s));
      work.exec("UPDATE schema_version SET version = " + std::to_string(migration.version));
      work.commit();
    } catch (const pqxx::failure& e) {
      throw StorageError("migration of schema '" + schema + "' to version " +
                         std::to_string(migration.version) +
                         " failed and was rolled back: " + pg_error(e).what());
    }
  }
}

}  // namespace inburgering::storage::detail
