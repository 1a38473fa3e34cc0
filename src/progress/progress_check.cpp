#include "inburgering/progress/progress_check.hpp"

#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(ProgressAssessment,
                             {ProgressAssessment::kOnTrack, "on_track", "op schema"},
                             {ProgressAssessment::kBehind, "behind", "achter op schema"},
                             {ProgressAssessment::kAhead, "ahead", "voor op schema"});

std::vector<Date> spread_interviews(Date from, Date until, int count) {
  // Computed dates (a term's end may lie after kLatestYear): valid, not limited to input years.
  if (from.is_special()) throw ValidationError("interviews.from", "must be a valid date", "none");
  if (until.is_special()) throw ValidationError("interviews.until", "must be a valid date", "none");
  if (count < 0) {
    throw ValidationError("plan.progress_interview_count", "must not be negative",
                          std::to_string(count));
  }
  if (until <= from) {
    throw ValidationError("interviews.until", "must be after " + to_iso(from), to_iso(until));
  }
  const long span = (until - from).days();
  std::vector<Date> dates;
  dates.reserve(static_cast<std::size_t>(count));
  for (int k = 1; k <= count; ++k) {
    dates.push_back(from + boost::gregorian::days(span * k / (count + 1)));
  }
  return dates;
}

}  // namespace inburgering
