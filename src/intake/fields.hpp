#pragma once
// Private: the field lists of the intake module (see src/detail/fields.hpp).

#include "detail/fields.hpp"
#include "inburgering/intake/broad_intake.hpp"
#include "inburgering/intake/learnability_test.hpp"

namespace inburgering {

using detail::Sensitivity;

template <class V, detail::Of<TopicRecord> P>
void describe(V& v, P& t) {
  v("notes", t.notes, Sensitivity::kPersonal);
  v("recorded_on", t.recorded_on);
  v("not_applicable", t.not_applicable);
  v("withheld", t.withheld);
}

template <class V, detail::Of<IntakeInvitation> P>
void describe(V& v, P& i) {
  v("sent_on", i.sent_on);
  v("respond_by", i.respond_by);
  v("written_warning", i.written_warning);
  v("outcome", i.outcome);
}

template <class V, detail::Of<LearnabilityTest> P>
void describe(V& v, P& t) {
  v("taken_on", t.taken_on);
  v("score", t.score, Sensitivity::kPersonal);
  v("dispensation_reason", t.dispensation_reason, Sensitivity::kSpecial);
  v("max_score", t.max_score);
  v("pass_mark", t.pass_mark);
  // An impairment is health data (Wi 37; AVG art. 9).
  v("dispensation_ground", t.dispensation_ground, Sensitivity::kSpecial);
  v("special_withheld", t.special_withheld);
}

template <class V, detail::Of<BroadIntake> P>
void describe(V& v, P& i) {
  v("invitations", i.invitations);
  // The health topic is special-category data: see key_sensitivity below.
  v("topics", i.topics);
  v("learnability_test", i.learnability_test);
  v("informed_may_attend_alone", i.informed_may_attend_alone);
  v("completed_on", i.completed_on);
  v("completed_without_participant", i.completed_without_participant);
  v("wants_vocational_or_higher_education", i.wants_vocational_or_higher_education);
}

/// The sensitivity of a map entry by its key: the health topic is special-category data
/// (Wi 37; Bi 9.11), whatever its fields say.
inline Sensitivity key_sensitivity(IntakeTopic topic) {
  return is_special_category(topic) ? Sensitivity::kSpecial : Sensitivity::kPlain;
}

}  // namespace inburgering
