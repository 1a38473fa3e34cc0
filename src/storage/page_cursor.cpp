#include "storage/page_cursor.hpp"

#include <charconv>

#include "detail/iso_date.hpp"
#include "inburgering/error.hpp"

namespace inburgering::storage::detail {
namespace {

[[noreturn]] void bad_cursor() {
  // The cursor is echoed only by its length: it is caller input that may hold anything.
  throw ValidationError("page.after", "must be the 'next' of a previous page of this listing",
                        "not such a cursor");
}

}  // namespace

void check_page(const PageRequest& page) {
  if (page.limit < 1 || page.limit > 1000) {
    throw ValidationError("page.limit", "must be between 1 and 1000", std::to_string(page.limit));
  }
}

std::vector<std::string> split_cursor(const std::string& cursor, std::size_t parts) {
  if (cursor.size() > 200) bad_cursor();
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = cursor.find('|', start);
    out.push_back(cursor.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (out.size() != parts) bad_cursor();
  return out;
}

std::int64_t cursor_number(const std::string& text, const std::string&) {
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < 0) {
    bad_cursor();
  }
  return value;
}

std::string cursor_date(const std::string& text, const std::string&) {
  const auto date = ::inburgering::detail::parse_iso_date(text);
  if (!date) bad_cursor();
  return to_iso(*date);
}

std::string make_cursor(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += '|';
    out += parts[i];
  }
  return out;
}

}  // namespace inburgering::storage::detail
