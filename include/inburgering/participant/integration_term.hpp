#pragma once
/// @file integration_term.hpp
/// The integration term (inburgeringstermijn; Wi 11-12): 3 years from the day after the date
/// of issue (dagtekening) of the first PIP, lengthened by DUO extensions and interruptions.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/sanctions/fine.hpp"

namespace inburgering {

struct Policy;

/// Bounds on DUO's extensions (Wi 12 sets none; these keep every computed date within the
/// calendar and catch typing errors): months of one extension, and extensions of one term.
inline constexpr int kMaxExtensionMonths = 60;
inline constexpr std::size_t kMaxExtensions = 20;

/// Ground of an extension (verlenging) decided by DUO (Wi 12).
enum class ExtensionGround {
  /// The overrun is not the person's fault (Wi 12.1.a; Bi 4.3). Length set by DUO in the
  /// decision (Bi 4.3.3, 4.5.4; the Regeling inburgering 2021 may set it).
  kNotCulpable,
  /// Substantial efforts make completion likely (Wi 12.1.b; Bi 4.4): exactly
  /// `Policy::substantial_efforts_extension_months` (Bi 4.4.1: 6 months).
  kSubstantialEfforts,
  /// DUO extended on its own initiative in a case of this person (Bi 4.5.2): not earlier than
  /// the request window opens.
  kOwnInitiative,
  /// DUO extended on its own initiative for all or a category of people (Bi 4.5.3), for a
  /// length set by ministerial regulation: at any time.
  kCategorical,
};

/// Who asked for an extension (Bi 4.5.1: "een aanvraag"). The college may help, but the
/// request is the person's.
enum class ExtensionRequester {
  kParticipant,     ///< The person obliged to integrate.
  kRepresentative,  ///< Someone acting for them (a guardian or authorised representative).
};

/// A request for extension (aanvraag tot verlenging; Wi 12; Bi 4.5.1), as the college learns of
/// it, and DUO's decision on it once recorded.
struct INBURGERING_EXPORT ExtensionRequest {
  Date requested_on;
  /// The ground the request relies on: `kNotCulpable` or `kSubstantialEfforts`.
  ExtensionGround ground = ExtensionGround::kSubstantialEfforts;
  ExtensionRequester requested_by = ExtensionRequester::kParticipant;
  /// Date of DUO's decision (Bi 4.5.1: within 8 weeks of receipt); empty while pending.
  std::optional<Date> decided_on;
  /// Whether DUO granted it (then an `Extension` with the same ground and date is on record).
  bool granted = false;
  friend bool operator==(const ExtensionRequest&, const ExtensionRequest&) = default;
};

/// Verlenging: an extension of the term decided by DUO, recorded when received.
struct INBURGERING_EXPORT Extension {
  ExtensionGround ground = ExtensionGround::kSubstantialEfforts;
  /// Date of DUO's decision; counts from this date for "end date at a given date".
  Date decided_on;
  /// Length in months (> 0).
  int months = 0;
  friend bool operator==(const Extension&, const Extension&) = default;
};

/// An interruption that lengthens the term, e.g. a period without BRP registration (Bi 2.1.2,
/// 4.2). Each interruption counts for at most `Policy::max_interruption_days`.
struct INBURGERING_EXPORT Interruption {
  Date from;
  /// Last day of the interruption (inclusive); empty while it lasts.
  std::optional<Date> until;
  std::string reason;
  friend bool operator==(const Interruption&, const Interruption&) = default;
};

/// The integration term (inburgeringstermijn). Starts on the day after the first PIP's date of
/// issue and is never restarted: a new PIP version or a move does not change the start (Wi 11.3).
///
/// A term keeps the numbers of the policy it started under (`starting_after`): its length, the
/// most an interruption adds, and the extension-request window. A later policy change does not
/// rewrite a running term, so its end needs no policy.
///
/// **The term in force.** When the term ran out and DUO fined the person for it, the fine
/// decision sets a new term of at most two years, running from the day after the decision was
/// made known (Wi 24.2-3 for PVT and MAP, 25.2 for the route; `DuoFine::new_term_months`). In
/// chapter 4 of the Bi, "termijn" is the Wi 11.1 term or that new term (Bi 4.1): interruptions
/// (Bi 4.2) and the request window (Bi 4.5) apply to whichever is in force, and an extension
/// lengthens the new term (Wi 24.2: only ground Wi 12.1.a). So the end of the term depends on
/// DUO's fines, which the record keeps apart (`TrajectoryRecord::duo_fines`); every query below
/// takes them. An extension or interruption belongs to the term its date falls in: the Wi 11.1
/// term before the first new term's fine was imposed (by then it had run out), afterwards the
/// newest new term of each part (both, when DUO set one for PVT/MAP and one for the route: an
/// act of DUO names no part, so it lengthens both; README, "Deliberate interpretations"). An
/// interruption that began before a new term lengthens it only by its days from that term's
/// first day on.
struct INBURGERING_EXPORT IntegrationTerm {
  /// First day of the term: the day after the first PIP's date of issue (Wi 11.2).
  Date start;
  /// Length in months when the term started (`Policy::term_months`, Wi 11.1).
  int length_months = 36;
  /// Days one interruption adds at most, when the term started (`Policy::max_interruption_days`;
  /// Bi 2.1.2, 4.2).
  int max_interruption_days = 365;
  /// Months before the end from which an extension may be requested, when the term started
  /// (`Policy::extension_request_window_months`; Bi 4.5).
  int extension_request_window_months = 6;
  /// Months after the start during which the route may be switched, when the term started
  /// (`Policy::route_switch_window_months`; Wi 17.2; Bi 5.4).
  int route_switch_window_months = 18;
  std::vector<Extension> extensions;
  std::vector<Interruption> interruptions;
  /// Requests for extension, in the order made; at most the last is pending.
  std::vector<ExtensionRequest> extension_requests;

