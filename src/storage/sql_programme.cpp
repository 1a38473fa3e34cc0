// SqliteStore: programmes and pilots (programme/programme.hpp; the tables of schema 10).
// Every write runs its checks inside its IMMEDIATE transaction; a refusal that must be audited
// is thrown out of it as a `Refusal` (the transaction rolls back) and audited after, in a
// transaction of its own, as every denial of the store is.

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "detail/iso_date.hpp"
#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"
#include "storage/sql_programme.hpp"
#include "storage/sql_store_impl.hpp"

namespace inburgering::storage {

namespace {

using programme::Definition;
using programme::Enrolment;
using programme::Programme;

/// A refusal found inside a transaction, audited after it rolled back.
struct Refusal {
  enum Kind { kDenied, kHiddenTrajectory, kHiddenProgramme } kind;
  std::optional<MunicipalityCode> owner;
  std::optional<TrajectoryId> trajectory;
  std::string what;
  ProgrammeId programme;
};

std::string programme_name(ProgrammeId id) { return "programme " + to_string(id); }

Date stored_date(const detail::Column& column, const std::string& what) {
  const auto date = ::inburgering::detail::parse_iso_date(column.getString());
  if (!date) throw StorageError("stored " + what + " is damaged", ErrorCode::kCorruptData);
  return *date;
}

std::optional<Date> stored_optional_date(const detail::Column& column, const std::string& what) {
  if (column.isNull()) return std::nullopt;
  return stored_date(column, what);
}

template <class E>
E stored_enum(const detail::Column& column, const std::string& what) {
  try {
    return from_string<E>(column.getString(), what);
  } catch (const ValidationError&) {
    throw StorageError("stored " + what + " is damaged", ErrorCode::kCorruptData);
  }
}

MunicipalityCode stored_municipality(const detail::Column& column, const std::string& what) {
  try {
    return MunicipalityCode(column.getString());
  } catch (const ValidationError&) {
    throw StorageError("stored " + what + " is damaged", ErrorCode::kCorruptData);
  }
}

std::optional<Programme> read_programme(auto& s, ProgrammeId id) {
  const std::string what = programme_name(id);
  Programme p;
  {
    auto use = s.statements.use(
        "SELECT name, theme, funder, amount_cents, starts_on, ends_on, revision FROM programme "
        "WHERE id = ?1");
    detail::Statement& q = *use;
    q.bind(1, id.value());
    if (!q.executeStep()) return std::nullopt;
    p.id = id;
    p.definition.name = q.getColumn(0).getString();
    p.definition.theme = stored_enum<programme::Theme>(q.getColumn(1), what + " theme");
    p.definition.funder = q.getColumn(2).getString();
    p.definition.amount = Money::cents(q.getColumn(3).getInt64());
    p.definition.starts_on = stored_date(q.getColumn(4), what + " starts_on");
    p.definition.ends_on = stored_date(q.getColumn(5), what + " ends_on");
    p.revision = q.getColumn(6).getInt64();
  }
  auto use = s.statements.use(
      "SELECT municipality FROM programme_municipality WHERE programme_id = ?1 ORDER BY position");
  use->bind(1, id.value());
  while (use->executeStep()) {
    p.definition.municipalities.push_back(
        stored_municipality(use->getColumn(0), what + " municipalities"));
  }
  if (p.definition.municipalities.empty()) {
    throw StorageError("stored " + what + " has no municipalities", ErrorCode::kCorruptData);
  }
  return p;
}

bool visible(const Actor& actor, const Programme& p) {
  return std::any_of(p.definition.municipalities.begin(), p.definition.municipalities.end(),
                     [&](const MunicipalityCode& m) { return actor.may_read(m); });
}

bool takes_part(const Programme& p, MunicipalityCode m) {
  const auto& list = p.definition.municipalities;
  return std::find(list.begin(), list.end(), m) != list.end();
}

/// The programme, when it exists and the actor may see it. @throws NotFound, Refusal.
Programme visible_programme(auto& s, const Actor& actor, ProgrammeId id, const std::string& what) {
  auto p = read_programme(s, id);
  if (!p) throw NotFound("programme", to_string(id));
  if (!visible(actor, *p)) {
    throw Refusal{Refusal::kHiddenProgramme, p->lead(), std::nullopt, what, id};
  }
  return *p;
}

/// The trajectory's municipality, when the actor may write it. @throws NotFound, Refusal.
MunicipalityCode writable_trajectory(auto& s, const Actor& actor, TrajectoryId id,
                                     const std::string& what) {
  const auto row = s.read_row(id);
  if (!row) throw NotFound("trajectory", to_string(id));
  if (!actor.may_read(row->municipality)) {
    throw Refusal{Refusal::kHiddenTrajectory, row->municipality, id, what, {}};
  }
  if (row->purged_on) throw NotFound("trajectory", to_string(id), ErrorCode::kPurged);
  if (!actor.may_write(row->municipality)) {
    throw Refusal{Refusal::kDenied, row->municipality, id, what, {}};
  }
  return row->municipality;
}

/// The enrolment of the current row of a query whose columns are municipality, enrolled_on,
/// left_on and leave_reason.
Enrolment enrolment_of(const detail::Statement& q, ProgrammeId pid, TrajectoryId tid) {
  const std::string what =
      "enrolment of trajectory " + to_string(tid) + " in " + programme_name(pid);
  Enrolment e{.programme = pid,
              .trajectory = tid,
              .municipality = stored_municipality(q.getColumn(0), what + " municipality"),
              .enrolled_on = stored_date(q.getColumn(1), what + " enrolled_on"),
              .left_on = stored_optional_date(q.getColumn(2), what + " left_on"),
              .leave_reason = std::nullopt};
  if (!q.getColumn(3).isNull()) {
    e.leave_reason = stored_enum<programme::LeaveReason>(q.getColumn(3), what + " leave_reason");
  }
  return e;
}

std::optional<Enrolment> read_enrolment(detail::StatementCache& statements, ProgrammeId pid,
                                        TrajectoryId tid) {
  auto use = statements.use(
      "SELECT municipality, enrolled_on, left_on, leave_reason FROM enrolment "
      "WHERE programme_id = ?1 AND trajectory_id = ?2");
  detail::Statement& q = *use;
  q.bind(1, pid.value());
  q.bind(2, tid.value());
  if (!q.executeStep()) return std::nullopt;
  return enrolment_of(q, pid, tid);
}

programme::Participation read_participation(detail::StatementCache& statements,
                                            const Enrolment& e) {
  programme::Participation p{.enrolment = e, .activities = {}, .goals = {}, .outcomes = {}};
  const std::string what = "programme data of trajectory " + to_string(e.trajectory);
  {
    auto use = statements.use(
        "SELECT id, held_on, kind, mode, topic, minutes, attendance FROM programme_activity "
        "WHERE programme_id = ?1 AND trajectory_id = ?2 ORDER BY held_on, id");
    use->bind(1, e.programme.value());
    use->bind(2, e.trajectory.value());
    while (use->executeStep()) {
      const detail::Statement& q = *use;
      programme::Activity a;
      a.id = q.getColumn(0).getInt64();
      a.session.held_on = stored_date(q.getColumn(1), what + " held_on");
      a.session.kind = stored_enum<programme::ActivityKind>(q.getColumn(2), what + " kind");
      a.session.mode = stored_enum<programme::ActivityMode>(q.getColumn(3), what + " mode");
      a.session.topic = stored_enum<programme::ActivityTopic>(q.getColumn(4), what + " topic");
      a.session.minutes = q.getColumn(5).getInt();
      a.attendance = stored_enum<programme::Attendance>(q.getColumn(6), what + " attendance");
      p.activities.push_back(a);
    }
  }
  {
    auto use = statements.use(
        "SELECT id, text, set_on, achieved_on FROM programme_goal "
        "WHERE programme_id = ?1 AND trajectory_id = ?2 ORDER BY set_on, id");
    use->bind(1, e.programme.value());
    use->bind(2, e.trajectory.value());
    while (use->executeStep()) {
      const detail::Statement& q = *use;
      p.goals.push_back(
          {.id = q.getColumn(0).getInt64(),
           .text = q.getColumn(1).getString(),
           .set_on = stored_date(q.getColumn(2), what + " set_on"),
           .achieved_on = stored_optional_date(q.getColumn(3), what + " achieved_on")});
    }
  }
  {
    auto use = statements.use(
        "SELECT id, kind, reached_on, contract FROM programme_outcome "
        "WHERE programme_id = ?1 AND trajectory_id = ?2 ORDER BY reached_on, id");
    use->bind(1, e.programme.value());
    use->bind(2, e.trajectory.value());
    while (use->executeStep()) {
      const detail::Statement& q = *use;
      programme::Outcome o{
          .id = q.getColumn(0).getInt64(),
          .kind = stored_enum<programme::OutcomeKind>(q.getColumn(1), what + " kind"),
          .reached_on = stored_date(q.getColumn(2), what + " reached_on"),
          .contract = std::nullopt};
      if (!q.getColumn(3).isNull()) {
        o.contract = stored_enum<programme::ContractType>(q.getColumn(3), what + " contract");
      }
      p.outcomes.push_back(o);
    }
  }
  return p;
}

void require_not_after_today(Date day, Date today, const char* field) {
  if (day > today) {
    throw ValidationError(field, "records what happened: not after today (" + to_iso(today) + ")",
                          to_iso(day));
  }
}

void require_within(Date day, Date from, Date to, const char* field, const std::string& span) {
  if (day < from || day > to) {
    throw RuleViolation(std::string(field) + " within " + span,
                        std::string(field) + " " + to_iso(day) + " is outside " + span + " (" +
                            to_iso(from) + " to " + to_iso(to) + ")");
  }
}

/// The enrolment the actor records something for: visible programme, writable trajectory,
/// enrolled. @throws NotFound, Refusal.
std::pair<Programme, Enrolment> enrolment_for_write(auto& s, const Actor& actor, ProgrammeId pid,
                                                    TrajectoryId tid, const std::string& what) {
  Programme p = visible_programme(s, actor, pid, what);
  writable_trajectory(s, actor, tid, what);
  auto e = read_enrolment(s.statements, pid, tid);
  if (!e)
    throw NotFound("enrolment", "of trajectory " + to_string(tid) + " in " + programme_name(pid));
  return {std::move(p), *e};
}

void write_municipalities(auto& s, ProgrammeId id, const Definition& d) {
  {
    auto remove = s.statements.use("DELETE FROM programme_municipality WHERE programme_id = ?1");
    remove->bind(1, id.value());
    remove->exec();
  }
  for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
    auto insert = s.statements.use(
        "INSERT INTO programme_municipality (programme_id, position, municipality) "
        "VALUES (?1, ?2, ?3)");
    insert->bind(1, id.value());
    insert->bind(2, static_cast<std::int64_t>(i));
    insert->bind(3, d.municipalities[i].to_string());
    insert->exec();
  }
}

std::string municipality_list(const Definition& d) {
  std::string out;
  for (const auto& m : d.municipalities) out += (out.empty() ? "" : " ") + m.to_string();
  return out;
}

/// The audited fields of a definition, by name.
std::vector<std::pair<std::string, std::string>> definition_fields(const Definition& d) {
  return {{"name", d.name},
          {"theme", std::string(to_string(d.theme))},
          {"funder", d.funder},
          {"amount", to_string(d.amount)},
          {"starts_on", to_iso(d.starts_on)},
          {"ends_on", to_iso(d.ends_on)},
          {"municipalities", municipality_list(d)}};
}

/// Audits a refusal found inside a transaction (now rolled back) and throws what the caller
/// sees: AccessDenied, or NotFound for what the actor may not know exists.
[[noreturn]] void refuse(auto& s, const Actor& actor, const Refusal& refusal) {
  switch (refusal.kind) {
    case Refusal::kHiddenTrajectory:
      s.deny_as_not_found(actor, *refusal.owner, *refusal.trajectory, refusal.what);
    case Refusal::kHiddenProgramme:
      s.audit_denial(actor, refusal.owner, std::nullopt, refusal.what);
      throw NotFound("programme", to_string(refusal.programme));
    case Refusal::kDenied:
      break;
  }
  s.deny(actor, refusal.owner, refusal.trajectory, refusal.what);
}

/// Runs `body` (which opens its own transaction) with the store's retry, and audits a refusal
/// it threw.
template <class F>
auto audited(auto& s, const Actor& actor, const char* what, F&& body) -> decltype(body()) {
  try {
    return s.with_retry(what, body);
  } catch (const Refusal& refusal) {
    refuse(s, actor, refusal);
  }
}

}  // namespace

