#include "inburgering/storage/open_store.hpp"

#include "inburgering/storage/sqlite_store.hpp"
#include "inburgering/version.hpp"
#if INBURGERING_WITH_POSTGRES
#include "inburgering/storage/postgres_store.hpp"
#endif

namespace inburgering::storage {

namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

#if INBURGERING_WITH_POSTGRES
// Takes a `schema=name` parameter out of a libpq URI's query or keyword string.
std::string take_schema(std::string& connection, bool uri) {
  std::string schema;
  if (uri) {
    const auto query = connection.find('?');
    if (query == std::string::npos) return schema;
    std::string kept;
    std::size_t at = query + 1;
    while (at <= connection.size()) {
      auto end = connection.find('&', at);
      if (end == std::string::npos) end = connection.size();
      const std::string part = connection.substr(at, end - at);
      if (starts_with(part, "schema=")) {
        schema = part.substr(7);
      } else if (!part.empty()) {
        kept += (kept.empty() ? "" : "&") + part;
      }
      at = end + 1;
    }
    connection = connection.substr(0, query) + (kept.empty() ? "" : "?" + kept);
    return schema;
  }
  std::string kept;
  std::size_t at = 0;
  while (at < connection.size()) {
    while (at < connection.size() && connection[at] == ' ') ++at;
    auto end = connection.find(' ', at);
    if (end == std::string::npos) end = connection.size();
    const std::string part = connection.substr(at, end - at);
    if (starts_with(part, "schema=")) {
      schema = part.substr(7);
    } else if (!part.empty()) {
      kept += (kept.empty() ? "" : " ") + part;
    }
    at = end;
  }
  connection = kept;
  return schema;
}
#endif

}  // namespace

std::unique_ptr<TrajectoryStore> open_store(const std::string& connection, StoreOptions options) {
  if (connection.empty()) {
    throw ValidationError(
        "connection", "names a store: sqlite:/path/file.db or postgresql://host/database", "empty");
  }
  const bool uri =
      starts_with(connection, "postgresql://") || starts_with(connection, "postgres://");
  if (uri || starts_with(connection, "postgresql:")) {
#if INBURGERING_WITH_POSTGRES
    std::string rest = uri ? connection : connection.substr(11);
    PostgresOptions pg{.clock = options.clock, .read_only = options.read_only};
    if (std::string schema = take_schema(rest, uri); !schema.empty()) pg.schema = schema;
    return PostgresStore::open(rest, pg);
#else
    throw StorageError(
        "this build of the library has no PostgreSQL backend "
        "(INBURGERING_WITH_POSTGRES was off)");
#endif
  }
  const std::string path = starts_with(connection, "sqlite:") ? connection.substr(7) : connection;
  return SqliteStore::open(path, {.clock = options.clock,
                                  .create_if_missing = options.create_if_missing,
                                  .read_only = options.read_only});
}

}  // namespace inburgering::storage
