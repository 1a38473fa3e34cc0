// SqliteStore: moving municipality through the transfer dossier (Wi 15.4, 35.4).

#include <nlohmann/json.hpp>

#include "inburgering/storage/sqlite_store.hpp"
#include "inburgering/transfer/json_export.hpp"
#include "storage/sql_programme.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store_impl.hpp"

namespace inburgering::storage {

std::string SqlStore::export_transfer(const Actor& actor, TrajectoryId id, MunicipalityCode to,
                                      Date moved_on, const transfer::SigningKey* key) {
  Impl& s = *impl_;
  s.check_actor(actor);
  s.require_writable("exporting a transfer dossier");
  if (!role_may_write(actor.role)) {
    s.deny(actor, actor.municipality, id, "exporting the transfer dossier of " + to_string(id));
  }
  // Loaded without health information (the health topic does not travel); the move is checked
  // before anything special is read.
  Trajectory trajectory = load(actor, id);
  const MunicipalityCode owner = trajectory.record().municipality;
  trajectory.transfer_out(to, moved_on);
  // The dispensation's values travel (they bind the new college): read them, by a role that
  // may, and audit that read.
  TrajectoryRecord record = trajectory.record();
  if (detail::holds_special_placeholder(record)) {
    if (!actor.may_read_health(owner)) {
      s.deny(actor, owner, id,
             "reading the health information the transfer dossier of " + to_string(id) + " takes");
    }
    const detail::SpecialValues special = s.with_retry(
        "reading health information", [&] { return detail::read_special(s.statements, id); });
    try {
      detail::restore_special_values(record, special);
    } catch (const ValidationError& e) {
      throw StorageError(
          "stored trajectory " + to_string(id) + " lacks the values behind " + e.field(),
          ErrorCode::kCorruptData);
    }
    const std::int64_t revision = record.revision;
    trajectory = Trajectory::from_record(std::move(record));
    set_revision(trajectory, revision);
    s.with_retry("auditing a read of health information", [&] {
      detail::Transaction transaction(s.db, detail::TxKind::kWrite);
      s.insert_audit(actor, AuditAction::kReadSpecial, owner, id,
                     detail::special_reads(false, special), "for the transfer dossier (Wi 35.4)");
      transaction.commit();
    });
  }
  const std::string dossier_id = transfer::new_dossier_id();
  std::string dossier = transfer::write_dossier(trajectory, dossier_id, key);
  // Saved with the dossier's id in its audit entry; a save that fails (someone changed it
  // meanwhile) leaves no dossier behind.
  save_noted(actor, trajectory,
             "transfer dossier " + dossier_id + " to municipality " + to.to_string() +
                 (key != nullptr ? " (signed)" : " (unsigned)") + " (Wi 35.4)");
  return dossier;
}

Trajectory SqlStore::import_transfer(const Actor& actor, std::string_view text, TrajectoryId new_id,
                                     UserId caseworker, Date brp_registration_on,
                                     const transfer::ImportOptions& options, Policy policy) {
  Impl& s = *impl_;
  s.check_actor(actor);
  s.require_writable("importing a transfer dossier");
  transfer::ReadDossier read = transfer::read_dossier(text, options);
  if (read.info.to != actor.municipality) {
    throw transfer::DossierError(transfer::DossierProblem::kWrongRecipient,
                                 "it is for municipality " + read.info.to.to_string() + ", not " +
                                     actor.municipality.to_string());
  }
  Trajectory incoming =
      Trajectory::receive_transfer(read.source, new_id, actor.municipality, std::move(caseworker),
                                   brp_registration_on, std::move(policy));
  const std::string record_text = s.prepare_create(actor, incoming);
  const std::string signer = read.info.signer
                                 ? read.info.signer->to_hex() +
                                       (read.info.signer_trusted ? " (trusted)" : " (not trusted)")
                                 : std::string("unsigned");
  const std::string note = "imported transfer dossier " + read.info.id + " from municipality " +
                           read.info.from.to_string() + ", signer " + signer + " (Wi 35.4)";
  std::optional<MunicipalityCode> taken_by;
  bool imported_before = false;
  s.with_retry("importing a transfer dossier", [&] {
    taken_by.reset();
    imported_before = false;
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    {
      // The same dossier, or the same trajectory of the same municipality sent again.
      detail::Statement seen(s.db,
                             "SELECT 1 FROM imported_dossier WHERE dossier_id = ?1 OR "
                             "(from_municipality = ?2 AND source_id = ?3)");
      seen.bind(1, read.info.id);
      seen.bind(2, read.info.from.to_string());
      seen.bind(3, read.info.source_id.value());
      if (seen.executeStep()) {
        imported_before = true;
        return;
      }
    }
    if (const auto existing = s.read_row(new_id)) {
      taken_by = existing->municipality;
      return;
    }
    s.insert_new(actor, incoming, record_text,
                 detail::intern_policy(s.statements, incoming.record().policy), note);
    detail::Statement ledger(s.db,
                             "INSERT INTO imported_dossier (dossier_id, trajectory_id, "
                             "from_municipality, source_id, signer, imported_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    ledger.bind(1, read.info.id);
    ledger.bind(2, new_id.value());
    ledger.bind(3, read.info.from.to_string());
    ledger.bind(4, read.info.source_id.value());
    ledger.bind(5, signer);
    ledger.bind(6, s.now());
    ledger.exec();
    transaction.commit();
  });
  if (imported_before) {
    throw transfer::DossierError(transfer::DossierProblem::kAlreadyImported,
                                 "dossier " + read.info.id + ", or another of trajectory " +
                                     to_string(read.info.source_id) + " of municipality " +
                                     read.info.from.to_string() + ", was imported before");
  }
  if (taken_by) s.refuse_taken_id(actor, new_id, *taken_by, "");
  set_revision(incoming, 1);
  return incoming;
}

// ---- A person's own data (AVG art. 15) ---------------------------------------------------------

std::string SqlStore::subject_access(const Actor& actor, const Bsn& bsn) {
  using nlohmann::json;
  Impl& s = *impl_;
  s.check_actor(actor);
  const MunicipalityCode municipality = actor.municipality;
  if (!role_may_erase(actor.role)) {
    s.deny(actor, municipality, std::nullopt, "answering a request for access (AVG art. 15)");
  }
  s.require_writable("answering a request for access (an audited read)");
  const Date today = s.today();
  json trajectories = json::array();
  s.with_retry("answering a request for access", [&] {
    trajectories = json::array();
    detail::Transaction transaction(s.db, detail::TxKind::kWrite);
    std::vector<TrajectoryId> ids;
    {
      detail::Statement query(s.db,
                              "SELECT id FROM trajectory WHERE bsn = ?1 AND municipality = ?2 "
                              "AND record IS NOT NULL ORDER BY id");
      query.bind(1, bsn.digits());
      query.bind(2, municipality.to_string());
      while (query.executeStep()) ids.emplace_back(query.getColumn(0).getInt64());
    }
    for (const TrajectoryId id : ids) {
      const auto row = s.read_row(id);
      TrajectoryRecord record = s.decode_row(*row, id);
      // The person's own data, the special categories included (AVG art. 15): answering is the
      // privacy officer's task, so for this read the role needs no health rights (Bi 9.11.a:
      // access for whoever's task needs it); the entry below names what was read.
      auto health = detail::read_health(s.statements, id);
      const detail::SpecialValues special = detail::read_special(s.statements, id);
      const auto read = detail::special_reads(health.has_value(), special);
      if (health) record.intake.topics[IntakeTopic::kHealth] = std::move(*health);
      std::string document;
      try {
        detail::restore_special_values(record, special);
        const Trajectory trajectory =
            detail::checked(std::move(record), "trajectory " + to_string(id));
        document = transfer::trajectory_json(trajectory, today, {.with_special = true});
      } catch (const ValidationError& e) {
        throw StorageError(
            "stored trajectory " + to_string(id) + " lacks the values behind " + e.field(),
            ErrorCode::kCorruptData);
      }
      json trail = json::array();
      detail::Statement entries(s.db, detail::sql::kHistory);
      entries.bind(1, id.value());
      while (entries.executeStep()) {
        const AuditEntry entry = detail::audit_entry_from(entries);
        json changes = json::array();
        for (const FieldChange& change : entry.changes) {
          changes.push_back(
              {{"field", change.field}, {"before", change.before}, {"after", change.after}});
        }
        const auto code = [](const std::optional<MunicipalityCode>& m) {
          return m ? json(m->to_string()) : json(nullptr);
        };
        trail.push_back(
            {{"sequence", entry.sequence},
             {"at", to_iso(entry.at)},
             {"user", entry.user.value()},
             {"role", entry.role ? json(std::string(to_string(*entry.role))) : json(nullptr)},
             {"actor_municipality", code(entry.actor_municipality)},
             {"on_behalf_of", code(entry.on_behalf_of)},
             {"arrangement", entry.arrangement},
             {"action", entry.action ? json(std::string(to_string(*entry.action))) : json(nullptr)},
             {"changes", changes},
             {"note", entry.note},
             {"unreadable", entry.unreadable}});
      }
      trajectories.push_back({{"trajectory", json::parse(document)},
                              {"audit_trail", trail},
                              {"programmes", detail::programme_data_json(s.statements, id)}});
      s.insert_audit(actor, AuditAction::kSubjectAccess, municipality, id, read,
                     "all data of this trajectory given to the person (AVG art. 15)");
    }
    if (ids.empty()) {
      s.insert_audit(actor, AuditAction::kSubjectAccess, municipality, std::nullopt, {},
                     "request for access answered: no trajectory of the person here (AVG art. 15)");
    }
    transaction.commit();
  });
  json out = {{"schema", "inburgering-subject-access"},
              {"version", 1},
              {"produced_on", to_iso(today)},
              {"municipality", municipality.to_string()},
              {"trajectories", trajectories}};
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace inburgering::storage
