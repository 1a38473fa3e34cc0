// SqliteStore: the calls that only read (except the audit entry of a health read or a denial).

#include <nlohmann/json.hpp>

#include <charconv>

#include "detail/enum_table.hpp"
#include "detail/iso_date.hpp"
#include "inburgering/storage/sqlite_store.hpp"
#include "storage/page_cursor.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store_impl.hpp"
#include "storage/sqlite_schema.hpp"

namespace inburgering::storage {

namespace sql = detail::sql;

namespace {

[[noreturn]] void damaged(const std::string& what, const char* field) {
  throw StorageError("stored " + what + " is damaged at " + field, ErrorCode::kCorruptData);
}

template <class E>
E column_enum(const detail::Column& column, const std::string& what, const char* field) {
  const auto value = ::inburgering::detail::enum_named<E>(column.getString());
  if (!value) damaged(what, field);
  return *value;
}

// A date the store computed (term end, deadline): the whole calendar, not only the model's
// input years.
Date column_date(const detail::Column& column, const std::string& what, const char* field) {
  const auto date = ::inburgering::detail::parse_iso_date(column.getString());
  if (!date) damaged(what, field);
  return *date;
}

MunicipalityCode column_municipality(const detail::Column& column, const std::string& what,
                                     const char* field) {
  try {
    return MunicipalityCode(column.getString());
  } catch (const ValidationError&) {
    damaged(what, field);
  }
}

// Columns: id, municipality, caseworker, state, route, term_end, revision, purged_on.
TrajectorySummary summary_from(detail::Statement& row) {
  const TrajectoryId id(row.getColumn(0).getInt64());
  const std::string what = "trajectory " + to_string(id);
  TrajectorySummary summary{
      .id = id,
      .municipality = column_municipality(row.getColumn(1), what, "municipality"),
      .caseworker = UserId(row.getColumn(2).getString()),
      .state = column_enum<TrajectoryState>(row.getColumn(3), what, "state")};
  if (!row.getColumn(4).isNull())
    summary.route = column_enum<Route>(row.getColumn(4), what, "route");
  if (!row.getColumn(5).isNull())
    summary.term_end = column_date(row.getColumn(5), what, "term_end");
  summary.revision = row.getColumn(6).getInt64();
  summary.purged = !row.getColumn(7).isNull();
  return summary;
}

// The changes of an audit entry, or empty when they cannot be read.
std::optional<std::vector<FieldChange>> parse_changes(const std::string& text) {
  std::vector<FieldChange> out;
  try {
    const auto list = nlohmann::json::parse(text);
    if (!list.is_array()) return std::nullopt;
    for (const auto& change : list) {
      if (!change.is_object()) return std::nullopt;
      FieldChange parsed;
      for (auto [key, target] :
           {std::pair{"field", &parsed.field}, std::pair{"before", &parsed.before},
            std::pair{"after", &parsed.after}}) {
        const auto it = change.find(key);
        if (it == change.end() || !it->is_string()) return std::nullopt;
        *target = it->get<std::string>();
      }
      out.push_back(std::move(parsed));
    }
  } catch (const nlohmann::json::exception&) {
    // The parser's message quotes the text: never used.
    return std::nullopt;
  }
  return out;
}

}  // namespace

// One row of kHistory as far as it can be read: what cannot is named in `unreadable`.
AuditEntry detail::audit_entry_from(const detail::Statement& row) {
  AuditEntry entry;
  entry.sequence = row.getColumn(0).getInt64();
  auto unreadable = [&](const char* field) { entry.unreadable.emplace_back(field); };
  if (const auto at = ::inburgering::detail::parse_iso_timestamp(row.getColumn(1).getString())) {
    entry.at = *at;
  } else {
    unreadable("at");
  }
  entry.user = UserId(row.getColumn(2).getString());
  entry.role = ::inburgering::detail::enum_named<Role>(row.getColumn(3).getString());
  if (!entry.role) unreadable("role");
  auto municipality = [&](int column, const char* field) -> std::optional<MunicipalityCode> {
    try {
      return MunicipalityCode(row.getColumn(column).getString());
    } catch (const ValidationError&) {
      unreadable(field);
      return std::nullopt;
    }
  };
  entry.actor_municipality = municipality(4, "actor_municipality");
  if (!row.getColumn(5).isNull()) entry.on_behalf_of = municipality(5, "on_behalf_of");
  entry.arrangement = row.getColumn(6).getString();
  entry.action = ::inburgering::detail::enum_named<AuditAction>(row.getColumn(7).getString());
  if (!entry.action) unreadable("action");
  if (!row.getColumn(8).isNull()) entry.trajectory = TrajectoryId(row.getColumn(8).getInt64());
  if (auto changes = parse_changes(row.getColumn(9).getString())) {
    entry.changes = std::move(*changes);
  } else {
    unreadable("changes");
  }
  entry.note = row.getColumn(10).getString();
  return entry;
}

Trajectory SqlStore::load(const Actor& actor, TrajectoryId id, LoadOptions options) {
  Impl& s = *impl_;
  s.check_actor(actor);
  // One read transaction: the row, its policy and its health topic are of the same moment.
  struct Snapshot {
    std::optional<Impl::StoredRow> row;
    std::optional<TrajectoryRecord> record;
    std::optional<TopicRecord> health;
    detail::SpecialValues special;
    bool special_read = false;  // asked for and allowed: the placeholders are filled
  };
  Snapshot snapshot = s.with_retry("loading a trajectory", [&] {
    Snapshot out;
    detail::Transaction read(s.db, detail::TxKind::kRead);
    out.row = s.read_row(id);
    const bool readable = out.row && actor.may_read(out.row->municipality);
    if (readable && !out.row->purged_on) {
      out.record = s.decode_row(*out.row, id);
      if (options.with_health && actor.may_read_health(out.row->municipality)) {
        out.health = detail::read_health(s.statements, id);
        out.special = detail::read_special(s.statements, id);
        out.special_read = true;
      }
    }
    read.commit();
    return out;
  });
  if (!snapshot.row) throw NotFound("trajectory", to_string(id));
  const MunicipalityCode owner = snapshot.row->municipality;
  if (!actor.may_read(owner)) {
    s.deny_as_not_found(actor, owner, id, "reading trajectory " + to_string(id));
  }
  const bool special = !snapshot.special.empty();
  if (snapshot.health || special) {
    s.require_writable("reading health information (an audited read)");
  }
  if (options.with_health && !actor.may_read_health(owner)) {
    s.deny(actor, owner, id, "reading health information of trajectory " + to_string(id));
  }
  if (snapshot.row->purged_on) {
    throw NotFound("purged trajectory", to_string(id), ErrorCode::kPurged);
  }
  TrajectoryRecord record = std::move(*snapshot.record);
  if (snapshot.health) record.intake.topics[IntakeTopic::kHealth] = *snapshot.health;
  try {
    if (snapshot.special_read) detail::restore_special_values(record, snapshot.special);
  } catch (const ValidationError& e) {
    throw StorageError(
        "stored trajectory " + to_string(id) + " lacks the values behind " + e.field(),
        ErrorCode::kCorruptData);
  }
  const std::int64_t revision = record.revision;
  std::optional<Trajectory> trajectory =
      detail::checked(std::move(record), "trajectory " + to_string(id));
  set_revision(*trajectory, revision);
  if (snapshot.health || special) {
    // Health is returned: the read is audited (and only then takes the write lock).
    const auto read = detail::special_reads(snapshot.health.has_value(), snapshot.special);
    s.with_retry("auditing a read of health information", [&] {
      detail::Transaction transaction(s.db, detail::TxKind::kWrite);
      s.insert_audit(actor, AuditAction::kReadSpecial, owner, id, read, {});
      transaction.commit();
    });
  }
  return std::move(*trajectory);
}

std::vector<TrajectorySummary> SqlStore::find_by_bsn(const Actor& actor, const Bsn& bsn) {
  Impl& s = *impl_;
  s.check_actor(actor);
  return s.with_retry("finding by BSN", [&] {
    std::vector<TrajectorySummary> out;
    auto use = s.statements.use(sql::kFindByBsn);
    detail::Statement& query = *use;
    query.bind(1, bsn.digits());
    while (query.executeStep()) {
      TrajectorySummary summary = summary_from(query);
      if (actor.may_read(summary.municipality)) out.push_back(std::move(summary));
    }
    return out;
  });
}

Page<TrajectorySummary> SqlStore::list(const Actor& actor, const TrajectoryFilter& filter,
                                       const PageRequest& page) {
  Impl& s = *impl_;
  s.check_actor(actor);
  detail::check_page(page);
  const MunicipalityCode municipality = filter.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt,
           "listing trajectories of " + municipality.to_string());
  }
  const std::int64_t after = page.after.empty() ? 0 : detail::cursor_number(page.after, page.after);
  const char* text = sql::list_query(filter.caseworker.has_value(), filter.state.has_value(),
                                     filter.route.has_value());
  return s.with_retry("listing trajectories", [&] {
    Page<TrajectorySummary> out;
    auto use = s.statements.use(text);
    detail::Statement& query = *use;
    query.bind(1, municipality.to_string());
    if (filter.caseworker) query.bind(2, filter.caseworker->value());
    if (filter.state) query.bind(3, std::string(to_string(*filter.state)));
    if (filter.route) query.bind(4, std::string(to_string(*filter.route)));
    query.bind(5, after);
    query.bind(6, page.limit + 1);
    while (query.executeStep()) out.items.push_back(summary_from(query));
    if (static_cast<int>(out.items.size()) > page.limit) {
      out.items.pop_back();
      out.next = std::to_string(out.items.back().id.value());
    }
    return out;
  });
}

