// The evaluation export without direct identifiers (monitoring/evaluation_export.hpp): no BSN,
// name, birth date, free text or health in it; stable pseudonyms under one key and unlinkable
// ones under another; a data dictionary for every column; access and audit.

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "support/builders.hpp"
#include "support/store_fixture.hpp"
#include "support/test_database.hpp"

namespace inburgering::monitoring {
namespace {

using test::d;

const char* kKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

std::vector<std::string> lines_of(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

TEST(PseudonymKey, IsHmacSha256OfTheBsnUnderTheKey) {
  const PseudonymKey key = PseudonymKey::from_hex(kKeyHex);
  // Computed independently (Python: hmac.new(bytes(range(32)), b"999990019", sha256)).
  EXPECT_EQ(key.pseudonym(Bsn("999990019")),
            "f080e769c9eccc4a2d208fd10fa8ddde7c692ee49cb361b1fbfdbcfa81aef8bf");
  EXPECT_EQ(key.fingerprint(), "630dcd2966c43366");  // SHA-256 of the key, first 16 hex
  EXPECT_EQ(key.to_hex(), kKeyHex);
  EXPECT_NE(PseudonymKey::generate().to_hex(), PseudonymKey::generate().to_hex());
}

TEST(PseudonymKey, RejectsAMalformedKeyWithoutRepeatingIt) {
  for (const std::string& bad :
       std::vector<std::string>{"", "00", std::string(63, 'a'), std::string(65, 'a'),
                                std::string(62, 'a') + "zz", std::string(64, '0')}) {
    try {
      (void)PseudonymKey::from_hex(bad);
      ADD_FAILURE() << bad;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), "pseudonym_key");
      if (bad.size() > 4) {
        EXPECT_EQ(std::string(e.what()).find(bad), std::string::npos);
      }
    }
  }
}

TEST(EvaluationExport, TheDictionaryDocumentsEveryColumnInOrder) {
  const auto header = fields_of(lines_of(evaluation_header()).at(0));
  const auto& columns = evaluation_columns();
  ASSERT_EQ(header.size(), columns.size());
  std::set<std::string> names;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(header[i], columns[i].name);
    EXPECT_TRUE(columns[i].type == "text" || columns[i].type == "integer" ||
                columns[i].type == "boolean")
        << columns[i].name;
    EXPECT_GT(columns[i].description.size(), 10u) << columns[i].name;
    EXPECT_TRUE(names.insert(columns[i].name).second) << "twice: " << columns[i].name;
    EXPECT_NE(evaluation_dictionary().find("| `" + columns[i].name + "` |"), std::string::npos);
  }
  for (const Trajectory& t : {test::rich_trajectory(), test::registered(), test::completed()}) {
    const auto row = fields_of(
        lines_of(evaluation_row(t, PseudonymKey::from_hex(kKeyHex), d("2027-09-01"))).at(0));
    EXPECT_EQ(row.size(), columns.size()) << to_string(t.state());
  }
}

