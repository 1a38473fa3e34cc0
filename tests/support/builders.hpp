#pragma once
// Test builders (as leveldb's util/testutil.h): realistic participants and trajectories in
// every state, so each test states only what it is about.

#include <inburgering/inburgering.hpp>

#include "support/printers.hpp"

#include <cstdio>
#include <string>
#include <string_view>

namespace inburgering::test {

/// A date from ISO text.
inline Date d(const char* iso) { return parse_date(iso); }

/// Valid BSNs (they pass the eleven-test).
inline constexpr const char* kBsn1 = "111222333";
inline constexpr const char* kBsn2 = "123456782";

/// The n-th valid BSN (n < 10^7): eight digits from n, then the check digit of the eleven-test.
inline Bsn bsn_for(int n) {
  for (int candidate = n * 10;; ++candidate) {
    char digits[10];
    std::snprintf(digits, sizeof digits, "%08d", candidate % 100000000);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[i] - '0');
    const int check = sum % 11;
    if (check == 10) continue;
    digits[8] = static_cast<char>('0' + check);
    digits[9] = '\0';
    if (Bsn::is_valid(std::string_view(digits, 9))) return Bsn(std::string_view(digits, 9));
  }
}

inline MunicipalityCode utrecht() { return MunicipalityCode("0344"); }
inline MunicipalityCode amersfoort() { return MunicipalityCode("0307"); }

inline Participant asylum_holder() {
  return Participant{.id = ParticipantId(1),
                     .bsn = Bsn(kBsn1),
                     .given_names = "Amal",
                     .family_name = "Haddad",
                     .birth_date = d("1990-05-17"),
                     .target_group = TargetGroup::kAsylumPermitHolder,
                     .permit = ResidencePermit::kTemporaryAsylum};
}

inline Participant family_migrant() {
  return Participant{.id = ParticipantId(2),
                     .bsn = Bsn(kBsn2),
                     .given_names = "Li",
                     .family_name = "Wei",
                     .birth_date = d("1995-11-30"),
                     .target_group = TargetGroup::kFamilyMigrant,
                     .permit = ResidencePermit::kRegular};
}

/// DUO notice 2024-01-08, BRP registration 2024-01-15: the first PIP is due 2024-03-25.
inline Obligation notified_obligation() {
  Obligation obligation;
  obligation.duo_notice_date = d("2024-01-08");
  obligation.brp_registration_date = d("2024-01-15");
  return obligation;
}

/// Registered on the day of the BRP registration; a person of Wi 13.1 has their social guidance
/// begun that day (Wi 13.3), so only tests about it see `kSocialGuidanceDue`.
inline Trajectory registered(Participant participant = asylum_holder(), Policy policy = {}) {
  const bool guided = college_provides_guidance(participant.target_group);
  Trajectory t =
      Trajectory::open(TrajectoryId(7), utrecht(), UserId("km-jansen"), std::move(participant),
                       notified_obligation(), d("2024-01-15"), std::move(policy));
  if (guided) t.start_social_guidance(d("2024-01-15"));
  return t;
}

inline TopicRecord noted(const char* iso, std::string notes = "besproken") {
  return TopicRecord{std::move(notes), d(iso), false};
}

/// Records every required topic, the test (score), and the Bi 5.2.2 notice.
inline void fill_intake(Trajectory& t, int score = 32) {
  for (IntakeTopic topic : all_intake_topics()) {
    if (!is_required(topic)) continue;
    if (topic == IntakeTopic::kEarlyChildhoodEducation && !t.participant().has_young_children) {
      continue;
    }
    t.record_intake_topic(topic, noted("2024-01-25"));
  }
  t.record_learnability_test(LearnabilityTest{d("2024-01-24"), score, std::nullopt});
  t.record_informed_may_attend_alone();
}

