#include "storage/record_json.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "inburgering/error.hpp"

namespace inburgering::storage::detail {
namespace {

// ---- Enumerations: stored by their stable to_string() names -----------------------------------

template <class E>
struct EnumValues;
#define INBURGERING_ENUM_VALUES(E, ...)                  \
  template <>                                            \
  struct EnumValues<E> {                                 \
    static constexpr auto all = std::array{__VA_ARGS__}; \
  }

INBURGERING_ENUM_VALUES(TargetGroup, TargetGroup::kAsylumPermitHolder, TargetGroup::kFamilyMigrant,
                        TargetGroup::kOtherMigrant, TargetGroup::kVoluntary);
INBURGERING_ENUM_VALUES(ResidencePermit, ResidencePermit::kTemporaryAsylum,
                        ResidencePermit::kRegular, ResidencePermit::kEuLaw);
INBURGERING_ENUM_VALUES(Regime, Regime::kWi2013, Regime::kWi2021);
INBURGERING_ENUM_VALUES(ExemptionGround, ExemptionGround::kDutchCompulsorySchooling,
                        ExemptionGround::kDutchDiploma, ExemptionGround::kUnderCompulsorySchooling,
                        ExemptionGround::kSufficientlyIntegrated, ExemptionGround::kExamPartsShown);
INBURGERING_ENUM_VALUES(DispensationGround, DispensationGround::kMedical,
                        DispensationGround::kSpecialCircumstances);
INBURGERING_ENUM_VALUES(ExtensionGround, ExtensionGround::kNotCulpable,
                        ExtensionGround::kSubstantialEfforts, ExtensionGround::kOwnInitiative);
INBURGERING_ENUM_VALUES(IntakeTopic, IntakeTopic::kEducationAndWork,
                        IntakeTopic::kPersonalCircumstances, IntakeTopic::kHealth,
                        IntakeTopic::kEarlyChildhoodEducation, IntakeTopic::kLanguageLevel,
                        IntakeTopic::kPaidWorkOptions, IntakeTopic::kSelfReliance,
                        IntakeTopic::kMotivation, IntakeTopic::kSocialNetwork,
                        IntakeTopic::kFinances);
INBURGERING_ENUM_VALUES(InvitationOutcome, InvitationOutcome::kPending,
                        InvitationOutcome::kAttended, InvitationOutcome::kNoShow,
                        InvitationOutcome::kInsufficientCooperation);
INBURGERING_ENUM_VALUES(Route, Route::kB1, Route::kEducation, Route::kZ);
INBURGERING_ENUM_VALUES(HourKind, HourKind::kLanguageCourse, HourKind::kKnmCourse,
                        HourKind::kParticipation, HourKind::kPvt, HourKind::kMap,
                        HourKind::kLanguageBridging);
INBURGERING_ENUM_VALUES(ExamPart, ExamPart::kReading, ExamPart::kListening, ExamPart::kWriting,
                        ExamPart::kSpeaking, ExamPart::kKnm);
INBURGERING_ENUM_VALUES(LanguageLevel, LanguageLevel::kA0, LanguageLevel::kA1, LanguageLevel::kA2,
                        LanguageLevel::kB1, LanguageLevel::kB2, LanguageLevel::kC1,
                        LanguageLevel::kC2);
INBURGERING_ENUM_VALUES(PlanChangeReason, PlanChangeReason::kInitial,
                        PlanChangeReason::kRouteSwitch, PlanChangeReason::kScaleDownToA2,
                        PlanChangeReason::kMove, PlanChangeReason::kOther);
INBURGERING_ENUM_VALUES(ActivityKind, ActivityKind::kLanguageCourse, ActivityKind::kKnm,
                        ActivityKind::kPvt, ActivityKind::kMap, ActivityKind::kParticipation,
                        ActivityKind::kWork, ActivityKind::kEducation,
                        ActivityKind::kSocialGuidance, ActivityKind::kFinancialCoaching,
                        ActivityKind::kGroupSession, ActivityKind::kOther);
INBURGERING_ENUM_VALUES(ProgressAssessment, ProgressAssessment::kOnTrack,
                        ProgressAssessment::kBehind, ProgressAssessment::kAhead);
INBURGERING_ENUM_VALUES(FixedCostKind, FixedCostKind::kRent, FixedCostKind::kEnergy,
                        FixedCostKind::kWater, FixedCostKind::kHealthInsurance);
INBURGERING_ENUM_VALUES(MunicipalFineKind, MunicipalFineKind::kIntake,
                        MunicipalFineKind::kCooperation);
INBURGERING_ENUM_VALUES(Culpability, Culpability::kIntent, Culpability::kGrossNegligence,
                        Culpability::kOrdinary, Culpability::kReduced, Culpability::kNone);
INBURGERING_ENUM_VALUES(DuoFineKind, DuoFineKind::kPvtMapNotInTime, DuoFineKind::kRouteNotInTime);
INBURGERING_ENUM_VALUES(TrajectoryState, TrajectoryState::kRegistered, TrajectoryState::kIntake,
                        TrajectoryState::kPlanning, TrajectoryState::kRoute,
                        TrajectoryState::kCompleted, TrajectoryState::kExempted,
                        TrajectoryState::kDispensed, TrajectoryState::kTransferredOut,
                        TrajectoryState::kEnded);
INBURGERING_ENUM_VALUES(EndReason, EndReason::kLeftCountry, EndReason::kPermitWithdrawn,
                        EndReason::kDeceased, EndReason::kStatePensionAge, EndReason::kTermExpired,
                        EndReason::kOther);
INBURGERING_ENUM_VALUES(SignalKind, SignalKind::kPipDue, SignalKind::kPipAwaitingThirdParty,
                        SignalKind::kInterviewDue, SignalKind::kNoHoursReported,
                        SignalKind::kTermEnding, SignalKind::kRouteSwitchWindowClosing,
                        SignalKind::kUnburdeningEnding,
                        SignalKind::kIntakeMayCompleteWithoutParticipant);
#undef INBURGERING_ENUM_VALUES

[[noreturn]] void corrupt(const std::string& path, const std::string& problem) {
  throw StorageError("stored record is not readable: " + path + ": " + problem);
}

// ---- Codecs ----------------------------------------------------------------------------------

template <class T, class = void>
struct Codec;

template <class T>
json enc(const T& value) {
  return Codec<T>::encode(value);
}

template <class T>
T dec_value(const json& value, const std::string& path) {
  return Codec<T>::decode(value, path);
}

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_container : std::false_type {};
template <class T>
struct is_container<std::vector<T>> : std::true_type {};
template <class T>
struct is_container<std::set<T>> : std::true_type {};
template <class K, class V>
struct is_container<std::map<K, V>> : std::true_type {};

/// Field `key` of object `object`. A missing optional or container decodes as empty (a field
/// added after the row was written); any other missing field is corruption.
template <class T>
T dec(const json& object, const char* key, const std::string& path) {
  const std::string sub = path + "." + key;
  if (!object.is_object()) corrupt(path, "expected an object");
  const auto it = object.find(key);
  if (it == object.end()) {
    if constexpr (is_optional<T>::value || is_container<T>::value) {
      return T{};
    } else {
      corrupt(sub, "missing");
    }
  }
  return Codec<T>::decode(*it, sub);
}

template <>
struct Codec<bool> {
  static json encode(bool v) { return v; }
  static bool decode(const json& j, const std::string& path) {
    if (!j.is_boolean()) corrupt(path, "expected true or false");
    return j.get<bool>();
  }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static json encode(T v) { return v; }
  static T decode(const json& j, const std::string& path) {
    if (!j.is_number_integer()) corrupt(path, "expected an integer");
    const auto wide = j.get<std::int64_t>();
    if (wide < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        wide > static_cast<std::int64_t>(std::numeric_limits<T>::max())) {
      corrupt(path, "integer out of range");
    }
    return static_cast<T>(wide);
  }
};

template <>
struct Codec<std::string> {
  static json encode(const std::string& v) { return v; }
  static std::string decode(const json& j, const std::string& path) {
    if (!j.is_string()) corrupt(path, "expected a string");
    return j.get<std::string>();
  }
};

template <class E>
struct Codec<E, std::enable_if_t<std::is_enum_v<E>>> {
  static json encode(E v) { return std::string(to_string(v)); }
  static E decode(const json& j, const std::string& path) {
    const std::string text = Codec<std::string>::decode(j, path);
    for (E value : EnumValues<E>::all) {
      if (to_string(value) == text) return value;
    }
    corrupt(path, "unknown value '" + text + "'");
  }
};

template <>
struct Codec<Date> {
  static json encode(Date v) { return to_iso(v); }
  static Date decode(const json& j, const std::string& path) {
    const std::string text = Codec<std::string>::decode(j, path);
    try {
      return parse_date(text, path);
    } catch (const ValidationError&) {
      corrupt(path, "not an ISO date");
    }
  }
};

template <>
struct Codec<Money> {
  static json encode(Money v) { return v.in_cents(); }
  static Money decode(const json& j, const std::string& path) {
    return Money::cents(Codec<std::int64_t>::decode(j, path));
  }
};

template <class Tag, class T>
struct Codec<StrongId<Tag, T>> {
  static json encode(const StrongId<Tag, T>& v) { return enc(v.value()); }
  static StrongId<Tag, T> decode(const json& j, const std::string& path) {
    return StrongId<Tag, T>(Codec<T>::decode(j, path));
  }
};

template <>
struct Codec<MunicipalityCode> {
  static json encode(MunicipalityCode v) { return v.to_string(); }
  static MunicipalityCode decode(const json& j, const std::string& path) {
    try {
      return MunicipalityCode(Codec<std::string>::decode(j, path));
    } catch (const ValidationError&) {
      corrupt(path, "not a municipality code");
    }
  }
};

template <>
struct Codec<Bsn> {
  static json encode(const Bsn& v) { return v.digits(); }
  static Bsn decode(const json& j, const std::string& path) {
    try {
      return Bsn(Codec<std::string>::decode(j, path));
    } catch (const ValidationError&) {
      corrupt(path, "not a valid BSN (value withheld)");
    }
  }
};

template <class T>
struct Codec<std::optional<T>> {
  static json encode(const std::optional<T>& v) { return v ? enc(*v) : json(nullptr); }
  static std::optional<T> decode(const json& j, const std::string& path) {
    if (j.is_null()) return std::nullopt;
    return Codec<T>::decode(j, path);
  }
};

template <class T>
struct Codec<std::vector<T>> {
  static json encode(const std::vector<T>& v) {
    json out = json::array();
    for (const auto& item : v) out.push_back(enc(item));
    return out;
  }
  static std::vector<T> decode(const json& j, const std::string& path) {
    if (!j.is_array()) corrupt(path, "expected a list");
    std::vector<T> out;
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      out.push_back(Codec<T>::decode(j[i], path + "[" + std::to_string(i) + "]"));
    }
    return out;
  }
};

template <class T>
struct Codec<std::set<T>> {
  static json encode(const std::set<T>& v) {
    json out = json::array();
    for (const auto& item : v) out.push_back(enc(item));
    return out;
  }
  static std::set<T> decode(const json& j, const std::string& path) {
    std::set<T> out;
    for (auto& item : Codec<std::vector<T>>::decode(j, path)) {
      if (!out.insert(item).second) corrupt(path, "duplicate entry");
    }
    return out;
  }
};

template <>
struct Codec<TopicRecord> {
  static json encode(const TopicRecord& v) {
    return {{"notes", v.notes},
            {"recorded_on", enc(v.recorded_on)},
            {"not_applicable", v.not_applicable}};
  }
  static TopicRecord decode(const json& j, const std::string& p) {
    return TopicRecord{.notes = dec<std::string>(j, "notes", p),
                       .recorded_on = dec<Date>(j, "recorded_on", p),
                       .not_applicable = dec<bool>(j, "not_applicable", p)};
  }
};

template <>
struct Codec<std::map<IntakeTopic, TopicRecord>> {
  static json encode(const std::map<IntakeTopic, TopicRecord>& v) {
    json out = json::object();
    for (const auto& [topic, record] : v) out[std::string(to_string(topic))] = enc(record);
    return out;
  }
  static std::map<IntakeTopic, TopicRecord> decode(const json& j, const std::string& path) {
    if (!j.is_object()) corrupt(path, "expected an object");
    std::map<IntakeTopic, TopicRecord> out;
    for (const auto& [key, value] : j.items()) {
      const IntakeTopic topic = Codec<IntakeTopic>::decode(json(key), path);
      out.emplace(topic, Codec<TopicRecord>::decode(value, path + "." + key));
    }
    return out;
  }
};

// ---- Domain records --------------------------------------------------------------------------

template <>
struct Codec<Participant> {
  static json encode(const Participant& v) {
    return {{"id", enc(v.id)},
            {"bsn", enc(v.bsn)},
            {"given_names", v.given_names},
            {"family_name", v.family_name},
            {"birth_date", enc(v.birth_date)},
            {"target_group", enc(v.target_group)},
            {"permit", enc(v.permit)},
            {"has_young_children", v.has_young_children}};
  }
  static Participant decode(const json& j, const std::string& p) {
    return Participant{.id = dec<ParticipantId>(j, "id", p),
                       .bsn = dec<Bsn>(j, "bsn", p),
                       .given_names = dec<std::string>(j, "given_names", p),
                       .family_name = dec<std::string>(j, "family_name", p),
                       .birth_date = dec<Date>(j, "birth_date", p),
                       .target_group = dec<TargetGroup>(j, "target_group", p),
                       .permit = dec<ResidencePermit>(j, "permit", p),
                       .has_young_children = dec<bool>(j, "has_young_children", p)};
  }
};

template <>
struct Codec<Exemption> {
  static json encode(const Exemption& v) {
    return {{"ground", enc(v.ground)}, {"decided_on", enc(v.decided_on)}, {"parts", enc(v.parts)}};
  }
  static Exemption decode(const json& j, const std::string& p) {
    return Exemption{.ground = dec<ExemptionGround>(j, "ground", p),
                     .decided_on = dec<Date>(j, "decided_on", p),
                     .parts = dec<std::set<ExamPart>>(j, "parts", p)};
  }
};

template <>
struct Codec<Dispensation> {
  static json encode(const Dispensation& v) {
    return {{"ground", enc(v.ground)},
            {"decided_on", enc(v.decided_on)},
            {"parts", enc(v.parts)},
            {"college_advice", v.college_advice}};
  }
  static Dispensation decode(const json& j, const std::string& p) {
    return Dispensation{.ground = dec<DispensationGround>(j, "ground", p),
                        .decided_on = dec<Date>(j, "decided_on", p),
                        .parts = dec<std::set<ExamPart>>(j, "parts", p),
                        .college_advice = dec<std::string>(j, "college_advice", p)};
  }
};

template <>
struct Codec<Obligation> {
  static json encode(const Obligation& v) {
    return {{"regime", enc(v.regime)},
            {"duo_notice_date", enc(v.duo_notice_date)},
            {"brp_registration_date", enc(v.brp_registration_date)},
            {"third_party_info_requested_on", enc(v.third_party_info_requested_on)},
            {"third_party_info_received_on", enc(v.third_party_info_received_on)},
            {"exemptions", enc(v.exemptions)},
            {"dispensations", enc(v.dispensations)}};
  }
  static Obligation decode(const json& j, const std::string& p) {
    return Obligation{
        .regime = dec<Regime>(j, "regime", p),
        .duo_notice_date = dec<Date>(j, "duo_notice_date", p),
        .brp_registration_date = dec<std::optional<Date>>(j, "brp_registration_date", p),
        .third_party_info_requested_on =
            dec<std::optional<Date>>(j, "third_party_info_requested_on", p),
        .third_party_info_received_on =
            dec<std::optional<Date>>(j, "third_party_info_received_on", p),
        .exemptions = dec<std::vector<Exemption>>(j, "exemptions", p),
        .dispensations = dec<std::vector<Dispensation>>(j, "dispensations", p)};
  }
};

template <>
struct Codec<Extension> {
  static json encode(const Extension& v) {
    return {{"ground", enc(v.ground)}, {"decided_on", enc(v.decided_on)}, {"months", v.months}};
  }
  static Extension decode(const json& j, const std::string& p) {
    return Extension{.ground = dec<ExtensionGround>(j, "ground", p),
                     .decided_on = dec<Date>(j, "decided_on", p),
                     .months = dec<int>(j, "months", p)};
  }
};

template <>
struct Codec<Interruption> {
  static json encode(const Interruption& v) {
    return {{"from", enc(v.from)}, {"until", enc(v.until)}, {"reason", v.reason}};
  }
  static Interruption decode(const json& j, const std::string& p) {
    return Interruption{.from = dec<Date>(j, "from", p),
                        .until = dec<std::optional<Date>>(j, "until", p),
                        .reason = dec<std::string>(j, "reason", p)};
  }
};

template <>
struct Codec<IntegrationTerm> {
  static json encode(const IntegrationTerm& v) {
    return {{"start", enc(v.start)},
            {"length_months", v.length_months},
            {"extensions", enc(v.extensions)},
            {"interruptions", enc(v.interruptions)}};
  }
  static IntegrationTerm decode(const json& j, const std::string& p) {
    return IntegrationTerm{.start = dec<Date>(j, "start", p),
                           .length_months = dec<int>(j, "length_months", p),
                           .extensions = dec<std::vector<Extension>>(j, "extensions", p),
                           .interruptions = dec<std::vector<Interruption>>(j, "interruptions", p)};
  }
};

template <>
struct Codec<IntakeInvitation> {
  static json encode(const IntakeInvitation& v) {
    return {{"sent_on", enc(v.sent_on)},
            {"respond_by", enc(v.respond_by)},
            {"written_warning", v.written_warning},
            {"outcome", enc(v.outcome)}};
  }
  static IntakeInvitation decode(const json& j, const std::string& p) {
    return IntakeInvitation{.sent_on = dec<Date>(j, "sent_on", p),
                            .respond_by = dec<Date>(j, "respond_by", p),
                            .written_warning = dec<bool>(j, "written_warning", p),
                            .outcome = dec<InvitationOutcome>(j, "outcome", p)};
  }
};

template <>
struct Codec<LearnabilityTest> {
  static json encode(const LearnabilityTest& v) {
    return {{"taken_on", enc(v.taken_on)},
            {"score", enc(v.score)},
            {"dispensation_reason", enc(v.dispensation_reason)}};
  }
  static LearnabilityTest decode(const json& j, const std::string& p) {
    return LearnabilityTest{
        .taken_on = dec<Date>(j, "taken_on", p),
        .score = dec<std::optional<int>>(j, "score", p),
        .dispensation_reason = dec<std::optional<std::string>>(j, "dispensation_reason", p)};
  }
};

template <>
struct Codec<BroadIntake> {
  static json encode(const BroadIntake& v) {
    return {{"invitations", enc(v.invitations)},
            {"topics", enc(v.topics)},
            {"learnability_test", enc(v.learnability_test)},
            {"informed_may_attend_alone", v.informed_may_attend_alone},
            {"completed_on", enc(v.completed_on)},
            {"completed_without_participant", v.completed_without_participant}};
  }
  static BroadIntake decode(const json& j, const std::string& p) {
    return BroadIntake{
        .invitations = dec<std::vector<IntakeInvitation>>(j, "invitations", p),
        .topics = dec<std::map<IntakeTopic, TopicRecord>>(j, "topics", p),
        .learnability_test = dec<std::optional<LearnabilityTest>>(j, "learnability_test", p),
        .informed_may_attend_alone = dec<bool>(j, "informed_may_attend_alone", p),
        .completed_on = dec<std::optional<Date>>(j, "completed_on", p),
        .completed_without_participant = dec<bool>(j, "completed_without_participant", p)};
  }
};

template <>
struct Codec<PlanActivity> {
  static json encode(const PlanActivity& v) {
    return {{"kind", enc(v.kind)},       {"description", v.description},
            {"provider", v.provider},    {"starts_on", enc(v.starts_on)},
            {"ends_on", enc(v.ends_on)}, {"hours_per_week", v.hours_per_week}};
  }
  static PlanActivity decode(const json& j, const std::string& p) {
    return PlanActivity{.kind = dec<ActivityKind>(j, "kind", p),
                        .description = dec<std::string>(j, "description", p),
                        .provider = dec<std::string>(j, "provider", p),
                        .starts_on = dec<std::optional<Date>>(j, "starts_on", p),
                        .ends_on = dec<std::optional<Date>>(j, "ends_on", p),
                        .hours_per_week = dec<int>(j, "hours_per_week", p)};
  }
};

template <>
struct Codec<PlanContent> {
  static json encode(const PlanContent& v) {
    return {{"route", enc(v.route)},
            {"route_intensity_hours_per_week", v.route_intensity_hours_per_week},
            {"support", v.support},
            {"pvt_hours", v.pvt_hours},
            {"map_hours", v.map_hours},
            {"vve_agreements", v.vve_agreements},
            {"progress_interview_count", v.progress_interview_count},
            {"z_route_exams_allowed", v.z_route_exams_allowed},
            {"learnability_deviation_reason", v.learnability_deviation_reason},
            {"scaled_down_parts", enc(v.scaled_down_parts)},
            {"unburdening_attached", v.unburdening_attached},
            {"goals", enc(v.goals)},
            {"activities", enc(v.activities)}};
  }
  static PlanContent decode(const json& j, const std::string& p) {
    return PlanContent{
        .route = dec<Route>(j, "route", p),
        .route_intensity_hours_per_week = dec<int>(j, "route_intensity_hours_per_week", p),
        .support = dec<std::string>(j, "support", p),
        .pvt_hours = dec<int>(j, "pvt_hours", p),
        .map_hours = dec<int>(j, "map_hours", p),
        .vve_agreements = dec<std::string>(j, "vve_agreements", p),
        .progress_interview_count = dec<int>(j, "progress_interview_count", p),
        .z_route_exams_allowed = dec<bool>(j, "z_route_exams_allowed", p),
        .learnability_deviation_reason = dec<std::string>(j, "learnability_deviation_reason", p),
        .scaled_down_parts = dec<std::set<ExamPart>>(j, "scaled_down_parts", p),
        .unburdening_attached = dec<bool>(j, "unburdening_attached", p),
        .goals = dec<std::vector<std::string>>(j, "goals", p),
        .activities = dec<std::vector<PlanActivity>>(j, "activities", p)};
  }
};

template <>
struct Codec<PlanVersion> {
  static json encode(const PlanVersion& v) {
    return {{"number", v.number},
            {"date_of_issue", enc(v.date_of_issue)},
            {"reason", enc(v.reason)},
            {"explanation", v.explanation},
            {"issued_by", enc(v.issued_by)},
            {"content", enc(v.content)}};
  }
  static PlanVersion decode(const json& j, const std::string& p) {
    return PlanVersion{.number = dec<int>(j, "number", p),
                       .date_of_issue = dec<Date>(j, "date_of_issue", p),
                       .reason = dec<PlanChangeReason>(j, "reason", p),
                       .explanation = dec<std::string>(j, "explanation", p),
                       .issued_by = dec<MunicipalityCode>(j, "issued_by", p),
                       .content = dec<PlanContent>(j, "content", p)};
  }
};

template <>
struct Codec<ExamResult> {
  static json encode(const ExamResult& v) {
    return {{"part", enc(v.part)},
            {"level", enc(v.level)},
            {"taken_on", enc(v.taken_on)},
            {"passed", v.passed}};
  }
  static ExamResult decode(const json& j, const std::string& p) {
    return ExamResult{.part = dec<ExamPart>(j, "part", p),
                      .level = dec<LanguageLevel>(j, "level", p),
                      .taken_on = dec<Date>(j, "taken_on", p),
                      .passed = dec<bool>(j, "passed", p)};
  }
};

template <>
struct Codec<AttendanceEntry> {
  static json encode(const AttendanceEntry& v) {
    return {{"attended_on", enc(v.attended_on)},
            {"kind", enc(v.kind)},
            {"minutes", v.minutes},
            {"reported_by", v.reported_by}};
  }
  static AttendanceEntry decode(const json& j, const std::string& p) {
    return AttendanceEntry{.attended_on = dec<Date>(j, "attended_on", p),
                           .kind = dec<HourKind>(j, "kind", p),
                           .minutes = dec<int>(j, "minutes", p),
                           .reported_by = dec<std::string>(j, "reported_by", p)};
  }
};

template <>
struct Codec<ComponentStatus> {
  static json encode(const ComponentStatus& v) {
    return {{"pvt_statement_signed_on", enc(v.pvt_statement_signed_on)},
            {"map_final_interview_on", enc(v.map_final_interview_on)},
            {"z_route_final_interview_on", enc(v.z_route_final_interview_on)},
            {"bridging_course_completed_on", enc(v.bridging_course_completed_on)}};
  }
  static ComponentStatus decode(const json& j, const std::string& p) {
    return ComponentStatus{
        .pvt_statement_signed_on = dec<std::optional<Date>>(j, "pvt_statement_signed_on", p),
        .map_final_interview_on = dec<std::optional<Date>>(j, "map_final_interview_on", p),
        .z_route_final_interview_on = dec<std::optional<Date>>(j, "z_route_final_interview_on", p),
        .bridging_course_completed_on =
            dec<std::optional<Date>>(j, "bridging_course_completed_on", p)};
  }
};

template <>
struct Codec<ProgressInterview> {
  static json encode(const ProgressInterview& v) {
    return {{"scheduled_on", enc(v.scheduled_on)},
            {"plan_version", v.plan_version},
            {"held_on", enc(v.held_on)},
            {"assessment", enc(v.assessment)},
            {"notes", v.notes}};
  }
  static ProgressInterview decode(const json& j, const std::string& p) {
    return ProgressInterview{
        .scheduled_on = dec<Date>(j, "scheduled_on", p),
        .plan_version = dec<int>(j, "plan_version", p),
        .held_on = dec<std::optional<Date>>(j, "held_on", p),
        .assessment = dec<std::optional<ProgressAssessment>>(j, "assessment", p),
        .notes = dec<std::string>(j, "notes", p)};
  }
};

template <>
struct Codec<FixedCostItem> {
  static json encode(const FixedCostItem& v) {
    return {{"kind", enc(v.kind)}, {"payee", v.payee}, {"monthly_amount", enc(v.monthly_amount)}};
  }
  static FixedCostItem decode(const json& j, const std::string& p) {
    return FixedCostItem{.kind = dec<FixedCostKind>(j, "kind", p),
                         .payee = dec<std::string>(j, "payee", p),
                         .monthly_amount = dec<Money>(j, "monthly_amount", p)};
  }
};

template <>
struct Codec<UnburdeningExtension> {
  static json encode(const UnburdeningExtension& v) {
    return {{"decided_on", enc(v.decided_on)}, {"months", v.months}, {"reason", v.reason}};
  }
  static UnburdeningExtension decode(const json& j, const std::string& p) {
    return UnburdeningExtension{.decided_on = dec<Date>(j, "decided_on", p),
                                .months = dec<int>(j, "months", p),
                                .reason = dec<std::string>(j, "reason", p)};
  }
};

template <>
struct Codec<CoachingSession> {
  static json encode(const CoachingSession& v) {
    return {{"held_on", enc(v.held_on)}, {"topic", v.topic}, {"attended", v.attended}};
  }
  static CoachingSession decode(const json& j, const std::string& p) {
    return CoachingSession{.held_on = dec<Date>(j, "held_on", p),
                           .topic = dec<std::string>(j, "topic", p),
                           .attended = dec<bool>(j, "attended", p)};
  }
};

template <>
struct Codec<Unburdening> {
  static json encode(const Unburdening& v) {
    return {{"assistance_start", enc(v.assistance_start)},
            {"months", v.months},
            {"items", enc(v.items)},
            {"extensions", enc(v.extensions)},
            {"coaching_sessions", enc(v.coaching_sessions)},
            {"stopped_on", enc(v.stopped_on)}};
  }
  static Unburdening decode(const json& j, const std::string& p) {
    return Unburdening{
        .assistance_start = dec<Date>(j, "assistance_start", p),
        .months = dec<int>(j, "months", p),
        .items = dec<std::vector<FixedCostItem>>(j, "items", p),
        .extensions = dec<std::vector<UnburdeningExtension>>(j, "extensions", p),
        .coaching_sessions = dec<std::vector<CoachingSession>>(j, "coaching_sessions", p),
        .stopped_on = dec<std::optional<Date>>(j, "stopped_on", p)};
  }
};

template <>
struct Codec<MunicipalFine> {
  static json encode(const MunicipalFine& v) {
    return {{"kind", enc(v.kind)},
            {"imposed_on", enc(v.imposed_on)},
            {"base_amount", enc(v.base_amount)},
            {"culpability", enc(v.culpability)},
            {"amount", enc(v.amount)}};
  }
  static MunicipalFine decode(const json& j, const std::string& p) {
    return MunicipalFine{.kind = dec<MunicipalFineKind>(j, "kind", p),
                         .imposed_on = dec<Date>(j, "imposed_on", p),
                         .base_amount = dec<Money>(j, "base_amount", p),
                         .culpability = dec<Culpability>(j, "culpability", p),
                         .amount = dec<Money>(j, "amount", p)};
  }
};

template <>
struct Codec<DuoFine> {
  static json encode(const DuoFine& v) {
    return {{"kind", enc(v.kind)},
            {"imposed_on", enc(v.imposed_on)},
            {"amount", enc(v.amount)},
            {"new_term_months", v.new_term_months}};
  }
  static DuoFine decode(const json& j, const std::string& p) {
    return DuoFine{.kind = dec<DuoFineKind>(j, "kind", p),
                   .imposed_on = dec<Date>(j, "imposed_on", p),
                   .amount = dec<Money>(j, "amount", p),
                   .new_term_months = dec<int>(j, "new_term_months", p)};
  }
};

template <>
struct Codec<TransferIn> {
  static json encode(const TransferIn& v) {
    return {{"from", enc(v.from)},
            {"brp_registration_on", enc(v.brp_registration_on)},
            {"had_plan", v.had_plan}};
  }
  static TransferIn decode(const json& j, const std::string& p) {
    return TransferIn{.from = dec<MunicipalityCode>(j, "from", p),
                      .brp_registration_on = dec<Date>(j, "brp_registration_on", p),
                      .had_plan = dec<bool>(j, "had_plan", p)};
  }
};

template <>
struct Codec<Closure> {
  static json encode(const Closure& v) {
    return {{"on", enc(v.on)},
            {"final_state", enc(v.final_state)},
            {"end_reason", enc(v.end_reason)},
            {"moved_to", enc(v.moved_to)}};
  }
  static Closure decode(const json& j, const std::string& p) {
    return Closure{.on = dec<Date>(j, "on", p),
                   .final_state = dec<TrajectoryState>(j, "final_state", p),
                   .end_reason = dec<std::optional<EndReason>>(j, "end_reason", p),
                   .moved_to = dec<std::optional<MunicipalityCode>>(j, "moved_to", p)};
  }
};

}  // namespace

