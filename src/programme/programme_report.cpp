// A programme's outcome report (with the monitoring report's disclosure rule) and its
// evaluation export (programme/programme_report.hpp).

#include "inburgering/programme/programme_report.hpp"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "inburgering/error.hpp"
#include "inburgering/storage/trajectory_store.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "inburgering/version.hpp"
#include "monitoring/disclosure.hpp"

namespace inburgering::programme {

namespace {

using monitoring::Shown;
using monitoring::detail::NamedCounts;
using nlohmann::json;

template <class K, class V>
V value_or_zero(const std::map<K, V>& map, K key) {
  const auto it = map.find(key);
  return it == map.end() ? V{} : it->second;
}

NamedCounts named(const ProgrammeCounts& c) {
  NamedCounts n;
  const std::size_t enrolled = n.add("enrolled", c.enrolled);
  const std::size_t active = n.add("active", c.active);
  std::int64_t left_total = 0;
  for (const auto& [reason, count] : c.left_by_reason) left_total += count;
  const std::size_t left = n.add("left", left_total);
  NamedCounts::Sum reasons{left, {}};
  for (LeaveReason r : all_enumerators<LeaveReason>()) {
    reasons.parts.push_back(
        n.add("left." + std::string(to_string(r)), value_or_zero(c.left_by_reason, r)));
  }
  n.sums.push_back({enrolled, {active, left}});
  n.sums.push_back(reasons);
  std::map<ActivityKind, std::size_t> offered;
  NamedCounts::Sum offered_total{0, {}};
  NamedCounts::Sum attended_total{0, {}};
  std::int64_t offered_sum = 0;
  std::int64_t attended_sum = 0;
  for (ActivityKind k : all_enumerators<ActivityKind>()) {
    offered[k] = n.add("offered." + std::string(to_string(k)), value_or_zero(c.offered, k));
    offered_total.parts.push_back(offered[k]);
    offered_sum += value_or_zero(c.offered, k);
  }
  for (ActivityKind k : all_enumerators<ActivityKind>()) {
    const std::string kind(to_string(k));
    const std::size_t attended = n.add("attended." + kind, value_or_zero(c.attended, k));
    attended_total.parts.push_back(attended);
    attended_sum += value_or_zero(c.attended, k);
    // The sessions not attended follow from the two shown counts: they count as well.
    n.add_share("attended." + kind, attended, offered[k]);
  }
  offered_total.total = n.add_internal("offered", offered_sum);
  attended_total.total = n.add_internal("attended", attended_sum);
  n.sums.push_back(offered_total);
  n.sums.push_back(attended_total);
  n.add_share("share_attended", attended_total.total, offered_total.total);
  n.add("attended_remote", c.attended_remote);
  n.add("persons_with_sessions", c.persons_with_sessions);
  const std::size_t with_goal = n.add("persons_with_goal", c.persons_with_goal);
  const std::size_t achieved = n.add("persons_goal_achieved", c.persons_goal_achieved);
  n.add_share("share_goal_achieved", achieved, with_goal);
  for (OutcomeKind k : all_enumerators<OutcomeKind>()) {
    const std::string kind(to_string(k));
    const std::size_t reached = n.add("reached." + kind, value_or_zero(c.reached, k));
    n.add_share("share_reached." + kind, reached, enrolled);
  }
  const std::size_t any = n.add("reached_any", c.reached_any);
  n.add_share("share_reached_any", any, enrolled);
  return n;
}

/// Fills a row's counts and indicators. `also_hide` names counts to hide besides the rule's own
/// (for the total: those hidden in any row); `hidden_names` gets the names this row hid, the
/// internal ones (rests of shares) included.
ProgrammeRow make_row(const ProgrammeCounts& c, std::optional<MunicipalityCode> municipality,
                      const monitoring::DisclosureRule& rule,
                      const std::set<std::string>& also_hide, int& suppressed,
                      std::set<std::string>* hidden_names = nullptr) {
  using monitoring::detail::hide_share;
  using monitoring::detail::median;
  using monitoring::detail::share;
  ProgrammeRow row{.municipality = municipality, .counts = {}, .indicators = {}};
  const NamedCounts n = named(c);
  // A municipality without enrolments shows its zeros: they single no one out.
  const bool too_small = monitoring::detail::small(rule, c.enrolled);
  const std::vector<bool> hide = monitoring::detail::suppress(n, rule, too_small, also_hide);
  for (std::size_t i = 0; i < n.all.size(); ++i) {
    if (hide[i] && hidden_names) hidden_names->insert(n.all[i].first);
    if (n.internal[i]) continue;
    if (hide[i]) ++suppressed;
    row.counts.emplace_back(
        n.all[i].first,
        hide[i] ? Shown{std::nullopt, true} : Shown{static_cast<double>(n.all[i].second), false});
  }
  const auto hidden = [&](const std::string& name) {
    const std::size_t at = n.index(name);
    return at < hide.size() && hide[at];
  };
  const auto indicator = [&](std::string name, std::optional<double> value, std::int64_t part,
                             std::int64_t base, bool from_hidden) {
    const bool hidden_here =
        hide_share(rule, value, too_small, part, base, from_hidden || n.share_touches(name, hide));
    if (hidden_here) ++suppressed;
    row.indicators.emplace_back(std::move(name),
                                hidden_here ? Shown{std::nullopt, true} : Shown{value, false});
  };
  for (OutcomeKind k : all_enumerators<OutcomeKind>()) {
    const std::string kind(to_string(k));
    const std::int64_t reached = value_or_zero(c.reached, k);
    indicator("share_reached." + kind, share(reached, c.enrolled), reached, c.enrolled,
              hidden("reached." + kind) || hidden("enrolled"));
  }
  indicator("share_reached_any", share(c.reached_any, c.enrolled), c.reached_any, c.enrolled,
            hidden("reached_any") || hidden("enrolled"));
  for (OutcomeKind k : all_enumerators<OutcomeKind>()) {
    const std::string kind(to_string(k));
    const auto it = c.weeks_to.find(k);
    const std::vector<std::int64_t> none;
    const auto& weeks = it == c.weeks_to.end() ? none : it->second;
    const auto persons = static_cast<std::int64_t>(weeks.size());
    // A median is one person's value: shown only from enough persons.
    indicator("median_weeks_to." + kind, median(weeks), persons, persons,
              hidden("reached." + kind));
  }
  std::int64_t offered = 0;
  std::int64_t attended = 0;
  for (const auto& [kind, count] : c.offered) offered += count;
  for (const auto& [kind, count] : c.attended) attended += count;
  // Attendance is judged by the sessions and by the persons behind them, as interview
  // compliance is; it is hidden when any count it is made from is.
  indicator("share_attended", share(attended, offered), attended, offered,
            hidden("offered") || hidden("attended") || hidden("persons_with_sessions") ||
                monitoring::detail::small(rule, c.persons_with_sessions));
  indicator("share_goal_achieved", share(c.persons_goal_achieved, c.persons_with_goal),
            c.persons_goal_achieved, c.persons_with_goal,
            hidden("persons_goal_achieved") || hidden("persons_with_goal"));
  return row;
}

/// The counts of every row together (`counts` not empty; the municipality is the first's).
ProgrammeCounts sum(const std::vector<ProgrammeCounts>& counts) {
  ProgrammeCounts total{.municipality = counts.front().municipality};
  for (const auto& c : counts) {
    total.enrolled += c.enrolled;
    total.active += c.active;
    for (const auto& [k, v] : c.left_by_reason) total.left_by_reason[k] += v;
    for (const auto& [k, v] : c.offered) total.offered[k] += v;
    for (const auto& [k, v] : c.attended) total.attended[k] += v;
    total.attended_remote += c.attended_remote;
    total.persons_with_sessions += c.persons_with_sessions;
    total.persons_with_goal += c.persons_with_goal;
    total.persons_goal_achieved += c.persons_goal_achieved;
    for (const auto& [k, v] : c.reached) total.reached[k] += v;
    total.reached_any += c.reached_any;
    for (const auto& [k, v] : c.weeks_to) {
      auto& merged = total.weeks_to[k];
      merged.insert(merged.end(), v.begin(), v.end());
    }
  }
  for (auto& [k, v] : total.weeks_to) std::sort(v.begin(), v.end());
  return total;
}

std::string flag(bool value) { return value ? "1" : "0"; }

std::vector<monitoring::EvaluationColumn> make_columns() {
  std::vector<monitoring::EvaluationColumn> c = {
      {"pseudonym", "text",
       "HMAC-SHA256 of the BSN under the municipality's key: the same pseudonym as in the cohort "
       "export made with that key"},
      {"programme", "integer", "the programme's id in the municipality's store"},
      {"municipality", "text", "CBS code of the municipality responsible (Wi 1.1)"},
      {"cohort", "integer", "year of DUO's notice of the obligation (Bi 5.3.1)"},
      {"birth_year", "integer", "year of birth (not the date)"},
      {"target_group", "text",
       "asylum_permit_holder, family_migrant, other_migrant or voluntary (Wi 2, 3)"},
      {"route", "text", "b1, education or z: the route of the PIP in force (empty before a PIP)"},
      {"enrolled_week", "integer", "whole weeks from the programme's first day to the enrolment"},
      {"weeks_enrolled", "integer",
       "whole weeks from the enrolment to leaving, or to the export's day while enrolled"},
      {"left", "boolean", "the enrolment ended by the export's day"},
      {"leave_reason", "text", "finished, dropped_out, moved or other (empty while enrolled)"},
  };
  for (ActivityKind k : all_enumerators<ActivityKind>()) {
    const std::string kind(to_string(k));
    c.push_back({"offered_" + kind, "integer", "sessions of kind " + kind + " offered"});
    c.push_back({"attended_" + kind, "integer", "of those, the ones attended"});
  }
  const std::vector<monitoring::EvaluationColumn> more = {
      {"attended_remote", "integer", "sessions attended that were held remotely"},
      {"minutes_attended", "integer", "planned minutes of the sessions attended"},
      {"goals_set", "integer", "personal goals set (their text is never exported)"},
      {"goals_achieved", "integer", "of those, the ones achieved by the export's day"},
  };
  c.insert(c.end(), more.begin(), more.end());
  for (OutcomeKind k : all_enumerators<OutcomeKind>()) {
    const std::string kind(to_string(k));
    c.push_back({"weeks_to_" + kind, "integer",
                 "whole weeks from the enrolment to the first outcome " + kind +
                     " (empty: not reached by the export's day)"});
    if (k == OutcomeKind::kJob) {
      c.push_back({"job_contract", "text",
                   "contract of the first job: permanent, fixed_term, on_call, self_employed or "
                   "other (empty: no job)"});
    }
  }
  return c;
}

}  // namespace

ProgrammeReport make_programme_report(const Programme& programme,
                                      const std::vector<ProgrammeCounts>& counts, Date as_of,
                                      monitoring::DisclosureRule rule) {
  monitoring::detail::require_valid(rule);
  ProgrammeReport report{.programme = programme.id,
                         .name = programme.definition.name,
                         .theme = programme.definition.theme,
                         .as_of = as_of,
                         .disclosure = rule,
                         .rows = {},
                         .suppressed = 0};
  std::vector<ProgrammeCounts> ordered = counts;
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.municipality < b.municipality; });
  // What a row hides, the total hides too (its shares' rests included): otherwise the total
  // minus the other rows gives it back.
  std::set<std::string> hidden_somewhere;
  for (const auto& c : ordered) {
    report.rows.push_back(
        make_row(c, c.municipality, rule, {}, report.suppressed, &hidden_somewhere));
  }
  if (ordered.size() > 1) {
    report.rows.push_back(
        make_row(sum(ordered), std::nullopt, rule, hidden_somewhere, report.suppressed));
  }
  return report;
}

