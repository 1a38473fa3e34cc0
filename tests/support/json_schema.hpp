#pragma once
// A validator for the subset of JSON Schema (draft 2020-12) that schema/*.schema.json use, so
// that tests check the exports and the caseworker programme's --json output against the
// committed schemas without a further dependency.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

namespace inburgering::test {

/// The subset of JSON Schema the project's schemas use: type, const, enum, pattern, minimum,
/// required, properties, additionalProperties: false, items, oneOf, $ref to #/$defs. Returns
/// the first violation's path, or "" when `value` conforms.
inline std::string violation(const nlohmann::json& value, const nlohmann::json& rule,
                             const nlohmann::json& root, const std::string& path = "") {
  using nlohmann::json;
  if (rule.contains("$ref")) {
    const std::string ref = rule["$ref"];
    return violation(value, root["$defs"][ref.substr(ref.rfind('/') + 1)], root, path);
  }
  if (rule.contains("oneOf")) {
    int matches = 0;
    for (const auto& alternative : rule["oneOf"]) {
      if (violation(value, alternative, root, path).empty()) ++matches;
    }
    if (matches != 1) return path + ": oneOf (" + std::to_string(matches) + " match)";
  }
  if (rule.contains("type")) {
    const auto is = [&](const std::string& type) {
      return (type == "object" && value.is_object()) || (type == "array" && value.is_array()) ||
             (type == "string" && value.is_string()) ||
             (type == "integer" && value.is_number_integer()) ||
             (type == "number" && value.is_number()) || (type == "boolean" && value.is_boolean()) ||
             (type == "null" && value.is_null());
    };
    bool any = false;
    if (rule["type"].is_array()) {
      for (const auto& type : rule["type"]) any = any || is(type);
    } else {
      any = is(rule["type"]);
    }
    if (!any) return path + ": type";
  }
  if (rule.contains("const") && value != rule["const"]) return path + ": const";
  if (rule.contains("enum") &&
      std::find(rule["enum"].begin(), rule["enum"].end(), value) == rule["enum"].end()) {
    return path + ": enum";
  }
  if (rule.contains("minimum") && value.is_number() && value < rule["minimum"]) {
    return path + ": minimum";
  }
  if (rule.contains("pattern") && value.is_string() &&
      !std::regex_match(value.get<std::string>(), std::regex(rule["pattern"].get<std::string>()))) {
    return path + ": pattern";
  }
  if (value.is_object()) {
    for (const auto& name : rule.value("required", json::array())) {
      if (!value.contains(name)) return path + "/" + name.get<std::string>() + ": required";
    }
    const json properties = rule.value("properties", json::object());
    for (const auto& [name, item] : value.items()) {
      if (properties.contains(name)) {
        if (auto v = violation(item, properties[name], root, path + "/" + name); !v.empty()) {
          return v;
        }
      } else if (rule.value("additionalProperties", true) == false) {
        return path + "/" + name + ": not allowed";
      }
    }
  }
  if (value.is_array() && rule.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto v = violation(value[i], rule["items"], root, path + "/" + std::to_string(i));
          !v.empty()) {
        return v;
      }
    }
  }
  return "";
}

}  // namespace inburgering::test
