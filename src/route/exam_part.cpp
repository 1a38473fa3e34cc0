#include "inburgering/route/exam_part.hpp"

#include "detail/enum_table.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(ExamPart, {ExamPart::kReading, "reading", "lezen"},
                             {ExamPart::kListening, "listening", "luisteren"},
                             {ExamPart::kWriting, "writing", "schrijven"},
                             {ExamPart::kSpeaking, "speaking", "spreken"},
                             {ExamPart::kKnm, "knm", "kennis van de Nederlandse maatschappij"});

INBURGERING_DEFINE_ENUM_TEXT(LanguageLevel, {LanguageLevel::kA0, "A0", "A0"},
                             {LanguageLevel::kA1, "A1", "A1"}, {LanguageLevel::kA2, "A2", "A2"},
                             {LanguageLevel::kB1, "B1", "B1"}, {LanguageLevel::kB2, "B2", "B2"},
                             {LanguageLevel::kC1, "C1", "C1"}, {LanguageLevel::kC2, "C2", "C2"});

}  // namespace inburgering