std::string to_csv(const ProgrammeReport& report) {
  // The names come from the row of no enrolments, so an empty report has the same header.
  int ignored = 0;
  const ProgrammeRow names =
      make_row({.municipality = MunicipalityCode("0344")}, std::nullopt, {}, {}, ignored);
  std::ostringstream out;
  out << "programme,municipality"
      << monitoring::detail::csv_header_cells(names.counts, names.indicators);
  for (const auto& row : report.rows) {
    out << report.programme.value() << ","
        << (row.municipality ? row.municipality->to_string() : "total")
        << monitoring::detail::csv_cells(row.counts, row.indicators, report.as_of,
                                         report.disclosure);
  }
  return out.str();
}

std::string to_json(const ProgrammeReport& report) {
  json rows = json::array();
  for (const auto& row : report.rows) {
    json shown = monitoring::detail::row_json(row.counts, row.indicators);
    shown["municipality"] = row.municipality ? json(row.municipality->to_string()) : json(nullptr);
    rows.push_back(std::move(shown));
  }
  return json{{"schema", "inburgering-programme-report"},
              {"version", 1},
              {"library_version", kVersion},
              {"programme", report.programme.value()},
              {"name", report.name},
              {"theme", to_string(report.theme)},
              {"as_of", to_iso(report.as_of)},
              {"disclosure",
               {{"applied", report.disclosure.apply},
                {"min_count", report.disclosure.min_count},
                {"suppressed", report.suppressed}}},
              {"rows", rows}}
      .dump(2, ' ', false, json::error_handler_t::replace);
}

