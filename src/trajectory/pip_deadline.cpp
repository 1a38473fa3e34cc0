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

// Bi 5.3.1: 10 weeks after DUO's notice. For a person housed by the municipality under
// Huisvestingswet 2014 art. 28 (a vergunninghouder: an asylum permit holder, with the family
// members housed with them) who was not yet registered there in the BRP on the notice date: 10
// weeks after that registration, unknown until it is on record. Everyone else's deadline runs
// from the notice, whenever they register.
std::optional<Date> first_plan_base_deadline(const TrajectoryRecord& record) {
  const auto& obligation = record.obligation;
  const Date notice = obligation.duo_notice_date;
  Date anchor = notice;
  if (housed_under_huisvestingswet(record.participant.target_group)) {
    if (!obligation.brp_registration_date) return std::nullopt;
    anchor = std::max(notice, *obligation.brp_registration_date);
  }
  return anchor + bg::weeks(record.policy.pip_deadline_weeks);
}

// Bi 5.3.1-2: the base deadline, moved to 2 weeks after third-party information that the college
// was waiting for before the base deadline passed; empty while that information is awaited. A
// request made after the base deadline moves nothing (Bi 5.3.2 allows deviating only while the
// PIP cannot be set in time without the awaited information).
std::optional<Date> first_plan_deadline(const TrajectoryRecord& record) {
  const auto base = first_plan_base_deadline(record);
  if (!base) return std::nullopt;
  const auto& obligation = record.obligation;
  if (!obligation.third_party_info_requested_on ||
      *obligation.third_party_info_requested_on > *base) {
    return base;
  }
  if (!obligation.third_party_info_received_on) return std::nullopt;
  return std::max(*base, *obligation.third_party_info_received_on +
                             bg::weeks(record.policy.pip_third_party_extension_weeks));
}

// Bi 5.3.3: after a move of a person who had a PIP, 10 weeks after registration in the new
// municipality. Bi 5.3.2 deviates only from the deadline of Bi 5.3.1, not from this one.
Date move_plan_deadline(const TrajectoryRecord& record) {
  return record.transfer_in->brp_registration_on + bg::weeks(record.policy.pip_deadline_weeks);
}

// Volunteers and obligations under the Wi 2013 (Wi 54) have no PIP, so no deadline.
bool has_pip(const TrajectoryRecord& record) {
  return record.participant.target_group != TargetGroup::kVoluntary &&
         record.obligation.regime == Regime::kWi2021;
}

}  // namespace

std::optional<Date> Trajectory::first_plan_base_deadline() const {
  if (!has_pip(record_)) return std::nullopt;
  return inburgering::first_plan_base_deadline(record_);
}

std::optional<Date> Trajectory::pip_deadline() const {
  if (is_final(record_.state) || !has_pip(record_)) return std::nullopt;
  if (record_.transfer_in && record_.transfer_in->had_plan) {
    const bool issued =
        std::any_of(record_.plan_versions.begin(), record_.plan_versions.end(),
                    [](const PlanVersion& v) { return v.reason == PlanChangeReason::kMove; });
    if (issued) return std::nullopt;
    return move_plan_deadline(record_);
  }
  if (!record_.plan_versions.empty()) return std::nullopt;
  // A move before any PIP changes nothing: Bi 5.3.3 is for a person "voor wie het [PIP] is
  // opgesteld", so the deadline of Bi 5.3.1 keeps running.
  return first_plan_deadline(record_);
}

bool Trajectory::is_late(const PlanVersion& version) const {
  if (version.due_by) return version.date_of_issue > *version.due_by;
  // A version from before format 2 (library 0.1) did not keep its deadline: computed now from
  // the record, under the trajectory's policy. (0.1 overwrote the BRP date on a move; such a
  // record's first version is judged against the date it kept.)
  std::optional<Date> deadline;
  if (version.reason == PlanChangeReason::kInitial && version.number == 1) {
    deadline = first_plan_deadline(record_);
  } else if (version.reason == PlanChangeReason::kMove && record_.transfer_in) {
    deadline = move_plan_deadline(record_);
  }
  return deadline && version.date_of_issue > *deadline;
}

}  // namespace inburgering
