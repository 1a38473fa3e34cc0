// The evaluation export without direct identifiers (monitoring/evaluation_export.hpp): keyed
// pseudonyms (libsodium's HMAC-SHA256), the data dictionary, and one CSV row per trajectory.

#include "inburgering/monitoring/evaluation_export.hpp"

#include <sodium.h>

#include <cctype>
#include <set>
#include <sstream>

#include "inburgering/error.hpp"
#include "inburgering/trajectory/trajectory.hpp"
#include "monitoring/disclosure.hpp"

namespace inburgering::monitoring {

namespace {

void require_sodium() {
  if (sodium_init() < 0) throw StorageError("libsodium could not be initialised");
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::vector<EvaluationColumn> make_columns() {
  std::vector<EvaluationColumn> c = {
      {"pseudonym", "text",
       "HMAC-SHA256 of the BSN under the municipality's key (64 hex characters): the same person "
       "has the same pseudonym in every export made with that key"},
      {"municipality", "text", "CBS code of the municipality responsible (Wi 1.1)"},
      {"cohort", "integer", "year of DUO's notice of the obligation (Bi 5.3.1)"},
      {"birth_year", "integer", "year of birth (not the date)"},
      {"target_group", "text",
       "asylum_permit_holder, family_migrant, other_migrant or voluntary (Wi 2, 3)"},
      {"permit", "text", "temporary_asylum, regular or eu_law"},
      {"state", "text",
       "registered, intake, planning, route, completed, exempted, dispensed (DUO's dispensation, "
       "Wi 5, on whatever ground: the ground is never exported), transferred_out or ended"},
      {"route", "text", "b1, education or z: the route of the PIP in force (empty before a PIP)"},
      {"moved_in", "boolean", "the trajectory was taken over from another municipality (Wi 15.4)"},
      {"weeks_to_intake", "integer",
       "whole weeks from DUO's notice to the start of the broad intake (Wi 14; empty: not "
       "started)"},
      {"failed_invitations", "integer",
       "intake invitations not attended or without cooperation (Wi 14.1-2)"},
      {"intake_without_participant", "boolean",
       "the intake was completed without the person (Wi 14.2)"},
      {"weeks_to_first_plan", "integer",
       "whole weeks from DUO's notice to the first PIP (Wi 15; empty: none)"},
      {"first_plan_in_time", "boolean", "the first PIP was set by its deadline (Bi 5.3.1-2)"},
      {"plan_versions", "integer", "number of PIP versions (Wi 17)"},
      {"route_switches", "integer", "number of route switches (Wi 17.2)"},
      {"parts_scaled_down", "integer", "exam parts scaled down to A2 (Wi 17.3)"},
  };
  for (HourKind kind : all_enumerators<HourKind>()) {
    c.push_back({"hours_" + std::string(to_string(kind)), "integer",
                 "whole hours attended of kind " + std::string(to_string(kind)) +
                     " (as reported, Wi 35.3)"});
  }
  const std::vector<EvaluationColumn> rest = {
      {"language_parts_b1", "integer",
       "language exam parts (reading, listening, writing, speaking) passed at B1 or higher and "
       "not declared invalid (Wi 7.1)"},
      {"knm_passed", "boolean", "the KNM exam passed and not declared invalid"},
      {"interviews_due", "integer",
       "progress interviews scheduled up to the export's day (Wi 17.1; Bi 5.3.4)"},
      {"interviews_held", "integer", "of those, the ones held"},
      {"unburdened", "boolean", "unburdening started (Pw 56a)"},
      {"unburdening_months", "integer", "months of unburdening decided, extensions included"},
      {"coaching_sessions", "integer", "budgeting-coaching sessions attended"},
      {"municipal_fines", "integer", "fines of the college that stand (Wi 22, 23)"},
      {"duo_fines", "integer", "fines of DUO (Wi 24-26)"},
      {"extensions", "integer", "extensions of the term (Wi 12)"},
      {"interruptions", "integer", "interruptions of the term (Bi 2.1.2, 4.2)"},
      {"weeks_to_closure", "integer",
       "whole weeks from DUO's notice to the closure (empty: running)"},
      {"end_reason", "text", "why an ended trajectory ended (empty otherwise)"},
  };
  c.insert(c.end(), rest.begin(), rest.end());
  return c;
}

std::string flag(bool value) { return value ? "1" : "0"; }

}  // namespace

PseudonymKey PseudonymKey::generate() {
  require_sodium();
  PseudonymKey key;
  crypto_auth_hmacsha256_keygen(key.key_.data());
  return key;
}

PseudonymKey PseudonymKey::from_hex(std::string_view text) {
  PseudonymKey key;
  std::size_t written = 0;
  const char* end = nullptr;
  if (text.size() != 64 ||
      sodium_hex2bin(key.key_.data(), key.key_.size(), text.data(), text.size(), nullptr, &written,
                     &end) != 0 ||
      written != key.key_.size() || end != text.data() + text.size()) {
    throw ValidationError("pseudonym_key", "64 hexadecimal characters (32 bytes)",
                          std::to_string(text.size()) + " characters");
  }
  if (sodium_is_zero(key.key_.data(), key.key_.size())) {
    throw ValidationError("pseudonym_key", "a random key (PseudonymKey::generate), not zeros",
                          "all zeros");
  }
  return key;
}

PseudonymKey::~PseudonymKey() { sodium_memzero(key_.data(), key_.size()); }

std::string PseudonymKey::to_hex() const { return hex(key_.data(), key_.size()); }

std::string PseudonymKey::pseudonym(const Bsn& bsn) const {
  require_sodium();
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  const std::string& digits = bsn.digits();
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(digits.data()),
                         digits.size(), key_.data());
  return hex(mac.data(), mac.size());
}

std::string PseudonymKey::fingerprint() const {
  require_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), key_.data(), key_.size());
  return hex(digest.data(), digest.size()).substr(0, 16);
}

