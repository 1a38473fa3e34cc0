// SqliteStore: opening and migrating the database file.

#include "inburgering/storage/sqlite_store.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "inburgering/limits.hpp"
#include "storage/record_codec.hpp"
#include "storage/sql_queries.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store_impl.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/sqlite_schema.hpp"

namespace inburgering::storage {

namespace sql = detail::sql;

// ---- Opening ---------------------------------------------------------------------------------

namespace {

SQLite::Database& database(const SqlStore::Impl& impl) {
  return static_cast<detail::SqliteConnection&>(impl.db).database();
}

// SQLite's errors as the store's retry knows them.
template <class F>
auto sqlite_mapped(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw detail::db_error(e);
  }
}

// Before a connection that may write is opened: an existing file is checked on a read-only
// connection that cannot checkpoint, so a refused file (and its -wal) stays byte for byte as it
// was; and a file or directory this process cannot write is named as such, not found out at
// the first write with -wal and -shm files left behind.
void check_file(const std::string& path, const SqliteOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists && (options.read_only || !options.create_if_missing)) {
    throw StorageError("the database file does not exist");
  }
  if (!options.read_only) {
    // SQLite in WAL mode creates -wal and -shm files beside the database.
    fs::path directory = fs::path(path).parent_path();
    if (directory.empty()) directory = ".";
    if (exists && ::access(path.c_str(), W_OK) != 0) {
      throw StorageError(
          "the database file is read-only for this process: give it write permission, or open "
          "it with SqliteOptions::read_only");
    }
    if (::access(directory.c_str(), W_OK) != 0) {
      throw StorageError("the directory '" + directory.string() +
                         "' is not writable for this process, and SQLite must create the -wal and "
                         "-shm files there: make it writable, or open the database with "
                         "SqliteOptions::read_only");
    }
  }
  if (exists) {
    try {
      SQLite::Database probe(path, SQLite::OPEN_READONLY,
                             static_cast<int>(options.busy_timeout.count()));
      sqlite3_db_config(probe.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
      detail::check_schema(probe);
    } catch (const SQLite::Exception& e) {
      throw detail::sqlite_error(e, "cannot read the database file");
    }
  }
}

}  // namespace

int SqliteStore::latest_schema_version() noexcept { return detail::latest_schema_version(); }

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : SqlStore(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path, SqliteOptions options) {
  if (!options.clock) options.clock = std::make_shared<SystemClock>();
  if (options.busy_timeout.count() < 0 || options.busy_timeout.count() > 600000) {
    throw ValidationError("options.busy_timeout", "must be between 0 and 600000 ms",
                          std::to_string(options.busy_timeout.count()));
  }
  if (options.busy_retries < 0 || options.busy_retries > 100) {
    throw ValidationError("options.busy_retries", "must be between 0 and 100",
                          std::to_string(options.busy_retries));
  }
  check_text(path, "path");
  // The policies 0.1 ran under: they describe the past, so the bounds of a stored policy apply.
  options.legacy_policy.validate_stored();
  for (const auto& [municipality, policy] : options.legacy_municipal_policies) {
    policy.validate_stored();
  }
  // The path is not personal data; naming it makes an error actionable.
  const std::string where = " ('" + path + "')";
  const bool memory = path == ":memory:";
  const bool read_only = options.read_only;
  if (!memory) {
    try {
      check_file(path, options);
    } catch (const StorageError& e) {
      throw StorageError(std::string(e.what()) + where, e.code());
    }
  }

  int flags = read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
  if (!read_only && options.create_if_missing) flags |= SQLite::OPEN_CREATE;
  std::unique_ptr<Impl> impl;
  try {
    SQLite::Database db(path, flags, static_cast<int>(options.busy_timeout.count()));
    impl = std::make_unique<Impl>(
        std::make_unique<detail::SqliteConnection>(std::move(db)),
        StoreSettings{
            .clock = options.clock, .retries = options.busy_retries, .read_only = read_only});
  } catch (const SQLite::Exception& e) {
    throw detail::sqlite_error(e, "cannot open the database file" + where);
  }
  SQLite::Database& db = database(*impl);
  try {
    if (read_only) {
      const int version = impl->with_retry("reading the schema", [&] {
        return sqlite_mapped([&] {
          db.exec("PRAGMA foreign_keys = ON");
          return detail::check_schema(db);
        });
      });
      if (version != detail::latest_schema_version()) {
        throw StorageError("the database has schema version " + std::to_string(version) +
                               " and this library reads " +
                               std::to_string(detail::latest_schema_version()) +
                               ": open it read-write once to migrate it",
                           ErrorCode::kIncompatibleDatabase);
      }
    } else {
      impl->with_retry("configuring the connection", [&] {
        sqlite_mapped([&] {
          // Checked again on this connection: another process may have changed the file since.
          detail::check_schema(db);
          db.exec("PRAGMA foreign_keys = ON");
          db.exec(options.synchronous == SqliteSync::kFull ? "PRAGMA synchronous = FULL"
                                                           : "PRAGMA synchronous = NORMAL");
          if (!memory) {
            const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
            if (mode != "wal") {
              throw StorageError("the database cannot use WAL mode (" + mode + ")");
            }
          }
        });
      });
      const detail::LegacyPolicyFor legacy = [&options](MunicipalityCode m) -> const Policy& {
        const auto& by_municipality = options.legacy_municipal_policies;
        const auto it = by_municipality.find(m);
        return it == by_municipality.end() ? options.legacy_policy : it->second;
      };
      impl->with_retry("migrating the schema", [&] {
        sqlite_mapped([&] { detail::migrate(db, detail::latest_schema_version(), legacy); });
      });
    }
  } catch (const StorageError& e) {
    throw StorageError(std::string(e.what()) + where, e.code());
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

int SqliteStore::schema_version() const {
  return impl_->with_retry("reading the schema version", [&] {
    return sqlite_mapped(
        [&] { return database(*impl_).execAndGet("PRAGMA user_version").getInt(); });
  });
}

}  // namespace inburgering::storage
