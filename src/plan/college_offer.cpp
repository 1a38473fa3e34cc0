#include "inburgering/plan/college_offer.hpp"

#include <vector>

#include "detail/enum_table.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(SocialGuidanceComponent,
                             {SocialGuidanceComponent::kPracticalHelp, "practical_help",
                              "praktische hulp bij het regelen van basisvoorzieningen"},
                             {SocialGuidanceComponent::kInformation, "information",
                              "voorlichting over basisvoorzieningen"});

std::vector<SocialGuidanceComponent> SocialGuidance::missing_components() const {
  std::vector<SocialGuidanceComponent> out;
  for (SocialGuidanceComponent component : all_enumerators<SocialGuidanceComponent>()) {
    if (components.count(component) == 0) out.push_back(component);
  }
  return out;
}

}  // namespace inburgering
