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

/// A fine the college imposed.
struct INBURGERING_EXPORT MunicipalFine {
  MunicipalFineKind kind = MunicipalFineKind::kIntake;
  Date imposed_on;
  /// Amount before culpability and cap (cooperation: €50 doubling; intake: €250).
  Money base_amount;
  Culpability culpability = Culpability::kIntent;
  /// The amount imposed.
  Money amount;
  friend bool operator==(const MunicipalFine&, const MunicipalFine&) = default;
};

/// DUO's fines.
enum class DuoFineKind {
  /// PVT or MAP not completed in time (Wi 24): €340.
  kPvtMapNotInTime,
  /// Learning route not achieved in time (Wi 25-26): at most €1,000.
  kRouteNotInTime,
};

/// A fine DUO imposed, recorded when the college is told (Bi 9.6.5). It sets a new term.
struct INBURGERING_EXPORT DuoFine {
  DuoFineKind kind = DuoFineKind::kRouteNotInTime;
  Date imposed_on;
  Money amount;
  /// Length of the new term DUO set, in months (≤ 24, Wi 24-25).
  int new_term_months = 0;
  friend bool operator==(const DuoFine&, const DuoFine&) = default;
};

INBURGERING_ENUM_TEXT(Culpability);
INBURGERING_ENUM_TEXT(MunicipalFineKind);
INBURGERING_ENUM_TEXT(DuoFineKind);

/// The percentage of Bi 7.1.4 for `culpability`.
INBURGERING_EXPORT int culpability_percent(Culpability culpability, const Policy& policy) noexcept;

/// The cap on Wi 22 and Wi 23 fines together for the term in which `on` falls (Bi 7.1.5):
/// `municipal_fine_cap_per_term`, or, after a DUO fine set a new term, the half-year amount
/// times the new term's half years.
INBURGERING_EXPORT Money municipal_fine_cap(const std::vector<DuoFine>& duo_fines, Date on,
                                            const Policy& policy);

/// The next intake fine (Wi 22; Bi 7.1.1) on `on`, given the fines so far.
/// @throws RuleViolation: the maximum number of intake fines is reached (Bi 7.1.1); the
///         social assistance was already lowered for the same conduct (Wi 27); the cap is
///         reached (Bi 7.1.5). The amount is lowered to what the cap leaves.
INBURGERING_EXPORT MunicipalFine next_intake_fine(const std::vector<MunicipalFine>& fines,
                                                  const std::vector<DuoFine>& duo_fines, Date on,
                                                  bool assistance_already_lowered,
                                                  const Policy& policy);

/// The next cooperation fine (Wi 23; Bi 7.1.2-5) on `on`: €50, doubled per repeat within 12
/// months of the previous cooperation fine, at most €800, times the culpability percentage,
/// lowered to what the cap leaves.
/// @throws RuleViolation: not culpable (Bi 7.1.4); assistance already lowered (Wi 27); cap
///         reached (Bi 7.1.5).
INBURGERING_EXPORT MunicipalFine next_cooperation_fine(const std::vector<MunicipalFine>& fines,
                                                       const std::vector<DuoFine>& duo_fines,
                                                       Date on, Culpability culpability,
                                                       bool assistance_already_lowered,
                                                       const Policy& policy);

/// @throws ValidationError: invalid date; amount not positive or above the statutory amount
///         (Wi 24: €340; Wi 26: €1,000); new term outside 1..24 months.
INBURGERING_EXPORT void validate(const DuoFine& fine, const Policy& policy);

}  // namespace inburgering
