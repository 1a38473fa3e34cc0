// The team lead's report (monitoring/team_report.hpp): one HTML file with five inline SVG
// charts whose numbers are the store's, no data of persons, no script or network.
// (scripts/render-team-report.sh checks that Chromium draws it.)

#include <gtest/gtest.h>

#include <regex>

#include "support/builders.hpp"
#include "support/store_fixture.hpp"
#include "support/test_database.hpp"

namespace inburgering::monitoring {
namespace {

using test::d;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class TeamReport : public test::DatabaseTest {
 protected:
  void SetUp() override {
    test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    store_ = db_.open({.clock = std::make_shared<FixedClock>(d("2026-11-23"))});
    synthetic::Options options;
    options.seed = 9;
    options.as_of = d("2026-11-23");
    options.municipalities = {test::utrecht()};
    for (int i = 0; i < 300; ++i) trajectories_.push_back(synthetic::trajectory(options, i));
    // A caseworker id with characters HTML must escape.
    TrajectoryRecord r = test::registered().record();
    r.id = TrajectoryId(9000);
    r.caseworker = UserId("km<b>&co");
    trajectories_.push_back(Trajectory::from_record(r));
    std::vector<Trajectory> copy = trajectories_;
    store_->create_many(test::caseworker(), copy);
  }

  std::unique_ptr<storage::TrajectoryStore> store_;
  std::vector<Trajectory> trajectories_;
};

INSTANTIATE_TEST_SUITE_P(Backends, TeamReport, ::testing::ValuesIn(test::database_backends()),
                         test::backend_name);

TEST_P(TeamReport, FiveChartsFromTheStoresNumbers) {
  const std::string html =
      team_report_html(*store_, test::caseworker(), {.as_of = d("2026-11-23"), .weeks = 6});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* id : {"caseload", "deadlines", "routes", "cohorts", "caseworkers"}) {
    EXPECT_NE(html.find("<svg id=\"" + std::string(id) + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(count(html, "<svg"), 5u);
  // One bar per state, per week (and the overdue one), per route.
  const auto caseload = html.substr(html.find("id=\"caseload\""));
  EXPECT_EQ(count(caseload.substr(0, caseload.find("</svg>")), "<rect"), 9u);
  const auto deadlines = html.substr(html.find("id=\"deadlines\""));
  EXPECT_EQ(count(deadlines.substr(0, deadlines.find("</svg>")), "<rect"), 7u);
  // The total is the store's.
  EXPECT_NE(html.find("Stand 2026-11-23: " + std::to_string(trajectories_.size()) + " trajecten"),
            std::string::npos);
  // Dutch labels.
  EXPECT_NE(html.find("leerroute loopt"), std::string::npos);
  EXPECT_NE(html.find("Te late signalen per klantmanager"), std::string::npos);
  // Escaped, never raw.
  EXPECT_EQ(html.find("km<b>&co"), std::string::npos);
  EXPECT_NE(html.find("km&lt;b&gt;&amp;co"), std::string::npos);
}

TEST_P(TeamReport, NoPersonScriptOrNetwork) {
  const std::string html =
      team_report_html(*store_, test::caseworker(), {.as_of = d("2026-11-23")});
  for (const Trajectory& t : trajectories_) {
    EXPECT_EQ(html.find(t.participant().bsn.digits()), std::string::npos);
    EXPECT_EQ(html.find(t.participant().family_name), std::string::npos);
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find(" href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST_P(TeamReport, RefusesBadOptionsAndOtherMunicipalities) {
  EXPECT_THROW(
      team_report_html(*store_, test::caseworker(), {.as_of = d("2026-11-23"), .weeks = 0}),
      ValidationError);
  EXPECT_THROW(
      team_report_html(*store_, test::caseworker(), {.as_of = d("2026-11-23"), .weeks = 53}),
      ValidationError);
  EXPECT_THROW(team_report_html(*store_, test::caseworker(test::amersfoort()),
                                {.as_of = d("2026-11-23"), .municipality = test::utrecht()}),
               AccessDenied);
}

}  // namespace
}  // namespace inburgering::monitoring
