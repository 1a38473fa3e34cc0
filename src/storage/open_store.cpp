#include "inburgering/storage/open_store.hpp"

#include <algorithm>

#include "inburgering/storage/sqlite_store.hpp"
#include "inburgering/version.hpp"
#if INBURGERING_WITH_POSTGRES
#include "inburgering/storage/postgres_store.hpp"
#endif

namespace inburgering::storage {

namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

#if INBURGERING_WITH_POSTGRES
// Takes a `schema=name` parameter out of `parameters` (separated by `separator`: the query of a
// libpq URI, or a keyword string) and returns its value ("" when there is none).
std::string take_schema(std::string& parameters, char separator) {
  std::string schema;
  std::string kept;
  std::size_t at = 0;
  while (at <= parameters.size()) {
    auto end = parameters.find(separator, at);
    if (end == std::string::npos) end = parameters.size();
    const std::string part = parameters.substr(at, end - at);
    if (starts_with(part, "schema=")) {
      schema = part.substr(7);
    } else if (!part.empty()) {
      kept += (kept.empty() ? "" : std::string(1, separator)) + part;
    }
    at = end + 1;
  }
  parameters = kept;
  return schema;
}
#endif

}  // namespace

Backend backend_of(const std::string& connection) noexcept {
  return starts_with(connection, "postgresql:") || starts_with(connection, "postgres://")
             ? Backend::kPostgres
             : Backend::kSqlite;
}

std::string redacted_connection(const std::string& connection) {
  if (backend_of(connection) != Backend::kPostgres) return connection;
  std::string shown = connection;
  // postgresql://user:secret@host/db
  if (const auto scheme = shown.find("://"); scheme != std::string::npos) {
    const auto authority = scheme + 3;
    const auto end = shown.find_first_of("/?", authority);
    const auto at = shown.rfind('@', end == std::string::npos ? shown.size() : end);
    if (at != std::string::npos && at > authority) {
      const auto colon = shown.find(':', authority);
      if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=secret as a keyword (`password = 'a secret'` too) or a URI parameter (up to &)
  for (auto at = shown.find("password"); at != std::string::npos;
       at = shown.find("password", at + 1)) {
    if (at == 0 || std::string(" \t?&:").find(shown[at - 1]) == std::string::npos) continue;
    auto value = shown.find_first_not_of(" \t", at + 8);
    if (value == std::string::npos || shown[value] != '=') continue;
    value = shown.find_first_not_of(" \t", value + 1);
    if (value == std::string::npos) break;
    auto end = value;
    if (shown[end] == '\'') {
      for (++end; end < shown.size() && shown[end] != '\''; ++end) {
        if (shown[end] == '\\') ++end;
      }
      end = std::min(end + 1, shown.size());
    } else {
      end = std::min(shown.find_first_of(" \t&", value), shown.size());
    }
    shown.replace(value, end - value, "***");
  }
  return shown;
}

std::unique_ptr<TrajectoryStore> open_store(const std::string& connection, StoreOptions options) {
  if (connection.empty()) {
    throw ValidationError(
        "connection", "names a store: sqlite:/path/file.db or postgresql://host/database", "empty");
  }
  if (backend_of(connection) == Backend::kPostgres) {
#if INBURGERING_WITH_POSTGRES
    const bool uri =
        starts_with(connection, "postgresql://") || starts_with(connection, "postgres://");
    PostgresOptions pg{.clock = options.clock,
                       .read_only = options.read_only,
                       .create_if_missing = options.create_if_missing};
    std::string libpq = uri ? connection : connection.substr(11);
    std::string schema;
    if (!uri) {
      schema = take_schema(libpq, ' ');
    } else if (const auto query = libpq.find('?'); query != std::string::npos) {
      std::string parameters = libpq.substr(query + 1);
      schema = take_schema(parameters, '&');
      libpq = libpq.substr(0, query) + (parameters.empty() ? "" : "?" + parameters);
    }
    if (!schema.empty()) pg.schema = schema;
    return PostgresStore::open(libpq, pg);
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
