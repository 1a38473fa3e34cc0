// Programmes and pilots without a store: the checks of a definition, session, goal and outcome;
// the outcome report and its disclosure rule; the report's JSON schema; the export row.

#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/builders.hpp"
#include "support/json_schema.hpp"

namespace inburgering::programme {
namespace {

using test::d;

Definition powervrouwen() {
  return Definition{.name = "Powervrouwen",
                    .theme = Theme::kFemaleFamilyMigrants,
                    .funder = "Ministerie van SZW",
                    .amount = Money::euros(200000),
                    .starts_on = d("2026-01-01"),
                    .ends_on = d("2027-12-31"),
                    .municipalities = {test::utrecht(), test::amersfoort()}};
}

template <class F>
std::string field_refused(F&& f) {
  try {
    f();
  } catch (const ValidationError& e) {
    return e.field();
  }
  return "(accepted)";
}

TEST(ProgrammeDefinition, EachFieldIsCheckedAndNamed) {
  EXPECT_EQ(field_refused([] { validate(powervrouwen()); }), "(accepted)");
  auto with = [](auto change) {
    Definition def = powervrouwen();
    change(def);
    return field_refused([&] { validate(def); });
  };
  EXPECT_EQ(with([](Definition& x) { x.name = ""; }), "programme.name");
  EXPECT_EQ(with([](Definition& x) { x.name = "a\nb"; }), "programme.name");
  EXPECT_EQ(with([](Definition& x) { x.funder = ""; }), "programme.funder");
  EXPECT_EQ(with([](Definition& x) { x.theme = static_cast<Theme>(99); }), "programme.theme");
  EXPECT_EQ(with([](Definition& x) { x.amount = Money::cents(-1); }), "programme.amount");
  EXPECT_EQ(with([](Definition& x) { x.amount = Money::cents(0); }), "(accepted)");
  EXPECT_EQ(with([](Definition& x) { x.ends_on = d("2025-12-31"); }), "programme.ends_on");
  EXPECT_EQ(with([](Definition& x) { x.ends_on = x.starts_on; }), "(accepted)");
  EXPECT_EQ(with([](Definition& x) { x.starts_on = Date(); }), "programme.starts_on");
  EXPECT_EQ(with([](Definition& x) { x.municipalities.clear(); }), "programme.municipalities");
  EXPECT_EQ(with([](Definition& x) { x.municipalities.push_back(test::utrecht()); }),
            "programme.municipalities");
}

TEST(ProgrammeDefinition, SessionsGoalsAndOutcomesAreCheckedOnTheirOwn) {
  Session s{.held_on = d("2026-03-01"), .minutes = 1};
  EXPECT_EQ(field_refused([&] { validate(s); }), "(accepted)");
  s.minutes = kMaxActivityMinutes;
  EXPECT_EQ(field_refused([&] { validate(s); }), "(accepted)");
  s.minutes = kMaxActivityMinutes + 1;
  EXPECT_EQ(field_refused([&] { validate(s); }), "session.minutes");
  s.minutes = 0;
  EXPECT_EQ(field_refused([&] { validate(s); }), "session.minutes");
  s.minutes = 60;
  s.mode = static_cast<ActivityMode>(7);
  EXPECT_EQ(field_refused([&] { validate(s); }), "session.mode");

  Goal g{.id = 0, .text = "politieagent worden", .set_on = d("2026-03-01"), .achieved_on = {}};
  EXPECT_EQ(field_refused([&] { validate(g); }), "(accepted)");
  g.achieved_on = d("2026-03-01");
  EXPECT_EQ(field_refused([&] { validate(g); }), "(accepted)");
  g.achieved_on = d("2026-02-28");
  EXPECT_EQ(field_refused([&] { validate(g); }), "goal.achieved_on");
  g.achieved_on.reset();
  g.text = "";
  EXPECT_EQ(field_refused([&] { validate(g); }), "goal.text");
  g.text = std::string("\x01", 1);
  EXPECT_EQ(field_refused([&] { validate(g); }), "goal.text");

  Outcome o{.id = 0, .kind = OutcomeKind::kJob, .reached_on = d("2026-05-01"), .contract = {}};
  EXPECT_EQ(field_refused([&] { validate(o); }), "outcome.contract");
  o.contract = ContractType::kPermanent;
  EXPECT_EQ(field_refused([&] { validate(o); }), "(accepted)");
  o.kind = OutcomeKind::kVolunteering;
  EXPECT_EQ(field_refused([&] { validate(o); }), "outcome.contract");
  o.contract.reset();
  EXPECT_EQ(field_refused([&] { validate(o); }), "(accepted)");
}

TEST(ProgrammeDefinition, EveryThemeHasANameAndALabel) {
  EXPECT_EQ(all_enumerators<Theme>().size(), 8u);  // the seven themes of the pilots, and other
  for (Theme t : all_enumerators<Theme>()) {
    EXPECT_EQ(from_string<Theme>(to_string(t)), t);
    EXPECT_FALSE(label_nl(t).empty());
  }
  EXPECT_EQ(to_string(OutcomeKind::kTrialPlacement), "trial_placement");
  EXPECT_EQ(label_nl(ActivityKind::kCoaching), "individuele begeleiding");
}

// ---- the outcome report ---------------------------------------------------------------------

Programme stored() {
  return Programme{.id = ProgrammeId(3), .definition = powervrouwen(), .revision = 1};
}

ProgrammeCounts counts(MunicipalityCode m, std::int64_t enrolled) {
  ProgrammeCounts c{.municipality = m};
  c.enrolled = enrolled;
  c.active = enrolled;
  return c;
}

const monitoring::Shown& named(const std::vector<std::pair<std::string, monitoring::Shown>>& list,
                               const std::string& name) {
  for (const auto& [n, shown] : list) {
    if (n == name) return shown;
  }
  throw std::out_of_range(name);
}

TEST(ProgrammeReport, SharesAndMediansWithoutTheRule) {
  ProgrammeCounts c = counts(test::utrecht(), 10);
  c.reached = {{OutcomeKind::kJob, 4}, {OutcomeKind::kTrialPlacement, 5}};
  c.reached_any = 6;
  c.weeks_to[OutcomeKind::kJob] = {10, 12, 20, 30};
  c.offered = {{ActivityKind::kGroupSession, 30}, {ActivityKind::kCoaching, 10}};
  c.attended = {{ActivityKind::kGroupSession, 24}, {ActivityKind::kCoaching, 6}};
  c.persons_with_sessions = 10;
  c.persons_with_goal = 8;
  c.persons_goal_achieved = 2;
  const ProgrammeReport r = make_programme_report(stored(), {c}, d("2026-12-07"), {});
  ASSERT_EQ(r.rows.size(), 1u);  // one municipality: no total row
  const auto& row = r.rows[0];
  EXPECT_EQ(row.municipality, test::utrecht());
  EXPECT_EQ(named(row.indicators, "share_reached.job").value, 0.4);
  EXPECT_EQ(named(row.indicators, "share_reached.trial_placement").value, 0.5);
  EXPECT_EQ(named(row.indicators, "share_reached.volunteering").value, 0.0);
  EXPECT_EQ(named(row.indicators, "share_reached_any").value, 0.6);
  EXPECT_EQ(named(row.indicators, "median_weeks_to.job").value, 16.0);
  EXPECT_FALSE(named(row.indicators, "median_weeks_to.volunteering").value);
  EXPECT_EQ(named(row.indicators, "share_attended").value, 0.75);
  EXPECT_EQ(named(row.indicators, "share_goal_achieved").value, 0.25);
  EXPECT_EQ(named(row.counts, "attended.coaching").value, 6.0);
  EXPECT_EQ(r.suppressed, 0);
  EXPECT_EQ(r.name, "Powervrouwen");
}

TEST(ProgrammeReport, TheRuleHidesSmallRowsSmallCountsAndWhatGivesThemBack) {
  const monitoring::DisclosureRule rule{.apply = true};
  // A row of 4 persons shows nothing.
  const ProgrammeReport tiny =
      make_programme_report(stored(), {counts(test::utrecht(), 4)}, d("2026-12-07"), rule);
  for (const auto& [name, shown] : tiny.rows[0].counts) EXPECT_TRUE(shown.suppressed) << name;
  // Not even a "no value" shows: it would say that a count is 0.
  for (const auto& [name, shown] : tiny.rows[0].indicators) {
    EXPECT_TRUE(shown.suppressed) << name;
  }
  // 5 persons is enough.
  const ProgrammeReport five =
      make_programme_report(stored(), {counts(test::utrecht(), 5)}, d("2026-12-07"), rule);
  EXPECT_FALSE(named(five.rows[0].counts, "enrolled").suppressed);

  // 10 enrolled, 2 left (finished): the 2 are hidden, and so is the active 8 that gives them
  // back from the 10.
  ProgrammeCounts c = counts(test::utrecht(), 10);
  c.active = 8;
  c.left_by_reason = {{LeaveReason::kFinished, 2}};
  c.reached = {
      {OutcomeKind::kJob, 2}, {OutcomeKind::kTrialPlacement, 6}, {OutcomeKind::kVolunteering, 5}};
  c.reached_any = 7;
  c.weeks_to[OutcomeKind::kJob] = {3, 4};
  c.weeks_to[OutcomeKind::kTrialPlacement] = {1, 2, 3, 4, 5, 6};
  c.weeks_to[OutcomeKind::kVolunteering] = {2, 4, 6, 8, 10};
  const ProgrammeReport r = make_programme_report(stored(), {c}, d("2026-12-07"), rule);
  const auto& row = r.rows[0];
  EXPECT_TRUE(named(row.counts, "left").suppressed);
  EXPECT_TRUE(named(row.counts, "left.finished").suppressed);
  EXPECT_TRUE(named(row.counts, "active").suppressed);
  EXPECT_FALSE(named(row.counts, "enrolled").suppressed);
  EXPECT_FALSE(named(row.counts, "left.moved").suppressed);  // zero: nothing to hide
  EXPECT_TRUE(named(row.counts, "reached.job").suppressed);
  EXPECT_TRUE(named(row.indicators, "share_reached.job").suppressed);
  EXPECT_TRUE(named(row.indicators, "median_weeks_to.job").suppressed);
  // 6 of 10 reached a trial placement: the rest, 4, would single persons out, and the 6 with
  // the 10 gives it back: the 6 is hidden too, and the share and median with it.
  EXPECT_TRUE(named(row.counts, "reached.trial_placement").suppressed);
  EXPECT_TRUE(named(row.indicators, "share_reached.trial_placement").suppressed);
  EXPECT_TRUE(named(row.indicators, "median_weeks_to.trial_placement").suppressed);
  // 7 of 10 reached any outcome: the rest, 3, is small too.
  EXPECT_TRUE(named(row.counts, "reached_any").suppressed);
  EXPECT_TRUE(named(row.indicators, "share_reached_any").suppressed);
  // 5 of 10: neither the 5 nor the rest is small.
  EXPECT_FALSE(named(row.counts, "reached.volunteering").suppressed);
  EXPECT_EQ(named(row.indicators, "share_reached.volunteering").value, 0.5);
  EXPECT_EQ(named(row.indicators, "median_weeks_to.volunteering").value, 6.0);
  int hidden = 0;
  for (const auto* list : {&row.counts, &row.indicators}) {
    for (const auto& [name, shown] : *list) hidden += shown.suppressed;
  }
  EXPECT_EQ(r.suppressed, hidden);
}

TEST(ProgrammeReport, TheTotalHidesWhatAnyRowHides) {
  ProgrammeCounts a = counts(test::utrecht(), 20);
  a.reached = {{OutcomeKind::kJob, 2}};
  a.reached_any = 2;
  ProgrammeCounts b = counts(test::amersfoort(), 20);
  b.reached = {{OutcomeKind::kJob, 7}};
  b.reached_any = 7;
  const ProgrammeReport r =
      make_programme_report(stored(), {a, b}, d("2026-12-07"), {.apply = true});
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].municipality, test::amersfoort());  // by code: 0307 before 0344
  EXPECT_FALSE(r.rows[2].municipality);
  EXPECT_FALSE(named(r.rows[0].counts, "reached.job").suppressed);
  EXPECT_TRUE(named(r.rows[1].counts, "reached.job").suppressed);
  // 9 in the total minus Amersfoort's 7 would give Utrecht's 2.
  EXPECT_TRUE(named(r.rows[2].counts, "reached.job").suppressed);
  EXPECT_TRUE(named(r.rows[2].indicators, "share_reached.job").suppressed);
  EXPECT_EQ(named(r.rows[2].counts, "enrolled").value, 40.0);
  // Without the rule, the total is the sum.
  const ProgrammeReport open = make_programme_report(stored(), {a, b}, d("2026-12-07"), {});
  EXPECT_EQ(named(open.rows[2].counts, "reached.job").value, 9.0);
  EXPECT_EQ(named(open.rows[2].indicators, "share_reached.job").value, 9.0 / 40.0);
}

