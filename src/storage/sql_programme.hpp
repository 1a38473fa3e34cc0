#pragma once
// Private: what the SQLite store's programme part (sqlite_programme.cpp) gives its other parts.

#include <nlohmann/json.hpp>

#include "inburgering/ids.hpp"
#include "storage/sql_rows.hpp"

namespace inburgering::storage::detail {

/// What programmes recorded about trajectory `id` (each enrolment with its sessions, goals with
/// their text, and outcomes), for the person's own data (AVG art. 15; `subject_access`).
nlohmann::json programme_data_json(StatementCache& statements, TrajectoryId id);

}  // namespace inburgering::storage::detail
