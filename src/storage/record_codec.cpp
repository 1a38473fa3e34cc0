#include "storage/record_codec.hpp"

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/enum_table.hpp"
#include "detail/iso_date.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "storage/special_values.hpp"
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

// Format 4 leaves out a field whose value is its type's empty value (an absent optional, an empty
// list, false, 0, an empty text, zero money): most of a record's fields in its first years. The
// decoder gives such a field exactly that value back, not the member's default initializer
// (`pvt_hours = 12` written as 0 is read as 0). Enumerations, dates, BSNs, municipality codes and
// records are always written: a DBA reading the row sees every state, route and date.
template <class T>
constexpr bool kOmittable =
    IsOptional<T>::value || IsVector<T>::value || IsSet<T>::value || IsMap<T>::value ||
    std::is_same_v<T, bool> || (std::is_integral_v<T> && !std::is_enum_v<T>) ||
    std::is_same_v<T, std::string> || std::is_same_v<T, Money> || IsStrongId<T>::value;

template <class T>
bool is_empty_value(const T& value) {
  if constexpr (IsOptional<T>::value) {
    return !value.has_value();
  } else if constexpr (IsVector<T>::value || IsSet<T>::value || IsMap<T>::value) {
    return value.empty();
  } else if constexpr (std::is_same_v<T, Money>) {
    return value.in_cents() == 0;
  } else if constexpr (IsStrongId<T>::value) {
    return is_empty_value(value.value());
  } else if constexpr (std::is_same_v<T, std::string>) {
    return value.empty();
  } else if constexpr (kOmittable<T>) {
    return value == T{};
  } else {
    return false;
  }
}

/// The empty value of an omittable field type, as the decoder of format 4 sets it.
template <class T>
T empty_value() {
  if constexpr (std::is_same_v<T, Money>) {
    return Money::cents(0);
  } else if constexpr (IsStrongId<T>::value) {
    return T(typename T::value_type{});
  } else {
    return T{};
  }
}

// Format 4 writes a list of records whose fields are all scalars (attendance, exam results,
// interviews, invitations, coaching sessions, …) as a table: the field names once, then one array
// per element, {"columns": ["attended_on", "kind", …], "rows": [["2024-04-30", "pvt", …], …]}.
// Attendance is most of a record after a year on the route, and its names were half its bytes.
// A DBA still reads it (json_each over "rows", the column by its position in "columns").
struct FlatnessProbe {
  bool flat = true;
  template <class F>
  void operator()(const char*, const F&, Sensitivity = Sensitivity::kPlain) {
    if constexpr (IsOptional<F>::value) {
      flat = flat && ::inburgering::detail::kIsScalar<typename F::value_type>;
    } else {
      flat = flat && ::inburgering::detail::kIsScalar<F>;
    }
  }
};

/// Whether every field of record type `T` is a scalar or an optional scalar.
template <class T>
bool is_flat_record() {
  static const bool flat = [] {
    const T sample = Blank<T>::make();
    FlatnessProbe probe;
    describe(probe, sample);
    return probe.flat;
  }();
  return flat;
}

template <class T>
json to_json(const T& value, bool omit_empty);

/// The field names of a flat record, in list order.
struct ColumnNames {
  json* names;
  template <class F>
  void operator()(const char* name, const F&, Sensitivity = Sensitivity::kPlain) {
    names->push_back(name);
  }
};

/// One element of a table: every field, in list order (empty values too: a row is positional).
struct RowWriter {
  json* row;
  template <class F>
  void operator()(const char*, const F& field, Sensitivity = Sensitivity::kPlain) {
    row->push_back(to_json(field, false));
  }
};

struct Writer {
  json* object;
  bool omit_empty;
  template <class F>
  void operator()(const char* name, const F& field, Sensitivity = Sensitivity::kPlain) {
    if (omit_empty && is_empty_value(field)) return;
    (*object)[name] = to_json(field, omit_empty);
  }
};

