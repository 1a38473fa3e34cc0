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

namespace {

// Bi 4.1: "termijn" is the Wi 11.1 term or a new term a DUO fine set (Wi 24.2-3, 25.2). The
// acts dated in [from, before) belong to one of them and lengthen it.
struct Span {
  Date from;
  Date before;
  /// Interruptions are taken from this day on (default: `from`): for a part's first new term,
  /// from the day after the Wi 11.1 term ran out, so that one begun between that day and the
  /// fine lengthens the new term by its days within it.
  std::optional<Date> interruptions_from;
};

const Date kNever{bg::pos_infin};

// The term whose first day is `first_day` and length `months`, lengthened by the extensions
// decided and the interruptions begun within `span` and on or before `as_of` (Wi 12; Bi 4.2), in
// the order of their dates: each lengthens the term as it then stands ("telkens", Wi 12.1), an
// extension by whole months from the day after its current end, an interruption by its days
// from `first_day` on (at most `max_interruption_days`, as far as it had lasted on `as_of`): an
// interruption that began before a new term lengthens it only by the days within it, and one
// that begins after the term as it then stands ran out does not lengthen it. On one day, the
// extension comes first.
Date lengthened_end(const IntegrationTerm& term, Date first_day, int months, Span span,
                    Date as_of) {
  const auto belongs = [&](Date date) {
    return date >= span.from && date < span.before && date <= as_of;
  };
  struct Step {
    Date on;
    int order;    // 0: extension, 1: interruption
    long amount;  // months, or days
  };
  std::vector<Step> steps;
  for (const auto& extension : term.extensions) {
    if (belongs(extension.decided_on)) steps.push_back({extension.decided_on, 0, extension.months});
  }
  const Date interruptions_from = span.interruptions_from.value_or(span.from);
  for (const auto& interruption : term.interruptions) {
    if (interruption.from < interruptions_from || interruption.from >= span.before ||
        interruption.from > as_of) {
      continue;
    }
    const Date from = std::max(interruption.from, first_day);
    const Date last = interruption.until ? std::min(*interruption.until, as_of) : as_of;
    if (last < from) continue;
    const long days = (last - from).days() + 1;
    steps.push_back({from, 1, std::min<long>(days, term.max_interruption_days)});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.on != b.on ? a.on < b.on : a.order < b.order;
  });
  Date end = last_day_of_period(first_day, months);
  for (const Step& step : steps) {
    if (step.order == 1 && step.on > end) continue;  // the term had run out: nothing to interrupt
    end = step.order == 0 ? last_day_of_period(end + bg::days(1), static_cast<int>(step.amount))
                          : end + bg::days(step.amount);
  }
  return end;
}

}  // namespace

namespace {

// The day the first DUO fine that set a new term was imposed, as known on `as_of` (never, if
// none did). `Trajectory::record_duo_fine` refuses a fine while the term runs (Wi 24.1, 25.1);
// 0.4 and 0.5 did not, so the first fine that counts is the first one imposed after the Wi 11.1
// term, lengthened by the acts before it, had run out. A stored fine imposed before that one
// sets no term: it cannot shorten the term.
Date first_new_term(const IntegrationTerm& term, const std::vector<DuoFine>& duo_fines,
                    Date as_of) {
  std::vector<const DuoFine*> candidates;
  for (const auto& fine : duo_fines) {
    if (fine.new_term_months > 0 && fine.made_known_on() <= as_of) candidates.push_back(&fine);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const DuoFine* a, const DuoFine* b) {
    return a->imposed_on < b->imposed_on;
  });
  for (const DuoFine* fine : candidates) {
    const Date ran_out = lengthened_end(term, term.start, term.length_months,
                                        Span{term.start, fine->imposed_on}, as_of);
    if (fine->imposed_on > ran_out) return fine->imposed_on;
  }
  return kNever;
}

// `IntegrationTerm::sets_new_term`, given `first_new_term`: every fine from the first that
// counts on was imposed after the Wi 11.1 term ran out.
bool counts(const DuoFine& fine, Date as_of, Date first) {
  return fine.new_term_months > 0 && fine.made_known_on() <= as_of && !first.is_special() &&
         fine.imposed_on >= first;
}

}  // namespace

