#include "inburgering/storage/sqlite_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <thread>
#include <utility>

#include "inburgering/error.hpp"
#include "storage/audit_diff.hpp"
#include "storage/record_json.hpp"
#include "storage/sqlite_queries.hpp"
#include "storage/sqlite_schema.hpp"

namespace inburgering::storage {

using detail::json;
namespace sql = detail::sql;

namespace {

constexpr const char* kHealthKey = "health";

std::string role_text(Role role) { return std::string(to_string(role)); }

Role parse_role(const std::string& text) {
  for (Role role : {Role::kCaseworker, Role::kBackOffice, Role::kRegionalCoordinator,
                    Role::kAuditor, Role::kPrivacyOfficer}) {
    if (to_string(role) == text) return role;
  }
  throw StorageError("audit_log.role: unknown value '" + text + "'");
}

AuditAction parse_action(const std::string& text) {
  for (AuditAction action : {AuditAction::kCreate, AuditAction::kUpdate, AuditAction::kReadSpecial,
                             AuditAction::kDenied, AuditAction::kPurge, AuditAction::kErase}) {
    if (to_string(action) == text) return action;
  }
  throw StorageError("audit_log.action: unknown value '" + text + "'");
}

std::chrono::sys_seconds parse_timestamp(const std::string& text) {
  // "YYYY-MM-DDTHH:MM:SSZ", written by to_iso().
  const Date day = parse_date(text.substr(0, 10), "audit_log.at");
  auto number = [&](std::size_t pos) {
    int value = 0;
    std::from_chars(text.data() + pos, text.data() + pos + 2, value);
    return value;
  };
  if (text.size() != 20) throw StorageError("audit_log.at: not a timestamp");
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(day.year())},
                                        std::chrono::month{static_cast<unsigned>(day.month())},
                                        std::chrono::day{static_cast<unsigned>(day.day())}};
  return std::chrono::sys_days{ymd} + std::chrono::hours{number(11)} +
         std::chrono::minutes{number(14)} + std::chrono::seconds{number(17)};
}

std::optional<Route> current_route(const TrajectoryRecord& record) {
  if (record.plan_versions.empty()) return std::nullopt;
  return record.plan_versions.back().content.route;
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& v) {
  if (v) {
    statement.bind(index, *v);
  } else {
    statement.bind(index);  // NULL
  }
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

void check_page(const PageRequest& page) {
  if (page.limit < 1 || page.limit > 1000) {
    throw ValidationError("page.limit", "must be between 1 and 1000", std::to_string(page.limit));
  }
}

[[noreturn]] void bad_cursor(const std::string& cursor) {
  throw ValidationError("page.after", "must be the 'next' of a previous page of this listing",
                        "'" + cursor.substr(0, 40) + "'");
}

std::vector<std::string> split_cursor(const std::string& cursor, std::size_t parts) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = cursor.find('|', start);
    out.push_back(cursor.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (out.size() != parts) bad_cursor(cursor);
  return out;
}

std::int64_t cursor_number(const std::string& text, const std::string& cursor) {
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) bad_cursor(cursor);
  return value;
}

TrajectorySummary summary_from(SQLite::Statement& row) {
  TrajectorySummary summary{
      .id = TrajectoryId(row.getColumn(0).getInt64()),
      .municipality = MunicipalityCode(row.getColumn(1).getString()),
      .caseworker = UserId(row.getColumn(2).getString()),
      .state = detail::parse_state(row.getColumn(3).getString(), "trajectory.state")};
  if (!row.getColumn(4).isNull()) {
    summary.route = detail::parse_route(row.getColumn(4).getString(), "trajectory.route");
  }
  if (!row.getColumn(5).isNull()) summary.term_end = parse_date(row.getColumn(5).getString());
  summary.revision = row.getColumn(6).getInt64();
  summary.purged = !row.getColumn(7).isNull();
  return summary;
}

}  // namespace

struct SqliteStore::Impl {
  Impl(SQLite::Database database, SqliteOptions opts)
      : db(std::move(database)), options(std::move(opts)) {}

  SQLite::Database db;
  SqliteOptions options;

