#include "inburgering/participant/integration_term.hpp"

#include <algorithm>
#include <string>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/policy.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(
    ExtensionGround, {ExtensionGround::kNotCulpable, "not_culpable", "niet verwijtbaar"},
    {ExtensionGround::kSubstantialEfforts, "substantial_efforts", "aanzienlijke inspanningen"},
    {ExtensionGround::kOwnInitiative, "own_initiative", "ambtshalve door DUO"},
    {ExtensionGround::kCategorical, "categorical", "ambtshalve voor een categorie"});

INBURGERING_DEFINE_ENUM_TEXT(
    ExtensionRequester, {ExtensionRequester::kParticipant, "participant", "inburgeringsplichtige"},
    {ExtensionRequester::kRepresentative, "representative", "vertegenwoordiger"});

namespace bg = boost::gregorian;

void validate(const Extension& extension) {
  require_valid(extension.decided_on, "extension.decided_on");
  if (extension.months < 1 || extension.months > kMaxExtensionMonths) {
    throw ValidationError(
        "extension.months",
        "an extension lasts 1 to " + std::to_string(kMaxExtensionMonths) + " months (Wi 12)",
        std::to_string(extension.months));
  }
}

void validate(const Interruption& interruption) {
  require_valid(interruption.from, "interruption.from");
  if (interruption.until) {
    require_valid(*interruption.until, "interruption.until");
    if (*interruption.until < interruption.from) {
      throw ValidationError("interruption.until", "must not be before interruption.from",
                            to_iso(*interruption.until));
    }
  }
}

void validate(const ExtensionRequest& request) {
  require_valid(request.requested_on, "extension_request.requested_on");
  if (request.ground != ExtensionGround::kNotCulpable &&
      request.ground != ExtensionGround::kSubstantialEfforts) {
    throw ValidationError("extension_request.ground",
                          "a person asks on ground a or b of Wi 12.1 (not_culpable or "
                          "substantial_efforts)",
                          std::string(to_string(request.ground)));
  }
  if (request.decided_on) {
    require_valid(*request.decided_on, "extension_request.decided_on");
    if (*request.decided_on < request.requested_on) {
      throw ValidationError("extension_request.decided_on",
                            "must not be before the request of " + to_iso(request.requested_on),
                            to_iso(*request.decided_on));
    }
  } else if (request.granted) {
    throw ValidationError("extension_request.granted", "a pending request is not granted yet",
                          "true");
  }
}

IntegrationTerm IntegrationTerm::starting_after(Date date_of_issue, const Policy& policy) {
  require_valid(date_of_issue, "plan.date_of_issue");
  IntegrationTerm term;
  term.start = date_of_issue + bg::days(1);
  term.length_months = policy.term_months;
  term.max_interruption_days = policy.max_interruption_days;
  term.extension_request_window_months = policy.extension_request_window_months;
  term.route_switch_window_months = policy.route_switch_window_months;
  return term;
}

Date IntegrationTerm::end_date(Date as_of) const {
  int months = length_months;
  for (const auto& extension : extensions) {
    if (extension.decided_on <= as_of) months += extension.months;
  }
  Date end = last_day_of_period(start, months);
  for (const auto& interruption : interruptions) {
    if (interruption.from > as_of) continue;
    const Date last = interruption.until ? std::min(*interruption.until, as_of) : as_of;
    const long days = (last - interruption.from).days() + 1;
    end += bg::days(std::min<long>(days, max_interruption_days));
  }
  return end;
}

long IntegrationTerm::days_left(Date as_of) const { return (end_date(as_of) - as_of).days(); }

Date IntegrationTerm::extension_window_opens(Date as_of) const {
  return first_day_of_period_ending(end_date(as_of), extension_request_window_months);
}

bool IntegrationTerm::extension_window_open(Date as_of) const {
  return as_of >= extension_window_opens(as_of) && as_of <= end_date(as_of);
}

bool IntegrationTerm::running_on(Date as_of) const {
  return as_of >= start && as_of <= end_date(as_of);
}

Date IntegrationTerm::route_switch_deadline() const {
  if (route_switch_window_months == 0) return start - bg::days(1);
  return last_day_of_period(start, route_switch_window_months);
}

void IntegrationTerm::validate() const {
  // The start is computed (the day after a date of issue): a date, possibly after kLatestYear.
  if (start.is_special()) throw ValidationError("term.start", "must be a valid date", "none");
  if (length_months < 1) {
    throw ValidationError("term.length_months", "must be at least 1 month",
                          std::to_string(length_months));
  }
  if (max_interruption_days < 0) {
    throw ValidationError("term.max_interruption_days", "must not be negative",
                          std::to_string(max_interruption_days));
  }
  if (route_switch_window_months < 0) {
    throw ValidationError("term.route_switch_window_months", "must not be negative",
                          std::to_string(route_switch_window_months));
  }
  if (extension_request_window_months < 1) {
    throw ValidationError("term.extension_request_window_months", "must be at least 1 month",
                          std::to_string(extension_request_window_months));
  }
  if (extensions.size() > kMaxExtensions) {
    throw ValidationError("term.extensions",
                          "at most " + std::to_string(kMaxExtensions) + " extensions",
                          std::to_string(extensions.size()));
  }
  for (const auto& extension : extensions) {
    inburgering::validate(extension);
    if (extension.decided_on < start) {
      throw ValidationError("extension.decided_on", "must not be before the term starts",
                            to_iso(extension.decided_on));
    }
  }
  for (std::size_t i = 0; i < extension_requests.size(); ++i) {
    inburgering::validate(extension_requests[i]);
    if (extension_requests[i].requested_on < start) {
      throw ValidationError("extension_request.requested_on", "must not be before the term starts",
                            to_iso(extension_requests[i].requested_on));
    }
    if (i + 1 < extension_requests.size() && !extension_requests[i].decided_on) {
      throw ValidationError("extension_request.decided_on", "only the last request may be pending",
                            "pending");
    }
  }
  for (std::size_t i = 0; i < interruptions.size(); ++i) {
    inburgering::validate(interruptions[i]);
    if (interruptions[i].from < start) {
      throw ValidationError("interruption.from", "must not be before the term starts",
                            to_iso(interruptions[i].from));
    }
    if (i + 1 < interruptions.size() && !interruptions[i].until) {
      throw ValidationError("interruption.until", "only the last interruption may be open", "open");
    }
  }
}

}  // namespace inburgering
