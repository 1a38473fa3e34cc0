#pragma once
/// @file programme.hpp
/// Programmes and pilots (programma, pilot): extra guidance a municipality offers beside the
/// statutory trajectory, and follows in order to evaluate it. The ministry's pilot programme
/// that preceded the Wi 2021 (2019-2021, 39 pilots on seven themes, each followed by a research
/// bureau with data the municipality supplied) is the model: a programme has a theme, a funder
/// and amount, a period and the municipalities taking part; a trajectory is enrolled in it; the
/// programme records activities with attendance (group sessions and one-to-one coaching, on
/// site or remote), personal goals, and outcomes with their dates (enrolment in education, a
/// trial placement, a job with its contract type, volunteering). The store keeps them
/// (`storage::TrajectoryStore::define_programme` and what follows it), audited, with the
/// tenancy of the trajectories: a programme several municipalities share shows each only the
/// enrolments of the municipalities it may read.
///
/// A programme is not a legal act of the Wi 2021: its data are the municipality's own
/// processing for guidance and evaluation (Wi 39 monitoring; AVG art. 89 for the research).
/// Goals are free text about a person and are never exported (`programme_export_columns`).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/money.hpp"
#include "inburgering/municipality.hpp"

namespace inburgering {

/// Identifies one programme or pilot in a store (given out by the store, from 1 up).
using ProgrammeId = StrongId<struct ProgrammeIdTag, std::int64_t>;
inline std::string to_string(const ProgrammeId& id) { return std::to_string(id.value()); }

}  // namespace inburgering

