#pragma once
// Private: the field lists of the progress module (see src/detail/fields.hpp).

#include "detail/fields.hpp"
#include "inburgering/progress/progress_check.hpp"

namespace inburgering {

using detail::Sensitivity;

template <class V, detail::Of<ProgressInterview> P>
void describe(V& v, P& i) {
  v("scheduled_on", i.scheduled_on);
  v("plan_version", i.plan_version);
  v("held_on", i.held_on);
  v("assessment", i.assessment);
  v("notes", i.notes, Sensitivity::kPersonal);
}

}  // namespace inburgering
