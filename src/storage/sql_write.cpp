// SqliteStore: the calls that change the database. Each is one transaction with its audit
// entries (BEGIN IMMEDIATE, retried when busy).

#include <set>

#include "detail/text_check.hpp"
#include "inburgering/limits.hpp"
#include "inburgering/storage/sqlite_store.hpp"
#include "storage/audit_diff.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store_impl.hpp"

namespace inburgering::storage {

namespace sql = detail::sql;

namespace {

const TopicRecord* health_of(const TrajectoryRecord& record) {
  const auto it = record.intake.topics.find(IntakeTopic::kHealth);
  return it == record.intake.topics.end() ? nullptr : &it->second;
}

// Whether the record holds the content of the health topic (not only its placeholder).
bool has_health_content(const TrajectoryRecord& record) {
  const TopicRecord* health = health_of(record);
  return health != nullptr && !health->withheld;
}

}  // namespace

std::string SqlStore::Impl::prepare_create(const Actor& actor, const Trajectory& trajectory) {
  const TrajectoryRecord& record = trajectory.record();
  const MunicipalityCode owner = record.municipality;
  const TrajectoryId id = trajectory.id();
  if (!actor.may_write(owner)) {
    deny(actor, owner, id, "creating a trajectory of municipality " + owner.to_string());
  }
  const bool has_health = has_health_content(record) || detail::holds_special_values(record);
  if (has_health && !actor.may_read_health(owner)) {
    deny(actor, owner, id, "writing health information of trajectory " + to_string(id));
  }
  if (detail::holds_special_placeholder(record)) {
    const auto& test = record.intake.learnability_test;
    throw ValidationError(test && test->special_withheld
                              ? "intake.learnability_test.special_withheld"
                              : "obligation.dispensations.special_withheld",
                          "a new trajectory holds the special-category values themselves, not a "
                          "placeholder",
                          "true");
  }
  if (const TopicRecord* health = health_of(record); health && health->withheld) {
    throw ValidationError("intake.topics.health.withheld",
                          "a new trajectory holds the health topic itself, not a placeholder",
                          "true");
  }
  if (record.revision != 0) {
    throw ConflictError(ErrorCode::kAlreadyStored,
                        "trajectory " + to_string(id) + " was already stored (revision " +
                            std::to_string(record.revision) + "); use save()");
  }
  return detail::stored_record_text(record);
}

void SqlStore::Impl::insert_new(const Actor& actor, const Trajectory& trajectory,
                                const std::string& text, std::int64_t policy_id,
                                const std::string& note) {
  const TrajectoryRecord& record = trajectory.record();
  const TrajectoryId id = trajectory.id();
  {
    auto insert = statements.use(sql::kInsert);
    insert->bind(1, id.value());
    bind_columns(*insert, trajectory, 1, text, policy_id);
    insert->exec();
  }
  if (has_health_content(record)) detail::write_health(statements, id, *health_of(record));
  if (detail::holds_special_values(record)) {
    TrajectoryRecord copy = record;
    detail::write_special(statements, id, detail::take_special_values(copy));
  }
  detail::write_deadlines(statements, trajectory, today());
  detail::write_facts(statements, trajectory, today());
  insert_audit(actor, AuditAction::kCreate, record.municipality, id, {},
               note.empty() ? "created in state " + std::string(to_string(record.state)) : note);
}

void SqlStore::Impl::refuse_taken_id(const Actor& actor, TrajectoryId id, MunicipalityCode taken_by,
                                     const std::string& batch) {
  // An id taken by another municipality gets the same answer as one of the actor's own, so that
  // the answer does not tell which municipality has it; the attempt is audited as a denial.
  if (!actor.may_read(taken_by)) {
    audit_denial(actor, taken_by, id,
                 "creating trajectory " + to_string(id) + ": the id is another municipality's");
  }
  throw ConflictError(ErrorCode::kIdExists, "trajectory id " + to_string(id) + batch +
                                                " is already in use; take a new one from "
                                                "reserve_id()");
}

std::int64_t SqlStore::create(const Actor& actor, Trajectory& trajectory) {
  Impl& s = *impl_;
  s.check_actor(actor);
  s.require_writable("creating a trajectory");
  const std::string text = s.prepare_create(actor, trajectory);
  const TrajectoryId id = trajectory.id();
  std::optional<MunicipalityCode> taken_by;
  s.with_retry("creating a trajectory", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    if (const auto existing = s.read_row(id)) {
      taken_by = existing->municipality;
      return;
    }
    s.insert_new(actor, trajectory, text,
                 detail::intern_policy(s.statements, trajectory.record().policy));
    transaction.commit();
  });
  if (taken_by) s.refuse_taken_id(actor, id, *taken_by, "");
  set_revision(trajectory, 1);
  return 1;
}

