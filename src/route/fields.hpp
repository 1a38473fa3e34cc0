#pragma once
// Private: the field lists of the route module (see src/detail/fields.hpp).

#include "detail/fields.hpp"
#include "inburgering/route/route.hpp"

namespace inburgering {

using detail::Sensitivity;

template <class V, detail::Of<ExamResult> P>
void describe(V& v, P& r) {
  v("part", r.part);
  v("level", r.level);
  v("taken_on", r.taken_on);
  v("passed", r.passed);
  v("invalidated_on", r.invalidated_on);
}

template <class V, detail::Of<AttendanceEntry> P>
void describe(V& v, P& e) {
  v("attended_on", e.attended_on);
  v("kind", e.kind);
  v("minutes", e.minutes);
  v("reported_by", e.reported_by, Sensitivity::kPersonal);
}

template <class V, detail::Of<ComponentStatus> P>
void describe(V& v, P& c) {
  v("pvt_statement_signed_on", c.pvt_statement_signed_on);
  v("map_final_interview_on", c.map_final_interview_on);
  v("z_route_final_interview_on", c.z_route_final_interview_on);
  v("bridging_course_completed_on", c.bridging_course_completed_on);
}

}  // namespace inburgering
