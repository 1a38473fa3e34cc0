#pragma once
// Private: the SQL of the SQLite store's queries. Kept here so that a test can check each
// one with EXPLAIN QUERY PLAN (no full table scans).

#include <array>
#include <string>

namespace inburgering::storage::detail::sql {

inline constexpr const char* kLoad =
    "SELECT municipality, revision, record, purged_on, policy_id FROM trajectory WHERE id = ?1";

inline constexpr const char* kLoadHealth =
    "SELECT topic FROM trajectory_health WHERE trajectory_id = ?1";

inline constexpr const char* kInsert =
    "INSERT INTO trajectory (id, municipality, caseworker, revision, state, route, target_group, "
    "bsn, term_start, term_end, closed_on, record, updated_at, policy_id, retain_until, "
    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?13)";

// ?16: the revision the change was based on.
inline constexpr const char* kUpdate =
    "UPDATE trajectory SET municipality = ?2, caseworker = ?3, revision = ?4, state = ?5, "
    "route = ?6, target_group = ?7, bsn = ?8, term_start = ?9, term_end = ?10, closed_on = ?11, "
    "record = ?12, updated_at = ?13, policy_id = ?14, retain_until = ?15 "
    "WHERE id = ?1 AND revision = ?16";

inline constexpr const char* kFindByBsn =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory WHERE bsn = ?1 ORDER BY municipality, id";

// ?1 municipality, ?2 caseworker, ?3 state, ?4 route (each bound only when filtered on), ?5 after
// id, ?6 limit. One text per combination of filters, each forced onto the index whose columns are
// exactly its equalities followed by id (schema 5), so a page is a seek and `limit` rows.
inline constexpr const char* kListColumns =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory ";
/// Index 0..7: bit 0 caseworker, bit 1 state, bit 2 route.
inline const char* list_query(bool caseworker, bool state, bool route) {
  static const std::array<std::string, 8> texts = [] {
    static const char* const kIndexes[8] = {
        "trajectory_by_municipality", "trajectory_by_caseworker",
        "trajectory_by_state_id",     "trajectory_by_caseworker_state",
        "trajectory_by_route",        "trajectory_by_caseworker_route",
        "trajectory_by_state",        "trajectory_by_caseworker_state_route"};
    std::array<std::string, 8> out;
    for (int i = 0; i < 8; ++i) {
      std::string text =
          std::string(kListColumns) + "INDEXED BY " + kIndexes[i] + " WHERE municipality = ?1";
      if (i & 1) text += " AND caseworker = ?2";
      if (i & 2) text += " AND state = ?3";
      if (i & 4) text += " AND route = ?4";
      text += " AND id > ?5 ORDER BY id LIMIT ?6";
      out[static_cast<std::size_t>(i)] = text;
    }
    return out;
  }();
  return texts[(caseworker ? 1 : 0) | (state ? 2 : 0) | (route ? 4 : 0)].c_str();
}

// ?1 municipality, ?2 due before, ?3/?4/?5 cursor (due, trajectory, seq), ?6 limit.
inline constexpr const char* kWorklist =
    "SELECT trajectory_id, seq, caseworker, kind, due_on, detail FROM trajectory_signal "
    "WHERE municipality = ?1 AND due_on < ?2 AND (due_on, trajectory_id, seq) > (?3, ?4, ?5) "
    "ORDER BY due_on, trajectory_id, seq LIMIT ?6";
// Same with ?7 caseworker.
inline constexpr const char* kWorklistByCaseworker =
    "SELECT trajectory_id, seq, caseworker, kind, due_on, detail FROM trajectory_signal "
    "WHERE municipality = ?1 AND caseworker = ?7 AND due_on < ?2 "
    "AND (due_on, trajectory_id, seq) > (?3, ?4, ?5) "
    "ORDER BY due_on, trajectory_id, seq LIMIT ?6";

// ?1 municipality, ?3 until, ?4/?5 cursor (term_end, id), ?6 limit, ?7/?8/?9 the filter's
// caseworker, state and route (NULL: any; the CAST gives PostgreSQL the parameter's type). The
// first page binds the cursor to (from, 0): ids are positive, so it starts at the first term ending
// on `from`. The cursor is the only lower bound, so a later page seeks to it instead of reading
// from `from`.
inline constexpr const char* kTermsEnding =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory INDEXED BY trajectory_by_term_end WHERE municipality = ?1 "
    "AND (term_end, id) > (?4, ?5) AND term_end <= ?3 "
    "AND (CAST(?7 AS TEXT) IS NULL OR caseworker = ?7) "
    "AND (CAST(?8 AS TEXT) IS NULL OR state = ?8) "
    "AND (CAST(?9 AS TEXT) IS NULL OR route = ?9) ORDER BY term_end, id LIMIT ?6";

inline constexpr const char* kHistory =
    "SELECT sequence, at, user_id, role, actor_municipality, on_behalf_of, arrangement, action, "
    "trajectory_id, changes, note FROM audit_log WHERE trajectory_id = ?1 ORDER BY sequence";

// ?1 municipality, ?2 today: the retention period (Bi 9.9) ended before today.
inline constexpr const char* kExpired =
    "SELECT id FROM trajectory WHERE municipality = ?1 AND retain_until < ?2 "
    "AND purged_on IS NULL ORDER BY retain_until";

// ?1 municipality, ?2 after id, ?3 batch size: live rows for refresh_deadlines.
inline constexpr const char* kRefreshBatch =
    "SELECT id, revision, record, policy_id FROM trajectory "
    "WHERE municipality = ?1 AND id > ?2 AND purged_on IS NULL ORDER BY id LIMIT ?3";

inline constexpr const char* kErasable =
    "SELECT id FROM trajectory WHERE bsn = ?1 AND municipality = ?2 ORDER BY id";

// Monitoring (sqlite_monitoring.cpp), ?1 municipality. The counts per cohort and target group
// are one GROUP BY in the order of fact_by_cell (its SELECT list is built from the enumerations:
// monitoring_counts_query()); the days to the intake come in index order for the medians.
/// The counts per cohort and target group, in the order SqliteStore::monitoring_cells reads them.
std::string monitoring_counts_query();
inline constexpr const char* kMonitoringDays =
    "SELECT cohort, target_group, days_to_intake FROM trajectory_fact INDEXED BY fact_by_cell "
    "WHERE municipality = ?1 AND days_to_intake IS NOT NULL "
    "ORDER BY cohort, target_group, days_to_intake";
// ?2..?3 the days a running trajectory's term may end on.
inline constexpr const char* kMonitoringTermsEnding =
    "SELECT f.cohort, f.target_group, count(*) FROM trajectory t "
    "INDEXED BY trajectory_by_term_end JOIN trajectory_fact f ON f.trajectory_id = t.id "
    "WHERE t.municipality = ?1 AND t.term_end >= ?2 AND t.term_end <= ?3 "
    "AND t.purged_on IS NULL GROUP BY f.cohort, f.target_group";

// ?1 municipality, ?2 cohort (NULL: all): the live trajectories an evaluation export covers.
inline constexpr const char* kEvaluationIds =
    "SELECT trajectory_id FROM trajectory_fact INDEXED BY fact_by_cell "
    "WHERE municipality = ?1 AND (CAST(?2 AS INTEGER) IS NULL OR cohort = ?2) ORDER BY "
    "trajectory_id";

}  // namespace inburgering::storage::detail::sql
