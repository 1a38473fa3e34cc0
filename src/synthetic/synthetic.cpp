#include "inburgering/synthetic.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "inburgering/error.hpp"

namespace inburgering::synthetic {
namespace {

using boost::gregorian::days;

// SplitMix64 (Steele, Lea, Flood 2014): a fixed integer recipe, so the same seed gives the same
// data with every compiler and standard library.
class Random {
 public:
  Random(std::uint64_t seed, std::int64_t index)
      : state_(seed * 0x9E3779B97F4A7C15ULL ^
               static_cast<std::uint64_t>(index) * 0xD1B54A32D192ED03ULL) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// 0 .. n-1 (n > 0).
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  /// lo .. hi inclusive.
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool percent(int p) { return below(100) < p; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(N)))];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<const char*, 24> kGivenNames = {
    "Amal",  "Yonas", "Samira", "Mohammed", "Lina",   "Tesfay", "Hiba",  "Omar",
    "Rahel", "Yusuf", "Nour",   "Ahmad",    "Mariam", "Dawit",  "Aya",   "Khaled",
    "Selam", "Bilal", "Rania",  "Hamid",    "Fatima", "Ali",    "Helen", "Tariq"};
constexpr std::array<const char*, 16> kFamilyNames = {
    "Test-Haddad", "Test-Tesfaye", "Test-Ahmadi", "Test-Hassan", "Test-Kidane",  "Test-Yilmaz",
    "Test-Osman",  "Test-Rahimi",  "Test-Mehari", "Test-Saleh",  "Test-Ibrahim", "Test-Nasser",
    "Test-Gebru",  "Test-Karimi",  "Test-Abdi",   "Test-Mansour"};
constexpr std::array<const char*, 6> kProviders = {"Taalschool Centrum", "NT2 Instituut",
                                                   "ROC Taal",           "Volksuniversiteit",
                                                   "Taalhuis Noord",     "Leerwerkplaats"};

constexpr int kMaxHistoryDays = 3650;

void check(const Options& options, std::int64_t index) {
  if (index < 0) {
    throw ValidationError("index", "must be 0 or more", std::to_string(index));
  }
  if (options.municipalities.empty()) {
    throw ValidationError("options.municipalities", "must name at least one municipality", "none");
  }
  if (options.caseworkers_per_municipality < 1) {
    throw ValidationError("options.caseworkers_per_municipality", "must be at least 1",
                          std::to_string(options.caseworkers_per_municipality));
  }
  if (options.history_days < 1 || options.history_days > kMaxHistoryDays) {
    throw ValidationError("options.history_days", "must be 1 .. 3650 (ten years)",
                          std::to_string(options.history_days));
  }
  require_valid(options.as_of, "options.as_of");
  if (options.first_id < 1 || index > std::numeric_limits<std::int64_t>::max() - options.first_id) {
    throw ValidationError("options.first_id", "first_id + index must be 1 .. 2^63-1",
                          std::to_string(options.first_id));
  }
}

/// Takes one trajectory through the acts its dates allow. `today` bounds every date; `provider`
/// gives the person's courses and reports their hours.
class Story {
 public:
  Story(Trajectory& t, Random& random, Date today, std::string provider)
      : t_(t), random_(random), today_(today), stop_(today), provider_(std::move(provider)) {}

  /// Unburdening from the registration on (most asylum permit holders), then the route.
  void live(Date registered) {
    guide(registered);
    unburden(registered);
    run(registered);
  }

 private:
  /// Whether `on` has happened by the data's date (and before an early end that was decided).
  bool happened(Date on) const { return on <= stop_; }

  /// The social guidance of a person of Wi 13.1: mostly begun on the day of the BRP
  /// registration (Wi 13.3), its components of Bi 5.1 in the weeks after.
  void guide(Date registered) {
    if (!college_provides_guidance(t_.participant().target_group)) return;
    const Date started = registered + days(random_.percent(90) ? 0 : random_.between(1, 20));
    if (!happened(started)) return;
    t_.start_social_guidance(started);
    const Date help = started + days(random_.between(0, 14));
    const Date information = help + days(random_.between(0, 28));
    if (happened(help)) {
      t_.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp, help);
    }
    if (happened(information)) {
      t_.record_social_guidance_component(SocialGuidanceComponent::kInformation, information);
    }
  }