TEST(EvaluationExport, ValuesOfARichTrajectory) {
  const Trajectory t = test::rich_trajectory();
  const auto row = fields_of(
      lines_of(evaluation_row(t, PseudonymKey::from_hex(kKeyHex), d("2027-09-01"))).at(0));
  const auto header = fields_of(lines_of(evaluation_header()).at(0));
  const auto value = [&](const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name) - header.begin();
    return row.at(static_cast<std::size_t>(at));
  };
  const TrajectoryRecord& r = t.record();
  EXPECT_EQ(value("pseudonym"), PseudonymKey::from_hex(kKeyHex).pseudonym(r.participant.bsn));
  EXPECT_EQ(value("birth_year"), std::to_string(static_cast<int>(r.participant.birth_date.year())));
  EXPECT_EQ(value("cohort"), std::to_string(static_cast<int>(r.obligation.duo_notice_date.year())));
  EXPECT_EQ(value("target_group"), std::string(to_string(r.participant.target_group)));
  EXPECT_EQ(value("route"), std::string(to_string(t.current_plan()->content.route)));
  EXPECT_EQ(value("plan_versions"), std::to_string(r.plan_versions.size()));
  EXPECT_EQ(value("weeks_to_intake"),
            std::to_string((*r.intake.started_on() - r.obligation.duo_notice_date).days() / 7));
  EXPECT_EQ(value("weeks_to_first_plan"),
            std::to_string(
                (r.plan_versions.front().date_of_issue - r.obligation.duo_notice_date).days() / 7));
  EXPECT_EQ(value("municipality"), r.municipality.to_string());
  EXPECT_EQ(value("permit"), std::string(to_string(r.participant.permit)));
  EXPECT_EQ(value("state"), std::string(to_string(r.state)));
  EXPECT_EQ(value("moved_in"), "0");
  int failed = 0;
  for (const auto& i : r.intake.invitations) {
    failed += i.outcome == InvitationOutcome::kNoShow ||
              i.outcome == InvitationOutcome::kInsufficientCooperation;
  }
  EXPECT_EQ(value("failed_invitations"), std::to_string(failed));
  int held = 0, due = 0;
  for (const auto& i : r.interviews) {
    if (i.scheduled_on > d("2027-09-01")) continue;
    ++due;
    held += i.held() ? 1 : 0;
  }
  EXPECT_EQ(value("interviews_due"), std::to_string(due));
  EXPECT_EQ(value("interviews_held"), std::to_string(held));
  EXPECT_EQ(value("extensions"), std::to_string(r.term->extensions.size()));
  EXPECT_EQ(value("municipal_fines"), std::to_string(r.municipal_fines.size()));
  EXPECT_EQ(value("weeks_to_closure"), "");  // running
  long language = 0;
  for (const auto& e : r.attendance)
    language += e.kind == HourKind::kLanguageCourse ? e.minutes : 0;
  EXPECT_EQ(value("hours_language_course"), std::to_string(language / 60));
  EXPECT_EQ(value("unburdened"), r.unburdening ? "1" : "0");
  EXPECT_EQ(value("duo_fines"), std::to_string(r.duo_fines.size()));
}

class EvaluationStore : public test::DatabaseTest {
 protected:
  void SetUp() override {
    clock_ = std::make_shared<FixedClock>(d("2026-11-23"));
    test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    store_ = db_.open({.clock = clock_});
    synthetic::Options options;
    options.seed = 5;
    options.as_of = d("2026-11-23");
    options.municipalities = {test::utrecht()};
    for (int i = 0; i < 150; ++i) trajectories_.push_back(synthetic::trajectory(options, i));
    trajectories_.push_back(test::renumber(test::rich_trajectory(), 5000));
    std::vector<Trajectory> copy = trajectories_;
    store_->create_many(test::caseworker(), copy);
  }

  std::string export_all(const PseudonymKey& key, std::optional<int> cohort = std::nullopt) {
    return store_->evaluation_export(test::back_office(), key,
                                     {.as_of = d("2026-11-23"), .cohort = cohort});
  }

  std::shared_ptr<FixedClock> clock_;
  std::unique_ptr<storage::TrajectoryStore> store_;
  std::vector<Trajectory> trajectories_;
};

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationStore, ::testing::ValuesIn(test::database_backends()),
                         test::backend_name);

TEST_P(EvaluationStore, NoDirectIdentifierFreeTextOrDateOfTheSourceAppears) {
  const std::string csv = export_all(PseudonymKey::from_hex(kKeyHex));
  const auto lines = lines_of(csv);
  ASSERT_EQ(lines.size(), trajectories_.size() + 1);
  const std::string body = csv.substr(csv.find('\n') + 1);
  // Only pseudonyms, numbers and stable names: no capital, no space, no dash (so no ISO date),
  // no punctuation that free text would bring.
  // (A character-set test: std::regex recurses per character and overflows on a long text.)
  const auto odd = body.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz_,\n");
  EXPECT_EQ(odd, std::string::npos) << body.substr(odd == std::string::npos ? 0 : odd, 40);
  for (const Trajectory& t : trajectories_) {
    const TrajectoryRecord& r = t.record();
    EXPECT_EQ(csv.find(r.participant.bsn.digits()), std::string::npos);
    EXPECT_EQ(csv.find(r.participant.given_names), std::string::npos);
    EXPECT_EQ(csv.find(r.participant.family_name), std::string::npos);
    EXPECT_EQ(csv.find(to_iso(r.participant.birth_date)), std::string::npos);
    std::string compact = to_iso(r.participant.birth_date);  // and as YYYYMMDD
    compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
    EXPECT_EQ(csv.find(compact), std::string::npos);
    for (const auto& [topic, record] : r.intake.topics) {
      if (record.notes.size() >= 4) {
        EXPECT_EQ(csv.find(record.notes), std::string::npos);
      }
    }
    for (const auto& i : r.interviews) {
      if (i.notes.size() >= 4) {
        EXPECT_EQ(csv.find(i.notes), std::string::npos);
      }
    }
  }
  // The rich trajectory's health notes and advice are not in it either.
  EXPECT_EQ(csv.find("PTSS"), std::string::npos);
}

