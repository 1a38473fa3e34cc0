// Programmes and pilots (programme/programme.hpp): define and amend a programme, enrol a
// trajectory, record sessions with attendance, goals and outcomes, and look at what a programme
// achieved (its outcome report) or supply its data for an evaluation (pseudonymised).

#include <iomanip>
#include <sstream>

#include "cli.hpp"

namespace inburgering::cli {

namespace {

using programme::Definition;

/// Splits "a,b,c" (spaces allowed around the commas); refuses empty items.
std::vector<std::string> list_option(const std::string& text, std::string_view option) {
  if (!text.empty() && text.back() == ',') {
    throw ValidationError(std::string(option), "a comma-separated list without empty items",
                          cut(text, 60));
  }
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first == std::string::npos) {
      throw ValidationError(std::string(option), "a comma-separated list without empty items",
                            cut(text, 60));
    }
    out.push_back(item.substr(first, last - first + 1));
  }
  return out;
}

std::vector<TrajectoryId> trajectory_list(const std::string& text, std::string_view option) {
  std::vector<TrajectoryId> out;
  if (text.empty()) return out;
  for (const std::string& item : list_option(text, option)) {
    std::int64_t value = 0;
    std::size_t used = 0;
    try {
      value = std::stoll(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != item.size() || value < 1) {
      throw ValidationError(std::string(option), "trajectory ids (positive whole numbers)",
                            cut(item, 30));
    }
    out.emplace_back(value);
  }
  return out;
}

template <class E>
E enum_option(const std::string& text, std::string_view option) {
  return from_string<E>(text, option);
}

json programme_json(const programme::Programme& p) {
  json municipalities = json::array();
  for (const auto& m : p.definition.municipalities) municipalities.push_back(m.to_string());
  return {{"id", p.id.value()},
          {"name", p.definition.name},
          {"theme", to_string(p.definition.theme)},
          {"funder", p.definition.funder},
          {"amount_cents", p.definition.amount.in_cents()},
          {"starts_on", to_iso(p.definition.starts_on)},
          {"ends_on", to_iso(p.definition.ends_on)},
          {"municipalities", municipalities},
          {"revision", p.revision}};
}

json enrolment_json(const programme::Enrolment& e) {
  return {{"trajectory", e.trajectory.value()},
          {"municipality", e.municipality.to_string()},
          {"enrolled_on", to_iso(e.enrolled_on)},
          {"left_on", e.left_on ? json(to_iso(*e.left_on)) : json(nullptr)},
          {"leave_reason", e.leave_reason ? json(to_string(*e.leave_reason)) : json(nullptr)}};
}

/// Prints a programme and the enrolments the actor may see.
void show_programme(Context& ctx, const programme::Programme& p, std::string_view done) {
  const auto enrolments = ctx.store().enrolments(ctx.actor(), p.id);
  if (ctx.globals.json) {
    json list = json::array();
    for (const auto& e : enrolments) list.push_back(enrolment_json(e));
    ctx.print_json({{"schema", "inburgering-cli"},
                    {"version", kJsonOutputVersion},
                    {"kind", "programme"},
                    {"programme", programme_json(p)},
                    {"enrolments", list}});
    return;
  }
  if (!done.empty()) ctx.out << done << "\n";
  const Definition& d = p.definition;
  ctx.out << ctx.t("Programma ", "Programme ") << p.id.value() << " \"" << d.name << "\" ("
          << ctx.label(d.theme) << ")\n"
          << ctx.t("  financier:   ", "  funder:      ") << d.funder << ", " << to_string(d.amount)
          << "\n"
          << ctx.t("  periode:     ", "  period:      ") << to_iso(d.starts_on) << " - "
          << to_iso(d.ends_on) << "\n"
          << ctx.t("  gemeenten:   ", "  municipalities: ");
  for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
    ctx.out << (i ? ", " : "") << d.municipalities[i].to_string()
            << (i == 0 ? ctx.t(" (penvoerder)", " (lead)") : "");
  }
  ctx.out << "\n" << ctx.t("  revisie:     ", "  revision:    ") << p.revision << "\n";
  ctx.out << ctx.t("Deelnemers (die u mag zien): ", "Participants (those you may see): ")
          << enrolments.size() << "\n";
  for (const auto& e : enrolments) {
    ctx.out << "  " << std::left << std::setw(8) << e.trajectory.value() << std::right << "  "
            << e.municipality.to_string() << "  " << ctx.t("ingeschreven ", "enrolled ")
            << to_iso(e.enrolled_on);
    if (e.left_on) {
      ctx.out << ctx.t(", uitgeschreven ", ", left ") << to_iso(*e.left_on) << " ("
              << ctx.label(*e.leave_reason) << ")";
    }
    ctx.out << "\n";
  }
}

