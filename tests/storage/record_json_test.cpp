#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/record_json.hpp"
#include "support/builders.hpp"

namespace inburgering::test {
namespace {

using storage::detail::decode_record;
using storage::detail::encode_record;
using storage::detail::json;

TEST(RecordJson, RoundTripsEveryField) {
  Trajectory moved = rich_trajectory();
  moved.transfer_out(amersfoort(), d("2027-02-01"));
  Trajectory incoming = Trajectory::receive_transfer(moved, TrajectoryId(8), amersfoort(),
                                                     UserId("km-a"), d("2027-02-03"));
  for (const Trajectory& t : {rich_trajectory(), moved, incoming}) {
    EXPECT_EQ(decode_record(encode_record(t.record())), t.record());
    EXPECT_EQ(decode_record(json::parse(encode_record(t.record()).dump())), t.record());
  }
}

TEST(RecordJson, StoresEnumsByName) {
  const json j = encode_record(on_route().record());
  EXPECT_EQ(j["state"], "route");
  EXPECT_EQ(j["plan_versions"][0]["content"]["route"], "b1");
  EXPECT_EQ(j["participant"]["target_group"], "asylum_permit_holder");
}

void expect_corrupt(json j, const char* path_part) {
  try {
    decode_record(j);
    ADD_FAILURE() << "decoded a corrupt record";
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr(path_part));
    EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr(kBsn1)));
  }
}

TEST(RecordJson, DecodingIsStrictAndNamesThePath) {
  const json good = encode_record(rich_trajectory().record());
  json unknown = good;
  unknown["state"] = "floating";
  expect_corrupt(unknown, "record.state: unknown value 'floating'");
  json missing = good;
  missing["participant"].erase("birth_date");
  expect_corrupt(missing, "record.participant.birth_date: missing");
  json wrong_type = good;
  wrong_type["attendance"][0]["minutes"] = "veel";
  expect_corrupt(wrong_type, "record.attendance[0].minutes: expected an integer");
  json bad_bsn = good;
  bad_bsn["participant"]["bsn"] = "123456789";
  expect_corrupt(bad_bsn, "record.participant.bsn");
  json newer = good;
  newer["format"] = 2;
  expect_corrupt(newer, "newer library");
  json bad_date = good;
  bad_date["registered_on"] = "2024-02-30";
  expect_corrupt(bad_date, "record.registered_on");
  json duplicate = good;
  duplicate["plan_versions"][1]["content"]["scaled_down_parts"] = {"writing", "writing"};
  expect_corrupt(duplicate, "duplicate");
  expect_corrupt(json::array(), "record");
}

TEST(RecordJson, FieldsAddedLaterDecodeAsEmpty) {
  json old = encode_record(on_route().record());
  old.erase("duo_fines");    // A list added in a later version.
  old.erase("transfer_in");  // An optional added in a later version.
  const TrajectoryRecord r = decode_record(old);
  EXPECT_TRUE(r.duo_fines.empty());
  EXPECT_FALSE(r.transfer_in);
}

}  // namespace
}  // namespace inburgering::test
