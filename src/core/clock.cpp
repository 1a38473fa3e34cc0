#include "inburgering/clock.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdio>

#include "detail/iso_date.hpp"
#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"

namespace inburgering {

Date SystemClock::today() const { return boost::gregorian::day_clock::local_day(); }

std::chrono::sys_seconds SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::chrono::sys_seconds FixedClock::now() const {
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(today_.year())},
                                        std::chrono::month{static_cast<unsigned>(today_.month())},
                                        std::chrono::day{static_cast<unsigned>(today_.day())}};
  return std::chrono::sys_days{ymd} + time_of_day_;
}

void FixedClock::set_time_of_day(std::chrono::seconds since_midnight) {
  if (since_midnight < std::chrono::seconds{0} || since_midnight >= std::chrono::hours{24}) {
    throw ValidationError("clock.time_of_day", "must be within one day",
                          std::to_string(since_midnight.count()) + " s");
  }
  time_of_day_ = since_midnight;
}

std::string to_iso(std::chrono::sys_seconds moment) {
  const auto days = std::chrono::floor<std::chrono::days>(moment);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss<std::chrono::seconds> time{moment - days};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

namespace detail {

std::optional<std::chrono::sys_seconds> parse_iso_timestamp(std::string_view text) noexcept {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const auto day = parse_iso_date(text.substr(0, 10));
  if (!day) return std::nullopt;
  auto two_digits = [&](std::size_t at, int maximum) -> int {
    const char high = text[at];
    const char low = text[at + 1];
    if (high < '0' || high > '9' || low < '0' || low > '9') return -1;
    const int value = (high - '0') * 10 + (low - '0');
    return value <= maximum ? value : -1;
  };
  const int hours = two_digits(11, 23);
  const int minutes = two_digits(14, 59);
  const int seconds = two_digits(17, 59);
  if (hours < 0 || minutes < 0 || seconds < 0) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(day->year())},
                                        std::chrono::month{static_cast<unsigned>(day->month())},
                                        std::chrono::day{static_cast<unsigned>(day->day())}};
  return std::chrono::sys_days{ymd} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds};
}

}  // namespace detail

FixedClock::FixedClock(Date today) : today_(today) { require_valid(today, "clock.today"); }

void FixedClock::set(Date date) {
  require_valid(date, "clock.today");
  today_ = date;
}

void FixedClock::advance_days(int days) {
  // Checked on day numbers first: Boost's own arithmetic overflows or throws bad_year, which
  // must not cross the API.
  const long target = static_cast<long>(today_.day_number()) + days;
  if (target < static_cast<long>(Date(kEarliestYear, 1, 1).day_number()) ||
      target > static_cast<long>(Date(kLatestYear, 12, 31).day_number())) {
    throw ValidationError("clock.today",
                          "must stay within the years " + std::to_string(kEarliestYear) + ".." +
                              std::to_string(kLatestYear),
                          to_iso(today_) + " + " + std::to_string(days) + " days");
  }
  set(today_ + boost::gregorian::days(days));
}

}  // namespace inburgering
