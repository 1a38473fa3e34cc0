#pragma once
/// @file progress_check.hpp
/// Progress interviews (voortgangsgesprekken): the college must keep sufficient view of
/// progress (Wi 17.1); the PIP fixes how many interviews there are (Bi 5.3.4).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"

namespace inburgering {

/// The caseworker's assessment of progress in an interview. Lower or higher progress than
/// expected is the ground for a route switch (Wi 17.2).
enum class ProgressAssessment { kOnTrack, kBehind, kAhead };

INBURGERING_ENUM_TEXT(ProgressAssessment);

/// One progress interview, scheduled from the PIP, and its outcome once held.
struct INBURGERING_EXPORT ProgressInterview {
  /// The date it is planned for; the due date of the "interview due" signal.
  Date scheduled_on;
  /// The PIP version whose schedule it belongs to (0 for an unscheduled, extra interview).
  int plan_version = 0;
  std::optional<Date> held_on;
  std::optional<ProgressAssessment> assessment;
  /// Written outcome. May contain personal data: never logged.
  std::string notes;

  bool held() const noexcept { return held_on.has_value(); }
  friend bool operator==(const ProgressInterview&, const ProgressInterview&) = default;
};

/// `count` interview dates spread evenly over (`from`, `until`]: the k-th on
/// from + k·(until − from)/(count + 1) days, so the last one falls before the end.
/// @throws ValidationError if `count` < 0 or `until` is not after `from`.
INBURGERING_EXPORT std::vector<Date> spread_interviews(Date from, Date until, int count);

}  // namespace inburgering