/// Prints what a write did: `what` in the chosen language, and the ids it gave.
void print_change(Context& ctx, std::string_view command, ProgrammeId programme,
                  const std::vector<TrajectoryId>& trajectories,
                  const std::vector<std::int64_t>& ids, std::string_view what) {
  if (ctx.globals.json) {
    json t = json::array();
    for (const auto& id : trajectories) t.push_back(id.value());
    ctx.print_json({{"schema", "inburgering-cli"},
                    {"version", kJsonOutputVersion},
                    {"kind", "programme_change"},
                    {"command", command},
                    {"programme", programme.value()},
                    {"trajectories", t},
                    {"ids", ids}});
    return;
  }
  ctx.out << what << "\n";
}

/// The options of a definition; `amend` makes every one optional.
struct DefinitionArgs {
  std::string name, theme, funder, amount, from, to, municipalities;
};

void add_definition_options(CLI::App* c, DefinitionArgs& a, bool amend) {
  // What an amendment leaves out stays as it was.
  const std::string kept = amend ? " (standaard: ongewijzigd)" : "";
  auto* name = c->add_option("--naam", a.name, "naam van het programma of de pilot" + kept);
  auto* theme = c->add_option(
      "--thema", a.theme, "thema van het pilotprogramma: " + names_of<programme::Theme>() + kept);
  auto* funder =
      c->add_option("--financier", a.funder, "wie betaalt, bv. \"Ministerie van SZW\"" + kept);
  c->add_option("--bedrag", a.amount,
                "toegekend bedrag in euro" + (amend ? kept : std::string(" (standaard 0)")));
  add_date(c, "--van", a.from, "eerste dag" + kept, !amend);
  add_date(c, "--tot", a.to, "laatste dag (inbegrepen)" + kept, !amend);
  c->add_option("--gemeenten", a.municipalities,
                "CBS-codes met komma's; de eerste is de penvoerder" +
                    (amend ? std::string("; zo draagt de penvoerder de leiding over") + kept
                           : std::string(" (standaard: de eigen gemeente)")));
  if (!amend) {
    name->required();
    theme->required();
    funder->required();
  }
}

/// Applies the given options to `d`.
void apply_definition(const DefinitionArgs& a, Definition& d) {
  if (!a.name.empty()) d.name = a.name;
  if (!a.theme.empty()) d.theme = enum_option<programme::Theme>(a.theme, "--thema");
  if (!a.funder.empty()) d.funder = a.funder;
  if (!a.amount.empty()) d.amount = money_option(a.amount, "--bedrag");
  if (!a.from.empty()) d.starts_on = date_option(a.from, "--van");
  if (!a.to.empty()) d.ends_on = date_option(a.to, "--tot");
  if (!a.municipalities.empty()) {
    d.municipalities.clear();
    for (const auto& m : list_option(a.municipalities, "--gemeenten")) {
      d.municipalities.push_back(municipality_option(m, "--gemeenten"));
    }
  }
}

void add_programme_id(CLI::App* c, std::int64_t& id) {
  c->add_option("programma", id, "programmanummer / programme id")
      ->required()
      ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()));
}

}  // namespace

