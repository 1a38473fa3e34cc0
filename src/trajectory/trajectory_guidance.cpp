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

void Trajectory::start_social_guidance(Date on) {
  require_active("starting the social guidance");
  require_guided(record_.participant.target_group, "Wi 13.1", "the social guidance");
  require_on_or_after_registration(on, "social_guidance.started_on");
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
  const Date first_plan = record_.plan_versions.front().date_of_issue;
  if (offer.offered_on < first_plan) {
    throw ValidationError("course_offer.offered_on",
                          "must not be before the first PIP of " + to_iso(first_plan) +
                              ", which set the route (Wi 15, 16.1)",
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