TEST(ProgrammeReport, AttendanceGivesNoHiddenCountBack) {
  ProgrammeCounts c = counts(test::utrecht(), 10);
  c.offered = {{ActivityKind::kGroupSession, 40}, {ActivityKind::kCoaching, 10}};
  c.attended = {{ActivityKind::kGroupSession, 30}, {ActivityKind::kCoaching, 7}};
  c.persons_with_sessions = 10;
  const ProgrammeReport r = make_programme_report(stored(), {c}, d("2026-12-07"), {.apply = true});
  const auto& row = r.rows[0];
  // 3 coaching sessions missed: the 7 with the 10 gives them back, so the 7 is hidden. The share
  // over all sessions gives the 37 attended in all, so the 30 group sessions are hidden too
  // (else 37 - 30 gives the 7).
  EXPECT_TRUE(named(row.counts, "attended.coaching").suppressed);
  EXPECT_TRUE(named(row.counts, "attended.group_session").suppressed);
  EXPECT_FALSE(named(row.counts, "offered.coaching").suppressed);
  EXPECT_EQ(named(row.indicators, "share_attended").value, 37.0 / 50.0);
  // Missed sessions that are not few: all shown.
  c.attended[ActivityKind::kCoaching] = 5;
  const ProgrammeReport shown =
      make_programme_report(stored(), {c}, d("2026-12-07"), {.apply = true});
  EXPECT_FALSE(named(shown.rows[0].counts, "attended.coaching").suppressed);
  EXPECT_EQ(named(shown.rows[0].indicators, "share_attended").value, 35.0 / 50.0);
}

