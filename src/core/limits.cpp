#include "inburgering/limits.hpp"

#include <string>

#include "detail/text_check.hpp"
#include "inburgering/error.hpp"

namespace inburgering {
namespace detail {

const char* text_problem(std::string_view text, bool allow_layout) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) {
        const bool layout = c == '\t' || c == '\n' || c == '\r';
        if (!layout || !allow_layout) return "must not contain control characters";
      }
      ++p;
      continue;
    }
    int length = 0;
    unsigned long code = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      length = 2;
      code = c & 0x1fu;
    } else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      code = c & 0x0fu;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      code = c & 0x07u;
    } else {
      return "must be valid UTF-8";
    }
    if (end - p < length) return "must be valid UTF-8";
    for (int i = 1; i < length; ++i) {
      if ((p[i] & 0xc0u) != 0x80u) return "must be valid UTF-8";
      code = (code << 6) | (p[i] & 0x3fu);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10ffff)) ||
        (code >= 0xd800 && code <= 0xdfff)) {
      return "must be valid UTF-8";
    }
    if (code >= 0x80 && code <= 0x9f) return "must not contain control characters";
    p += length;
  }
  return nullptr;
}

}  // namespace detail

namespace {

std::string size_text(std::string_view text) { return std::to_string(text.size()) + " bytes"; }

}  // namespace

void check_text(std::string_view text, std::string_view field) {
  if (text.size() > kMaxTextBytes) {
    throw ValidationError(std::string(field),
                          "must be at most " + std::to_string(kMaxTextBytes) + " bytes",
                          size_text(text));
  }
  if (const char* why = detail::text_problem(text, true)) {
    throw ValidationError(std::string(field), why, size_text(text) + "; value withheld");
  }
}

void check_identifier(std::string_view text, std::string_view field) {
  if (text.empty()) throw ValidationError(std::string(field), "must not be empty", "empty");
  if (text.size() > kMaxIdentifierBytes) {
    throw ValidationError(std::string(field),
                          "must be at most " + std::to_string(kMaxIdentifierBytes) + " bytes",
                          size_text(text));
  }
  if (const char* why = detail::text_problem(text, false)) {
    throw ValidationError(std::string(field), why, size_text(text) + "; value withheld");
  }
}

}  // namespace inburgering
