#pragma once
/// @file exam_part.hpp
/// The parts of the integration exam (inburgeringsexamen; Wi 7) and the CEFR levels.

#include <array>
#include <string_view>

#include "inburgering/enum_text.hpp"

namespace inburgering {

/// One part of the exam of the B1-route (Wi 7.1; Bi 3.3-3.5): four language skills at the
/// Staatsexamen NT2 and knowledge of Dutch society (KNM, kennis van de Nederlandse maatschappij).
enum class ExamPart { kReading, kListening, kWriting, kSpeaking, kKnm };

/// The four language parts, in the order the law lists them.
inline constexpr std::array<ExamPart, 4> kLanguageParts = {ExamPart::kReading, ExamPart::kListening,
                                                           ExamPart::kWriting, ExamPart::kSpeaking};

/// Whether `part` is one of the four language parts (not KNM).
constexpr bool is_language_part(ExamPart part) noexcept { return part != ExamPart::kKnm; }

/// CEFR level (ERK-niveau) of an exam, or the level a route aims at (Wi 14.3.a speaks of the
/// reachable level; the learnability test itself is kept as a score).
enum class LanguageLevel { kA0, kA1, kA2, kB1, kB2, kC1, kC2 };

INBURGERING_ENUM_TEXT(ExamPart);
INBURGERING_ENUM_TEXT(LanguageLevel);

}  // namespace inburgering
