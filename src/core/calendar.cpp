#include "inburgering/calendar.hpp"

#include <charconv>
#include <cstdio>
#include <string>

#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"

namespace inburgering {
namespace {

namespace bg = boost::gregorian;

int days_in_month(int year, int month) {
  return static_cast<int>(bg::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month)));
}

// Boost's calendar covers the years 1400..9999; outside them its types throw bad_year and
// friends (std::out_of_range), which must not cross the API.
constexpr long kCalendarFirstYear = 1400;
constexpr long kCalendarLastYear = 9999;

[[noreturn]] void out_of_calendar(std::string_view field, const std::string& value) {
  throw ValidationError(std::string(field), "the result lies outside the calendar (1400..9999)",
                        value);
}

Date make_date(long year, int month, int day, std::string_view field) {
  if (year < kCalendarFirstYear || year > kCalendarLastYear) {
    out_of_calendar(field, "year " + std::to_string(year));
  }
  try {
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
  } catch (const std::out_of_range&) {
    out_of_calendar(field,
                    std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day));
  }
}

// `date` moved by `days`, or ValidationError outside the calendar.
Date shift(Date date, long days, std::string_view field) {
  // Checked on day numbers first: Boost's arithmetic overflows or throws bad_year.
  const long target = static_cast<long>(date.day_number()) + days;
  if (target < static_cast<long>(Date(1400, 1, 1).day_number()) ||
      target > static_cast<long>(Date(9999, 12, 31).day_number())) {
    out_of_calendar(field, to_iso(date) + " + " + std::to_string(days) + " days");
  }
  return date + bg::days(days);
}

}  // namespace

void require_valid(Date date, std::string_view field) {
  if (date.is_special()) {
    throw ValidationError(std::string(field), "must be a valid date", to_iso(date));
  }
  const int year = static_cast<int>(date.year());
  if (year < kEarliestYear || year > kLatestYear) {
    throw ValidationError(std::string(field),
                          "must lie in the years " + std::to_string(kEarliestYear) + ".." +
                              std::to_string(kLatestYear),
                          to_iso(date));
  }
}

Date add_months(Date date, int months) {
  if (date.is_special()) throw ValidationError("date", "must be a valid date", to_iso(date));
  // Wide arithmetic: `months` may be any int.
  const long index =
      static_cast<long>(date.year()) * 12 + (static_cast<long>(date.month()) - 1) + months;
  if (index < 0) out_of_calendar("date", to_iso(date) + " + " + std::to_string(months) + " months");
  long year = index / 12;
  int month = static_cast<int>(index % 12) + 1;
  if (year < kCalendarFirstYear || year > kCalendarLastYear) {
    out_of_calendar("date", to_iso(date) + " + " + std::to_string(months) + " months");
  }
  const int day = static_cast<int>(date.day());
  if (day > days_in_month(static_cast<int>(year), month)) {
    // The corresponding day does not exist: take the first day of the next month.
    if (++month > 12) {
      month = 1;
      ++year;
    }
    return make_date(year, month, 1, "date");
  }
  return make_date(year, month, day, "date");
}

Date last_day_of_period(Date first_day, int months) {
  require_valid(first_day, "first_day");
  if (months < 1) {
    throw ValidationError("months", "a period must last at least 1 month", std::to_string(months));
  }
  return shift(add_months(first_day, months), -1, "date");
}

Date first_day_of_period_ending(Date last_day, int months) {
  require_valid(last_day, "last_day");
  if (months < 1) {
    throw ValidationError("months", "a period must last at least 1 month", std::to_string(months));
  }
  return add_months(shift(last_day, 1, "date"), -months);
}

int age_in_months(Date birth_date, Date on) {
  require_valid(birth_date, "birth_date");
  require_valid(on, "date");
  if (on < birth_date) {
    throw ValidationError("birth_date", "must not be after the reference date", to_iso(on));
  }
  int months = (static_cast<int>(on.year()) - static_cast<int>(birth_date.year())) * 12 +
               (static_cast<int>(on.month()) - static_cast<int>(birth_date.month()));
  // Not yet reached the corresponding day in this month: one month less.
  if (add_months(birth_date, months) > on) --months;
  return months;
}

Date parse_date(std::string_view text, std::string_view field) {
  auto fail = [&]() -> ValidationError {
    return ValidationError(std::string(field),
                           "must be an ISO date YYYY-MM-DD in the years " +
                               std::to_string(kEarliestYear) + ".." + std::to_string(kLatestYear),
                           "'" + std::string(text.substr(0, 20)) + "'");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw fail();
  auto number = [&](std::size_t pos, std::size_t len) {
    int value = 0;
    const char* first = text.data() + pos;
    const auto [ptr, ec] = std::from_chars(first, first + len, value);
    if (ec != std::errc() || ptr != first + len) throw fail();
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (month < 1 || month > 12 || day < 1 || year < kEarliestYear || year > kLatestYear ||
      day > days_in_month(year, month)) {
    throw fail();
  }
  return make_date(year, month, day, field);
}

std::string to_iso(Date date) {
  if (date.is_special()) return "not-a-date";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()));
  return buffer;
}

}  // namespace inburgering
