#pragma once
/// @file trajectory_state.hpp
/// The states of an integration trajectory and how it ended.

#include <optional>
#include <string>
#include <string_view>

#include "inburgering/calendar.hpp"
#include "inburgering/enum_text.hpp"
#include "inburgering/export.hpp"
#include "inburgering/municipality.hpp"

namespace inburgering {

/// Where a trajectory stands. Normal flow: registered → intake → planning → route → completed.
/// From any non-final state it can leave the flow: exempted, dispensed, transferred out, ended.
enum class TrajectoryState {
  /// DUO's notice is registered; nothing has happened yet.
  kRegistered,
  /// The broad intake (Wi 14) is under way.
  kIntake,
  /// The intake is completed; the PIP (Wi 15) is being prepared.
  kPlanning,
  /// A PIP is issued and the term runs: the person follows the route.
  kRoute,
  /// Diploma or certificate: the obligation is met (Wi 6.2; Bi 3.15-3.16). Final, except that
  /// DUO may withdraw the diploma (Bi 3.10.3): the trajectory then returns to `kRoute`.
  kCompleted,
  /// The whole obligation is lifted by an exemption (vrijstelling, Wi 4). Final.
  kExempted,
  /// The whole obligation is lifted by a dispensation (ontheffing, Wi 5). Final.
  kDispensed,
  /// The person moved to another municipality, whose college takes over (Wi 15.4). Final here.
  kTransferredOut,
  /// The obligation ended otherwise (left the country, permit withdrawn, deceased, …). Final.
  kEnded,
};

/// Whether the trajectory left the flow: no act changes it any more, except the withdrawal of
/// the diploma of a completed one (Bi 3.10.3; `Trajectory::record_diploma_withdrawn`).
constexpr bool is_final(TrajectoryState state) noexcept {
  return state == TrajectoryState::kCompleted || state == TrajectoryState::kExempted ||
         state == TrajectoryState::kDispensed || state == TrajectoryState::kTransferredOut ||
         state == TrajectoryState::kEnded;
}

/// Whether the state machine has an edge from `from` to `to`.
INBURGERING_EXPORT bool transition_allowed(TrajectoryState from, TrajectoryState to) noexcept;

INBURGERING_ENUM_TEXT(TrajectoryState);

/// Why a trajectory ended in `kEnded`.
enum class EndReason {
  kLeftCountry,  ///< Left the Netherlands (no lawful residence any more).
  /// Permit withdrawn or not renewed (Wi 25.3). The obligation does not end while lawful
  /// residence under an application, objection or appeal (Vw 8.g-h) directly follows (Bi 2.1,
  /// first member): refused while a `ResidenceProcedure` on record runs on that day.
  kPermitWithdrawn,
  kDeceased,
  /// Reached the state-pension age: the obligation ended (Wi 3.1; not before that day).
  kStatePensionAge,
  /// The term in force ran out without completion and the college closes its file; the
  /// obligation itself goes on, with DUO's fines (Wi 24-25). Not while the term runs (Wi 11.1).
  kTermExpired,
  kOther,
  /// Away, not a BRP resident, or staying for a temporary purpose for more than a year between
  /// two periods of obligation: the obligation ended (Bi 2.1.2).
  kObligationLapsed,
};

INBURGERING_ENUM_TEXT(EndReason);

/// How and when a trajectory left the flow (set for every final state).
struct INBURGERING_EXPORT Closure {
  Date on;
  TrajectoryState final_state = TrajectoryState::kEnded;
  /// For `kEnded` only.
  std::optional<EndReason> end_reason;
  /// For `kTransferredOut`: the new housing municipality.
  std::optional<MunicipalityCode> moved_to;
  friend bool operator==(const Closure&, const Closure&) = default;
};

/// Intrekking van het inburgeringsdiploma (Bi 3.10.3): an irregularity found after the diploma
/// was issued; DUO declared exam results invalid and withdrew the diploma, so the completion of
/// `completed_on` no longer stands and the person follows the route again.
struct INBURGERING_EXPORT DiplomaWithdrawal {
  /// The day of the completion that was undone (its `Closure::on`).
  Date completed_on;
  /// The day DUO withdrew the diploma.
  Date withdrawn_on;
  friend bool operator==(const DiplomaWithdrawal&, const DiplomaWithdrawal&) = default;
};

/// A trajectory taken over from another municipality after a move (Wi 15.4; Bi 5.3.3).
struct INBURGERING_EXPORT TransferIn {
  MunicipalityCode from;
  /// Registration in the BRP of the new municipality: the PIP after a move is due 10 weeks later.
  Date brp_registration_on;
  /// Whether the person had a PIP before the move (then a `kMove` version is required).
  bool had_plan = false;
  friend bool operator==(const TransferIn&, const TransferIn&) = default;
};

}  // namespace inburgering
