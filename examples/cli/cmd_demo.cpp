// Demo data: N synthetic trajectories (synthetic.hpp) spread over several municipalities and
// caseworkers, reproducible from a seed, plus four named examples of Utrecht (0344) dated
// relative to --today, so that each shows one situation without years of overdue noise.

#include <algorithm>
#include <sstream>

#include "cli.hpp"

namespace inburgering::cli {

namespace {

namespace bg = boost::gregorian;

const MunicipalityCode kUtrecht("0344");
const MunicipalityCode kAmersfoort("0307");

/// The first id of the synthetic trajectories: the named examples have 1001-1004.
constexpr std::int64_t kFirstSyntheticId = 100001;

class Examples {
 public:
  Examples(Date today, UserId caseworker) : today_(today), caseworker_(std::move(caseworker)) {}

  Date ago(int days) const { return today_ - bg::days(days); }

  Participant person(std::int64_t id, const char* bsn, const char* given, const char* family,
                     const char* born, TargetGroup group, ResidencePermit permit) const {
    return Participant{.id = ParticipantId(id),
                       .bsn = Bsn(bsn),
                       .given_names = given,
                       .family_name = family,
                       .birth_date = parse_date(born),
                       .target_group = group,
                       .permit = permit};
  }

  /// Registered on DUO's notice and taken through the broad intake: one attended invitation,
  /// every required topic, the learnability test.
  Trajectory through_intake(std::int64_t id, MunicipalityCode municipality, UserId caseworker,
                            Participant participant, int notice_days_ago, int score) const {
    Obligation o;
    o.duo_notice_date = ago(notice_days_ago);
    o.brp_registration_date = ago(notice_days_ago - 5);
    const Date registered = *o.brp_registration_date;
    Trajectory t = Trajectory::open(TrajectoryId(id), municipality, std::move(caseworker),
                                    std::move(participant), std::move(o), registered);
    if (college_provides_guidance(t.participant().target_group)) {
      t.start_social_guidance(registered);  // Wi 13.3: due on the BRP registration
      t.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp, registered);
      t.record_social_guidance_component(SocialGuidanceComponent::kInformation,
                                         registered + bg::days(2));
    }
    const Date invited = registered + bg::days(1);
    t.invite_to_intake(invited, invited + bg::days(10));
    t.record_invitation_outcome(InvitationOutcome::kAttended);
    const Date intake = invited + bg::days(9);
    for (IntakeTopic topic : all_intake_topics()) {
      if (!is_required(topic)) continue;
      if (topic == IntakeTopic::kEarlyChildhoodEducation && !t.participant().has_young_children) {
        continue;
      }
      t.record_intake_topic(topic, TopicRecord{"besproken in het intakegesprek", intake, false});
    }
    t.record_learnability_test(LearnabilityTest{intake, score, std::nullopt});
    t.record_informed_may_attend_alone();
    t.complete_intake(intake + bg::days(7));
    return t;
  }

  static PlanContent plan(Route route, int interviews, const char* provider) {
    PlanContent c;
    c.route = route;
    c.route_intensity_hours_per_week = 12;
    c.support = "klantmanager, taalmaatje";
    c.pvt_hours = 12;
    c.map_hours = route == Route::kEducation ? 0 : 40;
    c.progress_interview_count = interviews;
    c.goals = {"Nederlands op B1", "betaald werk"};
    c.activities = {PlanActivity{ActivityKind::kLanguageCourse, "NT2-cursus", provider,
                                 std::nullopt, std::nullopt, 12}};
    return c;
  }

  /// Hours reported fortnightly from `from` up to a few days ago.
  void attend(Trajectory& t, HourKind kind, Date from, int hours_per_report, const char* provider,
              std::optional<Date> until = std::nullopt) const {
    for (Date d = from; d <= until.value_or(ago(3)); d += bg::days(14)) {
      t.record_attendance(AttendanceEntry{d, kind, hours_per_report * 60, provider});
    }
  }

  /// Every interview scheduled before `until` is recorded as held on its day.
  static void hold_interviews_before(Trajectory& t, Date until) {
    while (true) {
      const auto& list = t.record().interviews;
      const auto next = std::find_if(list.begin(), list.end(),
                                     [](const ProgressInterview& i) { return !i.held(); });
      if (next == list.end() || next->scheduled_on >= until) return;
      t.record_progress_interview(next->scheduled_on, ProgressAssessment::kOnTrack,
                                  "voortgang besproken");
    }
  }

