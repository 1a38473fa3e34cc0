#pragma once
// Fills every field of a record with random values, walking the same field lists as the codecs
// (src/detail/fields.hpp), so a field added to a list is covered without touching the tests.
// Records each leaf it fills, with its JSON pointer and whether the list marks it sensitive.

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "detail/walk.hpp"
#include "support/builders.hpp"
#include "trajectory/fields.hpp"

namespace inburgering::test {

struct FilledLeaf {
  std::string pointer;
  std::string text;  // scalar text of the value
  bool sensitive = false;
};

class RandomFiller {
 public:
  explicit RandomFiller(std::uint64_t seed) : rng_(seed) {}

  template <class T>
  void fill(T& value) {
    fill_value(value, detail::Path{}, detail::Sensitivity::kPlain);
  }

  /// Every leaf filled so far.
  const std::vector<FilledLeaf>& leaves() const { return leaves_; }

 private:
  struct Visitor {
    RandomFiller* self;
    const detail::Path* path;
    detail::Sensitivity sensitivity;
    template <class F>
    void operator()(const char* name, F& field,
                    detail::Sensitivity mark = detail::Sensitivity::kPlain) {
      self->fill_value(field, detail::Path{path, name}, detail::stricter(sensitivity, mark));
    }
  };

  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

  std::string token() {
    // Unmistakable in any text: a marker, a counter and random letters.
    std::string out = "Tok" + std::to_string(++counter_);
    for (int i = 0; i < 8; ++i) out += static_cast<char>('a' + between(0, 25));
    return out;
  }

  template <class T>
  void fill_value(T& value, const detail::Path& path, detail::Sensitivity sensitivity) {
    using detail::IsMap;
    using detail::IsOptional;
    using detail::IsSet;
    using detail::IsStrongId;
    using detail::IsVector;
    if constexpr (detail::Described<T>) {
      Visitor visitor{this, &path, sensitivity};
      describe(visitor, value);
    } else if constexpr (IsOptional<T>::value) {
      auto inner = detail::Blank<typename T::value_type>::make();
      fill_value(inner, path, sensitivity);
      value = std::move(inner);
    } else if constexpr (IsVector<T>::value) {
      value.clear();
      const int count = between(1, 3);
      for (int i = 0; i < count; ++i) {
        auto item = detail::Blank<typename T::value_type>::make();
        fill_value(item, detail::Path{&path, {}, static_cast<std::size_t>(i)}, sensitivity);
        value.push_back(std::move(item));
      }
    } else if constexpr (IsSet<T>::value) {
      value.clear();
      for (auto item : all_enumerators<typename T::value_type>()) {
        if (between(0, 1) == 1 || value.empty()) value.insert(item);
      }
      std::size_t i = 0;
      for (const auto& item : value) {
        leaves_.push_back({detail::Path{&path, {}, i++}.pointer(), detail::scalar_text(item),
                           sensitivity != detail::Sensitivity::kPlain});
      }
    } else if constexpr (IsMap<T>::value) {
      value.clear();
      for (auto key : all_enumerators<typename T::key_type>()) {
        auto item = detail::Blank<typename T::mapped_type>::make();
        fill_value(item, detail::Path{&path, to_string(key)},
                   detail::stricter(sensitivity, detail::entry_sensitivity(key)));
        value.emplace(key, std::move(item));
      }
    } else {
      if constexpr (std::is_same_v<T, bool>) {
        value = between(0, 1) == 1;
      } else if constexpr (std::is_enum_v<T>) {
        const auto all = all_enumerators<T>();
        value = all[static_cast<std::size_t>(between(0, static_cast<int>(all.size()) - 1))];
      } else if constexpr (std::is_integral_v<T>) {
        value = static_cast<T>(between(1, 100000));
      } else if constexpr (std::is_same_v<T, std::string>) {
        value = token();
      } else if constexpr (std::is_same_v<T, Date>) {
        value = Date(1950, 1, 1) + boost::gregorian::days(between(0, 200 * 365));
      } else if constexpr (std::is_same_v<T, Money>) {
        value = Money::cents(between(1, 10000000));
      } else if constexpr (IsStrongId<T>::value) {
        typename T::value_type inner{};
        fill_value(inner, path, sensitivity);
        leaves_.pop_back();  // recorded below as the id itself
        value = T(inner);
      } else if constexpr (std::is_same_v<T, MunicipalityCode>) {
        char code[8];
        std::snprintf(code, sizeof code, "%04d", between(1, 9998));
        value = MunicipalityCode(code);
      } else if constexpr (std::is_same_v<T, Bsn>) {
        value = bsn_for(between(1, 9000000));
      } else {
        static_assert(sizeof(T) == 0, "no random value for this field type");
      }
      leaves_.push_back(
          {path.pointer(), detail::scalar_text(value), sensitivity != detail::Sensitivity::kPlain});
    }
  }

  std::mt19937_64 rng_;
  int counter_ = 0;
  std::vector<FilledLeaf> leaves_;
};

/// A record with every field filled at random (not a valid trajectory: for codecs and diffs).
inline TrajectoryRecord random_record(std::uint64_t seed,
                                      std::vector<FilledLeaf>* leaves = nullptr) {
  RandomFiller filler(seed);
  TrajectoryRecord record = detail::Blank<TrajectoryRecord>::make();
  filler.fill(record);
  if (leaves) *leaves = filler.leaves();
  return record;
}

}  // namespace inburgering::test
