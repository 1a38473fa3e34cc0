#pragma once
// Private: the text rules of limits.hpp without building a field name (for walkers that name
// the field only when something is wrong).

#include <string_view>

namespace inburgering::detail {

/// The first problem with `text` as UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF) or its characters (no C0/C1 control characters; `allow_layout` admits tab,
/// LF and CR), or nullptr. Does not check the length.
const char* text_problem(std::string_view text, bool allow_layout) noexcept;

}  // namespace inburgering::detail