  // Amal: asylum permit holder on the B1-route with unburdening; a progress interview is due.
  Trajectory amal() const {
    Trajectory t =
        through_intake(1001, kUtrecht, caseworker_,
                       person(1, "999990019", "Amal", "Test-Haddad", "1990-05-17",
                              TargetGroup::kAsylumPermitHolder, ResidencePermit::kTemporaryAsylum),
                       380, 31);
    // Six interviews over the term fall 156 days apart: the second is due three days ago.
    const Date pip = ago(315);
    t.issue_first_plan(pip, plan(Route::kB1, 6, "Taalschool Utrecht"));
    t.record_course_offer(CourseOffer{pip, Route::kB1, "Taalschool Utrecht"});  // Wi 16.1
    t.start_unburdening(
        ago(150),
        {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(645)},
         FixedCostItem{FixedCostKind::kEnergy, "Energieleverancier", Money::euros(110)},
         FixedCostItem{FixedCostKind::kWater, "Waterbedrijf", Money::euros(24)},
         FixedCostItem{FixedCostKind::kHealthInsurance, "Zorgverzekeraar", Money::euros(139)}},
        true);
    t.record_coaching_session(CoachingSession{ago(120), "vaste lasten en toeslagen", true});
    attend(t, HourKind::kPvt, pip + bg::days(14), 3, "Taalschool Utrecht", pip + bg::days(56));
    t.record_pvt_statement_signed(pip + bg::days(60));
    attend(t, HourKind::kLanguageCourse, pip + bg::days(20), 12, "Taalschool Utrecht");
    t.record_exam_result(
        ExamResult{ExamPart::kReading, LanguageLevel::kB1, ago(30), true, std::nullopt});
    hold_interviews_before(t, ago(10));
    return t;
  }

  // Li: family migrant; two no-shows at the intake and a fine; the first PIP is due soon.
  Trajectory li() const {
    Obligation o;
    o.duo_notice_date = ago(60);
    o.brp_registration_date = ago(55);
    Trajectory t = Trajectory::open(TrajectoryId(1002), kUtrecht, caseworker_,
                                    person(2, "999990020", "Li", "Test-Wei", "1995-11-30",
                                           TargetGroup::kFamilyMigrant, ResidencePermit::kRegular),
                                    std::move(o), ago(55));
    t.invite_to_intake(ago(54), ago(47));
    t.record_invitation_outcome(InvitationOutcome::kNoShow);
    // The repeated invitation carries a written warning (Wi 14.1); a no-show then is fined,
    // and the fine sets a new term of at most two months (Wi 22.1-2).
    t.invite_to_intake(ago(45), ago(38));
    t.record_invitation_outcome(InvitationOutcome::kNoShow);
    t.impose_intake_fine(
        IntakeFineDecision{.imposed_on = ago(36), .new_term_until = ago(36) + bg::days(50)});
    t.invite_to_intake(ago(34), ago(24));
    t.record_invitation_outcome(InvitationOutcome::kAttended);
    t.record_intake_topic(IntakeTopic::kEducationAndWork,
                          TopicRecord{"hbo-opleiding in herkomstland", ago(24), false});
    return t;
  }

  // Yusuf: asylum permit holder who switched to the Z-route; the term ends within months.
  Trajectory yusuf() const {
    Trajectory t =
        through_intake(1003, kUtrecht, caseworker_,
                       person(3, "999990032", "Yusuf", "Test-Abdi", "1968-02-29",
                              TargetGroup::kAsylumPermitHolder, ResidencePermit::kTemporaryAsylum),
                       1070, 22);
    const Date pip = t.record().intake.completed_on.value() + bg::days(30);
    PlanContent b1 = plan(Route::kB1, 6, "Taalschool Utrecht");
    b1.learnability_deviation_reason = "eerdere taalcursus; wil het proberen";
    t.issue_first_plan(pip, b1);
    t.record_course_offer(CourseOffer{pip, Route::kB1, "Taalschool Utrecht"});
    const Date switched = add_months(pip, 12);
    t.switch_route(switched, plan(Route::kZ, 6, "Taalschool Utrecht"),
                   "voortgang lager dan verwacht (Wi 17.2)");
    t.record_course_offer(CourseOffer{switched, Route::kZ, "Taalschool Utrecht"});
    attend(t, HourKind::kLanguageCourse, pip + bg::days(10), 10, "Taalschool Utrecht");
    attend(t, HourKind::kParticipation, switched + bg::days(10), 8, "Buurthuis De Pijler");
    hold_interviews_before(t, ago(1));
    return t;
  }

