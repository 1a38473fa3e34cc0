#include "inburgering/route/route_rules.hpp"

#include <algorithm>
#include <string>

#include "detail/text.hpp"
#include "inburgering/error.hpp"
#include "inburgering/participant/obligation.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {
namespace {

// KNM has no CEFR level: any pass counts.
bool knm_passed(const std::vector<ExamResult>& results) {
  return passed_at_least(results, ExamPart::kKnm, LanguageLevel::kA0);
}

void require_facts(const RouteFacts& facts) {
  if (facts.obligation == nullptr || facts.exam_results == nullptr || facts.attendance == nullptr ||
      facts.components == nullptr) {
    throw ValidationError("route_facts", "every pointer must be set", "null");
  }
}

Requirement hours_requirement(std::string code, std::string what, long minutes, int hours,
                              std::string article) {
  return Requirement{std::move(code),
                     what + ": at least " + std::to_string(hours) + " hours (" +
                         detail::hours_text(minutes) + " attended)",
                     std::move(article), minutes >= static_cast<long>(hours) * 60};
}

Requirement pvt_requirement(const RouteFacts& facts, const Policy& policy) {
  const bool signed_statement = facts.components->pvt_statement_signed_on.has_value();
  return Requirement{"pvt",
                     "PVT completed: at least " + std::to_string(policy.pvt_min_hours) +
                         " hours and the participation statement signed",
                     "Wi 6.4; Bi 3.1", signed_statement};
}

Requirement map_requirement(const RouteFacts& facts) {
  return Requirement{"map", "MAP completed with the final interview with the college",
                     "Wi 6.6; Bi 3.2", facts.components->map_final_interview_on.has_value()};
}

// The level the PIP sets for a language part: A2 where scaled down, else B1.
LanguageLevel plan_level(const RouteFacts& facts, ExamPart part) {
  return facts.scaled_down_parts.count(part) != 0 ? LanguageLevel::kA2 : LanguageLevel::kB1;
}

// The four language parts at B1 (A2 where scaled down) and KNM, one requirement each.
// (Only a B1-route PIP scales parts down, so the education route's fallback is at B1.)
void add_exam_parts(const RouteFacts& facts, std::vector<Requirement>& out) {
  for (ExamPart part : kLanguageParts) {
    const LanguageLevel level = plan_level(facts, part);
    const bool scaled = level == LanguageLevel::kA2;
    const bool lifted = facts.obligation->part_lifted(part);
    out.push_back(Requirement{"b1." + std::string(to_string(part)),
                              std::string(to_string(part)) + " passed at " +
                                  std::string(to_string(level)) +
                                  (lifted ? " (lifted by exemption or dispensation)" : ""),
                              scaled ? "Wi 7; Wi 17.3; Bi 5.5" : "Wi 7.1",
                              lifted || passed_at_least(*facts.exam_results, part, level)});
  }
  const bool knm_lifted = facts.obligation->part_lifted(ExamPart::kKnm);
  out.push_back(Requirement{
      "b1.knm",
      std::string("KNM passed") + (knm_lifted ? " (lifted by exemption or dispensation)" : ""),
      "Wi 7.1; Bi 3.3-3.5", knm_lifted || knm_passed(*facts.exam_results)});
}

}  // namespace

bool RequirementReport::all_met() const {
  return std::all_of(requirements.begin(), requirements.end(),
                     [](const Requirement& r) { return r.met; });
}

std::vector<Requirement> RequirementReport::missing() const {
  std::vector<Requirement> out;
  std::copy_if(requirements.begin(), requirements.end(), std::back_inserter(out),
               [](const Requirement& r) { return !r.met; });
  return out;
}

bool passed_at_least(const std::vector<ExamResult>& results, ExamPart part, LanguageLevel level) {
  return std::any_of(results.begin(), results.end(), [&](const ExamResult& r) {
    // A result DUO declared invalid counts for nothing (Bi 3.10.2).
    return r.passed && !r.invalidated_on && r.part == part && r.level >= level;
  });
}

namespace {

// Within the broad intake: from its first day to its completion, or, with no completion on
// record, to the day before the first PIP (or without end while there is none).
bool in_intake_window(const RouteFacts& facts, Date on) {
  if (!facts.intake_started_on || on < *facts.intake_started_on) return false;
  if (facts.intake_completed_on) return on <= *facts.intake_completed_on;
  return !facts.first_plan_issued_on || on < *facts.first_plan_issued_on;
}

template <class Counts>
long sum_minutes(const RouteFacts& facts, const std::set<HourKind>& kinds, Counts counts) {
  if (facts.attendance == nullptr) {
    throw ValidationError("route_facts.attendance", "must be set", "null");
  }
  long total = 0;
  for (const auto& entry : *facts.attendance) {
    if (kinds.count(entry.kind) != 0 && counts(entry.attended_on)) total += entry.minutes;
  }
  return total;
}

}  // namespace

