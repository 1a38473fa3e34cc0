#pragma once
// Private: small rules that several of Trajectory's source files share.

#include "inburgering/intake/broad_intake.hpp"

namespace inburgering::detail {

/// Whether an invitation ended in a no-show or insufficient cooperation (Wi 14.2, 22).
inline bool is_failed(InvitationOutcome outcome) {
  return outcome == InvitationOutcome::kNoShow ||
         outcome == InvitationOutcome::kInsufficientCooperation;
}

}  // namespace inburgering::detail
