// Keeping the store right: the nightly refresh of deadlines, the audit trail's hash chain, and
// the privacy officer's tasks (retention purge, erasure on request, a person's own data).

#include <sys/stat.h>

#include <cstdio>

#include "cli.hpp"

namespace inburgering::cli {

void add_admin_commands(CLI::App& app, Context& ctx) {
  // ---- indicatoren ---------------------------------------------------------------------------
  {
    struct Args {
      std::string municipality, format = "tekst";
      bool outside = false;
      int min_count = 5, months = 6;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "indicatoren", "indicators",
        "Monitoringsindicatoren (Wi 39) per cohort (jaar van de kennisgeving van DUO) en "
        "doelgroep: brede intake, PIP en PIP binnen de termijn, leerroutes, voortgangsgesprekken, "
        "ontzorgen, boetes, afsluitingen, termijnen die aflopen. Met --voor-buiten worden kleine "
        "aantallen onderdrukt (voor alles wat de gemeente verlaat).",
        "inburgering indicatoren --voor-buiten --formaat csv > monitoring.csv");
    c->add_option("--gemeente", a->municipality,
                  "CBS-code; standaard die van de gebruiker (een andere alleen met een regionale "
                  "afspraak)");
    c->add_flag("--voor-buiten", a->outside,
                "onthullingsbeheersing toepassen: voor uitvoer die de gemeente verlaat");
    c->add_option("--min", a->min_count, "kleinste getoonde aantal personen (met --voor-buiten)")
        ->check(CLI::Range(2, 100));
    c->add_option("--formaat", a->format, "tekst, csv of json (--json geeft json)")
        ->check(CLI::IsMember({"tekst", "csv", "json"}));
    c->add_option("--maanden", a->months, "termijnen die binnen zoveel maanden aflopen")
        ->check(CLI::Range(1, 120));
    c->callback([&ctx, a] {
      monitoring::IndicatorOptions options;
      options.as_of = ctx.today();
      if (!a->municipality.empty()) {
        options.municipality = municipality_option(a->municipality, "--gemeente");
      }
      options.terms_ending_months = a->months;
      options.disclosure = {.apply = a->outside, .min_count = a->min_count};
      const auto report = ctx.store().indicators(ctx.actor(), options);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "indicators"},
                        {"report", json::parse(monitoring::to_json(report))}});
      } else if (a->format == "csv") {
        ctx.out << monitoring::to_csv(report);
      } else if (a->format == "json") {
        ctx.out << monitoring::to_json(report) << "\n";
      } else {
        ctx.out << monitoring::to_text(report, ctx.english());
      }
    });
  }

  // ---- vernieuwen ----------------------------------------------------------------------------
  {
    auto batch = std::make_shared<int>(500);
    auto* c = add_command(
        app, "vernieuwen", "refresh",
        "Bereken de termijnen van alle lopende trajecten van de gemeente opnieuw op --today "
        "(werklijst en termijnen). Eens per dag, bijvoorbeeld 's nachts, en na een nieuwe versie "
        "van de bibliotheek.",
        "inburgering vernieuwen");
    c->add_option("--per-transactie", *batch, "trajecten per transactie")
        ->check(CLI::Range(1, 10000));
    c->callback([&ctx, batch] {
      const auto report = ctx.store().refresh_deadlines(ctx.actor(), ctx.today(), *batch);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "refresh"},
                        {"today", to_iso(ctx.today())},
                        {"refreshed", report.refreshed},
                        {"batches", report.batches}});
        return;
      }
      ctx.out << ctx.t("Termijnen opnieuw berekend voor ", "Deadlines computed again for ")
              << report.refreshed << ctx.t(" trajecten (", " trajectories (") << report.batches
              << ctx.t(" transacties)\n", " transactions)\n");
    });
  }

  // ---- controleer-audit ----------------------------------------------------------------------
  {
    auto* c = add_command(app, "controleer-audit", "verify-audit",
                          "Controleer de hashketen van het audittrail van begin tot eind "
                          "(auditor of privacyfunctionaris). Een gebroken keten: exitcode 6.",
                          "inburgering --role auditor controleer-audit");
    c->callback([&ctx] {
      const auto v = ctx.store().verify_audit(ctx.actor());
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "audit_verification"},
                        {"entries", v.entries},
                        {"intact", v.intact()},
                        {"first_broken", v.first_broken ? json(*v.first_broken) : json(nullptr)},
                        {"problem", v.problem},
                        {"head_sequence", v.head_sequence},
                        {"head_hash", v.head_hash}});
      } else if (v.intact()) {
        ctx.out << ctx.t("Audittrail intact: ", "Audit trail intact: ") << v.entries
                << ctx.t(" regels, laatste #", " entries, last #") << v.head_sequence << " "
                << v.head_hash << "\n";
      }
      if (!v.intact()) {
        throw StorageError(
            "audit trail broken at entry " + std::to_string(*v.first_broken) + ": " + v.problem,
            ErrorCode::kCorruptData);
      }
    });
  }

  // ---- opschonen -----------------------------------------------------------------------------
  {
    auto* c = add_command(
        app, "opschonen", "purge",
        "Verwijder de persoonsgegevens van trajecten die langer dan de bewaartermijn gesloten "
        "zijn (Bi 9.9); de minimale feiten blijven. Taak van de privacyfunctionaris.",
        "inburgering --role privacy_officer opschonen");
    c->callback([&ctx] {
      const auto report = ctx.store().purge_expired(ctx.actor(), ctx.today());
      if (ctx.globals.json) {
        json ids = json::array();
        for (const auto& id : report.purged) ids.push_back(id.value());
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "purge"},
                        {"today", to_iso(ctx.today())},
                        {"purged", ids}});
        return;
      }
      ctx.out << ctx.t("Persoonsgegevens verwijderd van ", "Personal data removed from ")
              << report.purged.size() << ctx.t(" trajecten\n", " trajectories\n");
      for (const auto& id : report.purged) ctx.out << "  " << id.value() << "\n";
    });
  }

  // ---- wissen --------------------------------------------------------------------------------
  {
    auto bsn = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto* c = add_command(
        app, "wissen", "erase",
        "Verwijder op verzoek van de persoon (AVG art. 17) de persoonsgegevens van al diens "
        "trajecten in de gemeente. De reden noemt de grond, nooit de persoon. Taak van de "
        "privacyfunctionaris.",
        "inburgering --role privacy_officer wissen --bsn 999990019 --reden \"verzoek AVG art. "
        "17, zaak 2026-114\"");
    c->add_option("--bsn", *bsn, "burgerservicenummer")->required();
    c->add_option("--reden", *reason, "grond van het verzoek (in het audittrail)")->required();
    c->callback([&ctx, bsn, reason] {
      const Bsn b = bsn_option(*bsn);
      const int erased = ctx.store().erase_person(ctx.actor(), b, *reason);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "erase"},
                        {"bsn_masked", b.masked()},
                        {"erased", erased}});
        return;
      }
      ctx.out << "BSN " << b.masked() << ": " << erased
              << ctx.t(" traject(en) gewist\n", " trajectory(ies) erased\n");
    });
  }

  // ---- inzage --------------------------------------------------------------------------------
  {
    auto bsn = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    auto* c = add_command(
        app, "inzage", "subject-access",
        "De eigen gegevens van een persoon op diens verzoek (AVG art. 15): alle trajecten in de "
        "gemeente met bijzondere persoonsgegevens en audittrail, als JSON in een nieuw bestand "
        "(alleen leesbaar voor de eigenaar). Taak van de privacyfunctionaris.",
        "inburgering --role privacy_officer inzage --bsn 999990019 --bestand inzage.json");
    c->add_option("--bsn", *bsn, "burgerservicenummer")->required();
    c->add_option("--bestand", *file, "nieuw bestand voor het antwoord")->required();
    c->callback([&ctx, bsn, file] {
      const Bsn b = bsn_option(*bsn);
      // The answer holds personal data: it goes to a new private file, never to the terminal.
      const mode_t old_mask = ::umask(077);
      std::FILE* out = std::fopen(file->c_str(), "wx");
      ::umask(old_mask);
      if (!out) {
        throw ValidationError("--bestand",
                              "a new file that does not exist yet, in a writable "
                              "directory",
                              "\"" + cut(*file, 60) + "\"");
      }
      std::string answer;
      try {
        answer = ctx.store().subject_access(ctx.actor(), b);
      } catch (...) {
        std::fclose(out);
        std::remove(file->c_str());
        throw;
      }
      const bool ok = std::fwrite(answer.data(), 1, answer.size(), out) == answer.size();
      if (std::fclose(out) != 0 || !ok) throw StorageError("could not write " + *file);
      const auto count = json::parse(answer)["trajectories"].size();
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "subject_access"},
                        {"bsn_masked", b.masked()},
                        {"trajectories", count},
                        {"file", *file}});
        return;
      }
      ctx.out << "BSN " << b.masked() << ": " << count
              << ctx.t(" traject(en) in ", " trajectory(ies) in ") << *file << "\n";
    });
  }
}

}  // namespace inburgering::cli
