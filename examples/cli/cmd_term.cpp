// The term (Wi 11-12; Bi 4): extension requests and DUO's decisions, extensions DUO decided
// on its own, and interruptions.

#include "cli.hpp"

namespace inburgering::cli {

void add_term_commands(CLI::App& app, Context& ctx) {
  // ---- verlenging ----------------------------------------------------------------------------
  struct Args {
    std::int64_t id = 0;
    std::string requested, decided, ground = "substantial_efforts", by = "participant";
    int months = 0;
    bool granted = false, refused = false, without_request = false;
  };
  auto a = std::make_shared<Args>();
  auto* c = add_command(
      app, "verlenging", "extension",
      "Verlenging van de inburgeringstermijn (Wi 12; Bi 4.4-4.5): --aangevraagd legt het verzoek "
      "aan DUO vast; --besluit met --verleend --maanden of --geweigerd het besluit erop; "
      "--besluit --zonder-verzoek een verlenging die DUO uit zichzelf gaf.",
      "inburgering verlenging 1001 --aangevraagd 2029-06-01 --grond not_culpable\n"
      "  inburgering verlenging 1001 --besluit 2029-07-15 --verleend --maanden 12");
  add_id(c, a->id);
  auto* requested = add_date(c, "--aangevraagd", a->requested, "dag van het verzoek", false);
  auto* decision = add_date(c, "--besluit", a->decided, "dag van het besluit van DUO", false);
  auto* ground = c->add_option(
      "--grond", a->ground,
      "grond (bij --aangevraagd of --zonder-verzoek): " + names_of<ExtensionGround>());
  auto* by = c->add_option("--door", a->by,
                           "verzoeker (bij --aangevraagd): " + names_of<ExtensionRequester>());
  auto* months = c->add_option("--maanden", a->months,
                               "maanden verlenging (bij --verleend of --zonder-verzoek)");
  auto* granted = c->add_flag("--verleend", a->granted, "verleend");
  auto* refused = c->add_flag("--geweigerd", a->refused, "geweigerd");
  auto* without =
      c->add_flag("--zonder-verzoek", a->without_request,
                  "DUO verlengde zonder verzoek dat hier bekend is (Bi 4.5.2-3, 9.6.5)");
  // An option that the act does not take is refused, never silently ignored.
  requested->excludes(decision);
  by->needs(requested);
  months->excludes(requested);
  months->excludes(refused);
  granted->needs(decision);
  refused->needs(decision);
  without->needs(decision);
  granted->excludes(refused);
  without->excludes(granted);
  without->excludes(refused);
  ground->excludes(granted);
  ground->excludes(refused);
  c->callback([&ctx, a] {
    if (!a->requested.empty() && !a->decided.empty()) {
      throw ValidationError("--aangevraagd/--besluit", "one act per call: first the request",
                            "both");
    }
    if (!a->requested.empty()) {
      ExtensionRequest request;
      request.requested_on = date_option(a->requested, "--aangevraagd");
      request.ground = from_string<ExtensionGround>(a->ground, "--grond");
      request.requested_by = from_string<ExtensionRequester>(a->by, "--door");
      ctx.change(a->id, "verlenging", "verzoek om verlenging vastgelegd",
                 "extension request recorded",
                 [&](Trajectory& t) { t.record_extension_request(request); });
      return;
    }
    if (a->decided.empty()) {
      throw ValidationError("--aangevraagd/--besluit", "one of the two is needed", "neither");
    }
    const Date decided = date_option(a->decided, "--besluit");
    if (a->without_request) {
      const Extension extension{from_string<ExtensionGround>(a->ground, "--grond"), decided,
                                a->months};
      ctx.change(a->id, "verlenging", "verlenging vastgelegd", "extension recorded",
                 [&](Trajectory& t) { t.record_extension(extension); });
      return;
    }
    if (a->granted == a->refused) {
      throw ValidationError("--verleend/--geweigerd", "exactly one of the two with --besluit",
                            "neither");
    }
    ctx.change(a->id, "verlenging", "besluit op verzoek om verlenging vastgelegd",
               "extension decision recorded",
               [&](Trajectory& t) { t.record_extension_decision(decided, a->granted, a->months); });
  });

  // ---- onderbreking --------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto from = std::make_shared<std::string>();
    auto until = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto* o = add_command(
        app, "onderbreking", "interruption",
        "Een onderbreking van de termijn (Bi 2.1.2, 4.2): --van begint er een (met --reden), "
        "--tot sluit de open onderbreking. Langer dan een jaar beëindigt de plicht.",
        "inburgering onderbreking 1001 --van 2027-03-01 --reden \"tijdelijk in het buitenland\"\n"
        "  inburgering onderbreking 1001 --tot 2027-05-01");
    add_id(o, *id);
    add_date(o, "--van", *from, "eerste dag", false);
    add_date(o, "--tot", *until, "laatste dag", false);
    o->add_option("--reden", *reason, "reden (bij --van)")->needs("--van");
    o->callback([&ctx, id, from, until, reason] {
      if (!from->empty()) {
        Interruption interruption{
            date_option(*from, "--van"),
            date_option(until->empty() ? std::nullopt : std::optional<std::string>(*until),
                        "--tot"),
            *reason};
        ctx.change(*id, "onderbreking", "onderbreking vastgelegd", "interruption recorded",
                   [&](Trajectory& t) { t.record_interruption(interruption); });
        return;
      }
      if (until->empty())
        throw ValidationError("--van/--tot", "one of the two is needed", "neither");
      const Date d = date_option(*until, "--tot");
      ctx.change(*id, "onderbreking", "onderbreking gesloten", "interruption closed",
                 [&](Trajectory& t) { t.end_interruption(d); });
    });
  }
}

}  // namespace inburgering::cli
