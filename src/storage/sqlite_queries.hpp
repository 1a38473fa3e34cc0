#pragma once
// Private: the SQL of the SQLite store's queries. Kept here so that a test can check each
// one with EXPLAIN QUERY PLAN (no full table scans).

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
    "FROM trajectory WHERE bsn = ?1 ORDER BY id";

// ?1 municipality, ?2 caseworker or NULL, ?3 state or NULL, ?4 route or NULL, ?5 after id,
// ?6 limit. Four variants so each can use its own index.
inline constexpr const char* kListAll =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory WHERE municipality = ?1 AND id > ?5 ORDER BY id LIMIT ?6";
inline constexpr const char* kListByCaseworker =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory WHERE municipality = ?1 AND caseworker = ?2 "
    "AND (?3 IS NULL OR state = ?3) AND (?4 IS NULL OR route = ?4) AND id > ?5 "
    "ORDER BY id LIMIT ?6";
inline constexpr const char* kListByState =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory WHERE municipality = ?1 AND state = ?3 "
    "AND (?4 IS NULL OR route = ?4) AND id > ?5 ORDER BY id LIMIT ?6";
inline constexpr const char* kListByRoute =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory WHERE municipality = ?1 AND route = ?4 AND id > ?5 ORDER BY id LIMIT ?6";

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

// ?1 municipality, ?2 from, ?3 until, ?4/?5 cursor (term_end, id), ?6 limit.
inline constexpr const char* kTermsEnding =
    "SELECT id, municipality, caseworker, state, route, term_end, revision, purged_on "
    "FROM trajectory WHERE municipality = ?1 AND term_end >= ?2 AND term_end <= ?3 "
    "AND (term_end, id) > (?4, ?5) ORDER BY term_end, id LIMIT ?6";

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

}  // namespace inburgering::storage::detail::sql
