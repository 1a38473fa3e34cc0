// Monitoring indicators (monitoring/indicators.hpp): the store's counts agree with counts made
// from the records themselves, the report's shares and medians, and the disclosure rule
// (primary and secondary suppression) in every output form.

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <set>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/builders.hpp"
#include "support/json_schema.hpp"
#include "support/store_fixture.hpp"
#include "support/test_database.hpp"

namespace inburgering::monitoring {
namespace {

using nlohmann::json;
using test::d;

// ---- the report ------------------------------------------------------------------------------

CellCounts cell(int cohort, TargetGroup group, std::int64_t n) {
  CellCounts c{.municipality = MunicipalityCode("0344")};
  c.cohort = cohort;
  c.target_group = group;
  c.trajectories = n;
  return c;
}

const Shown& named(const std::vector<std::pair<std::string, Shown>>& list,
                   const std::string& name) {
  const auto it = std::find_if(list.begin(), list.end(),
                               [&](const auto& entry) { return entry.first == name; });
  if (it == list.end()) throw std::runtime_error("no " + name);
  return it->second;
}

TEST(MonitoringReport, SharesMediansAndOrder) {
  CellCounts a = cell(2024, TargetGroup::kFamilyMigrant, 10);
  a.intake_started = 8;
  a.days_to_intake = {3, 5, 9, 20, 21, 30, 31, 40};  // even: the mean of the middle two
  a.with_plan = 5;
  a.first_plan_judged = 5;
  a.first_plan_in_time = 4;
  a.interviews_due = 6;
  a.interviews_held = 3;
  CellCounts b = cell(2023, TargetGroup::kAsylumPermitHolder, 7);
  b.days_to_intake = {4, 8, 100};
  b.unburdening_eligible = 7;
  b.unburdened = 7;
  const IndicatorReport report = make_report({a, b}, d("2026-12-07"), 6, {});
  ASSERT_EQ(report.rows.size(), 2u);
  EXPECT_EQ(report.rows[0].cohort, 2023);  // ordered by municipality, cohort, target group
  EXPECT_EQ(named(report.rows[0].indicators, "median_days_to_intake").value, 8.0);
  EXPECT_EQ(named(report.rows[0].indicators, "share_unburdened").value, 1.0);
  EXPECT_FALSE(named(report.rows[0].indicators, "share_first_plan_in_time").value);  // no PIP
  const auto& row = report.rows[1];
  EXPECT_EQ(named(row.indicators, "share_intake_started").value, 0.8);
  EXPECT_EQ(named(row.indicators, "median_days_to_intake").value, 20.5);
  EXPECT_EQ(named(row.indicators, "share_with_plan").value, 0.5);
  EXPECT_EQ(named(row.indicators, "share_first_plan_in_time").value, 0.8);
  EXPECT_EQ(named(row.indicators, "share_interviews_held").value, 0.5);
  EXPECT_EQ(named(row.counts, "trajectories").value, 10.0);
  EXPECT_EQ(report.suppressed, 0);
}

TEST(MonitoringReport, DisclosureRuleSuppressesSmallCountsAndWhatWouldRevealThem) {
  CellCounts c = cell(2024, TargetGroup::kAsylumPermitHolder, 20);
  c.intake_started = 18;
  c.days_to_intake = std::vector<std::int64_t>(18, 10);
  c.with_plan = 16;
  c.first_plan_judged = 16;
  c.first_plan_in_time = 12;
  c.by_route = {{Route::kB1, 11}, {Route::kEducation, 2}, {Route::kZ, 3}};
  c.municipal_fines[MunicipalFineKind::kIntake] = 1;
  c.running = {{TrajectoryState::kRoute, 16}};
  c.closed = {{TrajectoryState::kCompleted, 4}};
  c.unburdening_eligible = 20;
  c.unburdened = 10;
  CellCounts tiny = cell(2025, TargetGroup::kFamilyMigrant, 3);
  tiny.intake_started = 3;
  tiny.days_to_intake = {1, 2, 3};
  const IndicatorReport open = make_report({c, tiny}, d("2026-12-07"), 6, {});
  EXPECT_EQ(open.suppressed, 0);
  EXPECT_EQ(named(open.rows[0].counts, "route.education").value, 2.0);

  const IndicatorReport report =
      make_report({c, tiny}, d("2026-12-07"), 6, {.apply = true, .min_count = 5});
  const auto& row = report.rows[0];
  // Primary: 1 to 4 persons.
  EXPECT_TRUE(named(row.counts, "route.education").suppressed);
  EXPECT_TRUE(named(row.counts, "route.z").suppressed);
  EXPECT_TRUE(named(row.counts, "fines.intake").suppressed);
  EXPECT_TRUE(named(row.counts, "closed.completed").suppressed);
  // 0 and 5 or more stay, where no sum would give a hidden one back.
  EXPECT_EQ(named(row.counts, "route.b1").value, 11.0);
  EXPECT_EQ(named(row.counts, "fines.cooperation").value, 0.0);
  EXPECT_EQ(named(row.counts, "trajectories").value, 20.0);
  EXPECT_EQ(named(row.indicators, "share_unburdened").value, 0.5);
  EXPECT_TRUE(named(row.indicators, "share_with_plan").suppressed);  // 4 without a PIP
  // Secondary: completed (4) is the one hidden part of 20 = 16 running + 4 completed, so the
  // running 16 goes too (the smallest other non-zero member).
  EXPECT_TRUE(named(row.counts, "running.route").suppressed);
  EXPECT_FALSE(named(row.counts, "closed.ended").suppressed);  // 0 stays
  // Shares whose numerator, or the rest of whose base, is small are hidden: 18 of 20 started
  // (2 did not), 12 of 16 in time (4 late).
  EXPECT_TRUE(named(row.indicators, "share_intake_started").suppressed);
  EXPECT_TRUE(named(row.indicators, "share_first_plan_in_time").suppressed);
  // A cell of fewer than 5 persons shows nothing, not even its zeros.
  const auto& small = report.rows[1];
  for (const auto& [name, shown] : small.counts) EXPECT_TRUE(shown.suppressed) << name;
  for (const auto& [name, shown] : small.indicators) EXPECT_TRUE(shown.suppressed) << name;
  int hidden = 0;
  for (const auto& r : report.rows) {
    for (const auto& list : {r.counts, r.indicators}) {
      for (const auto& [name, shown] : list) hidden += shown.suppressed ? 1 : 0;
    }
  }
  EXPECT_EQ(report.suppressed, hidden);

  // The forms: CSV leaves the field empty and counts them; JSON has null and names them; the
  // text marks them and says the rule was applied.
  const std::string csv = to_csv(report);
  EXPECT_NE(csv.find("as_of,disclosure_min_count,suppressed_in_row"), std::string::npos);
  EXPECT_NE(csv.find(",2026-12-07,5,"), std::string::npos);
  EXPECT_EQ(csv.find(",2,"), std::string::npos);  // the two in the education route is not there
  const json doc = json::parse(to_json(report));
  EXPECT_TRUE(doc["rows"][0]["counts"]["route.education"].is_null());
  EXPECT_EQ(doc["disclosure"]["applied"], true);
  EXPECT_EQ(doc["disclosure"]["suppressed"], report.suppressed);
  EXPECT_NE(doc["rows"][0]["suppressed"].dump().find("route.z"), std::string::npos);
  const std::string text = to_text(report);
  EXPECT_NE(text.find("Onthullingsbeheersing toegepast"), std::string::npos);
  EXPECT_NE(text.find("*"), std::string::npos);
  EXPECT_NE(to_text(open).find("alleen voor gebruik binnen de gemeente"), std::string::npos);
  // An empty report has the same CSV header.
  const std::string none = to_csv(make_report({}, d("2026-12-07"), 6, {}));
  EXPECT_EQ(none, csv.substr(0, csv.find('\n') + 1));
}

TEST(MonitoringReport, SuppressionFollowsLinkedSums) {
  // 20 = 11 running + 3 completed + 6 ended, and the 6 ended = 6 left the country. Hiding the 3
  // hides the 6 ended; the ends by reason would give the 6 back, so the 6 by reason goes too.
  CellCounts c = cell(2024, TargetGroup::kFamilyMigrant, 20);
  c.running = {{TrajectoryState::kRoute, 11}};
  c.closed = {{TrajectoryState::kCompleted, 3}, {TrajectoryState::kEnded, 6}};
  c.ended_by_reason = {{EndReason::kLeftCountry, 6}};
  const IndicatorReport report = make_report({c}, d("2026-12-07"), 6, {.apply = true});
  const auto& row = report.rows[0];
  EXPECT_TRUE(named(row.counts, "closed.completed").suppressed);
  EXPECT_TRUE(named(row.counts, "closed.ended").suppressed);
  EXPECT_TRUE(named(row.counts, "ended.left_country").suppressed);
  EXPECT_FALSE(named(row.counts, "running.route").suppressed);
}

TEST(MonitoringReport, SecondarySuppressionHidesTheNextSmallestPart) {
  CellCounts c = cell(2024, TargetGroup::kAsylumPermitHolder, 30);
  c.with_plan = 30;
  c.by_route = {{Route::kB1, 20}, {Route::kEducation, 2}, {Route::kZ, 8}};
  const IndicatorReport report = make_report({c}, d("2026-12-07"), 6, {.apply = true});
  const auto& row = report.rows[0];
  EXPECT_TRUE(named(row.counts, "route.education").suppressed);
  EXPECT_TRUE(named(row.counts, "route.z").suppressed);  // else 30 - 20 - 8 gives the 2
  EXPECT_FALSE(named(row.counts, "route.b1").suppressed);
}

TEST(MonitoringReport, AShareGivesNoSmallRestBack) {
  // 9 of 12 with a PIP: the 3 without one would follow from the 9 and the 12, so the 9 is
  // hidden with the share; 6 of 12 shows all.
  CellCounts c = cell(2024, TargetGroup::kAsylumPermitHolder, 12);
  c.with_plan = 9;
  c.by_route = {{Route::kB1, 9}};
  const IndicatorReport r = make_report({c}, d("2026-12-07"), 6, {.apply = true});
  EXPECT_TRUE(named(r.rows[0].counts, "with_plan").suppressed);
  EXPECT_TRUE(named(r.rows[0].indicators, "share_with_plan").suppressed);
  EXPECT_FALSE(named(r.rows[0].counts, "trajectories").suppressed);
  c.with_plan = 6;
  c.by_route = {{Route::kB1, 6}};
  const IndicatorReport shown = make_report({c}, d("2026-12-07"), 6, {.apply = true});
  EXPECT_FALSE(named(shown.rows[0].counts, "with_plan").suppressed);
  EXPECT_EQ(named(shown.rows[0].indicators, "share_with_plan").value, 0.5);
}

TEST(MonitoringReport, TheIntakeShareGivesNoHiddenMovedInBack) {
  // 2 of 30 moved in: hidden. The intake share is of the 28 others, so 20 / share would give
  // the 28 and so the 2: the share is hidden too.
  CellCounts c = cell(2024, TargetGroup::kAsylumPermitHolder, 30);
  c.moved_in = 2;
  c.intake_started = 20;
  const IndicatorReport r = make_report({c}, d("2026-12-07"), 6, {.apply = true});
  EXPECT_TRUE(named(r.rows[0].counts, "moved_in").suppressed);
  EXPECT_TRUE(named(r.rows[0].indicators, "share_intake_started").suppressed);
  // Without anyone moved in, the share shows.
  c.moved_in = 0;
  const IndicatorReport shown = make_report({c}, d("2026-12-07"), 6, {.apply = true});
  EXPECT_EQ(named(shown.rows[0].indicators, "share_intake_started").value, 20.0 / 30.0);
}

TEST(MonitoringReport, ValidatesAgainstItsSchema) {
  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) +
                   "/../../schema/monitoring-1.schema.json");
  const json rules = json::parse(in);
  CellCounts c = cell(2024, TargetGroup::kAsylumPermitHolder, 12);
  c.by_route = {{Route::kB1, 3}};
  for (const DisclosureRule rule : {DisclosureRule{}, DisclosureRule{.apply = true}}) {
    const json doc = json::parse(to_json(make_report({c}, d("2026-12-07"), 6, rule)));
    EXPECT_EQ(test::violation(doc, rules, rules), "");
  }
  json broken = json::parse(to_json(make_report({c}, d("2026-12-07"), 6, {})));
  broken["rows"][0].erase("cohort");
  EXPECT_EQ(test::violation(broken, rules, rules), "/rows/0/cohort: required");
}

