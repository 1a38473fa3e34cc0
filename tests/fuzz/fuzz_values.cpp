// Entrances: the value types that parse text: Bsn, parse_date, MunicipalityCode, from_string of
// an enum, check_text. Each either accepts (and then round-trips) or throws ValidationError.
#include <cstdlib>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace inburgering;
  const std::string_view text = fuzz::as_text(data, size);
  try {
    const Bsn bsn(text);
    if (bsn.digits() != text || bsn.masked().size() != 9) std::abort();
  } catch (const ValidationError&) {
  }
  try {
    const Date date = parse_date(text);
    if (to_iso(date) != text) std::abort();
  } catch (const ValidationError&) {
  }
  try {
    const MunicipalityCode code(text);
    if (code.to_string().size() != 4) std::abort();
  } catch (const ValidationError&) {
  }
  try {
    const Route route = from_string<Route>(text);
    if (to_string(route) != text) std::abort();
  } catch (const ValidationError&) {
  }
  try {
    check_text(text, "text");
  } catch (const ValidationError&) {
  }
  return 0;
}
