#include "inburgering/participant/participant.hpp"

#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"
#include "inburgering/participant/target_group.hpp"

namespace inburgering {

void Participant::validate() const {
  if (given_names.empty() && family_name.empty()) {
    throw ValidationError("participant.family_name", "a name is required", "empty");
  }
  // A birth date is personal: a message describes it, never repeats it.
  if (birth_date.is_special() || birth_date.year() < kEarliestYear ||
      birth_date.year() > kLatestYear) {
    throw ValidationError("participant.birth_date",
                          "must be a valid date in the years " + std::to_string(kEarliestYear) +
                              ".." + std::to_string(kLatestYear),
                          "value withheld");
  }
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
