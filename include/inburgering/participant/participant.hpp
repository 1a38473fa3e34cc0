#pragma once
/// @file participant.hpp
/// The person obliged to integrate (inburgeringsplichtige; Wi 3).

#include <string>

#include "inburgering/bsn.hpp"
#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/participant/target_group.hpp"

namespace inburgering {

struct Policy;

/// The person obliged to integrate (inburgeringsplichtige, Wi 3). Names, BSN and birth date
/// are personal data: never log them. Not default-constructible: a participant always has a BSN
/// (build it with designated initialisers, e.g. `Participant{.id = ..., .bsn = Bsn("...")}`).
struct INBURGERING_EXPORT Participant {
  ParticipantId id;
  /// Citizen service number (BSN), the key of all exchange with DUO (Wi 36).
  Bsn bsn;
  /// Given names (voornamen). Personal data.
  std::string given_names;
  /// Family name (geslachtsnaam). Personal data.
  std::string family_name;
  Date birth_date;
  TargetGroup target_group = TargetGroup::kAsylumPermitHolder;
  ResidencePermit permit = ResidencePermit::kTemporaryAsylum;
  /// Has children for whom early-childhood education (VVE) is relevant (Wi 14.3.d, 15.1.d).
  bool has_young_children = false;
  /// Why the person, with a regular permit, is not obliged (Wi 3.1.a with Bi 2.2; Wi 3.2.c-d);
  /// kNone for whoever is. Personal data.
  NotObligedGround not_obliged = NotObligedGround::kNone;

  /// Checks the fields on their own and against each other: names present, birth date valid,
  /// permit consistent with the target group (asylum permit holders hold a temporary asylum
  /// permit or a regular permit joining one, Wi 13.1; family and other migrants a regular
  /// permit, Wi 19; a ground for not being obliged only with a regular permit, Bi 2.2.3).
  /// @throws ValidationError naming the field (never its value when it is personal data).
  void validate() const;

  friend bool operator==(const Participant&, const Participant&) = default;
};

}  // namespace inburgering
