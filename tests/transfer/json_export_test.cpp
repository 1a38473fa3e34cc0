// The JSON export of one trajectory: it validates against its committed schema
// (schema/trajectory-export-1.schema.json), carries every field, names the GGM facts, and leaves
// out the special-category data unless asked for.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/builders.hpp"
#include "support/json_schema.hpp"

namespace inburgering::transfer {
namespace {

using nlohmann::json;
using test::d;

json schema() {
  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) +
                   "/../../schema/trajectory-export-1.schema.json");
  return json::parse(in);
}

using test::violation;

TEST(JsonExport, ValidatesAgainstItsSchema) {
  const json rules = schema();
  for (const Trajectory& t : {test::rich_trajectory(), test::registered(), test::completed()}) {
    const json out = json::parse(trajectory_json(t, d("2027-09-01")));
    EXPECT_EQ(violation(out, rules, rules), "") << to_string(t.state());
    EXPECT_EQ(violation(json::parse(trajectory_json(t, d("2027-09-01"), {.with_special = true})),
                        rules, rules),
              "");
  }
  // The validator itself rejects what breaks the schema.
  json broken = json::parse(trajectory_json(test::rich_trajectory(), d("2027-09-01")));
  broken["ggm"]["Leerroute"]["LeerrouteType"] = "A-route";
  EXPECT_EQ(violation(broken, rules, rules), "/ggm/Leerroute/LeerrouteType: enum");
  broken = json::parse(trajectory_json(test::rich_trajectory(), d("2027-09-01")));
  broken["trajectory"].erase("policy");
  EXPECT_EQ(violation(broken, rules, rules), "/trajectory/policy: required");
}

TEST(JsonExport, CarriesEveryFieldAndTheGgmNames) {
  const Trajectory t = test::rich_trajectory();
  const json out = json::parse(trajectory_json(t, d("2027-09-01"), {.with_special = true}));
  EXPECT_EQ(out["schema"], "inburgering-trajectory-export");
  EXPECT_EQ(out["version"], kJsonExportVersion);
  EXPECT_EQ(out["exported_on"], "2027-09-01");
  EXPECT_EQ(out["library_version"], kVersion);
  EXPECT_EQ(out["trajectory"]["participant"]["bsn"], "111222333");
  EXPECT_EQ(out["trajectory"]["plan_versions"].size(), 2u);
  EXPECT_TRUE(out["trajectory"]["transfer_in"].is_null());  // empty fields are written too
  EXPECT_EQ(out["trajectory"]["intake"]["topics"]["health"]["notes"],
            "rugklachten; PTSS in behandeling");
  const json& ggm = out["ggm"];
  EXPECT_EQ(ggm["Inburgeringsplicht"]["WordtBehandelsAls"], "AsielStatushouder");
  EXPECT_EQ(ggm["Inburgeringsplicht"]["IndicatorInburgeringsplicht"], true);
  EXPECT_EQ(ggm["Inburgeringstermijn"]["DatumAanvangInburgeringstermijn"], "2024-03-21");
  // The Wi 11.1 term as extended and interrupted, not DUO's new term (in duo_fines).
  EXPECT_EQ(ggm["Inburgeringstermijn"]["DatumEindeInburgeringstermijn"],
            to_iso(t.record().term->end_date(d("2027-09-01"), {})));
  EXPECT_NE(ggm["Inburgeringstermijn"]["DatumEindeInburgeringstermijn"],
            to_iso(*t.term_end(d("2027-09-01"))));
  EXPECT_EQ(ggm["Leerroute"]["LeerrouteType"], "B1-route");
  EXPECT_EQ(ggm["PIP"]["DagtekeningInitielePIP"], "2024-03-20");
  EXPECT_EQ(ggm["PIP"]["DagtekeningPIP"], "2025-03-10");
  EXPECT_EQ(ggm["PVT"]["DatumOndertekening PVT"], "2024-05-01");
  EXPECT_TRUE(ggm["MAP"]["DatumEindgesprekMAP"].is_null());
  ASSERT_EQ(ggm["Examenonderdeel"].size(), 2u);
  EXPECT_EQ(ggm["Examenonderdeel"][0]["ExamenOnderdeelSpecificatie"], "reading B1");
  EXPECT_EQ(ggm["Examenonderdeel"][0]["Resultaat"], 1);
  EXPECT_EQ(ggm["Examenonderdeel"][1]["Resultaat"], 0);
  EXPECT_EQ(ggm["InburgeringsAanbod"][0]["CursusInstelling"], "Taalschool Utrecht");
  EXPECT_EQ(ggm["Ontheffing"][0]["DatumOntheffing"], "2024-02-08");
  EXPECT_EQ(ggm["Vrijstelling"][0]["DatumVrijstelling"], "2024-02-07");
}

