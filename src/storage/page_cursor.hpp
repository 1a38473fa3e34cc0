#pragma once
// Private: keyset-pagination cursors ("next" of a page, "after" of the next request). A cursor
// is the sort key of the last item, joined by '|'; it is opaque to callers.

#include <cstdint>
#include <string>
#include <vector>

#include "inburgering/storage/trajectory_store.hpp"

namespace inburgering::storage::detail {

/// @throws ValidationError (field "page.limit") outside 1..1000.
void check_page(const PageRequest& page);

/// The `parts` fields of `cursor`. @throws ValidationError (field "page.after").
std::vector<std::string> split_cursor(const std::string& cursor, std::size_t parts);

/// A decimal number from a cursor part. @throws ValidationError (field "page.after").
std::int64_t cursor_number(const std::string& text, const std::string& cursor);

/// A date from a cursor part (ISO). @throws ValidationError (field "page.after").
std::string cursor_date(const std::string& text, const std::string& cursor);

/// Joins parts into a cursor.
std::string make_cursor(const std::vector<std::string>& parts);

}  // namespace inburgering::storage::detail
