#pragma once
/// @file college_offer.hpp
/// What the college itself owes an asylum permit holder and the family joining them (Wi 13.1)
/// next to the PIP: the social guidance (maatschappelijke begeleiding; Wi 13; Bi 5.1) and the
/// timely offer of a course or education for the route (Wi 16.1).

#include <map>
#include <string>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/participant/target_group.hpp"
#include "inburgering/route/route.hpp"

namespace inburgering {

/// Whether the college owes a person of `group` the social guidance (Wi 13.1), the route's
/// intensity in the PIP (Wi 15.2) and a course offer (Wi 16.1): the inburgeringsplichtigen of
/// Wi 13.1, a temporary asylum permit or a regular family permit joining its holder, which the
/// library records as `TargetGroup::kAsylumPermitHolder`.
constexpr bool college_provides_guidance(TargetGroup group) noexcept {
  return group == TargetGroup::kAsylumPermitHolder;
}

/// A component the social guidance contains at least (Wi 13.2; Bi 5.1).
enum class SocialGuidanceComponent {
  /// Praktische hulp bij het regelen van basisvoorzieningen (Wi 13.2.a; Bi 5.1.a): support in
  /// arranging housing, care, work, income, insurance, education and getting to know the
  /// neighbourhood.
  kPracticalHelp,
  /// Voorlichting over basisvoorzieningen in de Nederlandse samenleving (Wi 13.2.b; Bi 5.1.b):
  /// information on housing, income, work, care, education, upbringing and civil-society
  /// organisations.
  kInformation,
};

INBURGERING_ENUM_TEXT(SocialGuidanceComponent);

/// Maatschappelijke begeleiding (Wi 13; Bi 5.1): the college's guidance of a person of Wi 13.1.
/// It begins on the day of the registration in the BRP, for a temporary asylum permit the
/// registration in the municipality that houses the person under Huisvestingswet 2014 art. 28
/// (Wi 13.3): `Trajectory::signals` shows `SignalKind::kSocialGuidanceDue` from that day until
/// it is recorded as started (after a move too, if it never began). Its hours are
/// `HourKind::kSocialGuidance` attendance entries.
struct INBURGERING_EXPORT SocialGuidance {
  /// The day it began.
  Date started_on;
  /// The first day each component (Bi 5.1.a-b) was given. The law sets no day for them; a
  /// component still missing shows in `missing_components`.
  std::map<SocialGuidanceComponent, Date> components;

  /// The components of Bi 5.1 not given yet.
  std::vector<SocialGuidanceComponent> missing_components() const;
  friend bool operator==(const SocialGuidance&, const SocialGuidance&) = default;
};

/// Aanbod van een cursus of opleiding (Wi 16.1): the college offers a person of Wi 13.1 in time
/// a course or education with which they can meet the route the PIP set. The library reads "in
/// time" as by the day the route begins to run (the day after the PIP that set it, Wi 11.2):
/// `SignalKind::kCourseOfferDue` is due then, and again after a route switch or a move.
struct INBURGERING_EXPORT CourseOffer {
  Date offered_on;
  /// The route the course or education serves: the route of the PIP in force.
  Route route = Route::kB1;
  /// The course institution (Wi 16.3 requires it to hold a certificate or keurmerk for a course
  /// aimed at the exam or the Z-route; not checked here). Free text, personal like an
  /// activity's provider.
  std::string provider;
  friend bool operator==(const CourseOffer&, const CourseOffer&) = default;
};

}  // namespace inburgering
