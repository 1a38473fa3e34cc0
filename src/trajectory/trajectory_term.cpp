// Trajectory: extensions and interruptions of the integration term (Wi 11-12; Bi 4).

#include "inburgering/trajectory/trajectory.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "trajectory/fields.hpp"
#include "trajectory/trajectory_rules.hpp"

namespace inburgering {

namespace bg = boost::gregorian;

// ---- Term ------------------------------------------------------------------------------------

void Trajectory::record_extension(Extension extension) {
  require_state({TrajectoryState::kRoute}, "recording an extension");
  detail::check_input(extension, "extension");
  validate(extension);
  if (extension.decided_on < record_.term->start) {
    throw ValidationError("extension.decided_on",
                          "must not be before the term starts on " + to_iso(record_.term->start),
                          to_iso(extension.decided_on));
  }
  record_.term->extensions.push_back(extension);
}

void Trajectory::record_interruption(Interruption interruption) {
  require_state({TrajectoryState::kRoute}, "recording an interruption");
  detail::check_input(interruption, "interruption");
  validate(interruption);
  auto& term = *record_.term;
  if (interruption.from < term.start) {
    throw ValidationError("interruption.from",
                          "must not be before the term starts on " + to_iso(term.start),
                          to_iso(interruption.from));
  }
  if (!term.interruptions.empty()) {
    const auto& last = term.interruptions.back();
    if (!last.until) {
      throw RuleViolation("Bi 4.2",
                          "the interruption from " + to_iso(last.from) + " is still open");
    }
    if (interruption.from <= *last.until) {
      throw ValidationError(
          "interruption.from",
          "must be after the previous interruption ended on " + to_iso(*last.until),
          to_iso(interruption.from));
    }
  }
  term.interruptions.push_back(std::move(interruption));
}

void Trajectory::end_interruption(Date until) {
  require_state({TrajectoryState::kRoute}, "ending an interruption");
  auto& interruptions = record_.term->interruptions;
  if (interruptions.empty() || interruptions.back().until) {
    throw RuleViolation("Bi 4.2", "no interruption is open");
  }
  require_valid(until, "interruption.until");
  if (until < interruptions.back().from) {
    throw ValidationError(
        "interruption.until",
        "must not be before interruption.from " + to_iso(interruptions.back().from), to_iso(until));
  }
  interruptions.back().until = until;
}

std::optional<Date> Trajectory::term_end(Date as_of) const {
  if (!record_.term) return std::nullopt;
  return record_.term->end_date(as_of);
}

}  // namespace inburgering
