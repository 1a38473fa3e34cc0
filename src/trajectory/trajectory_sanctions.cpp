// Trajectory: the college's fines and DUO's (Wi 22-27; Bi 7).

#include "inburgering/trajectory/trajectory.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "trajectory/fields.hpp"
#include "trajectory/trajectory_rules.hpp"

namespace inburgering {

namespace bg = boost::gregorian;

// ---- Sanctions -------------------------------------------------------------------------------

MunicipalFine Trajectory::impose_intake_fine(Date on, bool assistance_already_lowered) {
  require_active("imposing an intake fine");
  require_valid(on, "fine.imposed_on");
  const auto& invitations = record_.intake.invitations;
  const auto failed =
      std::count_if(invitations.begin(), invitations.end(),
                    [](const IntakeInvitation& i) { return detail::is_failed(i.outcome); });
  const auto fined =
      std::count_if(record_.municipal_fines.begin(), record_.municipal_fines.end(),
                    [](const MunicipalFine& f) { return f.kind == MunicipalFineKind::kIntake; });
  if (failed <= fined) {
    throw RuleViolation("Wi 22",
                        "no no-show or lack of cooperation at the intake is on record "
                        "that was not fined yet");
  }
  record_.municipal_fines.push_back(next_intake_fine(record_.municipal_fines, record_.duo_fines, on,
                                                     assistance_already_lowered, record_.policy));
  return record_.municipal_fines.back();
}

MunicipalFine Trajectory::impose_cooperation_fine(Date on, Culpability culpability,
                                                  bool assistance_already_lowered) {
  require_state({TrajectoryState::kRoute}, "imposing a cooperation fine");
  record_.municipal_fines.push_back(
      next_cooperation_fine(record_.municipal_fines, record_.duo_fines, on, culpability,
                            assistance_already_lowered, record_.policy));
  return record_.municipal_fines.back();
}

void Trajectory::record_duo_fine(DuoFine fine) {
  require_state({TrajectoryState::kRoute}, "recording a DUO fine");
  detail::check_input(fine, "duo_fine");
  validate(fine, record_.policy);
  record_.duo_fines.push_back(fine);
}

}  // namespace inburgering