  /// The term that starts after a PIP issued on `date_of_issue`, with the numbers of `policy`.
  static IntegrationTerm starting_after(Date date_of_issue, const Policy& policy);

  /// The last day of the term in force (see above) as it is known on `as_of`: only extensions
  /// decided and DUO fines made known on or before that date count, and interruptions only with
  /// the days they had lasted by then. With new terms for both parts, the later end.
  Date end_date(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// The last day of the Wi 11.1 term, extended (Wi 12) and interrupted (Bi 4.2) while it was
  /// in force, as known on `as_of`: what the first DUO fine of each part follows (Wi 24.1, 25.1).
  Date statutory_end(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// The last day of the new term `fine` set (Wi 24.2-3, 25.2), with the extensions and
  /// interruptions that belong to it, as known on `as_of`. `fine` is one of `duo_fines` and
  /// sets a new term (`new_term_months` > 0).
  Date new_term_end(const DuoFine& fine, Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// The DUO fine whose new term is in force on `as_of` (the newest one made known by then that
  /// sets a term, see `sets_new_term`), or null while the Wi 11.1 term is.
  const DuoFine* newest_new_term(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// Whether `fine` (one of `duo_fines`) sets a term in force as known on `as_of`: it sets a
  /// new term (`new_term_months` > 0), was made known by then, and was imposed after the Wi 11.1
  /// term (as lengthened by the acts before the first such fine) ran out (Wi 24.1, 25.1). A fine
  /// stored by 0.4 or 0.5, which did not check the order, while the term ran sets none: it
  /// cannot shorten it.
  bool sets_new_term(const DuoFine& fine, Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// Days from `as_of` up to and including the last day (0 on the last day, negative after).
  long days_left(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// First day on which DUO accepts a request for extension: `extension_request_window_months`
  /// before the end of the term in force (Bi 4.1, 4.5), as the end is known on `as_of`.
  Date extension_window_opens(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// Whether an extension request may be made on `as_of` (window open and term not ended).
  bool extension_window_open(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// Whether `as_of` lies within the term (start ≤ as_of ≤ end of the term in force).
  bool running_on(Date as_of, const std::vector<DuoFine>& duo_fines) const;
  /// The last day a route switch is allowed (Wi 17.2; Bi 5.4): `route_switch_window_months`
  /// after the start (the day before the start when the window is 0).
  Date route_switch_deadline() const;

  /// @throws ValidationError for an invalid start, length < 1, a negative interruption limit, a
  ///         window < 1 month, a negative route-switch window, or a malformed extension or
  ///         interruption (non-positive months, `until` before `from`, dates before the start).
  void validate() const;

  friend bool operator==(const IntegrationTerm&, const IntegrationTerm&) = default;
};

INBURGERING_ENUM_TEXT(ExtensionGround);
INBURGERING_ENUM_TEXT(ExtensionRequester);
/// @throws ValidationError for non-positive months or an invalid date.
INBURGERING_EXPORT void validate(const Extension& extension);
/// @throws ValidationError for an invalid date or `until` before `from`.
INBURGERING_EXPORT void validate(const Interruption& interruption);
/// @throws ValidationError for an invalid date, a ground other than `kNotCulpable` or
///         `kSubstantialEfforts`, a decision before the request, or `granted` without a decision.
INBURGERING_EXPORT void validate(const ExtensionRequest& request);

}  // namespace inburgering