  void run(Date registered) {
    Date invited = registered + days(random_.between(1, 14));
    if (!happened(invited)) return;
    Date respond_by = invited + days(14);
    t_.invite_to_intake(invited, respond_by);
    if (!happened(respond_by)) return;
    if (random_.percent(6)) {  // a no-show, then the repeated invitation with its warning
      t_.record_invitation_outcome(InvitationOutcome::kNoShow);
      invited = respond_by + days(random_.between(1, 7));
      respond_by = invited + days(14);
      if (!happened(respond_by)) return;
      t_.invite_to_intake(invited, respond_by);
    }
    t_.record_invitation_outcome(InvitationOutcome::kAttended);

    const Date talk = respond_by - days(random_.between(0, 10));
    const TargetGroup group = t_.participant().target_group;
    const int score = random_.percent(group == TargetGroup::kAsylumPermitHolder ? 30 : 15)
                          ? random_.between(8, 27)
                          : random_.between(28, 40);
    for (IntakeTopic topic : all_intake_topics()) {
      if (!is_required(topic)) continue;
      if (topic == IntakeTopic::kEarlyChildhoodEducation && !t_.participant().has_young_children) {
        continue;
      }
      t_.record_intake_topic(topic, TopicRecord{"besproken in het intakegesprek", talk, false});
    }
    t_.record_learnability_test(LearnabilityTest{talk - days(1), score, std::nullopt});
    t_.record_informed_may_attend_alone();
    const Date intake_done = talk + days(random_.between(1, 14));
    if (!happened(intake_done)) return;
    t_.complete_intake(intake_done);

    // The first PIP: most within the 10-week deadline, some later.
    const Date issued =
        intake_done + days(random_.percent(85) ? random_.between(7, 45) : random_.between(60, 120));
    if (!happened(issued)) return;
    if (random_.percent(2)) {  // left before the PIP (after any coaching session so far)
      const Date left_on = std::max(issued, last_act());
      if (happened(left_on)) t_.end(left_on, EndReason::kLeftCountry);
      return;
    }
    const Route route = choose_route(score, registered);
    if (route == Route::kEducation) t_.record_education_wish();  // said in the intake (Wi 8.1)
    t_.issue_first_plan(issued, plan(route, issued));
    if (college_provides_guidance(group)) {  // the course offer (Wi 16.1), mostly in time
      const Date offered = issued + days(random_.percent(80) ? 0 : random_.between(1, 30));
      if (happened(offered)) t_.record_course_offer(CourseOffer{offered, route, provider_});
    }
    follow(route, issued, score);
  }

  Route choose_route(int score, Date registered) {
    const int age = age_in_months(t_.participant().birth_date, registered) / 12;
    if (score < 28) return random_.percent(85) ? Route::kZ : Route::kB1;
    if (age < 28 && random_.percent(35)) return Route::kEducation;
    return random_.percent(92) ? Route::kB1 : Route::kZ;
  }

  PlanContent plan(Route route, Date issued) {
    PlanContent c;
    c.route = route;
    c.route_intensity_hours_per_week = route == Route::kZ ? 8 : 12;
    c.support = "klantmanager en taalmaatje";
    c.pvt_hours = 12;
    c.map_hours = route == Route::kEducation ? 0 : 40;
    c.progress_interview_count = random_.between(4, 8);
    c.goals = {route == Route::kEducation
                   ? "instromen in het mbo"
                   : (route == Route::kZ ? "zelfredzaam in de wijk" : "B1 halen en werk vinden")};
    if (route == Route::kB1 && t_.record().intake.learnability_test &&
        !t_.record().intake.learnability_test->b1_route_feasible()) {
      c.learnability_deviation_reason =
          "sterke motivatie, eerder onderwijs in het land van herkomst";
    }
    c.unburdening_attached = t_.record().unburdening.has_value();
    c.activities = {PlanActivity{
        route == Route::kEducation ? ActivityKind::kEducation : ActivityKind::kLanguageCourse,
        route == Route::kEducation ? "taalschakeltraject" : "NT2-cursus", provider_,
        issued + days(14), std::nullopt, c.route_intensity_hours_per_week}};
    return c;
  }

