#include "inburgering/intake/learnability_test.hpp"

#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(LearnabilityDispensationGround,
                             {LearnabilityDispensationGround::kVisualImpairment,
                              "visual_impairment", "visuele beperking"},
                             {LearnabilityDispensationGround::kAuditoryImpairment,
                              "auditory_impairment", "auditieve beperking"});

bool LearnabilityTest::b1_route_feasible() const {
  return score.has_value() && *score >= pass_mark;
}

void LearnabilityTest::validate() const {
  require_valid(taken_on, "learnability_test.taken_on");
  if (score.has_value() == dispensation_reason.has_value()) {
    throw ValidationError("learnability_test.score",
                          "exactly one of a score and a dispensation (Wi 14.6) is required",
                          score ? "both" : "neither");
  }
  if (max_score < 1) {
    throw ValidationError("learnability_test.max_score", "must be at least 1",
                          std::to_string(max_score));
  }
  if (pass_mark < 0 || pass_mark > max_score) {
    throw ValidationError("learnability_test.pass_mark",
                          "must be between 0 and the maximum score " + std::to_string(max_score),
                          std::to_string(pass_mark));
  }
  if (score && (*score < 0 || *score > max_score)) {
    // The score is personal data: the message gives the scale, not the score.
    throw ValidationError("learnability_test.score",
                          "must be between 0 and " + std::to_string(max_score), "out of range");
  }
  if (dispensation_ground && score) {
    throw ValidationError("learnability_test.dispensation_ground",
                          "a dispensation ground goes with a dispensation, not with a score",
                          "set");
  }
  if (special_withheld) {
    if (!dispensation_reason || !dispensation_reason->empty() || dispensation_ground) {
      throw ValidationError("learnability_test.special_withheld",
                            "only a dispensation's values are withheld, and a placeholder holds "
                            "none of them",
                            dispensation_reason ? "values present" : "a score");
    }
    return;
  }
  if (dispensation_reason && dispensation_reason->empty()) {
    throw ValidationError("learnability_test.dispensation_reason",
                          "a dispensation from the test states its ground (Wi 14.6)", "empty");
  }
}

}  // namespace inburgering
