#pragma once
/// @file obligation.hpp
/// The integration obligation (inburgeringsplicht; Wi 3) as DUO notified it, and the decisions
/// that lift it wholly or partly: exemption (vrijstelling, Wi 4, 7.3) and dispensation
/// (ontheffing, Wi 5).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/participant/target_group.hpp"
#include "inburgering/route/exam_part.hpp"

namespace inburgering {

struct Policy;
struct Participant;

/// Ground for an exemption (vrijstelling) decided by DUO (Wi 4; Bi 2.3).
enum class ExemptionGround {
  /// At least 8 years leerplichtig or kwalificatieplichtig under the Leerplichtwet 1969
  /// (Wi 4.1.a; shown by the BRP registration, Bi 2.6).
  kDutchCompulsorySchooling,
  /// A diploma, certificate or other document designated by ministerial regulation that shows
  /// the skills and knowledge of Wi 7.1 (Wi 4.1.b; a foreign one after advice, Bi 2.4).
  kDutchDiploma,
  /// Currently leerplichtig or kwalificatieplichtig (Wi 4.1.c).
  kUnderCompulsorySchooling,
  /// Already sufficiently integrated: at least 10 years uninterrupted in the BRP, at least 5
  /// years of paid or volunteer work in the Netherlands, and B1 speaking and listening shown in
  /// an interview (Wi 4.1.e; Bi 2.3).
  kSufficientlyIntegrated,
  /// Exemption for individual exam parts shown by a diploma or certificate (Wi 7.3).
  kExamPartsShown,
  /// Following a course that leads to a diploma designated by ministerial regulation (Wi 4.1.d).
  kFollowingDesignatedCourse,
};

/// Vrijstelling: DUO lifts the obligation wholly (Wi 4) or for some exam parts (Wi 7.3).
struct INBURGERING_EXPORT Exemption {
  ExemptionGround ground = ExemptionGround::kDutchDiploma;
  /// Date of DUO's decision.
  Date decided_on;
  /// The exam parts exempted; empty means the whole obligation.
  std::set<ExamPart> parts;

  bool is_whole() const noexcept { return parts.empty(); }
  friend bool operator==(const Exemption&, const Exemption&) = default;
};

/// Ground for a dispensation (ontheffing) decided by DUO (Wi 5).
enum class DispensationGround {
  /// Permanent psychological, physical or intellectual impairment: cannot comply within 5
  /// years, per a DUO-appointed doctor (Wi 5.1; Bi 2.7).
  kMedical,
  /// Very exceptional, unforeseen circumstances not the person's fault (Wi 5.2; Bi 2.8.1):
  /// only a whole dispensation; on application with the college's advice (Bi 2.8.2), or by
  /// DUO on its own initiative (Bi 2.8.4, `Dispensation::ex_officio`).
  kSpecialCircumstances,
};

/// Ontheffing: DUO lifts the obligation wholly or for some parts (Wi 5). A partial medical
/// dispensation covers at most 3 of the 4 language parts and/or KNM (Bi 2.7). Its ground and the
/// college's advice are health data (Wi 37.2): only roles that may read health information see
/// them (`special_withheld`).
struct INBURGERING_EXPORT Dispensation {
  DispensationGround ground = DispensationGround::kMedical;
  Date decided_on;
  /// The parts dispensed; empty means the whole obligation.
  std::set<ExamPart> parts;
  /// The college's advice (required for special circumstances on application, Bi 2.8.2). Free
  /// text about the person's circumstances: special-category data like the ground, masked in the
  /// audit trail, never in a message, and withheld like it (`special_withheld`).
  std::string college_advice;
  /// DUO decided on its own initiative (ambtshalve, Bi 2.8.4): a dispensation for special
  /// circumstances then needs no college advice ("Indien van toepassing adviseert het college").
  bool ex_officio = false;
  /// A partial medical dispensation from the participation part of the Z-route (Bi 2.7.3.c:
  /// "het participatiegedeelte van de zelfredzaamheidsroute", Bi 3.14.2.b), except the
  /// activities of the PVT and the MAP, which stay due. With or without exam `parts`. Like
  /// `parts`, the decision's effect, which every role that judges the trajectory needs: not
  /// withheld.
  bool z_route_participation = false;
  /// The special-category values (`ground`, `college_advice`; Wi 37.2; Bi 9.11) are withheld:
  /// the record was loaded without health information (`storage::LoadOptions::with_health`).
  /// `ground` then holds the placeholder `kMedical` and `college_advice` is empty; they tell
  /// nothing. A store keeps the values apart and puts them back on save; an act never takes a
  /// withheld dispensation.
  bool special_withheld = false;

