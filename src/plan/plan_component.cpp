#include "inburgering/plan/plan_component.hpp"

#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    ActivityKind, {ActivityKind::kLanguageCourse, "language_course", "taalcursus"},
    {ActivityKind::kKnm, "knm", "KNM"}, {ActivityKind::kPvt, "pvt", "PVT"},
    {ActivityKind::kMap, "map", "MAP"},
    {ActivityKind::kParticipation, "participation", "participatieactiviteit"},
    {ActivityKind::kWork, "work", "werk"}, {ActivityKind::kEducation, "education", "opleiding"},
    {ActivityKind::kSocialGuidance, "social_guidance", "maatschappelijke begeleiding"},
    {ActivityKind::kFinancialCoaching, "financial_coaching", "budgetcoaching"},
    {ActivityKind::kGroupSession, "group_session", "groepsbijeenkomst"},
    {ActivityKind::kOther, "other", "overig"});

PlanNorms PlanNorms::of(const Policy& policy) {
  return PlanNorms{.pvt_min_hours = policy.pvt_min_hours,
                   .map_min_hours = policy.map_min_hours,
                   .min_progress_interviews = policy.min_progress_interviews};
}

void validate(const PlanContent& content, const Policy& policy) {
  validate(content, PlanNorms::of(policy));
}

void validate(const PlanContent& content, const PlanNorms& norms) {
  if (content.route_intensity_hours_per_week < 0 || content.route_intensity_hours_per_week > 60) {
    throw ValidationError("plan.route_intensity_hours_per_week", "must be between 0 and 60",
                          std::to_string(content.route_intensity_hours_per_week));
  }
  if (content.pvt_hours < norms.pvt_min_hours) {
    throw ValidationError(
        "plan.pvt_hours",
        "the PIP plans the PVT for at least " + std::to_string(norms.pvt_min_hours) +
            " hours, the norm less the hours of the broad intake (Bi 3.1.3, 3.1.5)",
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
  if (content.route != Route::kEducation && content.map_hours < norms.map_min_hours) {
    throw ValidationError("plan.map_hours",
                          "the PIP plans the MAP for at least " +
                              std::to_string(norms.map_min_hours) +
                              " hours, the norm less the hours of the broad intake (Bi 3.2.3)",
                          std::to_string(content.map_hours));
  }
  if (content.progress_interview_count < norms.min_progress_interviews) {
    throw ValidationError("plan.progress_interview_count",
                          "a PIP fixes at least " + std::to_string(norms.min_progress_interviews) +
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
