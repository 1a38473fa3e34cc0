#pragma once
// Test builders (as leveldb's util/testutil.h): realistic participants and trajectories in
// every state, so each test states only what it is about.

#include <inburgering/inburgering.hpp>

#include "support/printers.hpp"

#include <string>

namespace inburgering::test {

/// A date from ISO text.
inline Date d(const char* iso) { return parse_date(iso); }

/// Valid BSNs (they pass the eleven-test).
inline constexpr const char* kBsn1 = "111222333";
inline constexpr const char* kBsn2 = "123456782";

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

inline Trajectory registered(Participant participant = asylum_holder(), Policy policy = {}) {
  return Trajectory::open(TrajectoryId(7), utrecht(), UserId("km-jansen"), std::move(participant),
                          notified_obligation(), d("2024-01-15"), std::move(policy));
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

/// On its route: first PIP issued 2024-03-01, so the term runs 2024-03-02 .. 2027-03-01.
inline Trajectory on_route(Route route = Route::kB1, Participant participant = asylum_holder(),
                           Policy policy = {}) {
  Trajectory t = planning(std::move(participant), 32, std::move(policy));
  t.issue_first_plan(d("2024-03-01"), content(route));
  return t;
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

}  // namespace inburgering::test