/// `omit_empty`: the compact form of format 4 (records); false for the texts that carry no
/// format number of their own (a stored policy, the health topic), which keep every field.
template <class T>
json to_json(const T& value, bool omit_empty) {
  if constexpr (Described<T>) {
    json out = json::object();
    Writer writer{&out, omit_empty};
    describe(writer, value);
    return out;
  } else if constexpr (IsOptional<T>::value) {
    return value ? to_json(*value, omit_empty) : json(nullptr);
  } else if constexpr (IsVector<T>::value || IsSet<T>::value) {
    using Item = typename T::value_type;
    if constexpr (IsVector<T>::value && Described<Item>) {  // the decoder reads tables as vectors
      if (omit_empty && !value.empty() && is_flat_record<Item>()) {
        json table = json::object();
        json& columns = table["columns"] = json::array();
        ColumnNames names{&columns};
        describe(names, value.front());
        json& rows = table["rows"] = json::array();
        for (const auto& item : value) {
          json row = json::array();
          RowWriter writer{&row};
          describe(writer, item);
          rows.push_back(std::move(row));
        }
        return table;
      }
    }
    json out = json::array();
    for (const auto& item : value) out.push_back(to_json(item, omit_empty));
    return out;
  } else if constexpr (IsMap<T>::value) {
    json out = json::object();
    for (const auto& [key, item] : value) {
      out[std::string(to_string(key))] = to_json(item, omit_empty);
    }
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
    return to_json(value.value(), omit_empty);
  } else if constexpr (std::is_same_v<T, MunicipalityCode>) {
    return value.to_string();
  } else if constexpr (std::is_same_v<T, Bsn>) {
    return value.digits();
  } else {
    static_assert(sizeof(T) == 0, "a field type without a JSON form");
  }
}

// ---- Decoding --------------------------------------------------------------------------------
// simdjson (Debian libsimdjson-dev) parses the stored text into its compact DOM several times
// faster than nlohmann's; the decoder walks it through the same field lists. A load spent 60 %
// of its time in nlohmann's parser.

namespace dom = simdjson::dom;
using Value = dom::element;
using Type = dom::element_type;

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
    {"not_obliged", 5},
    {"ex_officio", 5},
    {"z_route_participation", 5},
    {"wants_vocational_or_higher_education", 5},
    {"special_withheld", 6},
};

// Format 4 (0.5): fields holding their empty value are left out.
constexpr int kFormatOmittingEmpty = 4;

int added_in_format(std::string_view name) {
  const auto it = kAddedInFormat.find(name);
  return it == kAddedInFormat.end() ? 1 : it->second;
}

template <class T>
void from_json(Value j, T& out, const Path& path, int format);

/// The member `name` of an object, if it has one.
std::optional<Value> member(dom::object object, std::string_view name) {
  Value out;
  if (object.at_key(name).get(out) != simdjson::SUCCESS) return std::nullopt;
  return out;
}

/// A field the stored text does not have: its empty value where the row's format allows that,
/// otherwise damage.
template <class F>
void absent(F& field, const Path& here, const char* name, int format) {
  // Optional and list fields may be absent; any field of an older format may be; from format 4
  // on, every field the encoder leaves out when it holds its empty value.
  if constexpr (IsOptional<F>::value || IsVector<F>::value || IsSet<F>::value || IsMap<F>::value) {
    field = F{};
    return;
  } else {
    // A field a later format added keeps its default (a row cannot hold it); only then does
    // format 4's rule apply, to the fields the row's own format knows.
    if (added_in_format(name) > format) return;
    if constexpr (kOmittable<F>) {
      if (format >= kFormatOmittingEmpty) {
        field = empty_value<F>();
        return;
      }
    }
    corrupt(here, "missing");
  }
}

/// Reads each field of a record from wherever `Find` finds its value by name (an object's
/// member, or a table row's cell), and gives a field it does not find its `absent` value.
template <class Find>
struct FieldReader {
  Find find;  // std::optional<Value>(std::string_view name)
  const Path* path;
  int format;  // of the row: fields added by a later format may be missing
  template <class F>
  void operator()(const char* name, F& field, Sensitivity = Sensitivity::kPlain) {
    const Path here{path, name};
    if (const auto value = find(name)) {
      from_json(*value, field, here, format);
    } else {
      absent(field, here, name, format);
    }
  }
};

/// The members of an object.
struct MemberOf {
  dom::object object;
  std::optional<Value> operator()(std::string_view name) const { return member(object, name); }
};

/// The cells of one row of a table (format 4), found through the table's columns.
struct CellOf {
  const std::vector<Value>* cells;
  const std::map<std::string_view, std::size_t, std::less<>>* columns;
  std::optional<Value> operator()(std::string_view name) const {
    const auto it = columns->find(name);
    if (it == columns->end()) return std::nullopt;
    return (*cells)[it->second];
  }
};

using Reader = FieldReader<MemberOf>;

template <class I>
I integer_from(Value j, const Path& path) {
  if (j.type() == Type::UINT64) {
    const auto wide = std::uint64_t(j);
    if (wide > static_cast<std::uint64_t>(std::numeric_limits<I>::max())) {
      corrupt(path, "integer out of range");
    }
    return static_cast<I>(wide);
  }
  if (j.type() != Type::INT64) corrupt(path, "expected an integer");
  const auto wide = std::int64_t(j);
  if constexpr (std::is_unsigned_v<I>) {
    // simdjson reports UINT64 only above INT64_MAX; every other value comes as INT64.
    if (wide < 0 || static_cast<std::uint64_t>(wide) > std::numeric_limits<I>::max()) {
      corrupt(path, "integer out of range");
    }
  } else if (wide < static_cast<std::int64_t>(std::numeric_limits<I>::min()) ||
             wide > static_cast<std::int64_t>(std::numeric_limits<I>::max())) {
    corrupt(path, "integer out of range");
  }
  return static_cast<I>(wide);
}