std::string to_text(const ProgrammeReport& report, bool english) {
  const auto t = [&](const char* nl, const char* en) { return english ? en : nl; };
  std::ostringstream out;
  out << t("Programma ", "Programme ") << report.programme.value() << " \"" << report.name << "\" ("
      << (english ? to_string(report.theme) : label_nl(report.theme)) << ")"
      << t(", resultaten per ", ", outcomes as of ") << to_iso(report.as_of) << "\n";
  if (report.disclosure.apply) {
    out << t("Onthullingsbeheersing toegepast: aantallen van 1 tot ",
             "Disclosure control applied: counts of 1 to ")
        << report.disclosure.min_count - 1
        << t(" personen, wat ze zou teruggeven, en alles van een gemeente met zo weinig "
             "deelnemers, zijn onderdrukt (*): ",
             " persons, what would give them back, and everything of a municipality with so few "
             "participants, are suppressed (*): ")
        << report.suppressed << t(" getallen.\n", " numbers.\n");
  } else {
    out << t("Niet onderdrukt: alleen voor gebruik binnen de gemeente.\n",
             "Not suppressed: for use within the municipality only.\n");
  }
  for (const auto& row : report.rows) {
    out << "\n"
        << (row.municipality
                ? std::string(t("Gemeente ", "Municipality ")) + row.municipality->to_string()
                : std::string(t("Totaal", "Total")))
        << "\n";
    for (const auto* list : {&row.indicators, &row.counts}) {
      for (const auto& [name, shown] : *list) {
        out << monitoring::detail::text_line(name, shown, 38);
      }
    }
  }
  return out.str();
}

