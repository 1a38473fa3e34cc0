#include "storage/record_codec.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "detail/iso_date.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "trajectory/fields.hpp"

namespace inburgering::storage::detail {
namespace {

using ::inburgering::detail::Blank;
using ::inburgering::detail::Described;
using ::inburgering::detail::IsMap;
using ::inburgering::detail::IsOptional;
using ::inburgering::detail::IsSet;
using ::inburgering::detail::IsStrongId;
using ::inburgering::detail::IsVector;
using ::inburgering::detail::Path;
using ::inburgering::detail::Sensitivity;
using nlohmann::json;

// A decoding failure carries the path and the problem; the public entry points add the record.
struct Corrupt {
  std::string path;
  std::string problem;
};

[[noreturn]] void corrupt(const Path& path, const char* problem) {
  throw Corrupt{path.dotted(), problem};
}

// ---- Encoding --------------------------------------------------------------------------------

template <class T>
json to_json(const T& value);

struct Writer {
  json* object;
  template <class F>
  void operator()(const char* name, const F& field, Sensitivity = Sensitivity::kPlain) {
    (*object)[name] = to_json(field);
  }
};

template <class T>
json to_json(const T& value) {
  if constexpr (Described<T>) {
    json out = json::object();
    Writer writer{&out};
    describe(writer, value);
    return out;
  } else if constexpr (IsOptional<T>::value) {
    return value ? to_json(*value) : json(nullptr);
  } else if constexpr (IsVector<T>::value || IsSet<T>::value) {
    json out = json::array();
    for (const auto& item : value) out.push_back(to_json(item));
    return out;
  } else if constexpr (IsMap<T>::value) {
    json out = json::object();
    for (const auto& [key, item] : value) out[std::string(to_string(key))] = to_json(item);
    return out;
  } else if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T> ||
                       std::is_same_v<T, std::string>) {
    return value;
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(to_string(value));
  } else if constexpr (std::is_same_v<T, Date>) {
    return to_iso(value);
  } else if constexpr (std::is_same_v<T, Money>) {
    return value.in_cents();
  } else if constexpr (IsStrongId<T>::value) {
    return to_json(value.value());
  } else if constexpr (std::is_same_v<T, MunicipalityCode>) {
    return value.to_string();
  } else if constexpr (std::is_same_v<T, Bsn>) {
    return value.digits();
  } else {
    static_assert(sizeof(T) == 0, "a field type without a JSON form");
  }
}

// ---- Decoding --------------------------------------------------------------------------------

// The format that added each field that older rows lack: a row of an older format may miss it
// (it keeps its default; a migration or the next save writes it). Nothing else may be missing.
// Lists and optionals may always be absent, so only the other fields are named here.
// Format 2: the record carries its policy, PIP versions their norms and deadline, the term and
// the learnability test their numbers, the health topic a placeholder. Format 3 (issue 7): the
// acts the law names that 0.2 did not record (extension requests, route-switch exceptions, the
// intake fine's new term, a fine's day of establishment and its finality), and the policy
// numbers they need.
const std::map<std::string_view, int> kAddedInFormat = {
    {"policy", 2},
    {"norms", 2},
    {"due_by", 2},
    {"max_interruption_days", 2},
    {"extension_request_window_months", 2},
    {"route_switch_window_months", 2},
    {"max_score", 2},
    {"pass_mark", 2},
    {"withheld", 2},
    {"switch_exception", 3},
    {"intake_fine_new_term_months", 3},
    {"extension_decision_weeks", 3},
};

int added_in_format(std::string_view name) {
  const auto it = kAddedInFormat.find(name);
  return it == kAddedInFormat.end() ? 1 : it->second;
}

template <class T>
void from_json(const json& j, T& out, const Path& path, int format);

struct Reader {
  const json* object;
  const Path* path;
  int format;  // of the row: fields added by a later format may be missing
  template <class F>
  void operator()(const char* name, F& field, Sensitivity = Sensitivity::kPlain) {
    const Path here{path, name};
    const auto it = object->find(name);
    if (it == object->end()) {
      // Optional and list fields may be absent; any field of an older format may be.
      if constexpr (IsOptional<F>::value || IsVector<F>::value || IsSet<F>::value ||
                    IsMap<F>::value) {
        field = F{};
        return;
      } else {
        if (added_in_format(name) > format) return;
        corrupt(here, "missing");
      }
    }
    from_json(*it, field, here, format);
  }
};

template <class I>
I integer_from(const json& j, const Path& path) {
  if (!j.is_number_integer()) corrupt(path, "expected an integer");
  if (j.is_number_unsigned()) {
    const auto wide = j.get<std::uint64_t>();
    if (wide > static_cast<std::uint64_t>(std::numeric_limits<I>::max())) {
      corrupt(path, "integer out of range");
    }
    return static_cast<I>(wide);
  }
  const auto wide = j.get<std::int64_t>();
  if (wide < static_cast<std::int64_t>(std::numeric_limits<I>::min()) ||
      wide > static_cast<std::int64_t>(std::numeric_limits<I>::max())) {
    corrupt(path, "integer out of range");
  }
  return static_cast<I>(wide);
}

const std::string& text_from(const json& j, const Path& path) {
  if (!j.is_string()) corrupt(path, "expected a string");
  return j.get_ref<const std::string&>();
}

template <class E>
E enum_from(std::string_view name, const Path& path) {
  for (E value : all_enumerators<E>()) {
    if (to_string(value) == name) return value;
  }
  corrupt(path, "unknown name");
}

template <class T>
void from_json(const json& j, T& out, const Path& path, int format) {
  if constexpr (Described<T>) {
    if (!j.is_object()) corrupt(path, "expected an object");
    Reader reader{&j, &path, format};
    describe(reader, out);
  } else if constexpr (IsOptional<T>::value) {
    if (j.is_null()) {
      out.reset();
    } else {
      auto value = Blank<typename T::value_type>::make();
      from_json(j, value, path, format);
      out = std::move(value);
    }
  } else if constexpr (IsVector<T>::value) {
    if (!j.is_array()) corrupt(path, "expected a list");
    out.clear();
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      auto item = Blank<typename T::value_type>::make();
      from_json(j[i], item, Path{&path, {}, i}, format);
      out.push_back(std::move(item));
    }
  } else if constexpr (IsSet<T>::value) {
    if (!j.is_array()) corrupt(path, "expected a list");
    out.clear();
    for (std::size_t i = 0; i < j.size(); ++i) {
      auto item = Blank<typename T::value_type>::make();
      from_json(j[i], item, Path{&path, {}, i}, format);
      if (!out.insert(std::move(item)).second) corrupt(Path{&path, {}, i}, "duplicate entry");
    }
  } else if constexpr (IsMap<T>::value) {
    if (!j.is_object()) corrupt(path, "expected an object");
    out.clear();
    for (const auto& [key, item] : j.items()) {
      const auto k = enum_from<typename T::key_type>(key, path);
      auto value = Blank<typename T::mapped_type>::make();
      from_json(item, value, Path{&path, to_string(k)}, format);
      out.emplace(k, std::move(value));
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) corrupt(path, "expected true or false");
    out = j.get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    out = integer_from<T>(j, path);
  } else if constexpr (std::is_same_v<T, std::string>) {
    out = text_from(j, path);
  } else if constexpr (std::is_enum_v<T>) {
    out = enum_from<T>(text_from(j, path), path);
  } else if constexpr (std::is_same_v<T, Date>) {
    // A record holds computed dates too: the years kEarliestYear..kLatestRecordYear.
    const auto date = ::inburgering::detail::parse_iso_date(text_from(j, path));
    if (!date || date->year() < kEarliestYear || date->year() > kLatestRecordYear) {
      corrupt(path, "not an ISO date in the years of a record");
    }
    out = *date;
  } else if constexpr (std::is_same_v<T, Money>) {
    out = Money::cents(integer_from<std::int64_t>(j, path));
  } else if constexpr (IsStrongId<T>::value) {
    typename T::value_type value{};
    from_json(j, value, path, format);
    out = T(std::move(value));
  } else if constexpr (std::is_same_v<T, MunicipalityCode>) {
    try {
      out = MunicipalityCode(text_from(j, path));
    } catch (const ValidationError&) {
      corrupt(path, "not a municipality code");
    }
  } else if constexpr (std::is_same_v<T, Bsn>) {
    try {
      out = Bsn(text_from(j, path));
    } catch (const ValidationError&) {
      corrupt(path, "not a valid BSN");
    }
  } else {
    static_assert(sizeof(T) == 0, "a field type without a JSON form");
  }
}