programme::Programme SqlStore::define_programme(const Actor& actor, const Definition& d) {
  Impl& s = *impl_;
  s.check_actor(actor);
  programme::validate(d);
  const MunicipalityCode lead = d.municipalities.front();
  if (!role_may_write(actor.role) || lead != actor.municipality) {
    s.deny(actor, lead, std::nullopt,
           "defining a programme led by " + lead.to_string() +
               " (only a writer of the lead municipality may)");
  }
  s.require_writable("defining a programme");
  return s.with_retry("defining a programme", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    auto insert = s.statements.use(
        "INSERT INTO programme (name, theme, funder, amount_cents, starts_on, ends_on, revision, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7) RETURNING id");
    insert->bind(1, d.name);
    insert->bind(2, std::string(to_string(d.theme)));
    insert->bind(3, d.funder);
    insert->bind(4, d.amount.in_cents());
    insert->bind(5, to_iso(d.starts_on));
    insert->bind(6, to_iso(d.ends_on));
    insert->bind(7, s.now());
    insert->executeStep();
    const ProgrammeId id(insert->getColumn(0).getInt64());
    insert->reset();  // a RETURNING statement is done only when reset
    write_municipalities(s, id, d);
    std::vector<FieldChange> changes;
    for (const auto& [field, value] : definition_fields(d)) {
      changes.push_back({"/programmes/" + to_string(id) + "/" + field, "(absent)", value});
    }
    s.insert_audit(actor, AuditAction::kProgramme, lead, std::nullopt, changes,
                   programme_name(id) + " defined");
    transaction.commit();
    return Programme{.id = id, .definition = d, .revision = 1};
  });
}

