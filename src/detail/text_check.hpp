#pragma once
// Private: the text rules of limits.hpp without building a field name (for walkers that name
// the field only when something is wrong).

#include <string_view>

namespace inburgering::detail {

/// The first problem with `text` as UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF) or its characters (no C0/C1 control characters; `allow_layout` admits tab,
/// LF and CR), or nullptr. Does not check the length.
const char* text_problem(std::string_view text, bool allow_layout) noexcept;

/// Whether `text` holds a number that may be a BSN: nine digits in a row, also when grouped by
/// single spaces, dots or hyphens ("1234 56 782"), or eight that pass the eleven-test with a
/// leading zero (a BSN whose zero was dropped). Used to keep BSNs out of free text that goes
/// into the audit trail.
bool contains_bsn_like(std::string_view text) noexcept;

}  // namespace inburgering::detail
