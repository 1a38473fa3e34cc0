#pragma once
// Private: the field list of Policy (see src/detail/fields.hpp). Every field, in header order.

#include "detail/fields.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

template <class V, detail::Of<Policy> P>
void describe(V& v, P& p) {
  v("minimum_age_years", p.minimum_age_years);
  v("term_months", p.term_months);
  v("substantial_efforts_extension_months", p.substantial_efforts_extension_months);
  v("extension_request_window_months", p.extension_request_window_months);
  v("extension_decision_weeks", p.extension_decision_weeks);
  v("max_interruption_days", p.max_interruption_days);
  v("substantial_efforts_min_language_parts", p.substantial_efforts_min_language_parts);
  v("substantial_efforts_family_migrant_hours", p.substantial_efforts_family_migrant_hours);
  v("intake_invitations_before_absent_completion", p.intake_invitations_before_absent_completion);
  v("learnability_max_score", p.learnability_max_score);
  v("learnability_pass_mark", p.learnability_pass_mark);
  v("pip_deadline_weeks", p.pip_deadline_weeks);
  v("pip_third_party_extension_weeks", p.pip_third_party_extension_weeks);
  v("min_progress_interviews", p.min_progress_interviews);
  v("route_switch_window_months", p.route_switch_window_months);
  v("pvt_min_hours", p.pvt_min_hours);
  v("map_min_hours", p.map_min_hours);
  v("scale_down_min_course_hours", p.scale_down_min_course_hours);
  v("z_route_course_hours", p.z_route_course_hours);
  v("z_route_participation_hours", p.z_route_participation_hours);
  v("unburdening_months", p.unburdening_months);
  v("intake_fine", p.intake_fine);
  v("intake_fine_max_count", p.intake_fine_max_count);
  v("intake_fine_new_term_months", p.intake_fine_new_term_months);
  v("cooperation_fine_base", p.cooperation_fine_base);
  v("cooperation_fine_repeat_months", p.cooperation_fine_repeat_months);
  v("cooperation_fine_max", p.cooperation_fine_max);
  v("culpability_intent_percent", p.culpability_intent_percent);
  v("culpability_gross_negligence_percent", p.culpability_gross_negligence_percent);
  v("culpability_ordinary_percent", p.culpability_ordinary_percent);
  v("culpability_reduced_percent", p.culpability_reduced_percent);
  v("municipal_fine_cap_per_term", p.municipal_fine_cap_per_term);
  v("municipal_fine_cap_per_new_term_half_year", p.municipal_fine_cap_per_new_term_half_year);
  v("duo_pvt_map_fine", p.duo_pvt_map_fine);
  v("duo_route_fine_max", p.duo_route_fine_max);
  v("retention_years", p.retention_years);
  v("no_hours_signal_weeks", p.no_hours_signal_weeks);
  v("route_switch_signal_lead_months", p.route_switch_signal_lead_months);
  v("unburdening_signal_lead_weeks", p.unburdening_signal_lead_weeks);
  v("pip_deadline_signal_lead_weeks", p.pip_deadline_signal_lead_weeks);
  v("interview_signal_lead_weeks", p.interview_signal_lead_weeks);
}

}  // namespace inburgering
