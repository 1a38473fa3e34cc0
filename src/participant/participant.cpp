#include "inburgering/participant/participant.hpp"

#include "detail/birth_date.hpp"
#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"
#include "inburgering/participant/target_group.hpp"

namespace inburgering {

void Participant::validate() const {
  if (given_names.empty() && family_name.empty()) {
    throw ValidationError("participant.family_name", "a name is required", "empty");
  }
  detail::require_birth_date(birth_date);
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
  if (not_obliged != NotObligedGround::kNone && permit != ResidencePermit::kRegular) {
    // Bi 2.2.3: the asylum permit is never for a temporary purpose; EU law excepts on its own.
    throw ValidationError("participant.not_obliged",
                          "a ground for not being obliged goes with a regular permit (Wi 3.1.a, "
                          "3.2.c-d; Bi 2.2.3)",
                          std::string(to_string(permit)));
  }
}

}  // namespace inburgering
