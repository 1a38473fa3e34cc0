#pragma once
/// @file fine.hpp
/// Administrative fines (bestuurlijke boetes): the college's fines of Wi 22-23 computed by the
/// rules of Bi 7.1 from the history, and DUO's fines (Wi 24-26) recorded when received.

#include <optional>
#include <string_view>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/money.hpp"

namespace inburgering {

struct Policy;

/// Degree of culpability (verwijtbaarheid) for the cooperation fine (Bi 7.1.4).
enum class Culpability {
  kIntent,           ///< Opzet: 100%.
  kGrossNegligence,  ///< Grove schuld: 75%.
  kOrdinary,         ///< Neither intent nor gross negligence: 50%.
  kReduced,          ///< Verminderde verwijtbaarheid: 25%.
  kNone,             ///< Not culpable: no fine.
};

/// The college's fines.
enum class MunicipalFineKind {
  /// Not appearing at, or not cooperating with, the broad intake or learnability test (Wi 22).
  kIntake,
  /// Not cooperating with guidance, PVT/MAP intensity or route intensity (Wi 23).
  kCooperation,
};

/// A fine the college imposed (boetebeschikking), and what became of it.
struct INBURGERING_EXPORT MunicipalFine {
  MunicipalFineKind kind = MunicipalFineKind::kIntake;
  Date imposed_on;
  /// Amount before culpability, lowering and cap (cooperation: €50 doubling; intake: €250).
  Money base_amount;
  /// Cooperation fine: the degree of culpability (Bi 7.1.4). The scale does not apply to the
  /// intake fine, which keeps `kIntent` (100%) here; it is lowered only under Bi 7.1.6.
  Culpability culpability = Culpability::kIntent;
  /// The amount imposed.
  Money amount;
  /// Cooperation fine: the day the violation was established (dag van constatering, Bi 7.1.3).
  /// Empty for fines recorded before library 0.3: then the day imposed counts.
  std::optional<Date> established_on;
  /// Intake fine: the last day of the new term the decision set (Wi 22.2), within which the
  /// person is still expected to appear or cooperate. Empty for fines recorded before 0.3.
  std::optional<Date> new_term_until;
  /// The day an objection or appeal (bezwaar, beroep) was lodged: the fine is not irrevocable
  /// while it runs.
  std::optional<Date> contested_on;
  /// The day the fine became irrevocable (onherroepelijk): only then does it count for the
  /// doubling of Bi 7.1.3.
  std::optional<Date> irrevocable_on;
  /// The day the fine was annulled (on objection or appeal): it counts for nothing after that.
  std::optional<Date> annulled_on;

  /// Whether the fine still stands on `on` (not annulled by then).
  bool stands_on(Date on) const noexcept { return !annulled_on || *annulled_on > on; }
  friend bool operator==(const MunicipalFine&, const MunicipalFine&) = default;
};

/// The college's decision to impose the intake fine (Wi 22).
struct INBURGERING_EXPORT IntakeFineDecision {
  Date imposed_on;
  /// Last day of the new term the first fine's decision sets (Wi 22.2): after `imposed_on`, at
  /// most `Policy::intake_fine_new_term_months` later. Required for the first fine; the second
  /// (Wi 22.3) sets none, so it stays empty.
  std::optional<Date> new_term_until;
  /// Bi 7.1.6: the amount lowered for circumstances the person showed, or the college knows of;
  /// empty for the full amount. Must be positive and below the full amount.
  std::optional<Money> lowered_to;
  /// Wi 27: the social assistance was already lowered for the same conduct (then no fine).
  bool assistance_already_lowered = false;
};

/// The college's decision to impose the cooperation fine (Wi 23).
struct INBURGERING_EXPORT CooperationFineDecision {
  /// The day the violation was established (dag van constatering; Bi 7.1.3 counts back 12
  /// months from it).
  Date established_on;
  /// The day of the decision (on or after `established_on`).
  Date imposed_on;
  /// The degree of culpability the decision establishes (Bi 7.1.4): required, no default.
  std::optional<Culpability> culpability;
  /// Wi 27: the social assistance was already lowered for the same conduct (then no fine).
  bool assistance_already_lowered = false;
};

/// The longest new term a DUO fine decision sets, in months (Wi 24.2: "ten hoogste twee jaar";
/// Wi 25.2). Statutory, and DUO's to apply, not the college's: not a `Policy` number.
inline constexpr int kMaxDuoNewTermMonths = 24;
/// The latest a DUO fine decision is accepted as made known, in days after it was taken. Not a
/// legal number (Awb 3:41 makes a decision known by sending it, in practice within days): a bound
/// on input, so that a mistyped year does not hold a new term back for years.
inline constexpr int kMaxDuoFineAnnouncedDays = 366;
/// DUO repeats the fine every this many years once the second new term ran out (Wi 24.4:
/// "iedere twee jaar"; Wi 25.2).
inline constexpr int kDuoRepeatFineYears = 2;

/// DUO's fines.
enum class DuoFineKind {
  /// PVT or MAP not completed in time (Wi 24): €340.
  kPvtMapNotInTime,
  /// Learning route not achieved in time (Wi 25-26): at most €1,000.
  kRouteNotInTime,
};

/// A fine DUO imposed, recorded when the college is told (Bi 9.6.5), for one part of the
/// obligation (`kind`). Per part, DUO fines in this order, each only after the term before it
/// ran out: the first after the Wi 11.1 term (Wi 24.1, 25.1), setting a new term (Wi 24.2); the
/// second after that new term, setting another (Wi 24.3); then, while the part is not done, one
/// every two years after the second new term ran out, setting none (Wi 24.4; Wi 25.2 applies
/// 24.2-4 to the route). `Trajectory::record_duo_fine` checks that order.
struct INBURGERING_EXPORT DuoFine {
  DuoFineKind kind = DuoFineKind::kRouteNotInTime;
  Date imposed_on;
  Money amount;
  /// Length of the new term DUO set, in months: 6, 12, 18 or 24. Wi 24.2 allows any term of at
  /// most two years ("ten hoogste twee jaar"); the library takes the four lengths Bi 7.1.5 caps
  /// the college's fines for (README, "Deliberate interpretations"). 0 for the repeated fine of
  /// Wi 24.4, which sets none.
  int new_term_months = 0;
  /// The day the fine decision was made known (bekendgemaakt, Awb 3:41) to the person: the new
  /// term runs from the day after (Wi 24.2: "na het bekendmaken van de boetebeschikking").
  /// Empty: the day it was imposed (fines recorded before library 0.6, and when unknown). At
  /// most `kMaxDuoFineAnnouncedDays` after `imposed_on`. A day after the day the fine is recorded
  /// is accepted (the notice is on its way); the stored term end follows it on the next save or
  /// `TrajectoryStore::refresh_deadlines`, which should run daily anyway.
  std::optional<Date> announced_on;

