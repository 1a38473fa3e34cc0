// The broad intake (Wi 14; Bi 5.2): invitations, topics, the learnability test, completion.

#include "cli.hpp"

namespace inburgering::cli {

void add_intake_commands(CLI::App& app, Context& ctx) {
  // ---- uitnodigen ----------------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto sent = std::make_shared<std::string>();
    auto by = std::make_shared<std::string>();
    auto* c = add_command(app, "uitnodigen", "invite",
                          "Nodig uit voor de brede intake (Wi 14.1). Een uitnodiging na een "
                          "mislukte krijgt vanzelf de schriftelijke waarschuwing.",
                          "inburgering uitnodigen 1001 --verzonden 2026-10-06 --reageren-voor "
                          "2026-10-16");
    add_id(c, *id);
    add_date(c, "--verzonden", *sent, "dag van verzending");
    add_date(c, "--reageren-voor", *by, "uiterste dag van reageren of verschijnen");
    c->callback([&ctx, id, sent, by] {
      const Date s = date_option(*sent, "--verzonden");
      const Date b = date_option(*by, "--reageren-voor");
      ctx.change(*id, "uitnodigen", "uitgenodigd voor de brede intake", "invited to the intake",
                 [&](Trajectory& t) { t.invite_to_intake(s, b); });
    });
  }

  // ---- uitnodiging-uitkomst ------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto outcome = std::make_shared<std::string>();
    auto* c = add_command(app, "uitnodiging-uitkomst", "invitation-outcome",
                          "Wat er van de openstaande uitnodiging kwam (Wi 14.1-2, 22).",
                          "inburgering uitnodiging-uitkomst 1001 --uitkomst attended");
    add_id(c, *id);
    c->add_option("--uitkomst", *outcome, "uitkomst: attended, no_show, insufficient_cooperation")
        ->required();
    c->callback([&ctx, id, outcome] {
      const auto o = from_string<InvitationOutcome>(*outcome, "--uitkomst");
      ctx.change(*id, "uitnodiging-uitkomst", "uitkomst van de uitnodiging vastgelegd",
                 "invitation outcome recorded",
                 [&](Trajectory& t) { t.record_invitation_outcome(o); });
    });
  }

  // ---- intake-onderwerp ----------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string topic, notes, on;
      bool not_applicable = false;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "intake-onderwerp", "intake-topic",
        "Leg een onderwerp van de brede intake vast (Bi 5.2.3). Het onderwerp health is een "
        "bijzonder persoonsgegeven (Wi 37): alleen voor rollen die dat mogen.",
        "inburgering intake-onderwerp 1001 --onderwerp education_and_work --datum 2026-10-16 \\\n"
        "    --notities \"mbo-diploma in herkomstland\"");
    add_id(c, a->id);
    c->add_option("--onderwerp", a->topic, "onderwerp: " + names_of<IntakeTopic>())->required();
    add_date(c, "--datum", a->on, "dag van het gesprek");
    c->add_option("--notities", a->notes, "wat besproken is");
    c->add_flag("--niet-van-toepassing", a->not_applicable, "het onderwerp is niet van toepassing");
    c->callback([&ctx, a] {
      const auto topic = from_string<IntakeTopic>(a->topic, "--onderwerp");
      const TopicRecord record{a->notes, date_option(a->on, "--datum"), a->not_applicable};
      ctx.change(a->id, "intake-onderwerp", "intakeonderwerp vastgelegd", "intake topic recorded",
                 [&](Trajectory& t) { t.record_intake_topic(topic, record); },
                 {.with_health = is_special_category(topic)});
    });
  }

  // ---- leerbaarheidstoets --------------------------------------------------------------------
  {
    struct Args {
      std::int64_t id = 0;
      std::string on, reason, ground;
      std::optional<int> score;
    };
    auto a = std::make_shared<Args>();
    auto* c = add_command(
        app, "leerbaarheidstoets", "learnability-test",
        "Leg de leerbaarheidstoets vast (Wi 14.3.a) met --score, of de ontheffing ervan (Wi 14.6) "
        "met --ontheffing-grond en --ontheffing-reden.",
        "inburgering leerbaarheidstoets 1001 --datum 2026-10-16 --score 31");
    add_id(c, a->id);
    add_date(c, "--datum", a->on, "dag van de toets");
    c->add_option("--score", a->score, "score (0 tot en met 40)");
    c->add_option("--ontheffing-grond", a->ground,
                  "grond van ontheffing: " + names_of<LearnabilityDispensationGround>());
    c->add_option("--ontheffing-reden", a->reason, "reden van ontheffing");
    c->callback([&ctx, a] {
      LearnabilityTest test;
      test.taken_on = date_option(a->on, "--datum");
      test.score = a->score;
      if (!a->ground.empty()) {
        test.dispensation_ground =
            from_string<LearnabilityDispensationGround>(a->ground, "--ontheffing-grond");
      }
      if (!a->reason.empty()) test.dispensation_reason = a->reason;
      ctx.change(a->id, "leerbaarheidstoets", "leerbaarheidstoets vastgelegd",
                 "learnability test recorded",
                 [&](Trajectory& t) { t.record_learnability_test(test); },
                 {.with_health = test.dispensation_ground.has_value()});
    });
  }

  // ---- geinformeerd-alleen, onderwijswens ----------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = add_command(app, "geinformeerd-alleen", "informed-attend-alone",
                          "De persoon is verteld dat de gesprekken alleen gevoerd mogen worden "
                          "(Bi 5.2.2).",
                          "inburgering geinformeerd-alleen 1001");
    add_id(c, *id);
    c->callback([&ctx, id] {
      ctx.change(*id, "geinformeerd-alleen", "vastgelegd dat de persoon is geïnformeerd",
                 "recorded that the person was informed",
                 [](Trajectory& t) { t.record_informed_may_attend_alone(); });
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = add_command(app, "onderwijswens", "education-wish",
                          "De persoon wil een beroeps- of hogere opleiding volgen (Wi 8.1): "
                          "voorwaarde van de onderwijsroute. Voor de eerste PIP.",
                          "inburgering onderwijswens 1001");
    add_id(c, *id);
    c->callback([&ctx, id] {
      ctx.change(*id, "onderwijswens", "onderwijswens vastgelegd", "education wish recorded",
                 [](Trajectory& t) { t.record_education_wish(); });
    });
  }

  // ---- intake-afronden -----------------------------------------------------------------------
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto without = std::make_shared<bool>(false);
    auto* c = add_command(app, "intake-afronden", "complete-intake",
                          "Rond de brede intake af (Wi 14); met --zonder-deelnemer na "
                          "herhaaldelijk niet verschijnen (Wi 14.2).",
                          "inburgering intake-afronden 1001 --datum 2026-10-23");
    add_id(c, *id);
    add_date(c, "--datum", *on, "dag van afronding");
    c->add_flag("--zonder-deelnemer", *without, "zonder de persoon (Wi 14.2)");
    c->callback([&ctx, id, on, without] {
      const Date d = date_option(*on, "--datum");
      ctx.change(*id, "intake-afronden", "brede intake afgerond", "intake completed",
                 [&](Trajectory& t) {
                   if (*without) {
                     t.complete_intake_without_participant(d);
                   } else {
                     t.complete_intake(d);
                   }
                 });
    });
  }
}

}  // namespace inburgering::cli
