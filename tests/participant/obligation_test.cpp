#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/participant/obligation.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;

TEST(Obligation, AppliesFromTheSixteenthBirthday) {
  Participant p = test::asylum_holder();
  p.birth_date = d("2008-03-10");
  EXPECT_FALSE(Obligation::applies_to(p, d("2024-03-09"), Policy{}));
  EXPECT_TRUE(Obligation::applies_to(p, d("2024-03-10"), Policy{}));
}

TEST(Obligation, EndsAtTheStatePensionAge) {
  Participant p = test::asylum_holder();
  p.birth_date = d("1958-02-28");
  EXPECT_TRUE(Obligation::applies_to(p, d("2025-02-27"), Policy{}));
  EXPECT_FALSE(Obligation::applies_to(p, d("2025-02-28"), Policy{}));  // 67 years.
}

TEST(Obligation, StatePensionAgeFollowsTheBirthDate) {
  // Born 1961-06-15: AOW age 67 years and 3 months (reached in 2028; AOW 7a), not 67.
  Participant p = test::asylum_holder();
  p.birth_date = d("1961-06-15");
  EXPECT_TRUE(Obligation::applies_to(p, d("2028-09-14"), Policy{}));
  EXPECT_FALSE(Obligation::applies_to(p, d("2028-09-15"), Policy{}));
  // Born 1956-06-01: 66 years and 10 months (reached in 2023).
  p.birth_date = d("1956-06-01");
  EXPECT_TRUE(Obligation::applies_to(p, d("2023-03-31"), Policy{}));
  EXPECT_FALSE(Obligation::applies_to(p, d("2023-04-01"), Policy{}));
}

TEST(Obligation, DoesNotApplyUnderEuLawOrToVolunteers) {
  Participant eu = test::family_migrant();
  eu.target_group = TargetGroup::kVoluntary;
  eu.permit = ResidencePermit::kEuLaw;
  EXPECT_FALSE(Obligation::applies_to(eu, d("2024-01-01"), Policy{}));
  Participant volunteer = test::family_migrant();
  volunteer.target_group = TargetGroup::kVoluntary;
  EXPECT_FALSE(Obligation::applies_to(volunteer, d("2024-01-01"), Policy{}));
}

TEST(Obligation, PartsAreLiftedByPartialDecisions) {
  Obligation o = test::notified_obligation();
  o.exemptions.push_back(
      Exemption{ExemptionGround::kExamPartsShown, d("2024-02-01"), {ExamPart::kReading}});
  o.dispensations.push_back(
      Dispensation{DispensationGround::kMedical, d("2024-02-02"), {ExamPart::kSpeaking}, {}});
  EXPECT_TRUE(o.part_lifted(ExamPart::kReading));
  EXPECT_TRUE(o.part_lifted(ExamPart::kSpeaking));
  EXPECT_FALSE(o.part_lifted(ExamPart::kWriting));
  EXPECT_FALSE(o.wholly_lifted());
  o.exemptions.push_back(Exemption{ExemptionGround::kDutchDiploma, d("2024-03-01"), {}});
  EXPECT_TRUE(o.wholly_lifted());
  EXPECT_TRUE(o.part_lifted(ExamPart::kWriting));
}

TEST(Obligation, PartialMedicalDispensationCoversAtMostThreeLanguageParts) {
  Dispensation three{DispensationGround::kMedical,
                     d("2024-02-01"),
                     {ExamPart::kReading, ExamPart::kWriting, ExamPart::kSpeaking, ExamPart::kKnm},
                     {}};
  EXPECT_NO_THROW(validate(three));
  Dispensation four = three;
  four.parts.insert(ExamPart::kListening);
  try {
    validate(four);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "dispensation.parts");
    EXPECT_NE(e.rule().find("Bi 2.7"), std::string::npos);
    EXPECT_EQ(e.value(), "4 language parts");
  }
}

TEST(Obligation, SpecialCircumstancesNeedTheCollegesAdvice) {
  Dispensation d1{DispensationGround::kSpecialCircumstances, d("2024-02-01"), {}, {}};
  try {
    validate(d1);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "dispensation.college_advice");
  }
  d1.college_advice = "advies college d.d. 2024-01-20";
  EXPECT_NO_THROW(validate(d1));
  // DUO's own decision needs no advice (Bi 2.8.4).
  Dispensation own{DispensationGround::kSpecialCircumstances, d("2024-02-01"), {}, {}, true};
  EXPECT_NO_THROW(validate(own));
}

TEST(Obligation, ExemptionForPartsShownNamesTheParts) {
  EXPECT_THROW(validate(Exemption{ExemptionGround::kExamPartsShown, d("2024-02-01"), {}}),
               ValidationError);
}

TEST(Obligation, ThirdPartyInformationIsReceivedAfterItWasRequested) {
  Obligation o = test::notified_obligation();
  o.third_party_info_received_on = d("2024-02-01");
  EXPECT_THROW(o.validate(), ValidationError);
  o.third_party_info_requested_on = d("2024-02-05");
  EXPECT_THROW(o.validate(), ValidationError);
  o.third_party_info_requested_on = d("2024-01-20");
  EXPECT_NO_THROW(o.validate());
}

TEST(Obligation, RequiresTheNoticeDate) {
  Obligation o;
  try {
    o.validate();
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "obligation.duo_notice_date");
  }
}

}  // namespace
}  // namespace inburgering
