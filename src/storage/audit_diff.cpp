#include "storage/audit_diff.hpp"

#include <array>
#include <map>
#include <string_view>

namespace inburgering::storage::detail {
namespace {

// Keys whose values are personal or free text that may contain personal data. A path is
// personal when any of its keys is listed here. Kept as a deny-list next to the codec: a new
// free-text field must be added here (tests/storage/audit_diff_test.cpp checks every such
// field of a full record).
constexpr std::array<std::string_view, 22> kPersonalKeys = {"bsn",
                                                            "given_names",
                                                            "family_name",
                                                            "birth_date",
                                                            "notes",
                                                            "dispensation_reason",
                                                            "college_advice",
                                                            "payee",
                                                            "monthly_amount",
                                                            "reason",
                                                            "topic",
                                                            "goals",
                                                            "support",
                                                            "vve_agreements",
                                                            "learnability_deviation_reason",
                                                            "description",
                                                            "provider",
                                                            "explanation",
                                                            "health",
                                                            "reported_by",
                                                            "score",
                                                            "has_young_children"};

std::string describe(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

}  // namespace

bool is_personal_path(const std::string& path) {
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    const std::string_view key = std::string_view(path).substr(
        start, end == std::string::npos ? std::string::npos : end - start);
    for (std::string_view personal : kPersonalKeys) {
      if (key == personal) return true;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

std::vector<FieldChange> diff_records(const nlohmann::json& before, const nlohmann::json& after) {
  const nlohmann::json flat_before = before.is_null() ? nlohmann::json::object() : before.flatten();
  const nlohmann::json flat_after = after.is_null() ? nlohmann::json::object() : after.flatten();
  std::map<std::string, std::pair<const nlohmann::json*, const nlohmann::json*>> paths;
  for (const auto& [path, value] : flat_before.items()) paths[path].first = &value;
  for (const auto& [path, value] : flat_after.items()) paths[path].second = &value;

  std::vector<FieldChange> changes;
  for (const auto& [path, values] : paths) {
    const auto* old_value = values.first;
    const auto* new_value = values.second;
    if (path == "/revision") continue;
    if (old_value && new_value && *old_value == *new_value) continue;
    const bool personal = is_personal_path(path);
    auto text = [personal](const nlohmann::json* value) -> std::string {
      if (value == nullptr) return "(absent)";
      if (personal) return "(personal data)";
      return describe(*value);
    };
    changes.push_back(FieldChange{path, text(old_value), text(new_value)});
  }
  return changes;
}

}  // namespace inburgering::storage::detail
