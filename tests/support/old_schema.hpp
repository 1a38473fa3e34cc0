#pragma once
// Turns a database this library made back into what library 0.3 wrote (schema 4, or 3 with
// `version`), for tests of the migrations that follow: no application_id, no hash chain, none of
// the list indexes of schema 5.

#include <SQLiteCpp/Database.h>

#include <string>

namespace inburgering::test {

inline void back_to_schema_4(SQLite::Database& raw, int version = 4) {
  raw.exec(
      "DROP TRIGGER audit_log_no_replace; DROP TRIGGER audit_log_needs_hash; "
      "ALTER TABLE audit_log DROP COLUMN hash; PRAGMA application_id = 0; "
      "DROP INDEX trajectory_by_state_id; DROP INDEX trajectory_by_caseworker_state; "
      "DROP INDEX trajectory_by_caseworker_route; "
      "DROP INDEX trajectory_by_caseworker_state_route");
  raw.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace inburgering::test
