#include "inburgering/plan/personal_plan.hpp"

#include <string>

#include "inburgering/error.hpp"
#include "inburgering/plan/plan_component.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

std::string_view to_string(PlanChangeReason reason) noexcept {
  switch (reason) {
    case PlanChangeReason::kInitial:
      return "initial";
    case PlanChangeReason::kRouteSwitch:
      return "route_switch";
    case PlanChangeReason::kScaleDownToA2:
      return "scale_down_to_a2";
    case PlanChangeReason::kMove:
      return "move";
    case PlanChangeReason::kOther:
      return "other";
  }
  return "unknown";
}

std::string_view to_string(ActivityKind kind) noexcept {
  switch (kind) {
    case ActivityKind::kLanguageCourse:
      return "language_course";
    case ActivityKind::kKnm:
      return "knm";
    case ActivityKind::kPvt:
      return "pvt";
    case ActivityKind::kMap:
      return "map";
    case ActivityKind::kParticipation:
      return "participation";
    case ActivityKind::kWork:
      return "work";
    case ActivityKind::kEducation:
      return "education";
    case ActivityKind::kSocialGuidance:
      return "social_guidance";
    case ActivityKind::kFinancialCoaching:
      return "financial_coaching";
    case ActivityKind::kGroupSession:
      return "group_session";
    case ActivityKind::kOther:
      return "other";
  }
  return "unknown";
}

void validate(const PlanContent& content, const Policy& policy) {
  if (content.route_intensity_hours_per_week < 0 || content.route_intensity_hours_per_week > 60) {
    throw ValidationError("plan.route_intensity_hours_per_week", "must be between 0 and 60",
                          std::to_string(content.route_intensity_hours_per_week));
  }
  if (content.pvt_hours < policy.pvt_min_hours) {
    throw ValidationError(
        "plan.pvt_hours",
        "the PVT takes at least " + std::to_string(policy.pvt_min_hours) + " hours (Bi 3.1)",
        std::to_string(content.pvt_hours));
  }
  if (content.map_hours < 0) {
    throw ValidationError("plan.map_hours", "must not be negative",
                          std::to_string(content.map_hours));
  }
  if (content.route == Route::kEducation && content.map_hours != 0) {
    throw ValidationError("plan.map_hours", "the education route has no MAP (Wi 8)",
                          std::to_string(content.map_hours));
  }
  if (content.route != Route::kEducation && content.map_hours < policy.map_min_hours) {
    throw ValidationError(
        "plan.map_hours",
        "the MAP takes at least " + std::to_string(policy.map_min_hours) + " hours (Bi 3.2)",
        std::to_string(content.map_hours));
  }
  if (content.progress_interview_count < policy.min_progress_interviews) {
    throw ValidationError("plan.progress_interview_count",
                          "a PIP fixes at least " + std::to_string(policy.min_progress_interviews) +
                              " progress interview(s) (Bi 5.3.4; Wi 17.1)",
                          std::to_string(content.progress_interview_count));
  }
  if (content.progress_interview_count > 100) {
    throw ValidationError("plan.progress_interview_count", "must be at most 100",
                          std::to_string(content.progress_interview_count));
  }
  if (content.route != Route::kB1 && !content.scaled_down_parts.empty()) {
    throw ValidationError("plan.scaled_down_parts",
                          "only parts of the B1-route can be scaled down to A2 (Wi 17.3)",
                          std::string(to_string(content.route)));
  }
  if (content.route != Route::kZ && content.z_route_exams_allowed) {
    throw ValidationError("plan.z_route_exams_allowed",
                          "only a Z-route PIP decides on taking exams (Bi 3.14.7)",
                          std::string(to_string(content.route)));
  }
  for (std::size_t i = 0; i < content.activities.size(); ++i) {
    const auto& activity = content.activities[i];
    const std::string field = "plan.activities[" + std::to_string(i) + "]";
    if (activity.description.empty()) {
      throw ValidationError(field + ".description", "an activity needs a description", "empty");
    }
    if (activity.hours_per_week < 0 || activity.hours_per_week > 60) {
      throw ValidationError(field + ".hours_per_week", "must be between 0 and 60",
                            std::to_string(activity.hours_per_week));
    }
    if (activity.starts_on) require_valid(*activity.starts_on, field + ".starts_on");
    if (activity.ends_on) require_valid(*activity.ends_on, field + ".ends_on");
    if (activity.starts_on && activity.ends_on && *activity.ends_on < *activity.starts_on) {
      throw ValidationError(field + ".ends_on", "must not be before starts_on",
                            to_iso(*activity.ends_on));
    }
  }
  for (std::size_t i = 0; i < content.goals.size(); ++i) {
    if (content.goals[i].empty()) {
      throw ValidationError("plan.goals[" + std::to_string(i) + "]", "a goal must not be empty",
                            "empty");
    }
  }
}

}  // namespace inburgering