std::size_t SqlStore::create_many(const Actor& actor, std::span<Trajectory> trajectories) {
  Impl& s = *impl_;
  s.check_actor(actor);
  s.require_writable("creating trajectories");
  if (trajectories.size() > kMaxBatch) {
    throw ValidationError("trajectories",
                          "a batch holds at most " + std::to_string(kMaxBatch) + " trajectories",
                          std::to_string(trajectories.size()));
  }
  std::vector<std::string> texts;
  texts.reserve(trajectories.size());
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < trajectories.size(); ++i) {
    if (!ids.insert(trajectories[i].id().value()).second) {
      throw ValidationError("trajectories[" + std::to_string(i) + "].id",
                            "appears twice in the batch", to_string(trajectories[i].id()));
    }
    texts.push_back(s.prepare_create(actor, trajectories[i]));
  }
  std::optional<std::pair<TrajectoryId, MunicipalityCode>> taken;
  s.with_retry("creating trajectories", [&] {
    taken.reset();
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const Policy* last_policy = nullptr;
    std::int64_t policy_id = 0;
    for (std::size_t i = 0; i < trajectories.size(); ++i) {
      const Trajectory& trajectory = trajectories[i];
      if (const auto existing = s.read_row(trajectory.id())) {
        taken.emplace(trajectory.id(), existing->municipality);
        return;  // rolls back the whole batch
      }
      const Policy& policy = trajectory.record().policy;
      if (last_policy == nullptr || !(policy == *last_policy)) {
        policy_id = detail::intern_policy(s.statements, policy);
        last_policy = &policy;
      }
      s.insert_new(actor, trajectory, texts[i], policy_id);
    }
    transaction.commit();
  });
  if (taken) {
    s.refuse_taken_id(actor, taken->first, taken->second, " (nothing of the batch was stored)");
  }
  for (Trajectory& trajectory : trajectories) set_revision(trajectory, 1);
  return trajectories.size();
}

std::int64_t SqlStore::save(const Actor& actor, Trajectory& trajectory) {
  return save_noted(actor, trajectory, {});
}

