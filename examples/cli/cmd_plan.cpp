// The personal plan (PIP, Wi 15-17): the first PIP, adjustments, route switches, scaling down
// to A2, the PIP after a move, and the college's course offer (Wi 16.1).

#include "cli.hpp"

namespace inburgering::cli {

namespace {

/// The PIP's content as options. An adjustment starts from the PIP in force and changes only
/// what is given; the first PIP starts from an empty plan.
struct PlanArgs {
  std::optional<std::string> route;
  std::optional<int> hours_per_week, pvt_hours, map_hours, interviews;
  std::optional<std::string> support, vve, deviation;
  std::vector<std::string> goals, activities;
  bool z_exams = false, unburdening = false;
};

void add_plan_options(CLI::App* c, PlanArgs& a, bool route_option) {
  if (route_option) c->add_option("--route", a.route, "leerroute: " + names_of<Route>());
  c->add_option("--uren-per-week", a.hours_per_week,
                "intensiteit van de leerroute in uren per week (Wi 15.2)");
  c->add_option("--pvt-uren", a.pvt_hours, "uren PVT (Bi 3.1)");
  c->add_option("--map-uren", a.map_hours, "uren MAP (Bi 3.2); 0 in de onderwijsroute");
  c->add_option("--voortgangsgesprekken", a.interviews,
                "aantal voortgangsgesprekken (Wi 17.1; Bi 5.3.4)");
  c->add_option("--ondersteuning", a.support, "ondersteuning en begeleiding (Wi 15.1.b)");
  c->add_option("--vve", a.vve, "afspraken over voor- en vroegschoolse educatie");
  c->add_option(
      "--afwijking-reden", a.deviation,
      "reden om af te wijken van de uitkomst van de leerbaarheidstoets (Wi 14.3.a, 15.1.a)");
  c->add_option("--doel", a.goals, "doel (herhaalbaar; vervangt alle doelen)");
  c->add_option("--activiteit", a.activities,
                "activiteit soort:omschrijving:aanbieder:uren-per-week (herhaalbaar; vervangt "
                "alle activiteiten); soort: " +
                    names_of<ActivityKind>());
  c->add_flag("--z-examens", a.z_exams, "Z-route met examens (Bi 3.14.7)");
  c->add_flag("--ontzorgen", a.unburdening, "ontzorgen maakt deel uit van het plan");
}

PlanContent apply(const PlanArgs& a, PlanContent c) {
  if (a.route) c.route = from_string<Route>(*a.route, "--route");
  if (a.hours_per_week) c.route_intensity_hours_per_week = *a.hours_per_week;
  if (a.pvt_hours) c.pvt_hours = *a.pvt_hours;
  if (a.map_hours) c.map_hours = *a.map_hours;
  if (a.interviews) c.progress_interview_count = *a.interviews;
  if (a.support) c.support = *a.support;
  if (a.vve) c.vve_agreements = *a.vve;
  if (a.deviation) c.learnability_deviation_reason = *a.deviation;
  if (!a.goals.empty()) c.goals = a.goals;
  if (!a.activities.empty()) {
    c.activities.clear();
    for (const auto& text : a.activities) {
      const auto f = split_fields(text, 4, "--activiteit", "soort:omschrijving:aanbieder:uren");
      PlanActivity activity;
      activity.kind = from_string<ActivityKind>(f[0], "--activiteit (soort)");
      activity.description = f[1];
      activity.provider = f[2];
      try {
        std::size_t used = 0;
        activity.hours_per_week = std::stoi(f[3], &used);
        if (used != f[3].size()) throw std::invalid_argument("trailing");
      } catch (const std::exception&) {
        throw ValidationError("--activiteit (uren)", "a whole number of hours per week",
                              "\"" + cut(f[3], 20) + "\"");
      }
      c.activities.push_back(activity);
    }
  }
  if (a.z_exams) c.z_route_exams_allowed = true;
  if (a.unburdening) c.unburdening_attached = true;
  return c;
}

PlanContent current_content(const Trajectory& t) {
  const PlanVersion* current = t.current_plan();
  if (!current) throw RuleViolation("Wi 15.1", "no PIP has been issued yet");
  return current->content;
}

}  // namespace

void add_plan_commands(CLI::App& app, Context& ctx) {
  // ---- pip -----------------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto a = std::make_shared<PlanArgs>();
    auto* c = add_command(
        app, "pip", "issue-plan",
        "Stel het eerste persoonlijk plan inburgering en participatie vast (Wi 15; beschikking). "
        "De inburgeringstermijn begint de dag erna (Wi 11.2).",
        "inburgering pip 1001 --datum 2026-11-20 --route b1 --uren-per-week 12 \\\n"
        "    --ondersteuning \"klantmanager, taalmaatje\" --map-uren 40 \\\n"
        "    --voortgangsgesprekken 6 --doel \"Nederlands op B1\" \\\n"
        "    --activiteit \"language_course:NT2-cursus:Taalschool:12\"");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van vaststelling (beschikking)");
    add_plan_options(c, *a, true);
    c->callback([&ctx, id, on, a] {
      if (!a->route) throw ValidationError("--route", "the first PIP needs a route", "missing");
      const Date d = date_option(*on, "--datum");
      const PlanContent content = apply(*a, PlanContent{});
      ctx.change(*id, "pip", "eerste PIP vastgesteld", "first PIP issued",
                 [&](Trajectory& t) { t.issue_first_plan(d, content); });
    });
  }

