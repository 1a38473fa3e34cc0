// What the model accepts as text and as a date (limits.hpp).

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include <string>

namespace inburgering {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Limits, TextMustBeValidUtf8WithoutControlCharacters) {
  EXPECT_NO_THROW(check_text("", "f"));
  EXPECT_NO_THROW(check_text("Zoë Ağaoğlu — 李 — \xf0\x9f\x98\x80", "f"));
  EXPECT_NO_THROW(check_text("regel 1\r\nregel 2\ttab", "f"));
  for (const std::string& bad :
       {std::string("a\0b", 3), std::string("bel\x07"), std::string("esc\x1b"),
        std::string("del\x7f"), std::string("\xc2\x85"),  // C1 control (NEL)
        std::string("\xff"), std::string("\xc3"), std::string("\xc0\xaf"),
        std::string("\xe0\x80\xaf"), std::string("\xed\xa0\x80"),  // surrogate
        std::string("\xf4\x90\x80\x80"),                           // above U+10FFFF
        std::string("\xf8\x88\x80\x80\x80"), std::string("\x80")}) {
    try {
      check_text("Haddad" + bad, "participant.family_name");
      ADD_FAILURE() << "accepted a bad text of " << bad.size() << " bytes";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), "participant.family_name");
      EXPECT_THAT(e.what(), Not(HasSubstr("Haddad")));
    }
  }
}

TEST(Limits, TextHasAMaximumLength) {
  EXPECT_NO_THROW(check_text(std::string(kMaxTextBytes, 'x'), "f"));
  EXPECT_THROW(check_text(std::string(kMaxTextBytes + 1, 'x'), "f"), ValidationError);
}

TEST(Limits, IdentifiersAreShortSingleLinesAndNotEmpty) {
  EXPECT_NO_THROW(check_identifier("km-jansen", "user"));
  EXPECT_NO_THROW(check_identifier(std::string(kMaxIdentifierBytes, 'k'), "user"));
  EXPECT_THROW(check_identifier(std::string(kMaxIdentifierBytes + 1, 'k'), "user"),
               ValidationError);
  EXPECT_THROW(check_identifier("", "user"), ValidationError);
  EXPECT_THROW(check_identifier("km\tjansen", "user"), ValidationError);
  EXPECT_THROW(check_identifier("km\njansen", "user"), ValidationError);
}

TEST(Limits, DatesLieWithinTheModelsYears) {
  EXPECT_NO_THROW(require_valid(Date(kEarliestYear, 1, 1), "d"));
  EXPECT_NO_THROW(require_valid(Date(kLatestYear, 12, 31), "d"));
  EXPECT_THROW(require_valid(Date(kEarliestYear - 1, 12, 31), "d"), ValidationError);
  EXPECT_THROW(require_valid(Date(kLatestYear + 1, 1, 1), "d"), ValidationError);
  EXPECT_THROW(require_valid(Date(boost::gregorian::not_a_date_time), "d"), ValidationError);
}

}  // namespace
}  // namespace inburgering
