#pragma once
/// @file
/// Synthetic trajectories for demonstrations, training environments and benchmarks: realistic in
/// their proportions and dates, invented in every personal detail, and reproducible from a seed.
///
/// Never mix synthetic data with production data. The BSNs pass the eleven-test (elfproef) so
/// that the library accepts them, and are drawn from the numbers that begin with 9; the library
/// cannot know whether a number was ever issued to a real person, so every synthetic person also
/// has an invented name from a fixed list and the family name prefix "Test-", which makes a
/// synthetic record recognisable wherever it ends up.

#include <cstdint>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/trajectory/trajectory.hpp"

namespace inburgering::synthetic {

/// What to generate. The defaults give a mid-sized region on 2026-11-23.
struct INBURGERING_EXPORT Options {
  /// Any value; the same seed, index and options give the same trajectory on every platform
  /// (the generator uses its own integer arithmetic, not the standard distributions).
  std::uint64_t seed = 1;
  /// The date the data describes: no act is dated after it (deadlines and planned dates, such as
  /// an invitation's respond-by date or an activity's start, may be). Registrations spread over
  /// the `history_days` (1 .. 3650) before it, so some trajectories are in their intake, most on
  /// their route, and the oldest completed, ended or at their term's end. No act of an ended or
  /// completed trajectory is dated after its closure.
  Date as_of = Date(2026, 11, 23);
  int history_days = 1500;
  /// The municipalities the trajectories are spread over (round robin by a hash of the index).
  /// Default: Utrecht, Amersfoort, Amsterdam.
  std::vector<MunicipalityCode> municipalities = {
      MunicipalityCode("0344"), MunicipalityCode("0307"), MunicipalityCode("0363")};
  /// Caseworkers per municipality, user ids "km-<code>-<n>" with n from 1.
  int caseworkers_per_municipality = 4;
  /// The id of trajectory index 0 (>= 1); index i gets `first_id + i` (and that participant id).
  std::int64_t first_id = 1;
};

/// Synthetic trajectory number `index` (>= 0): a person with an invented name, a test BSN and a
/// target group in the national proportions (about 6 in 10 asylum permit holders, 3 in 10
/// family migrants, the rest other migrants), taken through the acts the time since their
/// registration allows: invitation (an occasional no-show), the broad intake and learnability
/// test, a first PIP (sometimes after its deadline) on the B1-route, education route or Z-route,
/// attendance reported fortnightly, progress interviews (some missed), PVT and MAP, exams,
/// unburdening with budgeting coaching for most asylum permit holders, a rare fine, interruption
/// or extension, and completion or an early end. Every act goes through the Trajectory API, so
/// the result satisfies every rule of the model.
/// @throws ValidationError naming the field: an index < 0, no municipalities or caseworkers,
///         `history_days` or `as_of` out of range, `first_id + index` not a positive id.
INBURGERING_EXPORT Trajectory trajectory(const Options& options, std::int64_t index);

/// The BSN of synthetic person `index`: a nine-digit number beginning with 9 that passes the
/// eleven-test, distinct for every index below 9,000,000.
INBURGERING_EXPORT Bsn bsn(std::uint64_t seed, std::int64_t index);

}  // namespace inburgering::synthetic
