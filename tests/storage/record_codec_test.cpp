// The stored JSON form of a record: a visitor over the field lists, strict on reading, and never
// quoting a stored value in an error.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "storage/record_codec.hpp"
#include "support/builders.hpp"
#include "support/random_record.hpp"

namespace inburgering::test {
namespace {

using nlohmann::json;
using storage::detail::decode_record;
using storage::detail::encode_record;
using ::testing::HasSubstr;
using ::testing::Not;

TrajectoryRecord round_trip(const TrajectoryRecord& record) {
  return decode_record(encode_record(record), "trajectory 7");
}

TEST(RecordCodec, RoundTripsEveryFieldOfRealTrajectories) {
  Trajectory moved = rich_trajectory();
  moved.transfer_out(amersfoort(), d("2027-02-01"));
  Trajectory incoming = Trajectory::receive_transfer(moved, TrajectoryId(8), amersfoort(),
                                                     UserId("km-a"), d("2027-02-03"), Policy{});
  for (const Trajectory& t : {rich_trajectory(), moved, incoming}) {
    TrajectoryRecord expected = t.record();
    expected.revision = 0;  // a column of the store, not part of the stored record
    EXPECT_EQ(round_trip(t.record()), expected);
  }
}

// The property that kills an encoder or decoder that leaves a field out: every field of the
// record, found through the same field lists, holds a random non-empty value, and the round trip
// is the identity. A field added to a struct and its list is covered without changing this test.
TEST(RecordCodec, RoundTripIsTheIdentityForRandomRecords) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    std::vector<FilledLeaf> leaves;
    const TrajectoryRecord record = random_record(seed, &leaves);
    ASSERT_GT(leaves.size(), 150u);
    const TrajectoryRecord decoded = round_trip(record);
    ASSERT_EQ(decoded, record) << "seed " << seed;
  }
}

// The JSON with every table ({"columns", "rows"}) turned back into a list of objects.
json untabled(const json& j) {
  if (j.is_object() && j.size() == 2 && j.contains("columns") && j.contains("rows")) {
    json list = json::array();
    for (const json& row : j["rows"]) {
      json item = json::object();
      for (std::size_t c = 0; c < j["columns"].size(); ++c) {
        item[j["columns"][c].get<std::string>()] = untabled(row[c]);
      }
      list.push_back(item);
    }
    return list;
  }
  json out = j;
  if (j.is_structured()) {
    for (auto& [key, value] : j.items()) {
      if (j.is_object()) out[key] = untabled(value);
    }
    if (j.is_array()) {
      for (std::size_t i = 0; i < j.size(); ++i) out[i] = untabled(j[i]);
    }
  }
  return out;
}

// Random values are never empty but for booleans: every leaf is in the JSON except those that
// hold false, which format 4 leaves out (outside tables, whose rows have every cell).
TEST(RecordCodec, EveryLeafOfTheFieldListsIsInTheJson) {
  std::vector<FilledLeaf> leaves;
  const json raw = json::parse(encode_record(random_record(7, &leaves)));
  const json j = untabled(raw);
  ASSERT_TRUE(raw["attendance"].contains("rows"));
  int left_out = 0;
  for (const auto& leaf : leaves) {
    const json::json_pointer pointer(leaf.pointer);
    if (leaf.text == "false") {
      // Left out, or a cell of a table row.
      left_out += !j.contains(pointer);
      if (j.contains(pointer)) {
        EXPECT_EQ(j[pointer], false) << leaf.pointer;
      }
      continue;
    }
    ASSERT_TRUE(j.contains(pointer)) << leaf.pointer;
    if (!j[pointer].is_structured()) {
      EXPECT_EQ(j[pointer].is_string() ? j[pointer].get<std::string>() : j[pointer].dump(),
                leaf.text)
          << leaf.pointer;
    }
  }
  EXPECT_GT(left_out, 0);
}

// Lists of flat records are tables: the names once, in list order, then one row per element.
TEST(RecordCodec, ListsOfFlatRecordsAreTables) {
  const json j = json::parse(encode_record(rich_trajectory().record()));
  EXPECT_EQ(j["attendance"]["columns"],
            json::parse(R"(["attended_on", "kind", "minutes", "reported_by"])"));
  EXPECT_EQ(j["attendance"]["rows"][0],
            json::parse(R"(["2024-04-30", "pvt", 720, "Taalschool Utrecht"])"));
  EXPECT_TRUE(j["exam_results"].contains("rows"));
  EXPECT_TRUE(j["intake"]["invitations"].contains("rows"));
  // Records holding lists or records stay lists of objects.
  EXPECT_TRUE(j["plan_versions"].is_array());
  EXPECT_TRUE(j["plan_versions"][0]["content"]["activities"].contains("rows"));
}

