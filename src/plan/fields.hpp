#pragma once
// Private: the field lists of the plan module (see src/detail/fields.hpp).

#include "detail/fields.hpp"
#include "inburgering/plan/college_offer.hpp"
#include "inburgering/plan/personal_plan.hpp"
#include "inburgering/plan/plan_component.hpp"

namespace inburgering {

using detail::Sensitivity;

template <class V, detail::Of<PlanActivity> P>
void describe(V& v, P& a) {
  v("kind", a.kind);
  v("description", a.description, Sensitivity::kPersonal);
  v("provider", a.provider, Sensitivity::kPersonal);
  v("starts_on", a.starts_on);
  v("ends_on", a.ends_on);
  v("hours_per_week", a.hours_per_week);
}

template <class V, detail::Of<PlanContent> P>
void describe(V& v, P& c) {
  v("route", c.route);
  v("route_intensity_hours_per_week", c.route_intensity_hours_per_week);
  v("support", c.support, Sensitivity::kPersonal);
  v("pvt_hours", c.pvt_hours);
  v("map_hours", c.map_hours);
  v("vve_agreements", c.vve_agreements, Sensitivity::kPersonal);
  v("progress_interview_count", c.progress_interview_count);
  v("z_route_exams_allowed", c.z_route_exams_allowed);
  v("learnability_deviation_reason", c.learnability_deviation_reason, Sensitivity::kPersonal);
  v("scaled_down_parts", c.scaled_down_parts);
  v("unburdening_attached", c.unburdening_attached);
  v("goals", c.goals, Sensitivity::kPersonal);
  v("activities", c.activities);
}

template <class V, detail::Of<SocialGuidance> P>
void describe(V& v, P& g) {
  v("started_on", g.started_on);
  v("components", g.components);
}

template <class V, detail::Of<CourseOffer> P>
void describe(V& v, P& o) {
  v("offered_on", o.offered_on);
  v("route", o.route);
  v("provider", o.provider, Sensitivity::kPersonal);
}

template <class V, detail::Of<PlanNorms> P>
void describe(V& v, P& n) {
  v("pvt_min_hours", n.pvt_min_hours);
  v("map_min_hours", n.map_min_hours);
  v("min_progress_interviews", n.min_progress_interviews);
}

template <class V, detail::Of<PlanVersion> P>
void describe(V& v, P& p) {
  v("number", p.number);
  v("date_of_issue", p.date_of_issue);
  v("reason", p.reason);
  v("explanation", p.explanation, Sensitivity::kPersonal);
  v("issued_by", p.issued_by);
  v("content", p.content);
  v("norms", p.norms);
  v("due_by", p.due_by);
  v("switch_exception", p.switch_exception);
  v("course_ended_on", p.course_ended_on);
}

namespace detail {
template <>
struct Blank<PlanVersion> {
  static PlanVersion make() { return PlanVersion{.issued_by = Blank<MunicipalityCode>::make()}; }
};
}  // namespace detail

}  // namespace inburgering
