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

struct INBURGERING_EXPORT AuditEntry {
  /// Position in the trail; increases with every entry.
  std::int64_t sequence = 0;
  std::chrono::sys_seconds at{};
  UserId user;
  Role role = Role::kCaseworker;
  /// The municipality the actor works for.
  MunicipalityCode actor_municipality;
  /// The municipality that owns the record (on whose behalf the action ran).
  std::optional<MunicipalityCode> on_behalf_of;
  /// The regional arrangement used, if the record is another municipality's.
  std::string arrangement;
  AuditAction action = AuditAction::kUpdate;
  std::optional<TrajectoryId> trajectory;
  /// For updates: what changed. For denials and reads: what was asked.
  std::vector<FieldChange> changes;
  std::string note;
};

}  // namespace inburgering::storage
