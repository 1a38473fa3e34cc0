#pragma once
/// @file route.hpp
/// The three learning routes (leerroutes; Wi 6.1) and the progress records they are judged by:
/// exam results, attendance hours, and the PVT and MAP components.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/route/exam_part.hpp"

namespace inburgering {

/// Leerroute (Wi 6.1): one of the three, besides the PVT and (except the education route) MAP.
enum class Route {
  /// B1-route (Wi 7): four language parts at B1 and KNM; language parts may be scaled down to
  /// A2 after substantial efforts, among them 600 NT2 course hours (Wi 17.3; Bi 5.5).
  kB1,
  /// Onderwijsroute (Wi 8): the language bridging course (taalschakeltraject) towards mbo, hbo
  /// or wo. No MAP. If not completed, B1 + KNM passed counts as the exam (Wi 8.4).
  kEducation,
  /// Z-route, the self-reliance route (Wi 9; Bi 3.14): course and participation hours and a
  /// final interview with the college. Ends with a certificate, not a diploma.
  kZ,
};

INBURGERING_ENUM_TEXT(Route);

/// A result of one exam attempt (DUO provides these to the college; Bi 9.2.5.a). Passing at a level
/// implies every lower level.
struct INBURGERING_EXPORT ExamResult {
  ExamPart part = ExamPart::kReading;
  LanguageLevel level = LanguageLevel::kB1;
  Date taken_on;
  bool passed = false;
  /// The day DUO declared the result invalid (ongeldig verklaard, Bi 3.10.2): from then it
  /// counts for nothing (`Trajectory::invalidate_exam_result`).
  std::optional<Date> invalidated_on;
  friend bool operator==(const ExamResult&, const ExamResult&) = default;
};

/// What attendance hours were spent on.
enum class HourKind {
  /// NT2 language course at a keurmerk provider (counts for afschalen and the Z-route).
  kLanguageCourse,
  /// KNM course (counts as Z-route course hours).
  kKnmCourse,
  /// Participation activities (volunteering, work placement) for the Z-route (Bi 3.14).
  kParticipation,
  /// PVT activities (Bi 3.1).
  kPvt,
  /// MAP activities (Bi 3.2).
  kMap,
  /// The education route's language bridging course (taalschakeltraject).
  kLanguageBridging,
  /// Activities of the social guidance (maatschappelijke begeleiding, Wi 13), at any time: they
  /// count as Z-route participation hours (Bi 3.14.6).
  kSocialGuidance,
  /// Dutch-language and KNM lessons at school: voortgezet speciaal onderwijs (labour-market or
  /// day-care profile), praktijkonderwijs or an entreeopleiding (Bi 3.14.10). From two years
  /// before the first PIP on, they count as Z-route course hours (Bi 3.14.9).
  kSchoolLanguage,
};

INBURGERING_ENUM_TEXT(HourKind);

/// Hours attended, as reported by a course provider (cursusinstelling; Wi 35.3; Bi 9.2.4) or
/// registered by the college (PVT, Bi 3.1.4). Kept in minutes so that half hours are exact.
struct INBURGERING_EXPORT AttendanceEntry {
  /// The day (or last day of the reporting period) the hours were attended.
  Date attended_on;
  HourKind kind = HourKind::kLanguageCourse;
  /// Minutes attended (> 0; at most 24 hours on one entry).
  int minutes = 0;
  /// Who reported it, e.g. the provider's name or the caseworker's user id.
  std::string reported_by;
  friend bool operator==(const AttendanceEntry&, const AttendanceEntry&) = default;
};

/// The state of the two components every obligation has besides the route (Wi 6.1).
struct INBURGERING_EXPORT ComponentStatus {
  /// Date the participation statement was signed, ending the PVT (Wi 6.4; Bi 3.1).
  std::optional<Date> pvt_statement_signed_on;
  /// Date of the MAP's final interview with the college (Wi 6.6; Bi 3.2).
  std::optional<Date> map_final_interview_on;
  /// Date of the Z-route's final interview with the college (Bi 3.14; not delegable).
  std::optional<Date> z_route_final_interview_on;
  /// Date the education route's language bridging course was completed (Wi 8).
  std::optional<Date> bridging_course_completed_on;
  friend bool operator==(const ComponentStatus&, const ComponentStatus&) = default;
};

/// @throws ValidationError for an invalid date or minutes outside (0, 1440].
INBURGERING_EXPORT void validate(const AttendanceEntry& entry);
/// @throws ValidationError for an invalid date.
INBURGERING_EXPORT void validate(const ExamResult& result);

}  // namespace inburgering
