#pragma once
/// @file money.hpp
/// An amount in euro cents. All money in the library (fines, fixed costs, caps) is `Money`:
/// no floating point, no implicit conversion from numbers.

#include <compare>
#include <cstdint>
#include <string>

#include "inburgering/export.hpp"

namespace inburgering {

/// An amount of money in euro cents; may be negative (corrections). Arithmetic throws
/// `ValidationError` on overflow rather than wrapping.
class INBURGERING_EXPORT Money {
 public:
  /// Zero euro.
  constexpr Money() = default;
  static constexpr Money cents(std::int64_t cents) { return Money(cents); }
  static constexpr Money euros(std::int64_t euros) { return Money(euros * 100); }

  constexpr std::int64_t in_cents() const noexcept { return cents_; }

  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money& operator+=(Money other);
  Money& operator-=(Money other);
  /// Multiplies by a whole number (e.g. months).
  Money times(std::int64_t factor) const;
  /// `percent`% of this amount, rounded half away from zero to a whole cent.
  Money percent(int percent) const;

  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr bool operator==(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

/// Dutch notation, e.g. "€ 1.250,00" or "-€ 0,50".
INBURGERING_EXPORT std::string to_string(Money amount);

}  // namespace inburgering
