#pragma once
// Shared by the fuzz targets: a store with one stored trajectory, and the rule every target
// checks: bad input may only ever surface as an inburgering::Error; any other exception escapes
// and libFuzzer reports it as a crash.

#include <SQLiteCpp/SQLiteCpp.h>
#include <inburgering/inburgering.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace fuzz {

using namespace inburgering;

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Splits `text` at the first '\x1f' (unit separator); the tail is empty if there is none.
inline std::pair<std::string_view, std::string_view> split(std::string_view text) {
  const auto at = text.find('\x1f');
  if (at == std::string_view::npos) return {text, {}};
  return {text.substr(0, at), text.substr(at + 1)};
}

inline storage::Actor caseworker() {
  return storage::Actor{
      UserId("km-fuzz"), storage::Role::kCaseworker, MunicipalityCode("0344"), {}};
}

/// A valid trajectory past its intake, with a health topic.
inline Trajectory sample(TrajectoryId id) {
  Obligation obligation;
  obligation.duo_notice_date = parse_date("2024-01-08");
  obligation.brp_registration_date = parse_date("2024-01-15");
  Trajectory t = Trajectory::open(id, MunicipalityCode("0344"), UserId("km-fuzz"),
                                  Participant{.id = ParticipantId(1),
                                              .bsn = Bsn("111222333"),
                                              .given_names = "Amal",
                                              .family_name = "Haddad",
                                              .birth_date = parse_date("1990-05-17")},
                                  obligation, parse_date("2024-01-15"));
  t.invite_to_intake(parse_date("2024-01-16"), parse_date("2024-01-26"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  for (IntakeTopic topic : all_intake_topics()) {
    if (is_required(topic) && topic != IntakeTopic::kEarlyChildhoodEducation) {
      t.record_intake_topic(
          topic, TopicRecord{.notes = "besproken", .recorded_on = parse_date("2024-01-25")});
    }
  }
  t.record_learnability_test(LearnabilityTest{.taken_on = parse_date("2024-01-24"), .score = 30});
  t.record_informed_may_attend_alone();
  t.complete_intake(parse_date("2024-02-01"));
  PlanContent plan;
  plan.route_intensity_hours_per_week = 12;
  plan.support = "klantmanager";  // Wi 15.1.b
  plan.map_hours = 40;            // Wi 15.1.c
  plan.progress_interview_count = 4;
  t.issue_first_plan(parse_date("2024-03-01"), plan);
  return t;
}

/// A file store (so raw SQL can reach it) holding `sample(7)`.
struct StoreWithOne {
  std::string path;
  std::unique_ptr<storage::SqliteStore> store;
  std::unique_ptr<SQLite::Database> raw;
  explicit StoreWithOne(const char* name) {
    path = std::string("/tmp/inburgering-fuzz-") + name + "-" + std::to_string(getpid()) + ".db";
    std::remove(path.c_str());
    store = storage::SqliteStore::open(
        path, {.clock = std::make_shared<FixedClock>(parse_date("2025-03-01"))});
    Trajectory t = sample(TrajectoryId(7));
    store->create(caseworker(), t);
    raw = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
  }
};

}  // namespace fuzz