long minutes_with_intake(const RouteFacts& facts, std::set<HourKind> kinds) {
  return sum_minutes(facts, kinds, [&](Date on) {
    return (facts.first_plan_issued_on && on >= *facts.first_plan_issued_on) ||
           in_intake_window(facts, on);
  });
}

long minutes_in_intake(const RouteFacts& facts, std::set<HourKind> kinds) {
  return sum_minutes(facts, kinds, [&](Date on) { return in_intake_window(facts, on); });
}

long minutes_attended(const std::vector<AttendanceEntry>& attendance, std::set<HourKind> kinds,
                      std::optional<Date> from) {
  long total = 0;
  for (const auto& entry : attendance) {
    if (kinds.count(entry.kind) == 0) continue;
    if (from && entry.attended_on < *from) continue;
    total += entry.minutes;
  }
  return total;
}

RequirementReport completion_requirements(const RouteFacts& facts, const Policy& policy) {
  require_facts(facts);
  RequirementReport report;
  auto& out = report.requirements;
  out.push_back(pvt_requirement(facts, policy));
  // Wi 8.3: no MAP for whoever follows or has completed the language bridging course, also
  // after a switch from the education route to the B1-route.
  if (facts.route != Route::kEducation && !facts.components->bridging_course_completed_on) {
    out.push_back(map_requirement(facts));
  }

  switch (facts.route) {
    case Route::kB1:
      add_exam_parts(facts, out);
      break;
    case Route::kEducation: {
      const bool bridging = facts.components->bridging_course_completed_on.has_value();
      std::vector<Requirement> fallback;
      add_exam_parts(facts, fallback);
      const bool fallback_met =
          std::all_of(fallback.begin(), fallback.end(), [](const Requirement& r) { return r.met; });
      out.push_back(Requirement{"education.bridging_course",
                                "language bridging course (taalschakeltraject) completed, or else "
                                "all four language parts at B1 and KNM passed",
                                "Wi 8; Wi 8.4", bridging || fallback_met});
      break;
    }
    case Route::kZ: {
      // Hours from the broad intake on count for the Z-route (Bi 3.14.6), bridging-course hours
      // too after a switch from the education route (Bi 5.4.4.c).
      // School lessons in Dutch and KNM count from two years before the first PIP (Bi 3.14.9-10);
      // activities of the social guidance whenever they took place (Bi 3.14.6).
      const std::optional<Date> school_from =
          facts.first_plan_issued_on
              ? std::optional(add_months(*facts.first_plan_issued_on, -kSchoolHoursMonthsBeforePip))
              : std::nullopt;
      const long course =
          minutes_with_intake(facts, {HourKind::kLanguageCourse, HourKind::kKnmCourse,
                                      HourKind::kLanguageBridging}) +
          (school_from
               ? minutes_attended(*facts.attendance, {HourKind::kSchoolLanguage}, school_from)
               : 0);
      out.push_back(hours_requirement("z.course_hours", "Z-route course hours (NT2 and KNM)",
                                      course, policy.z_route_course_hours, "Bi 3.14.2.a, 3.14.9"));
      if (facts.target_group == TargetGroup::kAsylumPermitHolder &&
          facts.obligation->z_route_participation_lifted()) {
        // Bi 2.7.3.c: dispensed, except the PVT and the MAP, which are required on their own.
        out.push_back(Requirement{"z.participation_hours",
                                  "Z-route participation hours: dispensed (PVT and MAP stay due)",
                                  "Bi 2.7.3.c", true});
      } else if (facts.target_group == TargetGroup::kAsylumPermitHolder) {
        const long participation =
            minutes_with_intake(facts, {HourKind::kParticipation, HourKind::kMap, HourKind::kPvt}) +
            minutes_attended(*facts.attendance, {HourKind::kSocialGuidance}, std::nullopt);
        out.push_back(hours_requirement(
            "z.participation_hours", "Z-route participation hours (MAP and PVT hours included)",
            participation, policy.z_route_participation_hours, "Bi 3.14.2.b, 3.14.5-6"));
      }
      out.push_back(Requirement{"z.final_interview", "final interview with the college", "Bi 3.14",
                                facts.components->z_route_final_interview_on.has_value()});
      break;
    }
  }
  return report;
}