  // Sara: moved in from Amersfoort with an education-route PIP; the PIP after the move is due.
  Trajectory sara() const {
    Trajectory old =
        through_intake(2001, kAmersfoort, UserId("km-0307-1"),
                       person(4, "999990044", "Sara", "Test-Tesfay", "2001-07-03",
                              TargetGroup::kAsylumPermitHolder, ResidencePermit::kTemporaryAsylum),
                       260, 35);
    old.record_education_wish();  // an hbo study (Wi 8.1)
    const Date pip = old.record().intake.completed_on.value() + bg::days(40);
    old.issue_first_plan(pip, plan(Route::kEducation, 4, "ROC Amersfoort"));
    old.record_course_offer(CourseOffer{pip, Route::kEducation, "ROC Amersfoort"});
    attend(old, HourKind::kLanguageBridging, pip + bg::days(7), 16, "ROC Amersfoort", ago(28));
    hold_interviews_before(old, ago(25));
    old.transfer_out(kUtrecht, ago(25));
    Trajectory t = Trajectory::receive_transfer(old, TrajectoryId(1004), kUtrecht, caseworker_,
                                                ago(21), Policy{});
    attend(t, HourKind::kLanguageBridging, ago(14), 16, "ROC Midden Nederland");
    return t;
  }

 private:
  Date today_;
  UserId caseworker_;
};

