#pragma once
// Private: the field lists of the participant module (see src/detail/fields.hpp).

#include "detail/fields.hpp"
#include "inburgering/participant/integration_term.hpp"
#include "inburgering/participant/obligation.hpp"
#include "inburgering/participant/participant.hpp"

namespace inburgering {

using detail::Sensitivity;

template <class V, detail::Of<Participant> P>
void describe(V& v, P& p) {
  v("id", p.id);
  v("bsn", p.bsn, Sensitivity::kPersonal);
  v("given_names", p.given_names, Sensitivity::kPersonal);
  v("family_name", p.family_name, Sensitivity::kPersonal);
  v("birth_date", p.birth_date, Sensitivity::kPersonal);
  v("target_group", p.target_group);
  v("permit", p.permit);
  v("has_young_children", p.has_young_children, Sensitivity::kPersonal);
  v("not_obliged", p.not_obliged, Sensitivity::kPersonal);
}

template <class V, detail::Of<Exemption> P>
void describe(V& v, P& e) {
  v("ground", e.ground);
  v("decided_on", e.decided_on);
  v("parts", e.parts);
}

template <class V, detail::Of<Dispensation> P>
void describe(V& v, P& d) {
  // A medical ground says something about the person's health (Wi 5.1; Wi 37).
  v("ground", d.ground, Sensitivity::kSpecial);
  v("decided_on", d.decided_on);
  v("parts", d.parts);
  v("college_advice", d.college_advice, Sensitivity::kSpecial);
  v("ex_officio", d.ex_officio);
  // Only a medical dispensation lifts it (Bi 2.7.3.c), so it is personal; it is the decision's
  // effect that every rule needs, so it is not withheld with the ground.
  v("z_route_participation", d.z_route_participation, Sensitivity::kPersonal);
  v("special_withheld", d.special_withheld);
}

template <class V, detail::Of<ResidenceProcedure> P>
void describe(V& v, P& r) {
  v("kind", r.kind);
  v("started_on", r.started_on);
  v("decided_on", r.decided_on);
  v("permit_granted", r.permit_granted);
}

template <class V, detail::Of<Obligation> P>
void describe(V& v, P& o) {
  v("regime", o.regime);
  v("duo_notice_date", o.duo_notice_date);
  v("brp_registration_date", o.brp_registration_date);
  v("third_party_info_requested_on", o.third_party_info_requested_on);
  v("third_party_info_received_on", o.third_party_info_received_on);
  v("exemptions", o.exemptions);
  v("dispensations", o.dispensations);
  v("residence_procedures", o.residence_procedures);
}

template <class V, detail::Of<Extension> P>
void describe(V& v, P& e) {
  v("ground", e.ground);
  v("decided_on", e.decided_on);
  v("months", e.months);
}

template <class V, detail::Of<ExtensionRequest> P>
void describe(V& v, P& r) {
  v("requested_on", r.requested_on);
  v("ground", r.ground);
  v("requested_by", r.requested_by);
  v("decided_on", r.decided_on);
  v("granted", r.granted);
}

template <class V, detail::Of<Interruption> P>
void describe(V& v, P& i) {
  v("from", i.from);
  v("until", i.until);
  v("reason", i.reason, Sensitivity::kPersonal);
}

template <class V, detail::Of<IntegrationTerm> P>
void describe(V& v, P& t) {
  v("start", t.start);
  v("length_months", t.length_months);
  v("max_interruption_days", t.max_interruption_days);
  v("extension_request_window_months", t.extension_request_window_months);
  v("route_switch_window_months", t.route_switch_window_months);
  v("extensions", t.extensions);
  v("interruptions", t.interruptions);
  v("extension_requests", t.extension_requests);
}

namespace detail {
template <>
struct Blank<Participant> {
  static Participant make() { return Participant{.bsn = Blank<Bsn>::make()}; }
};
}  // namespace detail

}  // namespace inburgering