TEST(MonitoringReport, RejectsARuleOutOfBounds) {
  EXPECT_THROW(make_report({}, d("2026-12-07"), 6, {.apply = true, .min_count = 1}),
               ValidationError);
  EXPECT_THROW(make_report({}, d("2026-12-07"), 6, {.apply = true, .min_count = 101}),
               ValidationError);
}

// ---- the store's counts ------------------------------------------------------------------------

/// The counts of `trajectories` made here from the records, the way the indicators define them:
/// the oracle the store's aggregate must agree with.
std::map<std::pair<int, TargetGroup>, CellCounts> expected_cells(
    const std::vector<Trajectory>& trajectories, Date saved_on, Date as_of, int months) {
  std::map<std::pair<int, TargetGroup>, CellCounts> out;
  for (const Trajectory& t : trajectories) {
    const TrajectoryRecord& r = t.record();
    auto& c = out.try_emplace({static_cast<int>(r.obligation.duo_notice_date.year()),
                               r.participant.target_group},
                              CellCounts{.municipality = r.municipality})
                  .first->second;
    c.cohort = static_cast<int>(r.obligation.duo_notice_date.year());
    c.target_group = r.participant.target_group;
    ++c.trajectories;
    const bool moved_in = r.transfer_in.has_value();
    if (moved_in) ++c.moved_in;
    if (const auto started = r.intake.started_on(); started && !moved_in) {
      ++c.intake_started;
      c.days_to_intake.push_back((*started - r.obligation.duo_notice_date).days());
    }
    if (!r.plan_versions.empty()) {
      ++c.with_plan;
      if (!moved_in && r.plan_versions.front().due_by) {
        ++c.first_plan_judged;
        if (!t.is_late(r.plan_versions.front())) ++c.first_plan_in_time;
      }
      ++c.by_route[t.current_plan()->content.route];
    }
    int due = 0;
    for (const auto& i : r.interviews) {
      if (i.scheduled_on > saved_on) continue;
      ++due;
      ++c.interviews_due;
      if (i.held_on) ++c.interviews_held;
    }
    if (due > 0) ++c.persons_interviews_due;
    if (r.participant.target_group == TargetGroup::kAsylumPermitHolder) ++c.unburdening_eligible;
    if (r.unburdening) ++c.unburdened;
    // Persons fined, per kind.
    std::set<MunicipalFineKind> fined;
    for (const auto& f : r.municipal_fines) {
      if (f.stands_on(saved_on)) fined.insert(f.kind);
    }
    for (MunicipalFineKind k : all_enumerators<MunicipalFineKind>()) {
      c.municipal_fines[k] += fined.count(k) ? 1 : 0;
    }
    std::set<DuoFineKind> fined_by_duo;
    for (const auto& f : r.duo_fines) fined_by_duo.insert(f.kind);
    for (DuoFineKind k : all_enumerators<DuoFineKind>()) {
      c.duo_fines[k] += fined_by_duo.count(k) ? 1 : 0;
    }
    if (!is_final(r.state)) ++c.running[r.state];
    if (r.closure) {
      ++c.closed[r.state];
      if (r.closure->end_reason) ++c.ended_by_reason[*r.closure->end_reason];
    }
    if (r.state == TrajectoryState::kRoute && r.term) {
      const Date end = *t.term_end(saved_on);
      if (end >= as_of && end <= last_day_of_period(as_of, months)) ++c.terms_ending;
    }
  }
  for (auto& [key, c] : out) std::sort(c.days_to_intake.begin(), c.days_to_intake.end());
  return out;
}