Page<WorklistItem> SqlStore::worklist(const Actor& actor, Date due_before,
                                      const TrajectoryFilter& filter, const PageRequest& page) {
  Impl& s = *impl_;
  s.check_actor(actor);
  detail::check_page(page);
  require_valid(due_before, "worklist.due_before");
  if (filter.state || filter.route) {
    // The worklist holds deadlines, not states or routes: refused rather than ignored.
    throw ValidationError("worklist.filter",
                          "a worklist filters by municipality and caseworker only",
                          filter.state ? "a state" : "a route");
  }
  const MunicipalityCode municipality = filter.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt,
           "reading the worklist of " + municipality.to_string());
  }
  std::string due_after;
  std::int64_t id_after = 0;
  std::int64_t seq_after = -1;
  if (!page.after.empty()) {
    const auto parts = detail::split_cursor(page.after, 3);
    due_after = detail::cursor_date(parts[0], page.after);
    id_after = detail::cursor_number(parts[1], page.after);
    seq_after = detail::cursor_number(parts[2], page.after);
  }
  const Date today = s.today();
  return s.with_retry("reading the worklist", [&] {
    Page<WorklistItem> out;
    auto use = s.statements.use(filter.caseworker ? sql::kWorklistByCaseworker : sql::kWorklist);
    detail::Statement& query = *use;
    query.bind(1, municipality.to_string());
    query.bind(2, to_iso(due_before));
    query.bind(3, due_after);
    query.bind(4, id_after);
    query.bind(5, seq_after);
    query.bind(6, page.limit + 1);
    if (filter.caseworker) query.bind(7, filter.caseworker->value());
    std::int64_t last_seq = 0;
    while (query.executeStep()) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        const auto& last = out.items.back();
        out.next = detail::make_cursor({to_iso(last.signal.due_on),
                                        std::to_string(last.trajectory.value()),
                                        std::to_string(last_seq)});
        break;
      }
      const TrajectoryId id(query.getColumn(0).getInt64());
      const std::string what = "deadline of trajectory " + to_string(id);
      const Date due = column_date(query.getColumn(4), what, "due_on");
      last_seq = query.getColumn(1).getInt64();
      out.items.push_back(
          WorklistItem{id, UserId(query.getColumn(2).getString()),
                       Signal{column_enum<SignalKind>(query.getColumn(3), what, "kind"), due,
                              due < today, query.getColumn(5).getString()}});
    }
    return out;
  });
}

