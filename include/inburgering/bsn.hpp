#pragma once
/// @file bsn.hpp
/// The citizen service number (burgerservicenummer, BSN; Wet algemene bepalingen BSN). It is
/// the key DUO and the municipality exchange data on (Wi 36) and is personal data: the type
/// deliberately has no stream operator and no implicit conversion to text, so it cannot end up
/// in a log line by accident. Use `masked()` where a person must recognise it.

#include <compare>
#include <string>
#include <string_view>

#include "inburgering/export.hpp"

namespace inburgering {

/// A valid BSN: exactly nine digits that pass the eleven-test (elfproef):
/// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and not all digits are zero.
class INBURGERING_EXPORT Bsn {
 public:
  /// @throws ValidationError (field "bsn") naming the rule that fails; the message describes
  ///         the input (its length, that it has a non-digit) but never repeats it.
  explicit Bsn(std::string_view digits);

  /// Whether `digits` would be accepted by the constructor.
  static bool is_valid(std::string_view digits) noexcept;

  /// The nine digits. Personal data: do not log.
  const std::string& digits() const noexcept { return digits_; }
  /// The last three digits behind asterisks ("******782"), for display to authorised staff.
  std::string masked() const;

  friend auto operator<=>(const Bsn&, const Bsn&) = default;
  friend bool operator==(const Bsn&, const Bsn&) = default;

 private:
  std::string digits_;
};

}  // namespace inburgering