RequirementReport substantial_efforts_requirements(const RouteFacts& facts, const Policy& policy) {
  require_facts(facts);
  RequirementReport report;
  auto& out = report.requirements;
  out.push_back(Requirement{"efforts.b1_route", "follows the B1-route", "Bi 4.4.2",
                            facts.route == Route::kB1});
  // A part counts only when passed at the level the PIP sets for it: B1, or A2 where scaled
  // down (Bi 4.4.2.a, c: "op het niveau dat is vastgelegd in het [PIP], maar ten minste A2").
  const auto passed_parts =
      std::count_if(kLanguageParts.begin(), kLanguageParts.end(), [&](ExamPart part) {
        return passed_at_least(*facts.exam_results, part, plan_level(facts, part));
      });
  out.push_back(
      Requirement{"efforts.language_parts",
                  "at least " + std::to_string(policy.substantial_efforts_min_language_parts) +
                      " of 4 language exams passed at the level of the PIP (" +
                      std::to_string(passed_parts) + " passed)",
                  "Bi 4.4.2.a, c", passed_parts >= policy.substantial_efforts_min_language_parts});
  out.push_back(
      Requirement{"efforts.knm", "KNM passed", "Bi 4.4.2", knm_passed(*facts.exam_results)});
  out.push_back(pvt_requirement(facts, policy));
  out.push_back(map_requirement(facts));
  if (facts.target_group == TargetGroup::kFamilyMigrant ||
      facts.target_group == TargetGroup::kOtherMigrant) {
    // Bi 4.4.3: "gezinsmigranten en overige migranten". Only lessons after the PIP count here:
    // Bi 4.4.3 makes no exception to Bi 5.3.5.
    const long minutes =
        minutes_attended(*facts.attendance, {HourKind::kLanguageCourse, HourKind::kKnmCourse},
                         facts.first_plan_issued_on);
    out.push_back(hours_requirement("efforts.course_hours", "course hours attended after the PIP",
                                    minutes, policy.substantial_efforts_family_migrant_hours,
                                    "Bi 4.4.3"));
  }
  return report;
}

Date route_switch_deadline(Date term_start, const Policy& policy) {
  if (policy.route_switch_window_months == 0) return term_start - boost::gregorian::days(1);
  return last_day_of_period(term_start, policy.route_switch_window_months);
}

void check_route_switch(Route from, Route to, Date term_start, Date on, const Policy& policy) {
  if (from == to) {
    throw RuleViolation("Wi 17.2", "the route is already " + std::string(to_string(to)));
  }
  if (from == Route::kEducation && to == Route::kB1) return;  // Any time (Bi 5.4).
  const Date deadline = route_switch_deadline(term_start, policy);
  if (on > deadline) {
    throw RuleViolation("Wi 17.2; Bi 5.4",
                        "a route switch is possible until " + to_iso(deadline) + " (" +
                            std::to_string(policy.route_switch_window_months) +
                            " months after the term started on " + to_iso(term_start) +
                            "); requested on " + to_iso(on));
  }
}

void check_scale_down(const RouteFacts& facts, const std::set<ExamPart>& parts,
                      const Policy& policy) {
  require_facts(facts);
  if (facts.route != Route::kB1) {
    throw RuleViolation("Wi 17.3",
                        "only parts of the B1-route can be scaled down to A2; route is " +
                            std::string(to_string(facts.route)));
  }
  if (parts.empty()) throw RuleViolation("Wi 17.3", "no exam part to scale down was named");
  for (ExamPart part : parts) {
    if (!is_language_part(part)) {
      throw RuleViolation("Wi 17.3",
                          "only the oral and written language skills can be examined "
                          "at A2; " +
                              std::string(to_string(part)) + " cannot");
    }
    if (facts.scaled_down_parts.count(part) != 0) {
      throw RuleViolation("Wi 17.3",
                          std::string(to_string(part)) + " is already scaled down to A2");
    }
  }
  // NT2 hours at a keurmerk provider or at an institution of Wi 8.2 (the bridging course) count
  // (Bi 5.5.1), from the broad intake on (Bi 5.5.2 with 5.3.5).
  const long minutes =
      minutes_with_intake(facts, {HourKind::kLanguageCourse, HourKind::kLanguageBridging});
  if (minutes < static_cast<long>(policy.scale_down_min_course_hours) * 60) {
    throw RuleViolation("Wi 17.3; Bi 5.5.1-2",
                        "scaling down to A2 requires at least " +
                            std::to_string(policy.scale_down_min_course_hours) +
                            " NT2 course hours in the broad intake and from the PIP on; " +
                            detail::hours_text(minutes) + " attended");
  }
}

}  // namespace inburgering
