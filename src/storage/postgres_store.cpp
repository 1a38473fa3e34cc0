// PostgresStore: connecting, migrating and switching to the application role.

#include "inburgering/storage/postgres_store.hpp"

#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>

#include "inburgering/limits.hpp"
#include "inburgering/storage/open_store.hpp"
#include "storage/pg_connection.hpp"
#include "storage/pg_schema.hpp"
#include "storage/sql_store_impl.hpp"

namespace inburgering::storage {

namespace {

void check_name(const std::string& name, const char* field, bool may_be_empty) {
  if (name.empty() && may_be_empty) return;
  const bool fits = !name.empty() && name.size() <= 63 &&
                    (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return std::islower(static_cast<unsigned char>(c)) ||
                             std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                    });
  if (!fits) {
    throw ValidationError(field,
                          "a PostgreSQL name of lowercase letters, digits and '_' (at most 63, "
                          "not starting with a digit)",
                          name);
  }
}

// libpq's message on a failed connection, first line. It names host and port; but a connection
// string it cannot parse it quotes, and that may hold a password: when the string has one
// (`redacted_connection` would hide something), the quoted parts are left out.
std::string connect_error(const char* what, const std::string& connection) {
  std::string message = what;
  message = message.substr(0, message.find('\n'));
  const bool uri =
      connection.rfind("postgresql://", 0) == 0 || connection.rfind("postgres://", 0) == 0;
  const std::string named = uri ? connection : "postgresql:" + connection;
  if (redacted_connection(named) == named) return message;
  std::string shown;
  bool quoted = false;
  for (const char c : message) {
    if (c == '"') {
      if (!quoted) shown += "\"…\"";
      quoted = !quoted;
    } else if (!quoted) {
      shown += c;
    }
  }
  return shown + " (quoted parts left out: the connection string holds a password)";
}

}  // namespace

int PostgresStore::latest_schema_version() noexcept { return detail::pg_latest_schema_version(); }

PostgresStore::PostgresStore(std::unique_ptr<Impl> impl) : SqlStore(std::move(impl)) {}
PostgresStore::~PostgresStore() = default;

std::unique_ptr<PostgresStore> PostgresStore::open(const std::string& connection,
                                                   PostgresOptions options) {
  if (!options.clock) options.clock = std::make_shared<SystemClock>();
  check_name(options.schema, "options.schema", false);
  check_name(options.application_role, "options.application_role", true);
  if (options.retries < 0 || options.retries > 100) {
    throw ValidationError("options.retries", "must be between 0 and 100",
                          std::to_string(options.retries));
  }
  std::unique_ptr<pqxx::connection> pq;
  try {
    pq = std::make_unique<pqxx::connection>(connection);
  } catch (const std::exception& e) {
    throw StorageError("cannot connect to PostgreSQL: " + connect_error(e.what(), connection));
  }
  // libpqxx 6 would open a new session behind a lost one at the next use, without what this
  // session sets once (the application role, the schema, read-only): a lost connection is
  // reported instead, and every later call fails the same way (open a new store).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  pq->inhibit_reactivation(true);
#pragma GCC diagnostic pop
  const std::string& schema = options.schema;
  const int latest = detail::pg_latest_schema_version();
  int version = detail::pg_schema_version(*pq, schema);
  if (version > latest) {
    throw StorageError("the schema '" + schema + "' has version " + std::to_string(version) +
                           ", newer than this library's " + std::to_string(latest) +
                           "; use a newer library (the schema was left untouched)",
                       ErrorCode::kIncompatibleDatabase);
  }
  if (version == 0 && (!options.create_if_missing || options.read_only)) {
    throw NotFound("PostgreSQL schema", schema);
  }
  if (version < latest) {
    if (!options.migrate || options.read_only) {
      throw StorageError("the schema '" + schema + "' has version " + std::to_string(version) +
                             " and this library uses " + std::to_string(latest) +
                             ": open it once with migrate on, as its owner",
                         ErrorCode::kIncompatibleDatabase);
    }
    detail::pg_migrate(*pq, schema, options.application_role);
    version = latest;
  }
  try {
    pqxx::nontransaction session(*pq);
    session.exec("SET search_path TO " + pq->quote_name(schema) + ", pg_temp");
    if (!options.application_role.empty()) {
      session.exec("SET ROLE " + pq->quote_name(options.application_role));
    }
    if (options.read_only) session.exec("SET default_transaction_read_only = on");
  } catch (const std::exception& e) {
    throw StorageError("cannot work as role '" + options.application_role + "' in schema '" +
                       schema + "': " + detail::pg_error(e).what() +
                       " (grant the role to the account, or set application_role)");
  }
  auto impl = std::make_unique<Impl>(
      std::make_unique<detail::PgConnection>(std::move(pq), detail::pg_write_lock(schema)),
      StoreSettings{
          .clock = options.clock, .retries = options.retries, .read_only = options.read_only});
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(impl)));
}

}  // namespace inburgering::storage
