#include "storage/sql_rows.hpp"

#include "inburgering/error.hpp"
#include "storage/record_codec.hpp"

namespace inburgering::storage::detail {

std::int64_t intern_policy(StatementCache& db, const Policy& policy) {
  const std::string body = encode_policy(policy);
  {
    auto query = db.use("SELECT id FROM policy WHERE body = ?1");
    query->bind(1, body);
    if (query->executeStep()) return query->getColumn(0).getInt64();
  }
  auto insert = db.use("INSERT INTO policy (body) VALUES (?1) RETURNING id");
  insert->bind(1, body);
  insert->executeStep();
  return insert->getColumn(0).getInt64();
}

Policy load_policy(StatementCache& db, std::int64_t id) {
  auto use = db.use("SELECT body FROM policy WHERE id = ?1");
  Statement& query = *use;
  query.bind(1, id);
  if (!query.executeStep()) {
    throw StorageError("stored policy " + std::to_string(id) + " is missing",
                       ErrorCode::kCorruptData);
  }
  return decode_policy(query.getColumn(0).getString(), "policy " + std::to_string(id));
}

std::optional<TopicRecord> read_health(StatementCache& db, TrajectoryId id) {
  auto query = db.use("SELECT topic FROM trajectory_health WHERE trajectory_id = ?1");
  query->bind(1, id.value());
  if (!query->executeStep()) return std::nullopt;
  return decode_topic(query->getColumn(0).getString(),
                      "health topic of trajectory " + to_string(id));
}

void write_health(StatementCache& db, TrajectoryId id, const TopicRecord& topic) {
  auto upsert = db.use(
      "INSERT INTO trajectory_health (trajectory_id, topic) VALUES (?1, ?2) "
      "ON CONFLICT (trajectory_id) DO UPDATE SET topic = excluded.topic");
  upsert->bind(1, id.value());
  upsert->bind(2, encode_topic(topic));
  upsert->exec();
}

std::vector<FieldChange> special_reads(bool health, const SpecialValues& special) {
  std::vector<FieldChange> out;
  if (health) out.push_back(FieldChange{"/intake/topics/health", "(read)", "(read)"});
  if (!special.dispensations.empty()) {
    out.push_back(FieldChange{"/obligation/dispensations", "(read)", "(read)"});
  }
  if (special.learnability) {
    out.push_back(FieldChange{"/intake/learnability_test", "(read)", "(read)"});
  }
  return out;
}

SpecialValues read_special(StatementCache& db, TrajectoryId id) {
  auto query = db.use("SELECT body FROM trajectory_special WHERE trajectory_id = ?1");
  query->bind(1, id.value());
  if (!query->executeStep()) return {};
  return decode_special(query->getColumn(0).getString(),
                        "special-category values of trajectory " + to_string(id));
}

void write_special(StatementCache& db, TrajectoryId id, const SpecialValues& values) {
  if (values.empty()) {
    auto remove = db.use("DELETE FROM trajectory_special WHERE trajectory_id = ?1");
    remove->bind(1, id.value());
    remove->exec();
    return;
  }
  auto upsert = db.use(
      "INSERT INTO trajectory_special (trajectory_id, body) VALUES (?1, ?2) "
      "ON CONFLICT (trajectory_id) DO UPDATE SET body = excluded.body");
  upsert->bind(1, id.value());
  upsert->bind(2, encode_special(values));
  upsert->exec();
}

TopicRecord health_placeholder(const TopicRecord& topic) {
  return TopicRecord{.notes = {},
                     .recorded_on = topic.recorded_on,
                     .not_applicable = topic.not_applicable,
                     .withheld = true};
}

std::string stored_record_text(const TrajectoryRecord& record, int format, bool keep_special) {
  const auto health = record.intake.topics.find(IntakeTopic::kHealth);
  const bool health_content = health != record.intake.topics.end() && !health->second.withheld;
  const bool special = !keep_special && holds_special_values(record);
  if (!health_content && !special) {
    return encode_record(record, false, format);
  }
  TrajectoryRecord copy = record;
  if (health_content) {
    copy.intake.topics[IntakeTopic::kHealth] = health_placeholder(health->second);
  }
  if (special) {
    restore_special_values(copy, {});  // throws if copy mixes placeholders (callers restore)
    take_special_values(copy);
  }
  return encode_record(copy, false, format);
}

TrajectoryRecord decode_stored_record(const std::string& text, const Policy& policy,
                                      TrajectoryId id) {
  return decode_record(text, "trajectory " + to_string(id), &policy);
}

Trajectory checked(TrajectoryRecord record, const std::string& what) {
  try {
    return Trajectory::from_record(std::move(record));
  } catch (const ValidationError& e) {
    throw StorageError(
        "stored " + what + " breaks a rule of the model: " + e.field() + " " + e.rule(),
        ErrorCode::kCorruptData);
  }
}

std::optional<std::string> retain_until(const TrajectoryRecord& record) {
  if (!record.closure) return std::nullopt;
  return to_iso(add_months(record.closure->on, 12 * record.policy.retention_years));
}

void write_deadlines(StatementCache& db, const Trajectory& trajectory, Date as_of) {
  {
    auto remove = db.use("DELETE FROM trajectory_signal WHERE trajectory_id = ?1");
    remove->bind(1, trajectory.id().value());
    remove->exec();
  }
  auto insert = db.use(
      "INSERT INTO trajectory_signal (trajectory_id, seq, municipality, caseworker, kind, "
      "due_on, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  const std::string municipality = trajectory.record().municipality.to_string();
  int seq = 0;
  for (const Signal& signal : trajectory.deadlines(as_of)) {
    insert->reset();
    insert->bind(1, trajectory.id().value());
    insert->bind(2, seq++);
    insert->bind(3, municipality);
    insert->bind(4, trajectory.record().caseworker.value());
    insert->bind(5, std::string(to_string(signal.kind)));
    insert->bind(6, to_iso(signal.due_on));
    insert->bind(7, signal.detail);
    insert->exec();
  }
}

void write_facts(StatementCache& db, const Trajectory& trajectory, Date as_of) {
  const TrajectoryRecord& r = trajectory.record();
  {
    auto remove = db.use("DELETE FROM trajectory_fact WHERE trajectory_id = ?1");
    remove->bind(1, trajectory.id().value());
    remove->exec();
  }
  auto insert = db.use(
      "INSERT INTO trajectory_fact (trajectory_id, municipality, cohort, target_group, "
      "state, route, days_to_intake, first_plan_in_time, interviews_due, interviews_held, "
      "unburdening_eligible, unburdened, intake_fines, cooperation_fines, duo_pvt_map_fines, "
      "duo_route_fines, end_reason, moved_in, has_plan) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19)");
  insert->bind(1, trajectory.id().value());
  insert->bind(2, r.municipality.to_string());
  insert->bind(3, static_cast<int>(r.obligation.duo_notice_date.year()));
  insert->bind(4, std::string(to_string(r.participant.target_group)));
  insert->bind(5, std::string(to_string(r.state)));
  if (const PlanVersion* plan = trajectory.current_plan()) {
    insert->bind(6, std::string(to_string(plan->content.route)));
  }
  // The intake and the first PIP of a trajectory taken over were the former college's (Wi 15.4).
  const bool moved_in = r.transfer_in.has_value();
  if (const auto started = r.intake.started_on(); started && !moved_in) {
    insert->bind(7, static_cast<std::int64_t>((*started - r.obligation.duo_notice_date).days()));
  }
  // A first PIP is judged by its deadline only when that was known (not while third-party
  // information was awaited, Bi 5.3.2).
  if (!r.plan_versions.empty() && !moved_in && r.plan_versions.front().due_by) {
    insert->bind(8, trajectory.is_late(r.plan_versions.front()) ? 0 : 1);
  }
  int due = 0;
  int held = 0;
  for (const auto& interview : r.interviews) {
    if (interview.scheduled_on > as_of) continue;
    ++due;
    if (interview.held()) ++held;
  }
  insert->bind(9, due);
  insert->bind(10, held);
  insert->bind(11, college_provides_guidance(r.participant.target_group) ? 1 : 0);
  insert->bind(12, r.unburdening ? 1 : 0);
  int intake_fines = 0;
  int cooperation_fines = 0;
  for (const auto& fine : r.municipal_fines) {
    if (!fine.stands_on(as_of)) continue;
    (fine.kind == MunicipalFineKind::kIntake ? intake_fines : cooperation_fines) += 1;
  }
  int pvt_map = 0;
  int route = 0;
  for (const auto& fine : r.duo_fines) {
    (fine.kind == DuoFineKind::kPvtMapNotInTime ? pvt_map : route) += 1;
  }
  insert->bind(13, intake_fines);
  insert->bind(14, cooperation_fines);
  insert->bind(15, pvt_map);
  insert->bind(16, route);
  if (r.closure && r.closure->end_reason) {
    insert->bind(17, std::string(to_string(*r.closure->end_reason)));
  }
  insert->bind(18, moved_in ? 1 : 0);
  insert->bind(19, r.plan_versions.empty() ? 0 : 1);
  insert->exec();
}

AuditContent audit_content(const Statement& row, int first) {
  auto text = [&](int i) { return row.getColumn(first + i).getString(); };
  AuditContent content{.at = text(0),
                       .user_id = text(1),
                       .role = text(2),
                       .actor_municipality = text(3),
                       .on_behalf_of = std::nullopt,
                       .arrangement = text(5),
                       .action = text(6),
                       .trajectory_id = std::nullopt,
                       .changes = text(8),
                       .note = text(9)};
  if (!row.getColumn(first + 4).isNull()) content.on_behalf_of = text(4);
  if (!row.getColumn(first + 7).isNull())
    content.trajectory_id = row.getColumn(first + 7).getInt64();
  return content;
}

}  // namespace inburgering::storage::detail
