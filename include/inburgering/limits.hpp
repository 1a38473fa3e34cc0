#pragma once
/// @file limits.hpp
/// What the model accepts as a date or a text, wherever data enters it (`Trajectory::open`, every
/// act, `Trajectory::from_record`, a store's decoder). Input outside these limits is refused with
/// a `ValidationError` naming the field; it never reaches storage or a third-party library.

#include <cstddef>
#include <string_view>

#include "inburgering/export.hpp"

namespace inburgering {

/// Every date that enters the model (a date of birth, of an act, of a decision) lies in the years
/// `kEarliestYear`..`kLatestYear` (`require_valid`, `parse_date`). That covers every birth date
/// and every term with a wide margin.
inline constexpr int kEarliestYear = 1900;
inline constexpr int kLatestYear = 2199;
/// Dates the library computes from those and keeps in a record (a term's start, the schedule of
/// progress interviews, a PIP's deadline) may lie later, up to this year; with the bounds on
/// policy numbers and extensions every such date stays far inside the calendar (1400..9999).
inline constexpr int kLatestRecordYear = 2999;

/// Longest text field, in bytes of UTF-8 (names, notes, explanations, goals, payees, …).
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;
/// Longest identifier (a user id, a regional arrangement's name), in bytes of UTF-8.
inline constexpr std::size_t kMaxIdentifierBytes = 128;

/// Checks a text field: valid UTF-8 (no overlong forms, no surrogates), no control characters
/// except tab, line feed and carriage return, at most `kMaxTextBytes` bytes.
/// @throws ValidationError naming `field`; the value is described, never repeated.
INBURGERING_EXPORT void check_text(std::string_view text, std::string_view field);

/// Checks an identifier: non-empty, valid UTF-8, no control characters at all, at most
/// `kMaxIdentifierBytes` bytes. @throws ValidationError naming `field`.
INBURGERING_EXPORT void check_identifier(std::string_view text, std::string_view field);

}  // namespace inburgering
