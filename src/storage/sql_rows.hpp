#pragma once
// Private: how a trajectory is laid out in the tables (SQLite and PostgreSQL alike), shared by
// the store and the SQLite migrations. One row in `trajectory` (searched columns + the record as
// JSON without its policy and with the health topic as a placeholder), the policy once in `policy`,
// the health topic in `trajectory_health`, the deadlines in `trajectory_signal`.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "inburgering/storage/audit_log.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "storage/audit_chain.hpp"
#include "storage/record_codec.hpp"
#include "storage/special_values.hpp"
#include "storage/sql_connection.hpp"

namespace inburgering::storage::detail {

/// The id of `policy` in the `policy` table, inserted once (policies are immutable rows).
std::int64_t intern_policy(StatementCache& db, const Policy& policy);

/// The policy with `id`. @throws StorageError (kCorruptData) if it is missing or damaged.
Policy load_policy(StatementCache& db, std::int64_t id);

/// The stored health topic of trajectory `id`, if any.
std::optional<TopicRecord> read_health(StatementCache& db, TrajectoryId id);
/// Stores the health topic of trajectory `id` (replacing a stored one).
void write_health(StatementCache& db, TrajectoryId id, const TopicRecord& topic);

/// The content of an audit row selected with `kAuditChainColumns` from column `first` on.
AuditContent audit_content(const Statement& row, int first);

/// The changes of a `read_special` audit entry: which special-category data a read returned
/// (the health topic when `health`, and what `special` holds).
std::vector<FieldChange> special_reads(bool health, const SpecialValues& special);

/// One row of sql::kHistory as far as it can be read: what cannot is named in `unreadable`.
AuditEntry audit_entry_from(const Statement& row);

/// The stored special-category values of trajectory `id` outside the health topic (empty: none).
SpecialValues read_special(StatementCache& db, TrajectoryId id);
/// Stores them (replacing stored ones; nothing stored for none).
void write_special(StatementCache& db, TrajectoryId id, const SpecialValues& values);

/// What the main record keeps of a stored health topic: its date, `withheld`, no notes.
TopicRecord health_placeholder(const TopicRecord& topic);

/// The text of `trajectory.record`: the record without its policy (kept in `policy`), with the
/// health topic and the other special-category values (special_values.hpp) replaced by their
/// placeholders. `format`: as encode_record. `keep_special`: leave the special-category values
/// outside the health topic in the text (a migration before `trajectory_special` exists, whose
/// values migration 8 moves).
std::string stored_record_text(const TrajectoryRecord& record, int format = kRecordFormat,
                               bool keep_special = false);

/// The record from a row: `text` of `trajectory.record` and the policy it references.
TrajectoryRecord decode_stored_record(const std::string& text, const Policy& policy,
                                      TrajectoryId id);

/// The trajectory of a stored record, checked against the model. @throws StorageError
/// (kCorruptData) naming `what`, the field and the rule it breaks, never the value (a stored value
/// may be personal).
Trajectory checked(TrajectoryRecord record, const std::string& what);

/// The last day personal data of a closed record may be kept (Bi 9.9: `retention_years` of its
/// policy after closing), as ISO text; empty while it runs.
std::optional<std::string> retain_until(const TrajectoryRecord& record);

/// Replaces the stored deadlines of `trajectory` (the worklist rows) as known on `as_of`.
void write_deadlines(StatementCache& db, const Trajectory& trajectory, Date as_of);

/// Replaces the monitoring facts of `trajectory` (its row in `trajectory_fact`: no personal
/// data, only what monitoring counts; monitoring/indicators.hpp) as known on `as_of`.
void write_facts(StatementCache& db, const Trajectory& trajectory, Date as_of);

}  // namespace inburgering::storage::detail
