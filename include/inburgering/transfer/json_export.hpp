#pragma once
/// @file json_export.hpp
/// A documented, stable JSON export of one trajectory for other software (a back office, a
/// municipal data warehouse): schema `schema/trajectory-export-1.schema.json` in the repository.
///
/// ```text
/// { "schema": "inburgering-trajectory-export", "version": 1,
///   "exported_on": "2026-12-04", "library_version": "0.7.0", "special_categories": false,
///   "trajectory": { …every field of the record, by its stored name (see the README, Storage) },
///   "ggm": { …the same facts under the names of the Gemeentelijk Gegevensmodel, Model
///            Inburgering (GGM 2.5.1), where it has them and they mean the same:
///            "Inburgeringstermijn": {"DatumAanvangInburgeringstermijn": …}, "Leerroute":
///            {"LeerrouteType": "B1-route"}, "PIP", "PVT", "MAP", "Examenonderdeel",
///            "InburgeringsAanbod", "Ontheffing", "Vrijstelling", "Inburgeringsplicht" } }
/// ```
/// Every field is written, empty ones too (an absent optional as null, an empty list as []),
/// lists as lists. The version rises whenever a field is renamed or removed; added fields keep
/// it (a reader ignores what it does not know). The export holds personal data (BSN, names,
/// notes): it is for the municipality's own systems, not an anonymous export.

#include <string>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::transfer {

/// The version of the JSON export's schema.
inline constexpr int kJsonExportVersion = 1;

struct INBURGERING_EXPORT JsonExportOptions {
  /// Include the special-category data (Wi 37; Bi 9.11): the intake's health topic, a
  /// dispensation's ground and the college's advice, the learnability test's dispensation
  /// ground and reason. Ask only for an actor allowed to read health information (or for the
  /// person's own request, `storage::TrajectoryStore::subject_access`): the trajectory must
  /// then have been loaded with it (`storage::LoadOptions::with_health`).
  bool with_special = false;
};

/// The JSON export of `trajectory` as known on `exported_on` (which dates the term's end).
/// Without `with_special` the special-category values are left out: the health topic is
/// absent, the others are their placeholders (`special_withheld`: true).
/// @throws ValidationError (`with_special` for a trajectory that holds them only as
///         placeholders: load it with health information).
INBURGERING_EXPORT std::string trajectory_json(const Trajectory& trajectory, Date exported_on,
                                               const JsonExportOptions& options = {});

}  // namespace inburgering::transfer