  const Policy& policy_for(MunicipalityCode municipality) const {
    const auto it = options.municipal_policies.find(municipality);
    return it == options.municipal_policies.end() ? options.policy : it->second;
  }

  Date today() const { return options.clock->today(); }
  std::string now() const { return to_iso(options.clock->now()); }

  /// Runs `body` and retries it when SQLite reports the database busy or locked; maps every
  /// other SQLite error to StorageError. `body` opens its own transaction, so a retry starts
  /// from a clean slate.
  template <class F>
  auto with_retry(const char* what, F&& body) -> decltype(body()) {
    for (int attempt = 0;; ++attempt) {
      try {
        return body();
      } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && attempt < options.busy_retries) {
          std::this_thread::sleep_for(std::chrono::milliseconds(5 << std::min(attempt, 6)));
          continue;
        }
        throw StorageError(std::string(what) + " failed: " + e.what());
      }
    }
  }

  std::string arrangement_for(const Actor& actor, std::optional<MunicipalityCode> owner) const {
    if (!owner || *owner == actor.municipality) return {};
    for (const auto& grant : actor.grants) {
      if (grant.grantor == *owner) return grant.arrangement;
    }
    return {};
  }

  void insert_audit(const Actor& actor, AuditAction action, std::optional<MunicipalityCode> owner,
                    std::optional<TrajectoryId> id, const std::vector<FieldChange>& changes,
                    const std::string& note) {
    json list = json::array();
    for (const auto& change : changes) {
      list.push_back({{"field", change.field}, {"before", change.before}, {"after", change.after}});
    }
    SQLite::Statement insert(db,
                             "INSERT INTO audit_log (at, user_id, role, actor_municipality, "
                             "on_behalf_of, arrangement, action, trajectory_id, changes, note) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, now());
    insert.bind(2, actor.user.value());
    insert.bind(3, role_text(actor.role));
    insert.bind(4, actor.municipality.to_string());
    bind_optional(insert, 5, owner ? std::optional(owner->to_string()) : std::nullopt);
    insert.bind(6, arrangement_for(actor, owner));
    insert.bind(7, std::string(to_string(action)));
    if (id) {
      insert.bind(8, id->value());
    } else {
      insert.bind(8);
    }
    insert.bind(9, list.dump());
    insert.bind(10, note);
    insert.exec();
  }

  /// Audits the refusal in its own transaction, then throws AccessDenied.
  [[noreturn]] void deny(const Actor& actor, std::optional<MunicipalityCode> owner,
                         std::optional<TrajectoryId> id, const std::string& what) {
    try {
      with_retry("auditing a denial", [&] {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        insert_audit(actor, AuditAction::kDenied, owner, id, {}, what);
        transaction.commit();
      });
    } catch (const Error&) {
      // The refusal stands even when it could not be written down.
    }
    throw AccessDenied("access denied: " + what + " (user " + actor.user.value() + ", role " +
                       role_text(actor.role) + ", municipality " + actor.municipality.to_string() +
                       ")");
  }

  struct StoredRow {
    MunicipalityCode municipality;
    std::int64_t revision;
    std::optional<std::string> record;
    std::optional<std::string> purged_on;
  };

  std::optional<StoredRow> read_row(TrajectoryId id) {
    SQLite::Statement query(db, sql::kLoad);
    query.bind(1, id.value());
    if (!query.executeStep()) return std::nullopt;
    return StoredRow{MunicipalityCode(query.getColumn(0).getString()),
                     query.getColumn(1).getInt64(), optional_text(query.getColumn(2)),
                     optional_text(query.getColumn(3))};
  }

  std::optional<TopicRecord> read_health(TrajectoryId id) {
    SQLite::Statement query(db, sql::kLoadHealth);
    query.bind(1, id.value());
    if (!query.executeStep()) return std::nullopt;
    return detail::decode_topic(json::parse(query.getColumn(0).getString()));
  }

  /// The columns derived from a record (everything but id, record, timestamps).
  void bind_columns(SQLite::Statement& statement, const Trajectory& trajectory,
                    std::int64_t revision, const std::string& stored_json) {
    const TrajectoryRecord& record = trajectory.record();
    const auto route = current_route(record);
    statement.bind(2, record.municipality.to_string());
    statement.bind(3, record.caseworker.value());
    statement.bind(4, revision);
    statement.bind(5, std::string(to_string(record.state)));
    bind_optional(statement, 6,
                  route ? std::optional(std::string(to_string(*route))) : std::nullopt);
    statement.bind(7, std::string(to_string(record.participant.target_group)));
    statement.bind(8, record.participant.bsn.digits());
    bind_optional(statement, 9,
                  record.term ? std::optional(to_iso(record.term->start)) : std::nullopt);
    const bool running = record.state == TrajectoryState::kRoute && record.term;
    bind_optional(statement, 10,
                  running ? std::optional(to_iso(*trajectory.term_end(today()))) : std::nullopt);
    bind_optional(statement, 11,
                  record.closure ? std::optional(to_iso(record.closure->on)) : std::nullopt);
    statement.bind(12, stored_json);
    statement.bind(13, now());
  }

  void write_health(TrajectoryId id, const std::optional<TopicRecord>& topic) {
    if (topic) {
      SQLite::Statement upsert(
          db,
          "INSERT INTO trajectory_health (trajectory_id, topic) VALUES (?1, ?2) "
          "ON CONFLICT (trajectory_id) DO UPDATE SET topic = excluded.topic");
      upsert.bind(1, id.value());
      upsert.bind(2, detail::encode_topic(*topic).dump());
      upsert.exec();
    } else {
      SQLite::Statement remove(db, "DELETE FROM trajectory_health WHERE trajectory_id = ?1");
      remove.bind(1, id.value());
      remove.exec();
    }
  }

  void scrub(const Actor& actor, TrajectoryId id, MunicipalityCode owner, AuditAction action,
             const std::string& note) {
    SQLite::Statement update(db,
                             "UPDATE trajectory SET record = NULL, bsn = NULL, purged_on = ?2, "
                             "updated_at = ?3 WHERE id = ?1 AND purged_on IS NULL");
    update.bind(1, id.value());
    update.bind(2, to_iso(today()));
    update.bind(3, now());
    update.exec();
    for (const char* statement : {"DELETE FROM trajectory_health WHERE trajectory_id = ?1",
                                  "DELETE FROM trajectory_signal WHERE trajectory_id = ?1"}) {
      SQLite::Statement remove(db, statement);
      remove.bind(1, id.value());
      remove.exec();
    }
    insert_audit(actor, action, owner, id, {}, note);
  }

  Trajectory restore(TrajectoryRecord record, TrajectoryId id) {
    const MunicipalityCode owner = record.municipality;
    try {
      return Trajectory::from_record(std::move(record), policy_for(owner));
    } catch (const ValidationError& e) {
      throw StorageError("stored trajectory " + to_string(id) +
                         " breaks a rule of the model: " + e.what());
    }
  }
};