/// The pilot of the demo data: "Powervrouwen" (domain notes §11), led by the first municipality
/// with the second, for their running family migrants: enrolment, monthly group sessions (every
/// third one by video call), one-to-one job coaching, a goal each, and outcomes, all dated
/// relative to `today` and reproducible. Returns how many were enrolled.
std::size_t demo_programme(storage::TrajectoryStore& store, storage::Actor as, Date today,
                           const std::vector<MunicipalityCode>& municipalities,
                           const std::map<MunicipalityCode, std::vector<Trajectory>>& data) {
  namespace p = programme;
  p::Definition definition{.name = "Powervrouwen",
                           .theme = p::Theme::kFemaleFamilyMigrants,
                           .funder = "Ministerie van SZW",
                           .amount = Money::euros(200000),
                           .starts_on = today - bg::days(364),
                           .ends_on = today + bg::days(365),
                           .municipalities = {}};
  for (std::size_t i = 0; i < municipalities.size() && i < 2; ++i) {
    definition.municipalities.push_back(municipalities[i]);
  }
  as.municipality = definition.municipalities.front();
  const ProgrammeId id = store.define_programme(as, definition).id;
  static const char* const kGoals[] = {"politieagent worden", "apothekersassistent worden",
                                       "zelfstandig boodschappen doen", "rijbewijs halen"};
  struct Member {
    TrajectoryId trajectory;
    Date enrolled;
    std::optional<Date> left;
  };
  std::size_t enrolled = 0;
  for (const MunicipalityCode& m : definition.municipalities) {
    as.municipality = m;
    const auto found = data.find(m);
    if (found == data.end()) continue;
    std::vector<Member> members;
    // The named examples first (Li, 1002, is a family migrant), then the synthetic ones.
    std::vector<const Trajectory*> candidates;
    for (const Trajectory& t : found->second) candidates.push_back(&t);
    std::stable_partition(candidates.begin(), candidates.end(),
                          [](const Trajectory* t) { return t->id().value() < kFirstSyntheticId; });
    for (const Trajectory* candidate : candidates) {
      const Trajectory& t = *candidate;
      if (members.size() == 12) break;
      if (is_final(t.state()) ||
          t.record().participant.target_group != TargetGroup::kFamilyMigrant) {
        continue;
      }
      const auto i = static_cast<long>(members.size());
      const Date on = std::max(definition.starts_on + bg::days(7 * (i % 8)),
                               t.record().obligation.duo_notice_date + bg::days(28));
      if (on > today - bg::days(14)) continue;
      std::optional<Date> left;
      if (i % 9 == 2 && on + bg::days(112) < today) left = on + bg::days(112);
      store.enrol(as, id, t.id(), on);
      members.push_back({t.id(), on, left});
    }
    // Group sessions every four weeks, for whoever is enrolled on the day.
    int k = 0;
    for (Date day = definition.starts_on + bg::days(21); day <= today; day += bg::days(28), ++k) {
      std::vector<p::Attendee> attendees;
      for (std::size_t i = 0; i < members.size(); ++i) {
        const Member& member = members[i];
        if (day < member.enrolled || (member.left && day > *member.left)) continue;
        const auto pattern = (i + static_cast<std::size_t>(k)) % 7;
        attendees.push_back({member.trajectory, pattern == 3   ? p::Attendance::kExcused
                                                : pattern == 5 ? p::Attendance::kAbsent
                                                               : p::Attendance::kAttended});
      }
      if (attendees.empty()) continue;
      static const p::ActivityTopic kTopics[] = {
          p::ActivityTopic::kHealth, p::ActivityTopic::kParenting, p::ActivityTopic::kLabourMarket};
      store.record_activity(
          as, id,
          {.held_on = day,
           .kind = p::ActivityKind::kGroupSession,
           .mode = k % 3 == 2 ? p::ActivityMode::kRemote : p::ActivityMode::kOnSite,
           .topic = kTopics[k % 3],
           .minutes = 120},
          attendees);
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      const Member& member = members[i];
      const auto after = [&](int weeks) { return member.enrolled + bg::days(7 * weeks); };
      const auto reached = [&](int weeks) {
        return after(weeks) <= today &&
               (!member.left || after(weeks) <= *member.left + bg::days(180));
      };
      store.record_activity(as, id,
                            {.held_on = after(1),
                             .kind = p::ActivityKind::kCoaching,
                             .mode = p::ActivityMode::kOnSite,
                             .topic = p::ActivityTopic::kLabourMarket,
                             .minutes = 60},
                            std::vector<p::Attendee>{{member.trajectory}});
      const std::int64_t goal =
          store.add_goal(as, id, member.trajectory, {.text = kGoals[i % 4], .set_on = after(1)});
      if (i % 4 == 3 && reached(20))
        store.goal_achieved(as, id, member.trajectory, goal, after(20));
      if (i % 5 == 0 && reached(12)) {
        store.record_outcome(
            as, id, member.trajectory,
            {.kind = p::OutcomeKind::kEducationEnrolment, .reached_on = after(12)});
      }
      if (i % 3 == 0 && reached(20)) {
        store.record_outcome(as, id, member.trajectory,
                             {.kind = p::OutcomeKind::kTrialPlacement, .reached_on = after(20)});
      }
      if (i % 4 == 0 && reached(30)) {
        store.record_outcome(
            as, id, member.trajectory,
            {.kind = p::OutcomeKind::kJob,
             .reached_on = after(30),
             .contract = i % 8 == 0 ? p::ContractType::kFixedTerm : p::ContractType::kPermanent});
      }
      if (i % 6 == 1 && reached(8)) {
        store.record_outcome(as, id, member.trajectory,
                             {.kind = p::OutcomeKind::kVolunteering, .reached_on = after(8)});
      }
      if (member.left) {
        store.end_enrolment(as, id, member.trajectory, *member.left, p::LeaveReason::kDroppedOut);
      }
      ++enrolled;
    }
  }
  return enrolled;
}

}  // namespace

