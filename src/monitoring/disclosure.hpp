#pragma once
// Private: the disclosure rule (monitoring::DisclosureRule) over the named counts of one row,
// shared by the monitoring report (indicators.cpp) and a programme's outcome report
// (programme_report.cpp), so both suppress by the same rule.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "inburgering/monitoring/evaluation_export.hpp"
#include "inburgering/monitoring/indicators.hpp"

namespace inburgering::monitoring::detail {

/// The counts of a row by stable name, with the sums among them (a total and the parts that add
/// up to it, as indexes into `all`), for secondary suppression. A count may be internal: it
/// takes part in the rule but is not shown (the rest of a share's base).
struct NamedCounts {
  std::vector<std::pair<std::string, std::int64_t>> all;
  std::vector<bool> internal;
  struct Sum {
    std::size_t total;
    std::vector<std::size_t> parts;
  };
  std::vector<Sum> sums;
  /// Appends a shown count; returns its index.
  std::size_t add(std::string name, std::int64_t value) {
    all.emplace_back(std::move(name), value);
    internal.push_back(false);
    return all.size() - 1;
  }
  /// Appends a count that is not shown; returns its index.
  std::size_t add_internal(std::string name, std::int64_t value) {
    const std::size_t at = add(std::move(name), value);
    internal[at] = true;
    return at;
  }
  /// Links a share's part and base through their rest (base = part + rest): a share shown with
  /// its part and base gives the rest back, so a small rest hides the part (or the base) too.
  void add_share(const std::string& share, std::size_t part, std::size_t base) {
    const std::size_t rest = add_internal("rest." + share, all[base].second - all[part].second);
    sums.push_back({base, {part, rest}});
    shares.emplace_back(share, std::vector<std::size_t>{part, base, rest});
  }
  /// Each share's part, base and rest (as indexes into `all`).
  std::vector<std::pair<std::string, std::vector<std::size_t>>> shares;
  /// Whether any count the share `name` is made of (part, base, rest) is hidden: the share, shown
  /// with the others, would give it back.
  bool share_touches(const std::string& name, const std::vector<bool>& hide) const;
  /// The index of `name`, or `all.size()`.
  std::size_t index(const std::string& name) const;
};

/// @throws ValidationError unless `rule.min_count` is within 2..100.
void require_valid(const DisclosureRule& rule);

/// Whether the rule counts `value` persons as too few to show (1 to min_count - 1).
inline bool small(const DisclosureRule& rule, std::int64_t value) {
  return rule.apply && value > 0 && value < rule.min_count;
}

/// Which counts to hide: all of them when `row_too_small`; otherwise the small ones and those
/// named in `also_hide` (primary), then, until no sum has exactly one hidden member, that sum's
/// smallest other non-zero member (secondary). Nothing without the rule.
std::vector<bool> suppress(const NamedCounts& counts, const DisclosureRule& rule,
                           bool row_too_small, const std::set<std::string>& also_hide = {});

/// Whether a share or median (`value`) must be hidden: always in a row too small; otherwise when
/// it has a value and its base, its numerator or the rest of its base is a small number of
/// persons, or a count it is made from is hidden.
bool hide_share(const DisclosureRule& rule, const std::optional<double>& value, bool row_too_small,
                std::int64_t part, std::int64_t base, bool made_from_hidden);

std::optional<double> share(std::int64_t part, std::int64_t whole);
/// The median of an ascending list.
std::optional<double> median(const std::vector<std::int64_t>& sorted);
/// A shown number as text: empty when suppressed or absent; shares with three decimals.
std::string number_text(const Shown& shown, bool is_share);

/// One line of a report's text: two spaces, `name` in a column of `width`, and the number
/// (a share in per cent, "*" when suppressed, "-" when there is none).
std::string text_line(const std::string& name, const Shown& shown, int width);

/// A row's shown counts or indicators, by name.
using ShownList = std::vector<std::pair<std::string, Shown>>;

/// The CSV header's cells for the names of a row's counts and indicators (each after a comma),
/// then as_of, disclosure_min_count and suppressed_in_row, and the line's end.
std::string csv_header_cells(const ShownList& counts, const ShownList& indicators);

/// A row's counts and indicators as CSV cells (each after a comma; suppressed ones empty), then
/// the report's day, the rule's minimum (empty when not applied) and how many cells of the row
/// were suppressed, and the line's end: every line says as of when and how the rule was applied.
std::string csv_cells(const ShownList& counts, const ShownList& indicators, Date as_of,
                      const DisclosureRule& rule);

/// A row's counts and indicators as JSON: {"counts": {name: integer or null}, "indicators":
/// {name: number or null}, "suppressed": [names]}.
nlohmann::json row_json(const ShownList& counts, const ShownList& indicators);

/// The data dictionary of an export's columns as a Markdown table, and its CSV header line.
std::string dictionary_markdown(const std::vector<EvaluationColumn>& columns);
std::string csv_header(const std::vector<EvaluationColumn>& columns);

}  // namespace inburgering::monitoring::detail
