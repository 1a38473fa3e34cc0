#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/trajectory/trajectory.hpp>

#include "support/builders.hpp"

namespace inburgering {
namespace {

using test::d;
using ::testing::HasSubstr;

std::vector<FixedCostItem> fixed_costs() {
  return {FixedCostItem{FixedCostKind::kRent, "Woonstichting Utrecht", Money::cents(65050)},
          FixedCostItem{FixedCostKind::kEnergy, "Energieleverancier", Money::euros(120)},
          FixedCostItem{FixedCostKind::kWater, "Waterbedrijf", Money::euros(25)},
          FixedCostItem{FixedCostKind::kHealthInsurance, "Zorgverzekeraar", Money::euros(140)}};
}

TEST(Unburdening, EligibleWithAssistanceATemporaryAsylumPermitAndTheObligation) {
  EXPECT_TRUE(
      unburdening_ineligibility(test::asylum_holder(), test::notified_obligation(), true).empty());
}

TEST(Unburdening, IneligibilityNamesEveryReason) {
  const auto reasons =
      unburdening_ineligibility(test::family_migrant(), test::notified_obligation(), false);
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_THAT(reasons[0], HasSubstr("social assistance"));
  EXPECT_THAT(reasons[1], HasSubstr("temporary asylum permit"));
}

TEST(Unburdening, JoiningFamilyOnARegularPermitIsExcluded) {
  Participant joining = test::asylum_holder();
  joining.permit = ResidencePermit::kRegular;  // Wi 13.1.b, but not Pw 56a.
  Trajectory t = test::on_route(Route::kB1, joining);
  try {
    t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "Pw 56a");
    EXPECT_THAT(e.what(), HasSubstr("temporary asylum permit"));
  }
  EXPECT_FALSE(t.record().unburdening);
}

TEST(Unburdening, ExemptedPersonsAreNotObliged) {
  Obligation o = test::notified_obligation();
  o.exemptions.push_back(Exemption{ExemptionGround::kDutchDiploma, d("2024-01-10"), {}});
  EXPECT_EQ(unburdening_ineligibility(test::asylum_holder(), o, true).size(), 1u);
}

TEST(Unburdening, SixMonthsFromTheStartOfAssistanceWithMonthlyPayments) {
  Trajectory t = test::on_route();
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  const Unburdening& u = *t.record().unburdening;
  EXPECT_EQ(u.months, 6);
  EXPECT_EQ(u.end_date(), d("2024-07-31"));
  const auto schedule = u.payment_schedule();
  ASSERT_EQ(schedule.size(), 24u);  // 6 months × 4 items.
  EXPECT_EQ(schedule.front().due_on, d("2024-02-01"));
  EXPECT_EQ(schedule.back().due_on, d("2024-07-01"));
  EXPECT_EQ(u.total_scheduled(), Money::cents(6 * (65050 + 12000 + 2500 + 14000)));
  EXPECT_TRUE(u.active_on(d("2024-07-31")));
  EXPECT_FALSE(u.active_on(d("2024-08-01")));
}

TEST(Unburdening, StartAtMonthEnd) {
  Unburdening u{.assistance_start = d("2024-08-31"), .months = 6, .items = fixed_costs()};
  EXPECT_EQ(u.end_date(), d("2025-02-28"));
  const auto schedule = u.payment_schedule();
  ASSERT_EQ(schedule.size(), 24u);
  // One payment on the first of each month that begins in the period: none skipped, none twice.
  std::vector<Date> months;
  for (std::size_t i = 0; i < schedule.size(); i += 4) months.push_back(schedule[i].due_on);
  EXPECT_EQ(months, (std::vector<Date>{d("2024-09-01"), d("2024-10-01"), d("2024-11-01"),
                                       d("2024-12-01"), d("2025-01-01"), d("2025-02-01")}));
  // Stopped on 2024-12-01: that day's payment is still made, the next is not.
  u.stopped_on = d("2024-12-01");
  EXPECT_EQ(u.payment_schedule().size(), 16u);
  u.stopped_on = d("2024-11-30");
  EXPECT_EQ(u.payment_schedule().size(), 12u);
}

TEST(Unburdening, AStartAfterTheFirstPaysFromTheNextMonth) {
  Unburdening u{.assistance_start = d("2024-01-31"), .months = 6, .items = fixed_costs()};
  EXPECT_EQ(u.end_date(), d("2024-07-30"));
  const auto schedule = u.payment_schedule();
  ASSERT_EQ(schedule.size(), 24u);
  EXPECT_EQ(schedule.front().due_on, d("2024-02-01"));  // not twice in March, none in February
  EXPECT_EQ(schedule[4].due_on, d("2024-03-01"));
  EXPECT_EQ(schedule[8].due_on, d("2024-04-01"));
  EXPECT_EQ(schedule.back().due_on, d("2024-07-01"));
}

TEST(Unburdening, APolicyOf02WithALongerPeriodKeepsIt) {
  // Pw 56a.2 fixes six months; 0.2 let a policy choose more. Such a stored policy still loads,
  // and unburdening started under it keeps its months; a new policy may not choose more.
  TrajectoryRecord record = test::on_route().record();
  record.policy.unburdening_months = 9;
  Trajectory t = Trajectory::from_record(record);
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  EXPECT_EQ(t.record().unburdening->end_date(), d("2024-10-31"));
  EXPECT_THROW(record.policy.validate(), ValidationError);
  EXPECT_NO_THROW(record.policy.validate_stored());
}

TEST(Unburdening, ExtensionNeedsSoundReasons) {
  Trajectory t = test::on_route();
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  try {
    t.extend_unburdening(UnburdeningExtension{d("2024-07-01"), 3, ""});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "unburdening.extensions[0].reason");
    EXPECT_THAT(e.rule(), HasSubstr("Pw 57"));
  }
  EXPECT_TRUE(t.record().unburdening->extensions.empty());
  t.extend_unburdening(UnburdeningExtension{d("2024-07-01"), 3,
                                            "schulden in beeld, nog geen "
                                            "budgetvaardigheid"});
  EXPECT_EQ(t.record().unburdening->end_date(), d("2024-10-31"));
  EXPECT_EQ(t.record().unburdening->payment_schedule().size(), 36u);
}

