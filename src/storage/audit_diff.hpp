#pragma once
// Private: field-level differences between two encoded records, for the audit trail.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "inburgering/storage/audit_log.hpp"

namespace inburgering::storage::detail {

/// Every leaf whose value differs between `before` and `after` (JSON-pointer paths, in order).
/// Values under personal keys (BSN, names, birth date, notes, free text, payees, amounts, and
/// the whole health topic) are replaced by "(personal data)". "/revision" is not a change.
std::vector<FieldChange> diff_records(const nlohmann::json& before, const nlohmann::json& after);

/// Whether the JSON-pointer `path` holds personal data that the audit trail must not copy.
bool is_personal_path(const std::string& path);

}  // namespace inburgering::storage::detail