class MonitoringStore : public test::DatabaseTest {
 protected:
  void SetUp() override {
    clock_ = std::make_shared<FixedClock>(d("2026-11-23"));
    test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    store_ = db_.open({.clock = clock_});
    synthetic::Options options;
    options.seed = 11;
    options.as_of = d("2026-11-23");
    options.municipalities = {test::utrecht()};
    for (int i = 0; i < 400; ++i) trajectories_.push_back(synthetic::trajectory(options, i));
    std::vector<Trajectory> copy = trajectories_;
    store_->create_many(test::caseworker(), copy);
  }

  std::shared_ptr<FixedClock> clock_;
  std::unique_ptr<storage::TrajectoryStore> store_;
  std::vector<Trajectory> trajectories_;
};

INSTANTIATE_TEST_SUITE_P(Backends, MonitoringStore, ::testing::ValuesIn(test::database_backends()),
                         test::backend_name);

TEST_P(MonitoringStore, CountsAgreeWithTheRecords) {
  const auto cells = store_->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")});
  const auto expected = expected_cells(trajectories_, d("2026-11-23"), d("2026-11-23"), 6);
  ASSERT_EQ(cells.size(), expected.size());
  std::int64_t total = 0;
  for (const CellCounts& c : cells) {
    SCOPED_TRACE(std::to_string(c.cohort) + " " + std::string(to_string(c.target_group)));
    const CellCounts& e = expected.at({c.cohort, c.target_group});
    EXPECT_EQ(c, e);
    total += c.trajectories;
  }
  EXPECT_EQ(total, 400);
  // The sample is rich enough for every count to be tested with something in it.
  std::int64_t plans = 0, held = 0, unburdened = 0, closed = 0, ending = 0, fines = 0;
  for (const auto& c : cells) {
    plans += c.with_plan;
    held += c.interviews_held;
    unburdened += c.unburdened;
    ending += c.terms_ending;
    for (const auto& [s, n] : c.closed) closed += n;
    for (const auto& [k, n] : c.municipal_fines) fines += n;
  }
  EXPECT_GT(plans, 100);
  EXPECT_GT(held, 50);
  EXPECT_GT(unburdened, 20);
  EXPECT_GT(closed, 10);
  EXPECT_GT(ending, 5);
  EXPECT_GT(fines, 0);
}