  /// Fortnightly attendance reports of `kind` from `from` until `until` (or today), of about
  /// `per_fortnight` hours each, at most `total` hours in all. Returns the last day reported.
  Date attend(HourKind kind, Date from, Date until, int per_fortnight, int total) {
    Date day = from;
    int left = total;
    while (left > 0 && day <= until && happened(day)) {
      const int hours = std::min({left, 24, std::max(1, per_fortnight - random_.between(0, 4))});
      t_.record_attendance(AttendanceEntry{day, kind, hours * 60, provider_});
      left -= hours;
      day += days(14);
    }
    return day - days(14);
  }

  /// The last day of any act recorded so far.
  Date last_act() const {
    const TrajectoryRecord& r = t_.record();
    Date last = r.registered_on;
    auto later = [&last](Date on) { last = std::max(last, on); };
    for (const auto& entry : r.attendance) later(entry.attended_on);
    for (const auto& result : r.exam_results) later(result.taken_on);
    for (const auto& interview : r.interviews) {
      if (interview.held_on) later(*interview.held_on);
    }
    for (const auto& fine : r.municipal_fines) later(fine.imposed_on);
    if (r.social_guidance) {
      later(r.social_guidance->started_on);
      for (const auto& [component, on] : r.social_guidance->components) later(on);
    }
    for (const auto& offer : r.course_offers) later(offer.offered_on);
    if (r.unburdening) {
      for (const auto& session : r.unburdening->coaching_sessions) later(session.held_on);
    }
    for (const auto& interruption : r.term ? r.term->interruptions : std::vector<Interruption>{}) {
      if (interruption.until) later(*interruption.until);
    }
    for (const auto* on :
         {&r.components.pvt_statement_signed_on, &r.components.map_final_interview_on,
          &r.components.z_route_final_interview_on, &r.components.bridging_course_completed_on}) {
      if (*on) later(**on);
    }
    return last;
  }

