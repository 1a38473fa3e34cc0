// SqlStore: the helpers its reads and writes share (access, the audit trail, rows).

#include "inburgering/storage/sql_store.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "inburgering/limits.hpp"
#include "storage/record_codec.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store_impl.hpp"

namespace inburgering::storage {

namespace sql = detail::sql;

namespace {

void bind_optional(detail::Statement& statement, int index, const std::optional<std::string>& v) {
  if (v) {
    statement.bind(index, *v);
  } else {
    statement.bind(index);  // NULL
  }
}

std::optional<std::string> optional_text(const detail::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqlStore::~SqlStore() = default;

// ---- Helpers ---------------------------------------------------------------------------------

void SqlStore::Impl::check_actor(const Actor& actor) {
  check_identifier(actor.user.value(), "actor.user");
  const auto roles = all_enumerators<Role>();
  if (std::find(roles.begin(), roles.end(), actor.role) == roles.end()) {
    throw ValidationError("actor.role", "must be one of the roles of storage::Role",
                          std::to_string(static_cast<int>(actor.role)));
  }
  for (const auto& grant : actor.grants) check_text(grant.arrangement, "actor.grants.arrangement");
  // The database keeps the municipalities apart (row-level security); within one, the roles are
  // the library's to check. Written may be the own rows and a grantor's whose grant allows it.
  detail::Scope scope{.municipality = actor.municipality.to_string(), .read = {}, .write = {}};
  scope.write.push_back(scope.municipality);
  for (const MunicipalityCode& m : actor.readable_municipalities())
    scope.read.push_back(m.to_string());
  for (const auto& grant : actor.grants) {
    if (grant.allows_write && grant.grantor != actor.municipality) {
      scope.write.push_back(grant.grantor.to_string());
    }
  }
  db.set_scope(scope);
}

void SqlStore::Impl::require_writable(const std::string& what) const {
  if (options.read_only) {
    throw StorageError(what + " is not possible: the store was opened read-only",
                       ErrorCode::kReadOnlyStore);
  }
}

std::string SqlStore::Impl::arrangement_for(const Actor& actor,
                                            std::optional<MunicipalityCode> owner) const {
  if (!owner || *owner == actor.municipality) return {};
  for (const auto& grant : actor.grants) {
    if (grant.grantor == *owner) return grant.arrangement;
  }
  return {};
}

void SqlStore::Impl::insert_audit(const Actor& actor, AuditAction action,
                                  std::optional<MunicipalityCode> owner,
                                  std::optional<TrajectoryId> id,
                                  const std::vector<FieldChange>& changes,
                                  const std::string& note) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& change : changes) {
    list.push_back({{"field", change.field}, {"before", change.before}, {"after", change.after}});
  }
  detail::AuditContent content{
      .at = now(),
      .user_id = actor.user.value(),
      .role = std::string(to_string(actor.role)),
      .actor_municipality = actor.municipality.to_string(),
      .on_behalf_of = owner ? std::optional(owner->to_string()) : std::nullopt,
      .arrangement = arrangement_for(actor, owner),
      .action = std::string(to_string(action)),
      .trajectory_id = id ? std::optional(id->value()) : std::nullopt,
      .changes = list.dump(),
      .note = note};
  // The link to the previous entry, read inside the caller's write transaction.
  std::string previous;
  {
    auto last = statements.use(dialect() == detail::Dialect::kPostgres
                                   ? "SELECT hash FROM audit_head()"
                                   : "SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1");
    if (last->executeStep()) previous = last->getColumn(0).getString();
  }
  auto insert = statements.use(
      "INSERT INTO audit_log (at, user_id, role, actor_municipality, on_behalf_of, arrangement, "
      "action, trajectory_id, changes, note, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  insert->bind(1, content.at);
  insert->bind(2, content.user_id);
  insert->bind(3, content.role);
  insert->bind(4, content.actor_municipality);
  bind_optional(*insert, 5, content.on_behalf_of);
  insert->bind(6, content.arrangement);
  insert->bind(7, content.action);
  if (content.trajectory_id) {
    insert->bind(8, *content.trajectory_id);
  } else {
    insert->bind(8);
  }
  insert->bind(9, content.changes);
  insert->bind(10, content.note);
  insert->bind(11, detail::audit_hash(previous, content));
  insert->exec();
}

void SqlStore::Impl::audit_denial(const Actor& actor, std::optional<MunicipalityCode> owner,
                                  std::optional<TrajectoryId> id,
                                  const std::string& what) noexcept {
  try {
    if (options.read_only) return;
    with_retry("auditing a denial", [&] {
      detail::Transaction transaction(db, detail::TxKind::kWrite);
      insert_audit(actor, AuditAction::kDenied, owner, id, {}, what);
      transaction.commit();
    });
  } catch (...) {
    // The refusal stands even when it could not be written down.
  }
}

void SqlStore::Impl::deny_as_not_found(const Actor& actor, MunicipalityCode owner, TrajectoryId id,
                                       const std::string& what) {
  audit_denial(actor, owner, id, what);
  throw NotFound("trajectory", to_string(id));
}

void SqlStore::Impl::deny(const Actor& actor, std::optional<MunicipalityCode> owner,
                          std::optional<TrajectoryId> id, const std::string& what) {
  audit_denial(actor, owner, id, what);
  throw AccessDenied("access denied: " + what + " (user " + actor.user.value() + ", role " +
                     std::string(to_string(actor.role)) + ", municipality " +
                     actor.municipality.to_string() + ")");
}

std::optional<SqlStore::Impl::StoredRow> SqlStore::Impl::read_row(TrajectoryId id) {
  auto use = statements.use(sql::kLoad);
  detail::Statement& query = *use;
  query.bind(1, id.value());
  if (!query.executeStep()) {
    // Row-level security hides another municipality's row: whose it is (and nothing else) comes
    // from a function of the schema's owner, so that a refusal is refused and audited as such.
    if (dialect() != detail::Dialect::kPostgres) return std::nullopt;
    auto owner = statements.use("SELECT trajectory_owner(?1)");
    owner->bind(1, id.value());
    if (!owner->executeStep() || owner->getColumn(0).isNull()) return std::nullopt;
    try {
      return StoredRow{MunicipalityCode(owner->getColumn(0).getString()), 0, std::nullopt,
                       std::nullopt, std::nullopt};
    } catch (const ValidationError&) {
      throw StorageError("stored trajectory " + to_string(id) + " is damaged at municipality",
                         ErrorCode::kCorruptData);
    }
  }
  const std::string what = "trajectory " + to_string(id);
  std::optional<MunicipalityCode> municipality;
  try {
    municipality = MunicipalityCode(query.getColumn(0).getString());
  } catch (const ValidationError&) {
    throw StorageError("stored " + what + " is damaged at municipality", ErrorCode::kCorruptData);
  }
  std::optional<std::int64_t> policy_id;
  if (!query.getColumn(4).isNull()) policy_id = query.getColumn(4).getInt64();
  return StoredRow{*municipality, query.getColumn(1).getInt64(), optional_text(query.getColumn(2)),
                   optional_text(query.getColumn(3)), policy_id};
}

const Policy& SqlStore::Impl::policy(std::int64_t id) {
  auto it = policies.find(id);
  if (it == policies.end()) it = policies.emplace(id, detail::load_policy(statements, id)).first;
  return it->second;
}

TrajectoryRecord SqlStore::Impl::decode_row(const StoredRow& row, TrajectoryId id) {
  if (!row.record || !row.policy_id) {
    throw StorageError("stored trajectory " + to_string(id) + " has no record or no policy",
                       ErrorCode::kCorruptData);
  }
  TrajectoryRecord record = detail::decode_stored_record(*row.record, policy(*row.policy_id), id);
  if (record.id != id) {
    throw StorageError("stored trajectory " + to_string(id) + " is damaged at id",
                       ErrorCode::kCorruptData);
  }
  record.revision = row.revision;
  return record;
}

void SqlStore::Impl::bind_columns(detail::Statement& statement, const Trajectory& trajectory,
                                  std::int64_t revision, const std::string& record_text,
                                  std::int64_t policy_id) {
  const TrajectoryRecord& record = trajectory.record();
  const PlanVersion* plan = trajectory.current_plan();
  statement.bind(2, record.municipality.to_string());
  statement.bind(3, record.caseworker.value());
  statement.bind(4, revision);
  statement.bind(5, std::string(to_string(record.state)));
  bind_optional(statement, 6,
                plan ? std::optional(std::string(to_string(plan->content.route))) : std::nullopt);
  statement.bind(7, std::string(to_string(record.participant.target_group)));
  statement.bind(8, record.participant.bsn.digits());
  bind_optional(statement, 9,
                record.term ? std::optional(to_iso(record.term->start)) : std::nullopt);
  const bool running = record.state == TrajectoryState::kRoute && record.term;
  bind_optional(statement, 10,
                running ? std::optional(to_iso(*trajectory.term_end(today()))) : std::nullopt);
  bind_optional(statement, 11,
                record.closure ? std::optional(to_iso(record.closure->on)) : std::nullopt);
  statement.bind(12, record_text);
  statement.bind(13, now());
  statement.bind(14, policy_id);
  bind_optional(statement, 15, detail::retain_until(record));
}

void SqlStore::Impl::scrub(const Actor& actor, TrajectoryId id, MunicipalityCode owner,
                           AuditAction action, const std::string& note) {
  detail::Statement update(db,
                           "UPDATE trajectory SET record = NULL, bsn = NULL, purged_on = ?2, "
                           "updated_at = ?3 WHERE id = ?1 AND purged_on IS NULL");
  update.bind(1, id.value());
  update.bind(2, to_iso(today()));
  update.bind(3, now());
  update.exec();
  for (const char* statement : {"DELETE FROM trajectory_health WHERE trajectory_id = ?1",
                                "DELETE FROM trajectory_special WHERE trajectory_id = ?1",
                                "DELETE FROM trajectory_signal WHERE trajectory_id = ?1",
                                "DELETE FROM trajectory_fact WHERE trajectory_id = ?1",
                                // What programmes recorded about the person (goals are free text).
                                "DELETE FROM programme_activity WHERE trajectory_id = ?1",
                                "DELETE FROM programme_goal WHERE trajectory_id = ?1",
                                "DELETE FROM programme_outcome WHERE trajectory_id = ?1",
                                "DELETE FROM enrolment WHERE trajectory_id = ?1"}) {
    detail::Statement remove(db, statement);
    remove.bind(1, id.value());
    remove.exec();
  }
  insert_audit(actor, action, owner, id, {}, note);
}

}  // namespace inburgering::storage
