// Opening a store by connection string: which backend a string names, the SQLite forms, and a
// connection string fit to show (no password). The PostgreSQL forms that need a server are in
// postgres_store_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace inburgering::test {
namespace {

using storage::Backend;
using storage::backend_of;
using storage::redacted_connection;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(OpenStore, TheConnectionStringNamesTheBackend) {
  EXPECT_EQ(backend_of("/srv/wi/inburgering.db"), Backend::kSqlite);
  EXPECT_EQ(backend_of("inburgering.db"), Backend::kSqlite);
  EXPECT_EQ(backend_of("sqlite:/srv/wi.db"), Backend::kSqlite);
  EXPECT_EQ(backend_of(":memory:"), Backend::kSqlite);
  EXPECT_EQ(backend_of("postgresql://db.example/wi"), Backend::kPostgres);
  EXPECT_EQ(backend_of("postgres://db.example/wi"), Backend::kPostgres);
  EXPECT_EQ(backend_of("postgresql:host=db dbname=wi"), Backend::kPostgres);
  EXPECT_EQ(backend_of("postgresql:"), Backend::kPostgres);
  // A file whose name merely starts like it is a file.
  EXPECT_EQ(backend_of("postgres.db"), Backend::kSqlite);
  EXPECT_EQ(backend_of("./postgresql:x"), Backend::kSqlite);
}

TEST(OpenStore, OpensSqliteByPathOrPrefixAndCreatesOnlyWhenAllowed) {
  TempDir dir;
  const std::string path = (dir.path() / "by-prefix.db").string();
  auto clock = std::make_shared<FixedClock>(d("2025-03-01"));
  try {
    storage::open_store("sqlite:" + path, {.clock = clock, .create_if_missing = false});
    FAIL();
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("does not exist"));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  Trajectory t = on_route();
  storage::open_store("sqlite:" + path, {.clock = clock})->create(caseworker(), t);
  // The plain path is the same file; read-only it can read and not write.
  auto reader = storage::open_store(path, {.clock = clock, .read_only = true});
  EXPECT_EQ(reader->load(caseworker(), t.id()).id(), t.id());
  Trajectory other = rich_trajectory(TrajectoryId(8));
  try {
    reader->create(caseworker(), other);
    FAIL();
  } catch (const StorageError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kReadOnlyStore);
  }
  EXPECT_NO_THROW(storage::open_store("sqlite::memory:", {.clock = clock}));
}

TEST(OpenStore, AnEmptyConnectionStringIsRefused) {
  try {
    storage::open_store("");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "connection");
  }
}

#if INBURGERING_WITH_POSTGRES
TEST(OpenStore, AConnectionStringLibpqCannotReadIsNotRepeatedWithItsPassword) {
  for (const std::string& connection :
       {std::string("postgresql://wi:50%korting@127.0.0.1:1/wi"),
        std::string("postgresql:host=127.0.0.1 port=1 password=50%korting 'x")}) {
    try {
      storage::open_store(connection);
      FAIL() << connection;
    } catch (const StorageError& e) {
      EXPECT_THAT(e.what(), HasSubstr("cannot connect to PostgreSQL")) << e.what();
      EXPECT_THAT(e.what(), Not(HasSubstr("korting"))) << e.what();
    }
  }
  // Without a password, libpq's message is whole (it names what it could not read).
  try {
    storage::open_store("postgresql://127.0.0.1:1/wi?nonsense=1");
    FAIL();
  } catch (const StorageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("nonsense")) << e.what();
  }
}
#else
TEST(OpenStore, PostgresWithoutTheBackendIsAClearError) {
  EXPECT_THROW(storage::open_store("postgresql://db.example/wi"), StorageError);
}
#endif

TEST(OpenStore, ARedactedConnectionShowsNoPassword) {
  EXPECT_EQ(redacted_connection("/srv/wi/password=x.db"), "/srv/wi/password=x.db");
  EXPECT_EQ(redacted_connection("postgresql://wi:geheim@db.example:5433/wi?schema=utrecht"),
            "postgresql://wi:***@db.example:5433/wi?schema=utrecht");
  EXPECT_EQ(redacted_connection("postgres://wi@db.example/wi"), "postgres://wi@db.example/wi");
  EXPECT_EQ(redacted_connection("postgresql://db.example/wi?user=wi&password=geheim&schema=u"),
            "postgresql://db.example/wi?user=wi&password=***&schema=u");
  EXPECT_EQ(redacted_connection("postgresql:host=db password=geheim dbname=wi"),
            "postgresql:host=db password=*** dbname=wi");
  EXPECT_EQ(redacted_connection("postgresql:host=db password = 'ge heim\\' x' dbname=wi"),
            "postgresql:host=db password = *** dbname=wi");
  EXPECT_EQ(redacted_connection("postgresql:password=geheim"), "postgresql:password=***");
  // A keyword that only ends in "password" is another keyword.
  EXPECT_EQ(redacted_connection("postgresql:host=db xpassword=1"),
            "postgresql:host=db xpassword=1");
  EXPECT_EQ(redacted_connection("postgresql:password="), "postgresql:password=");
  // libpq's own forms: an escaped space or a newline in a keyword string, an '&' in a value, a
  // '?' in a URI's password (its user part ends at the first '@' before any '/').
  EXPECT_EQ(redacted_connection("postgresql:host=db password=ge\\ heim dbname=wi"),
            "postgresql:host=db password=*** dbname=wi");
  EXPECT_EQ(redacted_connection("postgresql:host=db\npassword=geheim"),
            "postgresql:host=db\npassword=***");
  EXPECT_EQ(redacted_connection("postgresql:password=a&b host=db"),
            "postgresql:password=*** host=db");
  EXPECT_EQ(redacted_connection("postgresql://wi:ge?heim@db/wi?schema=u"),
            "postgresql://wi:***@db/wi?schema=u");
  EXPECT_EQ(redacted_connection("postgresql://db?password=geheim"), "postgresql://db?password=***");
  // After a part that is not a pair, nothing is shown: where the password is is unclear.
  EXPECT_EQ(redacted_connection("postgresql:host=db garbage password=geheim"),
            "postgresql:host=db ***");
}

}  // namespace
}  // namespace inburgering::test