// The rich trajectory exactly as library 0.4 wrote it: format 3, every field written, under a
// policy with 2 progress interviews (tests/storage/record_format_3_rich.json).
std::string format_3_text() {
  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) + "/record_format_3_rich.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(RecordCodec, StoresEnumsByNameAndTheFormat) {
  const json j = json::parse(encode_record(on_route().record()));
  EXPECT_EQ(j["state"], "route");
  EXPECT_EQ(j["plan_versions"][0]["content"]["route"], "b1");
  EXPECT_EQ(j["participant"]["target_group"], "asylum_permit_holder");
  EXPECT_EQ(j["format"], storage::detail::kRecordFormat);
  EXPECT_FALSE(j.contains("revision"));
  EXPECT_EQ(j["policy"]["min_progress_interviews"], 1);
}

TEST(RecordCodec, WithoutPolicyTheRowsPolicyIsUsed) {
  Policy municipal;
  municipal.min_progress_interviews = 3;
  TrajectoryRecord record = on_route().record();
  record.policy = municipal;
  const std::string text = encode_record(record, false);
  EXPECT_FALSE(json::parse(text).contains("policy"));
  EXPECT_EQ(decode_record(text, "trajectory 7", &municipal).policy, municipal);
  // Without the row's policy, a current-format record without one is damaged.
  EXPECT_THROW(decode_record(text, "trajectory 7"), StorageError);
}

void expect_corrupt(const std::string& text, const char* message_part,
                    ErrorCode code = ErrorCode::kCorruptData) {
  try {
    decode_record(text, "trajectory 7");
    ADD_FAILURE() << "decoded a damaged record: " << message_part;
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), code);
    EXPECT_THAT(e.what(), HasSubstr("trajectory 7"));
    EXPECT_THAT(e.what(), HasSubstr(message_part));
    for (const char* secret : {kBsn1, "Amal", "Haddad", "PTSS", "floating", "veel", "Geheim"}) {
      EXPECT_THAT(e.what(), Not(HasSubstr(secret)));
    }
  }
}

TEST(RecordCodec, DecodingIsStrictAndNamesThePathNeverTheValue) {
  const json good = json::parse(encode_record(rich_trajectory().record()));
  json unknown = good;
  unknown["state"] = "floating";
  expect_corrupt(unknown.dump(), "at state: unknown name");
  json missing = good;
  missing["participant"].erase("birth_date");
  expect_corrupt(missing.dump(), "at participant.birth_date: missing");
  json missing_new_field = good;
  missing_new_field["plan_versions"][0].erase("norms");
  expect_corrupt(missing_new_field.dump(), "at plan_versions[0].norms: missing");
  json wrong_type = good;
  wrong_type["attendance"]["rows"][0][2] = "veel";  // minutes
  expect_corrupt(wrong_type.dump(), "at attendance[0].minutes: expected an integer");
  json name_in_number = good;
  name_in_number["participant"]["family_name"] = 12;
  expect_corrupt(name_in_number.dump(), "at participant.family_name: expected a string");
  json bad_bsn = good;
  bad_bsn["participant"]["bsn"] = "123456789";
  expect_corrupt(bad_bsn.dump(), "at participant.bsn");
  json bad_date = good;
  bad_date["registered_on"] = "2024-02-30";
  expect_corrupt(bad_date.dump(), "at registered_on");
  json far_date = good;
  far_date["registered_on"] = "9999-12-31";
  expect_corrupt(far_date.dump(), "at registered_on");
  json duplicate = good;
  duplicate["plan_versions"][1]["content"]["scaled_down_parts"] = {"writing", "writing"};
  expect_corrupt(duplicate.dump(), "duplicate");
  json too_big = good;
  too_big["attendance"]["rows"][0][2] = 5000000000LL;
  expect_corrupt(too_big.dump(), "integer out of range");
  json unsigned_huge = good;
  unsigned_huge["id"] = 18446744073709551615ULL;
  expect_corrupt(unsigned_huge.dump(), "at id: integer out of range");
  json topic = good;
  topic["intake"]["topics"]["Geheim"] = topic["intake"]["topics"]["finances"];
  expect_corrupt(topic.dump(), "at intake.topics: unknown name");
  expect_corrupt("[1]", "no format number");
  expect_corrupt("", "not valid JSON");
  expect_corrupt("{\"format\": 2, \"participant\": {\"family_name\": \"Haddad", "not valid JSON");
  expect_corrupt("{\"format\": 2, \"id\": 1e400}", "not valid JSON");
  expect_corrupt("{\"format\": 1e400}", "not valid JSON");
  expect_corrupt("{\"format\": \"2\"}", "no format number");
  expect_corrupt("{\"format\": 99999999999}", "format number out of range");
  json newer = good;
  newer["format"] = storage::detail::kRecordFormat + 1;
  expect_corrupt(newer.dump(), "newer library", ErrorCode::kIncompatibleDatabase);
}

