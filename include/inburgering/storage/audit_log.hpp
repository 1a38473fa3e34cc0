#pragma once
/// @file audit_log.hpp
/// The audit trail (Bi 9; AVG art. 5.2 accountability): append-only, written in the same
/// transaction as the change it describes. Who, on behalf of which municipality, when, which
/// record, what changed. Personal values are never copied into it: a change to a BSN, a name or
/// notes is recorded as "(personal data)".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/storage/actor.hpp"

namespace inburgering::storage {

enum class AuditAction {
  kCreate,       ///< A trajectory was stored for the first time.
  kUpdate,       ///< A trajectory was changed (with field-level changes).
  kReadSpecial,  ///< Special-category data (health) was read.
  kDenied,       ///< An access was refused.
  kPurge,        ///< Personal data removed after the retention period (Bi 9.9).
  kErase,        ///< Personal data removed on the person's request.
  kRefresh,      ///< Stored deadlines recomputed (`TrajectoryStore::refresh_deadlines`).
  /// A person's own data was given out on request (AVG art. 15; `subject_access`).
  kSubjectAccess,
  /// Pseudonymised data for an outside evaluation was exported (`evaluation_export`).
  kEvaluationExport,
  /// A programme was defined or amended, or what it records about a participant changed
  /// (enrolment, sessions, goals, outcomes; `define_programme` and what follows it).
  kProgramme,
};

INBURGERING_ENUM_TEXT(AuditAction);

/// One changed field: its JSON path in the record (e.g. "/plan_versions/1/content/route").
struct INBURGERING_EXPORT FieldChange {
  std::string field;
  /// Values as stored, or "(personal data)" / "(absent)".
  std::string before;
  std::string after;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// One entry of the trail as `history` reads it. `history` never fails on an entry it cannot
/// fully interpret (a damaged row, a value written by a newer library): it names the fields it
/// could not read in `unreadable` and leaves them empty (or at their zero value).
struct INBURGERING_EXPORT AuditEntry {
  /// Position in the trail; increases with every entry.
  std::int64_t sequence = 0;
  std::chrono::sys_seconds at{};
  UserId user;
  /// Empty only when unreadable.
  std::optional<Role> role;
  /// The municipality the actor works for; empty only when unreadable.
  std::optional<MunicipalityCode> actor_municipality;
  /// The municipality that owns the record (on whose behalf the action ran).
  std::optional<MunicipalityCode> on_behalf_of;
  /// The regional arrangement used, if the record is another municipality's.
  std::string arrangement;
  /// Empty only when unreadable.
  std::optional<AuditAction> action;
  std::optional<TrajectoryId> trajectory;
  /// For updates: what changed. For denials and reads: what was asked.
  std::vector<FieldChange> changes;
  std::string note;
  /// The columns of this entry that could not be interpreted ("role", "at", "changes", ...).
  std::vector<std::string> unreadable;
};

/// The outcome of `TrajectoryStore::verify_audit`: whether every entry still matches its link
/// in the hash chain.
struct INBURGERING_EXPORT AuditVerification {
  /// How many entries were checked.
  std::int64_t entries = 0;
  /// The sequence number of the first entry whose link does not hold: it was changed, or an
  /// entry before it was removed or slipped in. Empty when the whole trail is intact.
  std::optional<std::int64_t> first_broken;
  /// What is wrong at `first_broken` (no stored value is quoted).
  std::string problem;
  /// The sequence number and hash of the last entry checked (the head of the chain). Keep them
  /// outside the database (a log, a ticket, a signed mail): a later head that does not descend
  /// from them shows that the end of the trail was cut off or rewritten.
  std::int64_t head_sequence = 0;
  std::string head_hash;
  bool intact() const noexcept { return !first_broken; }
};

}  // namespace inburgering::storage