// Parses `text`; a failure becomes StorageError (kCorruptData) naming `what`. The parser's
// message quotes the text, so it is never used.
json parse_text(std::string_view text, const std::string& what) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw StorageError(
        "stored " + what + " is not valid JSON (error at byte " + std::to_string(e.byte) + ")",
        ErrorCode::kCorruptData);
  } catch (const json::exception&) {
    throw StorageError("stored " + what + " is not valid JSON (a number out of range)",
                       ErrorCode::kCorruptData);
  }
}

// Decodes parsed JSON as a T; every failure becomes StorageError (kCorruptData) naming `what`
// and the path, never a value.
template <class T>
T decode_json(const json& j, const std::string& what, std::string_view root, int format) {
  T out = Blank<T>::make();
  try {
    from_json(j, out, Path{nullptr, root}, format);
  } catch (const Corrupt& c) {
    throw StorageError("stored " + what + " is damaged at " + c.path + ": " + c.problem,
                       ErrorCode::kCorruptData);
  } catch (const json::exception&) {
    throw StorageError("stored " + what + " is damaged (unexpected JSON type)",
                       ErrorCode::kCorruptData);
  }
  return out;
}

}  // namespace

std::string encode_record(const TrajectoryRecord& record, bool with_policy) {
  json out = to_json(record);
  if (!with_policy) out.erase("policy");
  out["format"] = kRecordFormat;
  return out.dump();
}

