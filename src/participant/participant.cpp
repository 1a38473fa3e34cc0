#include "inburgering/participant/participant.hpp"

#include "inburgering/error.hpp"
#include "inburgering/participant/target_group.hpp"

namespace inburgering {

void Participant::validate() const {
  if (given_names.empty() && family_name.empty()) {
    throw ValidationError("participant.family_name", "a name is required", "empty");
  }
  require_valid(birth_date, "participant.birth_date");
  switch (target_group) {
    case TargetGroup::kAsylumPermitHolder:
      if (permit == ResidencePermit::kEuLaw) {
        throw ValidationError(
            "participant.permit",
            "an asylum permit holder holds a temporary asylum permit or a regular "
            "permit joining one (Wi 13.1)",
            std::string(to_string(permit)));
      }
      break;
    case TargetGroup::kFamilyMigrant:
    case TargetGroup::kOtherMigrant:
      if (permit != ResidencePermit::kRegular) {
        throw ValidationError("participant.permit",
                              "family and other migrants hold a regular permit (Wi 19)",
                              std::string(to_string(permit)));
      }
      break;
    case TargetGroup::kVoluntary:
      break;
  }
}

}  // namespace inburgering