  /// The day the decision was made known: `announced_on`, else `imposed_on`.
  Date made_known_on() const noexcept { return announced_on.value_or(imposed_on); }
  /// The first day of the new term the decision set (the day after it was made known).
  Date new_term_start() const { return made_known_on() + boost::gregorian::days(1); }
  friend bool operator==(const DuoFine&, const DuoFine&) = default;
};

INBURGERING_ENUM_TEXT(Culpability);
INBURGERING_ENUM_TEXT(MunicipalFineKind);
INBURGERING_ENUM_TEXT(DuoFineKind);

/// The percentage of Bi 7.1.4 for `culpability`.
INBURGERING_EXPORT int culpability_percent(Culpability culpability, const Policy& policy) noexcept;

/// The cap on Wi 22 and Wi 23 fines together for the term in which `on` falls (Bi 7.1.5):
/// `municipal_fine_cap_per_term`, or, once a DUO fine set a new term (from the day after it was
/// made known, Wi 24.2), the half-year amount times the new term's half years (Bi 7.1.5.a-d:
/// €400 to €1,600). A new term's cap applies until the part's next new term starts; with new
/// terms for both parts, the lesser cap.
INBURGERING_EXPORT Money municipal_fine_cap(const std::vector<DuoFine>& duo_fines, Date on,
                                            const Policy& policy);

/// The intake fine `decision` imposes (Wi 22; amount Bi 7.1.1), given the fines so far. Which
/// conduct it answers (Wi 22.1: the repeated invitation's term ran out; Wi 22.3: the new term
/// of the first fine ran out) is checked by `Trajectory::impose_intake_fine`.
/// @throws RuleViolation: two intake fines stand already (Wi 22.1, 22.3); the social
///         assistance was already lowered for the same conduct (Wi 27); the cap is reached
///         (Bi 7.1.5). ValidationError: the first fine without a new term, or one not after the
///         decision or longer than `intake_fine_new_term_months` (Wi 22.2); the second with one;
///         `lowered_to` not below the full amount.
///         The amount is lowered to what the cap leaves.
INBURGERING_EXPORT MunicipalFine next_intake_fine(const std::vector<MunicipalFine>& fines,
                                                  const std::vector<DuoFine>& duo_fines,
                                                  const IntakeFineDecision& decision,
                                                  const Policy& policy);

/// The cooperation fine `decision` imposes (Wi 23; Bi 7.1.2-5): €50; doubled ("steeds met 100
/// procent verhoogd") over the highest earlier cooperation fine whose violation was established
/// within the 12 months before `established_on` and which became irrevocable on or before
/// `imposed_on`, at most €800; times the culpability percentage (Bi 7.1.4); lowered to what the
/// cap leaves (Bi 7.1.5). Annulled fines count for nothing.
/// @throws RuleViolation: not culpable (Awb 5:41); assistance already lowered (Wi 27); cap
///         reached (Bi 7.1.5). ValidationError: no culpability stated; `imposed_on` before
///         `established_on`.
INBURGERING_EXPORT MunicipalFine next_cooperation_fine(const std::vector<MunicipalFine>& fines,
                                                       const std::vector<DuoFine>& duo_fines,
                                                       const CooperationFineDecision& decision,
                                                       const Policy& policy);

/// @throws ValidationError: invalid date; amount not positive or above the statutory amount
///         (Wi 26.1.b: €340; Wi 26.1.d: €1,000); new term outside 0..24 months; made known
///         before it was imposed.
INBURGERING_EXPORT void validate(const DuoFine& fine, const Policy& policy);

}  // namespace inburgering
