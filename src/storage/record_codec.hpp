#pragma once
// Private: the stored form of a trajectory, as JSON text, for every backend. The encoder and the
// decoder are visitors over the field lists (src/detail/fields.hpp): there is no second list of
// fields here.
//
// Why JSON: a DBA can read and query the column (SQLite's json_extract, PostgreSQL's jsonb); a
// field added later decodes from older rows; and the text is independent of the compiler and
// the platform. The transfer dossier (Boost.Serialization XML) is driven by the same lists.
//
// A key twice in one object (which the encoder never writes): the first counts; twice in a map
// of topics, or a column twice in a table, is damage.
//
// Decoding is strict for the current format: an unknown enum name, a wrong type, a number out of
// range or a missing field throws StorageError (kCorruptData) naming the record and the path,
// never the stored value. A row of an older format may lack exactly the fields later formats
// added (they keep their defaults); the migration to schema 3 rewrites rows of format 1, and a
// row of format 2 is rewritten in the current format when it is next saved.

#include <string>
#include <string_view>

#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::storage::detail {

/// Format version written into every encoded record ("format" key). 1: library 0.1.
/// 2 (0.2): the record carries its policy, PIP versions their norms, the term and the
/// learnability test their numbers, and the health topic a placeholder. 3 (0.3): extension
/// requests, route-switch exceptions, the intake fine's new term, a fine's day of establishment
/// and finality. 4 (0.5): a field holding its type's empty value (absent optional, empty list,
/// false, 0, empty text, zero money) is left out and read back as that value; enumerations,
/// dates and codes are always written; a list of records whose fields are all scalars is a table,
/// {"columns": [names], "rows": [[cells], …]}. 5 (0.6): a DUO fine's day made known
/// (`announced_on`), a participant's ground for not being obliged (`not_obliged`), the fixed
/// costs the unburdening does not pay with their reasons (`not_paid`), whether DUO gave a
/// dispensation on its own initiative (`ex_officio`) or from the Z-route's participation part
/// (`z_route_participation`), the wish for vocational or higher education stated in the intake
/// (`wants_vocational_or_higher_education`); a library that
/// does not know it must not load, and drop it on the next save. 6 (0.7): the obligation's
/// residence procedures, the social guidance, course offers and withdrawn diplomas, and the
/// `special_withheld` mark of a dispensation and a learnability test whose values a store keeps
/// apart. Formats 2-3 and 5-6 only add fields
/// (record_codec.cpp, `kAddedInFormat`); rows of every earlier format still load, and are written
/// in the current format (`kRecordFormat`) when next saved.
inline constexpr int kRecordFormat = 6;

/// The record as JSON text with every field, empty ones too, lists as lists, and the policy:
/// the `trajectory` of the JSON export (transfer/json_export.hpp). Not a stored form.
std::string encode_record_full(const TrajectoryRecord& record);

/// The record as JSON text: every field but the revision (a column of its own), and the policy
/// only with `with_policy` (a store may keep each distinct policy once, elsewhere). `format` 3
/// writes what library 0.4 wrote (every field, lists as lists): for tests of old rows and for
/// the benchmark's comparison of sizes; the store always writes kRecordFormat.
std::string encode_record(const TrajectoryRecord& record, bool with_policy = true,
                          int format = kRecordFormat);

/// The record from JSON text. `what` names it in errors ("trajectory 12"). The revision is 0.
/// `policy`: the record's policy when the text was encoded without it.
/// @throws StorageError (kCorruptData) naming `what` and the path of the first bad field;
///         (kIncompatibleDatabase) for a format newer than this library's.
TrajectoryRecord decode_record(std::string_view text, const std::string& what,
                               const Policy* policy = nullptr);

/// The format number of an encoded record. @throws StorageError (kCorruptData).
int record_format(std::string_view text, const std::string& what);

/// One intake topic (the separately stored health topic), and back. `lenient` for topics
/// stored by format 1 (before `withheld`), which the migration to schema 3 rewrites.
std::string encode_topic(const TopicRecord& topic);
TopicRecord decode_topic(std::string_view text, const std::string& what, bool lenient = false);

/// A policy, and back (a store keeps each distinct policy once).
std::string encode_policy(const Policy& policy);
Policy decode_policy(std::string_view text, const std::string& what);

}  // namespace inburgering::storage::detail
