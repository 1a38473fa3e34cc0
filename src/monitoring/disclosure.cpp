#include "monitoring/disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "inburgering/error.hpp"

namespace inburgering::monitoring::detail {

std::size_t NamedCounts::index(const std::string& name) const {
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].first == name) return i;
  }
  return all.size();
}

bool NamedCounts::share_touches(const std::string& name, const std::vector<bool>& hide) const {
  for (const auto& [share, members] : shares) {
    if (share != name) continue;
    for (std::size_t i : members) {
      if (i < hide.size() && hide[i]) return true;
    }
  }
  return false;
}

void require_valid(const DisclosureRule& rule) {
  if (rule.min_count < 2 || rule.min_count > 100) {
    throw ValidationError("disclosure.min_count", "must be between 2 and 100",
                          std::to_string(rule.min_count));
  }
}

std::vector<bool> suppress(const NamedCounts& n, const DisclosureRule& rule, bool row_too_small,
                           const std::set<std::string>& also_hide) {
  std::vector<bool> hide(n.all.size(), false);
  for (std::size_t i = 0; i < n.all.size(); ++i) {
    hide[i] = row_too_small || small(rule, n.all[i].second) ||
              (rule.apply && also_hide.contains(n.all[i].first));
  }
  // Secondary: a sum with exactly one hidden member would give it back; hide its smallest other
  // non-zero member (the total if no part is left), until no sum does.
  for (bool changed = rule.apply; changed;) {
    changed = false;
    for (const auto& sum : n.sums) {
      std::vector<std::size_t> members = sum.parts;
      members.push_back(sum.total);
      const auto hidden =
          std::count_if(members.begin(), members.end(), [&](std::size_t i) { return hide[i]; });
      if (hidden != 1) continue;
      std::optional<std::size_t> smallest;
      for (std::size_t i : members) {
        if (hide[i] || n.all[i].second == 0) continue;
        if (!smallest || n.all[i].second < n.all[*smallest].second) smallest = i;
      }
      if (smallest) {
        hide[*smallest] = true;
        changed = true;
      }
    }
  }
  return hide;
}

bool hide_share(const DisclosureRule& rule, const std::optional<double>& value, bool row_too_small,
                std::int64_t part, std::int64_t base, bool made_from_hidden) {
  // A row too small shows nothing at all, not even that a share has no base ("-" would say
  // its count is 0).
  if (!rule.apply) return false;
  if (row_too_small) return true;
  return value && (base < rule.min_count || small(rule, part) || small(rule, base - part) ||
                   made_from_hidden);
}

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> median(const std::vector<std::int64_t>& sorted) {
  if (sorted.empty()) return std::nullopt;
  const std::size_t mid = sorted.size() / 2;
  if (sorted.size() % 2 == 1) return static_cast<double>(sorted[mid]);
  return (static_cast<double>(sorted[mid - 1]) + static_cast<double>(sorted[mid])) / 2.0;
}

std::string number_text(const Shown& shown, bool is_share) {
  if (shown.suppressed || !shown.value) return "";
  std::ostringstream out;
  if (is_share) {
    out << std::fixed << std::setprecision(3) << *shown.value;
  } else if (*shown.value == std::floor(*shown.value)) {
    out << static_cast<std::int64_t>(*shown.value);
  } else {
    out << std::fixed << std::setprecision(1) << *shown.value;
  }
  return out.str();
}

std::string text_line(const std::string& name, const Shown& shown, int width) {
  std::ostringstream out;
  out << "  " << std::left << std::setw(width) << name << " " << std::right;
  if (shown.suppressed) {
    out << "*";
  } else if (!shown.value) {
    out << "-";
  } else if (name.rfind("share_", 0) == 0) {
    out << std::fixed << std::setprecision(1) << *shown.value * 100 << " %";
  } else {
    out << number_text(shown, false);
  }
  return out.str() + "\n";
}

std::string csv_header_cells(const ShownList& counts, const ShownList& indicators) {
  std::string out;
  for (const auto* list : {&counts, &indicators}) {
    for (const auto& [name, shown] : *list) out += "," + name;
  }
  return out + ",as_of,disclosure_min_count,suppressed_in_row\n";
}

std::string csv_cells(const ShownList& counts, const ShownList& indicators, Date as_of,
                      const DisclosureRule& rule) {
  std::string out;
  int suppressed = 0;
  for (const auto* list : {&counts, &indicators}) {
    for (const auto& [name, shown] : *list) {
      suppressed += shown.suppressed ? 1 : 0;
      out += "," + number_text(shown, name.rfind("share_", 0) == 0);
    }
  }
  return out + "," + to_iso(as_of) + "," + (rule.apply ? std::to_string(rule.min_count) : "") +
         "," + std::to_string(suppressed) + "\n";
}

nlohmann::json row_json(const ShownList& counts, const ShownList& indicators) {
  using nlohmann::json;
  json c = json::object();
  json i = json::object();
  json suppressed = json::array();
  for (const auto& [name, shown] : counts) {
    c[name] = shown.suppressed ? json(nullptr) : json(static_cast<std::int64_t>(*shown.value));
    if (shown.suppressed) suppressed.push_back(name);
  }
  for (const auto& [name, shown] : indicators) {
    i[name] = shown.value && !shown.suppressed ? json(*shown.value) : json(nullptr);
    if (shown.suppressed) suppressed.push_back(name);
  }
  return {{"counts", c}, {"indicators", i}, {"suppressed", suppressed}};
}

std::string dictionary_markdown(const std::vector<EvaluationColumn>& columns) {
  std::ostringstream out;
  out << "| Column | Type | Meaning |\n|---|---|---|\n";
  for (const auto& c : columns) {
    out << "| `" << c.name << "` | " << c.type << " | " << c.description << " |\n";
  }
  return out.str();
}

std::string csv_header(const std::vector<EvaluationColumn>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += ",";
    out += c.name;
  }
  return out + "\n";
}

}  // namespace inburgering::monitoring::detail
