#include "inburgering/policy.hpp"

#include <string>
#include <tuple>
#include <utility>

#include "inburgering/error.hpp"

namespace inburgering {
namespace {

void require_at_least(int value, int minimum, const char* field, const char* rule) {
  if (value < minimum) {
    throw ValidationError(std::string("policy.") + field, rule, std::to_string(value));
  }
}

void require_at_most(int value, int maximum, const char* field) {
  if (value > maximum) {
    throw ValidationError(std::string("policy.") + field,
                          "must be at most " + std::to_string(maximum), std::to_string(value));
  }
}

void require_positive(Money value, const char* field) {
  if (value <= Money()) {
    throw ValidationError(std::string("policy.") + field, "must be a positive amount",
                          to_string(value));
  }
}

}  // namespace

void Policy::validate_stored() const {
  require_at_least(minimum_age_years, 0, "minimum_age_years", "must not be negative");
  require_at_least(term_months, 1, "term_months", "must be at least 1 month");
  require_at_least(substantial_efforts_extension_months, 1, "substantial_efforts_extension_months",
                   "must be at least 1 month");
  require_at_least(extension_request_window_months, 1, "extension_request_window_months",
                   "must be at least 1 month");
  require_at_least(extension_decision_weeks, 1, "extension_decision_weeks",
                   "must be at least 1 week");
  require_at_least(max_interruption_days, 0, "max_interruption_days", "must not be negative");
  require_at_least(substantial_efforts_min_language_parts, 0,
                   "substantial_efforts_min_language_parts", "must not be negative");
  if (substantial_efforts_min_language_parts > 4) {
    throw ValidationError("policy.substantial_efforts_min_language_parts",
                          "there are only 4 language parts",
                          std::to_string(substantial_efforts_min_language_parts));
  }
  require_at_least(substantial_efforts_family_migrant_hours, 0,
                   "substantial_efforts_family_migrant_hours", "must not be negative");
  require_at_least(intake_invitations_before_absent_completion, 1,
                   "intake_invitations_before_absent_completion", "must be at least 1");
  require_at_least(learnability_max_score, 1, "learnability_max_score", "must be at least 1");
  require_at_least(learnability_pass_mark, 0, "learnability_pass_mark", "must not be negative");
  if (learnability_pass_mark > learnability_max_score) {
    throw ValidationError("policy.learnability_pass_mark", "must not exceed the maximum score",
                          std::to_string(learnability_pass_mark));
  }
  require_at_least(pip_deadline_weeks, 1, "pip_deadline_weeks", "must be at least 1 week");
  require_at_least(pip_third_party_extension_weeks, 0, "pip_third_party_extension_weeks",
                   "must not be negative");
  require_at_least(min_progress_interviews, 1, "min_progress_interviews",
                   "must be at least 1: the college must keep sight of progress (Wi 17.1)");
  require_at_least(route_switch_window_months, 0, "route_switch_window_months",
                   "must not be negative");
  require_at_least(pvt_min_hours, 0, "pvt_min_hours", "must not be negative");
  require_at_least(map_min_hours, 0, "map_min_hours", "must not be negative");
  require_at_least(scale_down_min_course_hours, 0, "scale_down_min_course_hours",
                   "must not be negative");
  require_at_least(z_route_course_hours, 0, "z_route_course_hours", "must not be negative");
  require_at_least(z_route_participation_hours, 0, "z_route_participation_hours",
                   "must not be negative");
  require_at_least(unburdening_months, kStatutoryUnburdeningMonths, "unburdening_months",
                   "is the statutory 6 months (Pw 56a.2), never shorter");
  require_positive(intake_fine, "intake_fine");
  require_at_least(intake_fine_max_count, 0, "intake_fine_max_count", "must not be negative");
  require_at_least(intake_fine_new_term_months, 1, "intake_fine_new_term_months",
                   "must be at least 1 month");
  require_positive(cooperation_fine_base, "cooperation_fine_base");
  require_at_least(cooperation_fine_repeat_months, 1, "cooperation_fine_repeat_months",
                   "must be at least 1 month");
  if (cooperation_fine_max < cooperation_fine_base) {
    throw ValidationError("policy.cooperation_fine_max", "must not be below the base fine",
                          to_string(cooperation_fine_max));
  }
  for (auto [value, field] :
       {std::pair{culpability_intent_percent, "culpability_intent_percent"},
        {culpability_gross_negligence_percent, "culpability_gross_negligence_percent"},
        {culpability_ordinary_percent, "culpability_ordinary_percent"},
        {culpability_reduced_percent, "culpability_reduced_percent"}}) {
    if (value < 0 || value > 100) {
      throw ValidationError(std::string("policy.") + field, "must be a percentage 0..100",
                            std::to_string(value));
    }
  }
  require_positive(municipal_fine_cap_per_term, "municipal_fine_cap_per_term");
  require_positive(municipal_fine_cap_per_new_term_half_year,
                   "municipal_fine_cap_per_new_term_half_year");
  require_positive(duo_pvt_map_fine, "duo_pvt_map_fine");
  require_positive(duo_route_fine_max, "duo_route_fine_max");
  require_at_least(retention_years, 1, "retention_years", "must be at least 1 year");
  require_at_least(no_hours_signal_weeks, 1, "no_hours_signal_weeks", "must be at least 1 week");
  require_at_least(route_switch_signal_lead_months, 0, "route_switch_signal_lead_months",
                   "must not be negative");
  require_at_least(unburdening_signal_lead_weeks, 0, "unburdening_signal_lead_weeks",
                   "must not be negative");
  require_at_least(pip_deadline_signal_lead_weeks, 0, "pip_deadline_signal_lead_weeks",
                   "must not be negative");
  require_at_least(interview_signal_lead_weeks, 0, "interview_signal_lead_weeks",
                   "must not be negative");
  // Upper bounds: they catch typing errors, and keep every date computed from the policy far
  // inside the calendar (see limits.hpp).
  for (const auto& [value, maximum, field] :
       {std::tuple{minimum_age_years, 100, "minimum_age_years"},
        {term_months, 120, "term_months"},
        {substantial_efforts_extension_months, 60, "substantial_efforts_extension_months"},
        {extension_request_window_months, 60, "extension_request_window_months"},
        {extension_decision_weeks, 520, "extension_decision_weeks"},
        {max_interruption_days, 3650, "max_interruption_days"},
        {substantial_efforts_family_migrant_hours, 10000,
         "substantial_efforts_family_migrant_hours"},
        {intake_invitations_before_absent_completion, 20,
         "intake_invitations_before_absent_completion"},
        {learnability_max_score, 1000, "learnability_max_score"},
        {pip_deadline_weeks, 520, "pip_deadline_weeks"},
        {pip_third_party_extension_weeks, 520, "pip_third_party_extension_weeks"},
        {min_progress_interviews, 100, "min_progress_interviews"},
        {route_switch_window_months, 120, "route_switch_window_months"},
        {pvt_min_hours, 10000, "pvt_min_hours"},
        {map_min_hours, 10000, "map_min_hours"},
        {scale_down_min_course_hours, 10000, "scale_down_min_course_hours"},
        {z_route_course_hours, 10000, "z_route_course_hours"},
        {z_route_participation_hours, 10000, "z_route_participation_hours"},
        {unburdening_months, 120, "unburdening_months"},
        {intake_fine_max_count, 20, "intake_fine_max_count"},
        {intake_fine_new_term_months, 24, "intake_fine_new_term_months"},
        {cooperation_fine_repeat_months, 120, "cooperation_fine_repeat_months"},
        {retention_years, 100, "retention_years"},
        {no_hours_signal_weeks, 520, "no_hours_signal_weeks"},
        {route_switch_signal_lead_months, 120, "route_switch_signal_lead_months"},
        {unburdening_signal_lead_weeks, 520, "unburdening_signal_lead_weeks"},
        {pip_deadline_signal_lead_weeks, 520, "pip_deadline_signal_lead_weeks"},
        {interview_signal_lead_weeks, 520, "interview_signal_lead_weeks"}}) {
    require_at_most(value, maximum, field);
  }
  for (const auto& [value, field] :
       {std::pair{intake_fine, "intake_fine"},
        {cooperation_fine_base, "cooperation_fine_base"},
        {cooperation_fine_max, "cooperation_fine_max"},
        {municipal_fine_cap_per_term, "municipal_fine_cap_per_term"},
        {municipal_fine_cap_per_new_term_half_year, "municipal_fine_cap_per_new_term_half_year"},
        {duo_pvt_map_fine, "duo_pvt_map_fine"},
        {duo_route_fine_max, "duo_route_fine_max"}}) {
    if (value > Money::euros(100000)) {
      throw ValidationError(std::string("policy.") + field, "must be at most € 100.000,00",
                            to_string(value));
    }
  }
}

void Policy::validate() const {
  validate_stored();
  // The Act caps what the Besluit may set (Wi 26.1).
  for (const auto& [value, maximum, field, article] :
       {std::tuple{intake_fine, kWi26MaxIntakeFineCents, "intake_fine", "Wi 26.1.a"},
        {cooperation_fine_max, kWi26MaxCooperationFineCents, "cooperation_fine_max", "Wi 26.1.c"},
        {duo_pvt_map_fine, kWi26MaxPvtMapFineCents, "duo_pvt_map_fine", "Wi 26.1.b"},
        {duo_route_fine_max, kWi26MaxRouteFineCents, "duo_route_fine_max", "Wi 26.1.d"}}) {
    if (value > Money::cents(maximum)) {
      throw ValidationError(
          std::string("policy.") + field,
          "must be at most " + to_string(Money::cents(maximum)) + " (" + article + ")",
          to_string(value));
    }
  }
  // The Act fixes these (Wi 22.1-3): two intake fines, the first setting a term of at most two
  // months.
  require_at_most(intake_fine_max_count, 2, "intake_fine_max_count");
  require_at_most(intake_fine_new_term_months, 2, "intake_fine_new_term_months");
  // Pw 56a.2 fixes six months; longer only per person for sound reasons (Pw 57).
  if (unburdening_months != kStatutoryUnburdeningMonths) {
    throw ValidationError("policy.unburdening_months",
                          "is the statutory 6 months (Pw 56a.2); a longer period is decided per "
                          "person for sound reasons (Pw 57, extend_unburdening)",
                          std::to_string(unburdening_months));
  }
}

}  // namespace inburgering