bool IntegrationTerm::sets_new_term(const DuoFine& fine, Date as_of,
                                    const std::vector<DuoFine>& duo_fines) const {
  return counts(fine, as_of, first_new_term(*this, duo_fines, as_of));
}

namespace {

// The newest fine of `part` (or of either part, when empty) that sets a term in force on `as_of`.
const DuoFine* newest_of(const IntegrationTerm& term, const std::vector<DuoFine>& duo_fines,
                         Date as_of, std::optional<DuoFineKind> part) {
  const Date first = first_new_term(term, duo_fines, as_of);
  const DuoFine* newest = nullptr;
  for (const auto& fine : duo_fines) {
    if ((!part || fine.kind == *part) && counts(fine, as_of, first) &&
        (newest == nullptr || fine.made_known_on() >= newest->made_known_on())) {
      newest = &fine;
    }
  }
  return newest;
}

}  // namespace

Date IntegrationTerm::statutory_end(Date as_of, const std::vector<DuoFine>& duo_fines) const {
  return lengthened_end(*this, start, length_months,
                        Span{start, first_new_term(*this, duo_fines, as_of)}, as_of);
}

Date IntegrationTerm::new_term_end(const DuoFine& fine, Date as_of,
                                   const std::vector<DuoFine>& duo_fines) const {
  // Its acts are those from the day the fine was imposed (the term before it had run out) until
  // the next new term of the same part was imposed; for the part's first new term, also the
  // interruptions begun after the Wi 11.1 term ran out.
  const Date first = first_new_term(*this, duo_fines, as_of);
  Date before = kNever;
  bool first_of_part = true;
  for (const auto& other : duo_fines) {
    if (&other == &fine || other.kind != fine.kind || !counts(other, as_of, first)) {
      continue;
    }
    if (other.made_known_on() > fine.made_known_on()) before = std::min(before, other.imposed_on);
    if (other.made_known_on() < fine.made_known_on()) first_of_part = false;
  }
  Span span{fine.imposed_on, before, std::nullopt};
  if (first_of_part) {
    span.interruptions_from =
        std::min(fine.imposed_on, statutory_end(as_of, duo_fines) + bg::days(1));
  }
  return lengthened_end(*this, fine.new_term_start(), fine.new_term_months, span, as_of);
}

const DuoFine* IntegrationTerm::newest_new_term(Date as_of,
                                                const std::vector<DuoFine>& duo_fines) const {
  return newest_of(*this, duo_fines, as_of, std::nullopt);
}

Date IntegrationTerm::end_date(Date as_of, const std::vector<DuoFine>& duo_fines) const {
  // The newest new term of each part; with none, the Wi 11.1 term.
  std::optional<Date> end;
  for (const DuoFineKind part : {DuoFineKind::kPvtMapNotInTime, DuoFineKind::kRouteNotInTime}) {
    if (const DuoFine* newest = newest_of(*this, duo_fines, as_of, part)) {
      const Date part_end = new_term_end(*newest, as_of, duo_fines);
      end = end ? std::max(*end, part_end) : part_end;
    }
  }
  return end ? *end : statutory_end(as_of, duo_fines);
}

long IntegrationTerm::days_left(Date as_of, const std::vector<DuoFine>& duo_fines) const {
  return (end_date(as_of, duo_fines) - as_of).days();
}

Date IntegrationTerm::extension_window_opens(Date as_of,
                                             const std::vector<DuoFine>& duo_fines) const {
  return first_day_of_period_ending(end_date(as_of, duo_fines), extension_request_window_months);
}

bool IntegrationTerm::extension_window_open(Date as_of,
                                            const std::vector<DuoFine>& duo_fines) const {
  return as_of >= extension_window_opens(as_of, duo_fines) && as_of <= end_date(as_of, duo_fines);
}

bool IntegrationTerm::running_on(Date as_of, const std::vector<DuoFine>& duo_fines) const {
  return as_of >= start && as_of <= end_date(as_of, duo_fines);
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