std::int64_t SqlStore::amend_programme(const Actor& actor, ProgrammeId id, const Definition& d,
                                       std::int64_t revision) {
  Impl& s = *impl_;
  s.check_actor(actor);
  programme::validate(d);
  s.require_writable("amending a programme");
  const std::string what = "amending " + programme_name(id);
  return audited(s, actor, "amending a programme", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const Programme old = visible_programme(s, actor, id, what);
    if (!role_may_write(actor.role) || old.lead() != actor.municipality) {
      throw Refusal{Refusal::kDenied, old.lead(), std::nullopt,
                    what + " (only a writer of the lead municipality may)", id};
    }
    if (old.revision != revision) {
      throw ConflictError(ErrorCode::kStaleRevision,
                          programme_name(id) + " was amended by someone else (stored revision " +
                              std::to_string(old.revision) + ", given " + std::to_string(revision) +
                              "); load it again");
    }
    // Both checks look at every partner's enrolments: on PostgreSQL through functions that see
    // past row-level security and give only counts and days.
    const bool postgres = s.dialect() == detail::Dialect::kPostgres;
    {
      auto q = s.statements.use(postgres ? "SELECT owner, enrolments FROM programme_enrolments(?1)"
                                         : "SELECT municipality, count(*) FROM enrolment WHERE "
                                           "programme_id = ?1 GROUP BY municipality");
      q->bind(1, id.value());
      while (q->executeStep()) {
        const MunicipalityCode m = stored_municipality(q->getColumn(0), programme_name(id));
        if (!takes_part({.id = id, .definition = d, .revision = 0}, m)) {
          // How many only for a municipality the actor may read.
          const std::string how_many =
              actor.may_read(m) ? std::to_string(q->getColumn(1).getInt64()) + " enrolments"
                                : std::string("enrolments");
          throw RuleViolation("programme.municipalities keeps every municipality with enrolments",
                              "municipality " + m.to_string() + " has " + how_many + " in " +
                                  programme_name(id) + " and cannot leave it");
        }
      }
    }
    {
      // Every day that must lie within the period (enrolling, leaving, sessions, goals set)
      // stays within it. The days are other municipalities' data too: not named.
      auto q = s.statements.use(
          postgres ? "SELECT first_day, last_day FROM programme_days(?1)"
                   : "SELECT min(d), max(d) FROM (SELECT enrolled_on AS d FROM enrolment WHERE "
                     "programme_id = ?1 UNION ALL SELECT left_on FROM enrolment WHERE "
                     "programme_id = ?1 AND left_on IS NOT NULL UNION ALL SELECT held_on FROM "
                     "programme_activity WHERE programme_id = ?1 UNION ALL SELECT set_on FROM "
                     "programme_goal WHERE programme_id = ?1)");
      q->bind(1, id.value());
      if (q->executeStep() && !q->getColumn(0).isNull()) {
        const Date first = stored_date(q->getColumn(0), programme_name(id) + " dates");
        const Date last = stored_date(q->getColumn(1), programme_name(id) + " dates");
        if (first < d.starts_on || last > d.ends_on) {
          throw RuleViolation("programme period covers what was recorded",
                              "an enrolment, leaving, session or goal of " + programme_name(id) +
                                  " lies outside the new period " + to_iso(d.starts_on) + " to " +
                                  to_iso(d.ends_on));
        }
      }
    }
    std::vector<FieldChange> changes;
    const auto before = definition_fields(old.definition);
    const auto after = definition_fields(d);
    for (std::size_t i = 0; i < after.size(); ++i) {
      if (before[i].second != after[i].second) {
        changes.push_back({"/programmes/" + to_string(id) + "/" + after[i].first, before[i].second,
                           after[i].second});
      }
    }
    if (changes.empty()) return old.revision;
    auto update = s.statements.use(
        "UPDATE programme SET name = ?2, theme = ?3, funder = ?4, amount_cents = ?5, "
        "starts_on = ?6, ends_on = ?7, revision = revision + 1, updated_at = ?8 WHERE id = ?1");
    update->bind(1, id.value());
    update->bind(2, d.name);
    update->bind(3, std::string(to_string(d.theme)));
    update->bind(4, d.funder);
    update->bind(5, d.amount.in_cents());
    update->bind(6, to_iso(d.starts_on));
    update->bind(7, to_iso(d.ends_on));
    update->bind(8, s.now());
    update->exec();
    write_municipalities(s, id, d);
    s.insert_audit(actor, AuditAction::kProgramme, old.lead(), std::nullopt, changes,
                   programme_name(id) + " amended");
    transaction.commit();
    return old.revision + 1;
  });
}