TEST(JsonExport, MapsEveryGroupAndRouteToItsGgmValue) {
  const auto ggm_of = [](const Trajectory& t) {
    return json::parse(trajectory_json(t, d("2026-01-01")))["ggm"];
  };
  EXPECT_EQ(ggm_of(test::on_route(
                Route::kZ, test::family_migrant()))["Inburgeringsplicht"]["WordtBehandelsAls"],
            "GezinsMigrant");
  Participant other = test::family_migrant();
  other.target_group = TargetGroup::kOtherMigrant;
  EXPECT_EQ(ggm_of(test::registered(other))["Inburgeringsplicht"]["WordtBehandelsAls"],
            "OverigeMigrant");
  EXPECT_EQ(ggm_of(test::on_route(Route::kZ))["Leerroute"]["LeerrouteType"], "Z-route");
  EXPECT_EQ(ggm_of(test::on_route(Route::kEducation))["Leerroute"]["LeerrouteType"],
            "Onderwijsroute");
  EXPECT_FALSE(ggm_of(test::registered()).contains("Leerroute"));
  // Wholly dispensed: no obligation any more.
  Trajectory dispensed = test::registered();
  dispensed.record_dispensation(Dispensation{.ground = DispensationGround::kSpecialCircumstances,
                                             .decided_on = d("2024-02-01"),
                                             .college_advice = "vluchtelingenkamp"});
  const json g = ggm_of(dispensed);
  EXPECT_EQ(g["Inburgeringsplicht"]["IndicatorInburgeringsplicht"], false);
  EXPECT_EQ(ggm_of(test::registered())["Inburgeringsplicht"]["IndicatorInburgeringsplicht"], true);
  // A result DUO declared invalid is no Examenonderdeel.
  TrajectoryRecord r = test::completed().record();
  r.exam_results[0].invalidated_on = d("2025-09-01");
  r.state = TrajectoryState::kRoute;
  r.closure.reset();
  EXPECT_EQ(ggm_of(Trajectory::from_record(r))["Examenonderdeel"].size(), 4u);
}

TEST(JsonExport, LeavesOutEverySpecialValue) {
  Trajectory t = test::registered();
  t.invite_to_intake(d("2024-01-16"), d("2024-01-26"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  t.record_learnability_test(
      LearnabilityTest{.taken_on = d("2024-01-24"),
                       .dispensation_reason = "slechtziend",
                       .dispensation_ground = LearnabilityDispensationGround::kVisualImpairment});
  t.record_dispensation(Dispensation{.ground = DispensationGround::kSpecialCircumstances,
                                     .decided_on = d("2024-02-01"),
                                     .college_advice = "vluchtelingenkamp"});
  const std::string plain = trajectory_json(t, d("2024-03-01"));
  for (const char* value :
       {"slechtziend", "visual_impairment", "special_circumstances", "vluchtelingenkamp"}) {
    EXPECT_EQ(plain.find(value), std::string::npos) << value;
  }
  const std::string full = trajectory_json(t, d("2024-03-01"), {.with_special = true});
  for (const char* value :
       {"slechtziend", "visual_impairment", "special_circumstances", "vluchtelingenkamp"}) {
    EXPECT_NE(full.find(value), std::string::npos) << value;
  }
  // A record mixing placeholders and values (loaded without health, then a dispensation
  // recorded) exports without them.
  TrajectoryRecord mixed = test::on_route().record();
  mixed.obligation.dispensations.push_back(Dispensation{.ground = DispensationGround::kMedical,
                                                        .decided_on = d("2024-03-05"),
                                                        .special_withheld = true});
  Trajectory m = Trajectory::from_record(mixed);
  m.record_dispensation(Dispensation{.ground = DispensationGround::kMedical,
                                     .decided_on = d("2024-03-06"),
                                     .parts = {ExamPart::kKnm},
                                     .college_advice = "arts"});
  EXPECT_EQ(trajectory_json(m, d("2024-04-01")).find("\"arts\""), std::string::npos);
}

TEST(JsonExport, LeavesOutSpecialCategoryDataUnlessAskedFor) {
  const Trajectory t = test::rich_trajectory();
  const std::string plain = trajectory_json(t, d("2027-09-01"));
  EXPECT_EQ(plain.find("PTSS"), std::string::npos);
  EXPECT_EQ(plain.find("advies college"), std::string::npos);
  const json out = json::parse(plain);
  EXPECT_EQ(out["special_categories"], false);
  EXPECT_FALSE(out["trajectory"]["intake"]["topics"].contains("health"));
  EXPECT_EQ(out["trajectory"]["obligation"]["dispensations"][0]["special_withheld"], true);
  EXPECT_EQ(out["trajectory"]["obligation"]["dispensations"][0]["parts"].size(), 1u);
  // Asked for on a trajectory that holds only placeholders: refused.
  TrajectoryRecord withheld = t.record();
  withheld.obligation.dispensations[0].ground = DispensationGround::kMedical;
  withheld.obligation.dispensations[0].college_advice.clear();
  withheld.obligation.dispensations[0].special_withheld = true;
  try {
    trajectory_json(Trajectory::from_record(withheld), d("2027-09-01"), {.with_special = true});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "export.with_special");
  }
  // ... and without asking, it exports as it is.
  EXPECT_NO_THROW(trajectory_json(Trajectory::from_record(withheld), d("2027-09-01")));
}

}  // namespace
}  // namespace inburgering::transfer
