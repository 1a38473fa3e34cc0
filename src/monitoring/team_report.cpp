// The team lead's report (monitoring/team_report.hpp): counts from the store, drawn as inline
// SVG bar charts in one HTML file.

#include "inburgering/monitoring/team_report.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

#include "inburgering/error.hpp"
#include "inburgering/storage/trajectory_store.hpp"
#include "inburgering/version.hpp"

namespace inburgering::monitoring {

namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct Bar {
  std::string label;
  double value = 0;
  /// Shown after the bar, e.g. "12" or "48 %".
  std::string text;
  /// A colour class: "" (normal), "late", "done".
  std::string kind;
};

/// A horizontal bar chart: one bar per row, scaled to the largest value.
std::string bar_chart(const std::string& id, const std::vector<Bar>& bars, double scale_max = 0) {
  constexpr int kLabel = 230, kWidth = 420, kRow = 26;
  double max = scale_max;
  for (const auto& b : bars) max = std::max(max, b.value);
  const int height = std::max(1, static_cast<int>(bars.size())) * kRow + 8;
  std::ostringstream svg;
  svg << "<svg id=\"" << id << "\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
      << kLabel + kWidth + 130 << "\" height=\"" << height << "\" role=\"img\">\n";
  if (bars.empty()) {
    svg << "  <text x=\"0\" y=\"18\">geen</text>\n";
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = static_cast<int>(i) * kRow + 4;
    const int width = max > 0 ? static_cast<int>(b.value / max * kWidth + 0.5) : 0;
    svg << "  <text x=\"" << kLabel - 8 << "\" y=\"" << y + 16 << "\" text-anchor=\"end\">"
        << escape(b.label) << "</text>\n"
        << "  <rect class=\"bar " << b.kind << "\" x=\"" << kLabel << "\" y=\"" << y
        << "\" width=\"" << std::max(width, b.value > 0 ? 2 : 0) << "\" height=\"" << kRow - 6
        << "\"/>\n"
        << "  <text x=\"" << kLabel + std::max(width, 2) + 6 << "\" y=\"" << y + 16 << "\">"
        << escape(b.text) << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  return std::to_string((part * 100 + whole / 2) / whole) + " %";
}

}  // namespace

std::string team_report_html(storage::TrajectoryStore& store, const storage::Actor& actor,
                             const TeamReportOptions& options) {
  if (options.weeks < 1 || options.weeks > 52) {
    throw ValidationError("team_report.weeks", "must be between 1 and 52",
                          std::to_string(options.weeks));
  }
  require_valid(options.as_of, "team_report.as_of");
  const MunicipalityCode municipality = options.municipality.value_or(actor.municipality);
  const auto cells = store.monitoring_cells(
      actor, {.as_of = options.as_of, .municipality = municipality, .terms_ending_months = 6});

  // The worklist up to the horizon: overdue per caseworker, and per week ahead.
  const Date horizon = options.as_of + boost::gregorian::weeks(options.weeks);
  std::map<std::string, std::int64_t> overdue_by_caseworker;
  std::int64_t overdue = 0;
  std::vector<std::int64_t> per_week(static_cast<std::size_t>(options.weeks), 0);
  storage::PageRequest page{.after = "", .limit = 1000};
  while (true) {
    const auto got = store.worklist(actor, horizon, {.municipality = municipality}, page);
    for (const auto& item : got.items) {
      if (item.signal.due_on < options.as_of) {
        ++overdue;
        ++overdue_by_caseworker[item.caseworker.value()];
      } else {
        const auto week = (item.signal.due_on - options.as_of).days() / 7;
        if (week >= 0 && week < options.weeks) ++per_week[static_cast<std::size_t>(week)];
      }
    }
    if (got.next.empty()) break;
    page.after = got.next;
  }

  std::map<TrajectoryState, std::int64_t> by_state;
  std::map<Route, std::int64_t> by_route;
  std::int64_t total = 0;
  struct Cohort {
    std::int64_t n = 0, intake = 0, plan = 0, completed = 0;
  };
  std::map<int, Cohort> cohorts;
  std::int64_t terms_ending = 0;
  for (const auto& c : cells) {
    total += c.trajectories;
    for (const auto& [state, n] : c.running) by_state[state] += n;
    for (const auto& [state, n] : c.closed) by_state[state] += n;
    // The route of every trajectory with a PIP, closed ones included (as the counts hold it).
    for (const auto& [route, n] : c.by_route) by_route[route] += n;
    Cohort& co = cohorts[c.cohort];
    co.n += c.trajectories;
    co.intake += c.intake_started;
    co.plan += c.with_plan;
    const auto done = c.closed.find(TrajectoryState::kCompleted);
    co.completed += done == c.closed.end() ? 0 : done->second;
    terms_ending += c.terms_ending;
  }

  std::vector<Bar> states;
  for (TrajectoryState s : all_enumerators<TrajectoryState>()) {
    const auto n = by_state.count(s) ? by_state.at(s) : 0;
    states.push_back({std::string(label_nl(s)), static_cast<double>(n), std::to_string(n),
                      s == TrajectoryState::kCompleted ? "done" : ""});
  }
  std::vector<Bar> weeks;
  weeks.push_back({"te laat", static_cast<double>(overdue), std::to_string(overdue), "late"});
  for (int w = 0; w < options.weeks; ++w) {
    const Date from = options.as_of + boost::gregorian::days(7 * w);
    const auto n = per_week[static_cast<std::size_t>(w)];
    weeks.push_back({"week van " + to_iso(from), static_cast<double>(n), std::to_string(n), ""});
  }
  std::vector<Bar> routes;
  std::int64_t with_route = 0;
  for (const auto& [route, n] : by_route) with_route += n;
  for (Route r : all_enumerators<Route>()) {
    const auto n = by_route.count(r) ? by_route.at(r) : 0;
    routes.push_back({std::string(label_nl(r)), static_cast<double>(n),
                      std::to_string(n) + " (" + percent(n, with_route) + ")", ""});
  }
  std::vector<Bar> progress;
  for (const auto& entry : cohorts) {
    // (Not a structured binding: clang 14 cannot capture one in the lambda below.)
    const int year = entry.first;
    const Cohort& co = entry.second;
    const auto share = [&](std::int64_t part) {
      return co.n > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(co.n) : 0.0;
    };
    const std::string y = std::to_string(year);
    progress.push_back({y + ": intake begonnen", share(co.intake), percent(co.intake, co.n), ""});
    progress.push_back({y + ": PIP vastgesteld", share(co.plan), percent(co.plan, co.n), ""});
    progress.push_back(
        {y + ": afgerond", share(co.completed), percent(co.completed, co.n), "done"});
  }
  std::vector<std::pair<std::string, std::int64_t>> late(overdue_by_caseworker.begin(),
                                                         overdue_by_caseworker.end());
  std::stable_sort(late.begin(), late.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<Bar> caseworkers;
  for (const auto& [user, n] : late) {
    caseworkers.push_back({user, static_cast<double>(n), std::to_string(n), "late"});
  }

  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<title>Teamrapportage inburgering " << municipality.to_string() << " "
       << to_iso(options.as_of) << "</title>\n<style>\n"
       << "body{font-family:sans-serif;margin:2em;color:#1a1a1a;max-width:60em}\n"
       << "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}\n"
       << ".chart text{font-size:13px;fill:#1a1a1a}\n"
       << ".bar{fill:#154273}.bar.late{fill:#d52b1e}.bar.done{fill:#39870c}\n"
       << "p.note{color:#555;font-size:.9em}\n"
       << "table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:right}\n"
       << "</style>\n</head>\n<body>\n"
       << "<h1>Teamrapportage inburgering, gemeente " << municipality.to_string() << "</h1>\n"
       << "<p>Stand " << to_iso(options.as_of) << ": " << total << " trajecten, " << overdue
       << " te late signalen, " << terms_ending
       << " inburgeringstermijnen die binnen zes maanden aflopen.</p>\n"
       << "<h2>Caseload naar status</h2>\n"
       << bar_chart("caseload", states) << "<h2>Termijnen in de komende " << options.weeks
       << " weken</h2>\n"
       << "<p class=\"note\">Signalen van de werklijst per week waarin ze vallen; de rode balk "
          "telt wat al te laat is.</p>\n"
       << bar_chart("deadlines", weeks) << "<h2>Leerroutes</h2>\n"
       << "<p class=\"note\">De route van het PIP in werking (of het laatste), van alle trajecten "
          "met een PIP.</p>\n"
       << bar_chart("routes", routes) << "<h2>Voortgang per cohort</h2>\n"
       << "<p class=\"note\">Cohort: het jaar van de kennisgeving van DUO. Aandeel van het cohort "
          "met een begonnen brede intake, een vastgesteld PIP, een afgerond traject.</p>\n"
       << bar_chart("cohorts", progress, 100) << "<h2>Te late signalen per klantmanager</h2>\n"
       << bar_chart("caseworkers", caseworkers) << "<p class=\"note\">Gemaakt met inburgering "
       << kVersion
       << ". Bevat geen gegevens van deelnemers, alleen aantallen en gebruikersnamen van "
          "klantmanagers; alleen voor gebruik binnen de gemeente (aantallen zijn niet "
          "onderdrukt). Termijnen zoals bekend bij de laatste opslag of nachtelijke "
          "herberekening.</p>\n"
       << "</body>\n</html>\n";
  return html.str();
}

}  // namespace inburgering::monitoring