std::vector<programme::Programme> SqlStore::programmes(const Actor& actor) {
  Impl& s = *impl_;
  s.check_actor(actor);
  return s.with_retry("listing programmes", [&] {
    detail::Transaction read(s.db, detail::TxKind::kRead);
    std::set<std::int64_t> ids;
    for (const MunicipalityCode& m : actor.readable_municipalities()) {
      auto q = s.statements.use(
          "SELECT programme_id FROM programme_municipality WHERE municipality = ?1");
      q->bind(1, m.to_string());
      while (q->executeStep()) ids.insert(q->getColumn(0).getInt64());
    }
    std::vector<Programme> out;
    for (const std::int64_t id : ids) {
      if (auto p = read_programme(s, ProgrammeId(id))) out.push_back(std::move(*p));
    }
    read.commit();
    return out;
  });
}

programme::Programme SqlStore::load_programme(const Actor& actor, ProgrammeId id) {
  Impl& s = *impl_;
  s.check_actor(actor);
  return audited(s, actor, "reading a programme", [&] {
    detail::Transaction read(s.db, detail::TxKind::kRead);
    Programme p = visible_programme(s, actor, id, "reading " + programme_name(id));
    read.commit();
    return p;
  });
}

programme::Enrolment SqlStore::enrol(const Actor& actor, ProgrammeId pid, TrajectoryId tid,
                                     Date enrolled_on) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(enrolled_on, "enrolment.enrolled_on");
  require_not_after_today(enrolled_on, s.today(), "enrolment.enrolled_on");
  s.require_writable("enrolling in a programme");
  const std::string what = "enrolling trajectory " + to_string(tid) + " in " + programme_name(pid);
  return audited(s, actor, "enrolling in a programme", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const Programme p = visible_programme(s, actor, pid, what);
    const MunicipalityCode owner = writable_trajectory(s, actor, tid, what);
    if (!takes_part(p, owner)) {
      throw RuleViolation(
          "enrolment in a programme of the trajectory's municipality",
          "municipality " + owner.to_string() + " does not take part in " + programme_name(pid));
    }
    {
      auto q = s.statements.use("SELECT state FROM trajectory WHERE id = ?1");
      q->bind(1, tid.value());
      q->executeStep();
      const auto state = stored_enum<TrajectoryState>(q->getColumn(0), "trajectory state");
      if (is_final(state)) {
        throw RuleViolation(
            "enrolment of a running trajectory",
            "trajectory " + to_string(tid) + " is closed (" + std::string(to_string(state)) + ")");
      }
    }
    require_within(enrolled_on, p.definition.starts_on, p.definition.ends_on,
                   "enrolment.enrolled_on", "the programme's period");
    if (const auto earlier = read_enrolment(s.statements, pid, tid)) {
      throw ConflictError(
          ErrorCode::kIdExists,
          "trajectory " + to_string(tid) + " has its enrolment in " + programme_name(pid) +
              " already (one per programme: enrolled on " + to_iso(earlier->enrolled_on) +
              (earlier->left_on ? ", left on " + to_iso(*earlier->left_on) : std::string()) + ")");
    }
    auto insert = s.statements.use(
        "INSERT INTO enrolment (programme_id, trajectory_id, municipality, enrolled_on) "
        "VALUES (?1, ?2, ?3, ?4)");
    insert->bind(1, pid.value());
    insert->bind(2, tid.value());
    insert->bind(3, owner.to_string());
    insert->bind(4, to_iso(enrolled_on));
    insert->exec();
    s.insert_audit(
        actor, AuditAction::kProgramme, owner, tid,
        {{"/programmes/" + to_string(pid) + "/enrolled_on", "(absent)", to_iso(enrolled_on)}},
        "enrolled in " + programme_name(pid));
    transaction.commit();
    return Enrolment{.programme = pid,
                     .trajectory = tid,
                     .municipality = owner,
                     .enrolled_on = enrolled_on,
                     .left_on = std::nullopt,
                     .leave_reason = std::nullopt};
  });
}

