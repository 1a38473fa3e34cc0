// The JSON export of one trajectory (schema/trajectory-export-1.schema.json): the record by its
// stored field names, written in full through the field lists, and a view under the names of
// the Gemeentelijk Gegevensmodel (GGM 2.5.1, Model Inburgering) where it has them.

#include "inburgering/transfer/json_export.hpp"

#include <nlohmann/json.hpp>

#include "inburgering/error.hpp"
#include "inburgering/version.hpp"
#include "storage/record_codec.hpp"
#include "storage/special_values.hpp"

namespace inburgering::transfer {

namespace {

using nlohmann::json;

// GGM's LeerrouteType and UitkomstLeerbaarheidstoets values.
const char* ggm_route(Route route) {
  switch (route) {
    case Route::kB1:
      return "B1-route";
    case Route::kEducation:
      return "Onderwijsroute";
    case Route::kZ:
      return "Z-route";
  }
  return "";
}

// GGM's WordtBehandeldAls values; a volunteer has no obligation and no value.
const char* ggm_group(TargetGroup group) {
  switch (group) {
    case TargetGroup::kAsylumPermitHolder:
      return "AsielStatushouder";
    case TargetGroup::kFamilyMigrant:
      return "GezinsMigrant";
    case TargetGroup::kOtherMigrant:
      return "OverigeMigrant";
    case TargetGroup::kVoluntary:
      return nullptr;
  }
  return nullptr;
}

json date_or_null(const std::optional<Date>& date) {
  return date ? json(to_iso(*date)) : json(nullptr);
}

// The facts the GGM names, from the record. Only what means the same in both.
json ggm_view(const Trajectory& trajectory, Date as_of) {
  const TrajectoryRecord& r = trajectory.record();
  json ggm = json::object();
  json plicht = json::object();
  // Obliged: not a volunteer, not lifted wholly by an exemption or dispensation.
  plicht["IndicatorInburgeringsplicht"] = r.participant.target_group != TargetGroup::kVoluntary &&
                                          r.participant.not_obliged == NotObligedGround::kNone &&
                                          !r.obligation.wholly_lifted();
  if (const char* group = ggm_group(r.participant.target_group)) {
    plicht["WordtBehandelsAls"] = group;  // GGM's spelling of the attribute
  }
  ggm["Inburgeringsplicht"] = plicht;
  if (r.term) {
    // The term of Wi 11.1 as extended and interrupted; a new term DUO's fine set (Wi 24.2) is
    // in trajectory.duo_fines.
    ggm["Inburgeringstermijn"] = {
        {"DatumAanvangInburgeringstermijn", to_iso(r.term->start)},
        {"DatumEindeInburgeringstermijn", to_iso(r.term->end_date(as_of, {}))}};
  }
  if (const PlanVersion* plan = trajectory.current_plan()) {
    ggm["Leerroute"] = {{"LeerrouteType", ggm_route(plan->content.route)}};
    ggm["PIP"] = {{"DagtekeningInitielePIP", to_iso(r.plan_versions.front().date_of_issue)},
                  {"DagtekeningPIP", to_iso(plan->date_of_issue)}};
  }
  ggm["PVT"] = {{"DatumOndertekening PVT", date_or_null(r.components.pvt_statement_signed_on)}};
  ggm["MAP"] = {{"DatumEindgesprekMAP", date_or_null(r.components.map_final_interview_on)}};
  json parts = json::array();
  for (const ExamResult& result : r.exam_results) {
    if (result.invalidated_on) continue;  // declared invalid (Bi 3.10): counts for nothing
    // The day the exam was taken is not GGM's DatumRegistratieUitslag: it is in trajectory.
    parts.push_back({{"ExamenOnderdeelSpecificatie", std::string(to_string(result.part)) + " " +
                                                         std::string(to_string(result.level))},
                     {"Resultaat", result.passed ? 1 : 0}});
  }
  ggm["Examenonderdeel"] = parts;
  json offers = json::array();
  for (const CourseOffer& offer : r.course_offers) {
    offers.push_back({{"DatumInburgeringsAanbod", to_iso(offer.offered_on)},
                      {"CursusInstelling", offer.provider}});
  }
  ggm["InburgeringsAanbod"] = offers;
  json dispensations = json::array();
  for (const Dispensation& d : r.obligation.dispensations) {
    dispensations.push_back(
        {{"BeslissingOntheffing", true}, {"DatumOntheffing", to_iso(d.decided_on)}});
  }
  ggm["Ontheffing"] = dispensations;
  json exemptions = json::array();
  for (const Exemption& e : r.obligation.exemptions) {
    exemptions.push_back({{"DatumVrijstelling", to_iso(e.decided_on)}});
  }
  ggm["Vrijstelling"] = exemptions;
  return ggm;
}

}  // namespace

std::string trajectory_json(const Trajectory& trajectory, Date exported_on,
                            const JsonExportOptions& options) {
  require_valid(exported_on, "export.exported_on");
  TrajectoryRecord record = trajectory.record();
  const auto health = record.intake.topics.find(IntakeTopic::kHealth);
  if (options.with_special) {
    if (storage::detail::holds_special_placeholder(record) ||
        (health != record.intake.topics.end() && health->second.withheld)) {
      throw ValidationError("export.with_special",
                            "the trajectory holds the special-category values only as "
                            "placeholders: load it with health information",
                            "placeholders");
    }
  } else {
    if (health != record.intake.topics.end()) record.intake.topics.erase(health);
    // Values and placeholders alike become placeholders (a record may mix them: loaded
    // without health, then a dispensation recorded).
    if (storage::detail::holds_special_values(record)) storage::detail::take_special_values(record);
  }
  json trajectory_part = json::parse(storage::detail::encode_record_full(record));
  trajectory_part.erase("format");  // the export has its own version
  json out = {
      {"schema", "inburgering-trajectory-export"},  {"version", kJsonExportVersion},
      {"exported_on", to_iso(exported_on)},         {"library_version", kVersion},
      {"special_categories", options.with_special}, {"trajectory", std::move(trajectory_part)},
      {"ggm", ggm_view(trajectory, exported_on)}};
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace inburgering::transfer
