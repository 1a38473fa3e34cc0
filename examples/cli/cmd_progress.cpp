// Progress (Wi 17; Bi 3, 5.3.4): attendance hours, exam results, progress interviews, the
// milestones of PVT, MAP, the Z-route and the bridging course, and DUO's invalidations.

#include "cli.hpp"

namespace inburgering::cli {

namespace {

/// Hours as "3", "2.5" or "2,5" (whole minutes), or minutes with an "m" suffix ("90m").
int minutes_option(const std::string& text, std::string_view option) {
  const auto bad = [&] {
    return ValidationError(std::string(option), "hours (e.g. 3 or 2,5) or minutes (e.g. 90m)",
                           "\"" + cut(text, 20) + "\"");
  };
  if (text.empty() || text.size() > 8) throw bad();
  std::string s = text;
  bool in_minutes = false;
  if (s.back() == 'm') {
    in_minutes = true;
    s.pop_back();
  }
  std::replace(s.begin(), s.end(), ',', '.');
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(s, &used);
  } catch (const std::exception&) {
    throw bad();
  }
  if (used != s.size() || s.find_first_not_of("0123456789.") != std::string::npos) throw bad();
  const double minutes = in_minutes ? value : value * 60;
  if (minutes != static_cast<double>(static_cast<int>(minutes))) throw bad();
  return static_cast<int>(minutes);
}

}  // namespace

