#include "inburgering/bsn.hpp"

#include <algorithm>
#include <string>

#include "inburgering/error.hpp"

namespace inburgering {
namespace {

// The reason `digits` is not a BSN, or nullptr. Never includes the digits themselves.
const char* problem(std::string_view digits) noexcept {
  if (digits.size() != 9) return "must be exactly 9 digits";
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "must be exactly 9 digits";
  }
  if (digits == "000000000") return "must not be all zeros";
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[static_cast<std::size_t>(i)] - '0');
  sum -= digits[8] - '0';
  if (sum % 11 != 0) return "must pass the eleven-test (elfproef)";
  return nullptr;
}

std::string describe(std::string_view digits) {
  const bool only_digits =
      std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  return std::to_string(digits.size()) + " characters" + (only_digits ? "" : ", not all digits") +
         "; value withheld";
}

}  // namespace

Bsn::Bsn(std::string_view digits) {
  if (const char* why = problem(digits)) throw ValidationError("bsn", why, describe(digits));
  digits_.assign(digits);
}

bool Bsn::is_valid(std::string_view digits) noexcept { return problem(digits) == nullptr; }

std::string Bsn::masked() const { return "******" + digits_.substr(6); }

}  // namespace inburgering
