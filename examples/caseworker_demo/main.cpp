// Caseworker demo: keeps a few realistic trajectories of one municipality in an embedded SQLite
// file and prints, as a klantmanager would see them on a given day, their state, deadlines,
// signals, the caseload's worklist and the terms ending soon.
//
// Usage: caseworker_demo [--db FILE] [--fresh] [--today YYYY-MM-DD] [--record-hours N]
//                        [--history ID]
// The first run creates the file and stores the caseload; later runs load it from the file.
//
// Output shows initials and masked BSNs only: demo output ends up in logs.

#include <CLI/CLI.hpp>
#include <inburgering/inburgering.hpp>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace inburgering;
using storage::Actor;
using storage::Role;
namespace bg = boost::gregorian;

Date d(const char* iso) { return parse_date(iso); }

const MunicipalityCode kUtrecht("0344");
const MunicipalityCode kAmersfoort("0307");

Participant person(std::int64_t id, const char* bsn, const char* given, const char* family,
                   const char* born, TargetGroup group, ResidencePermit permit) {
  return Participant{.id = ParticipantId(id),
                     .bsn = Bsn(bsn),
                     .given_names = given,
                     .family_name = family,
                     .birth_date = d(born),
                     .target_group = group,
                     .permit = permit};
}

Obligation notice(const char* notice_date, const char* brp) {
  Obligation o;
  o.duo_notice_date = d(notice_date);
  o.brp_registration_date = d(brp);
  return o;
}

void full_intake(Trajectory& t, const char* on, int score) {
  for (IntakeTopic topic : all_intake_topics()) {
    if (!is_required(topic)) continue;
    if (topic == IntakeTopic::kEarlyChildhoodEducation && !t.participant().has_young_children) {
      continue;
    }
    t.record_intake_topic(topic, TopicRecord{"besproken in gesprek", d(on), false});
  }
  t.record_learnability_test(LearnabilityTest{d(on), score, std::nullopt});
  t.record_informed_may_attend_alone();
}

/// Opens a trajectory on DUO's notice and runs the broad intake: one attended invitation, every
/// required topic, the learnability test with `score`, completed on `completed`.
Trajectory through_intake(std::int64_t id, MunicipalityCode municipality, const char* caseworker,
                          Participant participant, Obligation obligation, const char* invited,
                          const char* intake_on, int score, const char* completed) {
  const Date registered = *obligation.brp_registration_date;
  Trajectory t = Trajectory::open(TrajectoryId(id), municipality, UserId(caseworker),
                                  std::move(participant), std::move(obligation), registered);
  if (college_provides_guidance(t.participant().target_group)) {
    // The social guidance of an asylum permit holder begins on the BRP registration (Wi 13.3).
    t.start_social_guidance(registered);
    t.record_social_guidance_component(SocialGuidanceComponent::kPracticalHelp, registered);
    t.record_social_guidance_component(SocialGuidanceComponent::kInformation, d(invited));
  }
  t.invite_to_intake(d(invited), d(invited) + bg::days(10));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  full_intake(t, intake_on, score);
  t.complete_intake(d(completed));
  return t;
}

PlanContent plan(Route route, int interviews) {
  PlanContent c;
  c.route = route;
  c.route_intensity_hours_per_week = 12;
  c.support = "klantmanager, taalmaatje";
  c.pvt_hours = 12;
  c.map_hours = route == Route::kEducation ? 0 : 40;
  c.progress_interview_count = interviews;
  c.goals = {"Nederlands op B1", "betaald werk"};
  c.activities = {PlanActivity{ActivityKind::kLanguageCourse, "NT2-cursus", "Taalschool Utrecht",
                               std::nullopt, std::nullopt, 12}};
  return c;
}

void attend(Trajectory& t, HourKind kind, int hours, Date last) {
  while (hours > 0) {
    const int chunk = std::min(hours, 6);
    t.record_attendance(AttendanceEntry{last, kind, chunk * 60, "Taalschool Utrecht"});
    hours -= chunk;
    last -= bg::days(2);
  }
}

