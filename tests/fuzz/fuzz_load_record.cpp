// Entrance: a stored record (trajectory.record) and the stored health topic, read through
// SqliteStore::load. Input: record text, optionally '\x1f' and health text.
#include <unistd.h>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::StoreWithOne db("load");
  const auto [record, health] = fuzz::split(fuzz::as_text(data, size));
  try {
    SQLite::Statement update(*db.raw, "UPDATE trajectory SET record = ?1 WHERE id = 7");
    update.bind(1, std::string(record));
    update.exec();
    if (!health.empty()) {
      SQLite::Statement topic(*db.raw, "UPDATE trajectory_health SET topic = ?1");
      topic.bind(1, std::string(health));
      topic.exec();
    }
  } catch (const SQLite::Exception&) {
    return 0;  // the schema's CHECK (json_valid) refused it: not an input the store can meet
  }
  try {
    db.store->load(fuzz::caseworker(), inburgering::TrajectoryId(7));
    db.store->load(fuzz::caseworker(), inburgering::TrajectoryId(7), {.with_health = true});
  } catch (const inburgering::Error&) {
  }
  return 0;
}
