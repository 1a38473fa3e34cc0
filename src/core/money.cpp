#include "inburgering/money.hpp"

#include <cstdlib>
#include <limits>
#include <string>

#include "inburgering/error.hpp"

namespace inburgering {
namespace {

void require_no_overflow(bool overflow) {
  if (overflow) throw ValidationError("money", "amount out of range", "overflow");
}

}  // namespace

Money Money::operator+(Money other) const {
  std::int64_t out = 0;
  require_no_overflow(__builtin_add_overflow(cents_, other.cents_, &out));
  return Money(out);
}

Money Money::operator-(Money other) const {
  std::int64_t out = 0;
  require_no_overflow(__builtin_sub_overflow(cents_, other.cents_, &out));
  return Money(out);
}

Money& Money::operator+=(Money other) { return *this = *this + other; }
Money& Money::operator-=(Money other) { return *this = *this - other; }

Money Money::times(std::int64_t factor) const {
  std::int64_t out = 0;
  require_no_overflow(__builtin_mul_overflow(cents_, factor, &out));
  return Money(out);
}

Money Money::percent(int percent) const {
  std::int64_t product = 0;
  require_no_overflow(__builtin_mul_overflow(cents_, static_cast<std::int64_t>(percent), &product));
  // Round half away from zero.
  const std::int64_t rounded = product >= 0 ? (product + 50) / 100 : (product - 50) / 100;
  return Money(rounded);
}

std::string to_string(Money amount) {
  const std::int64_t cents = amount.in_cents();
  const bool negative = cents < 0;
  // Avoid overflow on INT64_MIN by working in unsigned.
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string euros = std::to_string(magnitude / 100);
  for (int pos = static_cast<int>(euros.size()) - 3; pos > 0; pos -= 3) {
    euros.insert(static_cast<std::size_t>(pos), ".");
  }
  const std::uint64_t rest = magnitude % 100;
  return std::string(negative ? "-" : "") + "€ " + euros + "," + (rest < 10 ? "0" : "") +
         std::to_string(rest);
}

}  // namespace inburgering
