// Trajectory: when the PIP is due and whether a version was late (Bi 5.3.1-3).

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

namespace {

// 10 weeks after `anchor`, moved to 2 weeks after third-party information if that is later;
// empty while the information is awaited (Bi 5.3.1-3).
std::optional<Date> deadline_from(Date anchor, const Obligation& obligation, const Policy& policy) {
  Date deadline = anchor + bg::weeks(policy.pip_deadline_weeks);
  if (obligation.third_party_info_requested_on) {
    if (!obligation.third_party_info_received_on) return std::nullopt;
    deadline = std::max(deadline, *obligation.third_party_info_received_on +
                                      bg::weeks(policy.pip_third_party_extension_weeks));
  }
  return deadline;
}

}  // namespace

std::optional<Date> Trajectory::pip_deadline() const {
  if (is_final(record_.state) || record_.participant.target_group == TargetGroup::kVoluntary ||
      record_.obligation.regime != Regime::kWi2021) {
    return std::nullopt;
  }
  const auto& obligation = record_.obligation;
  if (record_.transfer_in && record_.transfer_in->had_plan) {
    const bool issued =
        std::any_of(record_.plan_versions.begin(), record_.plan_versions.end(),
                    [](const PlanVersion& v) { return v.reason == PlanChangeReason::kMove; });
    if (issued) return std::nullopt;
    return deadline_from(record_.transfer_in->brp_registration_on, obligation, record_.policy);
  }
  if (!record_.plan_versions.empty()) return std::nullopt;
  if (!obligation.brp_registration_date) return std::nullopt;
  return deadline_from(std::max(obligation.duo_notice_date, *obligation.brp_registration_date),
                       obligation, record_.policy);
}

bool Trajectory::is_late(const PlanVersion& version) const {
  if (version.due_by) return version.date_of_issue > *version.due_by;
  // A version from before format 2 (library 0.1) did not keep its deadline: computed under the
  // trajectory's policy. After a move before any PIP, receive_transfer() set the BRP date to the
  // new registration, so the first-PIP rule covers that case too (Bi 5.3.1, 5.3.3).
  const auto& obligation = record_.obligation;
  std::optional<Date> deadline;
  if (version.reason == PlanChangeReason::kInitial && obligation.brp_registration_date) {
    deadline =
        deadline_from(std::max(obligation.duo_notice_date, *obligation.brp_registration_date),
                      obligation, record_.policy);
  } else if (version.reason == PlanChangeReason::kMove && record_.transfer_in) {
    deadline = deadline_from(record_.transfer_in->brp_registration_on, obligation, record_.policy);
  }
  return deadline && version.date_of_issue > *deadline;
}

}  // namespace inburgering