void add_programme_commands(CLI::App& app, Context& ctx) {
  // ---- programma-maken -----------------------------------------------------------------------
  {
    auto a = std::make_shared<DefinitionArgs>();
    auto* c = add_command(
        app, "programma-maken", "programme-define",
        "Leg een programma of pilot vast (thema, financier en bedrag, periode, deelnemende "
        "gemeenten). De eigen gemeente is de penvoerder.",
        "inburgering programma-maken --naam Powervrouwen --thema female_family_migrants "
        "--financier \"Ministerie van SZW\" --bedrag 200000 --van 2026-01-01 --tot 2027-12-31 "
        "--gemeenten 0344,0307");
    add_definition_options(c, *a, false);
    c->callback([&ctx, a] {
      Definition d;
      d.municipalities = {ctx.actor().municipality};
      apply_definition(*a, d);
      const auto p = ctx.store(true).define_programme(ctx.actor(), d);
      show_programme(ctx, p, ctx.t("Programma vastgelegd.", "Programme defined."));
    });
  }

  // ---- programma-wijzigen --------------------------------------------------------------------
  {
    auto a = std::make_shared<DefinitionArgs>();
    auto id = std::make_shared<std::int64_t>(0);
    auto revision = std::make_shared<std::int64_t>(0);
    auto* c = add_command(app, "programma-wijzigen", "programme-amend",
                          "Wijzig een programma (alleen de penvoerder): alleen wat u opgeeft "
                          "verandert. --revisie is de revisie die u zag (programma).",
                          "inburgering programma-wijzigen 1 --revisie 1 --tot 2028-06-30");
    add_programme_id(c, *id);
    c->add_option("--revisie", *revision, "de revisie die u het laatst zag")->required();
    add_definition_options(c, *a, true);
    c->callback([&ctx, a, id, revision] {
      const ProgrammeId pid(*id);
      programme::Programme p = ctx.store().load_programme(ctx.actor(), pid);
      apply_definition(*a, p.definition);
      const std::int64_t before = p.revision;
      p.revision = ctx.store().amend_programme(ctx.actor(), pid, p.definition, *revision);
      show_programme(ctx, p,
                     p.revision == before ? ctx.t("Niets gewijzigd.", "Nothing changed.")
                                          : ctx.t("Programma gewijzigd.", "Programme amended."));
    });
  }

  // ---- programmas ----------------------------------------------------------------------------
  {
    auto* c = add_command(app, "programmas", "programmes",
                          "De programma's en pilots waaraan een gemeente deelneemt die u mag zien.",
                          "inburgering programmas");
    c->callback([&ctx] {
      const auto list = ctx.store().programmes(ctx.actor());
      if (ctx.globals.json) {
        json items = json::array();
        for (const auto& p : list) items.push_back(programme_json(p));
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "programmes"},
                        {"programmes", items}});
        return;
      }
      if (list.empty()) ctx.out << ctx.t("Geen programma's.\n", "No programmes.\n");
      for (const auto& p : list) {
        ctx.out << p.id.value() << "  " << p.definition.name << "  ("
                << ctx.label(p.definition.theme) << ", " << to_iso(p.definition.starts_on) << " - "
                << to_iso(p.definition.ends_on) << ")\n";
      }
    });
  }

  // ---- programma -----------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c =
        add_command(app, "programma", "programme", "Een programma en de deelnemers die u mag zien.",
                    "inburgering programma 1");
    add_programme_id(c, *id);
    c->callback([&ctx, id] {
      show_programme(ctx, ctx.store().load_programme(ctx.actor(), ProgrammeId(*id)), "");
    });
  }

  // ---- inschrijven ---------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0, trajectory = 0;
      std::string date;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "inschrijven", "enrol",
                          "Schrijf een lopend traject in bij een programma (binnen de periode).",
                          "inburgering inschrijven 1 1001 --datum 2026-02-01");
    add_programme_id(c, a->programme);
    add_id(c, a->trajectory);
    add_date(c, "--datum", a->date, "dag van inschrijving (standaard --today)", false);
    c->callback([&ctx, a] {
      const Date on = a->date.empty() ? ctx.today() : date_option(a->date, "--datum");
      const auto e = ctx.store().enrol(ctx.actor(), ProgrammeId(a->programme),
                                       TrajectoryId(a->trajectory), on);
      std::ostringstream what;
      what << ctx.t("Traject ", "Trajectory ") << a->trajectory
           << ctx.t(" ingeschreven bij programma ", " enrolled in programme ") << a->programme
           << ctx.t(" op ", " on ") << to_iso(e.enrolled_on);
      print_change(ctx, "inschrijven", e.programme, {e.trajectory}, {}, what.str());
    });
  }

  // ---- uitschrijven --------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0, trajectory = 0;
      std::string date, reason;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "uitschrijven", "leave", "Beëindig een inschrijving, met de reden.",
                          "inburgering uitschrijven 1 1001 --reden finished --datum 2026-12-01");
    add_programme_id(c, a->programme);
    add_id(c, a->trajectory);
    c->add_option("--reden", a->reason, names_of<programme::LeaveReason>())->required();
    add_date(c, "--datum", a->date, "laatste dag (standaard --today)", false);
    c->callback([&ctx, a] {
      const Date on = a->date.empty() ? ctx.today() : date_option(a->date, "--datum");
      const auto e = ctx.store().end_enrolment(
          ctx.actor(), ProgrammeId(a->programme), TrajectoryId(a->trajectory), on,
          enum_option<programme::LeaveReason>(a->reason, "--reden"));
      std::ostringstream what;
      what << ctx.t("Inschrijving van traject ", "Enrolment of trajectory ") << a->trajectory
           << ctx.t(" beëindigd op ", " ended on ") << to_iso(*e.left_on) << " ("
           << ctx.label(*e.leave_reason) << ")";
      print_change(ctx, "uitschrijven", e.programme, {e.trajectory}, {}, what.str());
    });
  }

  // ---- activiteit ----------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0;
      std::string date, kind = "group_session", mode = "on_site", topic = "other";
      int minutes = 0;
      std::string attended, excused, absent;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "activiteit", "session",
        "Leg een groepsbijeenkomst of individuele begeleiding vast, met de aanwezigheid van elke "
        "genodigde (alles of niets).",
        "inburgering activiteit 1 --datum 2026-03-10 --minuten 120 --onderwerp labour_market "
        "--aanwezig 1001,1002 --afgemeld 1003");
    add_programme_id(c, a->programme);
    add_date(c, "--datum", a->date, "dag (standaard --today)", false);
    c->add_option("--soort", a->kind, names_of<programme::ActivityKind>())->capture_default_str();
    c->add_option("--vorm", a->mode, names_of<programme::ActivityMode>())->capture_default_str();
    c->add_option("--onderwerp", a->topic, names_of<programme::ActivityTopic>())
        ->capture_default_str();
    c->add_option("--minuten", a->minutes, "geplande duur")->required();
    c->add_option("--aanwezig", a->attended, "trajectnummers die aanwezig waren (komma's)");
    c->add_option("--afgemeld", a->excused, "trajectnummers die zich afmeldden");
    c->add_option("--afwezig", a->absent, "trajectnummers die zonder afmelding wegbleven");
    c->callback([&ctx, a] {
      programme::Session session{
          .held_on = a->date.empty() ? ctx.today() : date_option(a->date, "--datum"),
          .kind = enum_option<programme::ActivityKind>(a->kind, "--soort"),
          .mode = enum_option<programme::ActivityMode>(a->mode, "--vorm"),
          .topic = enum_option<programme::ActivityTopic>(a->topic, "--onderwerp"),
          .minutes = a->minutes};
      std::vector<programme::Attendee> attendees;
      std::vector<TrajectoryId> ids;
      for (const auto& [text, option, attendance] :
           {std::tuple{a->attended, "--aanwezig", programme::Attendance::kAttended},
            std::tuple{a->excused, "--afgemeld", programme::Attendance::kExcused},
            std::tuple{a->absent, "--afwezig", programme::Attendance::kAbsent}}) {
        for (const TrajectoryId id : trajectory_list(text, option)) {
          attendees.push_back({id, attendance});
          ids.push_back(id);
        }
      }
      const auto given =
          ctx.store().record_activity(ctx.actor(), ProgrammeId(a->programme), session, attendees);
      std::ostringstream what;
      what << ctx.label(session.kind) << ctx.t(" op ", " on ") << to_iso(session.held_on)
           << ctx.t(" vastgelegd voor ", " recorded for ") << given.size()
           << ctx.t(" deelnemer(s)", " participant(s)");
      print_change(ctx, "activiteit", ProgrammeId(a->programme), ids, given, what.str());
    });
  }

  // ---- doel ----------------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0, trajectory = 0;
      std::string text, date, achieved;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "doel", "goal",
                          "Leg een persoonlijk doel vast (de tekst gaat nooit mee in een export).",
                          "inburgering doel 1 1001 --tekst \"apothekersassistent worden\"");
    add_programme_id(c, a->programme);
    add_id(c, a->trajectory);
    c->add_option("--tekst", a->text, "het doel")->required();
    add_date(c, "--datum", a->date, "dag waarop het doel is gesteld (standaard --today)", false);
    add_date(c, "--bereikt", a->achieved, "dag waarop het is bereikt, als dat al zo is", false);
    c->callback([&ctx, a] {
      const programme::Goal goal{
          .id = 0,
          .text = a->text,
          .set_on = a->date.empty() ? ctx.today() : date_option(a->date, "--datum"),
          .achieved_on = a->achieved.empty()
                             ? std::nullopt
                             : std::optional(date_option(a->achieved, "--bereikt"))};
      const auto id = ctx.store().add_goal(ctx.actor(), ProgrammeId(a->programme),
                                           TrajectoryId(a->trajectory), goal);
      std::ostringstream what;
      what << ctx.t("Doel ", "Goal ") << id << ctx.t(" vastgelegd", " recorded");
      print_change(ctx, "doel", ProgrammeId(a->programme), {TrajectoryId(a->trajectory)}, {id},
                   what.str());
    });
  }

  // ---- doel-bereikt --------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0, trajectory = 0, goal = 0;
      std::string date;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "doel-bereikt", "goal-achieved",
                          "Markeer een persoonlijk doel als bereikt.",
                          "inburgering doel-bereikt 1 1001 3 --datum 2026-09-01");
    add_programme_id(c, a->programme);
    add_id(c, a->trajectory);
    c->add_option("doel", a->goal, "doelnummer (deelname)")
        ->required()
        ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()));
    add_date(c, "--datum", a->date, "dag waarop het is bereikt (standaard --today)", false);
    c->callback([&ctx, a] {
      const Date on = a->date.empty() ? ctx.today() : date_option(a->date, "--datum");
      ctx.store().goal_achieved(ctx.actor(), ProgrammeId(a->programme), TrajectoryId(a->trajectory),
                                a->goal, on);
      std::ostringstream what;
      what << ctx.t("Doel ", "Goal ") << a->goal << ctx.t(" bereikt op ", " achieved on ")
           << to_iso(on);
      print_change(ctx, "doel-bereikt", ProgrammeId(a->programme), {TrajectoryId(a->trajectory)},
                   {a->goal}, what.str());
    });
  }

  // ---- resultaat -----------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0, trajectory = 0;
      std::string kind, contract, date;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "resultaat", "outcome",
        "Leg een resultaat vast: inschrijving bij een opleiding, proefplaatsing, betaald werk "
        "(met het soort contract) of vrijwilligerswerk.",
        "inburgering resultaat 1 1001 --soort job --contract fixed_term --datum 2026-10-01");
    add_programme_id(c, a->programme);
    add_id(c, a->trajectory);
    c->add_option("--soort", a->kind, names_of<programme::OutcomeKind>())->required();
    c->add_option("--contract", a->contract,
                  "bij betaald werk: " + names_of<programme::ContractType>());
    add_date(c, "--datum", a->date, "dag van het resultaat (standaard --today)", false);
    c->callback([&ctx, a] {
      programme::Outcome outcome{
          .id = 0,
          .kind = enum_option<programme::OutcomeKind>(a->kind, "--soort"),
          .reached_on = a->date.empty() ? ctx.today() : date_option(a->date, "--datum"),
          .contract = std::nullopt};
      if (!a->contract.empty()) {
        outcome.contract = enum_option<programme::ContractType>(a->contract, "--contract");
      }
      const auto id = ctx.store().record_outcome(ctx.actor(), ProgrammeId(a->programme),
                                                 TrajectoryId(a->trajectory), outcome);
      std::ostringstream what;
      what << ctx.label(outcome.kind) << ctx.t(" vastgelegd op ", " recorded on ")
           << to_iso(outcome.reached_on);
      print_change(ctx, "resultaat", ProgrammeId(a->programme), {TrajectoryId(a->trajectory)}, {id},
                   what.str());
    });
  }

  // ---- deelname ------------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0, trajectory = 0;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "deelname", "participation",
                          "Wat een programma van één deelnemer vastlegde: inschrijving, "
                          "activiteiten, doelen en resultaten.",
                          "inburgering deelname 1 1001");
    add_programme_id(c, a->programme);
    add_id(c, a->trajectory);
    c->callback([&ctx, a] {
      const auto p = ctx.store().participation(ctx.actor(), ProgrammeId(a->programme),
                                               TrajectoryId(a->trajectory));
      if (ctx.globals.json) {
        json activities = json::array();
        for (const auto& x : p.activities) {
          activities.push_back({{"id", x.id},
                                {"held_on", to_iso(x.session.held_on)},
                                {"kind", to_string(x.session.kind)},
                                {"mode", to_string(x.session.mode)},
                                {"topic", to_string(x.session.topic)},
                                {"minutes", x.session.minutes},
                                {"attendance", to_string(x.attendance)}});
        }
        json goals = json::array();
        for (const auto& g : p.goals) {
          goals.push_back(
              {{"id", g.id},
               {"text", g.text},
               {"set_on", to_iso(g.set_on)},
               {"achieved_on", g.achieved_on ? json(to_iso(*g.achieved_on)) : json(nullptr)}});
        }
        json outcomes = json::array();
        for (const auto& o : p.outcomes) {
          outcomes.push_back(
              {{"id", o.id},
               {"kind", to_string(o.kind)},
               {"reached_on", to_iso(o.reached_on)},
               {"contract", o.contract ? json(to_string(*o.contract)) : json(nullptr)}});
        }
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "participation"},
                        {"programme", a->programme},
                        {"enrolment", enrolment_json(p.enrolment)},
                        {"activities", activities},
                        {"goals", goals},
                        {"outcomes", outcomes}});
        return;
      }
      const auto& e = p.enrolment;
      ctx.out << ctx.t("Traject ", "Trajectory ") << e.trajectory.value()
              << ctx.t(" in programma ", " in programme ") << a->programme
              << ctx.t(": ingeschreven ", ": enrolled ") << to_iso(e.enrolled_on);
      if (e.left_on) {
        ctx.out << ctx.t(", uitgeschreven ", ", left ") << to_iso(*e.left_on) << " ("
                << ctx.label(*e.leave_reason) << ")";
      }
      const auto none = [&](bool empty) {
        if (empty) ctx.out << ctx.t("  (geen)\n", "  (none)\n");
      };
      ctx.out << "\n" << ctx.t("Activiteiten:\n", "Sessions:\n");
      none(p.activities.empty());
      for (const auto& x : p.activities) {
        ctx.out << "  " << to_iso(x.session.held_on) << "  " << ctx.label(x.session.kind) << ", "
                << ctx.label(x.session.mode) << ", " << ctx.label(x.session.topic) << ", "
                << x.session.minutes << " min: " << ctx.label(x.attendance) << "\n";
      }
      ctx.out << ctx.t("Doelen:\n", "Goals:\n");
      none(p.goals.empty());
      for (const auto& g : p.goals) {
        ctx.out << "  " << g.id << "  " << cut(g.text, 120) << ctx.t(" (gesteld ", " (set ")
                << to_iso(g.set_on);
        if (g.achieved_on) ctx.out << ctx.t(", bereikt ", ", achieved ") << to_iso(*g.achieved_on);
        ctx.out << ")\n";
      }
      ctx.out << ctx.t("Resultaten:\n", "Outcomes:\n");
      none(p.outcomes.empty());
      for (const auto& o : p.outcomes) {
        ctx.out << "  " << to_iso(o.reached_on) << "  " << ctx.label(o.kind);
        if (o.contract) ctx.out << " (" << ctx.label(*o.contract) << ")";
        ctx.out << "\n";
      }
    });
  }

  // ---- programma-resultaten ------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0;
      ReportArgs report;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "programma-resultaten", "programme-outcomes",
        "Wat een programma bereikte, per deelnemende gemeente die u mag zien (en het totaal): "
        "aandeel met elk resultaat, weken tot het resultaat, aanwezigheid, doelen. Met "
        "--voor-buiten worden kleine aantallen onderdrukt.",
        "inburgering programma-resultaten 1 --voor-buiten --formaat csv > powervrouwen.csv");
    add_programme_id(c, a->programme);
    add_report_options(c, a->report);
    c->callback([&ctx, a] {
      print_report(ctx, a->report, "programme_outcomes",
                   ctx.store().programme_outcomes(ctx.actor(), ProgrammeId(a->programme),
                                                  ctx.today(), a->report.rule()));
    });
  }

  // ---- programma-export ----------------------------------------------------------------------
  {
    struct Args {
      std::int64_t programme = 0;
      std::string key, file;
      bool dictionary = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "programma-export", "programme-export",
        "De gegevens van een programma voor een onderzoeksbureau, zonder directe identificatie: "
        "de deelnemers van de eigen gemeente met hetzelfde pseudoniem als in evaluatie-export, "
        "geboortejaar, en activiteiten, doelen en resultaten als aantallen en weken (geen data, "
        "geen tekst). --woordenboek toont wat elke kolom betekent.",
        "inburgering programma-export 1 --sleutel evaluatie.key --bestand powervrouwen.csv");
    auto* id_option =
        c->add_option("programma", a->programme, "programmanummer / programme id")
            ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()));
    auto* key_option =
        c->add_option("--sleutel", a->key, "sleutelbestand (pseudoniemsleutel-maken)");
    auto* file_option =
        c->add_option("--bestand", a->file, "nieuw bestand voor de CSV; zonder: standaarduitvoer");
    c->add_flag("--woordenboek", a->dictionary, "toon het gegevenswoordenboek (Markdown)")
        ->excludes(key_option)
        ->excludes(id_option)
        ->excludes(file_option);
    c->callback([&ctx, a] {
      if (a->dictionary) {
        refuse_json_dictionary(ctx);
        ctx.out << programme::programme_export_dictionary();
        return;
      }
      if (a->programme == 0) throw CLI::RequiredError("programma");
      require_export_file(ctx, a->file);
      const monitoring::PseudonymKey key = pseudonym_key_file(a->key);
      std::optional<NewPrivateFile> out;
      if (!a->file.empty()) out.emplace(a->file, "--bestand");
      const std::string csv =
          ctx.store().programme_export(ctx.actor(), key, ProgrammeId(a->programme), ctx.today());
      const auto rows = static_cast<std::int64_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
      if (out) out->write(csv);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "programme_export"},
                        {"programme", a->programme},
                        {"rows", rows},
                        {"key_fingerprint", key.fingerprint()},
                        {"file", a->file.empty() ? json(nullptr) : json(a->file)}});
        return;
      }
      if (a->file.empty()) {
        ctx.out << csv;
        return;
      }
      ctx.out << rows << ctx.t(" deelnemers in ", " participants in ") << a->file
              << ctx.t(" (sleutel ", " (key ") << key.fingerprint() << ")\n";
    });
  }
}

}  // namespace inburgering::cli