json encode_record(const TrajectoryRecord& v) {
  return {{"format", kRecordFormat},
          {"id", enc(v.id)},
          {"municipality", enc(v.municipality)},
          {"caseworker", enc(v.caseworker)},
          {"participant", enc(v.participant)},
          {"obligation", enc(v.obligation)},
          {"state", enc(v.state)},
          {"registered_on", enc(v.registered_on)},
          {"intake", enc(v.intake)},
          {"plan_versions", enc(v.plan_versions)},
          {"term", enc(v.term)},
          {"exam_results", enc(v.exam_results)},
          {"attendance", enc(v.attendance)},
          {"components", enc(v.components)},
          {"interviews", enc(v.interviews)},
          {"unburdening", enc(v.unburdening)},
          {"municipal_fines", enc(v.municipal_fines)},
          {"duo_fines", enc(v.duo_fines)},
          {"transfer_in", enc(v.transfer_in)},
          {"closure", enc(v.closure)},
          {"revision", v.revision}};
}

TrajectoryRecord decode_record(const json& j) {
  const std::string p = "record";
  const int format = dec<int>(j, "format", p);
  if (format > kRecordFormat) {
    corrupt(p + ".format", "written by a newer library (format " + std::to_string(format) + ")");
  }
  return TrajectoryRecord{
      .id = dec<TrajectoryId>(j, "id", p),
      .municipality = dec<MunicipalityCode>(j, "municipality", p),
      .caseworker = dec<UserId>(j, "caseworker", p),
      .participant = dec<Participant>(j, "participant", p),
      .obligation = dec<Obligation>(j, "obligation", p),
      .state = dec<TrajectoryState>(j, "state", p),
      .registered_on = dec<Date>(j, "registered_on", p),
      .intake = dec<BroadIntake>(j, "intake", p),
      .plan_versions = dec<std::vector<PlanVersion>>(j, "plan_versions", p),
      .term = dec<std::optional<IntegrationTerm>>(j, "term", p),
      .exam_results = dec<std::vector<ExamResult>>(j, "exam_results", p),
      .attendance = dec<std::vector<AttendanceEntry>>(j, "attendance", p),
      .components = dec<ComponentStatus>(j, "components", p),
      .interviews = dec<std::vector<ProgressInterview>>(j, "interviews", p),
      .unburdening = dec<std::optional<Unburdening>>(j, "unburdening", p),
      .municipal_fines = dec<std::vector<MunicipalFine>>(j, "municipal_fines", p),
      .duo_fines = dec<std::vector<DuoFine>>(j, "duo_fines", p),
      .transfer_in = dec<std::optional<TransferIn>>(j, "transfer_in", p),
      .closure = dec<std::optional<Closure>>(j, "closure", p),
      .revision = dec<std::int64_t>(j, "revision", p)};
}

json encode_topic(const TopicRecord& topic) { return enc(topic); }

TrajectoryState parse_state(const std::string& text, const std::string& path) {
  return Codec<TrajectoryState>::decode(json(text), path);
}
Route parse_route(const std::string& text, const std::string& path) {
  return Codec<Route>::decode(json(text), path);
}
SignalKind parse_signal_kind(const std::string& text, const std::string& path) {
  return Codec<SignalKind>::decode(json(text), path);
}

TopicRecord decode_topic(const json& value) { return Codec<TopicRecord>::decode(value, "health"); }

}  // namespace inburgering::storage::detail
