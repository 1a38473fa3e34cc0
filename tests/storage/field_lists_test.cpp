// The field lists themselves: every member of every described record is listed, and the names
// they give the stored JSON do not change unnoticed (the stored format is a contract with every
// row already written).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <typeindex>

#include "support/field_count.hpp"
#include "support/random_record.hpp"

namespace inburgering::test {
namespace {

struct ListCounter {
  std::size_t count = 0;
  template <class F>
  void operator()(const char*, F&, detail::Sensitivity = detail::Sensitivity::kPlain) {
    ++count;
  }
};

// Walks the lists from TrajectoryRecord down, and checks each described type once.
struct CoverageChecker {
  std::set<std::type_index> seen;

  template <class T>
  void check() {
    if constexpr (detail::IsOptional<T>::value || detail::IsVector<T>::value ||
                  detail::IsSet<T>::value) {
      check<typename T::value_type>();
    } else if constexpr (detail::IsMap<T>::value) {
      check<typename T::mapped_type>();
    } else if constexpr (detail::Described<T>) {
      if (!seen.insert(typeid(T)).second) return;
      T value = detail::Blank<T>::make();
      ListCounter counter;
      describe(counter, value);
      // TrajectoryRecord::revision belongs to the store, not to the stored content.
      const std::size_t unlisted = std::is_same_v<T, TrajectoryRecord> ? 1 : 0;
      EXPECT_EQ(counter.count + unlisted, member_count<T>())
          << typeid(T).name() << ": its field list must name every member";
      Recurse recurse{this};
      describe(recurse, value);
    }
  }

  struct Recurse {
    CoverageChecker* self;
    template <class F>
    void operator()(const char*, F&, detail::Sensitivity = detail::Sensitivity::kPlain) {
      self->check<F>();
    }
  };
};

TEST(FieldLists, EveryMemberOfEveryRecordIsListed) {
  static_assert(member_count<PlanNorms>() == 3);
  static_assert(member_count<Participant>() == 9);
  CoverageChecker checker;
  checker.check<TrajectoryRecord>();
  EXPECT_GE(checker.seen.size(), 28u);  // every record type reachable from the trajectory
}

// Every path of the record's fields (formats 3 and 4 have the same fields, format 4 writes lists
// of flat records as tables, format 5 adds a DUO fine's `announced_on` and the participant's
// `not_obliged`), list indices as [], each with "P" when the audit trail must mask it (personal or
// special-category). Renaming or dropping a field, or changing whether it is personal, changes this
// list: then raise kRecordFormat, write a migration for the rows already stored, and update
// tests/storage/record_fields.txt (run this test once with INBURGERING_UPDATE_GOLDEN=1).
TEST(FieldLists, TheStoredFormatIsPinned) {
  std::vector<FilledLeaf> leaves;
  random_record(1, &leaves);
  std::map<std::string, bool> paths;
  const std::regex index("/[0-9]+(/|$)");
  for (const auto& leaf : leaves) {
    std::string path = leaf.pointer;
    std::string previous;
    while (previous != path) {
      previous = path;
      path = std::regex_replace(path, index, "/[]$1");
    }
    paths[path] = paths[path] || leaf.sensitive;
  }
  std::ostringstream actual;
  for (const auto& [path, sensitive] : paths) actual << (sensitive ? "P " : "  ") << path << "\n";
  const std::string golden_path = std::string(INBURGERING_TEST_DATA_DIR) + "/record_fields.txt";
  if (std::getenv("INBURGERING_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path) << actual.str();  // after a deliberate change of format
  }
  std::ifstream golden(golden_path);
  std::stringstream expected;
  expected << golden.rdbuf();
  EXPECT_EQ(actual.str(), expected.str()) << "the stored record format changed; see the comment";
}

}  // namespace
}  // namespace inburgering::test
