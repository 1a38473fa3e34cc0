// End-to-end tests of the caseworker programme: every subcommand run as a process on a
// temporary database, with its good path and its error paths (one line naming the field or the
// article, a non-zero exit code, the database unchanged), and the --json output checked against
// schema/cli-output-1.schema.json.

#include <regex>

#include "cli/cli_support.hpp"

namespace inburgering::test::cli {
namespace {

// ---- the frame: options, actor, errors ---------------------------------------------------------

TEST_F(CliTest, HelpListsTheCommandsAndEachCommandShowsDefaultsAndAnExample) {
  const ToolRun all = cli({"--help"});
  EXPECT_EQ(all.code, 0);
  for (const char* command : {"registreer", "werklijst", "toon", "voortgangsgesprek", "uren",
                              "verhuizing-uit", "demodata"}) {
    EXPECT_NE(all.out.find(command), std::string::npos) << command;
  }
  EXPECT_NE(all.out.find("controleert geen wachtwoord"), std::string::npos);  // who authenticates
  const ToolRun worklist = cli({"werklijst", "--help"});
  EXPECT_EQ(worklist.code, 0);
  EXPECT_NE(worklist.out.find("Voorbeeld"), std::string::npos);
  EXPECT_NE(worklist.out.find("inburgering werklijst --weken 4"), std::string::npos);
  EXPECT_NE(worklist.out.find("=6"), std::string::npos) << worklist.out;  // --weken's default
  EXPECT_EQ(cli({"worklist", "--help"}).out, worklist.out);               // the English alias
  const ToolRun version = cli({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, std::string(kVersion) + "\n");
}

TEST_F(CliTest, CommandLineErrorsExitWithTwoInOneLine) {
  EXPECT_EQ(cli({}).code, 2);
  refused({"opruimen"}, 2, {"onbekende opdracht 'opruimen'", "--help"});
  refused({"werklijst", "--weken", "abc"}, 2, {"--weken"});
  refused({"toon"}, 2, {"id"});  // the id is required
  refused(
      {"examen", "1", "--onderdeel", "reading", "--datum", "2026-12-01", "--geslaagd", "--gezakt"},
      2, {"--gezakt"});
}

TEST_F(CliTest, TheActorMustBeNamedAndValid) {
  register_person("1001");
  refused({"toon", "1001"}, 1, {"--user"}, {"--municipality", "0344"});
  refused({"toon", "1001"}, 1, {"--municipality"}, {"--user", "km-0344-1"});
  refused({"toon", "1001"}, 1, {"--municipality", "four digits"},
          {"--user", "km", "--municipality", "344"});
  refused({"toon", "1001"}, 1, {"--role", "caseworker"},
          {"--user", "km", "--municipality", "0344", "--role", "boss"});
  // Another municipality sees nothing: the id answers as missing (existence does not leak).
  refused({"toon", "1001"}, 3, {"1001 not found"}, {"--user", "km", "--municipality", "0307"});
}

TEST_F(CliTest, TheEnvironmentNamesTheFileAndTheActor) {
  register_person("1001");
  env_ = {{"INBURGERING_DB", db_},
          {"INBURGERING_USER", "km-0344-1"},
          {"INBURGERING_MUNICIPALITY", "0344"},
          {"INBURGERING_LANG", "en"}};
  const ToolRun r = run_tool({"--today", "2026-12-07", "lijst"}, env_, dir_);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 trajectories"), std::string::npos) << r.out;
  // An option beats the environment.
  const ToolRun other =
      run_tool({"--today", "2026-12-07", "--municipality", "0307", "lijst"}, env_, dir_);
  EXPECT_NE(other.out.find("0 trajectories"), std::string::npos) << other.out;
}

TEST_F(CliTest, NoPasswordOfTheConnectionStringIsShown) {
  // --help shows --db's default, which the environment may have set.
  const ToolRun help =
      run_tool({"--help"}, {{"INBURGERING_DB", "postgresql://wi:Xq7-s3cr3t@db/wi"}}, dir_);
  EXPECT_EQ(help.code, 0);
  EXPECT_EQ(help.out.find("Xq7-s3cr3t"), std::string::npos);
  EXPECT_NE(help.out.find("postgresql://wi:***@db/wi"), std::string::npos) << help.out;
  // An unreachable server's error names host and port, never the password.
  const ToolRun r = run_tool({"--db", "postgresql://wi:Xq7-s3cr3t@127.0.0.1:1/wi?connect_timeout=2",
                              "--user", "km", "--municipality", "0344", "lijst"},
                             {}, dir_);
  EXPECT_EQ(r.code, 6) << r.err;
  EXPECT_NE(r.err.find("PostgreSQL"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Xq7-s3cr3t"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("Xq7-s3cr3t"), std::string::npos) << r.out;
}

TEST_F(CliTest, AReadOnAMissingFileDoesNotCreateIt) {
  refused({"werklijst"}, 3, {on_postgres() ? "PostgreSQL schema" : "database file", "not found"});
  EXPECT_FALSE(store_exists(db_));
}

TEST_F(CliTest, TodayDefaultsToTheClockAndABadDayIsRefused) {
  register_person("1001");
  const ToolRun r = run_tool(
      {"--db", db_, "--user", "km", "--municipality", "0344", "--json", "werklijst"}, {}, dir_);
  ASSERT_EQ(r.code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["today"], to_iso(SystemClock().today()));
  refused({"--today", "2026-02-30", "werklijst"}, 1, {"--today"});
}

TEST_F(CliTest, ErrorsInJsonAreOneDocumentOnStandardError) {
  register_person("1001");
  const ToolRun r = cli({"--json", "uren", "1001", "--datum", "2026-12-01", "--uren", "3",
                         "--aanbieder", "Taalschool", "--soort", "sleeping"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  const json doc = json::parse(r.err);
  EXPECT_EQ(schema_violation(doc), "");
  EXPECT_EQ(doc["error"]["code"], "invalid_input");
  EXPECT_EQ(doc["error"]["field"], "--soort");
  EXPECT_EQ(doc["exit_code"], 1);
}

TEST_F(CliTest, EnglishOnRequest) {
  register_person("1001");
  const std::string nl = ok({"toon", "1001"});
  EXPECT_NE(nl.find("asielstatushouder"), std::string::npos);
  EXPECT_NE(nl.find("Wat er gebeurde"), std::string::npos);
  const std::string en = ok({"--lang", "en", "toon", "1001"});
  EXPECT_NE(en.find("asylum_permit_holder"), std::string::npos);
  EXPECT_NE(en.find("What happened"), std::string::npos);
  refused({"--lang", "fr", "toon", "1001"}, 2, {"--lang"});
}

// ---- participant and obligation ----------------------------------------------------------------

TEST_F(CliTest, RegisterStoresThePersonAndShowsThemMasked) {
  const json doc =
      cli_json({"registreer", "--bsn", "999990019", "--voornamen", "Amal", "--achternaam",
                "Test-Haddad", "--geboren", "1990-05-17", "--doelgroep", "asylum_permit_holder",
                "--kennisgeving", "2026-10-01"});
  EXPECT_EQ(doc["command"], "registreer");
  EXPECT_EQ(doc["revision"], 1);
  EXPECT_EQ(doc["state"], "registered");
  const std::string id = std::to_string(doc["trajectory"].get<std::int64_t>());
  const std::string text = ok({"toon", id});
  EXPECT_NE(text.find("******019"), std::string::npos);
  EXPECT_NE(text.find("A.T."), std::string::npos);
  EXPECT_EQ(text.find("999990019"), std::string::npos);  // never the whole BSN
  EXPECT_EQ(text.find("Amal"), std::string::npos);       // nor the name
  // The next registration gets the next free id.
  const json second =
      cli_json({"registreer", "--bsn", "999990020", "--voornamen", "Li", "--achternaam", "Test-Wei",
                "--geboren", "1995-11-30", "--doelgroep", "family_migrant", "--verblijfsvergunning",
                "regular", "--kennisgeving", "2026-10-01"});
  EXPECT_GT(second["trajectory"].get<std::int64_t>(), doc["trajectory"].get<std::int64_t>());
}

TEST_F(CliTest, RegisterRefusesBadInputWithoutStoringAnything) {
  register_person("1001");
  const std::vector<std::string> base = {
      "registreer",   "--id", "1002",           "--voornamen", "A",
      "--achternaam", "B",    "--kennisgeving", "2026-10-01",  "--verblijfsvergunning",
      "regular"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  const std::string line = refused(
      with({"--bsn", "123456789", "--geboren", "1990-01-01", "--doelgroep", "family_migrant"}), 1,
      {"--bsn", "eleven-test", "9 characters"});
  EXPECT_EQ(line.find("123456789"), std::string::npos);  // the digits are not repeated
  refused(with({"--bsn", "999990020", "--geboren", "1990-13-01", "--doelgroep", "family_migrant"}),
          1, {"--geboren"});
  refused(with({"--bsn", "999990020", "--geboren", "1990-01-01", "--doelgroep", "tourist"}), 1,
          {"--doelgroep", "asylum_permit_holder", "tourist"});
  // Wi 3: older than the state-pension age, not obliged.
  refused(with({"--bsn", "999990020", "--geboren", "1940-01-01", "--doelgroep", "family_migrant"}),
          1, {"Wi 3"});
  // The id is taken.
  refused(with({"--id", "1001", "--bsn", "999990020", "--geboren", "1990-01-01", "--doelgroep",
                "family_migrant"}),
          5, {"1001"});
  refused(with({"--bsn", "999990020", "--geboren", "1990-01-01", "--doelgroep", "family_migrant",
                "--verblijfsvergunning", "temporary_asylum"}),
          1, {"participant.permit", "Wi 19"});
}

TEST_F(CliTest, BrpRegistrationAndThirdPartyInformation) {
  ok({"registreer", "--id", "1001", "--bsn", "999990019", "--voornamen", "A", "--achternaam", "B",
      "--geboren", "1990-01-01", "--doelgroep", "asylum_permit_holder", "--kennisgeving",
      "2026-10-01", "--geregistreerd", "2026-10-02"});
  ok({"brp-inschrijving", "1001", "--datum", "2026-10-05"});
  EXPECT_EQ(show("1001")["timeline"][2]["event"], "brp_registration");
  refused({"brp-inschrijving", "1002", "--datum", "2026-10-05"}, 3, {"1002"});
  refused({"informatie-derden", "1001", "--datum", "2026-10-20", "--ontvangen"}, 1, {"no request"});
  EXPECT_EQ(show("1001")["trajectory"]["pip_due"], "2026-12-14");  // 10 weeks after the BRP
  const json requested = cli_json({"informatie-derden", "1001", "--datum", "2026-10-20"});
  EXPECT_NE(requested["signals"].dump().find("pip_awaiting_third_party"), std::string::npos);
  EXPECT_TRUE(show("1001")["trajectory"]["pip_due"].is_null());  // waits for it (Bi 5.3.2)
  ok({"informatie-derden", "1001", "--datum", "2026-12-08", "--ontvangen"});
  EXPECT_EQ(show("1001")["trajectory"]["pip_due"], "2026-12-22");  // 2 weeks after (Bi 5.3.2)
}

TEST_F(CliTest, ExemptionAndDispensation) {
  register_person("1001");
  refused({"vrijstelling", "1001", "--grond", "lazy", "--datum", "2026-11-01"}, 1, {"--grond"});
  const json part = cli_json({"vrijstelling", "1001", "--grond", "exam_parts_shown", "--datum",
                              "2026-11-01", "--onderdeel", "knm"});
  EXPECT_EQ(part["state"], "registered");  // a partial exemption does not end it
  // A dispensation's ground is health information: a back office may not record it.
  refused({"ontheffing", "1001", "--grond", "medical", "--datum", "2026-11-01", "--onderdeel",
           "speaking"},
          4, {"health"}, {"--user", "bo", "--municipality", "0344", "--role", "back_office"});
  ok({"ontheffing", "1001", "--grond", "medical", "--datum", "2026-11-01", "--onderdeel",
      "speaking", "--advies", "advies van de arts"});
  const json whole =
      cli_json({"vrijstelling", "1001", "--grond", "dutch_diploma", "--datum", "2026-11-10"});
  EXPECT_EQ(whole["state"], "exempted");
  EXPECT_EQ(whole["signals"].size(), 0u);
}

TEST_F(CliTest, ResidenceProcedureAndDecision) {
  register_person("1001");
  refused({"verblijfsprocedure", "1001", "--datum", "2026-11-01"}, 1, {"--soort"});
  refused({"verblijfsprocedure", "1001", "--besluit", "2026-11-01"}, 1, {"Bi 2.1"});
  ok({"verblijfsprocedure", "1001", "--soort", "application", "--datum", "2026-11-01"});
  refused({"beeindigen", "1001", "--datum", "2026-11-05", "--reden", "permit_withdrawn"}, 1,
          {"Bi 2.1"});
  ok({"verblijfsprocedure", "1001", "--besluit", "2026-11-20", "--verleend"});
  const json doc = show("1001");
  EXPECT_EQ(doc["timeline"].back()["event"], "residence_decision");
}

TEST_F(CliTest, SocialGuidanceOnlyForAsylumPermitHolders) {
  register_person("1001");
  register_person("1002", "family_migrant", "999990020");
  refused({"begeleiding", "1002", "--datum", "2026-10-05"}, 1, {"Wi 13.1"});
  refused({"begeleiding", "1001", "--datum", "2026-10-05", "--onderdeel", "information"}, 1,
          {"Wi 13.3"});
  EXPECT_NE(show("1001")["signals"].dump().find("social_guidance_due"), std::string::npos);
  const json started = cli_json({"begeleiding", "1001", "--datum", "2026-10-05"});
  ASSERT_FALSE(started["signals"].empty());
  EXPECT_EQ(started["signals"].dump().find("social_guidance_due"), std::string::npos);
  ok({"begeleiding", "1001", "--datum", "2026-10-06", "--onderdeel", "practical_help"});
  refused({"begeleiding", "1001", "--datum", "2026-10-07", "--onderdeel", "practical_help"}, 1,
          {"Bi 5.1"});
  refused({"begeleiding", "1001", "--datum", "2026-10-07", "--onderdeel", "tea"}, 1,
          {"--onderdeel", "practical_help"});
}

// ---- broad intake ------------------------------------------------------------------------------

TEST_F(CliTest, InvitationsAndTheirOutcomes) {
  register_person("1001");
  ok({"uitnodigen", "1001", "--verzonden", "2026-10-06", "--reageren-voor", "2026-10-16"});
  refused({"uitnodigen", "1001", "--verzonden", "2026-10-07", "--reageren-voor", "2026-10-17"}, 1,
          {"no outcome yet", "Wi 14.1"});
  refused({"uitnodiging-uitkomst", "1001", "--uitkomst", "late"}, 1, {"--uitkomst"});
  ok({"uitnodiging-uitkomst", "1001", "--uitkomst", "no_show"});
  refused({"uitnodiging-uitkomst", "1001", "--uitkomst", "attended"}, 1,
          {"no invitation", "Wi 14.1"});
  ok({"uitnodigen", "1001", "--verzonden", "2026-10-20", "--reageren-voor", "2026-10-30"});
  const json doc = show("1001");
  bool warned = false;
  for (const auto& e : doc["timeline"]) {
    if (e["event"] == "invitation" &&
        e["text"].get<std::string>().find("schriftelijke waarschuwing") != std::string::npos) {
      warned = true;
    }
  }
  EXPECT_TRUE(warned);  // Wi 14.1, second sentence
}

TEST_F(CliTest, IntakeTopicsTestAndCompletion) {
  register_person("1001");
  refused({"intake-onderwerp", "1001", "--onderwerp", "hobbies", "--datum", "2026-10-16"}, 1,
          {"--onderwerp", "education_and_work"});
  // The health topic is special-category data: only a role that may read health records it.
  refused({"intake-onderwerp", "1001", "--onderwerp", "health", "--datum", "2026-10-16"}, 4, {},
          {"--user", "bo", "--municipality", "0344", "--role", "back_office"});
  ok({"intake-onderwerp", "1001", "--onderwerp", "education_and_work", "--datum", "2026-10-16",
      "--notities", "mbo-diploma"});
  const std::string missing =
      refused({"intake-afronden", "1001", "--datum", "2026-10-23"}, 1, {"health", "learnability"});
  refused({"leerbaarheidstoets", "1001", "--datum", "2026-10-16", "--score", "41"}, 1, {"score"});
  ok({"leerbaarheidstoets", "1001", "--datum", "2026-10-16", "--score", "31"});
  refused({"intake-onderwerp", "1001", "--onderwerp", "health", "--datum", "2026-10-16"}, 1,
          {"notes", "Bi 5.2.3"});
  for (const char* topic : {"personal_circumstances", "health", "language_level",
                            "paid_work_options", "self_reliance"}) {
    ok({"intake-onderwerp", "1001", "--onderwerp", topic, "--datum", "2026-10-16", "--notities",
        "besproken"});
  }
  ok({"geinformeerd-alleen", "1001"});
  ok({"onderwijswens", "1001"});
  const json done = cli_json({"intake-afronden", "1001", "--datum", "2026-10-23"});
  EXPECT_EQ(done["state"], "planning");
  EXPECT_NE(done["signals"].dump().find("pip_due"), std::string::npos);
  // The notes never appear in the timeline.
  EXPECT_EQ(ok({"toon", "1001"}).find("mbo-diploma"), std::string::npos);
}

TEST_F(CliTest, IntakeWithoutTheParticipantAfterFailedInvitations) {
  register_person("1001");
  refused({"intake-afronden", "1001", "--datum", "2026-11-01", "--zonder-deelnemer"}, 1,
          {"intake"});
  for (const auto& [sent, by] :
       std::vector<std::pair<std::string, std::string>>{{"2026-10-06", "2026-10-16"},
                                                        {"2026-10-20", "2026-10-30"},
                                                        {"2026-11-02", "2026-11-12"}}) {
    ok({"uitnodigen", "1001", "--verzonden", sent, "--reageren-voor", by});
    ok({"uitnodiging-uitkomst", "1001", "--uitkomst", "no_show"});
    if (sent == "2026-10-20") {
      refused({"intake-afronden", "1001", "--datum", "2026-11-01", "--zonder-deelnemer"}, 1,
              {"2 so far", "Wi 14.2"});
    }
  }
  const json done =
      cli_json({"intake-afronden", "1001", "--datum", "2026-11-01", "--zonder-deelnemer"});
  EXPECT_EQ(done["state"], "planning");
}

TEST_F(CliTest, LearnabilityDispensationIsHealthInformation) {
  register_person("1001");
  refused({"leerbaarheidstoets", "1001", "--datum", "2026-10-16", "--ontheffing-grond",
           "visual_impairment", "--ontheffing-reden", "blind"},
          4, {}, {"--user", "bo", "--municipality", "0344", "--role", "back_office"});
  ok({"leerbaarheidstoets", "1001", "--datum", "2026-10-16", "--ontheffing-grond",
      "visual_impairment", "--ontheffing-reden", "blind"});
  EXPECT_NE(ok({"toon", "1001"}).find("leerbaarheidstoets: ontheffing"), std::string::npos);
}

// ---- the PIP -----------------------------------------------------------------------------------

TEST_F(CliTest, FirstPlanStartsTheTerm) {
  through_intake("1001");
  refused({"pip", "1001", "--datum", "2026-11-20"}, 1, {"--route"});
  refused({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--activiteit",
           "language_course:NT2"},
          1, {"--activiteit", "soort:omschrijving:aanbieder:uren"});
  refused({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--activiteit",
           "language_course:NT2:School:veel"},
          1, {"--activiteit (uren)"});
  // Wi 15.2: an asylum permit holder's PIP names the route's intensity.
  refused({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--uren-per-week", "12",
           "--map-uren", "40", "--voortgangsgesprekken", "6"},
          1, {"plan.support", "Wi 15.1.b"});
  refused({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--map-uren", "40",
           "--ondersteuning", "klantmanager", "--voortgangsgesprekken", "6"},
          1, {"Wi 15.2"});
  const json doc = cli_json({"pip", "1001", "--datum", "2026-11-20", "--route", "b1",
                             "--uren-per-week", "12", "--ondersteuning", "klantmanager",
                             "--map-uren", "40", "--voortgangsgesprekken", "6"});
  EXPECT_EQ(doc["state"], "route");
  const json shown = show("1001");
  EXPECT_EQ(shown["trajectory"]["route"], "b1");
  EXPECT_EQ(shown["trajectory"]["term"]["start"], "2026-11-21");  // Wi 11.2
  EXPECT_EQ(shown["trajectory"]["term"]["end"], "2029-11-20");
  refused({"pip", "1001", "--datum", "2026-11-21", "--route", "b1", "--uren-per-week", "12"}, 1,
          {"planning"});
}

TEST_F(CliTest, PlanBeforeTheIntakeIsRefused) {
  register_person("1001");
  refused({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--uren-per-week", "12"}, 1,
          {"planning"});
}

TEST_F(CliTest, AdjustSwitchAndScaleDown) {
  refused({"pip-bijstellen", "1", "--datum", "2027-01-10", "--toelichting", "x"}, 3, {});
  with_plan("1001");
  refused({"pip-bijstellen", "1001", "--datum", "2027-01-10"}, 2, {"--toelichting"});
  ok({"pip-bijstellen", "1001", "--datum", "2027-01-10", "--uren-per-week", "16", "--toelichting",
      "meer lesuren"});
  const json adjusted = show("1001");
  EXPECT_NE(adjusted["timeline"].dump().find("16 uur per week"), std::string::npos);
  refused(
      {"route-wisselen", "1001", "--datum", "2027-02-01", "--toelichting", "x", "--route", "b1"}, 1,
      {"Wi 17.2"});
  refused({"afschalen", "1001", "--datum", "2027-02-01", "--onderdeel", "speaking", "--toelichting",
           "x"},
          1, {"Bi 5.5"});
  for (int i = 0; i < 25; ++i) {  // 600 NT2 hours (Bi 5.5.1), a day's 24 at a time
    ok({"uren", "1001", "--datum",
        "2027-01-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1), "--uren", "24",
        "--aanbieder", "Taalschool"});
  }
  refused(
      {"afschalen", "1001", "--datum", "2027-02-01", "--onderdeel", "knm", "--toelichting", "x"}, 1,
      {"Wi 17.3"});
  ok({"afschalen", "1001", "--datum", "2027-02-01", "--onderdeel", "speaking", "--toelichting",
      "ondanks inzet geen B1"});
  ok({"route-wisselen", "1001", "--datum", "2027-03-01", "--route", "z", "--toelichting",
      "voortgang te laag"});
  EXPECT_EQ(show("1001")["trajectory"]["route"], "z");
}

TEST_F(CliTest, CourseOffer) {
  through_intake("1001");
  refused({"cursusaanbod", "1001", "--datum", "2026-11-20", "--aanbieder", "School"}, 1,
          {"Wi 15.1"});
  ok({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--uren-per-week", "12",
      "--ondersteuning", "klantmanager", "--map-uren", "40", "--voortgangsgesprekken", "6"});
  refused({"cursusaanbod", "1001", "--datum", "2026-11-20", "--aanbieder", ""}, 1, {"provider"});
  refused(
      {"cursusaanbod", "1001", "--datum", "2026-11-20", "--aanbieder", "School", "--route", "z"}, 1,
      {"Wi 16.1"});
  EXPECT_NE(show("1001")["signals"].dump().find("course_offer_due"), std::string::npos);
  const json doc =
      cli_json({"cursusaanbod", "1001", "--datum", "2026-11-21", "--aanbieder", "Taalschool"});
  ASSERT_FALSE(doc["signals"].empty());
  EXPECT_EQ(doc["signals"].dump().find("course_offer_due"), std::string::npos);
}

// ---- progress ----------------------------------------------------------------------------------

TEST_F(CliTest, HoursInHoursOrMinutes) {
  with_plan("1001");
  ok({"uren", "1001", "--datum", "2026-12-01", "--uren", "2,5", "--aanbieder", "Taalschool"});
  ok({"uren", "1001", "--datum", "2026-12-02", "--uren", "90m", "--aanbieder", "Taalschool",
      "--soort", "knm_course"});
  const json doc = show("1001");
  ASSERT_EQ(doc["hours"].size(), 2u);
  EXPECT_EQ(doc["hours"][0]["kind"], "language_course");
  EXPECT_EQ(doc["hours"][0]["minutes"], 150);
  EXPECT_EQ(doc["hours"][1]["minutes"], 90);
  for (const char* bad : {"abc", "2,555", "-3", "", "1e3", "3h"}) {
    refused({"uren", "1001", "--datum", "2026-12-01", "--uren", bad, "--aanbieder", "T"}, 1,
            {"--uren"});
  }
  refused({"uren", "1001", "--datum", "2026-12-01", "--uren", "25", "--aanbieder", "T"}, 1,
          {"attendance.minutes"});
  refused({"uren", "1001", "--datum", "2026-12-01", "--uren", "3", "--aanbieder", ""}, 1,
          {"Wi 35.3"});
}

TEST_F(CliTest, ExamsAndTheirInvalidation) {
  with_plan("1001");
  refused({"examen", "1001", "--onderdeel", "reading", "--datum", "2026-12-01"}, 1, {"--geslaagd"});
  refused({"examen", "1001", "--onderdeel", "cooking", "--datum", "2026-12-01", "--geslaagd"}, 1,
          {"--onderdeel"});
  ok({"examen", "1001", "--onderdeel", "reading", "--datum", "2026-12-01", "--geslaagd"});
  ok({"examen", "1001", "--onderdeel", "writing", "--niveau", "A2", "--datum", "2026-12-02",
      "--gezakt"});
  refused({"examen-ongeldig", "1001", "--nummer", "0", "--datum", "2026-12-05"}, 2, {"--nummer"});
  refused({"examen-ongeldig", "1001", "--nummer", "-1", "--datum", "2026-12-05"}, 2, {"--nummer"});
  refused({"examen-ongeldig", "1001", "--nummer", "3", "--datum", "2026-12-05"}, 1, {"index"});
  ok({"examen-ongeldig", "1001", "--nummer", "1", "--datum", "2026-12-05"});
  const json doc = show("1001");
  EXPECT_EQ(doc["timeline"].back()["event"], "exam_invalidated");
  int reading = 0;
  for (const auto& q : doc["requirements"]) {
    if (q["code"] == "b1.reading") {
      ++reading;
      EXPECT_FALSE(q["met"].get<bool>());  // the invalidated result counts for nothing
    }
  }
  EXPECT_EQ(reading, 1);
  const std::string en = ok({"--lang", "en", "toon", "1001"});
  EXPECT_NE(en.find("exam #2 writing A2: failed"), std::string::npos) << en;  // --niveau
}

TEST_F(CliTest, ProgressInterviewClearsItsSignal) {
  refused({"voortgangsgesprek", "5", "--datum", "2026-12-07", "--beoordeling", "on_track"}, 3, {});
  through_intake("1001");
  refused({"voortgangsgesprek", "1001", "--datum", "2026-12-07", "--beoordeling", "on_track"}, 1,
          {"needs route"});
  ok({"pip", "1001", "--datum", "2026-11-20", "--route", "b1", "--uren-per-week", "12",
      "--ondersteuning", "klantmanager", "--map-uren", "40", "--voortgangsgesprekken", "6"});
  refused({"voortgangsgesprek", "1001", "--datum", "2026-12-07", "--beoordeling", "great"}, 1,
          {"--beoordeling", "on_track"});
  today_ = "2027-05-20";  // the first interview fell due on 2027-05-16
  auto due = [&] {
    const json doc = show("1001");
    for (const auto& s : doc["signals"]) {
      if (s["kind"] == "interview_due") return true;
    }
    return false;
  };
  EXPECT_TRUE(due());
  ok({"voortgangsgesprek", "1001", "--datum", "2027-05-20", "--beoordeling", "behind", "--notities",
      "meer oefenen"});
  EXPECT_FALSE(due());
}

TEST_F(CliTest, MilestonesAndACompletedRouteWhoseDiplomaIsWithdrawn) {
  with_plan("1001");
  refused({"mijlpaal", "1001", "--soort", "pvt-verklaring", "--datum", "2026-12-01"}, 1,
          {"Bi 3.1"});
  refused({"mijlpaal", "1001", "--soort", "z-eindgesprek", "--datum", "2026-12-01"}, 1, {"Z"});
  refused({"mijlpaal", "1001", "--soort", "feest", "--datum", "2026-12-01"}, 2, {"--soort"});
  refused({"diploma-ingetrokken", "1001", "--datum", "2027-09-01", "--nummer", "1"}, 1,
          {"Bi 3.10.3"});
  ok({"uren", "1001", "--datum", "2026-11-25", "--uren", "12", "--soort", "pvt", "--aanbieder",
      "T"});
  ok({"mijlpaal", "1001", "--soort", "pvt-verklaring", "--datum", "2026-12-01"});
  ok({"uren", "1001", "--datum", "2026-11-26", "--uren", "20", "--soort", "map", "--aanbieder",
      "T"});
  ok({"uren", "1001", "--datum", "2026-11-27", "--uren", "20", "--soort", "map", "--aanbieder",
      "T"});
  ok({"mijlpaal", "1001", "--soort", "map-eindgesprek", "--datum", "2026-12-02"});
  refused({"afronden", "1001", "--datum", "2027-08-01"}, 1, {"reading", "knm"});
  for (const char* part : {"reading", "listening", "writing", "speaking", "knm"}) {
    ok({"examen", "1001", "--onderdeel", part, "--datum", "2027-07-01", "--geslaagd"});
  }
  const json done = cli_json({"afronden", "1001", "--datum", "2027-08-01"});
  EXPECT_EQ(done["state"], "completed");
  const json back = cli_json(
      {"diploma-ingetrokken", "1001", "--datum", "2027-09-01", "--nummer", "1", "--nummer", "2"});
  EXPECT_EQ(back["state"], "route");
  refused({"diploma-ingetrokken", "1001", "--datum", "2027-09-02", "--nummer", "3"}, 1,
          {"Bi 3.10.3"});
}

TEST_F(CliTest, BridgingCourseOnTheEducationRoute) {
  through_intake("1001");
  ok({"onderwijswens", "1001"});
  ok({"pip", "1001", "--datum", "2026-11-20", "--route", "education", "--uren-per-week", "12",
      "--ondersteuning", "klantmanager", "--voortgangsgesprekken", "4"});
  refused({"mijlpaal", "1001", "--soort", "map-eindgesprek", "--datum", "2026-12-01"}, 1, {"Wi 8"});
  ok({"mijlpaal", "1001", "--soort", "schakelcursus", "--datum", "2027-06-01"});
  EXPECT_EQ(show("1001")["timeline"].back()["event"], "bridging_course");
}

// ---- the term ----------------------------------------------------------------------------------

TEST_F(CliTest, ExtensionRequestDecisionAndOwnInitiative) {
  with_plan("1001");
  refused({"verlenging", "1001"}, 1, {"--aangevraagd/--besluit"});
  refused({"verlenging", "1001", "--aangevraagd", "2027-01-01"}, 1, {"Bi 4.5.1"});
  ok({"verlenging", "1001", "--aangevraagd", "2029-07-01", "--grond", "not_culpable", "--door",
      "representative"});
  EXPECT_NE(ok({"--lang", "en", "toon", "1001"}).find("extension request: not_culpable"),
            std::string::npos);
  refused({"verlenging", "1001", "--besluit", "2029-08-01"}, 1, {"--verleend/--geweigerd"});
  ok({"verlenging", "1001", "--besluit", "2029-08-01", "--verleend", "--maanden", "6"});
  today_ = "2029-09-02";  // the term as known once DUO decided
  EXPECT_EQ(show("1001")["trajectory"]["term"]["end"], "2030-05-20");
  refused({"verlenging", "1001", "--besluit", "2029-08-02", "--verleend", "--maanden", "6"}, 1,
          {"awaits a decision", "Bi 4.5.1"});
  ok({"verlenging", "1001", "--besluit", "2029-09-01", "--zonder-verzoek", "--grond", "categorical",
      "--maanden", "3"});
  EXPECT_EQ(show("1001")["trajectory"]["term"]["end"], "2030-08-20");
}

TEST_F(CliTest, InterruptionOpensAndCloses) {
  with_plan("1001");
  refused({"onderbreking", "1001", "--tot", "2027-05-01"}, 1, {"open"});
  ok({"onderbreking", "1001", "--van", "2027-03-01", "--reden", "tijdelijk in het buitenland"});
  refused({"onderbreking", "1001", "--van", "2027-04-01", "--reden", "x"}, 1, {"open"});
  ok({"onderbreking", "1001", "--tot", "2027-03-31"});
  today_ = "2027-04-01";
  EXPECT_EQ(show("1001")["trajectory"]["term"]["end"], "2029-12-21");  // 31 days later
}

// ---- unburdening -------------------------------------------------------------------------------

TEST_F(CliTest, UnburdeningStartExtendCoachAndStop) {
  with_plan("1001");
  refused(
      {"ontzorgen-verlengen", "1001", "--datum", "2027-03-01", "--maanden", "3", "--reden", "x"}, 1,
      {"unburdening"});
  refused({"ontzorgen-start", "1001", "--vanaf", "2026-12-01", "--bijstand", "--post",
           "rent:Woonstichting:645"},
          1, {"Pw 56a.2"});
  refused({"ontzorgen-start", "1001", "--vanaf", "2026-12-01", "--bijstand", "--post",
           "rent:Woonstichting:zes"},
          1, {"--post (bedrag)"});
  refused({"ontzorgen-start", "1001", "--vanaf", "2026-12-01", "--bijstand", "--post", "rent:645"},
          1, {"soort:ontvanger:bedrag"});
  ok({"ontzorgen-start", "1001", "--vanaf", "2026-12-01", "--bijstand", "--post",
      "rent:Woonstichting:645,50", "--post", "energy:Energie:110", "--post", "water:Water:24",
      "--post", "health_insurance:Zorg:139"});
  ok({"budgetcoaching", "1001", "--datum", "2026-12-05", "--onderwerp", "vaste lasten"});
  ok({"ontzorgen-verlengen", "1001", "--datum", "2027-05-01", "--maanden", "3", "--reden",
      "budgetvaardigheid nog onvoldoende"});
  refused({"ontzorgen-verlengen", "1001", "--datum", "2027-05-02", "--maanden", "3", "--reden", ""},
          1, {"Pw 57"});
  const std::string text = ok({"toon", "1001"});
  EXPECT_NE(text.find("ontzorgen gestart, 4 vaste lasten, tot 2027-08-31"), std::string::npos)
      << text;
  ok({"ontzorgen-stop", "1001", "--datum", "2027-06-30"});
  EXPECT_EQ(show("1001")["timeline"].back()["event"], "unburdening_stopped");
}

TEST_F(CliTest, UnburdeningOnlyForThoseEligible) {
  register_person("1002", "family_migrant", "999990020");
  refused({"ontzorgen-start", "1002", "--vanaf", "2026-12-01", "--bijstand", "--post", "rent:W:645",
           "--post", "energy:E:110", "--post", "water:W:24", "--post", "health_insurance:Z:139"},
          1, {"Pw 56a"});
}

// ---- fines -------------------------------------------------------------------------------------

TEST_F(CliTest, IntakeFineAfterTheWarnedNoShowAndItsStatus) {
  register_person("1002", "family_migrant", "999990020");
  refused({"boete", "1002", "--soort", "intake", "--opgelegd", "2026-11-01", "--nieuwe-termijn-tot",
           "2026-12-31"},
          1, {"Wi 22.1"});
  for (const auto& [sent, by] : std::vector<std::pair<std::string, std::string>>{
           {"2026-10-06", "2026-10-16"}, {"2026-10-20", "2026-10-30"}}) {
    ok({"uitnodigen", "1002", "--verzonden", sent, "--reageren-voor", by});
    ok({"uitnodiging-uitkomst", "1002", "--uitkomst", "no_show"});
  }
  refused({"boete", "1002", "--soort", "speeding", "--opgelegd", "2026-11-01"}, 1, {"--soort"});
  ok({"boete", "1002", "--soort", "intake", "--opgelegd", "2026-11-01", "--nieuwe-termijn-tot",
      "2026-12-31"});
  const std::string text = ok({"toon", "1002"});
  EXPECT_NE(text.find("boete #1"), std::string::npos) << text;
  refused({"boete-status", "1002", "--nummer", "2", "--status", "bezwaar", "--datum", "2026-11-10"},
          1, {"index"});
  refused({"boete-status", "1002", "--nummer", "1", "--status", "weg", "--datum", "2026-11-10"}, 2,
          {"--status"});
  ok({"boete-status", "1002", "--nummer", "1", "--status", "bezwaar", "--datum", "2026-11-10"});
  ok({"boete-status", "1002", "--nummer", "1", "--status", "vernietigd", "--datum", "2026-12-01"});
  refused({"boete-status", "1002", "--nummer", "1", "--status", "onherroepelijk", "--datum",
           "2026-12-02"},
          1, {"outcome is recorded"});
}

TEST_F(CliTest, CooperationFineNeedsTheDayOfTheViolation) {
  with_plan("1001");
  refused({"boete", "1001", "--soort", "cooperation", "--opgelegd", "2027-02-15"}, 1,
          {"--vastgesteld"});
  refused({"boete", "1001", "--soort", "cooperation", "--vastgesteld", "2027-02-01", "--opgelegd",
           "2027-02-15"},
          1, {"culpability"});
  const json doc =
      cli_json({"boete", "1001", "--soort", "cooperation", "--vastgesteld", "2027-02-01",
                "--opgelegd", "2027-02-15", "--verwijtbaarheid", "gross_negligence"});
  EXPECT_EQ(doc["revision"], 14);  // 13 acts to the PIP, then the fine
}

TEST_F(CliTest, DuoFineOnlyOnceTheTermRanOut) {
  with_plan("1001");
  refused({"duo-boete", "1001", "--soort", "route_not_in_time", "--opgelegd", "2028-01-01",
           "--bedrag", "500", "--nieuwe-termijn", "12"},
          1, {"2029-11-20", "Wi 25.1"});
  refused({"duo-boete", "1001", "--soort", "route_not_in_time", "--opgelegd", "2030-01-01",
           "--bedrag", "vijfhonderd", "--nieuwe-termijn", "12"},
          1, {"--bedrag"});
  ok({"duo-boete", "1001", "--soort", "route_not_in_time", "--opgelegd", "2030-01-01", "--bedrag",
      "500", "--nieuwe-termijn", "12"});
  today_ = "2030-02-01";
  EXPECT_EQ(show("1001")["trajectory"]["term"]["end"], "2031-01-01");
}

// ---- the end -----------------------------------------------------------------------------------

TEST_F(CliTest, EndForAReason) {
  with_plan("1001");
  refused({"beeindigen", "1001", "--datum", "2027-01-10", "--reden", "term_expired"}, 1,
          {"Wi 11.1"});
  refused({"beeindigen", "1001", "--datum", "2027-01-10", "--reden", "bored"}, 1, {"--reden"});
  const json doc =
      cli_json({"beeindigen", "1001", "--datum", "2027-01-10", "--reden", "left_country"});
  EXPECT_EQ(doc["state"], "ended");
  refused({"uren", "1001", "--datum", "2027-01-11", "--uren", "3", "--aanbieder", "T"}, 1, {});
}

TEST_F(CliTest, MoveOutSignedAndInAtTheOtherMunicipality) {
  with_plan("1001");
  const std::string key = dir_ + "/utrecht.key";
  const json made = cli_json({"sleutel-maken", "--bestand", key});
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  refused({"sleutel-maken", "--bestand", key}, 1, {"--bestand"});  // never overwritten
  const std::string dossier = dir_ + "/1001.dossier";
  refused({"verhuizing-uit", "1001", "--naar", "0344", "--datum", "2027-01-31", "--dossier",
           dossier, "--sleutel", key},
          1, {"0344"});
  EXPECT_FALSE(std::filesystem::exists(dossier));  // nothing left behind
  const json out = cli_json({"verhuizing-uit", "1001", "--naar", "0307", "--datum", "2027-01-31",
                             "--dossier", dossier, "--sleutel", key});
  EXPECT_TRUE(out["signed"].get<bool>());
  EXPECT_EQ(show("1001")["trajectory"]["state"], "transferred_out");
  refused({"verhuizing-uit", "1001", "--naar", "0307", "--datum", "2027-01-31", "--dossier",
           dir_ + "/again.dossier"},
          1, {});

  // Amersfoort, with its own database, takes it over.
  const std::string utrecht_db = db_;
  db_ = store_named("amersfoort");
  const std::vector<std::string> amersfoort = {"--user", "km-0307-2", "--municipality", "0307"};
  const std::string trusted = "0344:" + made["public_key"].get<std::string>();
  refused({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03"}, 1, {"untrusted_signer"},
          amersfoort);              // a signature from an unknown sender
  EXPECT_TRUE(holds_nothing(db_));  // a refused import leaves no new file (or rows) behind
  refused({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03", "--vertrouwd", "0344:00"},
          1, {}, amersfoort);
  refused({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03", "--vertrouwd", trusted}, 1,
          {"wrong_recipient"}, {"--user", "km", "--municipality", "0363"});
  const json in = cli_json({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03",
                            "--vertrouwd", trusted, "--id", "5001"},
                           amersfoort);
  EXPECT_EQ(in["trajectory"], 5001);
  EXPECT_EQ(in["state"], "route");
  // The PIP after the move is due 10 weeks after the registration (Bi 5.3.3).
  EXPECT_EQ(cli_json({"toon", "5001"}, amersfoort)["trajectory"]["pip_due"], "2027-04-14");
  refused({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03", "--vertrouwd", trusted,
           "--id", "5002"},
          1, {"already_imported"}, amersfoort);
  refused({"pip-na-verhuizing", "5001", "--datum", "2027-02-10"}, 2, {"--toelichting"}, amersfoort);
  ok({"pip-na-verhuizing", "5001", "--datum", "2027-02-10", "--toelichting", "overgenomen"},
     amersfoort);
  const json shown = cli_json({"toon", "5001"}, amersfoort);
  EXPECT_EQ(shown["trajectory"]["municipality"], "0307");
  EXPECT_EQ(shown["trajectory"]["caseworker"], "km-0307-2");
  db_ = utrecht_db;
  refused({"pip-na-verhuizing", "1001", "--datum", "2027-02-10", "--toelichting", "x"}, 1, {});
}

TEST_F(CliTest, UnsignedDossierOnlyWhenAllowed) {
  with_plan("1001");
  const std::string dossier = dir_ + "/1001.dossier";
  ok({"verhuizing-uit", "1001", "--naar", "0307", "--datum", "2027-01-31", "--dossier", dossier});
  db_ = store_named("amersfoort");
  const std::vector<std::string> amersfoort = {"--user", "km", "--municipality", "0307"};
  refused({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03"}, 1, {"unsigned"},
          amersfoort);
  refused({"verhuizing-in", "--dossier", dir_ + "/none", "--brp", "2027-02-03"}, 3, {"none"},
          amersfoort);
  ok({"verhuizing-in", "--dossier", dossier, "--brp", "2027-02-03", "--zonder-handtekening"},
     amersfoort);
}

// ---- views -------------------------------------------------------------------------------------

TEST_F(CliTest, WorklistMostUrgentFirstForACaseworkerOrTheMunicipality) {
  with_plan("1001");
  register_person("1002", "family_migrant", "999990020");  // first PIP due 2026-12-10
  ok({"registreer",
      "--id",
      "1003",
      "--bsn",
      "999990032",
      "--voornamen",
      "Y",
      "--achternaam",
      "Test-A",
      "--geboren",
      "1980-01-01",
      "--doelgroep",
      "family_migrant",
      "--verblijfsvergunning",
      "regular",
      "--kennisgeving",
      "2026-09-01",
      "--geregistreerd",
      "2026-09-02",
      "--klantmanager",
      "km-0344-2"});
  const json mine = cli_json({"werklijst"});
  EXPECT_EQ(mine["caseworker"], "km-0344-1");
  for (const auto& item : mine["items"]) EXPECT_EQ(item["caseworker"], "km-0344-1");
  const json all = cli_json({"werklijst", "--alle"});
  EXPECT_TRUE(all["caseworker"].is_null());
  ASSERT_GT(all["items"].size(), mine["items"].size());
  // Most urgent first: 1001's social guidance was due on the BRP day (2026-10-05), then 1003's
  // first PIP on 2026-11-10; both overdue.
  EXPECT_EQ(all["items"][0]["trajectory"], 1001);
  EXPECT_EQ(all["items"][0]["signal"]["kind"], "social_guidance_due");
  EXPECT_TRUE(all["items"][0]["signal"]["overdue"].get<bool>());
  EXPECT_EQ(all["items"][1]["trajectory"], 1003);
  EXPECT_EQ(all["items"][1]["signal"]["due_on"], "2026-11-10");
  EXPECT_TRUE(all["items"][1]["signal"]["overdue"].get<bool>());
  for (std::size_t i = 1; i < all["items"].size(); ++i) {
    EXPECT_LE(all["items"][i - 1]["signal"]["due_on"], all["items"][i]["signal"]["due_on"]);
  }
  const json other = cli_json({"werklijst", "--klantmanager", "km-0344-2"});
  ASSERT_EQ(other["items"].size(), 1u);
  const json one = cli_json({"werklijst", "--alle", "--max", "1"});
  EXPECT_EQ(one["items"].size(), 1u);
  EXPECT_TRUE(one["more"].get<bool>());
  const std::string text = ok({"werklijst", "--alle"});
  EXPECT_NE(text.find("TE LAAT 1003"), std::string::npos) << text;
  EXPECT_NE(text.find("first PIP is due"), std::string::npos);  // the detail text
  refused({"werklijst", "--weken", "-1"}, 2, {"--weken"});
}

TEST_F(CliTest, ShowTimelineRequirementsAndWhatIsDue) {
  refused({"toon", "77"}, 3, {}, {});
  with_plan("1001");
  const json doc = show("1001");
  EXPECT_EQ(doc["trajectory"]["bsn_masked"], "******019");
  EXPECT_EQ(doc["trajectory"]["initials"], "A.T.");
  EXPECT_EQ(doc["timeline"][0]["event"], "duo_notice");
  EXPECT_EQ(doc["timeline"][0]["date"], "2026-10-01");
  bool plan = false;
  for (const auto& e : doc["timeline"]) plan = plan || e["event"] == "plan_version";
  EXPECT_TRUE(plan);
  EXPECT_FALSE(doc["requirements"].empty());
  EXPECT_FALSE(doc["deadlines"].empty());
  EXPECT_EQ(doc.dump().find("999990019"), std::string::npos);
  EXPECT_EQ(doc.dump().find("Amal"), std::string::npos);
  const std::string text = ok({"toon", "1001"});
  for (const char* section : {"Wat er gebeurde", "Nodig voor afronding", "Nu te doen", "Daarna"}) {
    EXPECT_NE(text.find(section), std::string::npos) << section;
  }
}

TEST_F(CliTest, TermsEndingSearchListAndHistory) {
  with_plan("1001");
  register_person("1002", "family_migrant", "999990020");
  today_ = "2029-07-01";
  const json ending = cli_json({"termijnen", "--maanden", "6"});
  ASSERT_EQ(ending["items"].size(), 1u);
  EXPECT_EQ(ending["items"][0]["id"], 1001);
  EXPECT_EQ(cli_json({"termijnen", "--maanden", "3"})["items"].size(), 0u);
  today_ = "2026-12-07";

  const json found = cli_json({"zoek", "--bsn", "999990020"});
  EXPECT_EQ(found["bsn_masked"], "******020");
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_EQ(found["items"][0]["id"], 1002);
  EXPECT_EQ(ok({"zoek", "--bsn", "999990020"}).find("999990020"), std::string::npos);
  refused({"zoek", "--bsn", "12345"}, 1, {"--bsn"});

  EXPECT_EQ(cli_json({"lijst"})["items"].size(), 2u);
  const json route = cli_json({"lijst", "--status", "route"});
  ASSERT_EQ(route["items"].size(), 1u);
  EXPECT_EQ(route["items"][0]["route"], "b1");
  refused({"lijst", "--status", "busy"}, 1, {"--status"});

  const json history = cli_json({"historie", "1001"});
  ASSERT_GT(history["entries"].size(), 5u);
  EXPECT_EQ(history["entries"][0]["action"], "create");
  EXPECT_EQ(history["entries"][0]["user"], "km-0344-1");
  EXPECT_EQ(history.dump().find("999990019"), std::string::npos);
  refused({"historie", "1001"}, 3, {}, {"--user", "x", "--municipality", "0307"});
}

// ---- demo data ---------------------------------------------------------------------------------

TEST_F(CliTest, DemoDataIsReproducibleFromItsSeed) {
  const json made = cli_json({"demodata", "--aantal", "60", "--seed", "7"});
  EXPECT_EQ(made["stored"], 64);  // with the four named examples
  const json list = cli_json({"lijst", "--max", "1000"});
  const std::string first = db_;
  db_ = store_named("again");
  cli_json({"demodata", "--aantal", "60", "--seed", "7"});
  EXPECT_EQ(cli_json({"lijst", "--max", "1000"}), list);
  db_ = store_named("other");
  cli_json({"demodata", "--aantal", "60", "--seed", "8"});
  EXPECT_NE(cli_json({"lijst", "--max", "1000"}), list);
  db_ = first;
  // The named examples, each in its situation, with no years of overdue noise: they are the
  // caseload of km-jansen.
  const json worklist = cli_json({"werklijst"}, {"--user", "km-jansen", "--municipality", "0344"});
  EXPECT_GE(worklist["items"].size(), 4u);
  for (const auto& item : worklist["items"]) {
    EXPECT_GE(item["signal"]["due_on"].get<std::string>(), "2026-09-01") << item.dump();
  }
  const json amal = show("1001");
  EXPECT_EQ(amal["trajectory"]["route"], "b1");
  EXPECT_TRUE(amal["signals"].dump().find("interview_due") != std::string::npos);
  EXPECT_EQ(show("1002")["trajectory"]["state"], "intake");
  EXPECT_EQ(show("1003")["trajectory"]["route"], "z");
  bool yusuf_ending = false;
  const json ending = cli_json({"termijnen"});
  for (const auto& item : ending["items"]) yusuf_ending |= item["id"] == 1003;
  EXPECT_TRUE(yusuf_ending);
  EXPECT_EQ(show("1004")["timeline"].dump().find("transfer_in") != std::string::npos, true);
  // Other municipalities got theirs.
  EXPECT_GT(cli_json({"lijst"}, {"--user", "x", "--municipality", "0307"})["items"].size(), 0u);
  refused({"demodata", "--aantal", "5", "--seed", "7"}, 5, {});  // the ids are taken
  refused({"demodata", "--gemeenten", "utrecht"}, 1, {"--gemeenten"});
}

// ---- what the review of the first version found -------------------------------------------------

TEST_F(CliTest, NamesAndValuesOutsideAsciiAreWholeCharacters) {
  ok({"registreer", "--id", "2001", "--bsn", "999990019", "--voornamen", "Özlem", "--achternaam",
      "Çelik", "--geboren", "1990-05-17", "--doelgroep", "family_migrant", "--verblijfsvergunning",
      "regular", "--kennisgeving", "2026-10-01"});
  EXPECT_NE(ok({"toon", "2001"}).find("Ö.Ç."), std::string::npos);
  EXPECT_EQ(show("2001")["trajectory"]["initials"], "Ö.Ç.");
  const ToolRun r =
      cli({"--json", "duo-boete", "2001", "--soort", "route_not_in_time", "--opgelegd",
           "2030-01-01", "--bedrag", "€€€€€€€€", "--nieuwe-termijn", "12"});
  EXPECT_EQ(r.code, 1);
  const json doc = json::parse(r.err);  // one valid document, whatever the input
  EXPECT_EQ(schema_violation(doc), "");
  EXPECT_EQ(doc["error"]["field"], "--bedrag");
  EXPECT_EQ(r.err.find("€"), std::string::npos);  // an amount is not repeated
}

TEST_F(CliTest, TheWorkingDayDoesNotBackdateTheAuditTrail) {
  today_ = "2020-06-01";
  ok({"registreer", "--id", "1001", "--bsn", "999990019", "--voornamen", "A", "--achternaam", "B",
      "--geboren", "1990-01-01", "--doelgroep", "family_migrant", "--verblijfsvergunning",
      "regular", "--kennisgeving", "2020-05-01"});
  const json history = cli_json({"historie", "1001"});
  const std::string year = to_iso(SystemClock().today()).substr(0, 4);
  EXPECT_EQ(history["entries"][0]["at"].get<std::string>().substr(0, 4), year);
  // Overdue is judged on the working day: the PIP due 2020-07-10 is not overdue on 2020-06-01.
  const json worklist = cli_json({"werklijst", "--weken", "10"});
  ASSERT_EQ(worklist["items"].size(), 1u);
  EXPECT_FALSE(worklist["items"][0]["signal"]["overdue"].get<bool>());
}

TEST_F(CliTest, AnOptionTheActDoesNotTakeIsRefusedNotIgnored) {
  with_plan("1001");
  refused({"verlenging", "1001", "--besluit", "2029-08-01", "--zonder-verzoek", "--geweigerd",
           "--maanden", "6"},
          2, {"--geweigerd"});
  refused({"verlenging", "1001", "--besluit", "2029-08-01", "--verleend", "--door", "participant"},
          2, {"--door"});
  refused({"verlenging", "1001", "--aangevraagd", "2029-07-01", "--maanden", "6"}, 2,
          {"--maanden"});
  refused({"verlenging", "1001", "--aangevraagd", "2029-07-01", "--besluit", "2029-08-01"}, 2,
          {"--besluit"});
  refused({"verlenging", "1001", "--besluit", "2029-08-01", "--verleend", "--grond", "categorical"},
          2, {"--grond"});
  refused({"verblijfsprocedure", "1001", "--besluit", "2026-11-01", "--soort", "application"}, 2,
          {"--soort"});
  refused({"verblijfsprocedure", "1001", "--soort", "application", "--datum", "2026-11-01",
           "--verleend"},
          2, {"--verleend"});
  refused({"onderbreking", "1001", "--tot", "2027-03-31", "--reden", "x"}, 2, {"--reden"});
  refused({"boete", "1001", "--soort", "intake", "--opgelegd", "2026-11-01", "--verwijtbaarheid",
           "intent"},
          1, {"--verwijtbaarheid", "cooperation"});
  refused({"boete", "1001", "--soort", "cooperation", "--vastgesteld", "2027-02-01", "--opgelegd",
           "2027-02-15", "--verwijtbaarheid", "intent", "--verlaagd-tot", "10"},
          1, {"--verlaagd-tot", "intake"});
}

TEST_F(CliTest, CommandLineErrorsInJson) {
  const ToolRun r = cli({"--json", "werklijst", "--weken", "abc"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  const json doc = json::parse(r.err);
  EXPECT_EQ(schema_violation(doc), "");
  EXPECT_EQ(doc["error"]["code"], "usage");
  EXPECT_EQ(doc["exit_code"], 2);
}

TEST_F(CliTest, TheWorklistHorizonIsExclusive) {
  register_person("1002", "family_migrant", "999990020");  // first PIP due on 2026-12-10
  today_ = "2026-12-03";                                   // one week ahead ends before 2026-12-10
  EXPECT_EQ(cli_json({"werklijst", "--weken", "1"})["items"].size(), 0u);
  today_ = "2026-12-04";
  const json doc = cli_json({"werklijst", "--weken", "1"});
  ASSERT_EQ(doc["items"].size(), 1u);
  EXPECT_EQ(doc["items"][0]["signal"]["due_on"], "2026-12-10");
  EXPECT_EQ(doc["due_before"], "2026-12-11");
}

TEST_F(CliTest, IntakeOptionsYoungChildrenAndNotApplicable) {
  ok({"registreer",
      "--id",
      "1001",
      "--bsn",
      "999990019",
      "--voornamen",
      "A",
      "--achternaam",
      "B",
      "--geboren",
      "1990-01-01",
      "--doelgroep",
      "family_migrant",
      "--verblijfsvergunning",
      "regular",
      "--kennisgeving",
      "2026-10-01",
      "--geregistreerd",
      "2026-10-02",
      "--jonge-kinderen"});
  for (const char* topic : {"education_and_work", "personal_circumstances", "health",
                            "language_level", "paid_work_options", "self_reliance"}) {
    ok({"intake-onderwerp", "1001", "--onderwerp", topic, "--datum", "2026-10-16", "--notities",
        "besproken"});
  }
  ok({"leerbaarheidstoets", "1001", "--datum", "2026-10-16", "--score", "19"});
  ok({"geinformeerd-alleen", "1001"});
  // With young children the early-childhood topic is required (Bi 5.2.3).
  const json before = show("1001");
  EXPECT_NE(before["requirements"].dump().find("early_childhood"), std::string::npos)
      << before["requirements"].dump();
  refused({"intake-afronden", "1001", "--datum", "2026-10-23"}, 1, {"early_childhood"});
  ok({"intake-onderwerp", "1001", "--onderwerp", "early_childhood_education", "--datum",
      "2026-10-16", "--niet-van-toepassing", "--notities", "kinderen al naar school"});
  EXPECT_NE(ok({"toon", "1001"}).find("(n.v.t.)"), std::string::npos);
  ok({"intake-afronden", "1001", "--datum", "2026-10-23"});
  // A score below the pass mark needs a reason for the B1-route (Wi 14.3.a, 15.1.a).
  const std::vector<std::string> pip = {"pip",
                                        "1001",
                                        "--datum",
                                        "2026-11-20",
                                        "--route",
                                        "b1",
                                        "--ondersteuning",
                                        "klantmanager",
                                        "--map-uren",
                                        "40",
                                        "--voortgangsgesprekken",
                                        "6"};
  refused(pip, 1, {"learnability"});
  auto with_reason = pip;
  with_reason.insert(with_reason.end(), {"--afwijking-reden", "wil het proberen"});
  ok(with_reason);
}

TEST_F(CliTest, ZRouteExamsAndTheLaterDeadlines) {
  through_intake("1001");
  ok({"pip", "1001", "--datum", "2026-11-20", "--route", "z", "--uren-per-week", "12",
      "--ondersteuning", "klantmanager", "--map-uren", "40", "--voortgangsgesprekken", "6",
      "--z-examens", "--pvt-uren", "14"});
  ok({"mijlpaal", "1001", "--soort", "z-eindgesprek", "--datum", "2029-10-01"});
  const std::string all = ok({"toon", "1001"});
  EXPECT_NE(all.find("Daarna"), std::string::npos);
  const std::string none = ok({"toon", "1001", "--daarna", "0"});
  EXPECT_EQ(none.find("Daarna"), std::string::npos);
  EXPECT_EQ(show("1001")["timeline"].back()["event"], "z_route_final_interview");
}

TEST_F(CliTest, UnburdeningOptionsNotPaidAndAbsence) {
  with_plan("1001");
  ok({"ontzorgen-start", "1001", "--vanaf", "2026-12-01", "--bijstand", "--post",
      "rent:Woonstichting:645", "--post", "energy:Energie:110", "--post",
      "health_insurance:Zorg:139", "--niet-betaald", "water:in de huur inbegrepen"});
  refused(
      {"ontzorgen-start", "1001", "--vanaf", "2026-12-01", "--bijstand", "--post", "rent:W:645"}, 1,
      {"already"});
  ok({"budgetcoaching", "1001", "--datum", "2026-12-05", "--onderwerp", "toeslagen",
      "--niet-verschenen"});
  EXPECT_NE(ok({"toon", "1001"}).find("budgetcoaching (niet verschenen)"), std::string::npos);
}

TEST_F(CliTest, FineOptionsLoweredAndAssistanceAlreadyLowered) {
  register_person("1002", "family_migrant", "999990020");
  for (const auto& [sent, by] : std::vector<std::pair<std::string, std::string>>{
           {"2026-10-06", "2026-10-16"}, {"2026-10-20", "2026-10-30"}}) {
    ok({"uitnodigen", "1002", "--verzonden", sent, "--reageren-voor", by});
    ok({"uitnodiging-uitkomst", "1002", "--uitkomst", "no_show"});
  }
  refused({"boete", "1002", "--soort", "intake", "--opgelegd", "2026-11-01", "--nieuwe-termijn-tot",
           "2026-12-31", "--bijstand-al-verlaagd"},
          1, {"Wi 27"});
  refused({"boete", "1002", "--soort", "intake", "--opgelegd", "2026-11-01", "--nieuwe-termijn-tot",
           "2026-12-31", "--verlaagd-tot", "300"},
          1, {"lowered_to"});
  ok({"boete", "1002", "--soort", "intake", "--opgelegd", "2026-11-01", "--nieuwe-termijn-tot",
      "2026-12-31", "--verlaagd-tot", "100"});
}

TEST_F(CliTest, DuoFineAnnouncedLater) {
  with_plan("1001");
  ok({"duo-boete", "1001", "--soort", "route_not_in_time", "--opgelegd", "2030-01-01", "--bedrag",
      "500", "--nieuwe-termijn", "12", "--bekendgemaakt", "2030-01-15"});
  today_ = "2030-02-01";
  EXPECT_EQ(show("1001")["trajectory"]["term"]["end"], "2031-01-15");  // from the announcement
}

TEST_F(CliTest, ListingsByCaseworker) {
  with_plan("1001");
  ok({"registreer", "--id", "1003", "--bsn", "999990032", "--voornamen", "Y", "--achternaam",
      "Test-A", "--geboren", "1980-01-01", "--doelgroep", "family_migrant", "--verblijfsvergunning",
      "regular", "--kennisgeving", "2026-09-01", "--klantmanager", "km-0344-2"});
  const json mine = cli_json({"lijst", "--klantmanager", "km-0344-2"});
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["id"], 1003);
  today_ = "2029-07-01";
  EXPECT_EQ(cli_json({"termijnen", "--klantmanager", "km-0344-1"})["items"].size(), 1u);
  EXPECT_EQ(cli_json({"termijnen", "--klantmanager", "km-0344-2"})["items"].size(), 0u);
  EXPECT_TRUE(cli_json({"termijnen", "--max", "1"})["more"] == false);
  const std::string history = ok({"historie", "1001"});
  EXPECT_NE(history.find("km-0344-1"), std::string::npos);
  EXPECT_EQ(history.find("Amal"), std::string::npos);
  EXPECT_EQ(history.find("999990019"), std::string::npos);
}

TEST_F(CliTest, RefreshVerifyPurgeEraseAndSubjectAccess) {
  with_plan("1001");
  register_person("1002", "family_migrant", "999990020");
  const json refreshed = cli_json({"vernieuwen"});
  EXPECT_EQ(refreshed["refreshed"], 2);
  const std::vector<std::string> auditor = {"--user", "acc",    "--municipality",
                                            "0344",   "--role", "auditor"};
  const std::vector<std::string> privacy = {"--user", "fg",     "--municipality",
                                            "0344",   "--role", "privacy_officer"};
  refused({"controleer-audit"}, 4, {});
  const json verified = cli_json({"controleer-audit"}, auditor);
  EXPECT_TRUE(verified["intact"].get<bool>());
  EXPECT_GT(verified["entries"].get<int>(), 10);

  const std::string answer = dir_ + "/inzage.json";
  refused({"inzage", "--bsn", "999990019", "--bestand", answer}, 4, {});
  EXPECT_FALSE(std::filesystem::exists(answer));
  const json access = cli_json({"inzage", "--bsn", "999990019", "--bestand", answer}, privacy);
  EXPECT_EQ(access["trajectories"], 1);
  EXPECT_EQ(access.dump().find("999990019"), std::string::npos);
  EXPECT_NE(slurp(answer).find("999990019"), std::string::npos);  // the person's own data
  EXPECT_EQ(std::filesystem::status(answer).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  refused({"inzage", "--bsn", "999990019", "--bestand", answer}, 1, {"--bestand"}, privacy);

  refused({"wissen", "--bsn", "999990019", "--reden", "verzoek"}, 4, {});
  refused({"wissen", "--bsn", "999990019", "--reden", "verzoek van 999990019"}, 1, {"reason"},
          privacy);
  const json erased =
      cli_json({"wissen", "--bsn", "999990019", "--reden", "AVG art. 17, zaak 114"}, privacy);
  EXPECT_EQ(erased["erased"], 1);
  refused({"toon", "1001"}, 3, {"purged"});

  refused({"opschonen"}, 4, {});
  EXPECT_EQ(cli_json({"opschonen"}, privacy)["purged"].size(), 0u);
}

TEST_F(CliTest, DemoDataRunsAsACaseworker) {
  refused({"demodata", "--aantal", "5"}, 4, {"caseworker"},
          {"--user", "bo", "--municipality", "0344", "--role", "back_office"});
  EXPECT_FALSE(store_exists(db_));
}

TEST_F(CliTest, EverySubcommandHasHelpWithAnExampleOfItself) {
  const std::vector<std::string> commands = {"registreer",
                                             "brp-inschrijving",
                                             "informatie-derden",
                                             "vrijstelling",
                                             "ontheffing",
                                             "verblijfsprocedure",
                                             "begeleiding",
                                             "uitnodigen",
                                             "uitnodiging-uitkomst",
                                             "intake-onderwerp",
                                             "leerbaarheidstoets",
                                             "geinformeerd-alleen",
                                             "onderwijswens",
                                             "intake-afronden",
                                             "pip",
                                             "pip-bijstellen",
                                             "route-wisselen",
                                             "pip-na-verhuizing",
                                             "afschalen",
                                             "cursusaanbod",
                                             "uren",
                                             "examen",
                                             "examen-ongeldig",
                                             "diploma-ingetrokken",
                                             "voortgangsgesprek",
                                             "mijlpaal",
                                             "verlenging",
                                             "onderbreking",
                                             "ontzorgen-start",
                                             "ontzorgen-verlengen",
                                             "budgetcoaching",
                                             "ontzorgen-stop",
                                             "boete",
                                             "boete-status",
                                             "duo-boete",
                                             "afronden",
                                             "beeindigen",
                                             "sleutel-maken",
                                             "verhuizing-uit",
                                             "verhuizing-in",
                                             "toon",
                                             "werklijst",
                                             "termijnen",
                                             "zoek",
                                             "lijst",
                                             "historie",
                                             "vernieuwen",
                                             "controleer-audit",
                                             "opschonen",
                                             "wissen",
                                             "inzage",
                                             "demodata",
                                             "indicatoren",
                                             "pseudoniemsleutel-maken",
                                             "evaluatie-export",
                                             "teamrapport",
                                             "programma-maken",
                                             "programma-wijzigen",
                                             "programmas",
                                             "programma",
                                             "inschrijven",
                                             "uitschrijven",
                                             "activiteit",
                                             "doel",
                                             "doel-bereikt",
                                             "resultaat",
                                             "deelname",
                                             "programma-resultaten",
                                             "programma-export"};
  const std::string all = cli({"--help"}).out;
  std::size_t listed = 0;
  for (const auto& command : commands) {
    const ToolRun help = cli({command, "--help"});
    EXPECT_EQ(help.code, 0) << command;
    EXPECT_NE(help.out.find("Voorbeeld / example:"), std::string::npos) << command;
    const std::string example =
        help.out.substr(std::min(help.out.find("Voorbeeld"), help.out.size()));
    EXPECT_TRUE(example.find(" " + command + " ") != std::string::npos ||
                example.find(" " + command + "\n") != std::string::npos)
        << command << example;
    EXPECT_NE(help.out.find("Algemene opties"), std::string::npos) << command;
    if (all.find("  " + command + ",") != std::string::npos) ++listed;
  }
  EXPECT_EQ(listed, commands.size());
  // ... and the help lists no subcommand this test does not know.
  const std::regex entry("\\n  [a-z-]+, [a-z-]+");
  EXPECT_EQ(static_cast<std::size_t>(
                std::distance(std::sregex_iterator(all.begin(), all.end(), entry), {})),
            commands.size());
}

TEST_F(CliTest, TheRemainingErrorPaths) {
  with_plan("1001");
  refused({"geinformeerd-alleen", "4242"}, 3, {"4242"});
  refused({"onderwijswens", "4242"}, 3, {"4242"});
  refused({"onderwijswens", "1001"}, 1, {"needs registered or intake or planning"});
  refused({"budgetcoaching", "1001", "--datum", "2026-12-05", "--onderwerp", "x"}, 1,
          {"unburdening"});
  refused({"ontzorgen-stop", "1001", "--datum", "2026-12-05"}, 1, {"unburdening"});
  refused({"termijnen", "--maanden", "0"}, 2, {"--maanden"});
  refused({"vernieuwen"}, 4, {}, {"--user", "acc", "--municipality", "0344", "--role", "auditor"});
  refused({"vernieuwen", "--per-transactie", "0"}, 2, {"--per-transactie"});
}

TEST_F(CliTest, IndicatorsForInsideAndOutsideTheMunicipality) {
  cli_json({"demodata", "--aantal", "300", "--seed", "3"});
  const json doc = cli_json({"indicatoren"});
  const json& report = doc["report"];
  EXPECT_EQ(report["disclosure"]["applied"], false);
  ASSERT_FALSE(report["rows"].empty());
  for (const auto& row : report["rows"]) EXPECT_EQ(row["municipality"], "0344");
  const json outside = cli_json({"indicatoren", "--voor-buiten", "--min", "10"});
  EXPECT_EQ(outside["report"]["disclosure"]["applied"], true);
  EXPECT_EQ(outside["report"]["disclosure"]["min_count"], 10);
  EXPECT_GT(outside["report"]["disclosure"]["suppressed"].get<int>(), 0);
  const std::string csv = ok({"indicatoren", "--voor-buiten", "--formaat", "csv"});
  EXPECT_EQ(csv.rfind("municipality,cohort,target_group,trajectories,", 0), 0u) << csv;
  const std::string text = ok({"indicatoren"});
  EXPECT_NE(text.find("Monitoring inburgering"), std::string::npos);
  EXPECT_NE(text.find("asielstatushouder"), std::string::npos);
  // Another municipality's figures only under a regional arrangement.
  refused({"indicatoren", "--gemeente", "0307"}, 4, {"0307"});
  refused({"indicatoren", "--min", "1", "--voor-buiten"}, 2, {"--min"});
  refused({"indicatoren", "--min", "10"}, 2, {"--voor-buiten"});  // not ignored
}

TEST_F(CliTest, EvaluationExportWithAKeptKey) {
  cli_json({"demodata", "--aantal", "100", "--seed", "4"});
  const std::string key = dir_ + "/evaluatie.key";
  const json made = cli_json({"pseudoniemsleutel-maken", "--bestand", key});
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  EXPECT_EQ(made.dump().find(slurp(key).substr(0, 64)), std::string::npos);  // never shown
  refused({"evaluatie-export"}, 2, {"--sleutel"});
  // With --json the CSV must go to a file (else it would be audited as given out, and lost),
  // and the dictionary is Markdown.
  refused({"--json", "evaluatie-export", "--sleutel", key}, 2, {"--bestand"});
  refused({"--json", "evaluatie-export", "--woordenboek"}, 2, {"--woordenboek"});
  refused({"evaluatie-export", "--sleutel", dir_ + "/none"}, 3, {"none"});
  const std::string open_key = dir_ + "/open.key";
  std::ofstream(open_key) << slurp(key);
  std::filesystem::permissions(open_key, std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  refused({"evaluatie-export", "--sleutel", open_key}, 1, {"--sleutel", "chmod 600"});
  const std::string out = dir_ + "/export.csv";
  const json doc = cli_json({"evaluatie-export", "--sleutel", key, "--bestand", out});
  EXPECT_EQ(doc["key_fingerprint"], made["fingerprint"]);
  const std::string csv = slurp(out);
  EXPECT_EQ(static_cast<std::int64_t>(std::count(csv.begin(), csv.end(), '\n')) - 1,
            doc["rows"].get<std::int64_t>());
  EXPECT_EQ(csv.rfind("pseudonym,municipality,cohort,birth_year,", 0), 0u);
  EXPECT_EQ(csv.find("999990019"), std::string::npos);  // Amal's BSN
  EXPECT_EQ(csv.find("Amal"), std::string::npos);
  // The same key gives the same pseudonyms; the dictionary names every column.
  EXPECT_EQ(ok({"evaluatie-export", "--sleutel", key}), csv);
  const std::string dictionary = ok({"evaluatie-export", "--woordenboek"});
  EXPECT_NE(dictionary.find("| `pseudonym` | text |"), std::string::npos);
  refused({"evaluatie-export", "--sleutel", key, "--bestand", out}, 1, {"--bestand"});
  refused({"evaluatie-export", "--sleutel", key}, 4, {},
          {"--user", "acc", "--municipality", "0344", "--role", "auditor"});
}

TEST_F(CliTest, AProgrammeFromDefinitionToOutcomes) {
  register_person("1001");
  register_person("1002", "family_migrant", "999990032");
  refused({"programma-maken", "--naam", "Powervrouwen", "--thema", "nope", "--financier", "SZW",
           "--van", "2026-01-01", "--tot", "2027-12-31"},
          1, {"--thema", "nope"});
  refused({"programma-maken", "--naam", "Powervrouwen", "--thema", "female_family_migrants",
           "--financier", "SZW", "--van", "2026-01-01", "--tot", "2025-12-31"},
          1, {"programme.ends_on"});
  // Only the lead's writers define one.
  refused({"programma-maken", "--naam", "P", "--thema", "other", "--financier", "SZW", "--van",
           "2026-01-01", "--tot", "2027-12-31", "--gemeenten", "0307,0344"},
          4, {"0307"});
  const json made =
      cli_json({"programma-maken", "--naam", "Powervrouwen", "--thema", "female_family_migrants",
                "--financier", "Ministerie van SZW", "--bedrag", "200000", "--van", "2026-01-01",
                "--tot", "2027-12-31", "--gemeenten", "0344,0307"});
  EXPECT_EQ(made["kind"], "programme");
  EXPECT_EQ(made["programme"]["id"], 1);
  EXPECT_EQ(made["programme"]["amount_cents"], 20000000);
  EXPECT_EQ(made["programme"]["municipalities"], json::array({"0344", "0307"}));
  EXPECT_EQ(cli_json({"programmas"})["programmes"].size(), 1u);
  // Enrolment, sessions, a goal and outcomes.
  const json enrolled = cli_json({"inschrijven", "1", "1001", "--datum", "2026-10-06"});
  EXPECT_EQ(enrolled["kind"], "programme_change");
  EXPECT_EQ(enrolled["trajectories"], json::array({1001}));
  ok({"inschrijven", "1", "1002", "--datum", "2026-10-06"});
  refused({"inschrijven", "1", "1001", "--datum", "2026-10-07"}, 5,
          {"one per programme", "2026-10-06"});
  refused({"inschrijven", "1", "4242"}, 3, {"4242"});
  refused({"inschrijven", "2", "1001"}, 3, {"programme"});
  const json session =
      cli_json({"activiteit", "1", "--datum", "2026-11-02", "--minuten", "120", "--onderwerp",
                "health", "--vorm", "remote", "--aanwezig", "1001", "--afgemeld", "1002"});
  EXPECT_EQ(session["ids"].size(), 2u);
  refused({"activiteit", "1", "--datum", "2026-11-02", "--minuten", "60", "--soort", "coaching",
           "--aanwezig", "1001,1002"},
          1, {"one-to-one"});
  refused({"activiteit", "1", "--datum", "2026-11-02", "--minuten", "60", "--aanwezig", "1001,x"},
          1, {"--aanwezig"});
  refused({"activiteit", "1", "--datum", "2026-10-01", "--minuten", "60", "--aanwezig", "1001"}, 1,
          {"session.held_on"});
  const json goal = cli_json(
      {"doel", "1", "1001", "--tekst", "apothekersassistent worden", "--datum", "2026-10-06"});
  const std::string goal_id = std::to_string(goal["ids"][0].get<std::int64_t>());
  ok({"doel-bereikt", "1", "1001", goal_id, "--datum", "2026-12-01"});
  refused({"doel-bereikt", "1", "1001", goal_id}, 1, {"once"});
  refused({"doel-bereikt", "1", "1001", "99"}, 3,
          {"goal 99 of trajectory 1001 in programme 1 not found"});
  refused({"doel-bereikt", "1", "1001", "0"}, 2, {"doel"});
  refused({"resultaat", "1", "1001", "--soort", "job", "--datum", "2026-11-20"}, 1,
          {"outcome.contract"});
  ok({"resultaat", "1", "1001", "--soort", "job", "--contract", "fixed_term", "--datum",
      "2026-11-20"});
  ok({"uitschrijven", "1", "1002", "--reden", "dropped_out", "--datum", "2026-11-30"});
  refused({"uitschrijven", "1", "1002", "--reden", "finished"}, 1, {"ends once"});
  // What the caseworker sees of one participant, and of the programme.
  const json p = cli_json({"deelname", "1", "1001"});
  EXPECT_EQ(p["goals"][0]["text"], "apothekersassistent worden");
  EXPECT_EQ(p["goals"][0]["achieved_on"], "2026-12-01");
  EXPECT_EQ(p["outcomes"][0]["contract"], "fixed_term");
  EXPECT_EQ(p["activities"][0]["mode"], "remote");
  const std::string text = ok({"deelname", "1", "1001"});
  EXPECT_NE(text.find("apothekersassistent worden"), std::string::npos);
  EXPECT_NE(text.find("betaald werk (tijdelijk contract)"), std::string::npos) << text;
  const json shown = cli_json({"programma", "1"});
  ASSERT_EQ(shown["enrolments"].size(), 2u);
  EXPECT_EQ(shown["enrolments"][1]["leave_reason"], "dropped_out");
  // Amending: the revision seen, only what is given changes.
  refused({"programma-wijzigen", "1", "--revisie", "7", "--tot", "2028-06-30"}, 5, {"revision"});
  refused({"programma-wijzigen", "1", "--revisie", "1", "--gemeenten", "0344,"}, 1,
          {"--gemeenten"});
  const json amended =
      cli_json({"programma-wijzigen", "1", "--revisie", "1", "--tot", "2028-06-30"});
  EXPECT_EQ(amended["programme"]["revision"], 2);
  EXPECT_EQ(amended["programme"]["ends_on"], "2028-06-30");
  EXPECT_EQ(amended["programme"]["name"], "Powervrouwen");
  EXPECT_NE(ok({"programma-wijzigen", "1", "--revisie", "2"}).find("Niets gewijzigd."),
            std::string::npos);
  // The outcome report; another municipality sees the programme but not Utrecht's people.
  const json report = cli_json({"programma-resultaten", "1"});
  EXPECT_EQ(report["report"]["rows"][0]["counts"]["enrolled"], 2);
  EXPECT_EQ(report["report"]["rows"][0]["counts"]["reached.job"], 1);
  const json outside = cli_json({"programma-resultaten", "1", "--voor-buiten"});
  EXPECT_TRUE(outside["report"]["rows"][0]["counts"]["enrolled"].is_null());
  const std::string csv = ok({"programma-resultaten", "1", "--formaat", "csv"});
  EXPECT_EQ(csv.rfind("programme,municipality,enrolled,", 0), 0u);
  const json amersfoort =
      cli_json({"programma", "1"}, {"--user", "km-0307-1", "--municipality", "0307"});
  EXPECT_EQ(amersfoort["enrolments"].size(), 0u);
  refused({"deelname", "1", "1001"}, 3, {"1001"},
          {"--user", "km-0307-1", "--municipality", "0307"});
  refused({"programma", "1"}, 3, {"programme"}, {"--user", "km-0363-1", "--municipality", "0363"});
}

TEST_F(CliTest, AProgrammesExportOnTheDemoData) {
  const json demo = cli_json({"demodata", "--aantal", "400", "--seed", "5"});
  ASSERT_GT(demo["programme_participants"].get<int>(), 0);
  const std::string key = dir_ + "/evaluatie.key";
  cli_json({"pseudoniemsleutel-maken", "--bestand", key});
  const std::string out = dir_ + "/pilot.csv";
  const json doc = cli_json({"programma-export", "1", "--sleutel", key, "--bestand", out});
  EXPECT_EQ(doc["kind"], "programme_export");
  const std::string csv = slurp(out);
  EXPECT_EQ(static_cast<std::int64_t>(std::count(csv.begin(), csv.end(), '\n')) - 1,
            doc["rows"].get<std::int64_t>());
  EXPECT_GT(doc["rows"].get<int>(), 0);
  EXPECT_EQ(csv.rfind("pseudonym,programme,municipality,cohort,birth_year,", 0), 0u);
  for (const char* goal : {"politieagent", "apotheker", "boodschappen", "rijbewijs"}) {
    EXPECT_EQ(csv.find(goal), std::string::npos) << goal;
  }
  EXPECT_EQ(csv.find("Test-"), std::string::npos);  // no family name of the demo data
  EXPECT_EQ(csv.find("2026-"), std::string::npos);  // no dates
  // The pseudonyms are those of the cohort export under the same key.
  const std::string cohort = ok({"evaluatie-export", "--sleutel", key});
  const std::string first = csv.substr(csv.find('\n') + 1, 64);
  EXPECT_NE(cohort.find(first), std::string::npos);
  const std::string dictionary = ok({"programma-export", "--woordenboek"});
  EXPECT_NE(dictionary.find("| `weeks_to_job` | integer |"), std::string::npos);
  refused({"programma-export", "1"}, 2, {"--sleutel"});
  refused({"programma-export", "--sleutel", key}, 2, {"programma"});
  refused({"--json", "programma-export", "1", "--sleutel", key}, 2, {"--bestand"});
  refused({"programma-export", "1", "--woordenboek"}, 2, {"--woordenboek"});
  refused({"--json", "programma-export", "--woordenboek"}, 2, {"--woordenboek"});
  refused({"programma-export", "1", "--sleutel", key}, 4, {},
          {"--user", "acc", "--municipality", "0344", "--role", "auditor"});
  const std::string text = ok({"programma-resultaten", "1", "--voor-buiten"});
  EXPECT_NE(text.find("Onthullingsbeheersing toegepast"), std::string::npos);
}

TEST_F(CliTest, TeamReportFile) {
  cli_json({"demodata", "--aantal", "60", "--seed", "2"});
  const std::string file = dir_ + "/team.html";
  const json doc = cli_json({"teamrapport", "--bestand", file, "--weken", "4"});
  const std::string html = slurp(file);
  EXPECT_EQ(doc["bytes"].get<std::size_t>(), html.size());
  EXPECT_NE(html.find("Termijnen in de komende 4 weken"), std::string::npos);
  refused({"teamrapport", "--bestand", file}, 1, {"--bestand"});
  const std::string other = dir_ + "/other.html";
  refused({"teamrapport", "--bestand", other, "--gemeente", "0307"}, 4, {"0307"});
  EXPECT_FALSE(std::filesystem::exists(other));
  refused({"teamrapport", "--bestand", other, "--weken", "0"}, 2, {"--weken"});
}

}  // namespace
}  // namespace inburgering::test::cli
