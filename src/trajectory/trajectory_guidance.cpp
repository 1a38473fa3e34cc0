// Trajectory: the college's own duties to a person of Wi 13.1 next to the PIP: the social
// guidance (Wi 13; Bi 5.1) and the course offer (Wi 16.1).

#include <string>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "trajectory/fields.hpp"

namespace inburgering {

namespace {

void require_guided(TargetGroup group, const char* article, const char* what) {
  if (!college_provides_guidance(group)) {
    throw RuleViolation(article, std::string(what) +
                                     " is owed to a person of Wi 13.1 (an asylum permit holder "
                                     "or a family member joining one), not to target group " +
                                     std::string(to_string(group)));
  }
}

}  // namespace

const PlanVersion* Trajectory::route_run_start() const {
  const PlanVersion* from = &record_.plan_versions.front();
  for (const auto& version : record_.plan_versions) {
    if (version.content.route != from->content.route || version.reason == PlanChangeReason::kMove) {
      from = &version;
    }
  }
  return from;
}

Date Trajectory::course_offer_counts_from() const {
  const PlanVersion* from = route_run_start();
  return from->reason == PlanChangeReason::kMove && record_.transfer_in
             ? record_.transfer_in->brp_registration_on
             : from->date_of_issue;
}

void Trajectory::start_social_guidance(Date on) {
  require_active("starting the social guidance");
  require_guided(record_.participant.target_group, "Wi 13.1", "the social guidance");
  require_valid(on, "social_guidance.started_on");
  // Wi 13.3: from the BRP registration (which may precede DUO's notice), else the registration
  // of the trajectory.
  const Date earliest = record_.obligation.brp_registration_date.value_or(record_.registered_on);
  if (on < earliest) {
    throw ValidationError("social_guidance.started_on",
                          "the social guidance begins on or after the BRP registration of " +
                              to_iso(earliest) + " (Wi 13.3)",
                          to_iso(on));
  }
  if (record_.social_guidance) {
    throw RuleViolation(
        "Wi 13.3", "the social guidance began on " + to_iso(record_.social_guidance->started_on));
  }
  record_.social_guidance = SocialGuidance{.started_on = on};
}

void Trajectory::record_social_guidance_component(SocialGuidanceComponent component, Date on) {
  require_active("recording a component of the social guidance");
  if (!record_.social_guidance) {
    throw RuleViolation("Wi 13.3", "the social guidance has not begun: record its start first");
  }
  require_valid(on, "social_guidance.components");
  SocialGuidance& guidance = *record_.social_guidance;
  if (on < guidance.started_on) {
    throw ValidationError(
        "social_guidance.components." + std::string(to_string(component)),
        "must not be before the social guidance began on " + to_iso(guidance.started_on),
        to_iso(on));
  }
  if (const auto it = guidance.components.find(component); it != guidance.components.end()) {
    throw RuleViolation("Bi 5.1", std::string(to_string(component)) + " was first given on " +
                                      to_iso(it->second) + " and is on record");
  }
  guidance.components.emplace(component, on);
}

void Trajectory::record_course_offer(CourseOffer offer) {
  require_state({TrajectoryState::kRoute}, "recording a course offer");
  require_guided(record_.participant.target_group, "Wi 16.1", "a course offer");
  require_valid(offer.offered_on, "course_offer.offered_on");
  detail::check_input(offer, "course_offer");
  if (offer.provider.empty()) {
    throw ValidationError("course_offer.provider", "names the course institution", "empty");
  }
  const Date counts_from = course_offer_counts_from();
  if (offer.offered_on < counts_from) {
    throw ValidationError("course_offer.offered_on",
                          "must not be before " + to_iso(counts_from) +
                              ", from when the route in force runs here (Wi 15, 16.1)",
                          to_iso(offer.offered_on));
  }
  const Route route = current_plan()->content.route;
  if (offer.route != route) {
    throw RuleViolation("Wi 16.1", "the course serves the route of the PIP in force, " +
                                       std::string(to_string(route)) + ", not " +
                                       std::string(to_string(offer.route)));
  }
  record_.course_offers.push_back(std::move(offer));
}

}  // namespace inburgering