// ---- Opening ---------------------------------------------------------------------------------

int SqliteStore::latest_schema_version() noexcept { return detail::latest_schema_version(); }

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path, SqliteOptions options) {
  if (!options.clock) options.clock = std::make_shared<SystemClock>();
  if (options.busy_timeout.count() < 0) {
    throw ValidationError("options.busy_timeout", "must not be negative",
                          std::to_string(options.busy_timeout.count()));
  }
  if (options.busy_retries < 0) {
    throw ValidationError("options.busy_retries", "must not be negative",
                          std::to_string(options.busy_retries));
  }
  options.policy.validate();
  for (const auto& [municipality, policy] : options.municipal_policies) policy.validate();

  const bool memory = path == ":memory:";
  int flags = SQLite::OPEN_READWRITE;
  if (options.create_if_missing) flags |= SQLite::OPEN_CREATE;
  std::unique_ptr<Impl> impl;
  try {
    SQLite::Database db(path, flags, static_cast<int>(options.busy_timeout.count()));
    impl = std::make_unique<Impl>(std::move(db), std::move(options));
  } catch (const SQLite::Exception& e) {
    throw StorageError("cannot open the database file: " + std::string(e.what()));
  }
  SQLite::Database& db = impl->db;
  // Refuse what must not be touched before changing anything.
  detail::check_schema(db);
  impl->with_retry("configuring the connection", [&] {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    if (!memory) {
      const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
      if (mode != "wal") throw StorageError("the database cannot use WAL mode (" + mode + ")");
    }
  });
  Impl* raw = impl.get();
  detail::migrate(db, detail::latest_schema_version(),
                  [raw](MunicipalityCode m) -> const Policy& { return raw->policy_for(m); });
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

int SqliteStore::schema_version() const {
  return impl_->with_retry("reading the schema version",
                           [&] { return impl_->db.execAndGet("PRAGMA user_version").getInt(); });
}

// ---- Writing ---------------------------------------------------------------------------------

void SqliteStore::create(const Actor& actor, Trajectory& trajectory) {
  Impl& s = *impl_;
  const TrajectoryRecord& record = trajectory.record();
  const MunicipalityCode owner = record.municipality;
  const TrajectoryId id = trajectory.id();
  if (!actor.may_write(owner)) {
    s.deny(actor, owner, id, "creating a trajectory of municipality " + owner.to_string());
  }
  const bool has_health = record.intake.topics.count(IntakeTopic::kHealth) != 0;
  if (has_health && !actor.may_read_health(owner)) {
    s.deny(actor, owner, id, "writing health information of trajectory " + to_string(id));
  }
  if (record.revision != 0) {
    throw ConflictError("trajectory " + to_string(id) + " was already stored (revision " +
                        std::to_string(record.revision) + "); use save()");
  }

  TrajectoryRecord stored = record;
  stored.revision = 1;
  json full = detail::encode_record(stored);
  std::optional<TopicRecord> health;
  if (has_health) health = record.intake.topics.at(IntakeTopic::kHealth);
  full["intake"]["topics"].erase(kHealthKey);
  const std::string text = full.dump();

  s.with_retry("creating a trajectory", [&] {
    SQLite::Transaction transaction(s.db, SQLite::TransactionBehavior::IMMEDIATE);
    if (s.read_row(id)) {
      throw ConflictError("trajectory " + to_string(id) + " already exists");
    }
    SQLite::Statement insert(
        s.db,
        "INSERT INTO trajectory (id, municipality, caseworker, revision, state, route, "
        "target_group, bsn, term_start, term_end, closed_on, record, updated_at, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
    insert.bind(1, id.value());
    s.bind_columns(insert, trajectory, 1, text);
    insert.exec();
    s.write_health(id, health);
    detail::write_deadlines(s.db, trajectory, s.today());
    s.insert_audit(actor, AuditAction::kCreate, owner, id, {},
                   "created in state " + std::string(to_string(record.state)));
    transaction.commit();
  });
  trajectory = s.restore(std::move(stored), id);
}

void SqliteStore::save(const Actor& actor, Trajectory& trajectory) {
  Impl& s = *impl_;
  const TrajectoryRecord& record = trajectory.record();
  const TrajectoryId id = trajectory.id();
  const bool has_health = record.intake.topics.count(IntakeTopic::kHealth) != 0;
  // Access is checked on the row read inside the transaction; a refusal leaves the
  // transaction (rolling it back) and is audited afterwards in a transaction of its own.
  std::optional<MunicipalityCode> refused_owner;
  std::string refusal;

  TrajectoryRecord stored = record;
  bool written = false;
  s.with_retry("saving a trajectory", [&] {
    SQLite::Transaction transaction(s.db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto current = s.read_row(id);
    if (!current) throw NotFound("trajectory", to_string(id));
    const MunicipalityCode owner = current->municipality;
    if (!actor.may_write(owner)) {
      refused_owner = owner;
      refusal = "changing trajectory " + to_string(id);
      return;
    }
    if (record.municipality != owner) {
      throw ValidationError("trajectory.municipality",
                            "a trajectory stays with its municipality; a move is transfer_out() "
                            "and receive_transfer() (Wi 15.4)",
                            record.municipality.to_string());
    }
    const bool sees_health = actor.may_read_health(owner);
    if (has_health && !sees_health) {
      refused_owner = owner;
      refusal = "writing health information of trajectory " + to_string(id);
      return;
    }
    if (current->purged_on) {
      throw ConflictError("trajectory " + to_string(id) + " was purged on " + *current->purged_on);
    }
    if (current->revision != record.revision) {
      throw ConflictError("trajectory " + to_string(id) +
                          " was changed by someone else since it was loaded (stored revision " +
                          std::to_string(current->revision) + ", loaded " +
                          std::to_string(record.revision) + "); load it again");
    }
    // A save never removes stored health information: the model cannot delete a recorded
    // topic, so a record without it was loaded by a role that could not see it (or by none).
    // Compare as if the stored topic were part of the record; write only a present topic.
    json before = json::parse(*current->record);
    json after;
    {
      stored.revision = current->revision + 1;
      after = detail::encode_record(stored);
      const auto stored_health = sees_health ? s.read_health(id) : std::nullopt;
      if (stored_health) {
        before["intake"]["topics"][kHealthKey] = detail::encode_topic(*stored_health);
        if (!has_health)
          after["intake"]["topics"][kHealthKey] = before["intake"]["topics"][kHealthKey];
      }
    }
    const auto changes = detail::diff_records(before, after);
    if (changes.empty()) {
      stored.revision = current->revision;
      return;  // Nothing changed: nothing to write or audit.
    }
    std::optional<TopicRecord> health;
    if (has_health) health = record.intake.topics.at(IntakeTopic::kHealth);
    after["intake"]["topics"].erase(kHealthKey);

    SQLite::Statement update(
        s.db,
        "UPDATE trajectory SET municipality = ?2, caseworker = ?3, revision = ?4, state = ?5, "
        "route = ?6, target_group = ?7, bsn = ?8, term_start = ?9, term_end = ?10, "
        "closed_on = ?11, record = ?12, updated_at = ?13 WHERE id = ?1 AND revision = ?14");
    update.bind(1, id.value());
    s.bind_columns(update, trajectory, stored.revision, after.dump());
    update.bind(14, current->revision);
    if (update.exec() != 1) {
      throw ConflictError("trajectory " + to_string(id) + " was changed by someone else");
    }
    if (health) s.write_health(id, health);
    detail::write_deadlines(s.db, trajectory, s.today());
    s.insert_audit(actor, AuditAction::kUpdate, owner, id, changes, {});
    transaction.commit();
    written = true;
  });
  if (refused_owner) s.deny(actor, *refused_owner, id, refusal);
  if (written) trajectory = s.restore(std::move(stored), id);
}

// ---- Reading ---------------------------------------------------------------------------------

Trajectory SqliteStore::load(const Actor& actor, TrajectoryId id) {
  Impl& s = *impl_;
  const auto row = s.with_retry("loading a trajectory", [&] { return s.read_row(id); });
  if (!row) throw NotFound("trajectory", to_string(id));
  const MunicipalityCode owner = row->municipality;
  if (!actor.may_read(owner)) {
    s.deny(actor, owner, id, "reading trajectory " + to_string(id));
  }
  if (row->purged_on) throw NotFound("purged trajectory", to_string(id));
  TrajectoryRecord record = detail::decode_record(json::parse(*row->record));
  record.revision = row->revision;
  if (actor.may_read_health(owner)) {
    // Only a read that returns health information takes the write lock, for its audit entry.
    if (auto topic =
            s.with_retry("reading health information", [&] { return s.read_health(id); })) {
      s.with_retry("auditing a read of health information", [&] {
        SQLite::Transaction transaction(s.db, SQLite::TransactionBehavior::IMMEDIATE);
        s.insert_audit(actor, AuditAction::kReadSpecial, owner, id,
                       {FieldChange{"/intake/topics/health", "(read)", "(read)"}}, {});
        transaction.commit();
      });
      record.intake.topics[IntakeTopic::kHealth] = std::move(*topic);
    }
  }
  return s.restore(std::move(record), id);
}

std::vector<TrajectorySummary> SqliteStore::find_by_bsn(const Actor& actor, const Bsn& bsn) {
  Impl& s = *impl_;
  return s.with_retry("finding by BSN", [&] {
    std::vector<TrajectorySummary> out;
    SQLite::Statement query(s.db, sql::kFindByBsn);
    query.bind(1, bsn.digits());
    while (query.executeStep()) {
      TrajectorySummary summary = summary_from(query);
      if (actor.may_read(summary.municipality)) out.push_back(std::move(summary));
    }
    return out;
  });
}

Page<TrajectorySummary> SqliteStore::list(const Actor& actor, const TrajectoryFilter& filter,
                                          const PageRequest& page) {
  Impl& s = *impl_;
  check_page(page);
  const MunicipalityCode municipality = filter.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt,
           "listing trajectories of " + municipality.to_string());
  }
  const std::int64_t after = page.after.empty() ? 0 : cursor_number(page.after, page.after);
  const char* text = filter.caseworker ? sql::kListByCaseworker
                     : filter.state    ? sql::kListByState
                     : filter.route    ? sql::kListByRoute
                                       : sql::kListAll;
  return s.with_retry("listing trajectories", [&] {
    Page<TrajectorySummary> out;
    SQLite::Statement query(s.db, text);
    query.bind(1, municipality.to_string());
    bind_optional(query, 2,
                  filter.caseworker ? std::optional(filter.caseworker->value()) : std::nullopt);
    bind_optional(
        query, 3,
        filter.state ? std::optional(std::string(to_string(*filter.state))) : std::nullopt);
    bind_optional(
        query, 4,
        filter.route ? std::optional(std::string(to_string(*filter.route))) : std::nullopt);
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

Page<WorklistItem> SqliteStore::worklist(const Actor& actor, Date due_before,
                                         const TrajectoryFilter& filter, const PageRequest& page) {
  Impl& s = *impl_;
  check_page(page);
  require_valid(due_before, "worklist.due_before");
  const MunicipalityCode municipality = filter.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt,
           "reading the worklist of " + municipality.to_string());
  }
  std::string due_after;
  std::int64_t id_after = 0;
  std::int64_t seq_after = -1;
  if (!page.after.empty()) {
    const auto parts = split_cursor(page.after, 3);
    due_after = parts[0];
    id_after = cursor_number(parts[1], page.after);
    seq_after = cursor_number(parts[2], page.after);
  }
  const Date today = s.today();
  return s.with_retry("reading the worklist", [&] {
    Page<WorklistItem> out;
    SQLite::Statement query(s.db, filter.caseworker ? sql::kWorklistByCaseworker : sql::kWorklist);
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
        out.next = to_iso(last.signal.due_on) + "|" + std::to_string(last.trajectory.value()) +
                   "|" + std::to_string(last_seq);
        break;
      }
      const Date due = parse_date(query.getColumn(4).getString(), "trajectory_signal.due_on");
      last_seq = query.getColumn(1).getInt64();
      out.items.push_back(WorklistItem{
          TrajectoryId(query.getColumn(0).getInt64()), UserId(query.getColumn(2).getString()),
          Signal{
              detail::parse_signal_kind(query.getColumn(3).getString(), "trajectory_signal.kind"),
              due, due < today, query.getColumn(5).getString()}});
    }
    return out;
  });
}

