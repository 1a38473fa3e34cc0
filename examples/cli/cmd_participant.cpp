// Participant and obligation: register a person from DUO's notice, the BRP registration,
// third-party information, exemptions and dispensations, residence procedures, and the social
// guidance of an asylum permit holder.

#include "cli.hpp"

namespace inburgering::cli {

namespace {

std::set<ExamPart> parts_option(const std::vector<std::string>& names, std::string_view option) {
  std::set<ExamPart> parts;
  for (const auto& name : names) parts.insert(from_string<ExamPart>(name, option));
  return parts;
}

}  // namespace

void add_participant_commands(CLI::App& app, Context& ctx) {
  // ---- registreer ----------------------------------------------------------------------------
  struct Register {
    std::int64_t id = 0;
    std::string bsn, given, family, born, group, permit = "temporary_asylum", notice, brp, on;
    std::string caseworker;
    bool young_children = false;
  };
  auto r = std::make_shared<Register>();
  auto* reg = add_command(
      app, "registreer", "register",
      "Registreer een inburgeringsplichtige (Wi 3) op de kennisgeving van DUO (Bi 5.3.1). "
      "Maakt het databasebestand aan als het nog niet bestaat.",
      "inburgering registreer --bsn 999990019 --voornamen Amal --achternaam Haddad \\\n"
      "    --geboren 1990-05-17 --doelgroep asylum_permit_holder --kennisgeving 2026-10-01");
  reg->add_option("--id", r->id, "trajectnummer; standaard het volgende vrije nummer");
  reg->add_option("--bsn", r->bsn, "burgerservicenummer (elfproef)")->required();
  reg->add_option("--voornamen", r->given, "voornamen")->required();
  reg->add_option("--achternaam", r->family, "achternaam")->required();
  add_date(reg, "--geboren", r->born, "geboortedatum");
  reg->add_option("--doelgroep", r->group, "doelgroep: " + names_of<TargetGroup>())->required();
  reg->add_option("--verblijfsvergunning", r->permit,
                  "verblijfsvergunning: " + names_of<ResidencePermit>());
  add_date(reg, "--kennisgeving", r->notice, "datum van de kennisgeving van DUO");
  add_date(reg, "--brp", r->brp, "inschrijving in de BRP van deze gemeente (Bi 5.3.1)", false);
  add_date(reg, "--geregistreerd", r->on,
           "dag van registratie in dit systeem; standaard --today (bij het naregistreren van "
           "een lopend traject eerder)",
           false);
  reg->add_option("--klantmanager", r->caseworker,
                  "verantwoordelijke klantmanager; standaard de gebruiker (--user)");
  reg->add_flag("--jonge-kinderen", r->young_children,
                "heeft kinderen van 0 tot 4 jaar (VVE, Bi 5.2.3)");
  reg->callback([&ctx, r] {
    auto& store = ctx.store(/*create_if_missing=*/true);
    const storage::Actor me = ctx.actor();
    const Date today = ctx.today();
    Participant person{.bsn = bsn_option(r->bsn)};
    person.given_names = r->given;
    person.family_name = r->family;
    person.birth_date = date_option(r->born, "--geboren");
    person.target_group = from_string<TargetGroup>(r->group, "--doelgroep");
    person.permit = from_string<ResidencePermit>(r->permit, "--verblijfsvergunning");
    person.has_young_children = r->young_children;
    Obligation obligation;
    obligation.duo_notice_date = date_option(r->notice, "--kennisgeving");
    if (!r->brp.empty()) obligation.brp_registration_date = date_option(r->brp, "--brp");
    if (r->id < 0) throw ValidationError("--id", "a positive trajectory id", std::to_string(r->id));
    const UserId caseworker = r->caseworker.empty() ? me.user : UserId(r->caseworker);
    const Date registered = r->on.empty() ? today : date_option(r->on, "--geregistreerd");
    // Every rule is checked before an id is reserved (a reservation is never handed out again).
    (void)Trajectory::open(TrajectoryId(1), me.municipality, caseworker, person, obligation,
                           registered);
    const TrajectoryId id = r->id > 0 ? TrajectoryId(r->id) : store.reserve_id(me);
    person.id = ParticipantId(id.value());
    Trajectory t = Trajectory::open(id, me.municipality, caseworker, std::move(person),
                                    std::move(obligation), registered);
    store.create(me, t);
    if (ctx.globals.json) {
      ctx.print_json(change_json("registreer", t, today));
      return;
    }
    ctx.out << ctx.t("Traject ", "Trajectory ") << id.value()
            << ctx.t(" geregistreerd voor ", " registered for ") << initials(t.participant())
            << " (BSN " << t.participant().bsn.masked() << ", "
            << ctx.label(t.participant().target_group) << ")\n";
    for (const auto& s : t.signals(today)) ctx.out << "  " << signal_line(ctx, s) << "\n";
  });

  // ---- brp-inschrijving ----------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto* c = add_command(app, "brp-inschrijving", "brp-registration",
                          "Leg de inschrijving in de BRP van deze gemeente vast (Bi 5.3.1).",
                          "inburgering brp-inschrijving 1001 --datum 2026-10-05");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van inschrijving");
    c->callback([&ctx, id, on] {
      const Date d = date_option(*on, "--datum");
      ctx.change(*id, "brp-inschrijving", "BRP-inschrijving vastgelegd",
                 "BRP registration recorded", [&](Trajectory& t) { t.record_brp_registration(d); });
    });
  }

  // ---- informatie-derden ---------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto received = std::make_shared<bool>(false);
    auto* c = add_command(
        app, "informatie-derden", "third-party-info",
        "Informatie van derden opgevraagd (of met --ontvangen: binnen): de PIP-termijn wacht "
        "(Bi 5.3.2).",
        "inburgering informatie-derden 1001 --datum 2026-10-20 [--ontvangen]");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van het verzoek (of van ontvangst)");
    c->add_flag("--ontvangen", *received, "de informatie is ontvangen");
    c->callback([&ctx, id, on, received] {
      const Date d = date_option(*on, "--datum");
      if (*received) {
        ctx.change(*id, "informatie-derden", "informatie van derden ontvangen",
                   "third-party information received",
                   [&](Trajectory& t) { t.record_third_party_info_received(d); });
      } else {
        ctx.change(*id, "informatie-derden", "informatie van derden opgevraagd",
                   "third-party information requested",
                   [&](Trajectory& t) { t.record_third_party_info_requested(d); });
      }
    });
  }

  // ---- vrijstelling --------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string ground, on;
      std::vector<std::string> parts;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(app, "vrijstelling", "exemption",
                          "Leg de vrijstelling van DUO vast (Wi 4, 7.3); zonder --onderdeel geheel "
                          "(het traject eindigt).",
                          "inburgering vrijstelling 1001 --grond dutch_diploma --datum 2026-11-01");
    add_id(c, a->id);
    c->add_option("--grond", a->ground, "grond: " + names_of<ExemptionGround>())->required();
    add_date(c, "--datum", a->on, "dag van het besluit");
    c->add_option("--onderdeel", a->parts,
                  "vrijgesteld onderdeel (herhaalbaar): " + names_of<ExamPart>());
    c->callback([&ctx, a] {
      Exemption e;
      e.ground = from_string<ExemptionGround>(a->ground, "--grond");
      e.decided_on = date_option(a->on, "--datum");
      e.parts = parts_option(a->parts, "--onderdeel");
      ctx.change(a->id, "vrijstelling", "vrijstelling vastgelegd", "exemption recorded",
                 [&](Trajectory& t) { t.record_exemption(e); });
    });
  }

  // ---- ontheffing ----------------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string ground, on, advice;
      std::vector<std::string> parts;
      bool ex_officio = false, z_participation = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "ontheffing", "dispensation",
        "Leg de ontheffing van DUO vast (Wi 5); zonder --onderdeel geheel (het traject eindigt). "
        "De grond en het advies zijn gezondheidsgegevens (Wi 37): alleen voor rollen die die mogen "
        "lezen.",
        "inburgering ontheffing 1001 --grond medical --datum 2026-11-01 --onderdeel speaking");
    add_id(c, a->id);
    c->add_option("--grond", a->ground, "grond: " + names_of<DispensationGround>())->required();
    add_date(c, "--datum", a->on, "dag van het besluit");
    c->add_option("--onderdeel", a->parts, "onderdeel (herhaalbaar): " + names_of<ExamPart>());
    c->add_option("--advies", a->advice, "advies van het college aan DUO");
    c->add_flag("--ambtshalve", a->ex_officio, "ambtshalve verleend (Wi 5.2)");
    c->add_flag("--z-participatie", a->z_participation,
                "ontheffing van de participatie-uren van de Z-route");
    c->callback([&ctx, a] {
      Dispensation d;
      d.ground = from_string<DispensationGround>(a->ground, "--grond");
      d.decided_on = date_option(a->on, "--datum");
      d.parts = parts_option(a->parts, "--onderdeel");
      d.college_advice = a->advice;
      d.ex_officio = a->ex_officio;
      d.z_route_participation = a->z_participation;
      ctx.change(a->id, "ontheffing", "ontheffing vastgelegd", "dispensation recorded",
                 [&](Trajectory& t) { t.record_dispensation(d); }, {.with_health = true});
    });
  }

  // ---- verblijfsprocedure --------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto kind = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto decided = std::make_shared<std::string>();
    auto granted = std::make_shared<bool>(false);
    auto* c = add_command(
        app, "verblijfsprocedure", "residence-procedure",
        "Een verblijfsprocedure loopt (Bi 2.1, eerste lid; Vw 8.g-h), of met --besluit: is "
        "beslist.",
        "inburgering verblijfsprocedure 1001 --soort application --datum 2026-11-01\n"
        "  inburgering verblijfsprocedure 1001 --besluit 2027-02-01 --verleend");
    add_id(c, *id);
    auto* kind_option =
        c->add_option("--soort", *kind, "soort: " + names_of<ResidenceProcedureKind>());
    auto* started = add_date(c, "--datum", *on, "begin van de procedure", false);
    auto* decision = add_date(c, "--besluit", *decided, "dag van het besluit", false);
    c->add_flag("--verleend", *granted, "de vergunning is verleend (bij --besluit)")
        ->needs(decision);
    decision->excludes(kind_option);
    decision->excludes(started);
    c->callback([&ctx, id, kind, on, decided, granted] {
      if (!decided->empty()) {
        const Date d = date_option(*decided, "--besluit");
        ctx.change(*id, "verblijfsprocedure", "besluit in verblijfsprocedure vastgelegd",
                   "residence decision recorded",
                   [&](Trajectory& t) { t.record_residence_decision(d, *granted); });
        return;
      }
      if (kind->empty() || on->empty()) {
        throw ValidationError("--soort/--datum", "both are needed to record a procedure",
                              "missing");
      }
      const auto k = from_string<ResidenceProcedureKind>(*kind, "--soort");
      const Date d = date_option(*on, "--datum");
      ctx.change(*id, "verblijfsprocedure", "verblijfsprocedure vastgelegd",
                 "residence procedure recorded",
                 [&](Trajectory& t) { t.record_residence_procedure(k, d); });
    });
  }

  // ---- begeleiding ---------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto component = std::make_shared<std::string>();
    auto* c = add_command(
        app, "begeleiding", "social-guidance",
        "Maatschappelijke begeleiding (Wi 13; Bi 5.1): zonder --onderdeel het begin, met "
        "--onderdeel de eerste dag van dat onderdeel.",
        "inburgering begeleiding 1001 --datum 2026-10-05 [--onderdeel practical_help]");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag");
    c->add_option("--onderdeel", *component, "onderdeel: " + names_of<SocialGuidanceComponent>());
    c->callback([&ctx, id, on, component] {
      const Date d = date_option(*on, "--datum");
      if (component->empty()) {
        ctx.change(*id, "begeleiding", "maatschappelijke begeleiding begonnen",
                   "social guidance started", [&](Trajectory& t) { t.start_social_guidance(d); });
        return;
      }
      const auto k = from_string<SocialGuidanceComponent>(*component, "--onderdeel");
      ctx.change(*id, "begeleiding", "onderdeel van de begeleiding vastgelegd",
                 "guidance component recorded",
                 [&](Trajectory& t) { t.record_social_guidance_component(k, d); });
    });
  }
}

}  // namespace inburgering::cli