TEST(RecordCodec, OlderFormatsDecodeLeniently) {
  // A record of format 1 (library 0.1) lacks the fields added in format 2; they take their
  // defaults, and the migration to schema 3 rewrites the row.
  json old = json::parse(format_3_text());
  old["format"] = 1;
  old.erase("policy");
  old["plan_versions"][0].erase("norms");
  old["term"].erase("max_interruption_days");
  old["intake"]["learnability_test"].erase("pass_mark");
  const Policy legal_defaults;
  const TrajectoryRecord r = decode_record(old.dump(), "trajectory 7", &legal_defaults);
  EXPECT_EQ(r.policy, legal_defaults);
  EXPECT_EQ(r.plan_versions[0].norms, PlanNorms{});
  EXPECT_EQ(r.plan_versions[1].norms.min_progress_interviews, 2);  // kept where it was stored
  EXPECT_EQ(r.term->max_interruption_days, 365);
  EXPECT_EQ(r.intake.learnability_test->pass_mark, 28);
}

// In every format (here 3, which wrote them all) lists and optionals may be absent.
TEST(RecordCodec, ListsAndOptionalsMayBeAbsent) {
  json old = json::parse(format_3_text());
  ASSERT_FALSE(old["duo_fines"].empty());
  ASSERT_TRUE(old.contains("transfer_in"));
  old.erase("duo_fines");
  old.erase("transfer_in");
  const TrajectoryRecord r = decode_record(old.dump(), "trajectory 7");
  EXPECT_TRUE(r.duo_fines.empty());
  EXPECT_FALSE(r.transfer_in);
}

// Format 4 leaves out fields that hold their type's empty value and reads them back as that
// value, not as the member's default initializer.
TEST(RecordCodec, EmptyValuesAreLeftOutAndReadBackAsEmpty) {
  Trajectory t = on_route();
  TrajectoryRecord record = t.record();
  record.plan_versions[0].content.pvt_hours = 0;  // its default initializer is 12
  record.plan_versions[0].content.support.clear();
  record.plan_versions[0].content.goals.clear();
  record.participant.has_young_children = false;
  const json j = json::parse(encode_record(record));
  const json& content = j["plan_versions"][0]["content"];
  EXPECT_FALSE(content.contains("pvt_hours"));
  EXPECT_FALSE(content.contains("support"));
  EXPECT_FALSE(content.contains("goals"));
  EXPECT_FALSE(content.contains("scaled_down_parts"));
  EXPECT_FALSE(j["participant"].contains("has_young_children"));
  EXPECT_FALSE(j.contains("closure"));
  EXPECT_FALSE(j.contains("duo_fines"));
  record.revision = 0;
  const TrajectoryRecord back = decode_record(j.dump(), "trajectory 7");
  EXPECT_EQ(back.plan_versions[0].content.pvt_hours, 0);
  EXPECT_EQ(back, record);
  // Non-empty values are written.
  EXPECT_EQ(
      json::parse(encode_record(on_route().record()))["plan_versions"][0]["content"]["pvt_hours"],
      12);
}

// Zero money and an empty id are empty values too (decoding does not apply the model's rules).
TEST(RecordCodec, ZeroMoneyAndEmptyIdsAreLeftOutAndReadBack) {
  TrajectoryRecord record = rich_trajectory().record();
  record.caseworker = UserId("");
  record.unburdening->items[0].monthly_amount = Money::cents(0);
  record.revision = 0;
  const json j = json::parse(encode_record(record));
  EXPECT_FALSE(j.contains("caseworker"));
  const json& items = j["unburdening"]["items"];
  ASSERT_TRUE(items.contains("rows"));  // a table: every cell written, zero too
  EXPECT_EQ(decode_record(j.dump(), "trajectory 7"), record);
  // Outside a table zero money is left out (its default initializer is 250 euros).
  TrajectoryRecord free = rich_trajectory().record();
  free.policy.intake_fine = Money::cents(0);
  free.revision = 0;
  const json f = json::parse(encode_record(free));
  EXPECT_FALSE(f["policy"].contains("intake_fine"));
  EXPECT_EQ(decode_record(f.dump(), "trajectory 7").policy.intake_fine, Money::cents(0));
}

