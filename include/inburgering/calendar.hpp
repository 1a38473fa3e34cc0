#pragma once
/// @file calendar.hpp
/// Dates and the one rule the library uses for periods expressed in months or years.
///
/// Dates are `boost::gregorian::date` (alias `Date`). Boost's own `months`/`years` durations
/// snap the end of a month to the end of a month (31 Jan + 1 month = 28 Feb, but then
/// 28 Feb + 1 month = 31 Mar), which is wrong for legal periods, so the library never uses them.
///
/// **Period rule** (as in EU Regulation 1182/71, art. 3, the rule Dutch administrative practice
/// follows): a period of N months that *begins on* day S ends at the end of the day before the
/// day with the same number N months later; when that day does not exist in the target month
/// (29-31), the day after the end of that month is taken. Hence:
///  - `last_day_of_period(2024-03-16, 36)` = 2027-03-15,
///  - `last_day_of_period(2024-02-29, 36)` = 2027-02-28 (29 Feb 2027 does not exist → 1 Mar),
///  - `last_day_of_period(2024-08-31, 6)` = 2025-02-28.

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>
#include <string_view>

#include "inburgering/export.hpp"

namespace inburgering {

/// A civil date in the Gregorian calendar.
using Date = boost::gregorian::date;

/// `date` moved by `months` calendar months (negative moves back). When the day of the month
/// does not exist in the target month, the result is the first day of the month after it
/// (31 Jan + 1 month = 1 Mar): the "corresponding day" of the period rule above.
/// @throws ValidationError if `date` is not a valid date or the result is out of Boost's range.
INBURGERING_EXPORT Date add_months(Date date, int months);

/// The last day (inclusive) of a period of `months` months that begins on `first_day`.
/// @throws ValidationError if `first_day` is invalid or `months` < 1.
INBURGERING_EXPORT Date last_day_of_period(Date first_day, int months);

/// The first day of a period of `months` months whose last day is `last_day` (the inverse of
/// `last_day_of_period` up to the month-end rule). Used for windows "N months before the end".
/// @throws ValidationError if `last_day` is invalid or `months` < 1.
INBURGERING_EXPORT Date first_day_of_period_ending(Date last_day, int months);

/// Whole months a person born on `birth_date` has lived on `on` (the age rule of the Wi 3: a
/// person reaches an age on the day of the corresponding date, born 29 Feb → 1 Mar).
/// @throws ValidationError if either date is invalid or `on` precedes `birth_date`.
INBURGERING_EXPORT int age_in_months(Date birth_date, Date on);

/// Parses an ISO 8601 calendar date "YYYY-MM-DD".
/// @throws ValidationError (field `field`) if the text is not such a date.
INBURGERING_EXPORT Date parse_date(std::string_view text, std::string_view field = "date");

/// Formats a date as ISO 8601 "YYYY-MM-DD"; "not-a-date" for an invalid date.
INBURGERING_EXPORT std::string to_iso(Date date);

/// @throws ValidationError (field `field`, rule "must be a valid date") if `date` is not a date.
INBURGERING_EXPORT void require_valid(Date date, std::string_view field);

}  // namespace inburgering