std::string_view text_from(Value j, const Path& path) {
  if (j.type() != Type::STRING) corrupt(path, "expected a string");
  return std::string_view(j);
}

template <class E>
E enum_from(std::string_view name, const Path& path) {
  const auto value = ::inburgering::detail::enum_named<E>(name);
  if (!value) corrupt(path, "unknown name");
  return *value;
}

/// A list of records in table form (format 4): {"columns": [names], "rows": [[cells], …]}.
template <class V>
void read_table(dom::object table, V& out, const Path& path, int format) {
  const auto column_list = member(table, "columns");
  const auto row_list = member(table, "rows");
  if (!column_list || column_list->type() != Type::ARRAY || !row_list ||
      row_list->type() != Type::ARRAY) {
    corrupt(path, "expected a list, or a table of columns and rows");
  }
  std::map<std::string_view, std::size_t, std::less<>> columns;
  std::size_t c = 0;
  for (Value name : dom::array(*column_list)) {
    if (name.type() != Type::STRING) corrupt(Path{&path, "columns"}, "expected a list of names");
    if (!columns.emplace(std::string_view(name), c++).second) {
      corrupt(Path{&path, "columns"}, "duplicate column");
    }
  }
  out.clear();
  std::vector<Value> cells;
  std::size_t i = 0;
  for (Value row : dom::array(*row_list)) {
    const Path here{&path, {}, i++};
    cells.clear();
    if (row.type() == Type::ARRAY) {
      for (Value cell : dom::array(row)) cells.push_back(cell);
    }
    if (row.type() != Type::ARRAY || cells.size() != columns.size()) {
      corrupt(here, "expected a row with one cell per column");
    }
    auto item = Blank<typename V::value_type>::make();
    FieldReader<CellOf> reader{CellOf{&cells, &columns}, &here, format};
    describe(reader, item);
    out.push_back(std::move(item));
  }
}