// The record's own policy, when its text has one, wins over the row's.
TEST(RecordCodec, APolicyInTheTextWinsOverTheRowsPolicy) {
  Policy in_text;
  in_text.min_progress_interviews = 4;
  TrajectoryRecord record = on_route().record();
  record.policy = in_text;
  const Policy of_row;
  EXPECT_EQ(decode_record(encode_record(record, true), "trajectory 7", &of_row).policy, in_text);
  EXPECT_EQ(decode_record(encode_record(record, false), "trajectory 7", &of_row).policy, of_row);
}

TEST(RecordCodec, EnumerationsDatesAndCodesAreAlwaysWritten) {
  // The first enumerator of each (state registered, target group asylum permit holder) is the
  // enum's zero value, and still written: a DBA reading the row sees it.
  const json j = json::parse(encode_record(registered().record()));
  EXPECT_EQ(j["state"], "registered");
  EXPECT_EQ(j["participant"]["target_group"], "asylum_permit_holder");
  EXPECT_EQ(j["participant"]["bsn"], kBsn1);
  EXPECT_EQ(j["municipality"], "0344");
  EXPECT_EQ(j["registered_on"], "2024-01-15");
}

// Only format 4 may leave a field out: in a row of format 3 a missing number is damage.
TEST(RecordCodec, AnOlderFormatMayNotLeaveOutWhatItAlwaysWrote) {
  json old = json::parse(format_3_text());
  old["attendance"][0].erase("minutes");
  expect_corrupt(old.dump(), "at attendance[0].minutes: missing");
}

