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

void Policy::validate_sanctions() const {
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
  // Statutory sanction numbers (Wi 22.1-3: two intake fines, the first setting a term of at
  // most two months; Bi 7.1-7.2): a college cannot choose them.
  const Policy legal;
  for (const auto& [value, law, field, article] :
       {std::tuple{intake_fine_max_count, legal.intake_fine_max_count, "intake_fine_max_count",
                   "Wi 22.1, 22.3"},
        {intake_fine_new_term_months, legal.intake_fine_new_term_months,
         "intake_fine_new_term_months", "Wi 22.2"},
        {cooperation_fine_repeat_months, legal.cooperation_fine_repeat_months,
         "cooperation_fine_repeat_months", "Bi 7.1.3"},
        {culpability_intent_percent, legal.culpability_intent_percent, "culpability_intent_percent",
         "Bi 7.1.4"},
        {culpability_gross_negligence_percent, legal.culpability_gross_negligence_percent,
         "culpability_gross_negligence_percent", "Bi 7.1.4"},
        {culpability_ordinary_percent, legal.culpability_ordinary_percent,
         "culpability_ordinary_percent", "Bi 7.1.4"},
        {culpability_reduced_percent, legal.culpability_reduced_percent,
         "culpability_reduced_percent", "Bi 7.1.4"}}) {
    if (value != law) {
      throw ValidationError(std::string("policy.") + field,
                            "is statutory: " + std::to_string(law) + " (" + article + ")",
                            std::to_string(value));
    }
  }
  for (const auto& [value, law, field, article] :
       {std::tuple{intake_fine, legal.intake_fine, "intake_fine", "Bi 7.1.1"},
        {cooperation_fine_base, legal.cooperation_fine_base, "cooperation_fine_base", "Bi 7.1.2"},
        {cooperation_fine_max, legal.cooperation_fine_max, "cooperation_fine_max", "Bi 7.1.3"},
        {municipal_fine_cap_per_term, legal.municipal_fine_cap_per_term,
         "municipal_fine_cap_per_term", "Bi 7.1.5"},
        {municipal_fine_cap_per_new_term_half_year, legal.municipal_fine_cap_per_new_term_half_year,
         "municipal_fine_cap_per_new_term_half_year", "Bi 7.1.5.a-d"},
        {duo_pvt_map_fine, legal.duo_pvt_map_fine, "duo_pvt_map_fine", "Bi 7.2.1"},
        {duo_route_fine_max, legal.duo_route_fine_max, "duo_route_fine_max", "Wi 26.1.d"}}) {
    if (value != law) {
      throw ValidationError(std::string("policy.") + field,
                            "is statutory: " + to_string(law) + " (" + article + ")",
                            to_string(value));
    }
  }
}

void Policy::validate() const {
  validate_stored();
  validate_sanctions();
  // Pw 56a.2 fixes six months; longer only per person for sound reasons (Pw 57).
  if (unburdening_months != kStatutoryUnburdeningMonths) {
    throw ValidationError("policy.unburdening_months",
                          "is the statutory 6 months (Pw 56a.2); a longer period is decided per "
                          "person for sound reasons (Pw 57, extend_unburdening)",
                          std::to_string(unburdening_months));
  }
  // Every other statutory number is the law's: a college cannot choose it (policy.hpp). Its
  // legal value is the default; a policy stored by an older version with another value still
  // loads (validate_stored) and its trajectories keep the numbers they started with.
  const Policy legal;
  for (const auto& [value, law, field, article] :
       {std::tuple{minimum_age_years, legal.minimum_age_years, "minimum_age_years", "Wi 3.1"},
        {term_months, legal.term_months, "term_months", "Wi 11.1"},
        {substantial_efforts_extension_months, legal.substantial_efforts_extension_months,
         "substantial_efforts_extension_months", "Bi 4.4.1"},
        {extension_request_window_months, legal.extension_request_window_months,
         "extension_request_window_months", "Bi 4.5.1-2"},
        {extension_decision_weeks, legal.extension_decision_weeks, "extension_decision_weeks",
         "Bi 4.5.1"},
        {max_interruption_days, legal.max_interruption_days, "max_interruption_days",
         "Bi 2.1.2, 4.2"},
        {substantial_efforts_min_language_parts, legal.substantial_efforts_min_language_parts,
         "substantial_efforts_min_language_parts", "Bi 4.4.2"},
        {substantial_efforts_family_migrant_hours, legal.substantial_efforts_family_migrant_hours,
         "substantial_efforts_family_migrant_hours", "Bi 4.4.3"},
        {intake_invitations_before_absent_completion,
         legal.intake_invitations_before_absent_completion,
         "intake_invitations_before_absent_completion", "Wi 14.2"},
        {pip_deadline_weeks, legal.pip_deadline_weeks, "pip_deadline_weeks", "Bi 5.3.1, 5.3.3"},
        {pip_third_party_extension_weeks, legal.pip_third_party_extension_weeks,
         "pip_third_party_extension_weeks", "Bi 5.3.2"},
        {route_switch_window_months, legal.route_switch_window_months, "route_switch_window_months",
         "Bi 5.4.1"},
        {pvt_min_hours, legal.pvt_min_hours, "pvt_min_hours", "Bi 3.1.3"},
        {scale_down_min_course_hours, legal.scale_down_min_course_hours,
         "scale_down_min_course_hours", "Bi 5.5.1"},
        {z_route_course_hours, legal.z_route_course_hours, "z_route_course_hours", "Bi 3.14.2.a"},
        {z_route_participation_hours, legal.z_route_participation_hours,
         "z_route_participation_hours", "Bi 3.14.2.b"},
        {retention_years, legal.retention_years, "retention_years", "Bi 9.9"}}) {
    if (value != law) {
      throw ValidationError(std::string("policy.") + field,
                            "is statutory: " + std::to_string(law) + " (" + article + ")",
                            std::to_string(value));
    }
  }
}

}  // namespace inburgering
