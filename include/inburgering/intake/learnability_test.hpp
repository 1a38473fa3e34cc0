#pragma once
/// @file learnability_test.hpp
/// The learnability test (leerbaarheidstoets, LBT; Wi 14.3.a, 14.5-14.6): which CEFR level the
/// person can reach within the term, and so whether the B1-route is feasible.

#include <optional>
#include <string>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"

namespace inburgering {

/// The ground of the ontheffing from the learnability test (Wi 14.6): the only two the Act
/// names, each with "niet in staat wordt geacht de leerbaarheidstoets af te leggen". Health
/// data (special category).
enum class LearnabilityDispensationGround {
  /// Wi 14.6.a: een visuele beperking.
  kVisualImpairment,
  /// Wi 14.6.b: een auditieve beperking.
  kAuditoryImpairment,
};

INBURGERING_ENUM_TEXT(LearnabilityDispensationGround);

/// The result of the learnability test, or the dispensation from it (Wi 14.6: visual or
/// auditory impairment). Exactly one of `score` and `dispensation_reason` is set.
///
/// The test keeps the scale it was judged on: `Trajectory::record_learnability_test` sets
/// `max_score` and `pass_mark` from the trajectory's policy of that day, so a later change of the
/// pass mark (as on 12-04-2023, 31 → 28) does not change what an earlier test said.
struct INBURGERING_EXPORT LearnabilityTest {
  /// When the test was taken, or the dispensation decided.
  Date taken_on;
  /// Score from 0 to `max_score`. Personal data.
  std::optional<int> score;
  /// Set when the person was dispensed from the test (Wi 14.6). About an impairment: special-
  /// category data (health), withheld like `dispensation_ground`.
  std::optional<std::string> dispensation_reason;
  /// Highest possible score when the test was judged (`Policy::learnability_max_score`).
  int max_score = 40;
  /// Pass mark when the test was judged (`Policy::learnability_pass_mark`).
  int pass_mark = 28;
  /// With a dispensation: its ground (Wi 14.6.a-b), required by
  /// `Trajectory::record_learnability_test`; dispensations recorded before 0.6 may lack it.
  /// Never with a score. Special-category data (health).
  std::optional<LearnabilityDispensationGround> dispensation_ground;
  /// The special-category values of a dispensation (`dispensation_reason`,
  /// `dispensation_ground`; Wi 37.2; Bi 9.11) are withheld: the record was loaded without health
  /// information (`storage::LoadOptions::with_health`). The reason is then empty (it still
  /// shows that the test was dispensed) and the ground is empty. A store keeps the values apart
  /// and puts them back on save.
  bool special_withheld = false;

  /// Whether the score meets `pass_mark`: B1-route (including scaling down to A2) feasible.
  /// False for a dispensation (no score).
  bool b1_route_feasible() const;

  /// @throws ValidationError: invalid date; neither or both of score and dispensation; score
  ///         outside 0..max_score; empty dispensation reason; a pass mark outside 0..max_score;
  ///         a dispensation ground with a score.
  void validate() const;

  friend bool operator==(const LearnabilityTest&, const LearnabilityTest&) = default;
};

}  // namespace inburgering