TEST(Unburdening, ExtensionIsDecidedBeforeThePeriodEnds) {
  Trajectory t = test::on_route();
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  EXPECT_THROW(t.extend_unburdening(UnburdeningExtension{d("2024-08-01"), 3, "te laat"}),
               RuleViolation);
}

TEST(Unburdening, ItemsAreValidated) {
  Trajectory t = test::on_route();
  auto items = fixed_costs();
  items[1].monthly_amount = Money();
  try {
    t.start_unburdening(d("2024-02-01"), items, true);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "unburdening.items[1].monthly_amount");
  }
  items = fixed_costs();
  items.push_back(items[0]);
  EXPECT_THROW(t.start_unburdening(d("2024-02-01"), items, true), ValidationError);
  items = fixed_costs();
  items[2].payee.clear();
  EXPECT_THROW(t.start_unburdening(d("2024-02-01"), items, true), ValidationError);
  EXPECT_FALSE(t.record().unburdening);
}

TEST(Unburdening, StartsOnce) {
  Trajectory t = test::on_route();
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  EXPECT_THROW(t.start_unburdening(d("2024-03-01"), fixed_costs(), true), RuleViolation);
}

TEST(Unburdening, StoppingEndsThePaymentsEarly) {
  Trajectory t = test::on_route();
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  EXPECT_THROW(t.stop_unburdening(d("2024-01-01")), ValidationError);
  t.stop_unburdening(d("2024-04-15"));
  EXPECT_EQ(t.record().unburdening->end_date(), d("2024-04-15"));
  EXPECT_EQ(t.record().unburdening->payment_schedule().size(), 12u);
  EXPECT_THROW(t.stop_unburdening(d("2024-04-20")), RuleViolation);
  EXPECT_THROW(t.extend_unburdening(UnburdeningExtension{d("2024-04-16"), 1, "x"}), RuleViolation);
}

TEST(Unburdening, BudgetCoachingSessionsAreRecorded) {
  Trajectory t = test::on_route();
  EXPECT_THROW(t.record_coaching_session(CoachingSession{d("2024-03-01"), "budget", true}),
               RuleViolation);
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  t.record_coaching_session(CoachingSession{d("2024-03-01"), "vaste lasten begrijpen", true});
  t.record_coaching_session(CoachingSession{d("2024-04-01"), "toeslagen", false});
  EXPECT_EQ(t.record().unburdening->coaching_sessions.size(), 2u);
}

}  // namespace
}  // namespace inburgering