TEST(ProgrammeReport, AMunicipalityWithoutEnrolmentsHidesNothing) {
  ProgrammeCounts a = counts(test::utrecht(), 20);
  a.reached = {{OutcomeKind::kJob, 10}};
  a.reached_any = 10;
  const ProgrammeCounts none = counts(test::amersfoort(), 0);
  const ProgrammeReport r =
      make_programme_report(stored(), {a, none}, d("2026-12-07"), {.apply = true});
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.suppressed, 0);
  EXPECT_EQ(named(r.rows[0].counts, "enrolled").value, 0.0);
  EXPECT_EQ(named(r.rows[2].counts, "reached.job").value, 10.0);
  EXPECT_EQ(named(r.rows[2].indicators, "share_reached.job").value, 0.5);
  // One person is another matter.
  const ProgrammeReport one = make_programme_report(stored(), {a, counts(test::amersfoort(), 1)},
                                                    d("2026-12-07"), {.apply = true});
  EXPECT_TRUE(named(one.rows[0].counts, "enrolled").suppressed);
  EXPECT_TRUE(named(one.rows[2].counts, "enrolled").suppressed);
}

TEST(ProgrammeReport, RefusesARuleOutsideItsBounds) {
  EXPECT_THROW(
      make_programme_report(stored(), {}, d("2026-12-07"), {.apply = true, .min_count = 1}),
      ValidationError);
  EXPECT_THROW(make_programme_report(stored(), {}, d("2026-12-07"), {.min_count = 101}),
               ValidationError);
}