programme::Enrolment SqlStore::end_enrolment(const Actor& actor, ProgrammeId pid, TrajectoryId tid,
                                             Date left_on, programme::LeaveReason reason) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(left_on, "enrolment.left_on");
  const auto reasons = all_enumerators<programme::LeaveReason>();
  if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
    throw ValidationError("enrolment.leave_reason", "one of its named values",
                          std::to_string(static_cast<int>(reason)));
  }
  require_not_after_today(left_on, s.today(), "enrolment.left_on");
  s.require_writable("ending an enrolment");
  const std::string what =
      "ending the enrolment of trajectory " + to_string(tid) + " in " + programme_name(pid);
  return audited(s, actor, "ending an enrolment", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    auto [p, e] = enrolment_for_write(s, actor, pid, tid, what);
    if (e.left_on) {
      throw RuleViolation(
          "an enrolment ends once",
          "the enrolment of trajectory " + to_string(tid) + " ended on " + to_iso(*e.left_on));
    }
    require_within(left_on, e.enrolled_on, p.definition.ends_on, "enrolment.left_on",
                   "the enrolment and the programme's period");
    {
      // Sessions and goals were recorded while enrolled: the enrolment does not end before them.
      auto q = s.statements.use(
          "SELECT max(d) FROM (SELECT held_on AS d FROM programme_activity WHERE "
          "programme_id = ?1 AND trajectory_id = ?2 UNION ALL SELECT set_on FROM programme_goal "
          "WHERE programme_id = ?1 AND trajectory_id = ?2) AS days");
      q->bind(1, pid.value());
      q->bind(2, tid.value());
      if (q->executeStep() && !q->getColumn(0).isNull()) {
        const Date last =
            stored_date(q->getColumn(0), "session or goal date of trajectory " + to_string(tid));
        if (left_on < last) {
          throw RuleViolation(
              "enrolment.left_on on or after the last session or goal",
              "left on " + to_iso(left_on) + ", last session or goal on " + to_iso(last));
        }
      }
    }
    auto update = s.statements.use(
        "UPDATE enrolment SET left_on = ?3, leave_reason = ?4 "
        "WHERE programme_id = ?1 AND trajectory_id = ?2");
    update->bind(1, pid.value());
    update->bind(2, tid.value());
    update->bind(3, to_iso(left_on));
    update->bind(4, std::string(to_string(reason)));
    update->exec();
    const std::string path = "/programmes/" + to_string(pid);
    s.insert_audit(actor, AuditAction::kProgramme, e.municipality, tid,
                   {{path + "/left_on", "(absent)", to_iso(left_on)},
                    {path + "/leave_reason", "(absent)", std::string(to_string(reason))}},
                   "enrolment in " + programme_name(pid) + " ended");
    transaction.commit();
    e.left_on = left_on;
    e.leave_reason = reason;
    return e;
  });
}

std::vector<std::int64_t> SqlStore::record_activity(
    const Actor& actor, ProgrammeId pid, const programme::Session& session,
    std::span<const programme::Attendee> attendees) {
  Impl& s = *impl_;
  s.check_actor(actor);
  programme::validate(session);
  require_not_after_today(session.held_on, s.today(), "session.held_on");
  if (attendees.empty() || attendees.size() > 1000) {
    throw ValidationError("session.attendees", "1 to 1000 participants",
                          std::to_string(attendees.size()));
  }
  if (session.kind == programme::ActivityKind::kCoaching && attendees.size() != 1) {
    throw ValidationError("session.attendees", "one-to-one coaching has exactly one participant",
                          std::to_string(attendees.size()));
  }
  std::set<TrajectoryId> seen;
  const auto attendances = all_enumerators<programme::Attendance>();
  for (const auto& a : attendees) {
    if (!seen.insert(a.trajectory).second) {
      throw ValidationError("session.attendees", "each participant once",
                            "trajectory " + to_string(a.trajectory) + " twice");
    }
    if (std::find(attendances.begin(), attendances.end(), a.attendance) == attendances.end()) {
      throw ValidationError("session.attendees.attendance", "one of its named values",
                            std::to_string(static_cast<int>(a.attendance)));
    }
  }
  s.require_writable("recording a session");
  return audited(s, actor, "recording a session", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    std::vector<std::int64_t> ids;
    for (const auto& a : attendees) {
      const std::string what = "recording a session of " + programme_name(pid) +
                               " for trajectory " + to_string(a.trajectory);
      const auto [p, e] = enrolment_for_write(s, actor, pid, a.trajectory, what);
      const Date until =
          e.left_on ? std::min(*e.left_on, p.definition.ends_on) : p.definition.ends_on;
      require_within(session.held_on, e.enrolled_on, until, "session.held_on",
                     "the enrolment of trajectory " + to_string(a.trajectory));
      auto insert = s.statements.use(
          "INSERT INTO programme_activity (programme_id, trajectory_id, held_on, kind, mode, "
          "topic, minutes, attendance) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
      insert->bind(1, pid.value());
      insert->bind(2, a.trajectory.value());
      insert->bind(3, to_iso(session.held_on));
      insert->bind(4, std::string(to_string(session.kind)));
      insert->bind(5, std::string(to_string(session.mode)));
      insert->bind(6, std::string(to_string(session.topic)));
      insert->bind(7, session.minutes);
      insert->bind(8, std::string(to_string(a.attendance)));
      insert->executeStep();
      ids.push_back(insert->getColumn(0).getInt64());
      insert->reset();  // a RETURNING statement is done only when reset
      s.insert_audit(
          actor, AuditAction::kProgramme, e.municipality, a.trajectory,
          {{"/programmes/" + to_string(pid) + "/activities/" + std::to_string(ids.back()),
            "(absent)",
            std::string(to_string(session.kind)) + " " + std::string(to_string(session.mode)) +
                " " + std::string(to_string(session.topic)) + " " + to_iso(session.held_on) + " " +
                std::to_string(session.minutes) + " min: " + std::string(to_string(a.attendance))}},
          "session of " + programme_name(pid) + " recorded");
    }
    transaction.commit();
    return ids;
  });
}

