// Moving municipality between two stores through a dossier file (Wi 15.4, 35.4): what travels
// arrives, the new PIP deadline and the unchanged term are right, both audit trails tell the
// story, and every refused dossier leaves the receiving store as it was.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/store_fixture.hpp"
#include "support/test_database.hpp"

namespace inburgering::test {
namespace {

using storage::AuditAction;
using storage::SqliteStore;
using ::testing::HasSubstr;
using transfer::DossierError;
using transfer::DossierProblem;

const storage::LoadOptions kWithHealth{.with_health = true};
const MunicipalityCode kNijmegen("0268");

std::shared_ptr<FixedClock> clock_on(const char* iso) {
  return std::make_shared<FixedClock>(d(iso));
}

/// The signing key of Utrecht in these tests (a fixed seed, so the fixture is reproducible).
transfer::SigningKey utrecht_key() {
  return transfer::SigningKey::from_seed_hex(std::string(64, 'a'));
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Two municipalities, each with its own store, on SQLite and on PostgreSQL.
struct TwoMunicipalities : ::testing::TestWithParam<std::string> {
  TempDir dir;
  TestDatabase utrecht_db{GetParam()};
  TestDatabase amersfoort_db{GetParam()};
  std::unique_ptr<storage::TrajectoryStore> utrecht_store;
  std::unique_ptr<storage::TrajectoryStore> amersfoort_store;
  transfer::ImportOptions trusting{.trusted_senders = {{utrecht(), utrecht_key().public_key()}},
                                   .require_signature = true};

  void SetUp() override {
    if (!utrecht_db.available()) GTEST_SKIP() << "no PostgreSQL server (INBURGERING_TEST_POSTGRES)";
    utrecht_store = utrecht_db.open({.clock = clock_on("2027-09-01")});
    amersfoort_store = amersfoort_db.open({.clock = clock_on("2027-09-10")});
  }

  /// Stores the rich trajectory in Utrecht and exports its dossier to Amersfoort, as a file.
  std::string exported(const transfer::SigningKey* key) {
    Trajectory t = rich_trajectory();
    utrecht_store->create(caseworker(), t);
    const std::string text =
        utrecht_store->export_transfer(caseworker(), t.id(), amersfoort(), d("2027-09-01"), key);
    const std::string path = dir.file("dossier.txt");
    std::ofstream(path, std::ios::binary) << text;
    return file_text(path);
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, TwoMunicipalities, ::testing::ValuesIn(database_backends()),
                         backend_name);

TEST_P(TwoMunicipalities, AMoveThroughADossierFileKeepsWhatTravels) {
  const transfer::SigningKey key = utrecht_key();
  const Trajectory before = rich_trajectory();
  const std::string dossier = exported(&key);

  Trajectory incoming =
      amersfoort_store->import_transfer(caseworker(amersfoort()), dossier, TrajectoryId(501),
                                        UserId("km-devries"), d("2027-09-08"), trusting);
  EXPECT_EQ(incoming.revision(), 1);
  const Trajectory stored =
      amersfoort_store->load(caseworker(amersfoort()), TrajectoryId(501), kWithHealth);
  const TrajectoryRecord& r = stored.record();
  // Nothing that should travel was lost.
  EXPECT_EQ(r.participant, before.record().participant);
  EXPECT_EQ(r.obligation, before.record().obligation);  // with the dispensation's ground
  EXPECT_EQ(r.plan_versions, before.record().plan_versions);
  EXPECT_EQ(r.exam_results, before.record().exam_results);
  EXPECT_EQ(r.attendance, before.record().attendance);
  EXPECT_EQ(r.components, before.record().components);
  EXPECT_EQ(r.interviews, before.record().interviews);
  EXPECT_EQ(r.municipal_fines, before.record().municipal_fines);
  EXPECT_EQ(r.duo_fines, before.record().duo_fines);
  EXPECT_EQ(r.social_guidance, before.record().social_guidance);
  EXPECT_EQ(r.course_offers, before.record().course_offers);
  EXPECT_EQ(r.intake.learnability_test, before.record().intake.learnability_test);
  EXPECT_EQ(r.intake.topics.at(IntakeTopic::kFinances),
            before.record().intake.topics.at(IntakeTopic::kFinances));
  // What stays with Utrecht: the unburdening (Pw) and the health topic.
  EXPECT_FALSE(r.unburdening);
  EXPECT_EQ(r.intake.topics.count(IntakeTopic::kHealth), 0u);
  EXPECT_THAT(dossier, ::testing::Not(HasSubstr("PTSS")));
  // The term does not restart (Wi 11.3); the PIP after the move is due 10 weeks after the
  // registration in Amersfoort (Bi 5.3.3); the route stays (Wi 15.4).
  EXPECT_EQ(r.term, before.record().term);
  EXPECT_EQ(stored.pip_deadline(), d("2027-11-17"));
  EXPECT_EQ(r.transfer_in->from, utrecht());
  EXPECT_EQ(r.municipality, amersfoort());
  EXPECT_EQ(r.caseworker, UserId("km-devries"));

  // Utrecht's trajectory is transferred out, read-only, and kept for retention (Bi 9.9).
  Trajectory old = utrecht_store->load(caseworker(), before.id());
  EXPECT_EQ(old.state(), TrajectoryState::kTransferredOut);
  EXPECT_EQ(old.record().closure->moved_to, amersfoort());
  EXPECT_THROW(old.record_attendance(
                   AttendanceEntry{d("2027-09-02"), HourKind::kLanguageCourse, 60, "Taalschool"}),
               RuleViolation);
  EXPECT_EQ(utrecht_db.one("SELECT retain_until FROM trajectory WHERE id = 7"), "2032-09-01");

  // Both trails tell the story.
  const std::string id = dossier.substr(dossier.find("id: ") + 4, 32);
  const auto sent = utrecht_store->history(auditor(), before.id());
  ASSERT_GE(sent.size(), 3u);
  EXPECT_EQ(sent.back().action, AuditAction::kUpdate);
  EXPECT_THAT(sent.back().note, HasSubstr("transfer dossier " + id + " to municipality 0307"));
  EXPECT_EQ(sent[sent.size() - 2].action, AuditAction::kReadSpecial);  // the values it took
  const auto received = amersfoort_store->history(auditor(amersfoort()), TrajectoryId(501));
  ASSERT_FALSE(received.empty());
  EXPECT_EQ(received.front().action, AuditAction::kCreate);
  EXPECT_THAT(received.front().note,
              HasSubstr("imported transfer dossier " + id + " from municipality 0344"));
  EXPECT_EQ(amersfoort_db.count("SELECT count(*) FROM imported_dossier"), 1);

  // The new college goes on: the PIP after the move keeps the route.
  Trajectory going_on = amersfoort_store->load(caseworker(amersfoort()), TrajectoryId(501));
  PlanContent after_move = content(Route::kB1);
  after_move.scaled_down_parts = before.record().plan_versions.back().content.scaled_down_parts;
  going_on.issue_plan_after_move(d("2027-10-01"), after_move, "verhuisd naar Amersfoort");
  amersfoort_store->save(caseworker(amersfoort()), going_on);
}

TEST_P(TwoMunicipalities, ARefusedDossierLeavesTheStoreAsItWas) {
  const transfer::SigningKey key = utrecht_key();
  const std::string dossier = exported(&key);
  const auto refused = [&](const storage::Actor& actor, const std::string& text,
                           const transfer::ImportOptions& options, TrajectoryId id) {
    const std::int64_t rows = amersfoort_db.count("SELECT count(*) FROM trajectory");
    const std::int64_t entries = amersfoort_db.count("SELECT count(*) FROM audit_log");
    try {
      amersfoort_store->import_transfer(actor, text, id, UserId("km"), d("2027-09-08"), options);
    } catch (const DossierError& e) {
      EXPECT_EQ(amersfoort_db.count("SELECT count(*) FROM trajectory"), rows);
      EXPECT_EQ(amersfoort_db.count("SELECT count(*) FROM audit_log"), entries);
      return e.problem();
    }
    ADD_FAILURE() << "accepted";
    return DossierProblem::kNotADossier;
  };
  // For another municipality.
  EXPECT_EQ(refused(caseworker(kNijmegen), dossier, trusting, TrajectoryId(600)),
            DossierProblem::kWrongRecipient);
  // Unsigned where the default asks for a signature by a key held for the sender.
  const std::string unsigned_copy = transfer::write_dossier(
      transfer::read_dossier(dossier, trusting).source, "00000000000000000000000000000003");
  EXPECT_EQ(refused(caseworker(amersfoort()), unsigned_copy, {}, TrajectoryId(600)),
            DossierProblem::kUnsigned);
  // Tampered, truncated, unsigned where Utrecht signs.
  std::string tampered = dossier;
  tampered[tampered.size() - 100] ^= 0x04;
  EXPECT_EQ(refused(caseworker(amersfoort()), tampered, trusting, TrajectoryId(600)),
            DossierProblem::kCorrupted);
  EXPECT_EQ(refused(caseworker(amersfoort()), dossier.substr(0, dossier.size() / 2), trusting,
                    TrajectoryId(600)),
            DossierProblem::kTruncated);
  // Written by a newer library.
  std::string newer = dossier;
  newer.replace(0, std::string("INBURGERING-DOSSIER 1").size(), "INBURGERING-DOSSIER 2");
  EXPECT_EQ(refused(caseworker(amersfoort()), newer, trusting, TrajectoryId(600)),
            DossierProblem::kFutureVersion);
  const std::string unsigned_text = transfer::write_dossier(
      transfer::read_dossier(dossier, trusting).source, "00000000000000000000000000000001");
  EXPECT_EQ(refused(caseworker(amersfoort()), unsigned_text, trusting, TrajectoryId(600)),
            DossierProblem::kUnsigned);
  // The same dossier twice.
  amersfoort_store->import_transfer(caseworker(amersfoort()), dossier, TrajectoryId(600),
                                    UserId("km"), d("2027-09-08"), trusting);
  EXPECT_EQ(refused(caseworker(amersfoort()), dossier, trusting, TrajectoryId(601)),
            DossierProblem::kAlreadyImported);
  // The same trajectory sent again under a new dossier id.
  const std::string resent = transfer::write_dossier(
      transfer::read_dossier(dossier, trusting).source, "00000000000000000000000000000002", &key);
  EXPECT_EQ(refused(caseworker(amersfoort()), resent, trusting, TrajectoryId(602)),
            DossierProblem::kAlreadyImported);
  EXPECT_EQ(amersfoort_db.count("SELECT count(*) FROM trajectory"), 1);
  EXPECT_EQ(amersfoort_db.one("SELECT signer FROM imported_dossier"),
            key.public_key().to_hex() + " (trusted)");
  EXPECT_EQ(amersfoort_db.one("SELECT source_id FROM imported_dossier"), "7");
}

TEST_P(TwoMunicipalities, OnlyRolesThatMayReadHealthMoveADispensation) {
  Trajectory t = rich_trajectory();
  utrecht_store->create(caseworker(), t);
  EXPECT_THROW(utrecht_store->export_transfer(back_office(), t.id(), amersfoort(), d("2027-09-01")),
               AccessDenied);
  EXPECT_EQ(utrecht_store->load(caseworker(), t.id()).state(), TrajectoryState::kRoute);
  const std::string dossier =
      utrecht_store->export_transfer(caseworker(), t.id(), amersfoort(), d("2027-09-01"));
  const transfer::ImportOptions unsigned_ok{.require_signature = false};
  EXPECT_THROW(
      amersfoort_store->import_transfer(back_office(amersfoort()), dossier, TrajectoryId(700),
                                        UserId("km"), d("2027-09-08"), unsigned_ok),
      AccessDenied);
  EXPECT_EQ(amersfoort_db.count("SELECT count(*) FROM trajectory"), 0);
  // An id taken in the receiving store is a conflict, and nothing is stored.
  Trajectory local = renumber(registered(), 700);
  TrajectoryRecord local_record = local.record();
  local_record.municipality = amersfoort();
  Trajectory amersfoort_local = Trajectory::from_record(local_record);
  amersfoort_store->create(caseworker(amersfoort()), amersfoort_local);
  EXPECT_THROW(
      amersfoort_store->import_transfer(caseworker(amersfoort()), dossier, TrajectoryId(700),
                                        UserId("km"), d("2027-09-08"), unsigned_ok),
      ConflictError);
  EXPECT_EQ(amersfoort_db.count("SELECT count(*) FROM imported_dossier"), 0);
  // A move needs an active trajectory.
  EXPECT_THROW(utrecht_store->export_transfer(caseworker(), t.id(), amersfoort(), d("2027-09-02")),
               RuleViolation);
  // ... and that refusal read nothing special: the last entry is still the export's update.
  EXPECT_EQ(utrecht_store->history(auditor(), t.id()).back().action, AuditAction::kUpdate);
}

// A dossier written by library 0.7 (tests/transfer/dossier_0_7.txt, signed with Utrecht's test
// key): a later version that cannot import it fails here. INBURGERING_UPDATE_GOLDEN=1 writes it.
TEST(TransferFixture, ADossierOfVersion07Imports) {
  const std::string path = std::string(INBURGERING_TEST_DATA_DIR) + "/../transfer/dossier_0_7.txt";
  if (std::getenv("INBURGERING_UPDATE_GOLDEN") != nullptr) {
    Trajectory t = rich_trajectory();
    t.transfer_out(amersfoort(), d("2027-09-01"));
    const transfer::SigningKey key = utrecht_key();
    std::ofstream(path, std::ios::binary)
        << transfer::write_dossier(t, "07070707070707070707070707070707", &key);
  }
  const std::string text = file_text(path);
  ASSERT_FALSE(text.empty());
  auto store = SqliteStore::open(":memory:", {.clock = clock_on("2027-09-10")});
  const Trajectory incoming = store->import_transfer(
      caseworker(amersfoort()), text, TrajectoryId(900), UserId("km-devries"), d("2027-09-08"),
      {.trusted_senders = {{utrecht(), utrecht_key().public_key()}}, .require_signature = true});
  EXPECT_EQ(incoming.state(), TrajectoryState::kRoute);
  EXPECT_EQ(incoming.record().term, rich_trajectory().record().term);
  EXPECT_EQ(incoming.record().plan_versions, rich_trajectory().record().plan_versions);
  EXPECT_EQ(incoming.record().transfer_in->from, utrecht());
}

}  // namespace
}  // namespace inburgering::test