TEST(ProgrammeReport, CsvJsonAndTextSayWhatWasSuppressed) {
  ProgrammeCounts a = counts(test::utrecht(), 20);
  a.reached = {{OutcomeKind::kJob, 2}};
  ProgrammeCounts b = counts(test::amersfoort(), 3);
  const ProgrammeReport r =
      make_programme_report(stored(), {a, b}, d("2026-12-07"), {.apply = true});
  const std::string csv = to_csv(r);
  EXPECT_EQ(csv.rfind("programme,municipality,enrolled,active,left,", 0), 0u) << csv;
  EXPECT_NE(csv.find("\n3,0344,20,20,0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n3,total,"), std::string::npos) << csv;
  const std::string text = to_text(r);
  EXPECT_NE(text.find("Onthullingsbeheersing toegepast"), std::string::npos);
  EXPECT_NE(text.find("Totaal"), std::string::npos);
  EXPECT_NE(to_text(r, true).find("Disclosure control applied"), std::string::npos);

  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) +
                   "/../../schema/programme-report-1.schema.json");
  const nlohmann::json rules = nlohmann::json::parse(in);
  for (const auto& rule :
       {monitoring::DisclosureRule{}, monitoring::DisclosureRule{.apply = true}}) {
    const auto doc = nlohmann::json::parse(
        to_json(make_programme_report(stored(), {a, b}, d("2026-12-07"), rule)));
    EXPECT_EQ(test::violation(doc, rules, rules), "");
  }
  const auto doc = nlohmann::json::parse(to_json(r));
  EXPECT_TRUE(doc["rows"][1]["counts"]["reached.job"].is_null());
  EXPECT_EQ(doc["rows"][1]["counts"]["enrolled"], 20);
  EXPECT_TRUE(doc["rows"][2]["municipality"].is_null());
  auto broken = doc;
  broken["rows"][0]["counts"].erase("reached_any");
  EXPECT_EQ(test::violation(broken, rules, rules), "/rows/0/counts/reached_any: required");
}