TEST_P(MonitoringStore, FollowsSavesAndErasures) {
  const auto before = store_->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")});
  // A trajectory on its route holds an interview that was due: compliance rises by one.
  Trajectory* pick = nullptr;
  for (auto& t : trajectories_) {
    if (t.state() != TrajectoryState::kRoute) continue;
    const auto& list = t.record().interviews;
    if (std::any_of(list.begin(), list.end(), [](const ProgressInterview& i) {
          return !i.held() && i.scheduled_on <= d("2026-11-23");
        })) {
      pick = &t;
      break;
    }
  }
  ASSERT_NE(pick, nullptr);
  Trajectory loaded = store_->load(test::caseworker(), pick->id());
  loaded.record_progress_interview(d("2026-11-23"), ProgressAssessment::kOnTrack, "besproken");
  store_->save(test::caseworker(), loaded);
  const auto key =
      std::make_pair(static_cast<int>(loaded.record().obligation.duo_notice_date.year()),
                     loaded.participant().target_group);
  const auto find = [&](const std::vector<CellCounts>& cells) {
    return *std::find_if(cells.begin(), cells.end(), [&](const CellCounts& c) {
      return std::make_pair(c.cohort, c.target_group) == key;
    });
  };
  const auto after = store_->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")});
  EXPECT_EQ(find(after).interviews_held, find(before).interviews_held + 1);
  // An erased person counts in none.
  store_->erase_person(test::privacy_officer(), loaded.participant().bsn, "AVG art. 17");
  const auto erased = store_->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")});
  EXPECT_EQ(find(erased).trajectories, find(before).trajectories - 1);
}

