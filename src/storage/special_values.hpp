#pragma once
// Private: the special-category values a record holds outside the intake's health topic (Wi
// 37.2; Bi 9.11): a dispensation's ground and the college's advice, the learnability test's
// dispensation ground and reason. A store keeps them apart from the record (table
// `trajectory_special`), the record's own text holds placeholders (`special_withheld`), and only
// a load with health information by a role that may read it puts them back. The health topic
// has its own table and placeholder (TopicRecord::withheld).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/fields.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::storage::detail {

using ::inburgering::detail::Sensitivity;

/// The withheld values of one dispensation.
struct SpecialDispensation {
  DispensationGround ground = DispensationGround::kMedical;
  std::string college_advice;
  friend bool operator==(const SpecialDispensation&, const SpecialDispensation&) = default;
};

/// The withheld values of a dispensation from the learnability test.
struct SpecialLearnability {
  std::string dispensation_reason;
  std::optional<LearnabilityDispensationGround> dispensation_ground;
  friend bool operator==(const SpecialLearnability&, const SpecialLearnability&) = default;
};

/// All of a record's withheld values: one entry per dispensation, in the record's order.
struct SpecialValues {
  std::vector<SpecialDispensation> dispensations;
  std::optional<SpecialLearnability> learnability;
  bool empty() const { return dispensations.empty() && !learnability; }
  friend bool operator==(const SpecialValues&, const SpecialValues&) = default;
};

template <class V, ::inburgering::detail::Of<SpecialDispensation> P>
void describe(V& v, P& d) {
  v("ground", d.ground, Sensitivity::kSpecial);
  v("college_advice", d.college_advice, Sensitivity::kSpecial);
}

template <class V, ::inburgering::detail::Of<SpecialLearnability> P>
void describe(V& v, P& l) {
  v("dispensation_reason", l.dispensation_reason, Sensitivity::kSpecial);
  v("dispensation_ground", l.dispensation_ground, Sensitivity::kSpecial);
}

template <class V, ::inburgering::detail::Of<SpecialValues> P>
void describe(V& v, P& s) {
  v("dispensations", s.dispensations);
  v("learnability", s.learnability);
}

/// Whether `record` holds special-category values themselves (not only placeholders).
bool holds_special_values(const TrajectoryRecord& record);
/// Whether `record` holds a placeholder of such values (`special_withheld`).
bool holds_special_placeholder(const TrajectoryRecord& record);

/// Moves the values out of `record`, leaving placeholders. `record` holds no placeholder.
SpecialValues take_special_values(TrajectoryRecord& record);

/// Puts `stored` back behind the placeholders of `record` (values `record` holds itself stay).
/// @throws ValidationError naming a placeholder `stored` has no values for.
void restore_special_values(TrajectoryRecord& record, const SpecialValues& stored);

std::string encode_special(const SpecialValues& values);
SpecialValues decode_special(std::string_view text, const std::string& what);

}  // namespace inburgering::storage::detail