template <class T>
void from_json(Value j, T& out, const Path& path, int format) {
  if constexpr (Described<T>) {
    if (j.type() != Type::OBJECT) corrupt(path, "expected an object");
    Reader reader{MemberOf{dom::object(j)}, &path, format};
    describe(reader, out);
  } else if constexpr (IsOptional<T>::value) {
    if (j.type() == Type::NULL_VALUE) {
      out.reset();
    } else {
      auto value = Blank<typename T::value_type>::make();
      from_json(j, value, path, format);
      out = std::move(value);
    }
  } else if constexpr (IsVector<T>::value) {
    if constexpr (Described<typename T::value_type>) {
      if (format >= kFormatOmittingEmpty && j.type() == Type::OBJECT) {
        read_table(dom::object(j), out, path, format);
        return;
      }
    }
    if (j.type() != Type::ARRAY) corrupt(path, "expected a list");
    const dom::array items(j);
    out.clear();
    out.reserve(items.size());
    std::size_t i = 0;
    for (Value element : items) {
      auto item = Blank<typename T::value_type>::make();
      from_json(element, item, Path{&path, {}, i++}, format);
      out.push_back(std::move(item));
    }
  } else if constexpr (IsSet<T>::value) {
    if (j.type() != Type::ARRAY) corrupt(path, "expected a list");
    out.clear();
    std::size_t i = 0;
    for (Value element : dom::array(j)) {
      auto item = Blank<typename T::value_type>::make();
      const Path here{&path, {}, i++};
      from_json(element, item, here, format);
      if (!out.insert(std::move(item)).second) corrupt(here, "duplicate entry");
    }
  } else if constexpr (IsMap<T>::value) {
    if (j.type() != Type::OBJECT) corrupt(path, "expected an object");
    out.clear();
    for (dom::key_value_pair entry : dom::object(j)) {
      const auto k = enum_from<typename T::key_type>(entry.key, path);
      auto value = Blank<typename T::mapped_type>::make();
      from_json(entry.value, value, Path{&path, to_string(k)}, format);
      if (!out.emplace(k, std::move(value)).second) corrupt(path, "duplicate entry");
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (j.type() != Type::BOOL) corrupt(path, "expected true or false");
    out = bool(j);
  } else if constexpr (std::is_integral_v<T>) {
    out = integer_from<T>(j, path);
  } else if constexpr (std::is_same_v<T, std::string>) {
    out = std::string(text_from(j, path));
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

// Parses `text` with this thread's parser (which keeps its buffers between calls); the value
// lives until the thread's next parse. A failure becomes StorageError (kCorruptData) naming
// `what`; simdjson's message names the kind of error, never the text.
Value parse_text(std::string_view text, const std::string& what) {
  thread_local dom::parser parser;
  Value root;
  const auto error = parser.parse(text.data(), text.size(), true).get(root);
  if (error != simdjson::SUCCESS) {
    throw StorageError(
        "stored " + what + " is not valid JSON (" + simdjson::error_message(error) + ")",
        ErrorCode::kCorruptData);
  }
  return root;
}

/// The top level of a record stored without its policy: the policy its row references is copied
/// in (decoded once per store and cached there), every other field read as usual.
struct RootReader {
  Reader fields;
  const Policy* supplied;
  template <class F>
  void operator()(const char* name, F& field, Sensitivity mark = Sensitivity::kPlain) {
    if constexpr (std::is_same_v<F, Policy>) {
      if (supplied != nullptr) {
        const Path here{fields.path, name};
        if (const auto value = fields.find(name)) {
          from_json(*value, field, here, fields.format);
        } else {
          field = *supplied;
        }
        return;
      }
    }
    fields(name, field, mark);
  }
};

// Decodes parsed JSON as a T; every failure becomes StorageError (kCorruptData) naming `what`
// and the path, never a value. `policy`: for a record, the policy of its row.
template <class T>
T decode_json(Value j, const std::string& what, std::string_view root, int format,
              const Policy* policy = nullptr) {
  T out = Blank<T>::make();
  try {
    const Path path{nullptr, root};
    if constexpr (std::is_same_v<T, TrajectoryRecord>) {
      if (j.type() != Type::OBJECT) corrupt(path, "expected an object");
      RootReader reader{Reader{MemberOf{dom::object(j)}, &path, format}, policy};
      describe(reader, out);
    } else {
      from_json(j, out, path, format);
    }
  } catch (const Corrupt& c) {
    throw StorageError("stored " + what + " is damaged at " + c.path + ": " + c.problem,
                       ErrorCode::kCorruptData);
  } catch (const simdjson::simdjson_error&) {
    throw StorageError("stored " + what + " is damaged (unexpected JSON type)",
                       ErrorCode::kCorruptData);
  }
  return out;
}

}  // namespace

std::string encode_record(const TrajectoryRecord& record, bool with_policy, int format) {
  if (format != kRecordFormat && format != kFormatOmittingEmpty - 1) {
    throw std::invalid_argument("encode_record: format " + std::to_string(format) +
                                " cannot be written");
  }
  json out = to_json(record, format >= kFormatOmittingEmpty);
  if (!with_policy) out.erase("policy");
  out["format"] = format;
  return out.dump();
}

namespace {

int format_of(Value j, const std::string& what) {
  const auto format = j.type() == Type::OBJECT ? member(dom::object(j), "format") : std::nullopt;
  if (!format || (format->type() != Type::INT64 && format->type() != Type::UINT64)) {
    throw StorageError("stored " + what + " has no format number", ErrorCode::kCorruptData);
  }
  try {
    return integer_from<int>(*format, Path{nullptr, "format"});
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
  const Value j = parse_text(text, what);
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
  return decode_json<TrajectoryRecord>(j, what, "", format, policy);
}

std::string encode_topic(const TopicRecord& topic) { return to_json(topic, false).dump(); }

TopicRecord decode_topic(std::string_view text, const std::string& what, bool lenient) {
  // Topics are written in full: read strictly as format 3 (the last that wrote every field).
  return decode_json<TopicRecord>(parse_text(text, what), what, "",
                                  lenient ? 1 : kFormatOmittingEmpty - 1);
}

std::string encode_record_full(const TrajectoryRecord& record) {
  return to_json(record, false).dump();
}

std::string encode_special(const SpecialValues& values) { return to_json(values, false).dump(); }

SpecialValues decode_special(std::string_view text, const std::string& what) {
  // Written in full, like a topic: read strictly.
  return decode_json<SpecialValues>(parse_text(text, what), what, "", kFormatOmittingEmpty - 1);
}

std::string encode_policy(const Policy& policy) { return to_json(policy, false).dump(); }

Policy decode_policy(std::string_view text, const std::string& what) {
  // A stored policy has no format number of its own: one stored by 0.2 (format 2) lacks the
  // numbers format 3 added, which keep their legal defaults.
  // Policies are written in full (no empty values left out), so formats 2 and 3 tell them apart.
  return decode_json<Policy>(parse_text(text, what), what, "", 2);
}

}  // namespace inburgering::storage::detail
