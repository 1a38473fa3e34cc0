#include "inburgering/calendar.hpp"

#include <charconv>
#include <cstdio>
#include <string>

#include "detail/iso_date.hpp"
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

// The calendar functions work on computed dates too (a term may end after kLatestYear): they
// need a date, not one within the input years of limits.hpp.
void require_date(Date date, std::string_view field) {
  if (date.is_special()) throw ValidationError(std::string(field), "must be a valid date", "none");
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
  require_date(first_day, "first_day");
  if (months < 1) {
    throw ValidationError("months", "a period must last at least 1 month", std::to_string(months));
  }
  return shift(add_months(first_day, months), -1, "date");
}

Date first_day_of_period_ending(Date last_day, int months) {
  require_date(last_day, "last_day");
  if (months < 1) {
    throw ValidationError("months", "a period must last at least 1 month", std::to_string(months));
  }
  return add_months(shift(last_day, 1, "date"), -months);
}

int age_in_months(Date birth_date, Date on) {
  if (birth_date.is_special()) {
    throw ValidationError("birth_date", "must be a valid date", "value withheld");
  }
  require_date(on, "date");
  if (on < birth_date) {
    throw ValidationError("birth_date", "must not be after the reference date", to_iso(on));
  }
  int months = (static_cast<int>(on.year()) - static_cast<int>(birth_date.year())) * 12 +
               (static_cast<int>(on.month()) - static_cast<int>(birth_date.month()));
  // Not yet reached the corresponding day in this month: one month less.
  if (add_months(birth_date, months) > on) --months;
  return months;
}

namespace detail {

std::optional<Date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    const char* first = text.data() + starts[k];
    for (std::size_t c = 0; c < lengths[k]; ++c) {
      if (first[c] < '0' || first[c] > '9') return std::nullopt;
    }
    std::from_chars(first, first + lengths[k], parts[k]);
  }
  const int year = parts[0];
  const int month = parts[1];
  const int day = parts[2];
  if (year < kCalendarFirstYear || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

}  // namespace detail

Date parse_date(std::string_view text, std::string_view field) {
  const auto date = detail::parse_iso_date(text);
  if (!date || date->year() < kEarliestYear || date->year() > kLatestYear) {
    // The input is quoted only when it has the shape of a date; anything else (a name or a
    // number typed into the wrong field) is described, not repeated.
    const bool date_like =
        text.size() <= 10 && text.find_first_not_of("0123456789-") == std::string_view::npos;
    throw ValidationError(
        std::string(field),
        "must be an ISO date YYYY-MM-DD in the years " + std::to_string(kEarliestYear) + ".." +
            std::to_string(kLatestYear),
        date_like ? "'" + std::string(text) + "'" : std::to_string(text.size()) + " characters");
  }
  return *date;
}

std::string to_iso(Date date) {
  if (date.is_special()) return "not-a-date";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()));
  return buffer;
}

}  // namespace inburgering