const std::vector<monitoring::EvaluationColumn>& programme_export_columns() {
  static const std::vector<monitoring::EvaluationColumn> columns = make_columns();
  return columns;
}

std::string programme_export_dictionary() {
  return monitoring::detail::dictionary_markdown(programme_export_columns());
}

std::string programme_export_header() {
  return monitoring::detail::csv_header(programme_export_columns());
}

std::string programme_export_row(const Trajectory& trajectory, const Participation& p,
                                 const monitoring::PseudonymKey& key, Date programme_start,
                                 Date as_of) {
  const TrajectoryRecord& r = trajectory.record();
  const Enrolment& e = p.enrolment;
  const auto weeks = [](Date from, Date to) { return std::to_string((to - from).days() / 7); };
  std::vector<std::string> f;
  f.push_back(key.pseudonym(r.participant.bsn));
  f.push_back(std::to_string(e.programme.value()));
  f.push_back(e.municipality.to_string());
  f.push_back(std::to_string(static_cast<int>(r.obligation.duo_notice_date.year())));
  f.push_back(std::to_string(static_cast<int>(r.participant.birth_date.year())));
  f.emplace_back(to_string(r.participant.target_group));
  const PlanVersion* plan = trajectory.current_plan();
  f.push_back(plan ? std::string(to_string(plan->content.route)) : "");
  f.push_back(weeks(programme_start, e.enrolled_on));
  const bool left = e.left_on && *e.left_on <= as_of;
  f.push_back(weeks(e.enrolled_on, left ? *e.left_on : std::max(as_of, e.enrolled_on)));
  f.push_back(flag(left));
  f.push_back(left && e.leave_reason ? std::string(to_string(*e.leave_reason)) : "");
  std::map<ActivityKind, int> offered;
  std::map<ActivityKind, int> attended;
  int remote = 0;
  long minutes = 0;
  for (const Activity& a : p.activities) {
    if (a.session.held_on > as_of) continue;
    ++offered[a.session.kind];
    if (a.attendance != Attendance::kAttended) continue;
    ++attended[a.session.kind];
    remote += a.session.mode == ActivityMode::kRemote ? 1 : 0;
    minutes += a.session.minutes;
  }
  for (ActivityKind k : all_enumerators<ActivityKind>()) {
    f.push_back(std::to_string(offered[k]));
    f.push_back(std::to_string(attended[k]));
  }
  f.push_back(std::to_string(remote));
  f.push_back(std::to_string(minutes));
  int set = 0;
  int achieved = 0;
  for (const Goal& g : p.goals) {
    if (g.set_on > as_of) continue;
    ++set;
    achieved += g.achieved_on && *g.achieved_on <= as_of ? 1 : 0;
  }
  f.push_back(std::to_string(set));
  f.push_back(std::to_string(achieved));
  for (OutcomeKind k : all_enumerators<OutcomeKind>()) {
    const Outcome* first = nullptr;
    for (const Outcome& o : p.outcomes) {
      if (o.kind != k || o.reached_on > as_of) continue;
      if (!first || o.reached_on < first->reached_on) first = &o;
    }
    f.push_back(first ? weeks(e.enrolled_on, first->reached_on) : "");
    if (k == OutcomeKind::kJob) {
      f.push_back(first && first->contract ? std::string(to_string(*first->contract)) : "");
    }
  }
  std::string line;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i) line += ",";
    line += f[i];
  }
  return line + "\n";
}

}  // namespace inburgering::programme

namespace inburgering::storage {

programme::ProgrammeReport TrajectoryStore::programme_outcomes(const Actor& actor, ProgrammeId id,
                                                               Date as_of,
                                                               monitoring::DisclosureRule rule) {
  // The rule is checked before the database is read.
  monitoring::detail::require_valid(rule);
  const programme::Programme programme = load_programme(actor, id);
  return programme::make_programme_report(programme, programme_counts(actor, id, as_of), as_of,
                                          rule);
}

}  // namespace inburgering::storage