TEST_P(MonitoringStore, TermsEndingCountFromTheReportsDayOnBothBoundaries) {
  // A report on another day than the save: the facts are as saved, the window the report's.
  Date end;
  for (const auto& t : trajectories_) {
    if (t.state() == TrajectoryState::kRoute && t.record().term) {
      end = *t.term_end(d("2026-11-23"));
      break;
    }
  }
  ASSERT_FALSE(end.is_not_a_date());
  for (const Date as_of :
       {end, first_day_of_period_ending(end, 6), end + boost::gregorian::days(1),
        first_day_of_period_ending(end, 6) - boost::gregorian::days(1), d("2027-01-15")}) {
    SCOPED_TRACE(to_iso(as_of));
    const auto expected = expected_cells(trajectories_, d("2026-11-23"), as_of, 6);
    for (const CellCounts& c : store_->monitoring_cells(test::caseworker(), {.as_of = as_of})) {
      EXPECT_EQ(c.terms_ending, expected.at({c.cohort, c.target_group}).terms_ending);
    }
  }
}

TEST_P(MonitoringStore, RefreshAndPurgeKeepTheFactsCurrent) {
  const auto total = [&](auto field) {
    std::int64_t sum = 0;
    for (const auto& c : store_->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")})) {
      sum += field(c);
    }
    return sum;
  };
  const auto due = [](const CellCounts& c) { return c.interviews_due; };
  const auto all = [](const CellCounts& c) { return c.trajectories; };
  const std::int64_t due_before = total(due);
  // Half a year later the nightly refresh counts the interviews that fell due since.
  clock_->set(d("2027-06-01"));
  store_->refresh_deadlines(test::caseworker(), d("2027-06-01"));
  EXPECT_GT(total(due), due_before);
  // A purge removes the purged trajectories' facts.
  clock_->set(d("2040-01-01"));
  const auto purged = store_->purge_expired(test::privacy_officer(), d("2040-01-01"));
  ASSERT_FALSE(purged.purged.empty());
  EXPECT_EQ(total(all), 400 - static_cast<std::int64_t>(purged.purged.size()));
}