TEST_P(EvaluationStore, OneKeyLinksTheSamePersonAnotherKeyDoesNot) {
  const PseudonymKey key = PseudonymKey::from_hex(kKeyHex);
  const PseudonymKey other = PseudonymKey::generate();
  const auto pseudonyms = [](const std::string& csv) {
    std::vector<std::string> out;
    const auto lines = lines_of(csv);
    for (std::size_t i = 1; i < lines.size(); ++i) out.push_back(fields_of(lines[i]).at(0));
    return out;
  };
  const auto first = pseudonyms(export_all(key));
  const auto second = pseudonyms(export_all(key));
  const auto third = pseudonyms(export_all(other));
  EXPECT_EQ(first, second);
  ASSERT_EQ(first.size(), third.size());
  const std::set<std::string> one(first.begin(), first.end());
  for (const auto& p : third) EXPECT_EQ(one.count(p), 0u);
  // Distinct persons, distinct pseudonyms (synthetic BSNs are distinct).
  EXPECT_EQ(one.size(), first.size());
  // A cohort's export is the rows of that cohort.
  const int cohort =
      static_cast<int>(trajectories_.front().record().obligation.duo_notice_date.year());
  std::size_t in_cohort = 0;
  for (const auto& t : trajectories_) {
    if (t.record().obligation.duo_notice_date.year() == cohort) ++in_cohort;
  }
  EXPECT_EQ(lines_of(export_all(key, cohort)).size(), in_cohort + 1);
}

TEST_P(EvaluationStore, AccessIsForTheCollegesOwnRoles) {
  const PseudonymKey key = PseudonymKey::from_hex(kKeyHex);
  EXPECT_THROW(store_->evaluation_export(test::auditor(), key, {.as_of = d("2026-11-23")}),
               AccessDenied);
  EXPECT_EQ(
      lines_of(store_->evaluation_export(test::privacy_officer(), key, {.as_of = d("2026-11-23")}))
          .size(),
      trajectories_.size() + 1);
  // Another municipality's caseworker exports its own (here: none).
  EXPECT_EQ(lines_of(store_->evaluation_export(test::caseworker(test::amersfoort()), key,
                                               {.as_of = d("2026-11-23")}))
                .size(),
            1u);
  EXPECT_THROW(store_->evaluation_export(test::back_office(), key, {.as_of = Date()}),
               ValidationError);
}

class EvaluationAudit : public test::DatabaseTest {};
INSTANTIATE_TEST_SUITE_P(Backends, EvaluationAudit, ::testing::ValuesIn(test::database_backends()),
                         test::backend_name);

TEST_P(EvaluationAudit, OneEntryWithTheCohortAndTheKeysFingerprintNeverTheKey) {
  {
    auto store = db_.open({.clock = std::make_shared<FixedClock>(d("2026-11-23"))});
    Trajectory t = test::rich_trajectory();
    store->create(test::caseworker(), t);
    (void)store->evaluation_export(test::back_office(), PseudonymKey::from_hex(kKeyHex),
                                   {.as_of = d("2026-11-23"), .cohort = 2024});
  }
  const auto last = db_.rows(
      "SELECT action, note, trajectory_id, user_id FROM audit_log ORDER BY sequence DESC LIMIT 1");
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0][0], "evaluation_export");
  const std::string note = last[0][1];
  EXPECT_NE(note.find("cohort 2024"), std::string::npos) << note;
  EXPECT_NE(note.find("630dcd2966c43366"), std::string::npos) << note;
  EXPECT_EQ(note.find(kKeyHex), std::string::npos);
  EXPECT_EQ(last[0][2], "NULL");
  EXPECT_EQ(last[0][3], "bo-pietersen");
}

}  // namespace
}  // namespace inburgering::monitoring
