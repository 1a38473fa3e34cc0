#include <gtest/gtest.h>
#include <inburgering/bsn.hpp>
#include <inburgering/error.hpp>

#include <string>
#include <type_traits>

namespace inburgering {
namespace {

// Type safety: a BSN never converts implicitly from text, and never streams into a log line.
static_assert(!std::is_convertible_v<std::string, Bsn>);
static_assert(!std::is_convertible_v<const char*, Bsn>);
static_assert(!std::is_default_constructible_v<Bsn>);

TEST(Bsn, AcceptsNumbersThatPassTheElevenTest) {
  EXPECT_EQ(Bsn("111222333").digits(), "111222333");
  EXPECT_EQ(Bsn("123456782").digits(), "123456782");
  EXPECT_TRUE(Bsn::is_valid("123456782"));
}

TEST(Bsn, RejectsAFailedElevenTest) {
  try {
    Bsn("123456789");
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "bsn");
    EXPECT_EQ(e.rule(), "must pass the eleven-test (elfproef)");
  }
  EXPECT_FALSE(Bsn::is_valid("123456789"));
}

TEST(Bsn, RejectsWrongLength) {
  EXPECT_THROW(Bsn("12345678"), ValidationError);
  EXPECT_THROW(Bsn("1234567820"), ValidationError);
  EXPECT_THROW(Bsn(""), ValidationError);
}

TEST(Bsn, RejectsNonDigits) {
  EXPECT_THROW(Bsn("12345678a"), ValidationError);
  EXPECT_THROW(Bsn("1234 5678"), ValidationError);
  EXPECT_THROW(Bsn("-23456782"), ValidationError);
}

TEST(Bsn, RejectsAllZerosAlthoughTheSumIsDivisible) {
  EXPECT_THROW(Bsn("000000000"), ValidationError);
}

TEST(Bsn, ErrorMessageNeverRepeatsTheDigits) {
  for (const char* input : {"123456789", "12345678", "12345678x"}) {
    try {
      Bsn{input};
      FAIL() << "expected ValidationError";
    } catch (const ValidationError& e) {
      EXPECT_EQ(std::string(e.what()).find("12345678"), std::string::npos) << e.what();
      EXPECT_NE(e.value().find("withheld"), std::string::npos);
    }
  }
}

TEST(Bsn, MaskedShowsOnlyTheLastThreeDigits) { EXPECT_EQ(Bsn("123456782").masked(), "******782"); }

TEST(Bsn, ComparesByValue) {
  EXPECT_EQ(Bsn("111222333"), Bsn("111222333"));
  EXPECT_LT(Bsn("111222333"), Bsn("123456782"));
}

}  // namespace
}  // namespace inburgering