std::int64_t SqlStore::add_goal(const Actor& actor, ProgrammeId pid, TrajectoryId tid,
                                const programme::Goal& goal) {
  Impl& s = *impl_;
  s.check_actor(actor);
  programme::validate(goal);
  require_not_after_today(goal.set_on, s.today(), "goal.set_on");
  if (goal.achieved_on) require_not_after_today(*goal.achieved_on, s.today(), "goal.achieved_on");
  s.require_writable("adding a goal");
  const std::string what =
      "adding a goal in " + programme_name(pid) + " for trajectory " + to_string(tid);
  return audited(s, actor, "adding a goal", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const auto [p, e] = enrolment_for_write(s, actor, pid, tid, what);
    const Date until =
        e.left_on ? std::min(*e.left_on, p.definition.ends_on) : p.definition.ends_on;
    require_within(goal.set_on, e.enrolled_on, until, "goal.set_on",
                   "the enrolment of trajectory " + to_string(tid));
    auto insert = s.statements.use(
        "INSERT INTO programme_goal (programme_id, trajectory_id, text, set_on, achieved_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    insert->bind(1, pid.value());
    insert->bind(2, tid.value());
    insert->bind(3, goal.text);
    insert->bind(4, to_iso(goal.set_on));
    if (goal.achieved_on) {
      insert->bind(5, to_iso(*goal.achieved_on));
    } else {
      insert->bind(5);
    }
    insert->executeStep();
    const std::int64_t id = insert->getColumn(0).getInt64();
    insert->reset();  // a RETURNING statement is done only when reset
    const std::string path = "/programmes/" + to_string(pid) + "/goals/" + std::to_string(id);
    std::vector<FieldChange> changes = {{path + "/text", "(absent)", "(personal data)"},
                                        {path + "/set_on", "(absent)", to_iso(goal.set_on)}};
    if (goal.achieved_on) {
      changes.push_back({path + "/achieved_on", "(absent)", to_iso(*goal.achieved_on)});
    }
    s.insert_audit(actor, AuditAction::kProgramme, e.municipality, tid, changes,
                   "goal in " + programme_name(pid) + " added");
    transaction.commit();
    return id;
  });
}

void SqlStore::goal_achieved(const Actor& actor, ProgrammeId pid, TrajectoryId tid,
                             std::int64_t goal, Date on) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(on, "goal.achieved_on");
  require_not_after_today(on, s.today(), "goal.achieved_on");
  s.require_writable("marking a goal achieved");
  const std::string what =
      "marking a goal achieved in " + programme_name(pid) + " for trajectory " + to_string(tid);
  audited(s, actor, "marking a goal achieved", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const auto [p, e] = enrolment_for_write(s, actor, pid, tid, what);
    Date set_on;
    {
      auto q = s.statements.use(
          "SELECT set_on, achieved_on FROM programme_goal WHERE id = ?1 AND programme_id = ?2 "
          "AND trajectory_id = ?3");
      q->bind(1, goal);
      q->bind(2, pid.value());
      q->bind(3, tid.value());
      if (!q->executeStep()) {
        throw NotFound("goal", std::to_string(goal) + " of trajectory " + to_string(tid) + " in " +
                                   programme_name(pid));
      }
      set_on = stored_date(q->getColumn(0), "goal set_on");
      if (!q->getColumn(1).isNull()) {
        throw RuleViolation(
            "a goal is achieved once",
            "goal " + std::to_string(goal) + " was achieved on " + q->getColumn(1).getString());
      }
    }
    if (on < set_on) {
      throw RuleViolation("goal.achieved_on on or after set_on",
                          "achieved on " + to_iso(on) + ", set on " + to_iso(set_on));
    }
    auto update = s.statements.use("UPDATE programme_goal SET achieved_on = ?2 WHERE id = ?1");
    update->bind(1, goal);
    update->bind(2, to_iso(on));
    update->exec();
    s.insert_audit(
        actor, AuditAction::kProgramme, e.municipality, tid,
        {{"/programmes/" + to_string(pid) + "/goals/" + std::to_string(goal) + "/achieved_on",
          "(absent)", to_iso(on)}},
        "goal in " + programme_name(pid) + " achieved");
    transaction.commit();
  });
}

