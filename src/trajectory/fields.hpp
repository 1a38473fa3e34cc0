#pragma once
// Private: the field list of the whole trajectory record (see src/detail/fields.hpp), built
// from the lists of every module.

#include "core/fields.hpp"
#include "detail/fields.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "intake/fields.hpp"
#include "participant/fields.hpp"
#include "plan/fields.hpp"
#include "progress/fields.hpp"
#include "route/fields.hpp"
#include "sanctions/fields.hpp"
#include "unburdening/fields.hpp"

namespace inburgering {

template <class V, detail::Of<TransferIn> P>
void describe(V& v, P& t) {
  v("from", t.from);
  v("brp_registration_on", t.brp_registration_on);
  v("had_plan", t.had_plan);
}

template <class V, detail::Of<DiplomaWithdrawal> P>
void describe(V& v, P& w) {
  v("completed_on", w.completed_on);
  v("withdrawn_on", w.withdrawn_on);
}

template <class V, detail::Of<Closure> P>
void describe(V& v, P& c) {
  v("on", c.on);
  v("final_state", c.final_state);
  v("end_reason", c.end_reason);
  v("moved_to", c.moved_to);
}

/// The whole record. `revision` is not listed: it belongs to the store that keeps the record
/// (a column of its own), not to the record's content.
template <class V, detail::Of<TrajectoryRecord> P>
void describe(V& v, P& r) {
  v("id", r.id);
  v("municipality", r.municipality);
  v("caseworker", r.caseworker);
  v("participant", r.participant);
  v("obligation", r.obligation);
  v("state", r.state);
  v("registered_on", r.registered_on);
  v("intake", r.intake);
  v("plan_versions", r.plan_versions);
  v("term", r.term);
  v("exam_results", r.exam_results);
  v("attendance", r.attendance);
  v("components", r.components);
  v("interviews", r.interviews);
  v("social_guidance", r.social_guidance);
  v("course_offers", r.course_offers);
  v("unburdening", r.unburdening);
  v("municipal_fines", r.municipal_fines);
  v("duo_fines", r.duo_fines);
  v("transfer_in", r.transfer_in);
  v("closure", r.closure);
  v("withdrawn_diplomas", r.withdrawn_diplomas);
  v("policy", r.policy);
}

namespace detail {
template <>
struct Blank<TransferIn> {
  static TransferIn make() { return TransferIn{.from = Blank<MunicipalityCode>::make()}; }
};
template <>
struct Blank<TrajectoryRecord> {
  static TrajectoryRecord make() {
    return TrajectoryRecord{.municipality = Blank<MunicipalityCode>::make(),
                            .participant = Blank<Participant>::make()};
  }
};
}  // namespace detail

}  // namespace inburgering
