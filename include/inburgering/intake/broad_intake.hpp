#pragma once
/// @file broad_intake.hpp
/// The broad intake (brede intake; Wi 14; Bi 5.2): invitations, the topics the law requires,
/// the learnability test, and completion (with or without the person).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/intake/learnability_test.hpp"

namespace inburgering {

struct Policy;

/// A topic of the broad intake.
enum class IntakeTopic {
  // Required by law:
  /// Education and work experience in the country of origin (Wi 14.3.b).
  kEducationAndWork,
  /// Personal circumstances (Wi 14.3.c).
  kPersonalCircumstances,
  /// Physical and mental health (Wi 14.3.c). Special-category personal data (AVG art. 9;
  /// Wi 37; Bi 9.11): only roles allowed to see health information may read it.
  kHealth,
  /// Early-childhood education (VVE) options for the children, where relevant (Wi 14.3.d).
  kEarlyChildhoodEducation,
  /// Language level (Bi 5.2.1).
  kLanguageLevel,
  /// The possibilities for labour participation, "de mogelijkheden tot arbeidsparticipatie"
  /// (Bi 5.2.1.b). The stable name `paid_work_options` is kept.
  kPaidWorkOptions,
  /// Degree of self-reliance (zelfredzaamheid) (Bi 5.2.1).
  kSelfReliance,
  // Recommended, not required (Divosa handreiking):
  kMotivation,
  kSocialNetwork,
  kFinances,
};

/// Whether the law requires the topic (Wi 14.3; Bi 5.2). The learnability test (Wi 14.3.a) is
/// required too and is kept apart in `BroadIntake::learnability_test`.
INBURGERING_EXPORT bool is_required(IntakeTopic topic) noexcept;
/// Whether the topic holds special-category data (health).
INBURGERING_EXPORT bool is_special_category(IntakeTopic topic) noexcept;
/// Every topic, required ones first.
INBURGERING_EXPORT const std::vector<IntakeTopic>& all_intake_topics();
INBURGERING_ENUM_TEXT(IntakeTopic);

/// The written record of one topic (Bi 5.2.3: relevant information is recorded in writing).
struct INBURGERING_EXPORT TopicRecord {
  /// What was discussed. Personal data; for the health topic special-category data.
  std::string notes;
  Date recorded_on;
  /// For VVE only: not relevant (no young children). Then `notes` may be empty.
  bool not_applicable = false;
  /// Set by a store on the health topic when its content was not loaded (health was not asked
  /// for, see `storage::LoadOptions::with_health`): the topic is on record, so the intake is
  /// complete, but `notes` is empty. Saving such a trajectory keeps the stored content.
  /// Recording the topic again replaces the placeholder with real content.
  bool withheld = false;
  friend bool operator==(const TopicRecord&, const TopicRecord&) = default;
};

/// What came of an invitation to the intake.
enum class InvitationOutcome {
  kPending,
  kAttended,
  /// Did not appear (Wi 14.1, 22).
  kNoShow,
  /// Appeared but did not cooperate sufficiently (Wi 14.1, 22).
  kInsufficientCooperation,
};

INBURGERING_ENUM_TEXT(InvitationOutcome);

/// An invitation to the intake, with the deadline it set (Wi 14.1).
struct INBURGERING_EXPORT IntakeInvitation {
  Date sent_on;
  Date respond_by;
  /// An invitation after a no-show or lack of cooperation comes with a written warning
  /// (schriftelijke waarschuwing; Wi 14.1, second sentence).
  bool written_warning = false;
  InvitationOutcome outcome = InvitationOutcome::kPending;
  friend bool operator==(const IntakeInvitation&, const IntakeInvitation&) = default;
};

/// Brede intake (Wi 14; Bi 5.2).
struct INBURGERING_EXPORT BroadIntake {
  std::vector<IntakeInvitation> invitations;
  std::map<IntakeTopic, TopicRecord> topics;
  std::optional<LearnabilityTest> learnability_test;
  /// The person was told they may hold the interviews alone (Bi 5.2.2).
  bool informed_may_attend_alone = false;
  std::optional<Date> completed_on;
  /// Completed in the person's absence after the invitations ran out (Wi 14.2).
  bool completed_without_participant = false;
  /// The person indicated in the broad intake wanting to follow vocational or higher education
  /// (beroeps- of hoger onderwijs): the condition of the education route (Wi 8.1).
  bool wants_vocational_or_higher_education = false;

  /// The required items not yet recorded, by name: the learnability test ("learnability_test"),
  /// the required topics (VVE only when `has_young_children`), and the notice of Bi 5.2.2
  /// ("informed_may_attend_alone").
  std::vector<std::string> missing_requirements(bool has_young_children) const;

  /// Invitations in a row, counted back from the last, that ended in a no-show or
  /// insufficient cooperation.
  int failed_invitations_in_a_row() const;

  /// The first day of the broad intake: the earliest of the first invitation, a recorded topic
  /// and the learnability test; empty while none is on record. Hours before it never count
  /// (Bi 3.1.5, 3.2.3, 3.14.6, 5.5.2 let only hours "in het kader van de brede intake" count).
  std::optional<Date> started_on() const;

  friend bool operator==(const BroadIntake&, const BroadIntake&) = default;
};

}  // namespace inburgering
