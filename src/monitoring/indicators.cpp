// The monitoring report: shares and medians from the store's counts, the disclosure rule, and
// the report as text, CSV and JSON (schema/monitoring-1.schema.json).

#include "inburgering/monitoring/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "inburgering/error.hpp"
#include "inburgering/storage/trajectory_store.hpp"
#include "inburgering/version.hpp"
#include "monitoring/disclosure.hpp"

namespace inburgering::monitoring {

namespace {

using detail::hide_share;
using detail::median;
using detail::NamedCounts;
using detail::number_text;
using detail::require_valid;
using detail::share;
using detail::suppress;
using nlohmann::json;

NamedCounts named(const CellCounts& c) {
  NamedCounts n;
  auto add = [&](std::string name, std::int64_t value) { return n.add(std::move(name), value); };
  const std::size_t trajectories = add("trajectories", c.trajectories);
  const std::size_t moved_in = add("moved_in", c.moved_in);
  const std::size_t intake_started = add("intake_started", c.intake_started);
  const std::size_t with_plan = add("with_plan", c.with_plan);
  const std::size_t judged = add("first_plan_judged", c.first_plan_judged);
  const std::size_t in_time = add("first_plan_in_time", c.first_plan_in_time);
  // The intake's share is of those not moved in (whose intake is this college's).
  const std::size_t here = n.add_internal("not_moved_in", c.trajectories - c.moved_in);
  n.sums.push_back({trajectories, {moved_in, here}});
  n.add_share("share_intake_started", intake_started, here);
  n.add_share("share_with_plan", with_plan, trajectories);
  n.add_share("share_first_plan_in_time", in_time, judged);
  NamedCounts::Sum routes{with_plan, {}};
  for (Route r : all_enumerators<Route>()) {
    const auto it = c.by_route.find(r);
    routes.parts.push_back(
        add("route." + std::string(to_string(r)), it == c.by_route.end() ? 0 : it->second));
  }
  n.sums.push_back(routes);
  const std::size_t due = add("interviews_due", c.interviews_due);
  const std::size_t held = add("interviews_held", c.interviews_held);
  n.add_share("share_interviews_held", held, due);
  add("persons_interviews_due", c.persons_interviews_due);
  const std::size_t eligible = add("unburdening_eligible", c.unburdening_eligible);
  const std::size_t unburdened = add("unburdened", c.unburdened);
  n.add_share("share_unburdened", unburdened, eligible);
  for (MunicipalFineKind k : all_enumerators<MunicipalFineKind>()) {
    const auto it = c.municipal_fines.find(k);
    add("fines." + std::string(to_string(k)), it == c.municipal_fines.end() ? 0 : it->second);
  }
  for (DuoFineKind k : all_enumerators<DuoFineKind>()) {
    const auto it = c.duo_fines.find(k);
    add("duo_fines." + std::string(to_string(k)), it == c.duo_fines.end() ? 0 : it->second);
  }
  // Running and closed together add up to the trajectories; the ends by reason to the ended.
  NamedCounts::Sum states{trajectories, {}};
  std::size_t ended = 0;
  for (TrajectoryState s : all_enumerators<TrajectoryState>()) {
    if (is_final(s)) continue;
    const auto it = c.running.find(s);
    states.parts.push_back(
        add("running." + std::string(to_string(s)), it == c.running.end() ? 0 : it->second));
  }
  for (TrajectoryState s : all_enumerators<TrajectoryState>()) {
    if (!is_final(s)) continue;
    const auto it = c.closed.find(s);
    const std::size_t at =
        add("closed." + std::string(to_string(s)), it == c.closed.end() ? 0 : it->second);
    states.parts.push_back(at);
    if (s == TrajectoryState::kEnded) ended = at;
  }
  n.sums.push_back(states);
  NamedCounts::Sum reasons{ended, {}};
  for (EndReason r : all_enumerators<EndReason>()) {
    const auto it = c.ended_by_reason.find(r);
    reasons.parts.push_back(
        add("ended." + std::string(to_string(r)), it == c.ended_by_reason.end() ? 0 : it->second));
  }
  n.sums.push_back(reasons);
  add("terms_ending", c.terms_ending);
  return n;
}

}  // namespace

IndicatorReport make_report(const std::vector<CellCounts>& cells, Date as_of,
                            int terms_ending_months, DisclosureRule rule) {
  require_valid(rule);
  IndicatorReport report;
  report.as_of = as_of;
  report.disclosure = rule;
  report.terms_ending_months = terms_ending_months;
  std::vector<const CellCounts*> ordered;
  for (const auto& c : cells) ordered.push_back(&c);
  std::sort(ordered.begin(), ordered.end(), [](const CellCounts* a, const CellCounts* b) {
    return std::tie(a->municipality, a->cohort, a->target_group) <
           std::tie(b->municipality, b->cohort, b->target_group);
  });
  for (const CellCounts* c : ordered) {
    IndicatorRow row{.municipality = c->municipality};
    row.cohort = c->cohort;
    row.target_group = c->target_group;
    const NamedCounts n = named(*c);
    // A cell of fewer persons than the rule allows shows nothing at all.
    const bool cell_too_small = rule.apply && c->trajectories < rule.min_count;
    const std::vector<bool> hide = suppress(n, rule, cell_too_small);
    for (std::size_t i = 0; i < n.all.size(); ++i) {
      if (n.internal[i]) continue;
      if (hide[i]) ++report.suppressed;
      row.counts.emplace_back(
          n.all[i].first,
          hide[i] ? Shown{std::nullopt, true} : Shown{static_cast<double>(n.all[i].second), false});
    }
    const auto hidden_count = [&](const char* name) {
      const std::size_t at = n.index(name);
      return at < hide.size() && hide[at];
    };
    // A share gives its numerator back from its base, and the rest of its base too: it is shown
    // only when none of the three is a small number of persons and neither count is hidden.
    const auto indicator = [&](const char* name, std::optional<double> value, std::int64_t part,
                               std::int64_t base, const char* part_name, const char* base_name) {
      const bool hidden =
          hide_share(rule, value, cell_too_small, part, base,
                     (part_name && hidden_count(part_name)) ||
                         (base_name && hidden_count(base_name)) || n.share_touches(name, hide));
      if (hidden) ++report.suppressed;
      row.indicators.emplace_back(name, hidden ? Shown{std::nullopt, true} : Shown{value, false});
    };
    const std::int64_t here = c->trajectories - c->moved_in;
    const auto days = static_cast<std::int64_t>(c->days_to_intake.size());
    indicator("share_intake_started", share(c->intake_started, here), c->intake_started, here,
              "intake_started", nullptr);
    // A median is one person's value: shown only from enough persons.
    indicator("median_days_to_intake", median(c->days_to_intake), days, days, "intake_started",
              nullptr);
    indicator("share_with_plan", share(c->with_plan, c->trajectories), c->with_plan,
              c->trajectories, "with_plan", "trajectories");
    indicator("share_first_plan_in_time", share(c->first_plan_in_time, c->first_plan_judged),
              c->first_plan_in_time, c->first_plan_judged, "first_plan_in_time",
              "first_plan_judged");
    // Interview compliance is judged by the persons behind the interviews too (one person's
    // interviews are one person), besides the interviews held, due and missed.
    indicator("share_interviews_held", share(c->interviews_held, c->interviews_due),
              c->persons_interviews_due, c->persons_interviews_due, "interviews_held",
              "persons_interviews_due");
    indicator("share_unburdened", share(c->unburdened, c->unburdening_eligible), c->unburdened,
              c->unburdening_eligible, "unburdened", "unburdening_eligible");
    report.rows.push_back(std::move(row));
  }
  return report;
}

std::string to_csv(const IndicatorReport& report) {
  // The names come from the counts of an empty cell, so an empty report has the same header.
  const IndicatorReport empty =
      make_report({CellCounts{.municipality = MunicipalityCode("0344")}}, report.as_of, 1, {});
  std::ostringstream out;
  out << "municipality,cohort,target_group"
      << detail::csv_header_cells(empty.rows.front().counts, empty.rows.front().indicators);
  for (const auto& row : report.rows) {
    out << row.municipality.to_string() << "," << row.cohort << "," << to_string(row.target_group)
        << detail::csv_cells(row.counts, row.indicators, report.as_of, report.disclosure);
  }
  return out.str();
}

std::string to_json(const IndicatorReport& report) {
  json rows = json::array();
  for (const auto& row : report.rows) {
    json shown = detail::row_json(row.counts, row.indicators);
    shown["municipality"] = row.municipality.to_string();
    shown["cohort"] = row.cohort;
    shown["target_group"] = to_string(row.target_group);
    rows.push_back(std::move(shown));
  }
  return json{{"schema", "inburgering-monitoring"},
              {"version", 1},
              {"library_version", kVersion},
              {"as_of", to_iso(report.as_of)},
              {"terms_ending_months", report.terms_ending_months},
              {"disclosure",
               {{"applied", report.disclosure.apply},
                {"min_count", report.disclosure.min_count},
                {"suppressed", report.suppressed}}},
              {"rows", rows}}
      .dump(2);
}

std::string to_text(const IndicatorReport& report, bool english) {
  const auto t = [&](const char* nl, const char* en) { return english ? en : nl; };
  std::ostringstream out;
  out << t("Monitoring inburgering, stand ", "Integration monitoring, as of ")
      << to_iso(report.as_of) << "\n";
  if (report.disclosure.apply) {
    out << t("Onthullingsbeheersing toegepast: aantallen van 1 tot ",
             "Disclosure control applied: counts of 1 to ")
        << report.disclosure.min_count - 1
        << t(" personen, en aandelen uit cellen met minder dan ",
             " persons, and shares from cells with fewer than ")
        << report.disclosure.min_count
        << t(" personen, zijn onderdrukt (*): ", " persons, are suppressed (*): ")
        << report.suppressed << t(" getallen.\n", " numbers.\n");
  } else {
    out << t("Niet onderdrukt: alleen voor gebruik binnen de gemeente.\n",
             "Not suppressed: for use within the municipality only.\n");
  }
  for (const auto& row : report.rows) {
    out << "\n"
        << t("Gemeente ", "Municipality ") << row.municipality.to_string() << ", cohort "
        << row.cohort << ", "
        << (english ? std::string(to_string(row.target_group))
                    : std::string(label_nl(row.target_group)))
        << "\n";
    const auto print = [&](const std::vector<std::pair<std::string, Shown>>& list, bool skip_zero) {
      for (const auto& [name, shown] : list) {
        // Zero counts are left out of the text (not of CSV or JSON).
        if (skip_zero && !shown.suppressed && shown.value && *shown.value == 0) continue;
        // Names in a column, so that the numbers line up.
        out << detail::text_line(name, shown, 33);
      }
    };
    print(row.indicators, false);
    print(row.counts, true);
  }
  return out.str();
}

}  // namespace inburgering::monitoring

namespace inburgering::storage {

monitoring::IndicatorReport TrajectoryStore::indicators(
    const Actor& actor, const monitoring::IndicatorOptions& options) {
  // The rule is checked before the database is read.
  monitoring::detail::require_valid(options.disclosure);
  return monitoring::make_report(monitoring_cells(actor, options), options.as_of,
                                 options.terms_ending_months, options.disclosure);
}

}  // namespace inburgering::storage