  /// Whether it lifts the whole obligation: no parts named and not the Z-route's participation.
  bool is_whole() const noexcept { return parts.empty() && !z_route_participation; }
  friend bool operator==(const Dispensation&, const Dispensation&) = default;
};

/// On what the person's lawful residence rests while a residence procedure runs (Vreemdelingenwet
/// 2000 art. 8, onderdeel g or h).
enum class ResidenceProcedureKind {
  /// Awaiting the decision on an application for a residence permit (Vw 8.g).
  kApplication,
  /// Awaiting the decision on an objection or appeal (bezwaar of beroep), where the law or a
  /// court lets the person await it in the Netherlands (Vw 8.h).
  kObjectionOrAppeal,
};

/// A residence procedure that keeps the obligation alive (Bi 2.1, first member): lawful
/// residence under Vw 8.g or h obtained directly after the period of obligation (e.g. an
/// application to renew, or an objection to the withdrawal of, the permit). While one runs, the
/// obligation does not end, so the trajectory is not ended for `EndReason::kPermitWithdrawn`.
struct INBURGERING_EXPORT ResidenceProcedure {
  ResidenceProcedureKind kind = ResidenceProcedureKind::kApplication;
  /// The day the lawful residence under Vw 8.g-h began (the application or objection was made).
  Date started_on;
  /// The day of the decision that ended it; empty while it runs.
  std::optional<Date> decided_on;
  /// Whether the decision gave (or restored) a residence permit: then the obligation simply
  /// goes on. A refusal ends the procedure; a new objection or appeal is a new procedure.
  bool permit_granted = false;

  /// Whether it runs on `on`: begun and not decided before that day.
  bool runs_on(Date on) const noexcept {
    return started_on <= on && (!decided_on || on < *decided_on);
  }
  friend bool operator==(const ResidenceProcedure&, const ResidenceProcedure&) = default;
};

/// The integration obligation (inburgeringsplicht) of one person, as notified by DUO.
struct INBURGERING_EXPORT Obligation {
  Regime regime = Regime::kWi2021;
  /// Date of DUO's written notice of the obligation (Bi 5.3.1). Start of the PIP deadline.
  Date duo_notice_date;
  /// Registration in the BRP of the (housing) municipality, when it has happened. The PIP
  /// deadline runs from it if it is later than the notice (Bi 5.3.1).
  std::optional<Date> brp_registration_date;
  /// When the college started waiting for information from third parties needed for the PIP,
  /// and when it arrived (Bi 5.3.2).
  std::optional<Date> third_party_info_requested_on;
  std::optional<Date> third_party_info_received_on;
  /// Exemptions (vrijstelling) decided by DUO.
  std::vector<Exemption> exemptions;
  /// Dispensations (ontheffing) decided by DUO.
  std::vector<Dispensation> dispensations;
  /// Residence procedures that kept the obligation alive (Bi 2.1, first member), in order.
  std::vector<ResidenceProcedure> residence_procedures;

  /// Whether the obligation exists for `participant` on DUO's notice date under `policy`:
  /// target group not voluntary, permit not EU law, age from `minimum_age_years` to below the
  /// state-pension age (Wi 3).
  static bool applies_to(const Participant& participant, Date on, const Policy& policy);

  /// Whether `part` is exempted or dispensed (wholly or per part).
  bool part_lifted(ExamPart part) const;
  /// Whether an exemption or dispensation lifts the whole obligation.
  bool wholly_lifted() const;
  /// Whether a dispensation lifts the participation part of the Z-route (Bi 2.7.3.c).
  bool z_route_participation_lifted() const;

  /// Checks dates and decisions: notice date valid; registration, third-party dates not before
  /// the notice where that matters; partial medical dispensation ≤ 3 language parts (Bi 2.7);
  /// a special-circumstances dispensation, unless DUO gave it on its own initiative (Bi 2.8.4),
  /// carries the college's advice (Bi 2.8.2). (That it is whole, Wi 5.2, is checked when it is
  /// recorded: 0.2 stored partial ones, which still load.)
  /// @throws ValidationError naming the field and rule.
  void validate() const;

  friend bool operator==(const Obligation&, const Obligation&) = default;
};

INBURGERING_ENUM_TEXT(ExemptionGround);
INBURGERING_ENUM_TEXT(DispensationGround);
INBURGERING_ENUM_TEXT(ResidenceProcedureKind);

/// Validates one exemption on its own. @throws ValidationError.
INBURGERING_EXPORT void validate(const Exemption& exemption);
/// Validates one dispensation on its own (Bi 2.7, Wi 5.2). @throws ValidationError.
INBURGERING_EXPORT void validate(const Dispensation& dispensation);

}  // namespace inburgering
