#pragma once
/// @file team_report.hpp
/// The team lead's report: one self-contained HTML file (inline SVG charts; no script, no
/// network, no external style) about a municipality's caseload on a day, in Dutch: the caseload
/// by state, the deadlines of the coming weeks (and the overdue ones), the route distribution,
/// the progress of each cohort, and the overdue signals per caseworker. For use within the
/// municipality: it holds no data of persons, only counts and caseworkers' user ids, and its
/// counts are not suppressed (monitoring/indicators.hpp is for figures that leave it).

#include <optional>
#include <string>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/municipality.hpp"

namespace inburgering::storage {
class TrajectoryStore;
struct Actor;
}  // namespace inburgering::storage

namespace inburgering::monitoring {

struct INBURGERING_EXPORT TeamReportOptions {
  /// The day of the report.
  Date as_of;
  /// How many weeks of deadlines ahead (1 .. 52; default 8).
  int weeks = 8;
  /// The municipality (default: the actor's own).
  std::optional<MunicipalityCode> municipality;
};

/// The report as one HTML document, from the store's monitoring counts and worklist.
/// @throws AccessDenied (audited) for a municipality the actor may not read; ValidationError
///         (weeks outside 1..52, a bad date); StorageError.
INBURGERING_EXPORT std::string team_report_html(storage::TrajectoryStore& store,
                                                const storage::Actor& actor,
                                                const TeamReportOptions& options);

}  // namespace inburgering::monitoring
