#include "inburgering/participant/obligation.hpp"

#include <algorithm>
#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/participant/participant.hpp"
#include "inburgering/policy.hpp"
#include "inburgering/state_pension_age.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    ExemptionGround,
    {ExemptionGround::kDutchCompulsorySchooling, "dutch_compulsory_schooling",
     "8 jaar leerplichtig of kwalificatieplichtig in Nederland"},
    {ExemptionGround::kDutchDiploma, "dutch_diploma", "aangewezen diploma of certificaat"},
    {ExemptionGround::kUnderCompulsorySchooling, "under_compulsory_schooling",
     "leerplichtig of kwalificatieplichtig"},
    {ExemptionGround::kSufficientlyIntegrated, "sufficiently_integrated",
     "al voldoende ingeburgerd"},
    {ExemptionGround::kExamPartsShown, "exam_parts_shown", "examenonderdelen aangetoond"},
    {ExemptionGround::kFollowingDesignatedCourse, "following_designated_course",
     "volgt een aangewezen opleiding"});

INBURGERING_DEFINE_ENUM_TEXT(DispensationGround,
                             {DispensationGround::kMedical, "medical", "medische ontheffing"},
                             {DispensationGround::kSpecialCircumstances, "special_circumstances",
                              "bijzondere individuele omstandigheden"});

INBURGERING_DEFINE_ENUM_TEXT(ResidenceProcedureKind,
                             {ResidenceProcedureKind::kApplication, "application",
                              "aanvraag verblijfsvergunning"},
                             {ResidenceProcedureKind::kObjectionOrAppeal, "objection_or_appeal",
                              "bezwaar of beroep"});

bool Obligation::applies_to(const Participant& participant, Date on, const Policy& policy) {
  if (participant.target_group == TargetGroup::kVoluntary) return false;
  if (participant.permit == ResidencePermit::kEuLaw) return false;
  if (participant.not_obliged != NotObligedGround::kNone) return false;
  if (on < participant.birth_date) return false;
  // From the 16th birthday, until the day the AOW age is reached (Wi 3.1; AOW 7a).
  const int age = age_in_months(participant.birth_date, on);
  return age >= policy.minimum_age_years * 12 && on < state_pension_date(participant.birth_date);
}

bool Obligation::part_lifted(ExamPart part) const {
  auto covers = [part](const auto& decision) {
    return decision.is_whole() || decision.parts.count(part) != 0;
  };
  return std::any_of(exemptions.begin(), exemptions.end(), covers) ||
         std::any_of(dispensations.begin(), dispensations.end(), covers);
}

bool Obligation::z_route_participation_lifted() const {
  return std::any_of(dispensations.begin(), dispensations.end(),
                     [](const Dispensation& d) { return d.z_route_participation; });
}

bool Obligation::wholly_lifted() const {
  auto whole = [](const auto& decision) { return decision.is_whole(); };
  return std::any_of(exemptions.begin(), exemptions.end(), whole) ||
         std::any_of(dispensations.begin(), dispensations.end(), whole);
}

void validate(const Exemption& exemption) {
  require_valid(exemption.decided_on, "exemption.decided_on");
  if (exemption.ground == ExemptionGround::kExamPartsShown && exemption.is_whole()) {
    throw ValidationError("exemption.parts",
                          "an exemption for exam parts shown names the parts (Wi 7.3)", "none");
  }
}

void validate(const Dispensation& dispensation) {
  require_valid(dispensation.decided_on, "dispensation.decided_on");
  if (dispensation.special_withheld) {
    // A placeholder holds nothing (so no value hides behind it); the rules that read the ground
    // were checked when the values were recorded.
    if (dispensation.ground != DispensationGround::kMedical ||
        !dispensation.college_advice.empty()) {
      throw ValidationError("dispensation.special_withheld",
                            "a withheld dispensation holds no ground or advice", "values present");
    }
    return;
  }
  if (dispensation.ground == DispensationGround::kSpecialCircumstances) {
    // Whole only (Wi 5.2; Bi 2.8.1): refused by `Trajectory::record_dispensation`, not here,
    // because 0.2 recorded partial ones and its records still load.
    if (dispensation.college_advice.empty() && !dispensation.ex_officio) {
      throw ValidationError("dispensation.college_advice",
                            "a dispensation for special circumstances on application requires "
                            "the college's advice (Bi 2.8.2); DUO's own (ex_officio, Bi 2.8.4) "
                            "does not",
                            "empty");
    }
  }
  if (dispensation.z_route_participation && dispensation.ground != DispensationGround::kMedical) {
    throw ValidationError("dispensation.z_route_participation",
                          "only a medical dispensation lifts the participation part of the "
                          "Z-route (Bi 2.7.3.c)",
                          "value withheld");  // the ground is health data
  }
  if (dispensation.ground == DispensationGround::kMedical && !dispensation.is_whole()) {
    const auto language_parts = std::count_if(dispensation.parts.begin(), dispensation.parts.end(),
                                              [](ExamPart p) { return is_language_part(p); });
    if (language_parts > 3) {
      throw ValidationError("dispensation.parts",
                            "a partial medical dispensation covers at most 3 of the 4 language "
                            "parts (Bi 2.7); dispense wholly instead",
                            std::to_string(language_parts) + " language parts");
    }
  }
}

void Obligation::validate() const {
  require_valid(duo_notice_date, "obligation.duo_notice_date");
  if (brp_registration_date)
    require_valid(*brp_registration_date, "obligation.brp_registration_date");
  if (third_party_info_requested_on) {
    require_valid(*third_party_info_requested_on, "obligation.third_party_info_requested_on");
  }
  if (third_party_info_received_on) {
    require_valid(*third_party_info_received_on, "obligation.third_party_info_received_on");
    if (!third_party_info_requested_on) {
      throw ValidationError("obligation.third_party_info_received_on",
                            "information can only be received after it was requested (Bi 5.3.2)",
                            to_iso(*third_party_info_received_on));
    }
    if (*third_party_info_received_on < *third_party_info_requested_on) {
      throw ValidationError("obligation.third_party_info_received_on",
                            "must not be before the request",
                            to_iso(*third_party_info_received_on));
    }
  }
  for (const auto& exemption : exemptions) inburgering::validate(exemption);
  for (const auto& dispensation : dispensations) inburgering::validate(dispensation);
  // Residence procedures follow one another (Bi 2.1, first member): each decided, on or after
  // its start, before the next begins; only the last may still run.
  for (std::size_t i = 0; i < residence_procedures.size(); ++i) {
    const ResidenceProcedure& procedure = residence_procedures[i];
    const std::string field = "obligation.residence_procedures[" + std::to_string(i) + "]";
    require_valid(procedure.started_on, field + ".started_on");
    if (procedure.decided_on) {
      require_valid(*procedure.decided_on, field + ".decided_on");
      if (*procedure.decided_on < procedure.started_on) {
        throw ValidationError(field + ".decided_on", "must not be before the procedure began",
                              to_iso(*procedure.decided_on));
      }
    } else if (procedure.permit_granted) {
      throw ValidationError(field + ".permit_granted", "only a decided procedure grants a permit",
                            "true");
    }
    if (i + 1 < residence_procedures.size()) {
      const ResidenceProcedure& next = residence_procedures[i + 1];
      if (!procedure.decided_on || next.started_on < *procedure.decided_on) {
        throw ValidationError(
            "obligation.residence_procedures[" + std::to_string(i + 1) + "].started_on",
            "a residence procedure begins once the one before it was decided",
            to_iso(next.started_on));
      }
    }
  }
}

}  // namespace inburgering
