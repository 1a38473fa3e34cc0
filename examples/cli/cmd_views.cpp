// The read commands: one trajectory as a timeline (what happened, what is required, what is
// due), the worklist, terms ending, search by BSN, a listing, and the audit trail.
// Terminal output shows initials and masked BSNs only; `--json` gives the same, for scripts.

#include <algorithm>
#include <iomanip>
#include <map>

#include "cli.hpp"

namespace inburgering::cli {

namespace {

json envelope(std::string_view kind, Context& ctx) {
  return {{"schema", "inburgering-cli"},
          {"version", kJsonOutputVersion},
          {"kind", std::string(kind)},
          {"today", to_iso(ctx.today())}};
}

json summary_json(const storage::TrajectorySummary& s) {
  return {{"id", s.id.value()},
          {"municipality", s.municipality.to_string()},
          {"caseworker", s.caseworker.value()},
          {"state", to_string(s.state)},
          {"route", s.route ? json(to_string(*s.route)) : json(nullptr)},
          {"term_end", s.term_end ? json(to_iso(*s.term_end)) : json(nullptr)},
          {"revision", s.revision},
          {"purged", s.purged}};
}

void print_summary(Context& ctx, const storage::TrajectorySummary& s) {
  ctx.out << "  " << s.id.value() << "  " << s.municipality.to_string() << "  "
          << s.caseworker.value() << "  " << ctx.label(s.state);
  if (s.route) ctx.out << ", " << ctx.label(*s.route);
  if (s.term_end) ctx.out << ctx.t(", termijn tot ", ", term until ") << to_iso(*s.term_end);
  if (s.purged) ctx.out << ctx.t(" (persoonsgegevens verwijderd)", " (personal data purged)");
  ctx.out << "\n";
}

/// One line of the timeline.
struct Event {
  Date on;
  std::string code;
  std::string text;
};

std::string date_or_blank(const std::optional<Date>& d) { return d ? to_iso(*d) : "?"; }

std::vector<Event> timeline(const Context& ctx, const Trajectory& t) {
  const TrajectoryRecord& r = t.record();
  std::vector<Event> events;
  const auto add = [&](Date on, std::string code, std::string_view nl, std::string_view en,
                       const std::string& more = "") {
    events.push_back(Event{on, std::move(code), std::string(ctx.t(nl, en)) + more});
  };
  add(r.obligation.duo_notice_date, "duo_notice", "kennisgeving van DUO", "DUO's notice");
  add(r.registered_on, "registered", "traject geregistreerd", "trajectory registered");
  if (r.obligation.brp_registration_date) {
    add(*r.obligation.brp_registration_date, "brp_registration", "ingeschreven in de BRP",
        "registered in the BRP");
  }
  if (r.obligation.third_party_info_requested_on) {
    add(*r.obligation.third_party_info_requested_on, "third_party_requested",
        "informatie van derden opgevraagd", "third-party information requested");
  }
  if (r.obligation.third_party_info_received_on) {
    add(*r.obligation.third_party_info_received_on, "third_party_received",
        "informatie van derden ontvangen", "third-party information received");
  }
  for (const auto& e : r.obligation.exemptions) {
    add(e.decided_on, "exemption", "vrijstelling van DUO: ", "exemption by DUO: ",
        ctx.label(e.ground) + (e.is_whole() ? std::string(ctx.t(" (geheel)", " (whole)")) : ""));
  }
  for (const auto& d : r.obligation.dispensations) {
    // The ground is health information (Wi 37): not shown here.
    add(d.decided_on, "dispensation", "ontheffing van DUO", "dispensation by DUO",
        d.is_whole() ? std::string(ctx.t(" (geheel)", " (whole)")) : "");
  }
  for (const auto& p : r.obligation.residence_procedures) {
    add(p.started_on, "residence_procedure",
        "verblijfsprocedure: ", "residence procedure: ", ctx.label(p.kind));
    if (p.decided_on) {
      add(*p.decided_on, "residence_decision",
          "besluit verblijfsprocedure: ", "residence decision: ",
          std::string(p.permit_granted ? ctx.t("verleend", "granted")
                                       : ctx.t("geweigerd", "refused")));
    }
  }
  if (r.transfer_in) {
    add(r.transfer_in->brp_registration_on, "transfer_in", "overgenomen van gemeente ",
        "taken over from municipality ", r.transfer_in->from.to_string());
  }
  if (r.social_guidance) {
    add(r.social_guidance->started_on, "social_guidance", "maatschappelijke begeleiding begonnen",
        "social guidance began");
    for (const auto& [component, on] : r.social_guidance->components) {
      add(on, "social_guidance_component", "begeleiding: ", "guidance: ", ctx.label(component));
    }
  }
  for (const auto& inv : r.intake.invitations) {
    add(inv.sent_on, "invitation", "uitgenodigd voor de brede intake",
        "invited to the broad intake",
        std::string(inv.written_warning
                        ? ctx.t(" (met schriftelijke waarschuwing)", " (with written warning)")
                        : "") +
            ": " + ctx.label(inv.outcome));
  }
  for (const auto& [topic, record] : r.intake.topics) {
    // Names of topics only: the notes are free text and may hold health information.
    add(record.recorded_on, "intake_topic", "intakeonderwerp: ", "intake topic: ",
        ctx.label(topic) +
            (record.not_applicable ? std::string(ctx.t(" (n.v.t.)", " (n/a)")) : ""));
  }
  if (const auto& test = r.intake.learnability_test) {
    // Whether it was taken or dispensed, not the score: the audit trail masks it too.
    add(test->taken_on, "learnability_test", "leerbaarheidstoets: ", "learnability test: ",
        std::string(test->score ? ctx.t("afgenomen", "taken")
                                : ctx.t("ontheffing", "dispensation")));
  }
  if (r.intake.completed_on) {
    add(*r.intake.completed_on, "intake_completed", "brede intake afgerond",
        "broad intake completed",
        r.intake.completed_without_participant
            ? std::string(ctx.t(" zonder de persoon (Wi 14.2)", " without the person (Wi 14.2)"))
            : "");
  }
  for (const auto& v : r.plan_versions) {
    std::string more = " " + std::to_string(v.number) + " (" + ctx.label(v.reason) +
                       "): " + ctx.label(v.content.route) + ", " +
                       std::to_string(v.content.route_intensity_hours_per_week) +
                       std::string(ctx.t(" uur per week", " hours a week"));
    if (t.is_late(v)) more += ctx.t(" (te laat)", " (late)");
    add(v.date_of_issue, "plan_version", "PIP-versie", "PIP version", more);
  }
  for (const auto& o : r.course_offers) {
    add(o.offered_on, "course_offer",
        "cursusaanbod: ", "course offer: ", ctx.label(o.route) + ", " + cut(o.provider, 80));
  }
  for (std::size_t i = 0; i < r.exam_results.size(); ++i) {
    const auto& e = r.exam_results[i];
    add(e.taken_on, "exam", "examen ", "exam ",
        "#" + std::to_string(i + 1) + " " + ctx.label(e.part) + " " + ctx.label(e.level) + ": " +
            std::string(e.passed ? ctx.t("geslaagd", "passed") : ctx.t("gezakt", "failed")));
    if (e.invalidated_on) {
      add(*e.invalidated_on, "exam_invalidated", "examenuitslag ongeldig verklaard: #",
          "exam result invalidated: #", std::to_string(i + 1));
    }
  }
  for (const auto& i : r.interviews) {
    if (!i.held_on) continue;
    add(*i.held_on, "progress_interview", "voortgangsgesprek: ", "progress interview: ",
        i.assessment ? ctx.label(*i.assessment) : "");
  }
  const auto& c = r.components;
  if (c.pvt_statement_signed_on) {
    add(*c.pvt_statement_signed_on, "pvt_statement", "participatieverklaring ondertekend",
        "participation statement signed");
  }
  if (c.map_final_interview_on) {
    add(*c.map_final_interview_on, "map_final_interview", "MAP-eindgesprek", "MAP final interview");
  }
  if (c.z_route_final_interview_on) {
    add(*c.z_route_final_interview_on, "z_route_final_interview", "eindgesprek Z-route",
        "Z-route final interview");
  }
  if (c.bridging_course_completed_on) {
    add(*c.bridging_course_completed_on, "bridging_course", "schakelcursus afgerond",
        "bridging course completed");
  }
  if (r.unburdening) {
    const auto& u = *r.unburdening;
    add(u.assistance_start, "unburdening", "ontzorgen gestart, ", "unburdening started, ",
        std::to_string(u.items.size()) +
            std::string(ctx.t(" vaste lasten, tot ", " fixed costs, until ")) +
            to_iso(u.end_date()));
    for (const auto& e : u.extensions) {
      add(e.decided_on, "unburdening_extension", "ontzorgen verlengd met ",
          "unburdening extended by ",
          std::to_string(e.months) + std::string(ctx.t(" maanden", " months")));
    }
    for (const auto& s : u.coaching_sessions) {
      add(s.held_on, "coaching", "budgetcoaching", "budgeting coaching",
          s.attended ? "" : std::string(ctx.t(" (niet verschenen)", " (did not attend)")));
    }
    if (u.stopped_on)
      add(*u.stopped_on, "unburdening_stopped", "ontzorgen gestopt", "unburdening stopped");
  }
  for (std::size_t i = 0; i < r.municipal_fines.size(); ++i) {
    const auto& f = r.municipal_fines[i];
    const std::string n = "#" + std::to_string(i + 1) + " ";
    // The kind, not the amount: finances are not printed.
    add(f.imposed_on, "municipal_fine", "boete ", "fine ", n + ctx.label(f.kind));
    if (f.contested_on)
      add(*f.contested_on, "fine_contested", "bezwaar tegen boete ", "fine contested ", n);
    if (f.irrevocable_on) {
      add(*f.irrevocable_on, "fine_irrevocable", "boete onherroepelijk ", "fine irrevocable ", n);
    }
    if (f.annulled_on)
      add(*f.annulled_on, "fine_annulled", "boete vernietigd ", "fine annulled ", n);
  }
  for (const auto& f : r.duo_fines) {
    add(f.imposed_on, "duo_fine", "boete van DUO: ", "DUO fine: ", ctx.label(f.kind));
  }
  if (r.term) {
    add(r.term->start, "term_start", "inburgeringstermijn begonnen", "integration term began");
    for (const auto& q : r.term->extension_requests) {
      add(q.requested_on, "extension_request",
          "verzoek om verlenging: ", "extension request: ", ctx.label(q.ground));
      if (q.decided_on) {
        add(*q.decided_on, "extension_decision", "besluit op verlenging: ", "extension decision: ",
            std::string(q.granted ? ctx.t("verleend", "granted") : ctx.t("geweigerd", "refused")));
      }
    }
    for (const auto& e : r.term->extensions) {
      add(e.decided_on, "extension", "termijn verlengd met ", "term extended by ",
          std::to_string(e.months) + std::string(ctx.t(" maanden", " months")));
    }
    for (const auto& i : r.term->interruptions) {
      add(i.from, "interruption", "onderbreking tot ", "interruption until ",
          date_or_blank(i.until));
    }
  }
  for (const auto& w : r.withdrawn_diplomas) {
    add(w.withdrawn_on, "diploma_withdrawn", "diploma ingetrokken", "diploma withdrawn");
  }
  if (r.closure) {
    add(r.closure->on, "closed", "afgesloten: ", "closed: ",
        ctx.label(r.closure->final_state) +
            (r.closure->end_reason ? " (" + ctx.label(*r.closure->end_reason) + ")" : "") +
            (r.closure->moved_to ? " → " + r.closure->moved_to->to_string() : ""));
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.on < b.on; });
  return events;
}

/// Attendance per kind of hours, in minutes, and the last day reported.
std::map<HourKind, long> hours_by_kind(const Trajectory& t, std::optional<Date>& last) {
  std::map<HourKind, long> minutes;
  for (const auto& e : t.record().attendance) {
    minutes[e.kind] += e.minutes;
    if (!last || *last < e.attended_on) last = e.attended_on;
  }
  return minutes;
}

std::string hours_text(long minutes) {
  std::string out = std::to_string(minutes / 60);
  if (minutes % 60)
    out += ":" + std::string(minutes % 60 < 10 ? "0" : "") + std::to_string(minutes % 60);
  return out;
}

void show(Context& ctx, std::int64_t id, int upcoming) {
  auto& store = ctx.store();
  const Trajectory t = store.load(ctx.actor(), TrajectoryId(id));
  const Date today = ctx.today();
  const TrajectoryRecord& r = t.record();
  const auto events = timeline(ctx, t);
  std::optional<Date> last_hours;
  const auto hours = hours_by_kind(t, last_hours);
  // What is required: for completion once a route runs; before that, what the intake lacks.
  std::vector<Requirement> requirements;
  if (t.current_plan() && !is_final(t.state())) {
    requirements = t.completion_report().requirements;
  } else if (!is_final(t.state()) && !r.intake.completed_on) {
    for (const auto& missing : r.intake.missing_requirements(r.participant.has_young_children)) {
      requirements.push_back(Requirement{"intake", missing, "Wi 14; Bi 5.2", false});
    }
  }
  // What an extension for substantial efforts would need (Bi 4.4), once the term runs.
  std::vector<Requirement> efforts;
  if (t.current_plan() && !is_final(t.state()))
    efforts = t.substantial_efforts_report().requirements;
  const auto signals = t.signals(today);
  std::vector<Signal> coming;
  for (const auto& d : t.deadlines(today)) {
    if (std::find(signals.begin(), signals.end(), d) != signals.end()) continue;
    if (std::any_of(signals.begin(), signals.end(),
                    [&](const Signal& s) { return s.kind == d.kind && s.due_on == d.due_on; })) {
      continue;
    }
    if (static_cast<int>(coming.size()) < upcoming) coming.push_back(d);
  }
  const std::optional<Date> term_end = t.term_end(today);

  if (ctx.globals.json) {
    json doc = envelope("trajectory", ctx);
    json tj = {{"id", id},
               {"municipality", r.municipality.to_string()},
               {"caseworker", r.caseworker.value()},
               {"state", to_string(r.state)},
               {"target_group", to_string(r.participant.target_group)},
               {"bsn_masked", r.participant.bsn.masked()},
               {"initials", initials(r.participant)},
               {"revision", t.revision()},
               {"route", t.current_plan() ? json(to_string(t.current_plan()->content.route))
                                          : json(nullptr)},
               {"term", nullptr},
               {"pip_due", t.pip_deadline() ? json(to_iso(*t.pip_deadline())) : json(nullptr)}};
    if (r.term && term_end) {
      tj["term"] = {{"start", to_iso(r.term->start)},
                    {"end", to_iso(*term_end)},
                    {"days_left", r.term->days_left(today, r.duo_fines)}};
    }
    doc["trajectory"] = tj;
    doc["timeline"] = json::array();
    for (const auto& e : events) {
      doc["timeline"].push_back({{"date", to_iso(e.on)}, {"event", e.code}, {"text", e.text}});
    }
    doc["hours"] = json::array();
    for (const auto& [kind, minutes] : hours) {
      doc["hours"].push_back({{"kind", to_string(kind)}, {"minutes", minutes}});
    }
    doc["requirements"] = json::array();
    for (const auto& q : requirements) {
      doc["requirements"].push_back({{"code", q.code},
                                     {"description", q.description},
                                     {"article", q.article},
                                     {"met", q.met}});
    }
    doc["substantial_efforts"] = json::array();
    for (const auto& q : efforts) {
      doc["substantial_efforts"].push_back({{"code", q.code},
                                            {"description", q.description},
                                            {"article", q.article},
                                            {"met", q.met}});
    }
    doc["signals"] = json::array();
    for (const auto& s : signals) doc["signals"].push_back(signal_json(s));
    doc["deadlines"] = json::array();
    for (const auto& s : coming) doc["deadlines"].push_back(signal_json(s));
    ctx.print_json(doc);
    return;
  }

  auto& out = ctx.out;
  out << ctx.t("Traject ", "Trajectory ") << id << "  " << initials(r.participant) << "  BSN "
      << r.participant.bsn.masked() << "  " << ctx.label(r.participant.target_group) << "\n";
  out << "  " << ctx.t("gemeente ", "municipality ") << r.municipality.to_string() << ", "
      << ctx.t("klantmanager ", "caseworker ") << r.caseworker.value() << ", "
      << ctx.t("status: ", "state: ") << ctx.label(r.state) << ", "
      << ctx.t("revisie ", "revision ") << t.revision() << "\n";
  if (const PlanVersion* p = t.current_plan()) {
    out << "  " << ctx.t("leerroute: ", "route: ") << ctx.label(p->content.route) << " (PIP "
        << p->number << ", " << to_iso(p->date_of_issue) << ")\n";
  }
  if (r.term && term_end) {
    out << "  " << ctx.t("termijn: ", "term: ") << to_iso(r.term->start) << " .. "
        << to_iso(*term_end) << " (" << r.term->days_left(today, r.duo_fines)
        << ctx.t(" dagen over)", " days left)") << "\n";
  }
  if (const auto due = t.pip_deadline()) {
    out << "  " << ctx.t("PIP uiterlijk: ", "PIP due by: ") << to_iso(*due) << "\n";
  }
  out << "\n" << ctx.t("Wat er gebeurde\n", "What happened\n");
  for (const auto& e : events) out << "  " << to_iso(e.on) << "  " << e.text << "\n";
  if (!hours.empty()) {
    out << "\n" << ctx.t("Uren (tot en met ", "Hours (up to ") << to_iso(*last_hours) << ")\n";
    for (const auto& [kind, minutes] : hours) {
      out << "  " << hours_text(minutes) << "  " << ctx.label(kind) << "\n";
    }
  }
  if (!requirements.empty()) {
    out << "\n"
        << (t.current_plan() ? ctx.t("Nodig voor afronding\n", "Required for completion\n")
                             : ctx.t("Nog nodig voor de brede intake\n",
                                     "Still required for the broad intake\n"));
    for (const auto& q : requirements) {
      out << "  [" << (q.met ? "x" : " ") << "] " << q.description << " (" << q.article << ")\n";
    }
  }
  if (!efforts.empty()) {
    out << "\n"
        << ctx.t("Verlenging wegens aantoonbare inspanningen (Bi 4.4)\n",
                 "Extension for substantial efforts (Bi 4.4)\n");
    for (const auto& q : efforts) {
      out << "  [" << (q.met ? "x" : " ") << "] " << q.description << " (" << q.article << ")\n";
    }
  }
  out << "\n" << ctx.t("Nu te doen\n", "Due now\n");
  if (signals.empty()) out << ctx.t("  niets\n", "  nothing\n");
  for (const auto& s : signals) out << "  " << signal_line(ctx, s) << "\n";
  if (!coming.empty()) {
    out << "\n" << ctx.t("Daarna\n", "Later\n");
    for (const auto& s : coming) out << "  " << signal_line(ctx, s) << "\n";
  }
}

/// Reads pages of at most 1000 until `max` items or the end; `more` tells whether items remain.
template <class T, class Fetch>
std::vector<T> collect(int max, bool& more, Fetch fetch) {
  std::vector<T> items;
  storage::PageRequest page{.after = "", .limit = std::min(max, 1000)};
  more = false;
  while (true) {
    auto got = fetch(page);
    for (auto& item : got.items) {
      if (static_cast<int>(items.size()) == max) {
        more = true;
        return items;
      }
      items.push_back(std::move(item));
    }
    if (got.next.empty()) return items;
    if (static_cast<int>(items.size()) == max) {
      more = true;
      return items;
    }
    page.after = got.next;
  }
}

}  // namespace

