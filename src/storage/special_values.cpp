#include "storage/special_values.hpp"

#include <algorithm>

#include "inburgering/error.hpp"

namespace inburgering::storage::detail {

namespace {

bool test_dispensed(const TrajectoryRecord& record) {
  const auto& test = record.intake.learnability_test;
  return test && test->dispensation_reason.has_value();
}

std::string dispensation_field(std::size_t i) {
  return "obligation.dispensations[" + std::to_string(i) + "].special_withheld";
}

}  // namespace

bool holds_special_values(const TrajectoryRecord& record) {
  const auto& dispensations = record.obligation.dispensations;
  return std::any_of(dispensations.begin(), dispensations.end(),
                     [](const Dispensation& d) { return !d.special_withheld; }) ||
         (test_dispensed(record) && !record.intake.learnability_test->special_withheld);
}

bool holds_special_placeholder(const TrajectoryRecord& record) {
  const auto& dispensations = record.obligation.dispensations;
  return std::any_of(dispensations.begin(), dispensations.end(),
                     [](const Dispensation& d) { return d.special_withheld; }) ||
         (record.intake.learnability_test && record.intake.learnability_test->special_withheld);
}

SpecialValues take_special_values(TrajectoryRecord& record) {
  SpecialValues out;
  for (Dispensation& d : record.obligation.dispensations) {
    out.dispensations.push_back(SpecialDispensation{d.ground, std::move(d.college_advice)});
    d.ground = DispensationGround::kMedical;  // the placeholder
    d.college_advice.clear();
    d.special_withheld = true;
  }
  if (test_dispensed(record)) {
    LearnabilityTest& test = *record.intake.learnability_test;
    out.learnability =
        SpecialLearnability{std::move(*test.dispensation_reason), test.dispensation_ground};
    test.dispensation_reason = std::string();
    test.dispensation_ground.reset();
    test.special_withheld = true;
  }
  return out;
}

void restore_special_values(TrajectoryRecord& record, const SpecialValues& stored) {
  auto& dispensations = record.obligation.dispensations;
  for (std::size_t i = 0; i < dispensations.size(); ++i) {
    Dispensation& d = dispensations[i];
    if (!d.special_withheld) continue;
    if (i >= stored.dispensations.size()) {
      throw ValidationError(dispensation_field(i),
                            "a placeholder stands only for values the store holds", "true");
    }
    d.ground = stored.dispensations[i].ground;
    d.college_advice = stored.dispensations[i].college_advice;
    d.special_withheld = false;
  }
  auto& test = record.intake.learnability_test;
  if (test && test->special_withheld) {
    if (!stored.learnability) {
      throw ValidationError("intake.learnability_test.special_withheld",
                            "a placeholder stands only for values the store holds", "true");
    }
    test->dispensation_reason = stored.learnability->dispensation_reason;
    test->dispensation_ground = stored.learnability->dispensation_ground;
    test->special_withheld = false;
  }
}

}  // namespace inburgering::storage::detail