// ---- the export row -------------------------------------------------------------------------

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  for (char ch : line) {
    if (ch == ',' || ch == '\n') {
      out.push_back(field);
      field.clear();
    } else {
      field += ch;
    }
  }
  return out;
}

TEST(ProgrammeExport, TheDictionaryDocumentsEveryColumnAndTheRowFillsThem) {
  const auto header = fields_of(programme_export_header());
  const auto& columns = programme_export_columns();
  ASSERT_EQ(header.size(), columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(header[i], columns[i].name);
    EXPECT_NE(programme_export_dictionary().find("| `" + columns[i].name + "` |"),
              std::string::npos);
  }
  const Trajectory t = test::rich_trajectory();
  Participation p{.enrolment = {.programme = ProgrammeId(3),
                                .trajectory = t.id(),
                                .municipality = test::utrecht(),
                                .enrolled_on = d("2026-01-15"),
                                .left_on = d("2026-06-30"),
                                .leave_reason = LeaveReason::kFinished},
                  .activities = {},
                  .goals = {},
                  .outcomes = {}};
  const Session group{.held_on = d("2026-02-01"),
                      .kind = ActivityKind::kGroupSession,
                      .mode = ActivityMode::kRemote,
                      .topic = ActivityTopic::kHealth,
                      .minutes = 90};
  Session coaching = group;
  coaching.kind = ActivityKind::kCoaching;
  coaching.mode = ActivityMode::kOnSite;
  coaching.minutes = 45;
  p.activities = {{1, group, Attendance::kAttended},
                  {2, group, Attendance::kExcused},
                  {3, coaching, Attendance::kAttended},
                  {4, coaching, Attendance::kAbsent}};
  p.goals = {{5, "apothekersassistent worden", d("2026-01-20"), d("2026-05-01")},
             {6, "fietsen", d("2026-01-20"), std::nullopt}};
  p.outcomes = {{7, OutcomeKind::kJob, d("2026-09-10"), ContractType::kFixedTerm},
                {8, OutcomeKind::kJob, d("2026-04-10"), ContractType::kOnCall},
                {9, OutcomeKind::kEducationEnrolment, d("2027-01-10"), std::nullopt}};
  const auto key = monitoring::PseudonymKey::from_hex(
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  const std::string line = programme_export_row(t, p, key, d("2026-01-01"), d("2026-12-07"));
  const auto f = fields_of(line);
  ASSERT_EQ(f.size(), columns.size()) << line;
  std::map<std::string, std::string> by;
  for (std::size_t i = 0; i < f.size(); ++i) by[columns[i].name] = f[i];
  EXPECT_EQ(by["pseudonym"], key.pseudonym(t.record().participant.bsn));
  EXPECT_EQ(by["programme"], "3");
  EXPECT_EQ(by["municipality"], "0344");
  EXPECT_EQ(by["cohort"], "2024");
  EXPECT_EQ(by["birth_year"], "1990");
  EXPECT_EQ(by["target_group"], "asylum_permit_holder");
  EXPECT_EQ(by["enrolled_week"], "2");    // 14 days after the start
  EXPECT_EQ(by["weeks_enrolled"], "23");  // 166 days
  EXPECT_EQ(by["left"], "1");
  EXPECT_EQ(by["leave_reason"], "finished");
  EXPECT_EQ(by["offered_group_session"], "2");
  EXPECT_EQ(by["attended_group_session"], "1");
  EXPECT_EQ(by["offered_coaching"], "2");
  EXPECT_EQ(by["attended_coaching"], "1");
  EXPECT_EQ(by["attended_remote"], "1");
  EXPECT_EQ(by["minutes_attended"], "135");
  EXPECT_EQ(by["goals_set"], "2");
  EXPECT_EQ(by["goals_achieved"], "1");
  EXPECT_EQ(by["weeks_to_job"], "12");  // the first job, 85 days after the enrolment
  EXPECT_EQ(by["job_contract"], "on_call");
  EXPECT_EQ(by["weeks_to_trial_placement"], "");
  EXPECT_EQ(by["weeks_to_education_enrolment"], "");  // after the export's day
  EXPECT_EQ(line.find("apotheker"), std::string::npos);
  // As of a day before the enrolment ended, it is still running.
  const auto early = fields_of(programme_export_row(t, p, key, d("2026-01-01"), d("2026-03-01")));
  EXPECT_EQ(early[9], "0");  // left
  EXPECT_EQ(early[8], "6");  // weeks_enrolled: 45 days
  EXPECT_EQ(early[10], "");  // leave_reason
  const auto early_by = [&](const std::string& name) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == name) return early[i];
    }
    return std::string("(no column)");
  };
  EXPECT_EQ(early_by("goals_set"), "2");
  EXPECT_EQ(early_by("goals_achieved"), "0");  // achieved on 05-01
  EXPECT_EQ(early_by("offered_group_session"), "2");
  EXPECT_EQ(early_by("offered_coaching"), "2");
  EXPECT_EQ(early_by("weeks_to_job"), "");
  // The route of the PIP in force.
  EXPECT_EQ(by["route"], std::string(to_string(t.current_plan()->content.route)));
}

}  // namespace
}  // namespace inburgering::programme