  void follow(Route route, Date issued, int score) {
    const Date term_end = issued + days(3 * 365);
    const Date course_start = issued + days(14);

    // About one in fifty leaves early (the country, or loses the permit): decided first, so that
    // no act is dated after the end.
    std::optional<std::pair<Date, EndReason>> early_end;
    if (random_.percent(2)) {
      const Date on = issued + days(random_.between(200, 400));
      const EndReason reason =
          random_.percent(50) ? EndReason::kLeftCountry : EndReason::kPermitWithdrawn;
      if (on <= today_) {
        early_end = std::pair{on, reason};
        stop_ = on;
      }
    }

    // PVT: 12 hours in the first months, then the statement.
    attend(HourKind::kPvt, issued + days(30), term_end, 6, 12);
    const Date pvt_signed = issued + days(random_.between(100, 200));
    const bool pvt_done = happened(pvt_signed);
    if (pvt_done) t_.record_pvt_statement_signed(pvt_signed);

    // The course, fortnightly, at the PIP's intensity; some slow down.
    const int per_fortnight = route == Route::kZ ? 16 : 24;
    const int course_total = route == Route::kZ ? 820 : random_.between(500, 900);
    const HourKind course_kind =
        route == Route::kEducation ? HourKind::kLanguageBridging : HourKind::kLanguageCourse;
    const Date course_end =
        attend(course_kind, course_start, term_end, per_fortnight, course_total);

    // Progress interviews as scheduled.
    interviews();

    if (route != Route::kEducation) {
      attend(HourKind::kMap, issued + days(200), term_end, 10, 40);
      const Date map_final = issued + days(random_.between(320, 420));
      if (happened(map_final)) t_.record_map_final_interview(map_final);
    }
    if (route == Route::kZ) {
      attend(HourKind::kParticipation, issued + days(60), term_end, 16, 800);
      attend(HourKind::kKnmCourse, issued + days(40), term_end, 8, 40);
    }

    if (random_.percent(3)) {  // an interruption, ended after a few weeks
      const Date from = issued + days(random_.between(150, 500));
      const Date until = from + days(random_.between(14, 60));
      if (happened(until)) t_.record_interruption(Interruption{from, until, "ziekenhuisopname"});
    }
    if (random_.percent(3)) {  // a cooperation fine
      const Date established = issued + days(random_.between(120, 400));
      if (happened(established + days(7))) {
        t_.impose_cooperation_fine(CooperationFineDecision{
            .established_on = established,
            .imposed_on = established + days(7),
            .culpability =
                random_.percent(80) ? Culpability::kOrdinary : Culpability::kGrossNegligence});
      }
    }

    // The end of the route.
    const Date exams_on = course_end + days(random_.between(14, 60));
    if (route == Route::kB1 && happened(exams_on) && course_end > course_start + days(300)) {
      for (ExamPart part : {ExamPart::kReading, ExamPart::kListening, ExamPart::kWriting,
                            ExamPart::kSpeaking, ExamPart::kKnm}) {
        const bool pass = random_.percent(score >= 28 ? 85 : 55);
        t_.record_exam_result(ExamResult{part, LanguageLevel::kB1, exams_on, pass});
      }
    }
    if (route == Route::kEducation && happened(exams_on) && course_end > course_start + days(400) &&
        random_.percent(80)) {
      t_.record_bridging_course_completed(exams_on);
    }
    if (route == Route::kZ && happened(exams_on) && random_.percent(85)) {
      t_.record_z_route_final_interview(exams_on);
    }
    if (early_end) {
      t_.end(early_end->first, early_end->second);
      return;
    }
    // The diploma or certificate, on a day after every act so far.
    const Date done_on = std::max(exams_on + days(random_.between(7, 30)), last_act());
    if (happened(done_on) && pvt_done && t_.completion_report().all_met()) t_.complete(done_on);
  }

  /// The scheduled progress interviews in order; about one caseworker in six falls behind at
  /// some point, and the interviews from there on stay open (the worklist shows them overdue).
  void interviews() {
    std::vector<Date> scheduled;
    for (const ProgressInterview& interview : t_.record().interviews) {
      if (!interview.held()) scheduled.push_back(interview.scheduled_on);
    }
    const bool falls_behind = random_.percent(16);
    const auto stop_at = static_cast<std::size_t>(random_.between(0, 5));
    for (std::size_t i = 0; i < scheduled.size(); ++i) {
      if (falls_behind && i >= stop_at) return;
      const Date held = scheduled[i] + days(random_.between(0, 10));
      if (!happened(held)) return;
      t_.record_progress_interview(
          held, random_.percent(70) ? ProgressAssessment::kOnTrack : ProgressAssessment::kBehind,
          "voortgang besproken");
    }
  }

  void unburden(Date registered) {
    if (t_.participant().target_group != TargetGroup::kAsylumPermitHolder || !random_.percent(85)) {
      return;
    }
    const Date start = registered + days(random_.between(0, 20));
    if (!happened(start)) return;
    std::vector<FixedCostItem> items = {
        FixedCostItem{FixedCostKind::kRent, "Woningcorporatie",
                      Money::cents(random_.between(45000, 75000))},
        FixedCostItem{FixedCostKind::kEnergy, "Energieleverancier",
                      Money::cents(random_.between(9000, 18000))},
        FixedCostItem{FixedCostKind::kHealthInsurance, "Zorgverzekeraar",
                      Money::cents(random_.between(13000, 15000))}};
    std::vector<FixedCostNotPaid> not_paid;
    if (random_.percent(50)) {
      items.push_back(FixedCostItem{FixedCostKind::kWater, "Waterbedrijf",
                                    Money::cents(random_.between(1800, 3200))});
    } else {
      not_paid.push_back(FixedCostNotPaid{FixedCostKind::kWater, "water in de servicekosten"});
    }
    t_.start_unburdening(start, std::move(items), true, std::move(not_paid));
    for (int month = 1; month <= 6; ++month) {
      const Date held = start + days(30 * month - random_.between(0, 10));
      if (!happened(held)) break;
      t_.record_coaching_session(
          CoachingSession{held, month == 1 ? "vaste lasten" : "budgetplan", random_.percent(90)});
    }
  }

