#include "inburgering/calendar.hpp"

#include <charconv>
#include <cstdio>
#include <string>

#include "inburgering/error.hpp"

namespace inburgering {
namespace {

namespace bg = boost::gregorian;

int days_in_month(int year, int month) {
  return static_cast<int>(bg::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month)));
}

Date make_date(int year, int month, int day, std::string_view field) {
  try {
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
  } catch (const std::out_of_range&) {
    throw ValidationError(
        std::string(field), "must be a date between 1400-01-01 and 9999-12-31",
        std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day));
  }
}

}  // namespace

void require_valid(Date date, std::string_view field) {
  if (date.is_special()) {
    throw ValidationError(std::string(field), "must be a valid date", to_iso(date));
  }
}

Date add_months(Date date, int months) {
  require_valid(date, "date");
  const int index =
      static_cast<int>(date.year()) * 12 + (static_cast<int>(date.month()) - 1) + months;
  int year = index / 12;
  int month = index % 12 + 1;
  const int day = static_cast<int>(date.day());
  if (day > days_in_month(year, month)) {
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
  return add_months(first_day, months) - bg::days(1);
}

Date first_day_of_period_ending(Date last_day, int months) {
  require_valid(last_day, "last_day");
  if (months < 1) {
    throw ValidationError("months", "a period must last at least 1 month", std::to_string(months));
  }
  return add_months(last_day + bg::days(1), -months);
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
    return ValidationError(std::string(field), "must be an ISO date YYYY-MM-DD",
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
  if (month < 1 || month > 12 || day < 1 || year < 1400 || day > days_in_month(year, month)) {
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
