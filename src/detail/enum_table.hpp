#pragma once
// Private: the one table per enumeration from which its name, Dutch label and parser come
// (see include/inburgering/enum_text.hpp). A table lists every enumerator in declaration order;
// a static_assert checks the order, so the value doubles as the index.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "inburgering/enum_text.hpp"
#include "inburgering/error.hpp"

namespace inburgering::detail {

template <class E>
struct EnumName {
  E value;
  std::string_view name;
  std::string_view label_nl;
};

template <class E, std::size_t N>
constexpr bool in_declaration_order(const EnumName<E> (&table)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(table[i].value)) != i) {
      return false;
    }
    if (table[i].name.empty() || table[i].label_nl.empty()) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (table[j].name == table[i].name) return false;
    }
  }
  return true;
}

/// Whether `V` is a named enumerator of its enumeration (not merely a value of its type): GCC and
/// clang spell a named one by its name in __PRETTY_FUNCTION__ ("V = Route::kZ") and any other
/// value as a cast ("V = (Route)3"), the technique magic_enum uses.
template <auto V>
constexpr bool is_named_enumerator() {
  constexpr std::string_view signature = __PRETTY_FUNCTION__;
  constexpr auto at = signature.find("V = ");
  static_assert(at != std::string_view::npos, "unknown compiler: cannot check enum tables");
  return signature[at + 4] != '(';
}

/// Whether the value after the table's last entry is no enumerator: no enumerator was left out
/// at the end (the order check covers the rest).
template <class E, std::size_t N>
constexpr bool covers_every_enumerator() {
  return !is_named_enumerator<static_cast<E>(N)>();
}

template <class E, std::size_t N>
constexpr const EnumName<E>* entry_of(const EnumName<E> (&table)[N], E value) noexcept {
  const auto index = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value));
  return index < N ? &table[index] : nullptr;
}

template <class E, std::size_t N>
constexpr std::array<E, N> values_of(const EnumName<E> (&table)[N]) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].value;
  return out;
}

/// The enumerator named `name` (its stable name), or none: for readers of stored text that
/// report a bad name themselves (the record decoder, the audit trail's reader).
template <class E>
std::optional<E> enum_named(std::string_view name) {
  for (E value : all_enumerators<E>()) {
    if (to_string(value) == name) return value;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
E parse_from(const EnumName<E> (&table)[N], std::string_view name, std::string_view field) {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  std::string known;
  for (const auto& entry : table) {
    if (!known.empty()) known += ", ";
    known += entry.name;
  }
  throw ValidationError(std::string(field), "must be one of: " + known,
                        "'" + std::string(name.substr(0, 40)) + "'");
}

}  // namespace inburgering::detail

/// Defines the functions `INBURGERING_ENUM_TEXT(E)` declares, from the table given as the
/// remaining arguments: `{E::kValue, "name", "Nederlands label"}, ...`. Use it in the namespace
/// of `E`, in the source file paired with E's header.
#define INBURGERING_DEFINE_ENUM_TEXT(E, ...)                                                   \
  namespace {                                                                                  \
  constexpr ::inburgering::detail::EnumName<E> k##E##Names[] = {__VA_ARGS__};                  \
  static_assert(::inburgering::detail::in_declaration_order(k##E##Names),                      \
                #E ": list every enumerator once, in declaration order, with name and label"); \
  static_assert(::inburgering::detail::covers_every_enumerator<E, std::size(k##E##Names)>(),   \
                #E ": an enumerator is missing from the end of its table");                    \
  constexpr auto k##E##Values = ::inburgering::detail::values_of(k##E##Names);                 \
  }                                                                                            \
  std::string_view to_string(E value) noexcept {                                               \
    const auto* entry = ::inburgering::detail::entry_of(k##E##Names, value);                   \
    return entry ? entry->name : std::string_view("unknown");                                  \
  }                                                                                            \
  std::string_view label_nl(E value) noexcept {                                                \
    const auto* entry = ::inburgering::detail::entry_of(k##E##Names, value);                   \
    return entry ? entry->label_nl : std::string_view("onbekend");                             \
  }                                                                                            \
  void parse_enum(std::string_view name, E& out, std::string_view field) {                     \
    out = ::inburgering::detail::parse_from(k##E##Names, name, field);                         \
  }                                                                                            \
  std::span<const E> enumerators(std::type_identity<E>) noexcept { return k##E##Values; }
