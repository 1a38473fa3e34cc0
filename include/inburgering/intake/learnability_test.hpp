#pragma once
/// @file learnability_test.hpp
/// The learnability test (leerbaarheidstoets, LBT; Wi 14.3.a, 14.5-14.6): which CEFR level the
/// person can reach within the term, and so whether the B1-route is feasible.

#include <optional>
#include <string>

#include "inburgering/calendar.hpp"

namespace inburgering {

struct Policy;

/// The result of the learnability test, or the dispensation from it (Wi 14.6: visual or
/// auditory impairment). Exactly one of `score` and `dispensation_reason` is set.
struct LearnabilityTest {
  /// When the test was taken, or the dispensation decided.
  Date taken_on;
  /// Score from 0 to `Policy::learnability_max_score` (40).
  std::optional<int> score;
  /// Set when the person was dispensed from the test (Wi 14.6).
  std::optional<std::string> dispensation_reason;

  /// Whether the score meets `Policy::learnability_pass_mark` (28 of 40): B1-route (including
  /// scaling down to A2) feasible. False for a dispensation (no score).
  bool b1_route_feasible(const Policy& policy) const;

  /// @throws ValidationError: invalid date; neither or both of score and dispensation; score
  ///         outside 0..max; empty dispensation reason.
  void validate(const Policy& policy) const;

  friend bool operator==(const LearnabilityTest&, const LearnabilityTest&) = default;
};

}  // namespace inburgering