std::int64_t SqlStore::record_outcome(const Actor& actor, ProgrammeId pid, TrajectoryId tid,
                                      const programme::Outcome& outcome) {
  Impl& s = *impl_;
  s.check_actor(actor);
  programme::validate(outcome);
  require_not_after_today(outcome.reached_on, s.today(), "outcome.reached_on");
  s.require_writable("recording an outcome");
  const std::string what =
      "recording an outcome in " + programme_name(pid) + " for trajectory " + to_string(tid);
  return audited(s, actor, "recording an outcome", [&] {
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const auto [p, e] = enrolment_for_write(s, actor, pid, tid, what);
    if (outcome.reached_on < e.enrolled_on) {
      throw RuleViolation(
          "outcome.reached_on on or after the enrolment",
          "reached on " + to_iso(outcome.reached_on) + ", enrolled on " + to_iso(e.enrolled_on));
    }
    auto insert = s.statements.use(
        "INSERT INTO programme_outcome (programme_id, trajectory_id, kind, reached_on, contract) "
        "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    insert->bind(1, pid.value());
    insert->bind(2, tid.value());
    insert->bind(3, std::string(to_string(outcome.kind)));
    insert->bind(4, to_iso(outcome.reached_on));
    if (outcome.contract) {
      insert->bind(5, std::string(to_string(*outcome.contract)));
    } else {
      insert->bind(5);
    }
    insert->executeStep();
    const std::int64_t id = insert->getColumn(0).getInt64();
    insert->reset();  // a RETURNING statement is done only when reset
    s.insert_audit(
        actor, AuditAction::kProgramme, e.municipality, tid,
        {{"/programmes/" + to_string(pid) + "/outcomes/" + std::to_string(id), "(absent)",
          std::string(to_string(outcome.kind)) +
              (outcome.contract ? " " + std::string(to_string(*outcome.contract)) : "") + " " +
              to_iso(outcome.reached_on)}},
        "outcome in " + programme_name(pid) + " recorded");
    transaction.commit();
    return id;
  });
}

std::vector<programme::Enrolment> SqlStore::enrolments(const Actor& actor, ProgrammeId pid) {
  Impl& s = *impl_;
  s.check_actor(actor);
  return audited(s, actor, "listing enrolments", [&] {
    detail::Transaction read(s.db, detail::TxKind::kRead);
    const Programme p =
        visible_programme(s, actor, pid, "listing the enrolments of " + programme_name(pid));
    std::vector<MunicipalityCode> readable;
    for (const auto& m : p.definition.municipalities) {
      if (actor.may_read(m)) readable.push_back(m);
    }
    std::sort(readable.begin(), readable.end());
    std::vector<Enrolment> out;
    for (const auto& m : readable) {
      auto q = s.statements.use(
          "SELECT municipality, enrolled_on, left_on, leave_reason, trajectory_id FROM enrolment "
          "WHERE programme_id = ?1 AND municipality = ?2 ORDER BY trajectory_id");
      q->bind(1, pid.value());
      q->bind(2, m.to_string());
      while (q->executeStep()) {
        out.push_back(enrolment_of(*q, pid, TrajectoryId(q->getColumn(4).getInt64())));
      }
    }
    read.commit();
    return out;
  });
}

programme::Participation SqlStore::participation(const Actor& actor, ProgrammeId pid,
                                                 TrajectoryId tid) {
  Impl& s = *impl_;
  s.check_actor(actor);
  const std::string what =
      "reading the programme data of trajectory " + to_string(tid) + " in " + programme_name(pid);
  return audited(s, actor, "reading programme data", [&] {
    detail::Transaction read(s.db, detail::TxKind::kRead);
    visible_programme(s, actor, pid, what);
    // Whose the trajectory is comes first: whether another municipality's trajectory is enrolled
    // is not for the actor to learn.
    const auto row = s.read_row(tid);
    if (!row) throw NotFound("trajectory", to_string(tid));
    if (!actor.may_read(row->municipality)) {
      throw Refusal{Refusal::kHiddenTrajectory, row->municipality, tid, what, pid};
    }
    const auto e = read_enrolment(s.statements, pid, tid);
    if (!e) {
      throw NotFound("enrolment", "of trajectory " + to_string(tid) + " in " + programme_name(pid));
    }
    programme::Participation out = read_participation(s.statements, *e);
    read.commit();
    return out;
  });
}

std::vector<programme::ProgrammeCounts> SqlStore::programme_counts(const Actor& actor,
                                                                   ProgrammeId pid, Date as_of) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(as_of, "programme_report.as_of");
  return audited(s, actor, "counting a programme's outcomes", [&] {
    detail::Transaction read(s.db, detail::TxKind::kRead);
    const Programme p =
        visible_programme(s, actor, pid, "counting the outcomes of " + programme_name(pid));
    const std::string day = to_iso(as_of);
    const std::string what = "enrolment data of " + programme_name(pid);
    std::vector<programme::ProgrammeCounts> out;
    for (const auto& m : p.definition.municipalities) {
      if (!actor.may_read(m)) continue;
      programme::ProgrammeCounts c{.municipality = m};
      std::map<std::int64_t, Date> enrolled_on;
      {
        auto q = s.statements.use(
            "SELECT trajectory_id, enrolled_on, left_on, leave_reason FROM enrolment "
            "WHERE programme_id = ?1 AND municipality = ?2 AND enrolled_on <= ?3");
        q->bind(1, pid.value());
        q->bind(2, m.to_string());
        q->bind(3, day);
        while (q->executeStep()) {
          ++c.enrolled;
          enrolled_on[q->getColumn(0).getInt64()] =
              stored_date(q->getColumn(1), what + " enrolled_on");
          const auto left = stored_optional_date(q->getColumn(2), what + " left_on");
          if (left && *left <= as_of) {
            ++c.left_by_reason[stored_enum<programme::LeaveReason>(q->getColumn(3),
                                                                   what + " leave_reason")];
          } else {
            ++c.active;
          }
        }
      }
      {
        auto q = s.statements.use(
            "SELECT a.trajectory_id, a.kind, a.mode, a.attendance FROM programme_activity a "
            "JOIN enrolment e USING (programme_id, trajectory_id) WHERE a.programme_id = ?1 AND "
            "e.municipality = ?2 AND a.held_on <= ?3");
        q->bind(1, pid.value());
        q->bind(2, m.to_string());
        q->bind(3, day);
        std::set<std::int64_t> persons;
        while (q->executeStep()) {
          persons.insert(q->getColumn(0).getInt64());
          const auto kind = stored_enum<programme::ActivityKind>(q->getColumn(1), what + " kind");
          ++c.offered[kind];
          if (stored_enum<programme::Attendance>(q->getColumn(3), what + " attendance") ==
              programme::Attendance::kAttended) {
            ++c.attended[kind];
            if (stored_enum<programme::ActivityMode>(q->getColumn(2), what + " mode") ==
                programme::ActivityMode::kRemote) {
              ++c.attended_remote;
            }
          }
        }
        c.persons_with_sessions = static_cast<std::int64_t>(persons.size());
      }
      {
        auto q = s.statements.use(
            "SELECT g.trajectory_id, max(CASE WHEN g.achieved_on IS NOT NULL AND g.achieved_on <= "
            "?3 THEN 1 ELSE 0 END) "
            "FROM programme_goal g JOIN enrolment e USING (programme_id, trajectory_id) "
            "WHERE g.programme_id = ?1 AND e.municipality = ?2 AND g.set_on <= ?3 "
            "GROUP BY g.trajectory_id");
        q->bind(1, pid.value());
        q->bind(2, m.to_string());
        q->bind(3, day);
        while (q->executeStep()) {
          ++c.persons_with_goal;
          c.persons_goal_achieved += q->getColumn(1).getInt64() ? 1 : 0;
        }
      }
      {
        auto q = s.statements.use(
            "SELECT o.trajectory_id, o.kind, min(o.reached_on) FROM programme_outcome o "
            "JOIN enrolment e USING (programme_id, trajectory_id) WHERE o.programme_id = ?1 AND "
            "e.municipality = ?2 AND o.reached_on <= ?3 GROUP BY o.trajectory_id, o.kind");
        q->bind(1, pid.value());
        q->bind(2, m.to_string());
        q->bind(3, day);
        std::set<std::int64_t> any;
        while (q->executeStep()) {
          const std::int64_t tid = q->getColumn(0).getInt64();
          const auto start = enrolled_on.find(tid);
          if (start == enrolled_on.end()) continue;  // enrolled after as_of: cannot happen
          const auto kind =
              stored_enum<programme::OutcomeKind>(q->getColumn(1), what + " outcome kind");
          ++c.reached[kind];
          c.weeks_to[kind].push_back(
              (stored_date(q->getColumn(2), what + " reached_on") - start->second).days() / 7);
          any.insert(tid);
        }
        c.reached_any = static_cast<std::int64_t>(any.size());
        for (auto& [kind, weeks] : c.weeks_to) std::sort(weeks.begin(), weeks.end());
      }
      out.push_back(std::move(c));
    }
    read.commit();
    return out;
  });
}

