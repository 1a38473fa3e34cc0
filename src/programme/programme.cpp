// Programmes and pilots (programme/programme.hpp): the names of their enumerations and the
// checks of a definition, a session, a goal and an outcome on their own.

#include "inburgering/programme/programme.hpp"

#include <set>

#include "detail/enum_table.hpp"
#include "inburgering/error.hpp"
#include "inburgering/limits.hpp"

namespace inburgering::programme {

INBURGERING_DEFINE_ENUM_TEXT(Theme,
                             {Theme::kBroadIntakeAndPlan, "broad_intake_and_plan",
                              "brede intake en PIP"},
                             {Theme::kFemaleFamilyMigrants, "female_family_migrants",
                              "vrouwelijke gezinsmigranten en nareizigers"},
                             {Theme::kDualTrajectories, "dual_trajectories", "duale trajecten"},
                             {Theme::kZRoute, "z_route", "Z-route"},
                             {Theme::kB1FromA2, "b1_from_a2", "B1-route van A2 naar B1"},
                             {Theme::kUnburdening, "unburdening", "ontzorgen"},
                             {Theme::kVulnerableGroups, "vulnerable_groups",
                              "kwetsbare groepen in duale trajecten of de Z-route"},
                             {Theme::kOther, "other", "overig"});

INBURGERING_DEFINE_ENUM_TEXT(ActivityKind,
                             {ActivityKind::kGroupSession, "group_session", "groepsbijeenkomst"},
                             {ActivityKind::kCoaching, "coaching", "individuele begeleiding"});

INBURGERING_DEFINE_ENUM_TEXT(ActivityMode, {ActivityMode::kOnSite, "on_site", "op locatie"},
                             {ActivityMode::kRemote, "remote", "op afstand"});

INBURGERING_DEFINE_ENUM_TEXT(ActivityTopic, {ActivityTopic::kLanguage, "language", "taal"},
                             {ActivityTopic::kLabourMarket, "labour_market", "arbeidsmarkt"},
                             {ActivityTopic::kHealth, "health", "gezondheid"},
                             {ActivityTopic::kParenting, "parenting", "opvoeding"},
                             {ActivityTopic::kSocialNetwork, "social_network", "sociaal netwerk"},
                             {ActivityTopic::kOther, "other", "overig"});

INBURGERING_DEFINE_ENUM_TEXT(Attendance, {Attendance::kAttended, "attended", "aanwezig"},
                             {Attendance::kExcused, "excused", "afgemeld"},
                             {Attendance::kAbsent, "absent", "afwezig zonder afmelding"});

INBURGERING_DEFINE_ENUM_TEXT(OutcomeKind,
                             {OutcomeKind::kEducationEnrolment, "education_enrolment",
                              "ingeschreven bij opleiding"},
                             {OutcomeKind::kTrialPlacement, "trial_placement", "proefplaatsing"},
                             {OutcomeKind::kJob, "job", "betaald werk"},
                             {OutcomeKind::kVolunteering, "volunteering", "vrijwilligerswerk"});

INBURGERING_DEFINE_ENUM_TEXT(ContractType, {ContractType::kPermanent, "permanent", "vast contract"},
                             {ContractType::kFixedTerm, "fixed_term", "tijdelijk contract"},
                             {ContractType::kOnCall, "on_call", "oproep- of nulurencontract"},
                             {ContractType::kSelfEmployed, "self_employed", "zelfstandige"},
                             {ContractType::kOther, "other", "overig"});

INBURGERING_DEFINE_ENUM_TEXT(LeaveReason, {LeaveReason::kFinished, "finished", "afgerond"},
                             {LeaveReason::kDroppedOut, "dropped_out", "uitgevallen"},
                             {LeaveReason::kMoved, "moved", "verhuisd"},
                             {LeaveReason::kOther, "other", "overig"});

namespace {

template <class E>
void require_known(E value, const char* field) {
  const auto known = all_enumerators<E>();
  for (E e : known) {
    if (e == value) return;
  }
  throw ValidationError(field, "one of its named values", std::to_string(static_cast<int>(value)));
}

}  // namespace

void validate(const Definition& d) {
  check_identifier(d.name, "programme.name");
  require_known(d.theme, "programme.theme");
  check_identifier(d.funder, "programme.funder");
  if (d.amount < Money::cents(0)) {
    throw ValidationError("programme.amount", "zero or more", to_string(d.amount));
  }
  require_valid(d.starts_on, "programme.starts_on");
  require_valid(d.ends_on, "programme.ends_on");
  if (d.ends_on < d.starts_on) {
    throw ValidationError("programme.ends_on",
                          "on or after programme.starts_on (" + to_iso(d.starts_on) + ")",
                          to_iso(d.ends_on));
  }
  if (d.municipalities.empty()) {
    throw ValidationError("programme.municipalities",
                          "at least one municipality takes part (the first is the lead)", "none");
  }
  std::set<MunicipalityCode> seen;
  for (const MunicipalityCode& m : d.municipalities) {
    if (!seen.insert(m).second) {
      throw ValidationError("programme.municipalities", "each municipality once",
                            m.to_string() + " twice");
    }
  }
}

void validate(const Session& s) {
  require_valid(s.held_on, "session.held_on");
  require_known(s.kind, "session.kind");
  require_known(s.mode, "session.mode");
  require_known(s.topic, "session.topic");
  if (s.minutes < 1 || s.minutes > kMaxActivityMinutes) {
    throw ValidationError("session.minutes", "between 1 and " + std::to_string(kMaxActivityMinutes),
                          std::to_string(s.minutes));
  }
}

void validate(const Goal& g) {
  if (g.text.empty()) throw ValidationError("goal.text", "a goal says what it is", "empty");
  check_text(g.text, "goal.text");
  require_valid(g.set_on, "goal.set_on");
  if (g.achieved_on) {
    require_valid(*g.achieved_on, "goal.achieved_on");
    if (*g.achieved_on < g.set_on) {
      throw ValidationError("goal.achieved_on",
                            "on or after goal.set_on (" + to_iso(g.set_on) + ")",
                            to_iso(*g.achieved_on));
    }
  }
}

void validate(const Outcome& o) {
  require_known(o.kind, "outcome.kind");
  require_valid(o.reached_on, "outcome.reached_on");
  if (o.kind == OutcomeKind::kJob && !o.contract) {
    throw ValidationError("outcome.contract", "a job names its contract type", "missing");
  }
  if (o.kind != OutcomeKind::kJob && o.contract) {
    throw ValidationError(
        "outcome.contract", "only a job has a contract type",
        std::string(to_string(*o.contract)) + " with " + std::string(to_string(o.kind)));
  }
  if (o.contract) require_known(*o.contract, "outcome.contract");
}

}  // namespace inburgering::programme