namespace inburgering::programme {

/// The theme of a programme: one of the seven themes of the pilot programme 2019-2021
/// (pilots inburgering, domain notes §11), or another.
enum class Theme {
  /// Brede intake en PIP (Wi 14-15).
  kBroadIntakeAndPlan,
  /// Vrouwelijke gezinsmigranten en nareizigers (female family migrants, joining family).
  kFemaleFamilyMigrants,
  /// Duale trajecten: work and learning together.
  kDualTrajectories,
  /// Z-route (Wi 7.1.c).
  kZRoute,
  /// B1-route from A2 to B1 (Wi 7.1.a).
  kB1FromA2,
  /// Ontzorgen (Pw 56a).
  kUnburdening,
  /// Kwetsbare groepen in duale trajecten of de Z-route.
  kVulnerableGroups,
  kOther,
};
INBURGERING_ENUM_TEXT(Theme);

/// What defines a programme. Checked by `validate` (and by the store).
struct INBURGERING_EXPORT Definition {
  /// Its name, e.g. "Powervrouwen" (an identifier: 1 to 128 bytes, no control characters).
  std::string name;
  Theme theme = Theme::kOther;
  /// Who pays, e.g. "Ministerie van SZW" (an identifier, as the name).
  std::string funder;
  /// The amount granted (zero or more; the pilots had fixed amounts of €120,000-€275,000).
  Money amount;
  /// The period (first and last day, both included).
  Date starts_on;
  Date ends_on;
  /// The municipalities taking part (CBS codes), each once; at least one. The first is the
  /// lead (penvoerder): the municipality that defines and amends the programme.
  std::vector<MunicipalityCode> municipalities;
  friend bool operator==(const Definition&, const Definition&) = default;
};

/// Checks a definition. @throws ValidationError naming the field ("programme.name",
/// "programme.funder", "programme.amount", "programme.starts_on", "programme.ends_on",
/// "programme.municipalities").
INBURGERING_EXPORT void validate(const Definition& definition);

/// A stored programme.
struct INBURGERING_EXPORT Programme {
  ProgrammeId id;
  Definition definition;
  /// Increases with every amendment (optimistic concurrency, as a trajectory's revision).
  std::int64_t revision = 0;
  MunicipalityCode lead() const { return definition.municipalities.front(); }
};

/// What kind of activity.
enum class ActivityKind {
  /// A group session (groepsbijeenkomst), e.g. on health, parenting or the labour market.
  kGroupSession,
  /// One-to-one coaching (individuele begeleiding, e.g. job coaching).
  kCoaching,
};
INBURGERING_ENUM_TEXT(ActivityKind);

/// Where it took place.
enum class ActivityMode {
  kOnSite,
  /// By video call or telephone (as the pilots did during the pandemic).
  kRemote,
};
INBURGERING_ENUM_TEXT(ActivityMode);

/// What an activity was about (the subject, not anything about the person).
enum class ActivityTopic {
  kLanguage,
  kLabourMarket,
  /// Health as a subject of a group session (gezondheid); says nothing of a person's health.
  kHealth,
  kParenting,
  kSocialNetwork,
  kOther,
};
INBURGERING_ENUM_TEXT(ActivityTopic);

/// Whether the participant was there.
enum class Attendance {
  kAttended,
  /// Absent with a reason the programme accepts (afgemeld).
  kExcused,
  /// Absent without one.
  kAbsent,
};
INBURGERING_ENUM_TEXT(Attendance);

/// The most minutes one activity may last (a whole day).
inline constexpr int kMaxActivityMinutes = 24 * 60;

/// An activity as it took place (for every participant the same): recorded with the list of
/// participants invited and whether each attended (`storage::TrajectoryStore::record_activity`).
struct INBURGERING_EXPORT Session {
  Date held_on;
  ActivityKind kind = ActivityKind::kGroupSession;
  ActivityMode mode = ActivityMode::kOnSite;
  ActivityTopic topic = ActivityTopic::kOther;
  /// Planned length, 1 to `kMaxActivityMinutes`.
  int minutes = 0;
  friend bool operator==(const Session&, const Session&) = default;
};

/// One participant invited to a session, and whether they came.
struct INBURGERING_EXPORT Attendee {
  TrajectoryId trajectory;
  Attendance attendance = Attendance::kAttended;
};

/// A session as one participant's record shows it.
struct INBURGERING_EXPORT Activity {
  /// Given by the store.
  std::int64_t id = 0;
  Session session;
  Attendance attendance = Attendance::kAttended;
  friend bool operator==(const Activity&, const Activity&) = default;
};

/// A personal goal (persoonlijk doel), e.g. "politieagent worden". The text is personal data:
/// it is shown to those who may read the trajectory, audited as "(personal data)", removed
/// with the trajectory's personal data, and never exported.
struct INBURGERING_EXPORT Goal {
  /// Given by the store (0 for a new one).
  std::int64_t id = 0;
  /// 1 to `kMaxTextBytes` bytes (limits.hpp); line breaks allowed.
  std::string text;
  Date set_on;
  std::optional<Date> achieved_on;
  friend bool operator==(const Goal&, const Goal&) = default;
};

/// A result a programme is judged by.
enum class OutcomeKind {
  /// Enrolled in education, e.g. an entry-level vocational course (mbo-entree).
  kEducationEnrolment,
  /// A trial placement (proefplaatsing) with an employer.
  kTrialPlacement,
  /// A paid job, with its contract type.
  kJob,
  kVolunteering,
};
INBURGERING_ENUM_TEXT(OutcomeKind);

/// The contract of a job.
enum class ContractType {
  kPermanent,
  kFixedTerm,
  /// On call or zero hours (oproepcontract, nulurencontract).
  kOnCall,
  kSelfEmployed,
  kOther,
};
INBURGERING_ENUM_TEXT(ContractType);

/// An outcome reached, with its date. It may come after the enrolment ended or the programme's
/// period: the evaluation follows participants.
struct INBURGERING_EXPORT Outcome {
  /// Given by the store (0 for a new one).
  std::int64_t id = 0;
  OutcomeKind kind = OutcomeKind::kEducationEnrolment;
  Date reached_on;
  /// Required for a job, and only there.
  std::optional<ContractType> contract;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

/// Why an enrolment ended.
enum class LeaveReason {
  /// The participant followed the programme to its end.
  kFinished,
  /// Stopped early (uitval).
  kDroppedOut,
  /// Moved to a municipality that does not take part.
  kMoved,
  kOther,
};
INBURGERING_ENUM_TEXT(LeaveReason);

/// A trajectory's enrolment in a programme. It belongs to the trajectory's municipality, which
/// must take part in the programme.
struct INBURGERING_EXPORT Enrolment {
  ProgrammeId programme;
  TrajectoryId trajectory;
  MunicipalityCode municipality;
  Date enrolled_on;
  std::optional<Date> left_on;
  std::optional<LeaveReason> leave_reason;
  friend bool operator==(const Enrolment&, const Enrolment&) = default;
};

/// Everything a programme recorded about one enrolled trajectory, each list in order of date
/// then id.
struct INBURGERING_EXPORT Participation {
  Enrolment enrolment;
  std::vector<Activity> activities;
  std::vector<Goal> goals;
  std::vector<Outcome> outcomes;
};

/// Checks a session, a goal or an outcome on its own (the store checks the dates against the
/// enrolment and the programme). @throws ValidationError naming the field ("session.minutes",
/// "goal.text", "goal.achieved_on", "outcome.contract", ...).
INBURGERING_EXPORT void validate(const Session& session);
INBURGERING_EXPORT void validate(const Goal& goal);
INBURGERING_EXPORT void validate(const Outcome& outcome);

}  // namespace inburgering::programme
