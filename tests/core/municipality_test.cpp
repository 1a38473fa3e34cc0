#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/municipality.hpp>

#include <string>
#include <type_traits>

namespace inburgering {
namespace {

static_assert(!std::is_convertible_v<std::string, MunicipalityCode>);
static_assert(!std::is_default_constructible_v<MunicipalityCode>);

TEST(MunicipalityCode, AcceptsFourDigitsWithOrWithoutPrefix) {
  EXPECT_EQ(MunicipalityCode("0363").to_string(), "0363");
  EXPECT_EQ(MunicipalityCode("GM0363"), MunicipalityCode("0363"));
  EXPECT_EQ(MunicipalityCode("gm0344").number(), 344);
  EXPECT_EQ(MunicipalityCode("1969").to_string(), "1969");
}

TEST(MunicipalityCode, RejectsAnythingElseNamingTheField) {
  for (const char* bad : {"363", "03630", "0000", "GM000", "abcd", "", "GM03a3", "XX0363"}) {
    try {
      MunicipalityCode{bad};
      FAIL() << bad;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), "municipality") << bad;
    }
  }
}

}  // namespace
}  // namespace inburgering
