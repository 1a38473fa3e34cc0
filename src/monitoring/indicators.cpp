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

namespace inburgering::monitoring {

namespace {

using nlohmann::json;

/// The counts of a cell by stable name, with the breakdowns they belong to (for secondary
/// suppression: a breakdown whose parts add up to a known total).
struct NamedCounts {
  std::vector<std::pair<std::string, std::int64_t>> all;
  /// Index ranges into `all` of each breakdown that adds up to `trajectories` (route: only of
  /// those with a PIP, so it adds up to `with_plan`).
  std::vector<std::pair<std::size_t, std::size_t>> breakdowns;
};

NamedCounts named(const CellCounts& c) {
  NamedCounts n;
  auto add = [&](std::string name, std::int64_t value) {
    n.all.emplace_back(std::move(name), value);
  };
  add("trajectories", c.trajectories);
  add("intake_started", c.intake_started);
  add("with_plan", c.with_plan);
  add("first_plan_in_time", c.first_plan_in_time);
  std::size_t from = n.all.size();
  for (Route r : all_enumerators<Route>()) {
    const auto it = c.by_route.find(r);
    add("route." + std::string(to_string(r)), it == c.by_route.end() ? 0 : it->second);
  }
  n.breakdowns.emplace_back(from, n.all.size());
  add("interviews_due", c.interviews_due);
  add("interviews_held", c.interviews_held);
  add("unburdening_eligible", c.unburdening_eligible);
  add("unburdened", c.unburdened);
  for (MunicipalFineKind k : all_enumerators<MunicipalFineKind>()) {
    const auto it = c.municipal_fines.find(k);
    add("fines." + std::string(to_string(k)), it == c.municipal_fines.end() ? 0 : it->second);
  }
  for (DuoFineKind k : all_enumerators<DuoFineKind>()) {
    const auto it = c.duo_fines.find(k);
    add("duo_fines." + std::string(to_string(k)), it == c.duo_fines.end() ? 0 : it->second);
  }
  // Running and closed together add up to the trajectories.
  from = n.all.size();
  for (TrajectoryState s : all_enumerators<TrajectoryState>()) {
    if (is_final(s)) continue;
    const auto it = c.running.find(s);
    add("running." + std::string(to_string(s)), it == c.running.end() ? 0 : it->second);
  }
  for (TrajectoryState s : all_enumerators<TrajectoryState>()) {
    if (!is_final(s)) continue;
    const auto it = c.closed.find(s);
    add("closed." + std::string(to_string(s)), it == c.closed.end() ? 0 : it->second);
  }
  n.breakdowns.emplace_back(from, n.all.size());
  from = n.all.size();
  for (EndReason r : all_enumerators<EndReason>()) {
    const auto it = c.ended_by_reason.find(r);
    add("ended." + std::string(to_string(r)), it == c.ended_by_reason.end() ? 0 : it->second);
  }
  n.breakdowns.emplace_back(from, n.all.size());
  add("terms_ending", c.terms_ending);
  return n;
}

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> median(const std::vector<std::int64_t>& sorted) {
  if (sorted.empty()) return std::nullopt;
  const std::size_t mid = sorted.size() / 2;
  if (sorted.size() % 2 == 1) return static_cast<double>(sorted[mid]);
  return (static_cast<double>(sorted[mid - 1]) + static_cast<double>(sorted[mid])) / 2.0;
}

std::string number_text(const Shown& shown, bool is_share) {
  if (shown.suppressed) return "";
  if (!shown.value) return "";
  std::ostringstream out;
  if (is_share) {
    out << std::fixed << std::setprecision(3) << *shown.value;
  } else if (*shown.value == std::floor(*shown.value)) {
    out << static_cast<std::int64_t>(*shown.value);
  } else {
    out << std::fixed << std::setprecision(1) << *shown.value;
  }
  return out.str();
}

bool is_share(const std::string& name) { return name.rfind("share_", 0) == 0; }

}  // namespace

IndicatorReport make_report(const std::vector<CellCounts>& cells, Date as_of,
                            int terms_ending_months, DisclosureRule rule) {
  if (rule.min_count < 2 || rule.min_count > 100) {
    throw ValidationError("disclosure.min_count", "must be between 2 and 100",
                          std::to_string(rule.min_count));
  }
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
  const auto small = [&](std::int64_t v) { return rule.apply && v > 0 && v < rule.min_count; };
  for (const CellCounts* c : ordered) {
    IndicatorRow row{.municipality = c->municipality};
    row.cohort = c->cohort;
    row.target_group = c->target_group;
    const NamedCounts n = named(*c);
    std::vector<bool> hide(n.all.size(), false);
    for (std::size_t i = 0; i < n.all.size(); ++i) hide[i] = small(n.all[i].second);
    // Secondary suppression: within a breakdown, one hidden part could be computed from the
    // total and the others; hide the smallest other non-zero part too.
    if (rule.apply) {
      for (const auto& [from, to] : n.breakdowns) {
        const auto hidden = std::count(hide.begin() + static_cast<std::ptrdiff_t>(from),
                                       hide.begin() + static_cast<std::ptrdiff_t>(to), true);
        if (hidden != 1) continue;
        std::optional<std::size_t> smallest;
        for (std::size_t i = from; i < to; ++i) {
          if (hide[i] || n.all[i].second == 0) continue;
          if (!smallest || n.all[i].second < n.all[*smallest].second) smallest = i;
        }
        if (smallest) hide[*smallest] = true;
      }
    }
    for (std::size_t i = 0; i < n.all.size(); ++i) {
      if (hide[i]) ++report.suppressed;
      row.counts.emplace_back(
          n.all[i].first,
          hide[i] ? Shown{std::nullopt, true} : Shown{static_cast<double>(n.all[i].second), false});
    }
    // Shares and the median of a cell with too few persons are not shown.
    const bool cell_too_small = rule.apply && c->trajectories < rule.min_count;
    const auto indicator = [&](const char* name, std::optional<double> value, std::int64_t base) {
      const bool hidden = rule.apply && value && (cell_too_small || base < rule.min_count);
      if (hidden) ++report.suppressed;
      row.indicators.emplace_back(name, hidden ? Shown{std::nullopt, true} : Shown{value, false});
    };
    indicator("share_intake_started", share(c->intake_started, c->trajectories), c->trajectories);
    indicator("median_days_to_intake", median(c->days_to_intake),
              static_cast<std::int64_t>(c->days_to_intake.size()));
    indicator("share_with_plan", share(c->with_plan, c->trajectories), c->trajectories);
    indicator("share_first_plan_in_time", share(c->first_plan_in_time, c->with_plan), c->with_plan);
    indicator("share_interviews_held", share(c->interviews_held, c->interviews_due),
              c->interviews_due);
    indicator("share_unburdened", share(c->unburdened, c->unburdening_eligible),
              c->unburdening_eligible);
    report.rows.push_back(std::move(row));
  }
  return report;
}

std::string to_csv(const IndicatorReport& report) {
  std::ostringstream out;
  out << "municipality,cohort,target_group";
  if (!report.rows.empty()) {
    for (const auto& [name, _] : report.rows.front().counts) out << "," << name;
    for (const auto& [name, _] : report.rows.front().indicators) out << "," << name;
  }
  out << ",suppressed_in_row\n";
  for (const auto& row : report.rows) {
    int hidden = 0;
    out << row.municipality.to_string() << "," << row.cohort << "," << to_string(row.target_group);
    for (const auto& [name, shown] : row.counts) {
      hidden += shown.suppressed ? 1 : 0;
      out << "," << number_text(shown, false);
    }
    for (const auto& [name, shown] : row.indicators) {
      hidden += shown.suppressed ? 1 : 0;
      out << "," << number_text(shown, is_share(name));
    }
    out << "," << hidden << "\n";
  }
  return out.str();
}

std::string to_json(const IndicatorReport& report) {
  json rows = json::array();
  for (const auto& row : report.rows) {
    json counts = json::object();
    for (const auto& [name, shown] : row.counts) {
      counts[name] =
          shown.suppressed ? json(nullptr) : json(static_cast<std::int64_t>(*shown.value));
    }
    json indicators = json::object();
    for (const auto& [name, shown] : row.indicators) {
      indicators[name] = shown.value && !shown.suppressed ? json(*shown.value) : json(nullptr);
    }
    json suppressed = json::array();
    for (const auto& list : {row.counts, row.indicators}) {
      for (const auto& [name, shown] : list) {
        if (shown.suppressed) suppressed.push_back(name);
      }
    }
    rows.push_back({{"municipality", row.municipality.to_string()},
                    {"cohort", row.cohort},
                    {"target_group", to_string(row.target_group)},
                    {"counts", counts},
                    {"indicators", indicators},
                    {"suppressed", suppressed}});
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
        out << "  " << std::left << std::setw(34) << name << std::right;
        if (shown.suppressed) {
          out << "*";
        } else if (!shown.value) {
          out << "-";
        } else if (is_share(name)) {
          out << std::fixed << std::setprecision(1) << *shown.value * 100 << " %"
              << std::defaultfloat;
        } else {
          out << number_text(shown, false);
        }
        out << "\n";
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
  (void)monitoring::make_report({}, options.as_of, options.terms_ending_months, options.disclosure);
  return monitoring::make_report(monitoring_cells(actor, options), options.as_of,
                                 options.terms_ending_months, options.disclosure);
}

}  // namespace inburgering::storage
