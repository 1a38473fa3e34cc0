// Monitoring counts (monitoring/indicators.hpp) as aggregates over `trajectory_fact`: one
// GROUP BY over the index fact_by_cell for the counts, one ordered scan of the same index for
// the days to the intake (the median), and the terms ending over trajectory_by_term_end.

#include <map>
#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/storage/sqlite_store.hpp"

#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store_impl.hpp"

namespace inburgering::storage {

namespace detail::sql {

std::string monitoring_counts_query() {
  std::string sql =
      "SELECT cohort, target_group, count(*), count(days_to_intake), coalesce(sum(has_plan), 0), "
      "count(first_plan_in_time), coalesce(sum(first_plan_in_time), 0), "
      "coalesce(sum(interviews_due), 0), coalesce(sum(interviews_held), 0), "
      "sum(CASE WHEN interviews_due > 0 THEN 1 ELSE 0 END), "
      "coalesce(sum(unburdening_eligible), 0), coalesce(sum(unburdened), 0), "
      "sum(CASE WHEN intake_fines > 0 THEN 1 ELSE 0 END), "
      "sum(CASE WHEN cooperation_fines > 0 THEN 1 ELSE 0 END), "
      "sum(CASE WHEN duo_pvt_map_fines > 0 THEN 1 ELSE 0 END), "
      "sum(CASE WHEN duo_route_fines > 0 THEN 1 ELSE 0 END), coalesce(sum(moved_in), 0)";
  for (Route r : all_enumerators<Route>()) {
    sql += ", sum(CASE WHEN route = '" + std::string(to_string(r)) + "' THEN 1 ELSE 0 END)";
  }
  for (TrajectoryState s : all_enumerators<TrajectoryState>()) {
    sql += ", sum(CASE WHEN state = '" + std::string(to_string(s)) + "' THEN 1 ELSE 0 END)";
  }
  for (EndReason e : all_enumerators<EndReason>()) {
    sql += ", sum(CASE WHEN end_reason = '" + std::string(to_string(e)) + "' THEN 1 ELSE 0 END)";
  }
  sql +=
      " FROM trajectory_fact INDEXED BY fact_by_cell WHERE municipality = ?1 "
      "GROUP BY cohort, target_group";
  return sql;
}

}  // namespace detail::sql

namespace {

using monitoring::CellCounts;

std::int64_t count_at(detail::Statement& row, int column) {
  return row.getColumn(column).getInt64();
}

TargetGroup target_group_of(const std::string& name, int cohort) {
  const auto group = ::inburgering::detail::enum_named<TargetGroup>(name);
  if (!group) {
    throw StorageError("stored monitoring facts of cohort " + std::to_string(cohort) +
                           " are damaged at target_group",
                       ErrorCode::kCorruptData);
  }
  return *group;
}

}  // namespace

std::vector<CellCounts> SqlStore::monitoring_cells(const Actor& actor,
                                                   const monitoring::IndicatorOptions& options) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(options.as_of, "monitoring.as_of");
  if (options.terms_ending_months < 1 || options.terms_ending_months > 120) {
    throw ValidationError("monitoring.terms_ending_months", "must be between 1 and 120",
                          std::to_string(options.terms_ending_months));
  }
  const MunicipalityCode municipality = options.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt,
           "reading the monitoring counts of " + municipality.to_string());
  }
  static const std::string kCounts = detail::sql::monitoring_counts_query();
  return s.with_retry("reading the monitoring counts", [&] {
    std::map<std::pair<int, TargetGroup>, CellCounts> cells;
    {
      auto use = s.statements.use(kCounts);
      detail::Statement& row = *use;
      row.bind(1, municipality.to_string());
      while (row.executeStep()) {
        const int cohort = row.getColumn(0).getInt();
        const TargetGroup group = target_group_of(row.getColumn(1).getString(), cohort);
        CellCounts c{.municipality = municipality};
        c.cohort = cohort;
        c.target_group = group;
        c.trajectories = row.getColumn(2).getInt64();
        c.intake_started = row.getColumn(3).getInt64();
        c.with_plan = count_at(row, 4);
        c.first_plan_judged = row.getColumn(5).getInt64();
        c.first_plan_in_time = count_at(row, 6);
        c.interviews_due = count_at(row, 7);
        c.interviews_held = count_at(row, 8);
        c.persons_interviews_due = count_at(row, 9);
        c.unburdening_eligible = count_at(row, 10);
        c.unburdened = count_at(row, 11);
        c.municipal_fines[MunicipalFineKind::kIntake] = count_at(row, 12);
        c.municipal_fines[MunicipalFineKind::kCooperation] = count_at(row, 13);
        c.duo_fines[DuoFineKind::kPvtMapNotInTime] = count_at(row, 14);
        c.duo_fines[DuoFineKind::kRouteNotInTime] = count_at(row, 15);
        c.moved_in = count_at(row, 16);
        int column = 17;
        for (Route r : all_enumerators<Route>()) {
          if (const auto n = count_at(row, column++)) c.by_route[r] = n;
        }
        for (TrajectoryState st : all_enumerators<TrajectoryState>()) {
          const auto n = count_at(row, column++);
          if (n) (is_final(st) ? c.closed : c.running)[st] = n;
        }
        for (EndReason e : all_enumerators<EndReason>()) {
          if (const auto n = count_at(row, column++)) c.ended_by_reason[e] = n;
        }
        cells.emplace(std::make_pair(cohort, group), std::move(c));
      }
    }
    {
      auto use = s.statements.use(detail::sql::kMonitoringDays);
      detail::Statement& row = *use;
      row.bind(1, municipality.to_string());
      while (row.executeStep()) {
        const int cohort = row.getColumn(0).getInt();
        const TargetGroup group = target_group_of(row.getColumn(1).getString(), cohort);
        const auto cell = cells.find({cohort, group});
        if (cell != cells.end()) cell->second.days_to_intake.push_back(row.getColumn(2).getInt64());
      }
    }
    {
      // Running trajectories (term_end is stored for those only) whose term ends from as_of on.
      auto use = s.statements.use(detail::sql::kMonitoringTermsEnding);
      detail::Statement& row = *use;
      row.bind(1, municipality.to_string());
      row.bind(2, to_iso(options.as_of));
      row.bind(3, to_iso(last_day_of_period(options.as_of, options.terms_ending_months)));
      while (row.executeStep()) {
        const int cohort = row.getColumn(0).getInt();
        const TargetGroup group = target_group_of(row.getColumn(1).getString(), cohort);
        const auto cell = cells.find({cohort, group});
        if (cell != cells.end()) cell->second.terms_ending = row.getColumn(2).getInt64();
      }
    }
    std::vector<CellCounts> out;
    for (auto& [key, cell] : cells) out.push_back(std::move(cell));
    return out;
  });
}