Page<TrajectorySummary> SqlStore::terms_ending(const Actor& actor, Date today, int within_months,
                                               const TrajectoryFilter& filter,
                                               const PageRequest& page) {
  Impl& s = *impl_;
  s.check_actor(actor);
  detail::check_page(page);
  require_valid(today, "terms_ending.today");
  if (within_months < 1 || within_months > 120) {
    throw ValidationError("terms_ending.within_months", "must be between 1 and 120",
                          std::to_string(within_months));
  }
  const MunicipalityCode municipality = filter.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt, "listing terms of " + municipality.to_string());
  }
  // The first page starts at (today, 0): every id is positive.
  std::string end_after = to_iso(today);
  std::int64_t id_after = 0;
  if (!page.after.empty()) {
    const auto parts = detail::split_cursor(page.after, 2);
    end_after = detail::cursor_date(parts[0], page.after);
    id_after = detail::cursor_number(parts[1], page.after);
    if (end_after < to_iso(today)) {  // a cursor of another day's listing: start at today
      end_after = to_iso(today);
      id_after = 0;
    }
  }
  const Date until = last_day_of_period(today, within_months);
  return s.with_retry("listing terms ending", [&] {
    Page<TrajectorySummary> out;
    auto use = s.statements.use(sql::kTermsEnding);
    detail::Statement& query = *use;
    query.bind(1, municipality.to_string());
    query.bind(3, to_iso(until));
    query.bind(4, end_after);
    query.bind(5, id_after);
    query.bind(6, page.limit + 1);
    if (filter.caseworker) query.bind(7, filter.caseworker->value());
    if (filter.state) query.bind(8, std::string(to_string(*filter.state)));
    if (filter.route) query.bind(9, std::string(to_string(*filter.route)));
    while (query.executeStep()) out.items.push_back(summary_from(query));
    if (static_cast<int>(out.items.size()) > page.limit) {
      out.items.pop_back();
      const auto& last = out.items.back();
      out.next = detail::make_cursor({to_iso(*last.term_end), std::to_string(last.id.value())});
    }
    return out;
  });
}

