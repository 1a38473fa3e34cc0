// Entrance: audit rows, read through SqliteStore::history. Input: the changes column, then
// '\x1f'-separated at, role, action, actor municipality.
#include <unistd.h>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::StoreWithOne db("history");
  static long next_id = 100;
  auto [changes, rest] = fuzz::split(fuzz::as_text(data, size));
  auto [at, rest2] = fuzz::split(rest);
  auto [role, rest3] = fuzz::split(rest2);
  auto [action, municipality] = fuzz::split(rest3);
  // Each input gets a trajectory of its own, so history() reads only its row.
  const long id = next_id++;
  try {
    db.raw->exec(
        "INSERT INTO trajectory (id, municipality, caseworker, revision, state, "
        "target_group, record, policy_id, created_at, updated_at) SELECT " +
        std::to_string(id) +
        ", municipality, caseworker, revision, state, target_group, record, policy_id, "
        "created_at, updated_at FROM trajectory WHERE id = 7");
    SQLite::Statement insert(
        *db.raw,
        "INSERT INTO audit_log (at, user_id, role, actor_municipality, "
        "action, trajectory_id, changes) VALUES (?1, 'u', ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, at.empty() ? std::string("2025-03-01T09:00:00Z") : std::string(at));
    insert.bind(2, role.empty() ? std::string("caseworker") : std::string(role));
    insert.bind(3, municipality.empty() ? std::string("0344") : std::string(municipality));
    insert.bind(4, action.empty() ? std::string("update") : std::string(action));
    insert.bind(5, static_cast<std::int64_t>(id));
    insert.bind(6, std::string(changes));
    insert.exec();
  } catch (const SQLite::Exception&) {
    return 0;
  }
  try {
    db.store->history(fuzz::caseworker(), inburgering::TrajectoryId(id));
  } catch (const inburgering::Error&) {
  }
  return 0;
}