std::string SqlStore::evaluation_export(const Actor& actor, const monitoring::PseudonymKey& key,
                                        const monitoring::EvaluationSelection& selection) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(selection.as_of, "evaluation.as_of");
  const MunicipalityCode municipality = actor.municipality;
  if (!role_may_write(actor.role) && actor.role != Role::kPrivacyOfficer) {
    s.deny(actor, municipality, std::nullopt, "exporting data for an evaluation");
  }
  s.require_writable("exporting data for an evaluation (audited)");
  std::string csv;
  s.with_retry("exporting data for an evaluation", [&] {
    csv = monitoring::evaluation_header();
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    std::vector<TrajectoryId> ids;
    {
      auto use = s.statements.use(detail::sql::kEvaluationIds);
      detail::Statement& query = *use;
      query.bind(1, municipality.to_string());
      if (selection.cohort) query.bind(2, *selection.cohort);
      while (query.executeStep()) ids.emplace_back(query.getColumn(0).getInt64());
    }
    for (const TrajectoryId id : ids) {
      const auto row = s.read_row(id);
      if (!row) continue;
      const std::string what = "trajectory " + to_string(id);
      const Trajectory trajectory = detail::checked(s.decode_row(*row, id), what);
      csv += monitoring::evaluation_row(trajectory, key, selection.as_of);
    }
    s.insert_audit(actor, AuditAction::kEvaluationExport, municipality, std::nullopt, {},
                   "evaluation export of " +
                       (selection.cohort ? "cohort " + std::to_string(*selection.cohort)
                                         : std::string("every cohort")) +
                       " as of " + to_iso(selection.as_of) + ": " + std::to_string(ids.size()) +
                       " trajectories, pseudonym key " + key.fingerprint());
    transaction.commit();
  });
  return csv;
}

}  // namespace inburgering::storage
