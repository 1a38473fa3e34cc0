#pragma once
// Private: the JSON encoding of a TrajectoryRecord, as stored by every backend.
//
// Why JSON and not Boost.Serialization (which shared/style.md suggests): json::flatten() gives
// the audit trail its field-level before/after for free; a DBA can read and query the column
// with SQLite's json_extract (and PostgreSQL's jsonb later); fields added later decode from older
// rows (missing optional and list fields are empty); and Boost 1.74 cannot serialize
// std::optional nor load types without a default constructor, which the model deliberately has.
//
// Decoding is strict: an unknown enum name, a wrong type or a missing required field throws
// StorageError naming the JSON path, never guessing a value.

#include <nlohmann/json.hpp>

#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::storage::detail {

using json = nlohmann::json;

/// The record as JSON. Every field, including the health topic.
json encode_record(const TrajectoryRecord& record);

/// The record from JSON. @throws StorageError naming the path of the first bad field.
TrajectoryRecord decode_record(const json& value);

/// The topic record from JSON (used for the separately stored health topic).
json encode_topic(const TopicRecord& topic);
TopicRecord decode_topic(const json& value);

/// Enumerations from their stored names. @throws StorageError naming `path` for an unknown name.
TrajectoryState parse_state(const std::string& text, const std::string& path);
Route parse_route(const std::string& text, const std::string& path);
SignalKind parse_signal_kind(const std::string& text, const std::string& path);

/// Format version written into every encoded record ("format" key).
inline constexpr int kRecordFormat = 1;

}  // namespace inburgering::storage::detail
