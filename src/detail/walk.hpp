#pragma once
// Private: walkers over the field lists of src/detail/fields.hpp that every module uses: the
// path of a field, the text of a scalar, the input check of texts and dates, and the typed
// field-level diff of two records. Include the module's fields.hpp (or trajectory/fields.hpp)
// before instantiating them, so that `describe` is found for every record type.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "detail/fields.hpp"
#include "detail/text_check.hpp"
#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"

namespace inburgering::detail {

// ---- Paths -----------------------------------------------------------------------------------

/// Where a field is, as a chain on the stack; rendered only when needed (an error, a change).
struct Path {
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  const Path* parent = nullptr;
  /// Field name or map key; empty for a list element.
  std::string_view name;
  std::size_t index = kNoIndex;

  /// "intake.topics.health.notes", "plan_versions[1].content.goals[0]".
  std::string dotted() const {
    std::string out = parent ? parent->dotted() : std::string();
    if (index != kNoIndex) return out + "[" + std::to_string(index) + "]";
    if (!out.empty() && !name.empty()) out += '.';
    return out + std::string(name);
  }
  /// JSON pointer (RFC 6901) as the audit trail stores it: "/intake/topics/health/notes".
  std::string pointer() const {
    std::string out = parent ? parent->pointer() : std::string();
    if (index != kNoIndex) return out + "/" + std::to_string(index);
    if (name.empty()) return out;
    return out + "/" + std::string(name);
  }
};

// ---- Scalars ---------------------------------------------------------------------------------

template <class T>
constexpr bool kIsScalar = !Described<T> && !IsOptional<T>::value && !IsVector<T>::value &&
                           !IsSet<T>::value && !IsMap<T>::value;

/// A scalar as the text the audit trail and messages show (as stored: names, ISO dates, cents).
template <class T>
std::string scalar_text(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(to_string(value));
  } else if constexpr (std::is_integral_v<T>) {
    return std::to_string(value);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return value;
  } else if constexpr (std::is_same_v<T, Date>) {
    return to_iso(value);
  } else if constexpr (std::is_same_v<T, Money>) {
    return std::to_string(value.in_cents());
  } else if constexpr (IsStrongId<T>::value) {
    return scalar_text(value.value());
  } else if constexpr (std::is_same_v<T, MunicipalityCode>) {
    return value.to_string();
  } else if constexpr (std::is_same_v<T, Bsn>) {
    return value.digits();
  } else {
    static_assert(sizeof(T) == 0, "a field type without a text form");
  }
}

/// The sensitivity of a map entry by its key; a module declares `key_sensitivity(K)` for keys
/// that make an entry sensitive (the health topic).
template <class K>
Sensitivity entry_sensitivity(const K& key) {
  if constexpr (requires { key_sensitivity(key); }) {
    return key_sensitivity(key);
  } else {
    return Sensitivity::kPlain;
  }
}

// ---- Input check: texts, identifiers and dates -----------------------------------------------

template <class T>
void check_input(const T& value, const Path& path, Sensitivity sensitivity = Sensitivity::kPlain);

struct InputChecker {
  const Path* path;
  Sensitivity sensitivity;
  template <class F>
  void operator()(const char* name, const F& field, Sensitivity mark = Sensitivity::kPlain) {
    check_input(field, Path{path, name}, stricter(sensitivity, mark));
  }
};