Page<TrajectorySummary> SqliteStore::terms_ending(const Actor& actor, Date today, int within_months,
                                                  const TrajectoryFilter& filter,
                                                  const PageRequest& page) {
  Impl& s = *impl_;
  check_page(page);
  require_valid(today, "terms_ending.today");
  if (within_months < 1 || within_months > 120) {
    throw ValidationError("terms_ending.within_months", "must be between 1 and 120",
                          std::to_string(within_months));
  }
  const MunicipalityCode municipality = filter.municipality.value_or(actor.municipality);
  if (!actor.may_read(municipality)) {
    s.deny(actor, municipality, std::nullopt, "listing terms of " + municipality.to_string());
  }
  std::string end_after;
  std::int64_t id_after = 0;
  if (!page.after.empty()) {
    const auto parts = split_cursor(page.after, 2);
    end_after = parts[0];
    id_after = cursor_number(parts[1], page.after);
  }
  const Date until = last_day_of_period(today, within_months);
  return s.with_retry("listing terms ending", [&] {
    Page<TrajectorySummary> out;
    SQLite::Statement query(s.db, sql::kTermsEnding);
    query.bind(1, municipality.to_string());
    query.bind(2, to_iso(today));
    query.bind(3, to_iso(until));
    query.bind(4, end_after);
    query.bind(5, id_after);
    query.bind(6, page.limit + 1);
    while (query.executeStep()) out.items.push_back(summary_from(query));
    if (static_cast<int>(out.items.size()) > page.limit) {
      out.items.pop_back();
      const auto& last = out.items.back();
      out.next = to_iso(*last.term_end) + "|" + std::to_string(last.id.value());
    }
    return out;
  });
}

