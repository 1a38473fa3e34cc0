#include "inburgering/intake/broad_intake.hpp"

#include <string>

#include "inburgering/error.hpp"
#include "inburgering/intake/learnability_test.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

bool is_required(IntakeTopic topic) noexcept {
  switch (topic) {
    case IntakeTopic::kEducationAndWork:
    case IntakeTopic::kPersonalCircumstances:
    case IntakeTopic::kHealth:
    case IntakeTopic::kEarlyChildhoodEducation:
    case IntakeTopic::kLanguageLevel:
    case IntakeTopic::kPaidWorkOptions:
    case IntakeTopic::kSelfReliance:
      return true;
    case IntakeTopic::kMotivation:
    case IntakeTopic::kSocialNetwork:
    case IntakeTopic::kFinances:
      return false;
  }
  return false;
}

bool is_special_category(IntakeTopic topic) noexcept { return topic == IntakeTopic::kHealth; }

const std::vector<IntakeTopic>& all_intake_topics() {
  static const std::vector<IntakeTopic> topics = {
      IntakeTopic::kEducationAndWork, IntakeTopic::kPersonalCircumstances,
      IntakeTopic::kHealth,           IntakeTopic::kEarlyChildhoodEducation,
      IntakeTopic::kLanguageLevel,    IntakeTopic::kPaidWorkOptions,
      IntakeTopic::kSelfReliance,     IntakeTopic::kMotivation,
      IntakeTopic::kSocialNetwork,    IntakeTopic::kFinances};
  return topics;
}

std::string_view to_string(IntakeTopic topic) noexcept {
  switch (topic) {
    case IntakeTopic::kEducationAndWork:
      return "education_and_work";
    case IntakeTopic::kPersonalCircumstances:
      return "personal_circumstances";
    case IntakeTopic::kHealth:
      return "health";
    case IntakeTopic::kEarlyChildhoodEducation:
      return "early_childhood_education";
    case IntakeTopic::kLanguageLevel:
      return "language_level";
    case IntakeTopic::kPaidWorkOptions:
      return "paid_work_options";
    case IntakeTopic::kSelfReliance:
      return "self_reliance";
    case IntakeTopic::kMotivation:
      return "motivation";
    case IntakeTopic::kSocialNetwork:
      return "social_network";
    case IntakeTopic::kFinances:
      return "finances";
  }
  return "unknown";
}

std::string_view to_string(InvitationOutcome outcome) noexcept {
  switch (outcome) {
    case InvitationOutcome::kPending:
      return "pending";
    case InvitationOutcome::kAttended:
      return "attended";
    case InvitationOutcome::kNoShow:
      return "no_show";
    case InvitationOutcome::kInsufficientCooperation:
      return "insufficient_cooperation";
  }
  return "unknown";
}

std::vector<std::string> BroadIntake::missing_requirements(bool has_young_children) const {
  std::vector<std::string> missing;
  if (!learnability_test) missing.emplace_back("learnability_test");
  for (IntakeTopic topic : all_intake_topics()) {
    if (!is_required(topic)) continue;
    if (topic == IntakeTopic::kEarlyChildhoodEducation && !has_young_children) continue;
    if (topics.count(topic) == 0) missing.emplace_back(to_string(topic));
  }
  if (!informed_may_attend_alone) missing.emplace_back("informed_may_attend_alone");
  return missing;
}

int BroadIntake::failed_invitations_in_a_row() const {
  int count = 0;
  for (auto it = invitations.rbegin(); it != invitations.rend(); ++it) {
    if (it->outcome != InvitationOutcome::kNoShow &&
        it->outcome != InvitationOutcome::kInsufficientCooperation) {
      break;
    }
    ++count;
  }
  return count;
}

bool LearnabilityTest::b1_route_feasible(const Policy& policy) const {
  return score.has_value() && *score >= policy.learnability_pass_mark;
}

void LearnabilityTest::validate(const Policy& policy) const {
  require_valid(taken_on, "learnability_test.taken_on");
  if (score.has_value() == dispensation_reason.has_value()) {
    throw ValidationError("learnability_test.score",
                          "exactly one of a score and a dispensation (Wi 14.6) is required",
                          score ? "both" : "neither");
  }
  if (score && (*score < 0 || *score > policy.learnability_max_score)) {
    throw ValidationError("learnability_test.score",
                          "must be between 0 and " + std::to_string(policy.learnability_max_score),
                          std::to_string(*score));
  }
  if (dispensation_reason && dispensation_reason->empty()) {
    throw ValidationError("learnability_test.dispensation_reason",
                          "a dispensation from the test states its ground (Wi 14.6)", "empty");
  }
}

}  // namespace inburgering
