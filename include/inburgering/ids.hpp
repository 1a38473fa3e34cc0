#pragma once
/// @file ids.hpp
/// Strong identifiers: an id of one kind cannot be passed where another is expected, and none
/// converts implicitly from an integer or a string (as date's `day` and `month`).

#include <compare>
#include <cstdint>
#include <string>
#include <utility>

#include "inburgering/export.hpp"

namespace inburgering {

/// A typed wrapper around a value `T`; `Tag` makes each id its own type.
template <typename Tag, typename T>
class INBURGERING_EXPORT StrongId {
 public:
  using value_type = T;
  /// A default-constructed id (0 or empty): "not yet assigned".
  StrongId() = default;
  explicit StrongId(T value) : value_(std::move(value)) {}
  const T& value() const noexcept { return value_; }
  friend auto operator<=>(const StrongId&, const StrongId&) = default;
  friend bool operator==(const StrongId&, const StrongId&) = default;

 private:
  T value_{};
};

/// Identifies one integration trajectory (inburgeringstraject) of one person in one municipality.
using TrajectoryId = StrongId<struct TrajectoryIdTag, std::int64_t>;
/// Identifies one person obliged to integrate (inburgeringsplichtige) within the library.
/// Not the BSN: the BSN is personal data and is never used as a key in logs or messages.
using ParticipantId = StrongId<struct ParticipantIdTag, std::int64_t>;
/// Identifies a user of the municipality (a klantmanager or other employee), as known to the
/// embedding back-office software.
using UserId = StrongId<struct UserIdTag, std::string>;

/// Text form of an integer id, for messages ("trajectory 42").
inline std::string to_string(const TrajectoryId& id) { return std::to_string(id.value()); }
inline std::string to_string(const ParticipantId& id) { return std::to_string(id.value()); }

}  // namespace inburgering