std::vector<AuditEntry> SqliteStore::history(const Actor& actor, TrajectoryId id) {
  Impl& s = *impl_;
  const auto row = s.with_retry("reading a trajectory", [&] { return s.read_row(id); });
  if (!row) throw NotFound("trajectory", to_string(id));
  if (!actor.may_read(row->municipality)) {
    s.deny(actor, row->municipality, id, "reading the history of trajectory " + to_string(id));
  }
  return s.with_retry("reading the audit trail", [&] {
    std::vector<AuditEntry> out;
    SQLite::Statement query(s.db, sql::kHistory);
    query.bind(1, id.value());
    while (query.executeStep()) {
      AuditEntry entry{.sequence = query.getColumn(0).getInt64(),
                       .at = parse_timestamp(query.getColumn(1).getString()),
                       .user = UserId(query.getColumn(2).getString()),
                       .role = parse_role(query.getColumn(3).getString()),
                       .actor_municipality = MunicipalityCode(query.getColumn(4).getString())};
      if (!query.getColumn(5).isNull()) {
        entry.on_behalf_of = MunicipalityCode(query.getColumn(5).getString());
      }
      entry.arrangement = query.getColumn(6).getString();
      entry.action = parse_action(query.getColumn(7).getString());
      if (!query.getColumn(8).isNull())
        entry.trajectory = TrajectoryId(query.getColumn(8).getInt64());
      for (const auto& change : json::parse(query.getColumn(9).getString())) {
        entry.changes.push_back(FieldChange{change.at("field").get<std::string>(),
                                            change.at("before").get<std::string>(),
                                            change.at("after").get<std::string>()});
      }
      entry.note = query.getColumn(10).getString();
      out.push_back(std::move(entry));
    }
    return out;
  });
}