TEST_P(MonitoringStore, TenancyAndBadOptions) {
  EXPECT_THROW(
      store_->monitoring_cells(test::caseworker(test::amersfoort()),
                               {.as_of = d("2026-11-23"), .municipality = test::utrecht()}),
      AccessDenied);
  EXPECT_TRUE(
      store_->monitoring_cells(test::caseworker(test::amersfoort()), {.as_of = d("2026-11-23")})
          .empty());
  EXPECT_EQ(store_
                ->monitoring_cells(test::regional(),
                                   {.as_of = d("2026-11-23"), .municipality = test::utrecht()})
                .size(),
            store_->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")}).size());
  EXPECT_THROW(store_->monitoring_cells(test::caseworker(),
                                        {.as_of = d("2026-11-23"), .terms_ending_months = 0}),
               ValidationError);
  // The report applies the rule, and refuses a bad one before reading anything.
  const auto report = store_->indicators(test::caseworker(),
                                         {.as_of = d("2026-11-23"), .disclosure = {.apply = true}});
  EXPECT_GT(report.suppressed, 0);
  EXPECT_THROW(
      store_->indicators(test::caseworker(),
                         {.as_of = d("2026-11-23"), .disclosure = {.apply = true, .min_count = 0}}),
      ValidationError);
}

TEST(MonitoringMigration, Version9FillsTheFactsOfAnOlderFile) {
  test::TempDir dir;
  const std::string path = dir.file("old.db");
  auto clock = std::make_shared<FixedClock>(d("2026-11-23"));
  std::vector<CellCounts> fresh;
  {
    auto store = storage::SqliteStore::open(path, {.clock = clock});
    synthetic::Options options;
    options.as_of = d("2026-11-23");
    options.municipalities = {test::utrecht()};
    std::vector<Trajectory> list;
    for (int i = 0; i < 60; ++i) list.push_back(synthetic::trajectory(options, i));
    store->create_many(test::caseworker(), list);
    fresh = store->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")});
  }
  {
    // Back to what 0.7 wrote: schema 8, no facts.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TABLE trajectory_fact; PRAGMA user_version = 8");
  }
  auto store = storage::SqliteStore::open(path, {.clock = clock});
  EXPECT_EQ(store->schema_version(), storage::SqliteStore::latest_schema_version());
  EXPECT_EQ(store->monitoring_cells(test::caseworker(), {.as_of = d("2026-11-23")}), fresh);
}

}  // namespace
}  // namespace inburgering::monitoring
