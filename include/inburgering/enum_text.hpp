#pragma once
/// @file enum_text.hpp
/// Names and Dutch labels of the library's enumerations.
///
/// Every enumeration has exactly one table, private, in the source file paired with its header
/// (e.g. `Route` in `src/route/route.cpp`). Its header declares, through `INBURGERING_ENUM_TEXT`:
///  - `to_string(e)`: the stable snake_case name, e.g. `TargetGroup::kAsylumPermitHolder` →
///    "asylum_permit_holder". Names are stored, exported and used by scripts: they never change.
///  - `label_nl(e)`: the Dutch label for caseworker screens, e.g. "asielstatushouder".
///  - `enumerators(std::type_identity<E>{})`: every value, in declaration order.
/// and the templates below give the typed way back from a name:
/// ```cpp
/// const Route route = from_string<Route>("b1");       // Route::kB1
/// for (Route r : all_enumerators<Route>()) std::cout << label_nl(r) << "\n";
/// ```

#include <span>
#include <string_view>
#include <type_traits>

#include "inburgering/export.hpp"

/// Declares the text functions of enumeration `E` in the namespace of `E` (where argument-
/// dependent lookup finds them). `parse_enum` throws `ValidationError` (field `field`, rule
/// listing the known names, the unknown name as value, cut to 40 characters).
#define INBURGERING_ENUM_TEXT(E)                                                             \
  INBURGERING_EXPORT std::string_view to_string(E value) noexcept;                           \
  INBURGERING_EXPORT std::string_view label_nl(E value) noexcept;                            \
  INBURGERING_EXPORT void parse_enum(std::string_view name, E& out, std::string_view field); \
  INBURGERING_EXPORT std::span<const E> enumerators(std::type_identity<E>) noexcept

namespace inburgering {

/// The enumerator of `E` whose `to_string()` is `name` (exact, case-sensitive).
/// @throws ValidationError naming `field`, the known names and the unknown one.
template <class E>
E from_string(std::string_view name, std::string_view field = "value") {
  E out{};
  parse_enum(name, out, field);
  return out;
}

/// Every value of `E`, in declaration order.
template <class E>
std::span<const E> all_enumerators() noexcept {
  return enumerators(std::type_identity<E>{});
}

}  // namespace inburgering
