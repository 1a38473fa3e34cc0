#pragma once
// Private helpers for building messages. Not part of the API.

#include <string>
#include <string_view>
#include <vector>

namespace inburgering::detail {

/// "a, b, c".
inline std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += separator;
    out += items[i];
  }
  return out;
}

/// Minutes as hours with at most two decimals, e.g. 450 → "7.5".
inline std::string hours_text(long minutes) {
  const long whole = minutes / 60;
  const long rest = minutes % 60;
  if (rest == 0) return std::to_string(whole);
  const long hundredths = (rest * 100 + 30) / 60;
  std::string frac = std::to_string(hundredths);
  if (frac.size() == 1) frac = "0" + frac;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return std::to_string(whole) + "." + frac;
}

}  // namespace inburgering::detail
