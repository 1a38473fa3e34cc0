#include "inburgering/route/route.hpp"

#include <string>

#include "inburgering/error.hpp"
#include "inburgering/route/exam_part.hpp"

namespace inburgering {

std::string_view to_string(ExamPart part) noexcept {
  switch (part) {
    case ExamPart::kReading:
      return "reading";
    case ExamPart::kListening:
      return "listening";
    case ExamPart::kWriting:
      return "writing";
    case ExamPart::kSpeaking:
      return "speaking";
    case ExamPart::kKnm:
      return "knm";
  }
  return "unknown";
}

std::string_view to_string(LanguageLevel level) noexcept {
  switch (level) {
    case LanguageLevel::kA0:
      return "A0";
    case LanguageLevel::kA1:
      return "A1";
    case LanguageLevel::kA2:
      return "A2";
    case LanguageLevel::kB1:
      return "B1";
    case LanguageLevel::kB2:
      return "B2";
    case LanguageLevel::kC1:
      return "C1";
    case LanguageLevel::kC2:
      return "C2";
  }
  return "unknown";
}

std::string_view to_string(Route route) noexcept {
  switch (route) {
    case Route::kB1:
      return "b1";
    case Route::kEducation:
      return "education";
    case Route::kZ:
      return "z";
  }
  return "unknown";
}

std::string_view to_string(HourKind kind) noexcept {
  switch (kind) {
    case HourKind::kLanguageCourse:
      return "language_course";
    case HourKind::kKnmCourse:
      return "knm_course";
    case HourKind::kParticipation:
      return "participation";
    case HourKind::kPvt:
      return "pvt";
    case HourKind::kMap:
      return "map";
    case HourKind::kLanguageBridging:
      return "language_bridging";
  }
  return "unknown";
}

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

void validate(const ExamResult& result) { require_valid(result.taken_on, "exam_result.taken_on"); }

}  // namespace inburgering
