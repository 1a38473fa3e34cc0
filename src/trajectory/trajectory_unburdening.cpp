// Trajectory: financial unburdening (Pw 56a, 57).

#include "inburgering/trajectory/trajectory.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "detail/walk.hpp"
#include "inburgering/error.hpp"
#include "trajectory/fields.hpp"
#include "trajectory/trajectory_rules.hpp"

namespace inburgering {

namespace bg = boost::gregorian;

// ---- Unburdening -----------------------------------------------------------------------------

void Trajectory::start_unburdening(Date assistance_start, std::vector<FixedCostItem> items,
                                   bool receives_social_assistance,
                                   std::vector<FixedCostNotPaid> not_paid) {
  require_active("starting unburdening");
  detail::check_input(items, "unburdening.items");
  detail::check_input(not_paid, "unburdening.not_paid");
  require_valid(assistance_start, "unburdening.assistance_start");
  if (record_.unburdening) {
    throw RuleViolation("Pw 56a", "unburdening was already started on " +
                                      to_iso(record_.unburdening->assistance_start));
  }
  const auto reasons = unburdening_ineligibility(record_.participant, record_.obligation,
                                                 receives_social_assistance);
  if (!reasons.empty()) {
    throw RuleViolation("Pw 56a", "not eligible for unburdening: " + detail::join(reasons, "; "));
  }
  Unburdening unburdening{.assistance_start = assistance_start,
                          .months = record_.policy.unburdening_months,
                          .items = std::move(items),
                          .not_paid = std::move(not_paid)};
  unburdening.validate();
  const auto uncovered = unburdening.uncovered_fixed_costs();
  if (!uncovered.empty()) {
    std::vector<std::string> names;
    for (FixedCostKind cost : uncovered) names.emplace_back(to_string(cost));
    throw RuleViolation("Pw 56a.2",
                        "the college pays rent, gas, water, electricity and the health insurance "
                        "from the assistance: list each as an item, or as not paid with the "
                        "reason (unburdening.not_paid); missing: " +
                            detail::join(names, ", "));
  }
  record_.unburdening = std::move(unburdening);
}

void Trajectory::extend_unburdening(UnburdeningExtension extension) {
  require_active("extending unburdening");
  detail::check_input(extension, "unburdening.extension");
  if (!record_.unburdening) throw RuleViolation("Pw 57", "no unburdening to extend");
  Unburdening updated = *record_.unburdening;
  if (updated.stopped_on) {
    throw RuleViolation("Pw 57", "unburdening stopped on " + to_iso(*updated.stopped_on));
  }
  updated.extensions.push_back(std::move(extension));
  updated.validate();
  const Date end = record_.unburdening->end_date();
  if (updated.extensions.back().decided_on > end) {
    throw RuleViolation("Pw 57",
                        "an extension is decided before the period ends on " + to_iso(end));
  }
  record_.unburdening = std::move(updated);
}

void Trajectory::record_coaching_session(CoachingSession session) {
  require_active("recording a coaching session");
  detail::check_input(session, "unburdening.coaching_session");
  if (!record_.unburdening) throw RuleViolation("Pw 56a", "no unburdening is on record");
  Unburdening updated = *record_.unburdening;
  updated.coaching_sessions.push_back(std::move(session));
  updated.validate();
  record_.unburdening = std::move(updated);
}

void Trajectory::stop_unburdening(Date on) {
  require_active("stopping unburdening");
  if (!record_.unburdening) throw RuleViolation("Pw 56a", "no unburdening is on record");
  if (record_.unburdening->stopped_on) {
    throw RuleViolation(
        "Pw 56a", "unburdening already stopped on " + to_iso(*record_.unburdening->stopped_on));
  }
  Unburdening updated = *record_.unburdening;
  updated.stopped_on = on;
  updated.validate();
  record_.unburdening = std::move(updated);
}

}  // namespace inburgering
