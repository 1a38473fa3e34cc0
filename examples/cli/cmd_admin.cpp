// Keeping the store right: the nightly refresh of deadlines, the audit trail's hash chain, and
// the privacy officer's tasks (retention purge, erasure on request, a person's own data).

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

#include "cli.hpp"

namespace inburgering::cli {

namespace {

/// Overwrites `text` before it is released (a key must not linger in freed memory).
void wipe(std::string& text) {
  volatile char* p = text.data();
  for (std::size_t i = 0; i < text.size(); ++i) p[i] = 0;
  text.clear();
}

/// The key file's text. Refuses a file others can read (as ssh does with a private key).
std::string read_key_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw NotFound("file given by --sleutel", path);
  if ((info.st_mode & 077) != 0) {
    throw ValidationError("--sleutel",
                          "a key file readable by its owner only (chmod 600), since whoever "
                          "reads it can link a BSN to its pseudonym",
                          "a file others may read");
  }
  std::FILE* in = std::fopen(path.c_str(), "r");
  if (!in) throw NotFound("file given by --sleutel", path);
  char buffer[130] = {};
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, in);
  std::fclose(in);
  std::string text(buffer, n);
  volatile char* b = buffer;
  for (std::size_t i = 0; i < sizeof buffer; ++i) b[i] = 0;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

monitoring::PseudonymKey pseudonym_key_file(const std::string& path) {
  // A missing option is a matter of the command line (exit 2), as CLI11's own checks are.
  if (path.empty()) throw CLI::RequiredError("--sleutel (pseudoniemsleutel-maken)");
  std::string hex = read_key_file(path);
  try {
    monitoring::PseudonymKey key = monitoring::PseudonymKey::from_hex(hex);
    wipe(hex);
    return key;
  } catch (...) {
    wipe(hex);
    throw;
  }
}

void require_export_file(const Context& ctx, const std::string& file) {
  if (ctx.globals.json && file.empty()) {
    throw CLI::RequiredError("--bestand (with --json the CSV goes to a file)");
  }
}

void refuse_json_dictionary(const Context& ctx) {
  if (ctx.globals.json) {
    throw CLI::ValidationError("--woordenboek", "prints Markdown, not JSON: leave out --json");
  }
}

void add_admin_commands(CLI::App& app, Context& ctx) {
  // ---- teamrapport ---------------------------------------------------------------------------
  {
    auto file = std::make_shared<std::string>();
    auto weeks = std::make_shared<int>(8);
    auto municipality = std::make_shared<std::string>();
    auto* c = add_command(
        app, "teamrapport", "team-report",
        "De rapportage voor de teamleider: één HTML-bestand met grafieken (caseload naar status, "
        "termijnen per week, leerroutes, voortgang per cohort, te late signalen per "
        "klantmanager). Zonder gegevens van deelnemers; alleen voor gebruik binnen de gemeente.",
        "inburgering teamrapport --bestand teamrapport.html");
    c->add_option("--bestand", *file, "nieuw HTML-bestand")->required();
    c->add_option("--weken", *weeks, "termijnen zoveel weken vooruit")->check(CLI::Range(1, 52));
    c->add_option("--gemeente", *municipality, "CBS-code; standaard die van de gebruiker");
    c->callback([&ctx, file, weeks, municipality] {
      monitoring::TeamReportOptions options{.as_of = ctx.today(), .weeks = *weeks};
      if (!municipality->empty()) {
        options.municipality = municipality_option(*municipality, "--gemeente");
      }
      NewPrivateFile out(*file, "--bestand");
      const std::string html = monitoring::team_report_html(ctx.store(), ctx.actor(), options);
      out.write(html);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "team_report"},
                        {"file", *file},
                        {"bytes", html.size()}});
        return;
      }
      ctx.out << ctx.t("Teamrapportage geschreven naar ", "Team report written to ") << *file
              << "\n";
    });
  }

  // ---- pseudoniemsleutel-maken ---------------------------------------------------------------
  {
    auto file = std::make_shared<std::string>();
    auto* c = add_command(
        app, "pseudoniemsleutel-maken", "make-pseudonym-key",
        "Maak de geheime sleutel voor pseudoniemen in evaluatie-exports (32 willekeurige bytes, "
        "alleen leesbaar voor de eigenaar). Bewaar hem in de gemeente: wie hem heeft, kan een "
        "BSN aan een pseudoniem koppelen; geef hem nooit mee met een export.",
        "inburgering pseudoniemsleutel-maken --bestand evaluatie.key");
    c->add_option("--bestand", *file, "nieuw sleutelbestand")->required();
    c->callback([&ctx, file] {
      const auto key = monitoring::PseudonymKey::generate();
      NewPrivateFile out(*file, "--bestand");
      std::string text = key.to_hex() + "\n";
      try {
        out.write(text);
      } catch (...) {
        wipe(text);
        throw;
      }
      wipe(text);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "pseudonym_key"},
                        {"fingerprint", key.fingerprint()},
                        {"file", *file}});
        return;
      }
      ctx.out << ctx.t("Sleutel opgeslagen in ", "Key stored in ") << *file
              << ctx.t(" (vingerafdruk ", " (fingerprint ") << key.fingerprint() << ")\n";
    });
  }

  // ---- evaluatie-export ----------------------------------------------------------------------
  {
    struct Args {
      std::string key, file;
      std::optional<int> cohort;
      bool dictionary = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "evaluatie-export", "evaluation-export",
        "Gegevens zonder directe identificatie voor een onderzoeksbureau (Wi 39): BSN vervangen "
        "door een pseudoniem (HMAC-SHA256 met de sleutel van de gemeente), geboortejaar in "
        "plaats van geboortedatum, geen namen, vrije tekst of gezondheidsgegevens. CSV; "
        "--woordenboek toont wat elke kolom betekent.",
        "inburgering evaluatie-export --sleutel evaluatie.key --cohort 2024 --bestand "
        "cohort-2024.csv");
    auto* key_option =
        c->add_option("--sleutel", a->key, "sleutelbestand (pseudoniemsleutel-maken)");
    c->add_option("--cohort", a->cohort, "alleen dit cohort (jaar van de kennisgeving van DUO)")
        ->check(CLI::Range(2000, 2100));
    c->add_option("--bestand", a->file, "nieuw bestand voor de CSV; zonder: standaarduitvoer");
    auto* dictionary =
        c->add_flag("--woordenboek", a->dictionary, "toon het gegevenswoordenboek (Markdown)");
    dictionary->excludes(key_option);
    c->callback([&ctx, a] {
      if (a->dictionary) {
        refuse_json_dictionary(ctx);
        ctx.out << monitoring::evaluation_dictionary();
        return;
      }
      require_export_file(ctx, a->file);
      const monitoring::PseudonymKey key = pseudonym_key_file(a->key);
      // The file is created before the export (which is audited): a refused file exports nothing.
      std::optional<NewPrivateFile> out;
      if (!a->file.empty()) out.emplace(a->file, "--bestand");
      const std::string csv = ctx.store().evaluation_export(
          ctx.actor(), key, {.as_of = ctx.today(), .cohort = a->cohort});
      const auto rows = static_cast<std::int64_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
      if (out) out->write(csv);
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "evaluation_export"},
                        {"rows", rows},
                        {"cohort", a->cohort ? json(*a->cohort) : json(nullptr)},
                        {"key_fingerprint", key.fingerprint()},
                        {"file", a->file.empty() ? json(nullptr) : json(a->file)}});
        return;
      }
      if (a->file.empty()) {
        ctx.out << csv;
        return;
      }
      ctx.out << rows << ctx.t(" trajecten in ", " trajectories in ") << a->file
              << ctx.t(" (sleutel ", " (key ") << key.fingerprint() << ")\n";
    });
  }

  // ---- indicatoren ---------------------------------------------------------------------------
  {
    struct Args {
      std::string municipality;
      int months = 6;
      ReportArgs report;
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
    add_report_options(c, a->report);
    c->add_option("--maanden", a->months, "termijnen die binnen zoveel maanden aflopen")
        ->check(CLI::Range(1, 120));
    c->callback([&ctx, a] {
      monitoring::IndicatorOptions options;
      options.as_of = ctx.today();
      if (!a->municipality.empty()) {
        options.municipality = municipality_option(a->municipality, "--gemeente");
      }
      options.terms_ending_months = a->months;
      options.disclosure = a->report.rule();
      print_report(ctx, a->report, "indicators", ctx.store().indicators(ctx.actor(), options));
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
      NewPrivateFile out(*file, "--bestand");
      const std::string answer = ctx.store().subject_access(ctx.actor(), b);
      out.write(answer);
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