// ---- Retention and erasure -------------------------------------------------------------------

RetentionReport SqliteStore::purge_expired(const Actor& actor, Date today) {
  Impl& s = *impl_;
  require_valid(today, "purge.today");
  const MunicipalityCode municipality = actor.municipality;
  if (!role_may_erase(actor.role)) {
    s.deny(actor, municipality, std::nullopt, "purging expired personal data");
  }
  const int years = s.policy_for(municipality).retention_years;
  const Date cutoff = add_months(today, -12 * years);
  return s.with_retry("purging expired personal data", [&] {
    RetentionReport report;
    SQLite::Transaction transaction(s.db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement query(s.db, sql::kExpired);
    query.bind(1, municipality.to_string());
    query.bind(2, to_iso(cutoff));
    while (query.executeStep()) report.purged.emplace_back(query.getColumn(0).getInt64());
    query.reset();
    for (TrajectoryId id : report.purged) {
      s.scrub(actor, id, municipality, AuditAction::kPurge,
              "retention period of " + std::to_string(years) + " years ended (Bi 9.9)");
    }
    transaction.commit();
    return report;
  });
}

int SqliteStore::erase_person(const Actor& actor, const Bsn& bsn, const std::string& reason) {
  Impl& s = *impl_;
  const MunicipalityCode municipality = actor.municipality;
  if (!role_may_erase(actor.role)) {
    s.deny(actor, municipality, std::nullopt, "erasing personal data");
  }
  if (reason.empty()) {
    throw ValidationError("erase.reason", "an erasure records its ground (AVG art. 17)", "empty");
  }
  return s.with_retry("erasing personal data", [&] {
    std::vector<TrajectoryId> ids;
    SQLite::Transaction transaction(s.db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement query(s.db, sql::kErasable);
    query.bind(1, bsn.digits());
    query.bind(2, municipality.to_string());
    while (query.executeStep()) ids.emplace_back(query.getColumn(0).getInt64());
    query.reset();
    for (TrajectoryId id : ids) s.scrub(actor, id, municipality, AuditAction::kErase, reason);
    transaction.commit();
    return static_cast<int>(ids.size());
  });
}

}  // namespace inburgering::storage
