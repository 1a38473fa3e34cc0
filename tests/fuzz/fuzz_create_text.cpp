// Entrance: text fields through Trajectory::open and the acts, then SqliteStore::create and a
// load that must give back exactly what was stored. Input: '\x1f'-separated given names, family
// name, caseworker id, intake notes, interview notes, PIP goal.
#include <unistd.h>
#include <cstdlib>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace inburgering;
  static auto store = storage::SqliteStore::open(
      ":memory:", {.clock = std::make_shared<FixedClock>(parse_date("2025-03-01"))});
  static std::int64_t next_id = 1;
  std::string_view rest = fuzz::as_text(data, size);
  std::string parts[6];
  for (auto& part : parts) {
    auto [head, tail] = fuzz::split(rest);
    part = std::string(head);
    rest = tail;
  }
  try {
    Trajectory t = fuzz::sample(TrajectoryId(next_id++));
    TrajectoryRecord r = t.record();
    r.participant.given_names = parts[0];
    r.participant.family_name = parts[1];
    r.caseworker = UserId(parts[2].empty() ? std::string("km") : parts[2]);
    r.intake.topics[IntakeTopic::kHealth].notes = parts[3];
    Trajectory edited = Trajectory::from_record(r);
    edited.record_progress_interview(parse_date("2024-05-01"), ProgressAssessment::kOnTrack,
                                     parts[4]);
    PlanContent plan = edited.current_plan()->content;
    plan.goals.push_back(parts[5]);
    edited.adjust_plan(parse_date("2024-05-02"), plan, "doel");
    store->create(fuzz::caseworker(), edited);
    const Trajectory back = store->load(fuzz::caseworker(), edited.id(), {.with_health = true});
    if (back.record() != edited.record()) std::abort();  // what was stored is what comes back
  } catch (const Error&) {
  }
  return 0;
}
