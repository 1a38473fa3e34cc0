// Fines (Wi 22-27; Bi 7.1): the college's intake and cooperation fines, what became of them,
// and DUO's fines.

#include "cli.hpp"

namespace inburgering::cli {

void add_fine_commands(CLI::App& app, Context& ctx) {
  // ---- boete ---------------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string kind, imposed, established, new_term_until, lowered_to, culpability;
      bool assistance_lowered = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "boete", "fine",
        "Leg een boete van het college op: --soort intake (Wi 22; Bi 7.1.1) of cooperation "
        "(Wi 23; Bi 7.1.2-5). Het bedrag volgt uit het beleid en de verwijtbaarheid.",
        "inburgering boete 1002 --soort intake --opgelegd 2026-11-01 --nieuwe-termijn-tot "
        "2026-12-31\n"
        "  inburgering boete 1001 --soort cooperation --vastgesteld 2027-02-01 --opgelegd "
        "2027-02-15 --verwijtbaarheid gross_negligence");
    add_id(c, a->id);
    c->add_option("--soort", a->kind, "soort: " + names_of<MunicipalFineKind>())->required();
    add_date(c, "--opgelegd", a->imposed, "dag van oplegging");
    add_date(c, "--vastgesteld", a->established,
             "dag waarop de schending is vastgesteld (cooperation)", false);
    add_date(c, "--nieuwe-termijn-tot", a->new_term_until,
             "einde van de nieuwe termijn (intake, Wi 22.2)", false);
    c->add_option("--verlaagd-tot", a->lowered_to, "lager bedrag in euro (intake, Bi 7.1.6)");
    c->add_option("--verwijtbaarheid", a->culpability,
                  "verwijtbaarheid (cooperation): " + names_of<Culpability>());
    c->add_flag("--bijstand-al-verlaagd", a->assistance_lowered,
                "de bijstand is voor hetzelfde feit al verlaagd (Wi 27)");
    c->callback([&ctx, a, c] {
      const auto kind = from_string<MunicipalFineKind>(a->kind, "--soort");
      const Date imposed = date_option(a->imposed, "--opgelegd");
      // An option of the other kind of fine is refused, never silently ignored.
      const auto not_for = [&](const char* option, const char* which) {
        if (c->count(option) > 0) {
          throw ValidationError(option, std::string("applies to ") + which + " fines only",
                                "given with --soort " + a->kind);
        }
      };
      if (kind == MunicipalFineKind::kIntake) {
        not_for("--vastgesteld", "cooperation");
        not_for("--verwijtbaarheid", "cooperation");
      } else {
        not_for("--nieuwe-termijn-tot", "intake");
        not_for("--verlaagd-tot", "intake");
      }
      if (kind == MunicipalFineKind::kIntake) {
        IntakeFineDecision decision;
        decision.imposed_on = imposed;
        if (!a->new_term_until.empty()) {
          decision.new_term_until = date_option(a->new_term_until, "--nieuwe-termijn-tot");
        }
        if (!a->lowered_to.empty())
          decision.lowered_to = money_option(a->lowered_to, "--verlaagd-tot");
        decision.assistance_already_lowered = a->assistance_lowered;
        ctx.change(a->id, "boete", "intakeboete opgelegd", "intake fine imposed",
                   [&](Trajectory& t) { t.impose_intake_fine(decision); });
        return;
      }
      if (a->established.empty()) {
        throw ValidationError("--vastgesteld",
                              "a cooperation fine needs the day the violation "
                              "was established (Wi 23)",
                              "missing");
      }
      CooperationFineDecision decision;
      decision.established_on = date_option(a->established, "--vastgesteld");
      decision.imposed_on = imposed;
      if (!a->culpability.empty()) {
        decision.culpability = from_string<Culpability>(a->culpability, "--verwijtbaarheid");
      }
      decision.assistance_already_lowered = a->assistance_lowered;
      ctx.change(a->id, "boete", "medewerkingsboete opgelegd", "cooperation fine imposed",
                 [&](Trajectory& t) { t.impose_cooperation_fine(decision); });
    });
  }

  // ---- boete-status --------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto number = std::make_shared<std::size_t>(0);
    auto status = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto* c = add_command(app, "boete-status", "fine-status",
                          "Wat werd er van een boete van het college: bezwaar (bezwaar of beroep "
                          "ingesteld), onherroepelijk, of vernietigd (Bi 7.1.3, 7.1.5).",
                          "inburgering boete-status 1002 --nummer 1 --status onherroepelijk "
                          "--datum 2027-01-15");
    add_id(c, *id);
    c->add_option("--nummer", *number, "nummer van de boete (vanaf 1, zie `toon`)")
        ->required()
        ->check(CLI::Range(1, 1000000));
    c->add_option("--status", *status, "bezwaar, onherroepelijk of vernietigd")
        ->required()
        ->check(CLI::IsMember({"bezwaar", "onherroepelijk", "vernietigd"}));
    add_date(c, "--datum", *on, "dag");
    c->callback([&ctx, id, number, status, on] {
      const Date d = date_option(*on, "--datum");
      if (*number == 0) throw ValidationError("--nummer", "counts from 1", "0");
      const std::size_t index = *number - 1;
      ctx.change(*id, "boete-status", "status van de boete vastgelegd", "fine status recorded",
                 [&](Trajectory& t) {
                   if (*status == "bezwaar") {
                     t.record_fine_contested(index, d);
                   } else if (*status == "onherroepelijk") {
                     t.record_fine_irrevocable(index, d);
                   } else {
                     t.record_fine_annulled(index, d);
                   }
                 });
    });
  }

  // ---- duo-boete -----------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string kind, imposed, amount, announced;
      int new_term_months = 0;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "duo-boete", "duo-fine",
                          "Leg een boete van DUO vast (Wi 24-26), met de nieuwe termijn die zij "
                          "stelt (Wi 24.2: 6, 12, 18 of 24 maanden; niet bij de derde en latere).",
                          "inburgering duo-boete 1003 --soort route_not_in_time --opgelegd "
                          "2026-04-01 --bedrag 500 --nieuwe-termijn 12");
    add_id(c, a->id);
    c->add_option("--soort", a->kind, "soort: " + names_of<DuoFineKind>())->required();
    add_date(c, "--opgelegd", a->imposed, "dag van oplegging");
    c->add_option("--bedrag", a->amount, "bedrag in euro")->required();
    c->add_option("--nieuwe-termijn", a->new_term_months, "nieuwe termijn in maanden");
    add_date(c, "--bekendgemaakt", a->announced, "dag van bekendmaking, als later", false);
    c->callback([&ctx, a] {
      DuoFine fine;
      fine.kind = from_string<DuoFineKind>(a->kind, "--soort");
      fine.imposed_on = date_option(a->imposed, "--opgelegd");
      fine.amount = money_option(a->amount, "--bedrag");
      fine.new_term_months = a->new_term_months;
      if (!a->announced.empty()) fine.announced_on = date_option(a->announced, "--bekendgemaakt");
      ctx.change(a->id, "duo-boete", "boete van DUO vastgelegd", "DUO fine recorded",
                 [&](Trajectory& t) { t.record_duo_fine(fine); });
    });
  }
}

}  // namespace inburgering::cli