void add_view_commands(CLI::App& app, Context& ctx) {
  // ---- toon ----------------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto upcoming = std::make_shared<int>(5);
    auto* c = add_command(app, "toon", "show",
                          "Toon een traject als tijdlijn: wat er gebeurde, wat nodig is voor "
                          "afronding, wat nu te doen is en wat daarna komt.",
                          "inburgering toon 1001");
    add_id(c, *id);
    c->add_option("--daarna", *upcoming, "hoeveel latere termijnen te tonen")
        ->check(CLI::Range(0, 100));
    c->callback([&ctx, id, upcoming] { show(ctx, *id, *upcoming); });
  }

  // ---- werklijst -----------------------------------------------------------------------------
  {
    struct Args {
      bool all = false;
      std::string caseworker;
      int weeks = 6, max = 50;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "werklijst", "worklist",
        "De werklijst: signalen die binnen --weken vallen, de meest dringende (te late) eerst. "
        "Standaard de eigen caseload van de gebruiker (klantmanager); --alle voor de hele "
        "gemeente, --klantmanager voor een andere.",
        "inburgering werklijst --weken 4");
    c->add_flag("--alle", a->all, "de hele gemeente");
    c->add_option("--klantmanager", a->caseworker, "de caseload van deze klantmanager");
    c->add_option("--weken", a->weeks, "vooruitkijken in weken")->check(CLI::Range(0, 520));
    c->add_option("--max", a->max, "hoogstens zoveel regels")->check(CLI::Range(1, 100000));
    c->callback([&ctx, a] {
      auto& store = ctx.store();
      const storage::Actor me = ctx.actor();
      const Date today = ctx.today();
      const Date before = today + boost::gregorian::weeks(a->weeks);
      storage::TrajectoryFilter filter;
      if (!a->caseworker.empty()) {
        filter.caseworker = UserId(a->caseworker);
      } else if (!a->all && me.role == storage::Role::kCaseworker) {
        filter.caseworker = me.user;
      }
      bool more = false;
      auto items = collect<storage::WorklistItem>(
          a->max, more, [&](const auto& page) { return store.worklist(me, before, filter, page); });
      // Overdue on the working day (--today), not on the store clock's (the real) date.
      for (auto& item : items) item.signal.overdue = item.signal.due_on < today;
      if (ctx.globals.json) {
        json doc = envelope("worklist", ctx);
        doc["due_before"] = to_iso(before);
        doc["municipality"] = me.municipality.to_string();
        doc["caseworker"] = filter.caseworker ? json(filter.caseworker->value()) : json(nullptr);
        doc["items"] = json::array();
        for (const auto& item : items) {
          doc["items"].push_back({{"trajectory", item.trajectory.value()},
                                  {"caseworker", item.caseworker.value()},
                                  {"signal", signal_json(item.signal)}});
        }
        doc["more"] = more;
        ctx.print_json(doc);
        return;
      }
      ctx.out << ctx.t("Werklijst ", "Worklist ")
              << (filter.caseworker ? filter.caseworker->value()
                                    : std::string(ctx.t("gemeente ", "municipality ")) +
                                          me.municipality.to_string())
              << ctx.t(", vandaag ", ", today ") << to_iso(today) << ctx.t(", tot ", ", until ")
              << to_iso(before) << ": " << items.size() << (more ? "+" : "")
              << (items.size() == 1 ? ctx.t(" signaal\n", " signal\n")
                                    : ctx.t(" signalen\n", " signals\n"));
      for (const auto& item : items) {
        ctx.out << "  " << to_iso(item.signal.due_on)
                << (item.signal.overdue ? ctx.t(" TE LAAT ", " OVERDUE ") : "         ")
                << std::setw(7) << std::left << item.trajectory.value() << std::right << " "
                << item.caseworker.value() << "  " << ctx.label(item.signal.kind);
        if (!item.signal.detail.empty()) ctx.out << ": " << item.signal.detail;
        ctx.out << "\n";
      }
      if (more) {
        ctx.out << ctx.t("  (meer: gebruik --max)\n", "  (more: use --max)\n");
      }
    });
  }

  // ---- termijnen -----------------------------------------------------------------------------
  {
    auto months = std::make_shared<int>(6);
    auto max = std::make_shared<int>(100);
    auto caseworker = std::make_shared<std::string>();
    auto* c = add_command(app, "termijnen", "terms-ending",
                          "Lopende trajecten waarvan de termijn binnen --maanden eindigt "
                          "(Wi 11-12): tijd om verlenging te bespreken.",
                          "inburgering termijnen --maanden 6");
    c->add_option("--maanden", *months, "vooruitkijken in maanden")->check(CLI::Range(1, 120));
    c->add_option("--klantmanager", *caseworker, "alleen van deze klantmanager");
    c->add_option("--max", *max, "hoogstens zoveel regels")->check(CLI::Range(1, 100000));
    c->callback([&ctx, months, max, caseworker] {
      auto& store = ctx.store();
      const storage::Actor me = ctx.actor();
      const Date today = ctx.today();
      bool more = false;
      const auto items = collect<storage::TrajectorySummary>(*max, more, [&](const auto& page) {
        storage::TrajectoryFilter filter;
        if (!caseworker->empty()) filter.caseworker = UserId(*caseworker);
        return store.terms_ending(me, today, *months, filter, page);
      });
      if (ctx.globals.json) {
        json doc = envelope("terms_ending", ctx);
        doc["within_months"] = *months;
        doc["items"] = json::array();
        for (const auto& s : items) doc["items"].push_back(summary_json(s));
        doc["more"] = more;
        ctx.print_json(doc);
        return;
      }
      ctx.out << ctx.t("Termijnen die binnen ", "Terms ending within ") << *months
              << ctx.t(" maanden eindigen: ", " months: ") << items.size() << (more ? "+" : "")
              << "\n";
      for (const auto& s : items) print_summary(ctx, s);
    });
  }

  // ---- zoek ----------------------------------------------------------------------------------
  {
    auto bsn = std::make_shared<std::string>();
    auto* c = add_command(app, "zoek", "search",
                          "Zoek de trajecten van een persoon op BSN (in de uitvoer gemaskeerd).",
                          "inburgering zoek --bsn 999990019");
    c->add_option("--bsn", *bsn, "burgerservicenummer")->required();
    c->callback([&ctx, bsn] {
      const Bsn b = bsn_option(*bsn);
      const auto found = ctx.store().find_by_bsn(ctx.actor(), b);
      if (ctx.globals.json) {
        json doc = envelope("search", ctx);
        doc["bsn_masked"] = b.masked();
        doc["items"] = json::array();
        for (const auto& s : found) doc["items"].push_back(summary_json(s));
        ctx.print_json(doc);
        return;
      }
      ctx.out << "BSN " << b.masked() << ": " << found.size()
              << ctx.t(" traject(en)\n", " trajectory(ies)\n");
      for (const auto& s : found) print_summary(ctx, s);
    });
  }

  // ---- lijst ---------------------------------------------------------------------------------
  {
    struct Args {
      std::string caseworker, state, route;
      int max = 100;
    };
    auto a = std::make_shared<Args>();
    auto* c =
        add_command(app, "lijst", "list", "De trajecten van de gemeente, op nummer, gefilterd.",
                    "inburgering lijst --status route --route z");
    c->add_option("--klantmanager", a->caseworker, "alleen van deze klantmanager");
    c->add_option("--status", a->state, "status: " + names_of<TrajectoryState>());
    c->add_option("--route", a->route, "leerroute: " + names_of<Route>());
    c->add_option("--max", a->max, "hoogstens zoveel regels")->check(CLI::Range(1, 100000));
    c->callback([&ctx, a] {
      storage::TrajectoryFilter filter;
      if (!a->caseworker.empty()) filter.caseworker = UserId(a->caseworker);
      if (!a->state.empty()) filter.state = from_string<TrajectoryState>(a->state, "--status");
      if (!a->route.empty()) filter.route = from_string<Route>(a->route, "--route");
      auto& store = ctx.store();
      const storage::Actor me = ctx.actor();
      bool more = false;
      const auto items = collect<storage::TrajectorySummary>(
          a->max, more, [&](const auto& page) { return store.list(me, filter, page); });
      if (ctx.globals.json) {
        json doc = envelope("list", ctx);
        doc["items"] = json::array();
        for (const auto& s : items) doc["items"].push_back(summary_json(s));
        doc["more"] = more;
        ctx.print_json(doc);
        return;
      }
      ctx.out << items.size() << (more ? "+" : "") << ctx.t(" trajecten\n", " trajectories\n");
      for (const auto& s : items) print_summary(ctx, s);
    });
  }

  // ---- historie ------------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = add_command(app, "historie", "history",
                          "Het audittrail van een traject: wie wat wanneer veranderde.",
                          "inburgering historie 1001");
    add_id(c, *id);
    c->callback([&ctx, id] {
      const auto entries = ctx.store().history(ctx.actor(), TrajectoryId(*id));
      if (ctx.globals.json) {
        json doc = envelope("history", ctx);
        doc["trajectory"] = *id;
        doc["entries"] = json::array();
        for (const auto& e : entries) {
          json changes = json::array();
          for (const auto& ch : e.changes) {
            changes.push_back({{"field", ch.field}, {"before", ch.before}, {"after", ch.after}});
          }
          doc["entries"].push_back(
              {{"sequence", e.sequence},
               {"at", to_iso(e.at)},
               {"user", e.user.value()},
               {"role", e.role ? json(to_string(*e.role)) : json(nullptr)},
               {"municipality",
                e.actor_municipality ? json(e.actor_municipality->to_string()) : json(nullptr)},
               {"action", e.action ? json(to_string(*e.action)) : json(nullptr)},
               {"note", e.note},
               {"changes", changes},
               {"unreadable", e.unreadable}});
        }
        ctx.print_json(doc);
        return;
      }
      ctx.out << ctx.t("Historie van traject ", "History of trajectory ") << *id << "\n";
      for (const auto& e : entries) {
        ctx.out << "  #" << e.sequence << " " << to_iso(e.at) << " "
                << (e.action ? ctx.label(*e.action) : "?") << ctx.t(" door ", " by ")
                << e.user.value() << " (" << (e.role ? ctx.label(*e.role) : "?") << ", "
                << (e.actor_municipality ? e.actor_municipality->to_string() : "?") << ")";
        for (const auto& field : e.unreadable) {
          ctx.out << ctx.t(" [onleesbaar: ", " [unreadable: ") << field << "]";
        }
        if (!e.note.empty()) ctx.out << ": " << e.note;
        ctx.out << "\n";
        for (const auto& ch : e.changes) {
          ctx.out << "      " << ch.field << ": " << ch.before << " -> " << ch.after << "\n";
        }
      }
    });
  }
}

}  // namespace inburgering::cli
