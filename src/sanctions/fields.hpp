#pragma once
// Private: the field lists of the sanctions module (see src/detail/fields.hpp). Amounts and
// culpability of a fine are financial and conduct data about the person: personal.

#include "detail/fields.hpp"
#include "inburgering/sanctions/fine.hpp"

namespace inburgering {

template <class V, detail::Of<MunicipalFine> P>
void describe(V& v, P& f) {
  v("kind", f.kind);
  v("imposed_on", f.imposed_on);
  v("base_amount", f.base_amount, detail::Sensitivity::kPersonal);
  v("culpability", f.culpability, detail::Sensitivity::kPersonal);
  v("amount", f.amount, detail::Sensitivity::kPersonal);
  v("established_on", f.established_on);
  v("new_term_until", f.new_term_until);
  // Objection, appeal and their outcome are legal proceedings of the person: personal.
  v("contested_on", f.contested_on, detail::Sensitivity::kPersonal);
  v("irrevocable_on", f.irrevocable_on, detail::Sensitivity::kPersonal);
  v("annulled_on", f.annulled_on, detail::Sensitivity::kPersonal);
}

template <class V, detail::Of<DuoFine> P>
void describe(V& v, P& f) {
  v("kind", f.kind);
  v("imposed_on", f.imposed_on);
  v("amount", f.amount, detail::Sensitivity::kPersonal);
  v("new_term_months", f.new_term_months);
  v("announced_on", f.announced_on);
}

}  // namespace inburgering
