// Every enumeration has one table: stable names, Dutch labels, and a parser back.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/inburgering.hpp>

#include <set>
#include <string>

namespace inburgering {
namespace {

using ::testing::HasSubstr;

template <class E>
void expect_one_table() {
  const auto all = all_enumerators<E>();
  ASSERT_FALSE(all.empty());
  std::set<std::string> names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const E value = all[i];
    EXPECT_EQ(static_cast<std::size_t>(value), i) << "declaration order";
    const std::string name(to_string(value));
    EXPECT_NE(name, "unknown");
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    EXPECT_FALSE(label_nl(value).empty()) << name;
    EXPECT_EQ(from_string<E>(name), value) << name;
  }
  // One past the last enumerator has no name: every value is in the table.
  EXPECT_EQ(to_string(static_cast<E>(all.size())), "unknown");
  try {
    from_string<E>("no_such_name", "some.field");
    ADD_FAILURE() << "parsed an unknown name";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "some.field");
    EXPECT_THAT(e.rule(), HasSubstr(std::string(to_string(all[0]))));
    EXPECT_EQ(e.value(), "'no_such_name'");
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
  }
  EXPECT_THROW(from_string<E>(""), ValidationError);
  EXPECT_THROW(from_string<E>(std::string(to_string(all[0])) + " "), ValidationError);
}

TEST(EnumText, EveryEnumerationHasOneCompleteTable) {
  expect_one_table<ErrorCode>();
  expect_one_table<TargetGroup>();
  expect_one_table<ResidencePermit>();
  expect_one_table<Regime>();
  expect_one_table<ExemptionGround>();
  expect_one_table<DispensationGround>();
  expect_one_table<ExtensionGround>();
  expect_one_table<IntakeTopic>();
  expect_one_table<InvitationOutcome>();
  expect_one_table<PlanChangeReason>();
  expect_one_table<ActivityKind>();
  expect_one_table<ExamPart>();
  expect_one_table<LanguageLevel>();
  expect_one_table<Route>();
  expect_one_table<HourKind>();
  expect_one_table<ProgressAssessment>();
  expect_one_table<SignalKind>();
  expect_one_table<FixedCostKind>();
  expect_one_table<Culpability>();
  expect_one_table<MunicipalFineKind>();
  expect_one_table<DuoFineKind>();
  expect_one_table<TrajectoryState>();
  expect_one_table<EndReason>();
  expect_one_table<storage::Role>();
  expect_one_table<storage::AuditAction>();
}

TEST(EnumText, NamesAreStableAndLabelsAreDutch) {
  EXPECT_EQ(to_string(TargetGroup::kAsylumPermitHolder), "asylum_permit_holder");
  EXPECT_EQ(label_nl(TargetGroup::kAsylumPermitHolder), "asielstatushouder");
  EXPECT_EQ(label_nl(TargetGroup::kFamilyMigrant), "gezinsmigrant");
  EXPECT_EQ(to_string(SignalKind::kInterviewDue), "interview_due");
  EXPECT_EQ(label_nl(SignalKind::kInterviewDue), "voortgangsgesprek gepland");
  EXPECT_EQ(label_nl(Route::kEducation), "onderwijsroute");
  EXPECT_EQ(label_nl(TrajectoryState::kEnded), "beëindigd");
  EXPECT_EQ(label_nl(storage::Role::kCaseworker), "klantmanager");
  EXPECT_EQ(to_string(LanguageLevel::kB1), "B1");
  EXPECT_EQ(from_string<Route>("z"), Route::kZ);
  EXPECT_EQ(from_string<storage::Role>("privacy_officer"), storage::Role::kPrivacyOfficer);
  // Names are case-sensitive: what is stored is exactly to_string().
  EXPECT_THROW(from_string<Route>("B1"), ValidationError);
}

}  // namespace
}  // namespace inburgering
