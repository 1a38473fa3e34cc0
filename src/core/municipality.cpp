#include "inburgering/municipality.hpp"

#include <cstdio>
#include <string>

#include "inburgering/error.hpp"

namespace inburgering {

MunicipalityCode::MunicipalityCode(std::string_view code) {
  std::string_view digits = code;
  if (digits.size() == 6 && (digits.substr(0, 2) == "GM" || digits.substr(0, 2) == "gm")) {
    digits.remove_prefix(2);
  }
  unsigned value = 0;
  bool ok = digits.size() == 4;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (!ok || value == 0) {
    throw ValidationError("municipality",
                          "must be a 4-digit CBS gemeentecode (optionally GMxxxx), not 0000",
                          "'" + std::string(code.substr(0, 12)) + "'");
  }
  number_ = static_cast<std::uint16_t>(value);
}

std::string MunicipalityCode::to_string() const {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04u", static_cast<unsigned>(number_));
  return buffer;
}

}  // namespace inburgering
