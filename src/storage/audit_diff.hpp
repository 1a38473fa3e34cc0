#pragma once
// Private: the field-level changes between two versions of a record, for the audit trail. A
// visitor over the field lists (src/detail/fields.hpp): the marks there decide what is masked,
// so there is no list of personal fields to keep up to date here.

#include <vector>

#include "inburgering/storage/audit_log.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::storage::detail {

/// Every field whose value differs between `before` and `after`, as JSON pointers into the
/// stored record ("/plan_versions/1/content/route"), in field-list order. A value under a field
/// marked personal or special (BSN, names, birth date, notes, free text, payees, amounts, and the
/// whole health topic) appears as "(personal data)"; a side without the field as "(absent)". The
/// revision is not a change.
std::vector<FieldChange> diff_records(const TrajectoryRecord& before,
                                      const TrajectoryRecord& after);

/// Every change `diff_records` would show when the record is created: each field of `record`
/// against nothing.
std::vector<FieldChange> fields_of(const TrajectoryRecord& record);

}  // namespace inburgering::storage::detail
