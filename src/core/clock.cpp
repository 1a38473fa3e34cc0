#include "inburgering/clock.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace inburgering {

Date SystemClock::today() const { return boost::gregorian::day_clock::local_day(); }

FixedClock::FixedClock(Date today) : today_(today) { require_valid(today, "clock.today"); }

void FixedClock::set(Date date) {
  require_valid(date, "clock.today");
  today_ = date;
}

void FixedClock::advance_days(int days) { today_ += boost::gregorian::days(days); }

}  // namespace inburgering
