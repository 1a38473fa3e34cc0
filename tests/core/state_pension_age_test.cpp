// The AOW age by date of birth (AOW 7a), each step of the table on both sides of its boundary.

#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/state_pension_age.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

struct Row {
  const char* last_born;  // the last birth date with the lower age
  YearsAndMonths before;
  const char* first_born;  // the next day: the higher age
  YearsAndMonths after;
};

TEST(StatePensionAge, EveryStepOfAow7aOnBothSides) {
  const Row rows[] = {
      {"1947-12-31", {65, 0}, "1948-01-01", {65, 1}},   // 7a.1.a | b (2013)
      {"1948-11-30", {65, 1}, "1948-12-01", {65, 2}},   // b | c (2014)
      {"1949-10-31", {65, 2}, "1949-11-01", {65, 3}},   // c | d (2015)
      {"1950-09-30", {65, 3}, "1950-10-01", {65, 6}},   // d | e (2016)
      {"1951-06-30", {65, 6}, "1951-07-01", {65, 9}},   // e | f (2017)
      {"1952-03-31", {65, 9}, "1952-04-01", {66, 0}},   // f | g (2018)
      {"1952-12-31", {66, 0}, "1953-01-01", {66, 4}},   // g | h (2019-2021)
      {"1955-08-31", {66, 4}, "1955-09-01", {66, 7}},   // j | k (2022)
      {"1956-05-31", {66, 7}, "1956-06-01", {66, 10}},  // k | l (2023)
      {"1957-02-28", {66, 10}, "1957-03-01", {67, 0}},  // l | m (2024-2027)
      {"1960-12-31", {67, 0}, "1961-01-01", {67, 3}},   // 2027 | 2028-2031
  };
  for (const auto& row : rows) {
    EXPECT_EQ(state_pension_age(d(row.last_born)), row.before) << row.last_born;
    EXPECT_EQ(state_pension_age(d(row.first_born)), row.after) << row.first_born;
  }
}

TEST(StatePensionAge, TheDayItIsReachedAndWhetherItIsFixed) {
  EXPECT_EQ(state_pension_date(d("1958-02-28")), d("2025-02-28"));
  EXPECT_EQ(state_pension_date(d("1955-07-31")), d("2021-12-01"));  // 31 Nov: next month's 1st.
  EXPECT_EQ(state_pension_date(d("1964-09-30")), d("2031-12-30"));
  EXPECT_TRUE(state_pension_age_fixed(d("1964-09-30")));
  EXPECT_FALSE(state_pension_age_fixed(d("1964-10-01")));  // 2032: not announced yet.
  EXPECT_EQ(state_pension_age(d("1970-01-01")), (YearsAndMonths{67, 3}));  // Lower bound.
  EXPECT_THROW(state_pension_age(Date()), ValidationError);
}

TEST(StatePensionAge, TheTableOnlyRises) {
  const auto& table = state_pension_age_table();
  for (std::size_t i = 1; i < table.size(); ++i) {
    EXPECT_GT(table[i].from_year, table[i - 1].from_year);
    EXPECT_GE(table[i].years * 12 + table[i].months, table[i - 1].years * 12 + table[i - 1].months);
    EXPECT_FALSE(table[i].source.empty());
  }
}

}  // namespace
}  // namespace inburgering