  // ---- pip-bijstellen, route-wisselen, pip-na-verhuizing -------------------------------------
  struct Change {
    std::int64_t id = 0;
    std::string on, explanation, exception, course_ended;
    PlanArgs plan;
  };
  {
    auto a = std::make_shared<Change>();
    auto* c = add_command(app, "pip-bijstellen", "adjust-plan",
                          "Stel het PIP bij (nieuwe versie, zelfde route; Wi 17). Alleen wat "
                          "gegeven wordt verandert.",
                          "inburgering pip-bijstellen 1001 --datum 2027-03-01 --uren-per-week 16 "
                          "--toelichting \"meer lesuren\"");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van vaststelling");
    c->add_option("--toelichting", a->explanation, "toelichting")->required();
    add_plan_options(c, a->plan, false);
    c->callback([&ctx, a] {
      const Date d = date_option(a->on, "--datum");
      ctx.change(a->id, "pip-bijstellen", "PIP bijgesteld", "PIP adjusted", [&](Trajectory& t) {
        t.adjust_plan(d, apply(a->plan, current_content(t)), a->explanation);
      });
    });
  }
  {
    auto a = std::make_shared<Change>();
    auto* c = add_command(
        app, "route-wisselen", "switch-route",
        "Wissel van leerroute (Wi 17.2; Bi 5.4): binnen 18 maanden na de start van de termijn, "
        "van onderwijsroute naar B1 altijd, daarna alleen op een --grond. De rest van het PIP "
        "blijft, behalve afgeschaalde onderdelen bij een andere route dan B1 (Wi 17.3).",
        "inburgering route-wisselen 1001 --datum 2027-05-01 --route z --toelichting \"voortgang "
        "te laag\"");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van vaststelling");
    c->add_option("--toelichting", a->explanation, "toelichting")->required();
    c->add_option("--grond", a->exception,
                  "grond buiten de termijn: " + names_of<RouteSwitchException>());
    add_date(c, "--cursus-geeindigd", a->course_ended,
             "einde van de niet-vrijstellende cursus (Bi 5.4.2)", false);
    add_plan_options(c, a->plan, true);
    c->callback([&ctx, a] {
      if (!a->plan.route)
        throw ValidationError("--route", "a route switch needs the new route", "missing");
      const Date d = date_option(a->on, "--datum");
      RouteSwitchGround ground;
      if (!a->exception.empty()) {
        ground.exception = from_string<RouteSwitchException>(a->exception, "--grond");
      }
      if (!a->course_ended.empty()) {
        ground.course_ended_on = date_option(a->course_ended, "--cursus-geeindigd");
      }
      ctx.change(a->id, "route-wisselen", "van route gewisseld", "route switched",
                 [&](Trajectory& t) {
                   PlanContent content = apply(a->plan, current_content(t));
                   // Parts scaled down to A2 exist on the B1-route only (Wi 17.3).
                   if (content.route != Route::kB1) content.scaled_down_parts.clear();
                   t.switch_route(d, std::move(content), a->explanation, ground);
                 });
    });
  }
  {
    auto a = std::make_shared<Change>();
    auto* c = add_command(app, "pip-na-verhuizing", "plan-after-move",
                          "Het PIP van deze gemeente na een verhuizing (Wi 15.4; Bi 5.3.3): "
                          "zelfde route, binnen 10 weken na de inschrijving.",
                          "inburgering pip-na-verhuizing 1004 --datum 2026-12-01 --toelichting "
                          "\"overgenomen uit Amersfoort\"");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van vaststelling");
    c->add_option("--toelichting", a->explanation, "toelichting")->required();
    add_plan_options(c, a->plan, false);
    c->callback([&ctx, a] {
      const Date d = date_option(a->on, "--datum");
      ctx.change(a->id, "pip-na-verhuizing", "PIP na verhuizing vastgesteld",
                 "PIP after the move issued", [&](Trajectory& t) {
                   t.issue_plan_after_move(d, apply(a->plan, current_content(t)), a->explanation);
                 });
    });
  }