void add_demo_commands(CLI::App& app, Context& ctx) {
  struct Args {
    std::int64_t count = 200;
    std::uint64_t seed = 1;
    std::vector<std::string> municipalities = {"0344", "0307", "0363"};
    int caseworkers = 4;
    bool no_examples = false;
  };
  auto a = std::make_shared<Args>();
  auto* c = add_command(
      app, "demodata", "demo-data",
      "Vul een (nieuwe) database met --aantal verzonnen maar realistische trajecten, "
      "reproduceerbaar uit --seed, over meerdere gemeenten en klantmanagers (km-<code>-<n>), "
      "plus vier genoemde voorbeelden van Utrecht (1001-1004, klantmanager km-jansen) en de "
      "pilot Powervrouwen (programma 1) van de eerste twee gemeenten. "
      "Alle BSN's beginnen met 9 en alle achternamen met \"Test-\". Nooit in productie.",
      "inburgering --db demo.db --user demo --municipality 0344 demodata --aantal 200 --seed 7");
  c->add_option("--aantal", a->count, "aantal verzonnen trajecten")->check(CLI::Range(0, 1000000));
  c->add_option("--seed", a->seed, "zaad: dezelfde seed geeft dezelfde trajecten");
  c->add_option("--gemeenten", a->municipalities, "CBS-codes van de gemeenten")->delimiter(',');
  c->add_option("--klantmanagers", a->caseworkers, "klantmanagers per gemeente")
      ->check(CLI::Range(1, 100));
  c->add_flag("--zonder-voorbeelden", a->no_examples,
              "zonder de vier genoemde voorbeelden en de pilot");
  c->callback([&ctx, a] {
    synthetic::Options options;
    options.seed = a->seed;
    options.as_of = ctx.today();
    options.caseworkers_per_municipality = a->caseworkers;
    options.first_id = kFirstSyntheticId;
    options.municipalities.clear();
    for (const auto& code : a->municipalities) {
      options.municipalities.push_back(municipality_option(code, "--gemeenten"));
    }
    // Everything is generated (and so checked) before anything is stored.
    std::map<MunicipalityCode, std::vector<Trajectory>> by_municipality;
    for (std::int64_t i = 0; i < a->count; ++i) {
      Trajectory t = synthetic::trajectory(options, i);
      by_municipality[t.record().municipality].push_back(std::move(t));
    }
    if (!a->no_examples) {
      const Examples examples(ctx.today(), UserId("km-jansen"));
      auto& utrecht = by_municipality[kUtrecht];
      for (Trajectory t : {examples.amal(), examples.li(), examples.yusuf(), examples.sara()}) {
        utrecht.push_back(std::move(t));
      }
    }
    const storage::Actor me = ctx.actor();
    if (me.role != storage::Role::kCaseworker) {
      // It writes intakes with health topics, as the caseworkers of each municipality would.
      throw AccessDenied("demodata runs as a caseworker (--role caseworker), not as " +
                         std::string(to_string(me.role)));
    }
    auto& store = ctx.store(/*create_if_missing=*/true);
    std::size_t stored = 0;
    json per = json::object();
    for (auto& [municipality, list] : by_municipality) {
      // The generator acts as the given user working for each trajectory's municipality.
      storage::Actor as = me;
      as.municipality = municipality;
      as.role = storage::Role::kCaseworker;
      for (std::size_t from = 0; from < list.size(); from += 10000) {
        const std::size_t n = std::min<std::size_t>(10000, list.size() - from);
        stored += store.create_many(as, std::span<Trajectory>(list.data() + from, n));
      }
      per[municipality.to_string()] = list.size();
    }
    // The pilot comes after the trajectories it enrols (as in a real municipality).
    std::size_t in_pilot = 0;
    if (!a->no_examples && !options.municipalities.empty()) {
      in_pilot = demo_programme(store, me, ctx.today(), options.municipalities, by_municipality);
    }
    if (ctx.globals.json) {
      ctx.print_json({{"schema", "inburgering-cli"},
                      {"version", kJsonOutputVersion},
                      {"kind", "demo_data"},
                      {"programme_participants", in_pilot},
                      {"stored", stored},
                      {"per_municipality", per},
                      {"seed", a->seed},
                      {"as_of", to_iso(ctx.today())}});
      return;
    }
    ctx.out << ctx.t("Opgeslagen: ", "Stored: ") << stored
            << ctx.t(" trajecten in ", " trajectories in ")
            << storage::redacted_connection(ctx.globals.db) << " (seed " << a->seed
            << ctx.t(", stand van ", ", as of ") << to_iso(ctx.today()) << ")\n";
    for (const auto& [code, n] : per.items()) {
      ctx.out << "  " << ctx.t("gemeente ", "municipality ") << code << ": " << n.get<std::size_t>()
              << "\n";
    }
    if (!a->no_examples && !options.municipalities.empty()) {
      ctx.out << ctx.t("Pilot Powervrouwen (programma 1): ", "Pilot Powervrouwen (programme 1): ")
              << in_pilot << ctx.t(" deelnemers\n", " participants\n");
    }
  });
}

}  // namespace inburgering::cli
