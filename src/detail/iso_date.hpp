#pragma once
// Private: ISO dates over the whole calendar (1400..9999), for dates a store computed and wrote
// itself (a term's end, a deadline, a cursor): those may lie past the model's input range
// (limits.hpp), for a term that started near its end.

#include <optional>
#include <string_view>

#include "inburgering/calendar.hpp"

namespace inburgering::detail {

/// "YYYY-MM-DD" as a date of the calendar, or empty. Never throws.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;

}  // namespace inburgering::detail
