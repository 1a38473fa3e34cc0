#include "inburgering/storage/open_store.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "inburgering/storage/sqlite_store.hpp"
#include "inburgering/version.hpp"
#if INBURGERING_WITH_POSTGRES
#include "inburgering/storage/postgres_store.hpp"
#endif

namespace inburgering::storage {

namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

bool is_uri(const std::string& connection) {
  return starts_with(connection, "postgresql://") || starts_with(connection, "postgres://");
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

/// One `keyword = value` of a libpq keyword string: where it is, and where its value is.
struct Pair {
  std::string keyword;
  std::size_t begin = 0;        // of the keyword
  std::size_t value_begin = 0;  // of the value (its quote, when quoted)
  std::size_t end = 0;          // after the value
};

/// The pairs of a libpq keyword string, read as libpq reads them: whitespace between pairs and
/// around `=`, a value in single quotes or up to whitespace, a backslash escaping the next
/// character. Reading stops at what is not a pair (libpq will refuse it): `stop` says where.
std::vector<Pair> keyword_pairs(const std::string& text, std::size_t from, std::size_t& stop) {
  std::vector<Pair> pairs;
  std::size_t i = from;
  stop = text.size();
  const auto skip_space = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  while (true) {
    skip_space();
    if (i >= text.size()) break;
    Pair pair;
    pair.begin = i;
    while (i < text.size() && text[i] != '=' && !is_space(text[i])) ++i;
    pair.keyword = text.substr(pair.begin, i - pair.begin);
    skip_space();
    if (i >= text.size() || text[i] != '=') {
      stop = pair.begin;
      break;
    }
    ++i;
    skip_space();
    pair.value_begin = i;
    if (i < text.size() && text[i] == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i) {
        if (text[i] == '\\') ++i;
      }
      i = std::min(i + 1, text.size());
    } else {
      for (; i < text.size() && !is_space(text[i]); ++i) {
        if (text[i] == '\\') ++i;
      }
      i = std::min(i, text.size());
    }
    pair.end = i;
    pairs.push_back(pair);
  }
  return pairs;
}

/// The '@' that ends a libpq URI's user part (`user[:password]@`), or npos: as libpq, the first
/// '@' before any '/' (so a password may hold '?', and a query may not hold an '@' without one).
std::size_t uri_user_end(const std::string& uri) {
  const std::size_t at = uri.find_first_of("@/", uri.find("://") + 3);
  return at != std::string::npos && uri[at] == '@' ? at : std::string::npos;
}

/// Where a libpq URI's query begins ('?'), or npos.
std::size_t uri_query(const std::string& uri) {
  const std::size_t user_end = uri_user_end(uri);
  return uri.find('?', user_end == std::string::npos ? uri.find("://") + 3 : user_end);
}

#if INBURGERING_WITH_POSTGRES
/// Takes `schema=name` out of a libpq connection string (a URI's query parameter, or a keyword
/// of a keyword string) and returns its value ("" when there is none); the rest stays as given.
std::string take_schema(std::string& connection) {
  std::string schema;
  if (is_uri(connection)) {
    const std::size_t query = uri_query(connection);
    if (query == std::string::npos) return schema;
    std::string kept;
    for (std::size_t at = query + 1; at <= connection.size();) {
      std::size_t end = connection.find('&', at);
      if (end == std::string::npos) end = connection.size();
      const std::string part = connection.substr(at, end - at);
      if (starts_with(part, "schema=")) {
        schema = part.substr(7);
      } else if (!part.empty()) {
        kept += (kept.empty() ? "?" : "&") + part;
      }
      at = end + 1;
    }
    connection = connection.substr(0, query) + kept;
    return schema;
  }
  std::size_t stop = 0;
  const auto pairs = keyword_pairs(connection, 0, stop);
  for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
    if (it->keyword != "schema") continue;
    if (schema.empty()) schema = connection.substr(it->value_begin, it->end - it->value_begin);
    connection.erase(it->begin, it->end - it->begin);
  }
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
  if (!is_uri(shown)) {
    // postgresql:host=db password='a secret' dbname=wi; what follows a part that is not a pair
    // is not shown either (libpq refuses such a string, and where its password is is unclear).
    std::size_t stop = 0;
    const auto pairs = keyword_pairs(shown, 11, stop);
    if (stop < shown.size()) shown.replace(stop, shown.size() - stop, "***");
    for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
      if (it->keyword == "password" && it->end > it->value_begin) {
        shown.replace(it->value_begin, it->end - it->value_begin, "***");
      }
    }
    return shown;
  }
  // postgresql://user:secret@host/db?password=secret: every `password=` parameter, wherever
  // libpq would find the query, and the password of the user part.
  if (const std::size_t at = uri_user_end(shown); at != std::string::npos) {
    const std::size_t colon = shown.find(':', shown.find("://") + 3);
    if (colon < at) shown.replace(colon + 1, at - colon - 1, "***");
  }
  for (auto at = shown.find("password="); at != std::string::npos;
       at = shown.find("password=", at + 1)) {
    if (shown[at - 1] != '?' && shown[at - 1] != '&') continue;
    const std::size_t value = at + 9;
    const std::size_t end = std::min(shown.find('&', value), shown.size());
    if (end > value) shown.replace(value, end - value, "***");
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
    PostgresOptions pg{.clock = options.clock,
                       .read_only = options.read_only,
                       .create_if_missing = options.create_if_missing};
    std::string libpq = is_uri(connection) ? connection : connection.substr(11);
    const std::string schema = take_schema(libpq);
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
