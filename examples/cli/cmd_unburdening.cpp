// Unburdening (ontzorgen, Pw 56a, 57): start with the fixed costs, extend, budgeting coaching,
// stop.

#include "cli.hpp"

namespace inburgering::cli {

void add_unburdening_commands(CLI::App& app, Context& ctx) {
  // ---- ontzorgen-start -----------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string from;
      std::vector<std::string> items, not_paid;
      bool assistance = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "ontzorgen-start", "unburdening-start",
        "Start het ontzorgen (Pw 56a): het college betaalt de vaste lasten uit de bijstand. Elke "
        "vaste last (huur, energie of gas en stroom, water, zorgverzekering) is een --post of, "
        "met reden, --niet-betaald.",
        "inburgering ontzorgen-start 1001 --vanaf 2026-10-01 --bijstand \\\n"
        "    --post rent:Woonstichting:645 --post energy:Energieleverancier:110 \\\n"
        "    --post water:Waterbedrijf:24 --post health_insurance:Zorgverzekeraar:139");
    add_id(c, a->id);
    add_date(c, "--vanaf", a->from, "dag waarop het recht op bijstand ontstaat (Pw 56a.2)");
    c->add_option("--post", a->items,
                  "vaste last soort:ontvanger:bedrag per maand (herhaalbaar); soort: " +
                      names_of<FixedCostKind>());
    c->add_option("--niet-betaald", a->not_paid,
                  "vaste last die het college niet betaalt, soort:reden (herhaalbaar)");
    c->add_flag("--bijstand", a->assistance, "ontvangt bijstand (Pw 56a.1)");
    c->callback([&ctx, a] {
      const Date from = date_option(a->from, "--vanaf");
      std::vector<FixedCostItem> items;
      for (const auto& text : a->items) {
        const auto f = split_fields(text, 3, "--post", "soort:ontvanger:bedrag");
        items.push_back(FixedCostItem{from_string<FixedCostKind>(f[0], "--post (soort)"), f[1],
                                      money_option(f[2], "--post (bedrag)")});
      }
      std::vector<FixedCostNotPaid> not_paid;
      for (const auto& text : a->not_paid) {
        const auto f = split_fields(text, 2, "--niet-betaald", "soort:reden");
        not_paid.push_back(
            FixedCostNotPaid{from_string<FixedCostKind>(f[0], "--niet-betaald (soort)"), f[1]});
      }
      ctx.change(a->id, "ontzorgen-start", "ontzorgen gestart", "unburdening started",
                 [&](Trajectory& t) { t.start_unburdening(from, items, a->assistance, not_paid); });
    });
  }

  // ---- ontzorgen-verlengen -------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto months = std::make_shared<int>(0);
    auto reason = std::make_shared<std::string>();
    auto* c = add_command(app, "ontzorgen-verlengen", "unburdening-extend",
                          "Verleng het ontzorgen (Pw 57), met reden.",
                          "inburgering ontzorgen-verlengen 1001 --datum 2027-03-15 --maanden 3 "
                          "--reden \"budgetvaardigheid nog onvoldoende\"");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van het besluit");
    c->add_option("--maanden", *months, "maanden")->required();
    c->add_option("--reden", *reason, "reden (Pw 57)")->required();
    c->callback([&ctx, id, on, months, reason] {
      const UnburdeningExtension extension{date_option(*on, "--datum"), *months, *reason};
      ctx.change(*id, "ontzorgen-verlengen", "ontzorgen verlengd", "unburdening extended",
                 [&](Trajectory& t) { t.extend_unburdening(extension); });
    });
  }

  // ---- budgetcoaching ------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto topic = std::make_shared<std::string>();
    auto absent = std::make_shared<bool>(false);
    auto* c = add_command(app, "budgetcoaching", "coaching",
                          "Leg een gesprek budgetcoaching vast (ontzorgen, Pw 56a).",
                          "inburgering budgetcoaching 1001 --datum 2026-11-10 --onderwerp "
                          "\"vaste lasten en toeslagen\"");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van het gesprek");
    c->add_option("--onderwerp", *topic, "onderwerp")->required();
    c->add_flag("--niet-verschenen", *absent, "de persoon kwam niet");
    c->callback([&ctx, id, on, topic, absent] {
      const CoachingSession session{date_option(*on, "--datum"), *topic, !*absent};
      ctx.change(*id, "budgetcoaching", "budgetcoaching vastgelegd", "coaching session recorded",
                 [&](Trajectory& t) { t.record_coaching_session(session); });
    });
  }

  // ---- ontzorgen-stop ------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto* c = add_command(app, "ontzorgen-stop", "unburdening-stop",
                          "Stop het ontzorgen voor het einde van de periode.",
                          "inburgering ontzorgen-stop 1001 --datum 2027-01-31");
    add_id(c, *id);
    add_date(c, "--datum", *on, "laatste dag");
    c->callback([&ctx, id, on] {
      const Date d = date_option(*on, "--datum");
      ctx.change(*id, "ontzorgen-stop", "ontzorgen gestopt", "unburdening stopped",
                 [&](Trajectory& t) { t.stop_unburdening(d); });
    });
  }
}

}  // namespace inburgering::cli
