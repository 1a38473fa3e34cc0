// The stored JSON form of a record: a visitor over the field lists, strict on reading, and never
// quoting a stored value in an error.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

TEST(RecordCodec, EveryLeafOfTheFieldListsIsInTheJson) {
  std::vector<FilledLeaf> leaves;
  const json j = json::parse(encode_record(random_record(7, &leaves)));
  for (const auto& leaf : leaves) {
    EXPECT_TRUE(j.contains(json::json_pointer(leaf.pointer))) << leaf.pointer;
  }
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
  wrong_type["attendance"][0]["minutes"] = "veel";
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
  too_big["attendance"][0]["minutes"] = 5000000000LL;
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
  json old = json::parse(encode_record(on_route().record()));
  old["format"] = 1;
  old.erase("policy");
  old["plan_versions"][0].erase("norms");
  old["term"].erase("max_interruption_days");
  old["intake"]["learnability_test"].erase("pass_mark");
  const Policy legal_defaults;
  const TrajectoryRecord r = decode_record(old.dump(), "trajectory 7", &legal_defaults);
  EXPECT_EQ(r.policy, legal_defaults);
  EXPECT_EQ(r.plan_versions[0].norms, PlanNorms{});
  EXPECT_EQ(r.term->max_interruption_days, 365);
  EXPECT_EQ(r.intake.learnability_test->pass_mark, 28);
}

TEST(RecordCodec, ListsAndOptionalsMayBeAbsent) {
  json old = json::parse(encode_record(on_route().record()));
  old.erase("duo_fines");
  old.erase("transfer_in");
  const TrajectoryRecord r = decode_record(old.dump(), "trajectory 7");
  EXPECT_TRUE(r.duo_fines.empty());
  EXPECT_FALSE(r.transfer_in);
}

TEST(RecordCodec, PolicyAndTopicRoundTrip) {
  Policy p;
  p.min_progress_interviews = 4;
  p.intake_fine = Money::euros(200);
  EXPECT_EQ(storage::detail::decode_policy(storage::detail::encode_policy(p), "policy 1"), p);
  const TopicRecord topic{"rugklachten", d("2024-01-25"), false, false};
  EXPECT_EQ(storage::detail::decode_topic(storage::detail::encode_topic(topic), "health"), topic);
  EXPECT_THROW(storage::detail::decode_topic("{\"notes\": \"x\"}", "health"), StorageError);
  EXPECT_THROW(storage::detail::decode_policy("{}", "policy 1"), StorageError);
}

}  // namespace
}  // namespace inburgering::test
