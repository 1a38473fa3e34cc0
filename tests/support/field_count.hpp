#pragma once
// How many members an aggregate has, found without its field list: the largest N for which
// T{x1, ..., xN} compiles (at most 48), with x convertible to anything (the technique of
// Boost.PFR). Used to check that every field list names every member, so a list cannot silently
// leave one out.

#include <cstddef>
#include <utility>

namespace inburgering::test {

struct AnyMember {
  template <class U>
  operator U() const;  // never defined: only used in unevaluated requires-expressions
};

template <class T, std::size_t... I>
constexpr bool brace_constructible(std::index_sequence<I...>) {
  return requires { T{(static_cast<void>(I), AnyMember{})...}; };
}

/// Searched downwards from `N`: with fewer initializers than members, the rest must be
/// default-constructible, which a member like `Bsn` is not, so small counts may fail too.
template <class T, std::size_t N = 48>
constexpr std::size_t member_count() {
  if constexpr (brace_constructible<T>(std::make_index_sequence<N>{})) {
    return N;
  } else if constexpr (N == 0) {
    return 0;
  } else {
    return member_count<T, N - 1>();
  }
}

}  // namespace inburgering::test