std::int64_t SqlStore::save_noted(const Actor& actor, Trajectory& trajectory,
                                  const std::string& note) {
  Impl& s = *impl_;
  s.check_actor(actor);
  s.require_writable("saving a trajectory");
  const TrajectoryRecord& record = trajectory.record();
  const TrajectoryId id = trajectory.id();
  const bool has_health = has_health_content(record) || detail::holds_special_values(record);
  // Access is checked on the row read inside the transaction; a refusal leaves the
  // transaction (rolling it back) and is audited afterwards in a transaction of its own.
  std::optional<MunicipalityCode> refused_owner;
  std::string refusal;
  bool invisible = false;  // refused_owner's records are not even readable for the actor

  std::int64_t revision = record.revision;
  s.with_retry("saving a trajectory", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const auto current = s.read_row(id);
    if (!current) throw NotFound("trajectory", to_string(id));
    const MunicipalityCode owner = current->municipality;
    if (!actor.may_write(owner)) {
      refused_owner = owner;
      refusal = "changing trajectory " + to_string(id);
      invisible = !actor.may_read(owner);
      return;
    }
    if (record.municipality != owner) {
      throw ValidationError("trajectory.municipality",
                            "a trajectory stays with its municipality; a move is transfer_out() "
                            "and receive_transfer() (Wi 15.4)",
                            record.municipality.to_string());
    }
    if (has_health && !actor.may_read_health(owner)) {
      refused_owner = owner;
      refusal = "writing health information of trajectory " + to_string(id);
      return;
    }
    if (current->purged_on) {
      throw ConflictError(ErrorCode::kPurged,
                          "trajectory " + to_string(id) + " was purged on " + *current->purged_on);
    }
    if (current->revision != record.revision) {
      throw ConflictError(ErrorCode::kStaleRevision,
                          "trajectory " + to_string(id) +
                              " was changed by someone else since it was loaded (stored "
                              "revision " +
                              std::to_string(current->revision) + ", loaded " +
                              std::to_string(record.revision) + "); load it again");
    }
    // Compare like with like. The stored record holds the health topic as a placeholder; the
    // change holds its content, its placeholder, or (built without it) nothing. A save never
    // removes stored health information, and compares content only with content.
    TrajectoryRecord before = s.decode_row(*current, id);
    TrajectoryRecord after = record;
    const TopicRecord* stored_health = health_of(before);
    const bool health_content = has_health_content(record);
    if (stored_health == nullptr && health_of(after) != nullptr && !health_content) {
      throw ValidationError("intake.topics.health.withheld",
                            "a placeholder stands only for a stored health topic", "true");
    }
    if (stored_health != nullptr && !health_content) {
      after.intake.topics[IntakeTopic::kHealth] = *stored_health;  // the placeholder
    }
    if (stored_health != nullptr && health_content) {
      if (auto content = detail::read_health(s.statements, id)) {
        before.intake.topics[IntakeTopic::kHealth] = std::move(*content);
      }
    }
    // The other special-category values: the stored ones stand behind the placeholders of both
    // sides, so only values a caller holds itself can differ.
    const detail::SpecialValues stored_special = detail::read_special(s.statements, id);
    detail::restore_special_values(before, stored_special);
    detail::restore_special_values(after, stored_special);
    // Replacing or dropping a stored value (a new learnability test over a withheld dispensation)
    // changes health information as much as writing one.
    TrajectoryRecord stripped = after;
    const detail::SpecialValues special_after = detail::take_special_values(stripped);
    if (!(special_after == stored_special) && !actor.may_read_health(owner)) {
      refused_owner = owner;
      refusal = "changing health information of trajectory " + to_string(id);
      return;
    }
    const auto changes = detail::diff_records(before, after);
    if (changes.empty()) return;  // Nothing changed: nothing to write or audit.

    const std::int64_t policy_id = before.policy == after.policy
                                       ? *current->policy_id
                                       : detail::intern_policy(s.statements, after.policy);
    auto use_update = s.statements.use(sql::kUpdate);
    detail::Statement& update = *use_update;
    update.bind(1, id.value());
    s.bind_columns(update, trajectory, current->revision + 1, detail::stored_record_text(after),
                   policy_id);
    update.bind(16, current->revision);
    if (update.exec() != 1) {
      throw ConflictError(ErrorCode::kStaleRevision,
                          "trajectory " + to_string(id) + " was changed by someone else");
    }
    if (has_health_content(record)) detail::write_health(s.statements, id, *health_of(after));
    if (!(special_after == stored_special)) {
      detail::write_special(s.statements, id, special_after);
    }
    detail::write_deadlines(s.statements, trajectory, s.today());
    detail::write_facts(s.statements, trajectory, s.today());
    s.insert_audit(actor, AuditAction::kUpdate, owner, id, changes, note);
    transaction.commit();
    revision = current->revision + 1;
  });
  if (refused_owner && invisible) s.deny_as_not_found(actor, *refused_owner, id, refusal);
  if (refused_owner) s.deny(actor, *refused_owner, id, refusal);
  set_revision(trajectory, revision);
  return revision;
}

TrajectoryId SqlStore::reserve_id(const Actor& actor) {
  Impl& s = *impl_;
  s.check_actor(actor);
  s.require_writable("reserving a trajectory id");
  if (!role_may_write(actor.role)) {
    s.deny(actor, actor.municipality, std::nullopt, "reserving a trajectory id");
  }
  return s.with_retry("reserving a trajectory id", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    // On PostgreSQL a function of the schema's owner, which sees past row-level security.
    detail::Statement next(s.db, s.dialect() == detail::Dialect::kPostgres
                                     ? "SELECT next_trajectory_id()"
                                     : "UPDATE id_counter SET last = max(last, (SELECT "
                                       "coalesce(max(id), 0) FROM trajectory)) + 1 WHERE name = "
                                       "'trajectory' RETURNING last");
    if (!next.executeStep()) {
      throw StorageError("the id counter is missing", ErrorCode::kCorruptData);
    }
    const TrajectoryId id(next.getColumn(0).getInt64());
    next.reset();
    transaction.commit();
    return id;
  });
}

// ---- Retention and erasure -------------------------------------------------------------------

RetentionReport SqlStore::purge_expired(const Actor& actor, Date today) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(today, "purge.today");
  s.require_writable("purging expired personal data");
  const MunicipalityCode municipality = actor.municipality;
  if (!role_may_erase(actor.role)) {
    s.deny(actor, municipality, std::nullopt, "purging expired personal data");
  }
  return s.with_retry("purging expired personal data", [&] {
    RetentionReport report;
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    detail::Statement query(s.db, sql::kExpired);
    query.bind(1, municipality.to_string());
    query.bind(2, to_iso(today));
    while (query.executeStep()) report.purged.emplace_back(query.getColumn(0).getInt64());
    query.reset();
    for (TrajectoryId id : report.purged) {
      s.scrub(actor, id, municipality, AuditAction::kPurge,
              "retention period of its policy ended (Bi 9.9)");
    }
    transaction.commit();
    return report;
  });
}