  Trajectory& t_;
  Random& random_;
  Date today_;
  /// The last day acts happen: today, or the day of an early end.
  Date stop_;
  std::string provider_;
};

}  // namespace

Bsn bsn(std::uint64_t seed, std::int64_t index) {
  if (index < 0 || index >= 9'000'000) {
    throw ValidationError("index", "must be 0 .. 8,999,999 for a distinct synthetic BSN",
                          std::to_string(index));
  }
  // Six digits from a bijection of index / 9 on 0..999,999 (a multiplier coprime to 10^6 and an
  // offset from the seed), then the eighth digit: the (index % 9)-th of the values 0..9 that give
  // a valid check digit (at least nine do: 2 * d takes ten distinct values modulo 11).
  constexpr std::uint64_t kSpan = 1'000'000;
  const std::uint64_t prefix =
      (static_cast<std::uint64_t>(index / 9) * 7'919 + seed % kSpan) % kSpan;
  std::string digits = "9" + std::string(6, '0');
  std::uint64_t rest = prefix;
  for (int i = 6; i >= 1; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  }
  int sum = 0;
  for (int i = 0; i < 7; ++i) sum += (9 - i) * (digits[static_cast<std::size_t>(i)] - '0');
  int slot = static_cast<int>(index % 9);
  for (int d7 = 0; d7 <= 9; ++d7) {
    const int check = (sum + 2 * d7) % 11;
    if (check == 10) continue;
    if (slot-- > 0) continue;
    return Bsn(digits + static_cast<char>('0' + d7) + static_cast<char>('0' + check));
  }
  throw std::logic_error("synthetic::bsn: no valid check digit");  // unreachable: see above
}

Trajectory trajectory(const Options& options, std::int64_t index) {
  check(options, index);
  Random random(options.seed, index);
  const auto& municipalities = options.municipalities;
  const auto m = static_cast<std::size_t>(random.below(static_cast<int>(municipalities.size())));
  const MunicipalityCode municipality = municipalities[m];
  const UserId caseworker("km-" + municipality.to_string() + "-" +
                          std::to_string(random.between(1, options.caseworkers_per_municipality)));

  const Date registered = options.as_of - days(random.below(options.history_days));
  const int group_roll = random.below(100);
  const TargetGroup group = group_roll < 58   ? TargetGroup::kAsylumPermitHolder
                            : group_roll < 90 ? TargetGroup::kFamilyMigrant
                                              : TargetGroup::kOtherMigrant;
  // Each draw in a statement of its own: the order of evaluation of operands and arguments is
  // unspecified, and the data must not depend on the compiler.
  const int age_years = random.between(18, 55);
  const int age_days = 365 * age_years + random.below(365);
  Participant person{.id = ParticipantId(options.first_id + index),
                     .bsn = bsn(options.seed, index),
                     .given_names = random.pick(kGivenNames),
                     .family_name = random.pick(kFamilyNames),
                     .birth_date = registered - days(age_days),
                     .target_group = group,
                     .permit = group == TargetGroup::kAsylumPermitHolder
                                   ? ResidencePermit::kTemporaryAsylum
                                   : ResidencePermit::kRegular,
                     .has_young_children = random.percent(30)};
  Obligation obligation;
  obligation.duo_notice_date = registered - days(random.between(0, 20));
  obligation.brp_registration_date = registered;

  Trajectory t = Trajectory::open(TrajectoryId(options.first_id + index), municipality, caseworker,
                                  std::move(person), obligation, registered);
  Story story(t, random, options.as_of, random.pick(kProviders));
  story.live(registered);
  return t;
}

}  // namespace inburgering::synthetic
