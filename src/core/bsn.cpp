#include "inburgering/bsn.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "detail/text_check.hpp"
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

namespace inburgering::detail {

bool contains_bsn_like(std::string_view text) noexcept {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_separator = [](char c) { return c == ' ' || c == '.' || c == '-'; };
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    // A sequence of digit groups joined by single separators.
    std::vector<std::string> groups;
    while (true) {
      std::string group;
      while (i < text.size() && is_digit(text[i])) group += text[i++];
      if (group.size() >= 9) return true;
      groups.push_back(std::move(group));
      if (i + 1 < text.size() && is_separator(text[i]) && is_digit(text[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    for (std::size_t first = 0; first < groups.size(); ++first) {
      std::string joined;
      for (std::size_t last = first; last < groups.size() && joined.size() < 9; ++last) {
        joined += groups[last];
        if (joined.size() == 9) return true;
        if (joined.size() == 8 && Bsn::is_valid("0" + joined)) return true;
      }
    }
  }
  return false;
}

}  // namespace inburgering::detail
