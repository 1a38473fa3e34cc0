#pragma once
// Private: the field lists of the unburdening module (see src/detail/fields.hpp). Fixed costs
// are financial data: personal.

#include "detail/fields.hpp"
#include "inburgering/unburdening/unburdening.hpp"

namespace inburgering {

using detail::Sensitivity;

template <class V, detail::Of<FixedCostItem> P>
void describe(V& v, P& i) {
  v("kind", i.kind);
  v("payee", i.payee, Sensitivity::kPersonal);
  v("monthly_amount", i.monthly_amount, Sensitivity::kPersonal);
}

template <class V, detail::Of<FixedCostNotPaid> P>
void describe(V& v, P& n) {
  v("kind", n.kind);
  v("reason", n.reason, Sensitivity::kPersonal);
}

template <class V, detail::Of<UnburdeningExtension> P>
void describe(V& v, P& e) {
  v("decided_on", e.decided_on);
  v("months", e.months);
  v("reason", e.reason, Sensitivity::kPersonal);
}

template <class V, detail::Of<CoachingSession> P>
void describe(V& v, P& c) {
  v("held_on", c.held_on);
  v("topic", c.topic, Sensitivity::kPersonal);
  v("attended", c.attended);
}

template <class V, detail::Of<Unburdening> P>
void describe(V& v, P& u) {
  v("assistance_start", u.assistance_start);
  v("months", u.months);
  v("items", u.items);
  v("not_paid", u.not_paid);
  v("extensions", u.extensions);
  v("coaching_sessions", u.coaching_sessions);
  v("stopped_on", u.stopped_on);
}

}  // namespace inburgering
