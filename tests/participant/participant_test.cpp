#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/participant/participant.hpp>

#include <type_traits>

#include "support/builders.hpp"

namespace inburgering {
namespace {

static_assert(!std::is_default_constructible_v<Participant>, "a participant always has a BSN");

TEST(Participant, ValidatesAConsistentPerson) {
  EXPECT_NO_THROW(test::asylum_holder().validate());
  EXPECT_NO_THROW(test::family_migrant().validate());
}

TEST(Participant, AsylumPermitHolderMayJoinOnARegularPermit) {
  Participant p = test::asylum_holder();
  p.permit = ResidencePermit::kRegular;  // Family joining an asylum holder (Wi 13.1.b).
  EXPECT_NO_THROW(p.validate());
}

TEST(Participant, RejectsAPermitThatDoesNotFitTheTargetGroup) {
  Participant p = test::family_migrant();
  p.permit = ResidencePermit::kTemporaryAsylum;
  try {
    p.validate();
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "participant.permit");
    EXPECT_NE(e.rule().find("Wi 19"), std::string::npos);
  }
  Participant q = test::asylum_holder();
  q.permit = ResidencePermit::kEuLaw;
  EXPECT_THROW(q.validate(), ValidationError);
}

TEST(Participant, RequiresANameAndABirthDate) {
  Participant p = test::asylum_holder();
  p.given_names.clear();
  p.family_name.clear();
  EXPECT_THROW(p.validate(), ValidationError);
  Participant q = test::asylum_holder();
  q.birth_date = Date(boost::gregorian::not_a_date_time);
  try {
    q.validate();
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "participant.birth_date");
  }
}

TEST(TargetGroup, HasStableNames) {
  EXPECT_EQ(to_string(TargetGroup::kAsylumPermitHolder), "asylum_permit_holder");
  EXPECT_EQ(to_string(ResidencePermit::kEuLaw), "eu_law");
  EXPECT_EQ(to_string(Regime::kWi2013), "wi2013");
}

}  // namespace
}  // namespace inburgering