int SqlStore::erase_person(const Actor& actor, const Bsn& bsn, const std::string& reason) {
  Impl& s = *impl_;
  s.check_actor(actor);
  const MunicipalityCode municipality = actor.municipality;
  if (!role_may_erase(actor.role)) {
    s.deny(actor, municipality, std::nullopt, "erasing personal data");
  }
  if (reason.empty()) {
    throw ValidationError("erase.reason", "an erasure records its ground (AVG art. 17)", "empty");
  }
  check_text(reason, "erase.reason");
  if (::inburgering::detail::contains_bsn_like(reason)) {
    // Not echoed: it may be the person's BSN.
    throw ValidationError("erase.reason",
                          "names the ground of the erasure, never the person: no BSN-like number "
                          "(9 digits, also grouped, or 8 that pass the BSN check)",
                          "value withheld");
  }
  s.require_writable("erasing personal data");
  return s.with_retry("erasing personal data", [&] {
    std::vector<TrajectoryId> ids;
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    detail::Statement query(s.db, sql::kErasable);
    query.bind(1, bsn.digits());
    query.bind(2, municipality.to_string());
    while (query.executeStep()) ids.emplace_back(query.getColumn(0).getInt64());
    query.reset();
    for (TrajectoryId id : ids) s.scrub(actor, id, municipality, AuditAction::kErase, reason);
    transaction.commit();
    return static_cast<int>(ids.size());
  });
}

// ---- Derived data ----------------------------------------------------------------------------

RefreshReport SqlStore::refresh_deadlines(const Actor& actor, Date as_of, int batch_size) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(as_of, "refresh.as_of");
  if (batch_size < 1 || batch_size > 10000) {
    throw ValidationError("refresh.batch_size", "must be between 1 and 10000",
                          std::to_string(batch_size));
  }
  const MunicipalityCode municipality = actor.municipality;
  if (!actor.may_write(municipality)) {
    s.deny(actor, municipality, std::nullopt,
           "recomputing the deadlines of " + municipality.to_string());
  }
  s.require_writable("recomputing deadlines");
  RefreshReport report;
  std::int64_t after = 0;
  while (true) {
    const auto [count, last] = s.with_retry("recomputing deadlines", [&] {
      detail::Transaction transaction(s.db, detail::TxKind::kWrite);
      detail::Statement rows(s.db, sql::kRefreshBatch);
      rows.bind(1, municipality.to_string());
      rows.bind(2, after);
      rows.bind(3, batch_size);
      detail::Statement term_end(s.db, "UPDATE trajectory SET term_end = ?2 WHERE id = ?1");
      std::int64_t n = 0;
      std::int64_t first_id = 0;
      std::int64_t last_id = after;
      while (rows.executeStep()) {
        const TrajectoryId id(rows.getColumn(0).getInt64());
        const Impl::StoredRow row{municipality, rows.getColumn(1).getInt64(),
                                  rows.getColumn(2).getString(), std::nullopt,
                                  rows.getColumn(3).getInt64()};
        const Trajectory trajectory =
            detail::checked(s.decode_row(row, id), "trajectory " + to_string(id));
        detail::write_deadlines(s.statements, trajectory, as_of);
        detail::write_facts(s.statements, trajectory, as_of);
        term_end.reset();
        term_end.bind(1, id.value());
        const auto& record = trajectory.record();
        if (record.state == TrajectoryState::kRoute && record.term) {
          term_end.bind(2, to_iso(*trajectory.term_end(as_of)));
        } else {
          term_end.bind(2);
        }
        term_end.exec();
        if (n++ == 0) first_id = id.value();
        last_id = id.value();
      }
      if (n > 0) {
        s.insert_audit(actor, AuditAction::kRefresh, municipality, std::nullopt, {},
                       "deadlines of " + std::to_string(n) + " trajectories (ids " +
                           std::to_string(first_id) + ".." + std::to_string(last_id) +
                           ") recomputed as of " + to_iso(as_of));
      }
      transaction.commit();
      return std::pair{n, last_id};
    });
    if (count == 0) break;
    report.refreshed += count;
    ++report.batches;
    after = last;
    if (count < batch_size) break;
  }
  return report;
}

}  // namespace inburgering::storage
