#include "inburgering/participant/participant.hpp"

#include "inburgering/error.hpp"
#include "inburgering/participant/target_group.hpp"

namespace inburgering {

std::string_view to_string(TargetGroup group) noexcept {
  switch (group) {
    case TargetGroup::kAsylumPermitHolder:
      return "asylum_permit_holder";
    case TargetGroup::kFamilyMigrant:
      return "family_migrant";
    case TargetGroup::kOtherMigrant:
      return "other_migrant";
    case TargetGroup::kVoluntary:
      return "voluntary";
  }
  return "unknown";
}

std::string_view to_string(ResidencePermit permit) noexcept {
  switch (permit) {
    case ResidencePermit::kTemporaryAsylum:
      return "temporary_asylum";
    case ResidencePermit::kRegular:
      return "regular";
    case ResidencePermit::kEuLaw:
      return "eu_law";
  }
  return "unknown";
}

std::string_view to_string(Regime regime) noexcept {
  switch (regime) {
    case Regime::kWi2013:
      return "wi2013";
    case Regime::kWi2021:
      return "wi2021";
  }
  return "unknown";
}

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
