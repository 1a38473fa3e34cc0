// Trajectory: extensions and interruptions of the integration term (Wi 11-12; Bi 4).

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

// ---- Term ------------------------------------------------------------------------------------

namespace {

// Acts on the term are dated within it.
void require_in_term(const IntegrationTerm& term, Date date, const char* field) {
  if (date < term.start) {
    throw ValidationError(field, "must not be before the term starts on " + to_iso(term.start),
                          to_iso(date));
  }
}

// Bi 2.1.2: the obligation is deemed not to have ended only after an interruption of at most
// one year (the period rule of calendar.hpp); a longer one ended it.
void require_at_most_a_year(Date from, Date until) {
  const Date last = last_day_of_period(from, 12);
  if (until > last) {
    throw RuleViolation("Bi 2.1.2", "an interruption from " + to_iso(from) +
                                        " lasts at most a year, until " + to_iso(last) +
                                        "; one until " + to_iso(until) +
                                        " ended the obligation: end the trajectory "
                                        "(obligation_lapsed)");
  }
}

}  // namespace

void Trajectory::check_extension(const Extension& extension, bool requested) const {
  validate(extension);
  const auto& term = *record_.term;
  require_in_term(term, extension.decided_on, "extension.decided_on");
  if (extension.ground == ExtensionGround::kSubstantialEfforts) {
    require_not_in_new_term(extension.decided_on, "an extension for substantial efforts");
  }
  if (extension.ground == ExtensionGround::kSubstantialEfforts &&
      extension.months != record_.policy.substantial_efforts_extension_months) {
    throw RuleViolation("Bi 4.4.1",
                        "an extension for substantial efforts lasts " +
                            std::to_string(record_.policy.substantial_efforts_extension_months) +
                            " months, not " + std::to_string(extension.months));
  }
  // A request cannot be made, nor an individual extension given on DUO's own initiative,
  // earlier than the window (Bi 4.5.1-2); a decision on a request follows the request. Only
  // a categorical extension (Bi 4.5.3) comes at any time.
  if (!requested && extension.ground != ExtensionGround::kCategorical) {
    const Date opens = term.extension_window_opens(extension.decided_on, record_.duo_fines);
    if (extension.decided_on < opens) {
      throw RuleViolation("Bi 4.5", "an extension is decided no earlier than " +
                                        std::to_string(term.extension_request_window_months) +
                                        " months before the term ends: not before " +
                                        to_iso(opens) + "; decided on " +
                                        to_iso(extension.decided_on));
    }
  }
}

void Trajectory::require_not_in_new_term(Date on, const char* what) const {
  // Wi 24.2 (and 25.2): of Wi 12 only its first lid, ground a, applies to a new term; Bi 4.4.1
  // extends only the term of Wi 11.1.
  // A person's fines are personal: the message names no date of one.
  if (record_.term->newest_new_term(on, record_.duo_fines) != nullptr) {
    throw RuleViolation("Wi 24.2; Bi 4.4.1",
                        std::string(what) +
                            " lengthens only the term of Wi 11.1; a new term set with a DUO "
                            "fine runs, which only a circumstance not the person's fault "
                            "extends (Wi 12.1.a)");
  }
}

void Trajectory::record_extension_request(ExtensionRequest request) {
  require_state({TrajectoryState::kRoute}, "recording a request for extension");
  detail::check_input(request, "extension_request");
  if (request.decided_on || request.granted) {
    throw ValidationError("extension_request.decided_on",
                          "a new request is pending; record DUO's decision with "
                          "record_extension_decision",
                          "set");
  }
  validate(request);
  auto& term = *record_.term;
  require_in_term(term, request.requested_on, "extension_request.requested_on");
  if (!term.extension_requests.empty() && !term.extension_requests.back().decided_on) {
    throw RuleViolation("Bi 4.5.1", "the request of " +
                                        to_iso(term.extension_requests.back().requested_on) +
                                        " awaits DUO's decision");
  }
  if (request.ground == ExtensionGround::kSubstantialEfforts) {
    require_not_in_new_term(request.requested_on,
                            "a request for extension for substantial efforts");
  }
  const Date opens = term.extension_window_opens(request.requested_on, record_.duo_fines);
  if (request.requested_on < opens) {
    throw RuleViolation("Bi 4.5.1", "a request for extension can be made no earlier than " +
                                        std::to_string(term.extension_request_window_months) +
                                        " months before the term ends: from " + to_iso(opens) +
                                        "; made on " + to_iso(request.requested_on));
  }
  term.extension_requests.push_back(request);
}

std::optional<Extension> Trajectory::record_extension_decision(Date decided_on, bool granted,
                                                               int months) {
  require_state({TrajectoryState::kRoute}, "recording DUO's decision on a request for extension");
  auto& term = *record_.term;
  if (term.extension_requests.empty() || term.extension_requests.back().decided_on) {
    throw RuleViolation("Bi 4.5.1", "no request for extension awaits a decision");
  }
  ExtensionRequest request = term.extension_requests.back();
  request.decided_on = decided_on;
  request.granted = granted;
  validate(request);
  std::optional<Extension> extension;
  if (granted) {
    extension = Extension{request.ground, decided_on, months};
    check_extension(*extension, /*requested=*/true);
    term.extensions.push_back(*extension);
  }
  term.extension_requests.back() = request;
  return extension;
}

void Trajectory::record_extension(Extension extension) {
  require_state({TrajectoryState::kRoute}, "recording an extension");
  detail::check_input(extension, "extension");
  check_extension(extension, /*requested=*/false);
  record_.term->extensions.push_back(extension);
}

void Trajectory::record_interruption(Interruption interruption) {
  require_state({TrajectoryState::kRoute}, "recording an interruption");
  detail::check_input(interruption, "interruption");
  validate(interruption);
  auto& term = *record_.term;
  require_in_term(term, interruption.from, "interruption.from");
  if (!term.interruptions.empty()) {
    const auto& last = term.interruptions.back();
    if (!last.until) {
      throw RuleViolation("Bi 4.2",
                          "the interruption from " + to_iso(last.from) + " is still open");
    }
    if (interruption.from <= *last.until) {
      throw ValidationError(
          "interruption.from",
          "must be after the previous interruption ended on " + to_iso(*last.until),
          to_iso(interruption.from));
    }
  }
  if (interruption.until) require_at_most_a_year(interruption.from, *interruption.until);
  term.interruptions.push_back(std::move(interruption));
}

void Trajectory::end_interruption(Date until) {
  require_state({TrajectoryState::kRoute}, "ending an interruption");
  auto& interruptions = record_.term->interruptions;
  if (interruptions.empty() || interruptions.back().until) {
    throw RuleViolation("Bi 4.2", "no interruption is open");
  }
  require_valid(until, "interruption.until");
  if (until < interruptions.back().from) {
    throw ValidationError(
        "interruption.until",
        "must not be before interruption.from " + to_iso(interruptions.back().from), to_iso(until));
  }
  require_at_most_a_year(interruptions.back().from, until);
  interruptions.back().until = until;
}

std::optional<Date> Trajectory::term_end(Date as_of) const {
  if (!record_.term) return std::nullopt;
  return record_.term->end_date(as_of, record_.duo_fines);
}

}  // namespace inburgering
