#include "storage/audit_diff.hpp"

#include "detail/walk.hpp"
#include "trajectory/fields.hpp"

namespace inburgering::storage::detail {
namespace {

std::vector<FieldChange> changes_between(const TrajectoryRecord* before,
                                         const TrajectoryRecord* after) {
  std::vector<::inburgering::detail::LeafChange> leaves;
  ::inburgering::detail::diff_values(before, after, ::inburgering::detail::Path{},
                                     ::inburgering::detail::Sensitivity::kPlain, leaves);
  std::vector<FieldChange> out;
  out.reserve(leaves.size());
  for (auto& leaf : leaves) {
    out.push_back(
        FieldChange{std::move(leaf.pointer), std::move(leaf.before), std::move(leaf.after)});
  }
  return out;
}

}  // namespace

std::vector<FieldChange> diff_records(const TrajectoryRecord& before,
                                      const TrajectoryRecord& after) {
  return changes_between(&before, &after);
}

std::vector<FieldChange> fields_of(const TrajectoryRecord& record) {
  return changes_between(nullptr, &record);
}

}  // namespace inburgering::storage::detail
