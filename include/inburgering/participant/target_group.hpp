#pragma once
/// @file target_group.hpp
/// Who the person is under the law: target group (doelgroep), residence permit and the regime
/// (old or new law) their obligation falls under.

#include <string_view>

#include "inburgering/enum_text.hpp"

namespace inburgering {

/// Target group (doelgroep). Determines who pays, which Z-route hours apply and whether
/// unburdening is possible.
enum class TargetGroup {
  /// Asielstatushouder (Wi 13.1; Bi 1.1): temporary asylum permit, including nareizigers with
  /// a derived asylum permit, or a regular family permit joining an asylum holder (Wi 13.1.b).
  /// The municipality offers and pays for the course (Wi 16).
  kAsylumPermitHolder,
  /// Gezinsmigrant (Wi 19; Bi 1.1): a regular permit for family reunification or formation.
  /// Pays for course and exams, possibly with a DUO loan (Wi 20).
  kFamilyMigrant,
  /// Overige migrant (Wi 19): another temporary regular permit that carries the obligation.
  kOtherMigrant,
  /// Not obliged (e.g. EU-law residents) but integrating voluntarily (Bi 6.1, 6.2a).
  kVoluntary,
};

/// Kind of residence permit, as far as the rules distinguish them.
enum class ResidencePermit {
  /// Temporary asylum permit (verblijfsvergunning asiel voor bepaalde tijd), incl. derived.
  kTemporaryAsylum,
  /// A regular temporary permit (Vw 14), incl. a family permit joining an asylum holder.
  kRegular,
  /// Residence under EU law (no obligation; Wi 3.2).
  kEuLaw,
};

/// Which law the obligation falls under. People obliged under the Wet inburgering 2013 stay
/// under it (Wi 54); the library's rules are those of the 2021 law.
enum class Regime { kWi2013, kWi2021 };

INBURGERING_ENUM_TEXT(TargetGroup);

/// Whether the municipality houses people of `group` under Huisvestingswet 2014 art. 28 (the
/// housing of vergunninghouders, asylum permit holders, with the family members housed with
/// them; Wi 13.1). Only for them does the first PIP's deadline run from the BRP registration
/// in the housing municipality when that is later than DUO's notice (Bi 5.3.1, second sentence).
constexpr bool housed_under_huisvestingswet(TargetGroup group) noexcept {
  return group == TargetGroup::kAsylumPermitHolder;
}
INBURGERING_ENUM_TEXT(ResidencePermit);
INBURGERING_ENUM_TEXT(Regime);

}  // namespace inburgering