inline Trajectory planning(Participant participant = asylum_holder(), int score = 32,
                           Policy policy = {}) {
  Trajectory t = registered(std::move(participant), std::move(policy));
  t.invite_to_intake(d("2024-01-16"), d("2024-01-26"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  fill_intake(t, score);
  t.complete_intake(d("2024-02-01"));
  return t;
}

inline PlanContent content(Route route = Route::kB1) {
  PlanContent c;
  c.route = route;
  c.route_intensity_hours_per_week = 12;
  c.support = "klantmanager en taalmaatje";
  c.pvt_hours = 12;
  c.map_hours = route == Route::kEducation ? 0 : 40;
  c.progress_interview_count = 6;
  c.goals = {"B1 halen", "werk in de zorg"};
  c.activities = {PlanActivity{ActivityKind::kLanguageCourse, "NT2-cursus B1", "Taalschool Utrecht",
                               d("2024-03-04"), std::nullopt, 12}};
  return c;
}

/// On its route: first PIP issued 2024-03-01, so the term runs 2024-03-02 .. 2027-03-01. A
/// person of Wi 13.1 is offered a course the same day (Wi 16.1).
inline Trajectory on_route(Route route = Route::kB1, Participant participant = asylum_holder(),
                           Policy policy = {}) {
  Trajectory t = planning(std::move(participant), 32, std::move(policy));
  if (route == Route::kEducation) t.record_education_wish();  // Wi 8.1
  t.issue_first_plan(d("2024-03-01"), content(route));
  if (college_provides_guidance(t.participant().target_group)) {
    t.record_course_offer(CourseOffer{d("2024-03-01"), route, "Taalschool Utrecht"});
  }
  return t;
}

/// The fixed costs of Pw 56a.2 besides the rent, not paid by the college, with a reason each.
inline std::vector<FixedCostNotPaid> not_paid_besides_rent() {
  return {FixedCostNotPaid{FixedCostKind::kEnergy, "gas en stroom in de servicekosten"},
          FixedCostNotPaid{FixedCostKind::kWater, "water in de servicekosten"},
          FixedCostNotPaid{FixedCostKind::kHealthInsurance, "premie betaald door de partner"}};
}

inline AttendanceEntry hours(HourKind kind, const char* iso, int hours_count) {
  return AttendanceEntry{d(iso), kind, hours_count * 60, "Taalschool Utrecht"};
}

/// Records `total` hours of `kind` as entries of at most 24 hours each, ending on `last`.
inline void attend(Trajectory& t, HourKind kind, int total, const char* last = "2024-06-01") {
  Date day = d(last);
  while (total > 0) {
    const int chunk = total > 24 ? 24 : total;
    t.record_attendance(AttendanceEntry{day, kind, chunk * 60, "Taalschool Utrecht"});
    total -= chunk;
    day -= boost::gregorian::days(1);
  }
}

inline ExamResult passed(ExamPart part, LanguageLevel level, const char* iso = "2025-06-01") {
  return ExamResult{part, level, d(iso), true};
}

/// Completed on the B1-route on 2025-10-15; exam results 0-4 are the five parts passed at B1 on
/// 2025-05-20 (reading, listening, writing, speaking, KNM).
inline Trajectory completed() {
  Trajectory t = on_route(Route::kB1);
  attend(t, HourKind::kPvt, 12, "2024-05-01");
  t.record_pvt_statement_signed(d("2024-05-02"));
  for (ExamPart part : {ExamPart::kReading, ExamPart::kListening, ExamPart::kWriting,
                        ExamPart::kSpeaking, ExamPart::kKnm}) {
    t.record_exam_result(passed(part, LanguageLevel::kB1, "2025-05-20"));
  }
  attend(t, HourKind::kMap, 40, "2025-10-01");
  t.record_map_final_interview(d("2025-10-02"));
  t.complete(d("2025-10-15"));
  return t;
}

/// A copy of `t` under another id (so one test can store several).
inline Trajectory renumber(const Trajectory& t, std::int64_t id) {
  TrajectoryRecord r = t.record();
  r.id = TrajectoryId(id);
  return Trajectory::from_record(r);
}

/// A trajectory in which every field of the record holds a value (for round trips): partial
/// exemption and dispensation, third-party information, a health topic, VVE not applicable, two
/// PIP versions with activities, exam results, attendance, interviews, an extension and an
/// interruption, unburdening with extension and coaching, municipal and DUO fines, the social
/// guidance, a course offer and a decided residence procedure.
inline Trajectory rich_trajectory(TrajectoryId id = TrajectoryId(7)) {
  Participant person = asylum_holder();
  person.has_young_children = true;
  Obligation obligation = notified_obligation();
  obligation.third_party_info_requested_on = d("2024-01-20");
  obligation.third_party_info_received_on = d("2024-01-30");
  Trajectory t =
      Trajectory::open(id, utrecht(), UserId("km-jansen"), person, obligation, d("2024-01-15"));
  t.invite_to_intake(d("2024-01-16"), d("2024-01-18"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.invite_to_intake(d("2024-01-19"), d("2024-01-22"));  // With the written warning (Wi 14.1).
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.impose_intake_fine(
      IntakeFineDecision{.imposed_on = d("2024-01-23"), .new_term_until = d("2024-03-22")});
  t.record_fine_contested(0, d("2024-02-01"));
  t.record_fine_irrevocable(0, d("2024-03-10"));
  t.invite_to_intake(d("2024-01-24"), d("2024-02-05"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  fill_intake(t, 30);
  t.record_intake_topic(IntakeTopic::kHealth,
                        noted("2024-01-25", "rugklachten; PTSS in behandeling"));
  t.record_intake_topic(IntakeTopic::kEarlyChildhoodEducation,
                        TopicRecord{"", d("2024-01-25"), true});
  t.record_intake_topic(IntakeTopic::kFinances, noted("2024-01-26", "schuld bij DUO"));
  t.complete_intake(d("2024-02-06"));
  t.record_exemption(
      Exemption{ExemptionGround::kExamPartsShown, d("2024-02-07"), {ExamPart::kKnm}});
  t.record_dispensation(Dispensation{DispensationGround::kMedical,
                                     d("2024-02-08"),
                                     {ExamPart::kSpeaking},
                                     "advies college 2024-02-01"});
  t.start_unburdening(d("2024-02-01"),
                      {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::cents(64550)},
                       FixedCostItem{FixedCostKind::kWater, "Waterbedrijf", Money::euros(24)}},
                      true,
                      {FixedCostNotPaid{FixedCostKind::kEnergy, "gas en stroom in de huur"},
                       FixedCostNotPaid{FixedCostKind::kHealthInsurance,
                                        "collectieve verzekering, premie al ingehouden"}});
  PlanContent plan = content(Route::kB1);
  plan.vve_agreements = "peuterspeelzaal 2 dagdelen";
  plan.unburdening_attached = true;
  plan.activities.push_back(PlanActivity{ActivityKind::kWork, "proefplaatsing apotheek",
                                         "Apotheek Centrum", d("2024-09-01"), d("2024-12-01"), 8});
  t.issue_first_plan(d("2024-03-20"), plan);
  t.start_social_guidance(d("2024-01-15"));
  t.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp, d("2024-01-16"));
  t.record_course_offer(CourseOffer{d("2024-03-20"), Route::kB1, "Taalschool Utrecht"});
  t.record_residence_procedure(ResidenceProcedureKind::kApplication, d("2024-06-01"));
  t.record_residence_decision(d("2024-08-01"), true);
  attend(t, HourKind::kPvt, 12, "2024-04-30");
  t.record_pvt_statement_signed(d("2024-05-01"));
  attend(t, HourKind::kLanguageCourse, 610, "2025-03-01");
  t.record_exam_result(passed(ExamPart::kReading, LanguageLevel::kB1, "2025-01-10"));
  t.record_exam_result(ExamResult{ExamPart::kWriting, LanguageLevel::kB1, d("2025-01-11"), false});
  t.record_progress_interview(d("2024-08-01"), ProgressAssessment::kBehind, "meer oefenen");
  t.scale_down_to_a2(d("2025-03-10"), {ExamPart::kWriting}, "schrijven blijft op A2");
  t.extend_unburdening(UnburdeningExtension{d("2024-07-01"), 2, "budget nog niet op orde"});
  t.record_coaching_session(CoachingSession{d("2024-03-05"), "vaste lasten", true});
  t.impose_cooperation_fine(CooperationFineDecision{.established_on = d("2025-03-25"),
                                                    .imposed_on = d("2025-04-01"),
                                                    .culpability = Culpability::kGrossNegligence});
  t.record_interruption(Interruption{d("2025-05-01"), d("2025-05-20"), "tijdelijk geen BRP"});
  t.record_extension(Extension{ExtensionGround::kNotCulpable, d("2026-12-01"), 4});
  // The term (with the extension and interruption) ran out on 2027-08-09: DUO fines for the
  // MAP (Wi 24.1) and sets a new term from the day after the decision was made known (Wi 24.2).
  t.record_duo_fine(DuoFine{DuoFineKind::kPvtMapNotInTime, d("2027-08-20"), Money::euros(340), 24,
                            d("2027-08-23")});
  return t;
}

}  // namespace inburgering::test