TEST(RecordCodec, ARecordWrittenBy04LoadsAndShrinks) {
  const std::string old_text = format_3_text();
  ASSERT_EQ(storage::detail::record_format(old_text, "trajectory 7"), 3);
  const TrajectoryRecord record = decode_record(old_text, "trajectory 7");
  Policy policy;
  policy.min_progress_interviews = 2;
  TrajectoryRecord expected = rich_trajectory().record();
  expected.policy = policy;
  for (auto& version : expected.plan_versions) version.norms = PlanNorms::of(policy);
  expected.revision = 0;
  // 0.4's builder recorded the DUO fine within the term, before its order was checked (Wi 24.1).
  expected.duo_fines = {
      DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-01-15"), Money::euros(340), 24}};
  // 0.4 recorded no reasons for fixed costs not paid (Pw 56a.2): the decision loads without.
  expected.unburdening->not_paid.clear();
  // 0.4 recorded no social guidance, course offer or residence procedure (Wi 13, 16.1; Bi 2.1).
  expected.social_guidance.reset();
  expected.course_offers.clear();
  expected.obligation.residence_procedures.clear();
  EXPECT_EQ(record, expected);
  const std::string again = encode_record(record);
  EXPECT_EQ(decode_record(again, "trajectory 7"), record);
  // As stored (without the policy, kept once in its own table): 6,610 of 0.4's 9,075 bytes.
  const std::string stored_3 = encode_record(record, false, 3);
  const std::string stored_4 = encode_record(record, false);
  EXPECT_LT(stored_4.size() * 100, stored_3.size() * 75)
      << stored_4.size() << " of " << stored_3.size();
}

// The fuzz target's seed of format 5 (tests/fuzz/corpus/load_record) is a record this version
// reads: a DUO fine made known after it was imposed, the participant's ground, and the fixed
// costs not paid with their reasons.
TEST(RecordCodec, TheFormat5SeedDecodes) {
  std::ifstream in(std::string(INBURGERING_TEST_DATA_DIR) +
                   "/../fuzz/corpus/load_record/rich_format_5.json");
  std::stringstream text;
  text << in.rdbuf();
  const Policy policy;
  const TrajectoryRecord record = decode_record(text.str(), "trajectory 7", &policy);
  ASSERT_EQ(record.duo_fines.size(), 1u);
  EXPECT_EQ(record.duo_fines[0].announced_on, d("2027-08-23"));
  EXPECT_EQ(record.participant.not_obliged, NotObligedGround::kNone);
  ASSERT_TRUE(record.unburdening);
  ASSERT_EQ(record.unburdening->not_paid.size(), 2u);
  EXPECT_EQ(record.unburdening->not_paid[1].kind, FixedCostKind::kHealthInsurance);
  EXPECT_TRUE(record.unburdening->uncovered_fixed_costs().empty());
  EXPECT_NO_THROW(Trajectory::from_record(record));
}

// The seed of format 6 (0.7): the residence procedures, the social guidance, a course offer.
// INBURGERING_UPDATE_GOLDEN=1 writes it anew from rich_trajectory().
TEST(RecordCodec, TheFormat6SeedDecodes) {
  const std::string path =
      std::string(INBURGERING_TEST_DATA_DIR) + "/../fuzz/corpus/load_record/rich_format_6.json";
  if (std::getenv("INBURGERING_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << encode_record(rich_trajectory().record());
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const TrajectoryRecord record = decode_record(text.str(), "trajectory 7");
  EXPECT_EQ(json::parse(text.str())["format"], 6);
  EXPECT_EQ(record.obligation.residence_procedures.size(), 1u);
  ASSERT_TRUE(record.social_guidance);
  EXPECT_EQ(record.social_guidance->components.size(), 1u);
  EXPECT_EQ(record.course_offers.size(), 1u);
  EXPECT_EQ(record, rich_trajectory().record());
}

TEST(RecordCodec, DamagedTablesAreNamedByPath) {
  const json good = json::parse(encode_record(rich_trajectory().record()));
  json short_row = good;
  short_row["attendance"]["rows"][1].erase(3);
  expect_corrupt(short_row.dump(), "at attendance[1]: expected a row with one cell per column");
  json duplicate = good;
  duplicate["attendance"]["columns"][1] = "attended_on";
  expect_corrupt(duplicate.dump(), "at attendance.columns: duplicate column");
  json not_names = good;
  not_names["attendance"]["columns"][0] = 7;
  expect_corrupt(not_names.dump(), "at attendance.columns: expected a list of names");
  json long_row = good;
  long_row["attendance"]["rows"][1].push_back(1);
  expect_corrupt(long_row.dump(), "at attendance[1]: expected a row with one cell per column");
  // A topic twice (the text is edited by hand: the encoder never writes it).
  std::string twice = good.dump();
  const auto topics = twice.find("\"topics\":{");
  ASSERT_NE(topics, std::string::npos);
  twice.insert(topics + 10, "\"finances\":{\"recorded_on\":\"2024-01-26\"},");
  expect_corrupt(twice, "at intake.topics: duplicate entry");
  json no_rows = good;
  no_rows["attendance"].erase("rows");
  expect_corrupt(no_rows.dump(), "at attendance: expected a list, or a table");
  json wrong_cell = good;
  wrong_cell["attendance"]["rows"][2][2] = "veel";
  expect_corrupt(wrong_cell.dump(), "at attendance[2].minutes: expected an integer");
  // A column that is not there: a date is damage, a number its empty value.
  json no_date = good;
  no_date["attendance"]["columns"].erase(0);
  for (auto& row : no_date["attendance"]["rows"]) row.erase(0);
  expect_corrupt(no_date.dump(), "at attendance[0].attended_on: missing");
  json no_minutes = good;
  no_minutes["attendance"]["columns"].erase(2);
  for (auto& row : no_minutes["attendance"]["rows"]) row.erase(2);
  EXPECT_EQ(decode_record(no_minutes.dump(), "trajectory 7").attendance[0].minutes, 0);
  // Only format 4 writes tables.
  json older = good;
  older["format"] = 3;
  expect_corrupt(older.dump(), ": expected a list");
}

TEST(RecordCodec, PolicyAndTopicRoundTrip) {
  Policy p;
  p.min_progress_interviews = 4;
  p.intake_fine = Money::euros(200);
  EXPECT_EQ(storage::detail::decode_policy(storage::detail::encode_policy(p), "policy 1"), p);
  const TopicRecord topic{"rugklachten", d("2024-01-25"), false, false};
  EXPECT_EQ(storage::detail::decode_topic(storage::detail::encode_topic(topic), "health"), topic);
  EXPECT_THROW(storage::detail::decode_topic("{\"notes\": \"x\"}", "health"), StorageError);
  // A topic keeps every field: one without `withheld` is damaged (format 3's strictness), though
  // a record of format 4 may leave a false out.
  EXPECT_THROW(
      storage::detail::decode_topic(
          R"({"notes": "x", "recorded_on": "2024-01-25", "not_applicable": false})", "health"),
      StorageError);
  EXPECT_NO_THROW(storage::detail::decode_topic(
      R"({"notes": "x", "recorded_on": "2024-01-25", "not_applicable": false})", "health", true));
  EXPECT_THROW(storage::detail::decode_policy("{}", "policy 1"), StorageError);
}

}  // namespace
}  // namespace inburgering::test
