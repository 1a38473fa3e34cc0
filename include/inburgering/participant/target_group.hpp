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

/// Why a person with a regular residence permit is nevertheless not obliged to integrate. Wi 3.1.a
/// obliges only residence "voor een niet-tijdelijk doel"; Wi 3.2 excepts three more groups (a
/// and b, residence under EU law, are `ResidencePermit::kEuLaw`). Such a person may integrate
/// voluntarily (`TargetGroup::kVoluntary`); `Trajectory::open` refuses them as obliged.
enum class NotObligedGround {
  kNone,
  /// The permit carries a restriction connected with a temporary purpose (Wi 3.1.a; Bi 2.2.1:
  /// a. family of someone here for a temporary purpose, b-q. e.g. self-employment, knowledge
  /// migrant, seasonal work, study, medical treatment; Bi 2.2.2: restrictions the Vreemdelingen-
  /// besluit designates). A minister of religion stays obliged (Wi 3.1.b): record kNone.
  kTemporaryPurpose,
  /// Met an integration requirement in another member state to become a long-term resident
  /// there (richtlijn 2003/109/EG; Wi 3.2.c).
  kLongTermResidentElsewhere,
  /// No obligation may be imposed under a treaty or a decision of an international organisation
  /// (Wi 3.2.d).
  kTreatyOrDecision,
};

/// The article a person is not obliged under for `ground` (empty for kNone).
constexpr std::string_view not_obliged_article(NotObligedGround ground) noexcept {
  switch (ground) {
    case NotObligedGround::kNone:
      return "";
    case NotObligedGround::kTemporaryPurpose:
      return "Wi 3.1.a; Bi 2.2";
    case NotObligedGround::kLongTermResidentElsewhere:
      return "Wi 3.2.c";
    case NotObligedGround::kTreatyOrDecision:
      return "Wi 3.2.d";
  }
  return "";
}

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
INBURGERING_ENUM_TEXT(NotObligedGround);
INBURGERING_ENUM_TEXT(Regime);

}  // namespace inburgering