namespace inburgering {
namespace {

using ::testing::StartsWith;

std::vector<FixedCostItem> without(FixedCostKind kind) {
  std::vector<FixedCostItem> items;
  for (const auto& item : fixed_costs()) {
    if (item.kind != kind) items.push_back(item);
  }
  return items;
}

std::string refused_rule(std::vector<FixedCostItem> items, std::vector<FixedCostNotPaid> not_paid) {
  Trajectory t = test::on_route();
  const TrajectoryRecord before = t.record();
  try {
    t.start_unburdening(d("2024-02-01"), std::move(items), true, std::move(not_paid));
    return "started";
  } catch (const RuleViolation& e) {
    EXPECT_EQ(t.record(), before);
    return e.rule() + ": " + e.what();
  } catch (const ValidationError& e) {
    EXPECT_EQ(t.record(), before);
    return "field " + e.field();
  }
}

TEST(UnburdeningFixedCosts, EachCostOfPw56a2IsPaidOrItsReasonGiven) {
  EXPECT_EQ(refused_rule(fixed_costs(), {}), "started");
  // Any one of them missing is refused, and named.
  for (const auto& [kind, named] : std::vector<std::pair<FixedCostKind, std::string>>{
           {FixedCostKind::kRent, "missing: rent"},
           {FixedCostKind::kEnergy, "missing: gas, electricity"},
           {FixedCostKind::kWater, "missing: water"},
           {FixedCostKind::kHealthInsurance, "missing: health_insurance"}}) {
    const std::string refused = refused_rule(without(kind), {});
    EXPECT_THAT(refused, StartsWith("Pw 56a.2: ")) << named;
    EXPECT_THAT(refused, HasSubstr(named));
  }
  // Gas and electricity apart: each counts on its own.
  auto gas_only = without(FixedCostKind::kEnergy);
  gas_only.push_back(FixedCostItem{FixedCostKind::kGas, "Gasbedrijf", Money::euros(60)});
  EXPECT_THAT(refused_rule(gas_only, {}), HasSubstr("missing: electricity"));
  EXPECT_EQ(refused_rule(gas_only, {FixedCostNotPaid{FixedCostKind::kElectricity,
                                                     "stroom in de servicekosten"}}),
            "started");
  // A reason stands in for an item; energy not paid covers gas and electricity.
  EXPECT_EQ(refused_rule(without(FixedCostKind::kEnergy),
                         {FixedCostNotPaid{FixedCostKind::kEnergy, "in de huur inbegrepen"}}),
            "started");
  EXPECT_EQ(refused_rule({fixed_costs()[0]}, test::not_paid_besides_rent()), "started");
}

TEST(UnburdeningFixedCosts, ACostNotPaidHasItsReasonIsNotAlsoPaidAndIsListedOnce) {
  const auto water = [](std::string reason) {
    return FixedCostNotPaid{FixedCostKind::kWater, std::move(reason)};
  };
  EXPECT_EQ(refused_rule(without(FixedCostKind::kWater), {water("")}),
            "field unburdening.not_paid[0].reason");
  EXPECT_EQ(refused_rule(fixed_costs(), {water("in de huur")}),
            "field unburdening.not_paid[0].kind");
  EXPECT_EQ(refused_rule(without(FixedCostKind::kWater), {water("in de huur"), water("dubbel")}),
            "field unburdening.not_paid[1].kind");
  // Gas paid as part of energy cannot also be not paid, nor energy when gas is paid.
  EXPECT_EQ(refused_rule(fixed_costs(), {FixedCostNotPaid{FixedCostKind::kGas, "geen gas"}}),
            "field unburdening.not_paid[0].kind");
  auto gas_paid = without(FixedCostKind::kEnergy);
  gas_paid.push_back(FixedCostItem{FixedCostKind::kGas, "Gasbedrijf", Money::euros(60)});
  EXPECT_EQ(refused_rule(gas_paid, {FixedCostNotPaid{FixedCostKind::kEnergy, "in de huur"}}),
            "field unburdening.not_paid[0].kind");
}

TEST(UnburdeningFixedCosts, ADecisionRecordedBefore06WithoutReasonsStillLoads) {
  Trajectory t = test::on_route();
  t.start_unburdening(d("2024-02-01"), fixed_costs(), true);
  TrajectoryRecord record = t.record();
  record.unburdening->items.resize(1);  // rent only, as 0.5 accepted
  const Trajectory loaded = Trajectory::from_record(record);
  EXPECT_EQ(
      loaded.record().unburdening->uncovered_fixed_costs(),
      (std::vector<FixedCostKind>{FixedCostKind::kGas, FixedCostKind::kWater,
                                  FixedCostKind::kElectricity, FixedCostKind::kHealthInsurance}));
}

}  // namespace
}  // namespace inburgering
