#include "inburgering/intake/broad_intake.hpp"

#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/intake/learnability_test.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    IntakeTopic,
    {IntakeTopic::kEducationAndWork, "education_and_work", "opleiding en werkervaring"},
    {IntakeTopic::kPersonalCircumstances, "personal_circumstances", "persoonlijke omstandigheden"},
    {IntakeTopic::kHealth, "health", "gezondheid"},
    {IntakeTopic::kEarlyChildhoodEducation, "early_childhood_education",
     "voor- en vroegschoolse educatie (VVE)"},
    {IntakeTopic::kLanguageLevel, "language_level", "taalniveau"},
    {IntakeTopic::kPaidWorkOptions, "paid_work_options", "mogelijkheden tot arbeidsparticipatie"},
    {IntakeTopic::kSelfReliance, "self_reliance", "zelfredzaamheid"},
    {IntakeTopic::kMotivation, "motivation", "motivatie"},
    {IntakeTopic::kSocialNetwork, "social_network", "sociaal netwerk"},
    {IntakeTopic::kFinances, "finances", "financiën"});

INBURGERING_DEFINE_ENUM_TEXT(InvitationOutcome,
                             {InvitationOutcome::kPending, "pending", "nog geen uitkomst"},
                             {InvitationOutcome::kAttended, "attended", "verschenen"},
                             {InvitationOutcome::kNoShow, "no_show", "niet verschenen"},
                             {InvitationOutcome::kInsufficientCooperation,
                              "insufficient_cooperation", "onvoldoende medewerking"});

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

std::optional<Date> BroadIntake::started_on() const {
  std::optional<Date> first;
  const auto take = [&first](Date d) {
    if (!d.is_special() && (!first || d < *first)) first = d;
  };
  if (!invitations.empty()) take(invitations.front().sent_on);
  for (const auto& [topic, record] : topics) take(record.recorded_on);
  if (learnability_test) take(learnability_test->taken_on);
  return first;
}

}  // namespace inburgering
