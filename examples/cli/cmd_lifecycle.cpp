// The end of a trajectory here: completion, an end for another reason, and a move to another
// municipality with the transfer dossier (Wi 15.4, 35.4), out of this store and into another.

#include <fstream>

#include "cli.hpp"

namespace inburgering::cli {

namespace {

std::string read_file(const std::string& path, std::string_view option, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NotFound("file given by " + std::string(option), path);
  std::string text;
  text.resize(limit + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > limit) {
    throw ValidationError(std::string(option), "at most " + std::to_string(limit) + " bytes",
                          "a larger file");
  }
  return text;
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

void add_lifecycle_commands(CLI::App& app, Context& ctx) {
  // ---- afronden ------------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto* c = add_command(app, "afronden", "complete",
                          "Het traject is voltooid: diploma of certificaat (Wi 7). Wat nog "
                          "ontbreekt wordt genoemd.",
                          "inburgering afronden 1001 --datum 2028-06-01");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van het diploma of certificaat");
    c->callback([&ctx, id, on] {
      const Date d = date_option(*on, "--datum");
      ctx.change(*id, "afronden", "traject voltooid", "trajectory completed",
                 [&](Trajectory& t) { t.complete(d); });
    });
  }

  // ---- beeindigen ----------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto* c = add_command(app, "beeindigen", "end",
                          "Beëindig het traject om een andere reden dan voltooiing.",
                          "inburgering beeindigen 1001 --datum 2027-01-10 --reden left_country");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van beeindiging");
    c->add_option("--reden", *reason, "reden: " + names_of<EndReason>())->required();
    c->callback([&ctx, id, on, reason] {
      const Date d = date_option(*on, "--datum");
      const auto r = from_string<EndReason>(*reason, "--reden");
      ctx.change(*id, "beeindigen", "traject beeindigd", "trajectory ended",
                 [&](Trajectory& t) { t.end(d, r); });
    });
  }

  // ---- sleutel-maken -------------------------------------------------------------------------
  {
    auto file = std::make_shared<std::string>();
    auto* c = add_command(
        app, "sleutel-maken", "make-key",
        "Maak een ondertekeningssleutel (Ed25519) voor overdrachtsdossiers. Het bestand krijgt "
        "alleen leesrechten voor de eigenaar; geef de publieke sleutel aan de ontvangende "
        "gemeenten.",
        "inburgering sleutel-maken --bestand utrecht.key");
    c->add_option("--bestand", *file, "nieuw sleutelbestand")->required();
    c->callback([&ctx, file] {
      NewPrivateFile out(*file, "--bestand");
      const auto key = transfer::SigningKey::generate();
      out.write(key.seed_hex() + "\n");
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "key"},
                        {"public_key", key.public_key().to_hex()}});
        return;
      }
      ctx.out << ctx.t("Sleutel opgeslagen in ", "Key stored in ") << *file << "\n"
              << ctx.t("Publieke sleutel: ", "Public key: ") << key.public_key().to_hex() << "\n";
    });
  }

  // ---- verhuizing-uit ------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string to, on, dossier, key;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "verhuizing-uit", "move-out",
        "De persoon verhuisde naar een andere gemeente (Wi 15.4, 35.4): het traject wordt "
        "overgedragen (daarna alleen-lezen) en het overdrachtsdossier wordt geschreven, "
        "ondertekend met --sleutel.",
        "inburgering verhuizing-uit 1001 --naar 0307 --datum 2027-01-31 --dossier "
        "1001.dossier --sleutel utrecht.key");
    add_id(c, a->id);
    c->add_option("--naar", a->to, "CBS-code van de nieuwe gemeente")->required();
    add_date(c, "--datum", a->on, "dag van de verhuizing");
    c->add_option("--dossier", a->dossier, "nieuw bestand voor het dossier")->required();
    c->add_option("--sleutel", a->key, "sleutelbestand (sleutel-maken); zonder: niet ondertekend");
    c->callback([&ctx, a] {
      const MunicipalityCode to = municipality_option(a->to, "--naar");
      const Date moved = date_option(a->on, "--datum");
      std::optional<transfer::SigningKey> key;
      if (!a->key.empty()) {
        key = transfer::SigningKey::from_seed_hex(trim(read_file(a->key, "--sleutel", 1024)));
      }
      auto& store = ctx.store();
      const storage::Actor me = ctx.actor();
      // The file is created before the store changes: a dossier that cannot be written is
      // refused before the trajectory is marked transferred.
      NewPrivateFile out(a->dossier, "--dossier");
      out.write(store.export_transfer(me, TrajectoryId(a->id), to, moved, key ? &*key : nullptr));
      if (ctx.globals.json) {
        ctx.print_json({{"schema", "inburgering-cli"},
                        {"version", kJsonOutputVersion},
                        {"kind", "move_out"},
                        {"trajectory", a->id},
                        {"to", to.to_string()},
                        {"dossier_file", a->dossier},
                        {"signed", key.has_value()}});
        return;
      }
      ctx.out << ctx.t("Traject ", "Trajectory ") << a->id
              << ctx.t(" overgedragen aan gemeente ", " transferred to municipality ")
              << to.to_string() << "; " << ctx.t("dossier in ", "dossier in ") << a->dossier
              << (key ? ctx.t(" (ondertekend)", " (signed)")
                      : ctx.t(" (niet ondertekend)", " (not signed)"))
              << "\n";
    });
  }

  // ---- verhuizing-in -------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string dossier, brp, caseworker;
      std::vector<std::string> trusted;
      bool unsigned_ok = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "verhuizing-in", "move-in",
        "Neem het traject over van de gemeente waar de persoon vandaan kwam, uit het "
        "overdrachtsdossier (Wi 15.4, 35.4). Een dossier moet ondertekend zijn door een "
        "vertrouwde afzender (--vertrouwd), tenzij --zonder-handtekening.",
        "inburgering verhuizing-in --dossier 1001.dossier --brp 2027-02-03 \\\n"
        "    --vertrouwd 0344:<publieke sleutel van Utrecht>");
    c->add_option("--dossier", a->dossier, "het dossierbestand")->required();
    add_date(c, "--brp", a->brp, "inschrijving in de BRP van deze gemeente");
    c->add_option("--id", a->id, "nieuw trajectnummer; standaard het volgende vrije");
    c->add_option("--klantmanager", a->caseworker, "klantmanager; standaard de gebruiker");
    c->add_option("--vertrouwd", a->trusted,
                  "vertrouwde afzender gemeentecode:publieke-sleutel-hex (herhaalbaar)");
    c->add_flag("--zonder-handtekening", a->unsigned_ok,
                "neem ook een niet-ondertekend dossier aan (alleen bij overdracht buiten "
                "elektronisch verkeer om)");
    c->callback([&ctx, a] {
      const Date brp = date_option(a->brp, "--brp");
      transfer::ImportOptions options;
      options.require_signature = !a->unsigned_ok;
      for (const auto& text : a->trusted) {
        const auto f = split_fields(text, 2, "--vertrouwd", "gemeentecode:sleutel");
        options.trusted_senders.emplace(municipality_option(f[0], "--vertrouwd (gemeentecode)"),
                                        transfer::PublicKey::from_hex(f[1]));
      }
      const std::string dossier = read_file(a->dossier, "--dossier", transfer::kMaxDossierBytes);
      const storage::Actor me = ctx.actor();
      if (a->id < 0)
        throw ValidationError("--id", "a positive trajectory id", std::to_string(a->id));
      const UserId caseworker = a->caseworker.empty() ? me.user : UserId(a->caseworker);
      // What can be checked without the store is checked before an id is reserved: the
      // dossier's form and signature, its recipient and the rules of the takeover. (Only a
      // dossier imported before is refused after the reservation, which then uses up an id.)
      const transfer::ReadDossier read = transfer::read_dossier(dossier, options);
      if (read.info.to != me.municipality) {
        throw transfer::DossierError(transfer::DossierProblem::kWrongRecipient,
                                     "the dossier is for municipality " + read.info.to.to_string());
      }
      (void)Trajectory::receive_transfer(read.source, TrajectoryId(1), me.municipality, caseworker,
                                         brp, Policy{});
      auto& store = ctx.store(/*create_if_missing=*/true);
      const TrajectoryId id = a->id > 0 ? TrajectoryId(a->id) : store.reserve_id(me);
      const Trajectory t = store.import_transfer(me, dossier, id, caseworker, brp, options);
      const auto signals = t.signals(ctx.today());
      if (ctx.globals.json) {
        ctx.print_json(change_json("verhuizing-in", t, ctx.today()));
        return;
      }
      ctx.out << ctx.t("Traject ", "Trajectory ") << id.value()
              << ctx.t(" overgenomen van gemeente ", " taken over from municipality ")
              << t.record().transfer_in->from.to_string() << " (" << ctx.label(t.state()) << ")\n";
      for (const auto& s : signals) ctx.out << "  " << signal_line(ctx, s) << "\n";
    });
  }
}

}  // namespace inburgering::cli