/// Checks every text (limits.hpp: UTF-8, control characters, length), every user id and every
/// date (valid, within kEarliestYear..kLatestRecordYear: a record also holds dates the library
/// computed) in `value`. Act inputs are checked against kLatestYear by require_valid.
/// @throws ValidationError naming the field by its dotted path; never a text, and never a date
///         of a field marked personal.
template <class T>
void check_input(const T& value, const Path& path, Sensitivity sensitivity) {
  if constexpr (Described<T>) {
    InputChecker checker{&path, sensitivity};
    describe(checker, value);
  } else if constexpr (IsOptional<T>::value) {
    if (value) check_input(*value, path, sensitivity);
  } else if constexpr (IsVector<T>::value || IsSet<T>::value) {
    std::size_t i = 0;
    for (const auto& item : value) check_input(item, Path{&path, {}, i++}, sensitivity);
  } else if constexpr (IsMap<T>::value) {
    for (const auto& [key, item] : value) {
      check_input(item, Path{&path, to_string(key)}, stricter(sensitivity, entry_sensitivity(key)));
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    const char* why = value.size() > kMaxTextBytes ? "is longer than kMaxTextBytes (16 KiB)"
                                                   : text_problem(value, true);
    if (why != nullptr) {
      throw ValidationError(path.dotted(), why,
                            std::to_string(value.size()) + " bytes; value withheld");
    }
  } else if constexpr (std::is_same_v<T, UserId>) {
    check_identifier(value.value(), path.dotted());
  } else if constexpr (std::is_same_v<T, Date>) {
    if (value.is_special() || value.year() < kEarliestYear || value.year() > kLatestRecordYear) {
      throw ValidationError(path.dotted(),
                            "must be a valid date in the years " + std::to_string(kEarliestYear) +
                                ".." + std::to_string(kLatestRecordYear),
                            sensitivity != Sensitivity::kPlain ? "value withheld" : to_iso(value));
    }
  }
}

/// `check_input(value, path)` for a value whose root has the name `root` ("plan", "extension").
template <class T>
void check_input(const T& value, std::string_view root) {
  check_input(value, Path{nullptr, root});
}

// ---- Field-level diff ------------------------------------------------------------------------

/// What the audit trail shows instead of a personal or special-category value.
inline constexpr std::string_view kMasked = "(personal data)";
/// What it shows for a side that has no value at that path.
inline constexpr std::string_view kAbsent = "(absent)";

/// One changed leaf: JSON pointer, text before and after, and the strictest sensitivity on its
/// path. A sensitive value is never copied: its text is `kMasked`.
struct LeafChange {
  std::string pointer;
  std::string before;
  std::string after;
  Sensitivity sensitivity;
};

template <class T>
void diff_values(const T* a, const T* b, const Path& path, Sensitivity sensitivity,
                 std::vector<LeafChange>& out);

/// Remembers the address of every field of a record, in list order.
struct FieldCollector {
  std::vector<const void*>* fields;
  template <class F>
  void operator()(const char*, const F& field, Sensitivity = Sensitivity::kPlain) {
    fields->push_back(&field);
  }
};

/// Walks one record's list and pairs each field with the same field of the other record: the
/// list is the same function for both, so the k-th address has the k-th field's type.
struct FieldZipper {
  const std::vector<const void*>* a;
  const std::vector<const void*>* b;
  const Path* path;
  Sensitivity sensitivity;
  std::vector<LeafChange>* out;
  std::size_t next = 0;

  template <class F>
  void operator()(const char* name, const F&, Sensitivity field = Sensitivity::kPlain) {
    const F* fa = a->empty() ? nullptr : static_cast<const F*>((*a)[next]);
    const F* fb = b->empty() ? nullptr : static_cast<const F*>((*b)[next]);
    ++next;
    diff_values(fa, fb, Path{path, name}, stricter(sensitivity, field), *out);
  }
};

/// Every leaf that differs between `a` and `b` (null: the side has no value there).
template <class T>
void diff_values(const T* a, const T* b, const Path& path, Sensitivity sensitivity,
                 std::vector<LeafChange>& out) {
  if (a == nullptr && b == nullptr) return;
  if constexpr (Described<T>) {
    std::vector<const void*> fa;
    std::vector<const void*> fb;
    FieldCollector ca{&fa};
    FieldCollector cb{&fb};
    if (a) describe(ca, *a);
    if (b) describe(cb, *b);
    FieldZipper zipper{&fa, &fb, &path, sensitivity, &out};
    describe(zipper, a ? *a : *b);
  } else if constexpr (IsOptional<T>::value) {
    diff_values(a && *a ? &**a : nullptr, b && *b ? &**b : nullptr, path, sensitivity, out);
  } else if constexpr (IsVector<T>::value || IsSet<T>::value) {
    using Item = typename T::value_type;
    std::vector<const Item*> ia;
    std::vector<const Item*> ib;
    if (a) {
      for (const auto& item : *a) ia.push_back(&item);
    }
    if (b) {
      for (const auto& item : *b) ib.push_back(&item);
    }
    for (std::size_t i = 0; i < std::max(ia.size(), ib.size()); ++i) {
      diff_values(i < ia.size() ? ia[i] : nullptr, i < ib.size() ? ib[i] : nullptr,
                  Path{&path, {}, i}, sensitivity, out);
    }
  } else if constexpr (IsMap<T>::value) {
    using Key = typename T::key_type;
    std::vector<Key> keys;
    if (a) {
      for (const auto& entry : *a) keys.push_back(entry.first);
    }
    if (b) {
      for (const auto& entry : *b) {
        if (!a || a->count(entry.first) == 0) keys.push_back(entry.first);
      }
    }
    std::sort(keys.begin(), keys.end());
    for (const Key& key : keys) {
      const auto* va = a && a->count(key) ? &a->at(key) : nullptr;
      const auto* vb = b && b->count(key) ? &b->at(key) : nullptr;
      diff_values(va, vb, Path{&path, to_string(key)},
                  stricter(sensitivity, entry_sensitivity(key)), out);
    }
  } else {
    if (a && b && *a == *b) return;
    auto text = [sensitivity](const T* value) {
      if (value == nullptr) return std::string(kAbsent);
      if (sensitivity != Sensitivity::kPlain) return std::string(kMasked);
      return scalar_text(*value);
    };
    out.push_back(LeafChange{path.pointer(), text(a), text(b), sensitivity});
  }
}

}  // namespace inburgering::detail
