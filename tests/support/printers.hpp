#pragma once
// GoogleTest printers, so that failures show "2024-03-01" and "€ 50,00" instead of bytes.

#include <inburgering/calendar.hpp>
#include <inburgering/money.hpp>

#include <ostream>

namespace boost::gregorian {
inline void PrintTo(const date& value, std::ostream* os) { *os << inburgering::to_iso(value); }
}  // namespace boost::gregorian

namespace inburgering {
inline void PrintTo(Money value, std::ostream* os) { *os << to_string(value); }
}  // namespace inburgering
