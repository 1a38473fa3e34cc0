#include "inburgering/route/route.hpp"

#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/route/exam_part.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(Route, {Route::kB1, "b1", "B1-route"},
                             {Route::kEducation, "education", "onderwijsroute"},
                             {Route::kZ, "z", "Z-route"});

INBURGERING_DEFINE_ENUM_TEXT(HourKind, {HourKind::kLanguageCourse, "language_course", "NT2-cursus"},
                             {HourKind::kKnmCourse, "knm_course", "KNM-cursus"},
                             {HourKind::kParticipation, "participation", "participatie"},
                             {HourKind::kPvt, "pvt", "PVT"}, {HourKind::kMap, "map", "MAP"},
                             {HourKind::kLanguageBridging, "language_bridging",
                              "taalschakeltraject"},
                             {HourKind::kSocialGuidance, "social_guidance",
                              "maatschappelijke begeleiding"},
                             {HourKind::kSchoolLanguage, "school_language",
                              "NT2 en KNM op school (vso, praktijkonderwijs, entree)"});

void validate(const AttendanceEntry& entry) {
  require_valid(entry.attended_on, "attendance.attended_on");
  if (entry.minutes <= 0 || entry.minutes > 24 * 60) {
    throw ValidationError("attendance.minutes", "must be between 1 and 1440 (one day)",
                          std::to_string(entry.minutes));
  }
  if (entry.reported_by.empty()) {
    throw ValidationError("attendance.reported_by",
                          "the reporting provider or user is required (Wi 35.3)", "empty");
  }
}

void validate(const ExamResult& result) {
  require_valid(result.taken_on, "exam_result.taken_on");
  if (result.invalidated_on) {
    require_valid(*result.invalidated_on, "exam_result.invalidated_on");
    if (*result.invalidated_on < result.taken_on) {
      throw ValidationError("exam_result.invalidated_on",
                            "a result is declared invalid on or after the exam (Bi 3.10.2)",
                            to_iso(*result.invalidated_on));
    }
  }
}

}  // namespace inburgering