namespace {

int format_of(const json& j, const std::string& what) {
  const auto it = j.is_object() ? j.find("format") : j.end();
  if (it == j.end() || !it->is_number_integer()) {
    throw StorageError("stored " + what + " has no format number", ErrorCode::kCorruptData);
  }
  try {
    return integer_from<int>(*it, Path{nullptr, "format"});
  } catch (const Corrupt&) {
    throw StorageError("stored " + what + " has a format number out of range",
                       ErrorCode::kCorruptData);
  }
}

}  // namespace

int record_format(std::string_view text, const std::string& what) {
  return format_of(parse_text(text, what), what);
}

TrajectoryRecord decode_record(std::string_view text, const std::string& what,
                               const Policy* policy) {
  json j = parse_text(text, what);
  const int format = format_of(j, what);
  if (format > kRecordFormat) {
    throw StorageError("stored " + what + " was written by a newer library (record format " +
                           std::to_string(format) + ")",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (format < 1) {
    throw StorageError("stored " + what + " has an unknown record format", ErrorCode::kCorruptData);
  }
  // A record stored without its policy gets the one its row references.
  if (policy != nullptr && j.is_object() && !j.contains("policy")) j["policy"] = to_json(*policy);
  return decode_json<TrajectoryRecord>(j, what, "", format);
}

std::string encode_topic(const TopicRecord& topic) { return to_json(topic).dump(); }

TopicRecord decode_topic(std::string_view text, const std::string& what, bool lenient) {
  return decode_json<TopicRecord>(parse_text(text, what), what, "", lenient ? 1 : kRecordFormat);
}

std::string encode_policy(const Policy& policy) { return to_json(policy).dump(); }

Policy decode_policy(std::string_view text, const std::string& what) {
  // A stored policy has no format number of its own: one stored by 0.2 (format 2) lacks the
  // numbers format 3 added, which keep their legal defaults.
  return decode_json<Policy>(parse_text(text, what), what, "", kRecordFormat - 1);
}

}  // namespace inburgering::storage::detail