  // ---- afschalen -----------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto explanation = std::make_shared<std::string>();
    auto parts = std::make_shared<std::vector<std::string>>();
    auto* c = add_command(app, "afschalen", "scale-down",
                          "Schaal onderdelen af naar A2 (Wi 17.3; Bi 5.5).",
                          "inburgering afschalen 1001 --datum 2028-01-10 --onderdeel speaking "
                          "--toelichting \"ondanks inzet geen B1\"");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van vaststelling");
    c->add_option("--onderdeel", *parts, "onderdeel (herhaalbaar): " + names_of<ExamPart>())
        ->required();
    c->add_option("--toelichting", *explanation, "toelichting")->required();
    c->callback([&ctx, id, on, explanation, parts] {
      const Date d = date_option(*on, "--datum");
      std::set<ExamPart> set;
      for (const auto& p : *parts) set.insert(from_string<ExamPart>(p, "--onderdeel"));
      ctx.change(*id, "afschalen", "onderdelen afgeschaald naar A2", "parts scaled down to A2",
                 [&](Trajectory& t) { t.scale_down_to_a2(d, set, *explanation); });
    });
  }

  // ---- cursusaanbod --------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto route = std::make_shared<std::string>();
    auto provider = std::make_shared<std::string>();
    auto* c = add_command(app, "cursusaanbod", "course-offer",
                          "Het college biedt de cursus of opleiding voor de leerroute aan "
                          "(Wi 16.1; asielstatushouders). Standaard de route van het PIP.",
                          "inburgering cursusaanbod 1001 --datum 2026-11-20 --aanbieder "
                          "\"Taalschool Utrecht\"");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van het aanbod");
    c->add_option("--aanbieder", *provider, "aanbieder")->required();
    c->add_option("--route", *route, "leerroute; standaard die van het PIP in werking");
    c->callback([&ctx, id, on, route, provider] {
      const Date d = date_option(*on, "--datum");
      std::optional<Route> r;
      if (!route->empty()) r = from_string<Route>(*route, "--route");
      ctx.change(*id, "cursusaanbod", "cursusaanbod vastgelegd", "course offer recorded",
                 [&](Trajectory& t) {
                   const Route in_force = r ? *r : current_content(t).route;
                   t.record_course_offer(CourseOffer{d, in_force, *provider});
                 });
    });
  }
}

}  // namespace inburgering::cli