std::vector<AuditEntry> SqlStore::history(const Actor& actor, TrajectoryId id) {
  Impl& s = *impl_;
  s.check_actor(actor);
  const auto row = s.with_retry("reading a trajectory", [&] { return s.read_row(id); });
  if (!row) throw NotFound("trajectory", to_string(id));
  if (!actor.may_read(row->municipality)) {
    s.deny_as_not_found(actor, row->municipality, id,
                        "reading the history of trajectory " + to_string(id));
  }
  return s.with_retry("reading the audit trail", [&] {
    std::vector<AuditEntry> out;
    detail::Statement query(s.db, sql::kHistory);
    query.bind(1, id.value());
    while (query.executeStep()) out.push_back(detail::audit_entry_from(query));
    return out;
  });
}

AuditVerification SqlStore::verify_audit(const Actor& actor) {
  Impl& s = *impl_;
  s.check_actor(actor);
  if (!role_may_verify_audit(actor.role)) {
    s.deny(actor, actor.municipality, std::nullopt, "verifying the audit trail");
  }
  return s.with_retry("verifying the audit trail", [&] {
    AuditVerification out;
    detail::Transaction read(s.db, detail::TxKind::kRead);
    // On PostgreSQL every municipality's entries come through a function of the schema's owner.
    detail::Statement rows(
        s.db,
        std::string("SELECT sequence, hash, ") + detail::kAuditChainColumns +
            (s.dialect() == detail::Dialect::kPostgres ? " FROM audit_chain() ORDER BY sequence"
                                                       : " FROM audit_log ORDER BY sequence"));
    std::string previous;
    while (rows.executeStep()) {
      const std::int64_t sequence = rows.getColumn(0).getInt64();
      const std::string expected = detail::audit_hash(previous, detail::audit_content(rows, 2));
      if (rows.getColumn(1).isNull() || rows.getColumn(1).getString() != expected) {
        out.first_broken = sequence;
        out.problem = rows.getColumn(1).isNull()
                          ? "the entry has no link in the chain"
                          : "the entry does not match its link: it was changed, or an entry "
                            "before it was removed or slipped in";
        break;
      }
      ++out.entries;
      previous = expected;
      out.head_sequence = sequence;
    }
    out.head_hash = previous;
    rows.reset();
    read.commit();
    return out;
  });
}

}  // namespace inburgering::storage