const std::vector<EvaluationColumn>& evaluation_columns() {
  static const std::vector<EvaluationColumn> columns = make_columns();
  return columns;
}

std::string evaluation_dictionary() { return detail::dictionary_markdown(evaluation_columns()); }

std::string evaluation_header() { return detail::csv_header(evaluation_columns()); }

std::string evaluation_row(const Trajectory& trajectory, const PseudonymKey& key, Date as_of) {
  const TrajectoryRecord& r = trajectory.record();
  const Date notice = r.obligation.duo_notice_date;
  std::vector<std::string> f;
  // Weeks, not days: exact day counts with the other columns would single persons out.
  const auto weeks_since_notice = [&](std::optional<Date> day) {
    return day ? std::to_string((*day - notice).days() / 7) : std::string();
  };
  f.push_back(key.pseudonym(r.participant.bsn));
  f.push_back(r.municipality.to_string());
  f.push_back(std::to_string(static_cast<int>(notice.year())));
  f.push_back(std::to_string(static_cast<int>(r.participant.birth_date.year())));
  f.emplace_back(to_string(r.participant.target_group));
  f.emplace_back(to_string(r.participant.permit));
  f.emplace_back(to_string(r.state));
  const PlanVersion* plan = trajectory.current_plan();
  f.push_back(plan ? std::string(to_string(plan->content.route)) : "");
  f.push_back(flag(r.transfer_in.has_value()));
  f.push_back(weeks_since_notice(r.intake.started_on()));
  int failed = 0;
  for (const auto& invitation : r.intake.invitations) {
    if (invitation.outcome == InvitationOutcome::kNoShow ||
        invitation.outcome == InvitationOutcome::kInsufficientCooperation) {
      ++failed;
    }
  }
  f.push_back(std::to_string(failed));
  f.push_back(flag(r.intake.completed_without_participant));
  // No learnability result: an empty one after a completed intake would point to a dispensation
  // for a visual or auditory impairment (Wi 14.6), health information.
  f.push_back(r.plan_versions.empty() ? ""
                                      : weeks_since_notice(r.plan_versions.front().date_of_issue));
  f.push_back(r.plan_versions.empty() ? "" : flag(!trajectory.is_late(r.plan_versions.front())));
  f.push_back(std::to_string(r.plan_versions.size()));
  int switches = 0;
  for (const auto& v : r.plan_versions) switches += v.reason == PlanChangeReason::kRouteSwitch;
  f.push_back(std::to_string(switches));
  f.push_back(plan ? std::to_string(plan->content.scaled_down_parts.size()) : "0");
  for (HourKind kind : all_enumerators<HourKind>()) {
    long minutes = 0;
    for (const auto& entry : r.attendance) {
      if (entry.kind == kind) minutes += entry.minutes;
    }
    f.push_back(std::to_string(minutes / 60));
  }
  std::set<ExamPart> b1_parts;
  bool knm = false;
  for (const auto& result : r.exam_results) {
    if (!result.passed || result.invalidated_on) continue;
    if (result.part == ExamPart::kKnm) {
      knm = true;
    } else if (result.level >= LanguageLevel::kB1) {
      b1_parts.insert(result.part);
    }
  }
  f.push_back(std::to_string(b1_parts.size()));
  f.push_back(flag(knm));
  int due = 0;
  int held = 0;
  for (const auto& interview : r.interviews) {
    if (interview.scheduled_on > as_of) continue;
    ++due;
    held += interview.held() ? 1 : 0;
  }
  f.push_back(std::to_string(due));
  f.push_back(std::to_string(held));
  f.push_back(flag(r.unburdening.has_value()));
  int months = 0;
  int coaching = 0;
  if (r.unburdening) {
    months = r.unburdening->months;
    for (const auto& e : r.unburdening->extensions) months += e.months;
    for (const auto& s : r.unburdening->coaching_sessions) coaching += s.attended ? 1 : 0;
  }
  f.push_back(r.unburdening ? std::to_string(months) : "");
  f.push_back(std::to_string(coaching));
  int fines = 0;
  for (const auto& fine : r.municipal_fines) fines += fine.stands_on(as_of) ? 1 : 0;
  f.push_back(std::to_string(fines));
  f.push_back(std::to_string(r.duo_fines.size()));
  f.push_back(std::to_string(r.term ? r.term->extensions.size() : 0));
  f.push_back(std::to_string(r.term ? r.term->interruptions.size() : 0));
  f.push_back(r.closure ? weeks_since_notice(r.closure->on) : "");
  f.push_back(r.closure && r.closure->end_reason ? std::string(to_string(*r.closure->end_reason))
                                                 : "");
  std::string line;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i) line += ",";
    line += f[i];
  }
  return line + "\n";
}

}  // namespace inburgering::monitoring