std::string SqlStore::programme_export(const Actor& actor, const monitoring::PseudonymKey& key,
                                       ProgrammeId pid, Date as_of) {
  Impl& s = *impl_;
  s.check_actor(actor);
  require_valid(as_of, "programme_export.as_of");
  const MunicipalityCode municipality = actor.municipality;
  const std::string what = "exporting the data of " + programme_name(pid) + " for an evaluation";
  if (!role_may_write(actor.role) && actor.role != Role::kPrivacyOfficer) {
    s.deny(actor, municipality, std::nullopt, what);
  }
  s.require_writable(what + " (audited)");
  return audited(s, actor, "exporting a programme's data", [&] {
    std::string csv = programme::programme_export_header();
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    const Programme p = visible_programme(s, actor, pid, what);
    std::vector<TrajectoryId> ids;
    {
      auto q = s.statements.use(
          "SELECT trajectory_id FROM enrolment WHERE programme_id = ?1 AND municipality = ?2 "
          "AND enrolled_on <= ?3 ORDER BY trajectory_id");
      q->bind(1, pid.value());
      q->bind(2, municipality.to_string());
      q->bind(3, to_iso(as_of));
      while (q->executeStep()) ids.emplace_back(q->getColumn(0).getInt64());
    }
    for (const TrajectoryId tid : ids) {
      const auto row = s.read_row(tid);
      const auto e = read_enrolment(s.statements, pid, tid);
      if (!row || row->purged_on || !e) continue;
      const Trajectory trajectory =
          detail::checked(s.decode_row(*row, tid), "trajectory " + to_string(tid));
      csv += programme::programme_export_row(trajectory, read_participation(s.statements, *e), key,
                                             p.definition.starts_on, as_of);
    }
    s.insert_audit(actor, AuditAction::kEvaluationExport, municipality, std::nullopt, {},
                   "evaluation export of " + programme_name(pid) + " as of " + to_iso(as_of) +
                       ": " + std::to_string(ids.size()) + " enrolments, pseudonym key " +
                       key.fingerprint());
    transaction.commit();
    return csv;
  });
}

namespace detail {

nlohmann::json programme_data_json(StatementCache& statements, TrajectoryId id) {
  using nlohmann::json;
  std::vector<ProgrammeId> programmes;
  {
    auto q = statements.use(
        "SELECT programme_id FROM enrolment WHERE trajectory_id = ?1 ORDER BY programme_id");
    q->bind(1, id.value());
    while (q->executeStep()) programmes.emplace_back(q->getColumn(0).getInt64());
  }
  json out = json::array();
  for (const ProgrammeId pid : programmes) {
    const auto e = read_enrolment(statements, pid, id);
    if (!e) continue;
    const programme::Participation p = read_participation(statements, *e);
    json activities = json::array();
    for (const auto& a : p.activities) {
      activities.push_back({{"held_on", to_iso(a.session.held_on)},
                            {"kind", to_string(a.session.kind)},
                            {"mode", to_string(a.session.mode)},
                            {"topic", to_string(a.session.topic)},
                            {"minutes", a.session.minutes},
                            {"attendance", to_string(a.attendance)}});
    }
    json goals = json::array();
    for (const auto& g : p.goals) {
      goals.push_back(
          {{"text", g.text},
           {"set_on", to_iso(g.set_on)},
           {"achieved_on", g.achieved_on ? json(to_iso(*g.achieved_on)) : json(nullptr)}});
    }
    json outcomes = json::array();
    for (const auto& o : p.outcomes) {
      outcomes.push_back({{"kind", to_string(o.kind)},
                          {"reached_on", to_iso(o.reached_on)},
                          {"contract", o.contract ? json(to_string(*o.contract)) : json(nullptr)}});
    }
    out.push_back(
        {{"programme", pid.value()},
         {"enrolled_on", to_iso(e->enrolled_on)},
         {"left_on", e->left_on ? json(to_iso(*e->left_on)) : json(nullptr)},
         {"leave_reason", e->leave_reason ? json(to_string(*e->leave_reason)) : json(nullptr)},
         {"activities", activities},
         {"goals", goals},
         {"outcomes", outcomes}});
  }
  return out;
}

}  // namespace detail

}  // namespace inburgering::storage