// Amal: asylum permit holder on the B1-route, with unburdening; behind on interviews.
Trajectory amal() {
  Trajectory t = through_intake(
      1001, kUtrecht, "km-jansen",
      person(1, "111222333", "Amal", "Haddad", "1990-05-17", TargetGroup::kAsylumPermitHolder,
             ResidencePermit::kTemporaryAsylum),
      notice("2024-01-08", "2024-01-15"), "2024-01-16", "2024-01-25", 31, "2024-02-01");
  t.start_unburdening(
      d("2024-02-01"),
      {FixedCostItem{FixedCostKind::kRent, "Woonstichting", Money::euros(645)},
       FixedCostItem{FixedCostKind::kEnergy, "Energieleverancier", Money::euros(110)},
       FixedCostItem{FixedCostKind::kWater, "Waterbedrijf", Money::euros(24)},
       FixedCostItem{FixedCostKind::kHealthInsurance, "Zorgverzekeraar", Money::euros(139)}},
      true);
  t.issue_first_plan(d("2024-03-20"), plan(Route::kB1, 6));
  t.record_course_offer(CourseOffer{d("2024-03-20"), Route::kB1, "Taalschool Utrecht"});  // Wi 16.1
  t.extend_unburdening(
      UnburdeningExtension{d("2024-07-15"), 3, "budgetvaardigheid nog onvoldoende"});
  attend(t, HourKind::kPvt, 12, d("2024-05-01"));
  t.record_pvt_statement_signed(d("2024-05-02"));
  attend(t, HourKind::kLanguageCourse, 420, d("2025-01-20"));
  t.record_exam_result(ExamResult{ExamPart::kReading, LanguageLevel::kB1, d("2025-01-10"), true});
  t.record_progress_interview(d("2024-09-01"), ProgressAssessment::kOnTrack, "goede voortgang");
  return t;
}