void add_progress_commands(CLI::App& app, Context& ctx) {
  // ---- uren ----------------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string on, kind = "language_course", hours, provider;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "uren", "hours",
                          "Leg aanwezigheidsuren vast, zoals de aanbieder ze meldt (Wi 35.3).",
                          "inburgering uren 1001 --datum 2026-11-23 --uren 3 --aanbieder "
                          "\"Taalschool Utrecht\"");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van aanwezigheid");
    c->add_option("--uren", a->hours, "uren (3 of 2,5) of minuten (90m)")->required();
    c->add_option("--soort", a->kind, "soort uren: " + names_of<HourKind>());
    c->add_option("--aanbieder", a->provider, "wie de uren meldt")->required();
    c->callback([&ctx, a] {
      const AttendanceEntry entry{date_option(a->on, "--datum"),
                                  from_string<HourKind>(a->kind, "--soort"),
                                  minutes_option(a->hours, "--uren"), a->provider};
      ctx.change(a->id, "uren", "uren vastgelegd", "hours recorded",
                 [&](Trajectory& t) { t.record_attendance(entry); });
    });
  }

  // ---- examen --------------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string on, part, level = "B1";
      bool passed = false, failed = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "examen", "exam", "Leg een examenuitslag van DUO vast (Wi 7.1).",
                          "inburgering examen 1001 --onderdeel reading --niveau B1 --datum "
                          "2027-06-01 --geslaagd");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van het examen");
    c->add_option("--onderdeel", a->part, "onderdeel: " + names_of<ExamPart>())->required();
    c->add_option("--niveau", a->level, "niveau: " + names_of<LanguageLevel>());
    auto* passed = c->add_flag("--geslaagd", a->passed, "geslaagd");
    auto* failed = c->add_flag("--gezakt", a->failed, "gezakt");
    passed->excludes(failed);
    c->callback([&ctx, a] {
      if (a->passed == a->failed) {
        throw ValidationError("--geslaagd/--gezakt", "exactly one of the two", "neither");
      }
      const ExamResult result{from_string<ExamPart>(a->part, "--onderdeel"),
                              from_string<LanguageLevel>(a->level, "--niveau"),
                              date_option(a->on, "--datum"), a->passed, std::nullopt};
      ctx.change(a->id, "examen", "examenuitslag vastgelegd", "exam result recorded",
                 [&](Trajectory& t) { t.record_exam_result(result); });
    });
  }

  // ---- examen-ongeldig -----------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto index = std::make_shared<std::size_t>(0);
    auto on = std::make_shared<std::string>();
    auto* c = add_command(app, "examen-ongeldig", "invalidate-exam",
                          "DUO verklaarde een examenuitslag ongeldig (Bi 3.10.2); --nummer is de "
                          "plaats in de lijst van `toon` (vanaf 1).",
                          "inburgering examen-ongeldig 1001 --nummer 2 --datum 2027-07-01");
    add_id(c, *id);
    c->add_option("--nummer", *index, "nummer van de uitslag (vanaf 1)")
        ->required()
        ->check(CLI::Range(1, 1000000));
    add_date(c, "--datum", *on, "dag van het besluit");
    c->callback([&ctx, id, index, on] {
      const Date d = date_option(*on, "--datum");
      if (*index == 0) throw ValidationError("--nummer", "counts from 1", "0");
      ctx.change(*id, "examen-ongeldig", "examenuitslag ongeldig verklaard",
                 "exam result invalidated",
                 [&](Trajectory& t) { t.invalidate_exam_result(*index - 1, d); });
    });
  }

  // ---- diploma-ingetrokken -------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto numbers = std::make_shared<std::vector<std::size_t>>();
    auto* c = add_command(app, "diploma-ingetrokken", "diploma-withdrawn",
                          "DUO trok het diploma in na een onregelmatigheid (Bi 3.10.3): het "
                          "traject gaat terug naar de leerroute.",
                          "inburgering diploma-ingetrokken 1001 --datum 2028-02-01 --nummer 3");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van intrekking");
    c->add_option("--nummer", *numbers, "nummer van een ongeldige uitslag (herhaalbaar, vanaf 1)")
        ->required()
        ->check(CLI::Range(1, 1000000));
    c->callback([&ctx, id, on, numbers] {
      const Date d = date_option(*on, "--datum");
      std::set<std::size_t> indexes;
      for (std::size_t n : *numbers) {
        if (n == 0) throw ValidationError("--nummer", "counts from 1", "0");
        indexes.insert(n - 1);
      }
      ctx.change(*id, "diploma-ingetrokken", "intrekking van het diploma vastgelegd",
                 "diploma withdrawal recorded",
                 [&](Trajectory& t) { t.record_diploma_withdrawn(d, indexes); });
    });
  }

  // ---- voortgangsgesprek ---------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string on, assessment, notes;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "voortgangsgesprek", "progress-interview",
                          "Leg een gehouden voortgangsgesprek vast (Wi 17.1; Bi 5.3.4): het "
                          "vroegste geplande, of een extra.",
                          "inburgering voortgangsgesprek 1001 --datum 2026-11-23 --beoordeling "
                          "on_track --notities \"goed op weg\"");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van het gesprek");
    c->add_option("--beoordeling", a->assessment, "beoordeling: " + names_of<ProgressAssessment>())
        ->required();
    c->add_option("--notities", a->notes, "verslag");
    c->callback([&ctx, a] {
      const Date d = date_option(a->on, "--datum");
      const auto assessment = from_string<ProgressAssessment>(a->assessment, "--beoordeling");
      ctx.change(a->id, "voortgangsgesprek", "voortgangsgesprek vastgelegd",
                 "progress interview recorded",
                 [&](Trajectory& t) { t.record_progress_interview(d, assessment, a->notes); });
    });
  }

  // ---- mijlpaal ------------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    auto* c = add_command(
        app, "mijlpaal", "milestone",
        "Leg een mijlpaal vast: pvt-verklaring (Wi 6.4; Bi 3.1), map-eindgesprek (Wi 6.6; Bi 3.2), "
        "z-eindgesprek (Bi 3.14) of schakelcursus (Wi 8).",
        "inburgering mijlpaal 1001 --soort pvt-verklaring --datum 2026-12-01");
    add_id(c, *id);
    c->add_option("--soort", *kind,
                  "pvt-verklaring, map-eindgesprek, z-eindgesprek of schakelcursus")
        ->required()
        ->check(
            CLI::IsMember({"pvt-verklaring", "map-eindgesprek", "z-eindgesprek", "schakelcursus"}));
    add_date(c, "--datum", *on, "dag");
    c->callback([&ctx, id, on, kind] {
      const Date d = date_option(*on, "--datum");
      ctx.change(*id, "mijlpaal", "mijlpaal vastgelegd", "milestone recorded", [&](Trajectory& t) {
        if (*kind == "pvt-verklaring") {
          t.record_pvt_statement_signed(d);
        } else if (*kind == "map-eindgesprek") {
          t.record_map_final_interview(d);
        } else if (*kind == "z-eindgesprek") {
          t.record_z_route_final_interview(d);
        } else {
          t.record_bridging_course_completed(d);
        }
      });
    });
  }
}

}  // namespace inburgering::cli
