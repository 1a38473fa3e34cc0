#pragma once
/// @file plan_component.hpp
/// The content of a PIP (Wi 15): route, intensities, support, goals and agreed activities.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/route/exam_part.hpp"
#include "inburgering/route/route.hpp"

namespace inburgering {

struct Policy;

/// What an agreed activity is part of.
enum class ActivityKind {
  kLanguageCourse,     ///< NT2 or bridging course at a provider.
  kKnm,                ///< Knowledge of Dutch society.
  kPvt,                ///< Participation-statement trajectory (Wi 6.4).
  kMap,                ///< Labour-market and participation module (Wi 6.6).
  kParticipation,      ///< Volunteering, work placement (Z-route participation hours).
  kWork,               ///< Paid work, job coaching, trial placement.
  kEducation,          ///< Vocational or other education.
  kSocialGuidance,     ///< Maatschappelijke begeleiding (Wi 13; Bi 5.1).
  kFinancialCoaching,  ///< Budgeting coaching during unburdening.
  kGroupSession,       ///< Group sessions of a programme or pilot.
  kOther,
};

INBURGERING_ENUM_TEXT(ActivityKind);

/// An activity agreed in the PIP.
struct INBURGERING_EXPORT PlanActivity {
  ActivityKind kind = ActivityKind::kOther;
  std::string description;
  /// The provider or partner that runs it (e.g. a course provider, a job coach's employer).
  std::string provider;
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
  /// Planned hours per week (0 when not applicable).
  int hours_per_week = 0;
  friend bool operator==(const PlanActivity&, const PlanActivity&) = default;
};

/// What the college decides in a PIP (Wi 15; Bi 5.3). A `PlanVersion` wraps it with the date
/// of issue and the reason for the version.
struct INBURGERING_EXPORT PlanContent {
  /// Leerroute (Wi 15.1.a).
  Route route = Route::kB1;
  /// Intensity of the route in hours per week. Required (> 0) for asylum permit holders
  /// (Wi 15.2); 0 means "not set" for others.
  int route_intensity_hours_per_week = 0;
  /// Support and guidance (ondersteuning en begeleiding) (Wi 15.1.b).
  std::string support;
  /// Intensity of the PVT in hours (Wi 15.1.c); at least `Policy::pvt_min_hours`.
  int pvt_hours = 12;
  /// Intensity of the MAP in hours (Wi 15.1.c); 0 in the education route (no MAP, Wi 8).
  int map_hours = 0;
  /// Agreements about early-childhood education (VVE) for the children (Wi 15.1.d).
  std::string vve_agreements;
  /// Number of progress interviews (voortgangsgesprekken) over the term (Bi 5.3.4).
  int progress_interview_count = 0;
  /// Z-route only: whether the person may take the A2 and KNM exams (Bi 3.14.7).
  bool z_route_exams_allowed = false;
  /// The college's reasons when it chooses the B1-route although the learnability test says
  /// it is not feasible (deviation with reasons, Divosa handreiking).
  std::string learnability_deviation_reason;
  /// Exam parts scaled down to A2 (afschalen; Wi 17.3; Bi 5.5). B1-route only.
  std::set<ExamPart> scaled_down_parts;
  /// The unburdening decision (Pw 56a) is attached to and forms part of the PIP (Wi 15.3).
  bool unburdening_attached = false;
  /// Goals agreed with the person (language, work, social life).
  std::vector<std::string> goals;
  std::vector<PlanActivity> activities;
  friend bool operator==(const PlanContent&, const PlanContent&) = default;
};

/// The numbers of the policy a PIP version is judged by, as they were on its date of issue.
/// Every `PlanVersion` keeps its own, so a college that later raises, say, the minimum number
/// of progress interviews does not make earlier versions invalid; new versions are judged by
/// the trajectory's policy of their day.
struct INBURGERING_EXPORT PlanNorms {
  /// The PVT hours the version plans at least: `Policy::pvt_min_hours` (Bi 3.1.3), less the
  /// whole hours of PVT activity done in the broad intake (Bi 3.1.5; versions of library 0.5
  /// and older kept the policy's number).
  int pvt_min_hours = 12;
  /// The MAP hours it plans at least: `Policy::map_min_hours` (Bi 3.2; Regeling), less those
  /// done in the broad intake (Bi 3.2.3).
  int map_min_hours = 0;
  /// `Policy::min_progress_interviews` (Bi 5.3.4; Wi 17.1).
  int min_progress_interviews = 1;

  /// The norms `policy` sets.
  static PlanNorms of(const Policy& policy);
  friend bool operator==(const PlanNorms&, const PlanNorms&) = default;
};

/// @throws ValidationError for content that is malformed whatever the trajectory: negative
///         intensities, PVT below `norms.pvt_min_hours`, MAP hours in the education route,
///         scaled-down parts outside the B1-route, exams allowed outside the Z-route, fewer
///         progress interviews than `norms.min_progress_interviews`, an activity ending before
///         it starts or with an empty description.
INBURGERING_EXPORT void validate(const PlanContent& content, const PlanNorms& norms);
/// `validate(content, PlanNorms::of(policy))`.
INBURGERING_EXPORT void validate(const PlanContent& content, const Policy& policy);

}  // namespace inburgering