// Li: family migrant, two no-shows at the intake, one fine; the PIP is due soon.
Trajectory li() {
  Trajectory t = Trajectory::open(TrajectoryId(1002), kUtrecht, UserId("km-jansen"),
                                  person(2, "123456782", "Li", "Wei", "1995-11-30",
                                         TargetGroup::kFamilyMigrant, ResidencePermit::kRegular),
                                  notice("2024-12-16", "2025-01-06"), d("2025-01-06"));
  t.invite_to_intake(d("2025-01-07"), d("2025-01-14"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  // The repeated invitation comes with a written warning (Wi 14.1); a no-show then is fined,
  // and the fine sets a new term of at most two months (Wi 22.1-2).
  t.invite_to_intake(d("2025-01-16"), d("2025-01-30"));
  t.record_invitation_outcome(InvitationOutcome::kNoShow);
  t.impose_intake_fine(
      IntakeFineDecision{.imposed_on = d("2025-02-01"), .new_term_until = d("2025-03-31")});
  t.invite_to_intake(d("2025-02-03"), d("2025-02-17"));
  t.record_invitation_outcome(InvitationOutcome::kAttended);
  t.record_intake_topic(IntakeTopic::kEducationAndWork,
                        TopicRecord{"hbo-opleiding in herkomstland", d("2025-02-17"), false});
  return t;
}

// Yusuf: asylum permit holder who switched to the Z-route; the term nears its end.
Trajectory yusuf() {
  Trajectory t = through_intake(
      1003, kUtrecht, "km-bakker",
      person(3, "100000009", "Yusuf", "Abdi", "1968-02-29", TargetGroup::kAsylumPermitHolder,
             ResidencePermit::kTemporaryAsylum),
      notice("2022-03-01", "2022-03-10"), "2022-03-14", "2022-03-24", 22, "2022-04-01");
  PlanContent b1 = plan(Route::kB1, 6);
  b1.learnability_deviation_reason = "eerdere taalcursus in Turkije; wil het proberen";
  t.issue_first_plan(d("2022-05-12"), b1);
  t.record_course_offer(CourseOffer{d("2022-05-12"), Route::kB1, "Taalschool Utrecht"});
  t.switch_route(d("2023-05-01"), plan(Route::kZ, 6), "voortgang lager dan verwacht (Wi 17.2)");
  t.record_course_offer(CourseOffer{d("2023-05-01"), Route::kZ, "Taalschool Utrecht"});
  attend(t, HourKind::kLanguageCourse, 610, d("2025-02-20"));
  attend(t, HourKind::kParticipation, 500, d("2025-02-21"));
  return t;
}

// Sara: moved in from Amersfoort; the PIP after the move is due.
Trajectory sara() {
  Trajectory old = through_intake(
      2001, kAmersfoort, "km-devries",
      person(4, "234567892", "Sara", "Tesfay", "2001-07-03", TargetGroup::kAsylumPermitHolder,
             ResidencePermit::kTemporaryAsylum),
      notice("2024-04-02", "2024-04-10"), "2024-04-11", "2024-04-19", 35, "2024-04-25");
  old.record_education_wish();  // said in the intake: an hbo study (Wi 8.1)
  old.issue_first_plan(d("2024-06-10"), plan(Route::kEducation, 4));
  old.record_course_offer(CourseOffer{d("2024-06-10"), Route::kEducation, "ROC Amersfoort"});
  old.transfer_out(kUtrecht, d("2025-01-31"));
  return Trajectory::receive_transfer(old, TrajectoryId(1004), kUtrecht, UserId("km-bakker"),
                                      d("2025-02-03"), Policy{});
}

std::string initials(const Participant& p) {
  std::string out;
  if (!p.given_names.empty()) out += std::string(1, p.given_names.front()) + ".";
  if (!p.family_name.empty()) out += std::string(1, p.family_name.front()) + ".";
  return out;
}

void print(const Trajectory& t, Date today) {
  const auto& r = t.record();
  std::cout << "\nTrajectory " << to_string(t.id()) << "  " << initials(t.participant()) << "  BSN "
            << t.participant().bsn.masked() << "  (" << to_string(t.participant().target_group)
            << ", caseworker " << r.caseworker.value() << ")\n";
  std::cout << "  state            " << to_string(t.state()) << "\n";
  if (const PlanVersion* p = t.current_plan()) {
    std::cout << "  route            " << to_string(p->content.route) << " (PIP version "
              << p->number << ", " << to_string(p->reason) << ", issued "
              << to_iso(p->date_of_issue)
              << (t.is_late(r.plan_versions.front()) ? ", first PIP was LATE" : "") << ")\n";
    std::cout << "  term             " << to_iso(r.term->start) << " .. "
              << to_iso(*t.term_end(today)) << " (" << r.term->days_left(today, r.duo_fines)
              << " days left)\n";
    const auto missing = t.completion_report().missing();
    std::cout << "  still required   ";
    if (missing.empty()) std::cout << "nothing: ready to complete";
    for (std::size_t i = 0; i < missing.size(); ++i) {
      std::cout << (i ? "\n                   " : "") << missing[i].description << " ["
                << missing[i].article << "]";
    }
    std::cout << "\n";
  }
  if (auto deadline = t.pip_deadline()) {
    std::cout << "  PIP due          " << to_iso(*deadline) << "\n";
  }
  if (r.unburdening) {
    std::cout << "  unburdening      until " << to_iso(r.unburdening->end_date()) << ", "
              << r.unburdening->payment_schedule().size() << " payments, total "
              << to_string(r.unburdening->total_scheduled()) << "\n";
  }
  if (!r.municipal_fines.empty()) {
    Money total;
    for (const auto& f : r.municipal_fines) total += f.amount;
    std::cout << "  fines            " << r.municipal_fines.size() << " (" << to_string(total)
              << ")\n";
  }
  for (const auto& s : t.signals(today)) {
    std::cout << "  signal           " << to_iso(s.due_on)
              << (s.overdue ? " OVERDUE " : "         ") << to_string(s.kind) << ": " << s.detail
              << "\n";
  }
}

void print_history(storage::TrajectoryStore& store, const Actor& actor, TrajectoryId id) {
  std::cout << "\nHistory of trajectory " << to_string(id) << "\n";
  for (const auto& entry : store.history(actor, id)) {
    // An entry the library cannot fully read (damaged, or written by a newer version) still
    // shows; what could not be read is named.
    std::cout << "  #" << entry.sequence << " " << to_iso(entry.at) << " " << std::setw(12)
              << (entry.action ? to_string(*entry.action) : "?") << " by " << entry.user.value()
              << " (" << (entry.role ? to_string(*entry.role) : "?") << ", "
              << (entry.actor_municipality ? entry.actor_municipality->to_string() : "?") << ")";
    for (const auto& field : entry.unreadable) std::cout << " [unreadable: " << field << "]";
    if (!entry.note.empty()) std::cout << ": " << entry.note;
    std::cout << "\n";
    for (const auto& change : entry.changes) {
      std::cout << "      " << change.field << ": " << change.before << " -> " << change.after
                << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"inburgering caseworker demo: a caseload in an embedded SQLite file"};
  std::string today_text = "2025-03-01";
  std::string db_path = "inburgering-demo.db";
  bool fresh = false;
  int record_hours = 0;
  std::int64_t history_id = 0;
  app.add_option("--today", today_text, "the day to look at (YYYY-MM-DD)");
  app.add_option("--db", db_path, "the SQLite file (created on first use)");
  app.add_flag("--fresh", fresh, "delete the file first and store the caseload anew");
  app.add_option("--record-hours", record_hours,
                 "record this many NT2 course hours today for trajectory 1001 and save")
      ->check(CLI::Range(1, 24));
  app.add_option("--history", history_id, "print the audit trail of this trajectory");
  CLI11_PARSE(app, argc, argv);

  try {
    auto clock = std::make_shared<FixedClock>(parse_date(today_text, "--today"));
    clock->set_time_of_day(std::chrono::hours{9});
    const Date today = clock->today();
    if (fresh) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
    }
    auto store = storage::SqliteStore::open(db_path, {.clock = clock});
    const Actor me{UserId("km-jansen"), Role::kCaseworker, kUtrecht, {}};

    std::cout << "inburgering " << kVersion << " caseworker demo, municipality "
              << kUtrecht.to_string() << ", today " << to_iso(today) << "\n";
    if (store->list(me, {}, {.after = "", .limit = 1}).items.empty()) {
      std::vector<Trajectory> caseload = {amal(), li(), yusuf()};
      Trajectory moved_in = sara();
      for (auto& t : caseload) store->create(me, t);
      store->create(me, moved_in);
      std::cout << "stored a new caseload of " << caseload.size() + 1 << " trajectories in "
                << db_path << " (schema version " << store->schema_version() << ")\n";
    } else {
      std::cout << "loaded the caseload from " << db_path << " (schema version "
                << store->schema_version() << ")\n";
    }

    if (record_hours > 0) {
      Trajectory t = store->load(me, TrajectoryId(1001));
      t.record_attendance(AttendanceEntry{today, HourKind::kLanguageCourse, record_hours * 60,
                                          "Taalschool Utrecht"});
      store->save(me, t);
      std::cout << "recorded " << record_hours << " hours for trajectory 1001 (now revision "
                << t.record().revision << ")\n";
    }

    for (const auto& summary : store->list(me, {}, {.after = "", .limit = 100}).items) {
      print(store->load(me, summary.id), today);
    }

    const Date horizon = today + bg::weeks(6);
    const auto worklist = store->worklist(me, horizon, {}, {.after = "", .limit = 100});
    std::cout << "\nWorklist: " << worklist.items.size() << " items due before " << to_iso(horizon)
              << ", by due date\n";
    for (const auto& item : worklist.items) {
      std::cout << "  " << to_iso(item.signal.due_on) << (item.signal.overdue ? " !" : "  ")
                << " trajectory " << std::setw(5) << to_string(item.trajectory) << "  "
                << std::setw(10) << item.caseworker.value() << "  " << to_string(item.signal.kind)
                << "\n";
    }
    const auto ending = store->terms_ending(me, today, 6, {}, {.after = "", .limit = 100});
    std::cout << "\nTerms ending within 6 months: " << ending.items.size() << "\n";
    for (const auto& s : ending.items) {
      std::cout << "  trajectory " << to_string(s.id) << " ends " << to_iso(*s.term_end) << "\n";
    }
    if (history_id != 0) print_history(*store, me, TrajectoryId(history_id));
  } catch (const Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
