#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <inburgering/error.hpp>
#include <inburgering/policy.hpp>

#include <functional>
#include <string>
#include <vector>

namespace inburgering {
namespace {

using ::testing::HasSubstr;

TEST(Policy, DefaultsAreTheLegalNumbers) {
  const Policy p;
  EXPECT_EQ(p.minimum_age_years, 16);                    // Wi 3
  EXPECT_EQ(p.term_months, 36);                          // Wi 11.1
  EXPECT_EQ(p.substantial_efforts_extension_months, 6);  // Bi 4.4.1
  EXPECT_EQ(p.extension_request_window_months, 6);       // Bi 4.5
  EXPECT_EQ(p.pip_deadline_weeks, 10);                   // Bi 5.3.1
  EXPECT_EQ(p.pip_third_party_extension_weeks, 2);       // Bi 5.3.2
  EXPECT_EQ(p.route_switch_window_months, 18);           // Wi 17.2; Bi 5.4
  EXPECT_EQ(p.pvt_min_hours, 12);                        // Bi 3.1
  EXPECT_EQ(p.scale_down_min_course_hours, 600);         // Bi 5.5
  EXPECT_EQ(p.z_route_course_hours, 800);                // Bi 3.14
  EXPECT_EQ(p.z_route_participation_hours, 800);         // Bi 3.14
  EXPECT_EQ(p.learnability_pass_mark, 28);               // since 12-04-2023
  EXPECT_EQ(p.learnability_max_score, 40);
  EXPECT_EQ(p.unburdening_months, 6);                            // Pw 56a
  EXPECT_EQ(p.intake_fine, Money::euros(250));                   // Bi 7.1.1
  EXPECT_EQ(p.cooperation_fine_base, Money::euros(50));          // Bi 7.1.2
  EXPECT_EQ(p.cooperation_fine_max, Money::euros(800));          // Bi 7.1.3
  EXPECT_EQ(p.culpability_gross_negligence_percent, 75);         // Bi 7.1.4
  EXPECT_EQ(p.municipal_fine_cap_per_term, Money::euros(2400));  // Bi 7.1.5
  EXPECT_EQ(p.duo_pvt_map_fine, Money::euros(340));              // Wi 24
  EXPECT_EQ(p.duo_route_fine_max, Money::euros(1000));           // Wi 26
  EXPECT_EQ(p.retention_years, 5);                               // Bi 9.9
  EXPECT_NO_THROW(p.validate());
}

TEST(Policy, UnburdeningIsSixMonthsNotAMunicipalChoice) {
  Policy p;
  p.unburdening_months = 7;  // Longer only per person, for sound reasons (Pw 57).
  EXPECT_THROW(p.validate(), ValidationError);
  EXPECT_NO_THROW(p.validate_stored());  // What 0.2 accepted still loads.
}

TEST(Policy, RefusesShorterUnburdeningThanTheLaw) {
  Policy p;
  p.unburdening_months = 5;
  try {
    p.validate();
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "policy.unburdening_months");
    EXPECT_EQ(e.value(), "5");
  }
}

TEST(Policy, RefusesInconsistentNumbers) {
  auto refuses = [](auto change, const char* field) {
    Policy p;
    change(p);
    try {
      p.validate();
      ADD_FAILURE() << field;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), field);
    }
  };
  refuses([](Policy& p) { p.learnability_pass_mark = 41; }, "policy.learnability_pass_mark");
  refuses([](Policy& p) { p.term_months = 0; }, "policy.term_months");
  refuses([](Policy& p) { p.min_progress_interviews = 0; }, "policy.min_progress_interviews");
  refuses([](Policy& p) { p.culpability_reduced_percent = 120; },
          "policy.culpability_reduced_percent");
  refuses([](Policy& p) { p.cooperation_fine_max = Money::euros(10); },
          "policy.cooperation_fine_max");
  refuses([](Policy& p) { p.intake_fine = Money(); }, "policy.intake_fine");
  refuses([](Policy& p) { p.substantial_efforts_min_language_parts = 5; },
          "policy.substantial_efforts_min_language_parts");
  refuses([](Policy& p) { p.intake_fine = Money::cents(250'01); }, "policy.intake_fine");
  refuses([](Policy& p) { p.cooperation_fine_max = Money::cents(800'01); },
          "policy.cooperation_fine_max");
  refuses([](Policy& p) { p.duo_pvt_map_fine = Money::cents(340'01); }, "policy.duo_pvt_map_fine");
  refuses([](Policy& p) { p.duo_route_fine_max = Money::cents(1000'01); },
          "policy.duo_route_fine_max");
  refuses([](Policy& p) { p.intake_fine_new_term_months = 3; },
          "policy.intake_fine_new_term_months");
  refuses([](Policy& p) { p.intake_fine_new_term_months = 0; },
          "policy.intake_fine_new_term_months");
  refuses([](Policy& p) { p.extension_decision_weeks = 0; }, "policy.extension_decision_weeks");
}

// Every statutory number holds its legal value: one more or one less is refused, naming the
// field and the article; the municipal choices stay free.
TEST(Policy, EveryStatutoryNumberIsTheLaws) {
  struct Case {
    const char* field;
    const char* article;
    std::function<void(Policy&, int)> add;
  };
  const std::vector<Case> cases = {
      {"minimum_age_years", "Wi 3.1", [](Policy& p, int k) { p.minimum_age_years += k; }},
      {"term_months", "Wi 11.1", [](Policy& p, int k) { p.term_months += k; }},
      {"substantial_efforts_extension_months", "Bi 4.4.1",
       [](Policy& p, int k) { p.substantial_efforts_extension_months += k; }},
      {"extension_request_window_months", "Bi 4.5.1-2",
       [](Policy& p, int k) { p.extension_request_window_months += k; }},
      {"extension_decision_weeks", "Bi 4.5.1",
       [](Policy& p, int k) { p.extension_decision_weeks += k; }},
      {"max_interruption_days", "Bi 2.1.2, 4.2",
       [](Policy& p, int k) { p.max_interruption_days += k; }},
      {"substantial_efforts_min_language_parts", "Bi 4.4.2",
       [](Policy& p, int k) { p.substantial_efforts_min_language_parts += k; }},
      {"substantial_efforts_family_migrant_hours", "Bi 4.4.3",
       [](Policy& p, int k) { p.substantial_efforts_family_migrant_hours += k; }},
      {"intake_invitations_before_absent_completion", "Wi 14.2",
       [](Policy& p, int k) { p.intake_invitations_before_absent_completion += k; }},
      {"pip_deadline_weeks", "Bi 5.3.1, 5.3.3",
       [](Policy& p, int k) { p.pip_deadline_weeks += k; }},
      {"pip_third_party_extension_weeks", "Bi 5.3.2",
       [](Policy& p, int k) { p.pip_third_party_extension_weeks += k; }},
      {"route_switch_window_months", "Bi 5.4.1",
       [](Policy& p, int k) { p.route_switch_window_months += k; }},
      {"pvt_min_hours", "Bi 3.1.3", [](Policy& p, int k) { p.pvt_min_hours += k; }},
      {"scale_down_min_course_hours", "Bi 5.5.1",
       [](Policy& p, int k) { p.scale_down_min_course_hours += k; }},
      {"z_route_course_hours", "Bi 3.14.2.a",
       [](Policy& p, int k) { p.z_route_course_hours += k; }},
      {"z_route_participation_hours", "Bi 3.14.2.b",
       [](Policy& p, int k) { p.z_route_participation_hours += k; }},
      {"cooperation_fine_repeat_months", "Bi 7.1.3",
       [](Policy& p, int k) { p.cooperation_fine_repeat_months += k; }},
      {"culpability_intent_percent", "Bi 7.1.4",
       [](Policy& p, int k) { p.culpability_intent_percent -= k * k; }},
      {"culpability_gross_negligence_percent", "Bi 7.1.4",
       [](Policy& p, int k) { p.culpability_gross_negligence_percent += k; }},
      {"culpability_ordinary_percent", "Bi 7.1.4",
       [](Policy& p, int k) { p.culpability_ordinary_percent += k; }},
      {"culpability_reduced_percent", "Bi 7.1.4",
       [](Policy& p, int k) { p.culpability_reduced_percent += k; }},
      {"retention_years", "Bi 9.9", [](Policy& p, int k) { p.retention_years += k; }},
      {"intake_fine_max_count", "Wi 22.1, 22.3",
       [](Policy& p, int k) { p.intake_fine_max_count += k; }},
      {"intake_fine_new_term_months", "Wi 22.2",
       [](Policy& p, int k) { p.intake_fine_new_term_months += k; }},
      {"cooperation_fine_max", "Bi 7.1.3",
       [](Policy& p, int k) { p.cooperation_fine_max -= Money::cents(k * k); }},
      {"cooperation_fine_base", "Bi 7.1.2",
       [](Policy& p, int k) { p.cooperation_fine_base += Money::cents(k); }},
      {"municipal_fine_cap_per_term", "Bi 7.1.5",
       [](Policy& p, int k) { p.municipal_fine_cap_per_term += Money::cents(k); }},
      {"municipal_fine_cap_per_new_term_half_year", "Bi 7.1.5.a-d",
       [](Policy& p, int k) { p.municipal_fine_cap_per_new_term_half_year += Money::cents(k); }},
      {"intake_fine", "Bi 7.1.1", [](Policy& p, int k) { p.intake_fine -= Money::cents(k * k); }},
      {"duo_pvt_map_fine", "Bi 7.2.1",
       [](Policy& p, int k) { p.duo_pvt_map_fine -= Money::cents(k * k); }},
      {"duo_route_fine_max", "Wi 26.1.d",
       [](Policy& p, int k) { p.duo_route_fine_max -= Money::cents(k * k); }},
  };
  for (const Case& c : cases) {
    for (int k : {-1, 1}) {
      Policy p;
      c.add(p, k);
      try {
        p.validate();
        ADD_FAILURE() << c.field << " " << k;
      } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), std::string("policy.") + c.field);
        EXPECT_THAT(e.rule(), HasSubstr(c.article)) << c.field;
      }
      EXPECT_NO_THROW(p.validate_stored()) << c.field;  // an older version's policy loads
    }
  }
  Policy municipal;
  municipal.min_progress_interviews = 4;
  municipal.learnability_pass_mark = 31;
  municipal.map_min_hours = 64;
  municipal.no_hours_signal_weeks = 6;
  EXPECT_NO_THROW(municipal.validate());
}

}  // namespace
}  // namespace inburgering
