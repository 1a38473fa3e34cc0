#pragma once
// Private: ISO dates over the whole calendar (1400..9999), for dates a store computed and wrote
// itself (a term's end, a deadline, a cursor): those may lie past the model's input range
// (limits.hpp), for a term that started near its end.

#include <chrono>
#include <optional>
#include <string_view>

#include "inburgering/calendar.hpp"

namespace inburgering::detail {

/// "YYYY-MM-DD" as a date of the calendar, or empty. Never throws.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;

/// "YYYY-MM-DDTHH:MM:SSZ" exactly as `to_iso(sys_seconds)` writes it: every position a digit
/// where a digit belongs, hours to 23, minutes and seconds to 59. Empty otherwise. Never throws.
std::optional<std::chrono::sys_seconds> parse_iso_timestamp(std::string_view text) noexcept;

}  // namespace inburgering::detail
