#pragma once
/// @file policy.hpp
/// Every number the law sets, as a named field with its legal default and the article that
/// sets it (as leveldb's `Options`). Fields marked *statutory* follow the law and change only
/// when the law does; fields marked *municipal choice* are what a college may decide itself,
/// within the bounds `validate()` checks. Abbreviations: Wi = Wet inburgering 2021, Bi =
/// Besluit inburgering 2021, Pw = Participatiewet, Wi2013 = the previous law.
///
/// A `Trajectory` keeps a copy of the policy it runs under; the integration term keeps the
/// length it started with, so a later change of law does not rewrite a running term.

#include "inburgering/export.hpp"
#include "inburgering/money.hpp"

namespace inburgering {

/// Statutory. Months of financial unburdening (ontzorgen) from the day the right to social
/// assistance arises (Pw 56a.2: "gedurende een periode van zes maanden").
inline constexpr int kStatutoryUnburdeningMonths = 6;

/// The highest fines the Act allows (Wi 26.1): no policy may set more.
inline constexpr long long kWi26MaxIntakeFineCents = 250'00;       ///< Wi 26.1.a (Wi 22)
inline constexpr long long kWi26MaxPvtMapFineCents = 340'00;       ///< Wi 26.1.b (Wi 24)
inline constexpr long long kWi26MaxCooperationFineCents = 800'00;  ///< Wi 26.1.c (Wi 23)
inline constexpr long long kWi26MaxRouteFineCents = 1000'00;       ///< Wi 26.1.d (Wi 25)

struct INBURGERING_EXPORT Policy {
  // ---- Who is obliged (Wi 3) -------------------------------------------------------------
  /// Statutory. Minimum age for the obligation, in years (Wi 3.1: 16, not 18).
  int minimum_age_years = 16;
  // The obligation ends at the state-pension age (Wi 3.1), which depends on the date of birth
  // (AOW 7a): see state_pension_age.hpp. It is law, not a policy number.

  // ---- Integration term (Wi 11, 12; Bi 4) ------------------------------------------------
  /// Statutory. Length of the inburgeringstermijn in months (Wi 11.1: 3 years).
  int term_months = 36;
  /// Statutory. Extension for substantial efforts (aanzienlijke inspanningen), in months
  /// (Wi 12.1.b; Bi 4.4.1: 6 months).
  int substantial_efforts_extension_months = 6;
  /// Statutory. An extension may be requested, and DUO may extend on its own initiative in an
  /// individual case, no earlier than this many months before the term ends (Bi 4.5.1-2).
  int extension_request_window_months = 6;
  /// Statutory. DUO decides on a request for extension within this many weeks of receiving it
  /// (Bi 4.5.1); after that the request shows as overdue.
  int extension_decision_weeks = 8;
  /// Statutory. An interruption between two periods of obligation (not a BRP resident, a stay
  /// for a temporary purpose, a minister of religion's work interrupted; Bi 2.1.2) lengthens the
  /// term by its duration (Bi 4.2), at most this many days. Bi 2.1.2 allows "maximaal een
  /// jaar": an interruption longer than one calendar year (period rule) is refused, since the
  /// obligation then ended; a year has 365 or 366 days, so the count is bounded by 366.
  int max_interruption_days = 366;
  /// Statutory. Substantial efforts: at least this many of the four language exams passed
  /// (Bi 4.4.2).
  int substantial_efforts_min_language_parts = 2;
  /// Statutory. Substantial efforts for family migrants and other migrants: at least this many
  /// hours of language or KNM lessons (Bi 4.4.3), counted from the PIP (Bi 5.3.5).
  int substantial_efforts_family_migrant_hours = 450;

  // ---- Broad intake (Wi 14; Bi 5.2) -------------------------------------------------------
  /// Statutory. After this many invitations without attendance the college completes the
  /// intake without the person (Wi 14.2).
  int intake_invitations_before_absent_completion = 3;
  /// Highest possible learnability-test (leerbaarheidstoets) score (Wi 14.3.a; DUO).
  int learnability_max_score = 40;
  /// Pass mark of the learnability test: at or above it the B1-route is feasible. Lowered from
  /// 31 to 28 of 40 on 12-04-2023 (DUO/Divosa). The college may deviate with reasons.
  int learnability_pass_mark = 28;

  // ---- PIP (Wi 15, 17; Bi 5.3) ------------------------------------------------------------
  /// Statutory. The first PIP is due this many weeks after DUO's written notice, or after BRP
  /// registration in the housing municipality if later (Bi 5.3.1); after a move, this many
  /// weeks after registration in the new municipality (Bi 5.3.3).
  int pip_deadline_weeks = 10;
  /// Statutory. When waiting for third-party information, the PIP is due at most this many
  /// weeks after it is received (Bi 5.3.2).
  int pip_third_party_extension_weeks = 2;
  /// Municipal choice. Minimum number of progress interviews a PIP fixes (Bi 5.3.4 leaves the
  /// number to the PIP; Wi 17.1 requires "sufficient view" of progress, hence at least one).
  int min_progress_interviews = 1;
  /// Statutory. A route switch is possible until this many months after the term starts
  /// (Wi 17.2; Bi 5.4: 1.5 years), except from the education route to the B1-route.
  int route_switch_window_months = 18;

  // ---- Routes and components (Wi 6-9; Bi 3) -----------------------------------------------
  /// Statutory. Minimum hours of the participation-statement trajectory (PVT) (Bi 3.1).
  int pvt_min_hours = 12;
  /// MAP hour norm. The norm is in the Regeling inburgering 2021, which was not read
  /// (shared/domain/wi2021.md: "≥64 hours" is unverified), so by default the MAP is complete
  /// on its final interview alone. A municipality that follows the Regeling sets it here.
  int map_min_hours = 0;
  /// Statutory. NT2 course hours at a keurmerk provider before exam parts may be scaled down
  /// to A2 (afschalen; Wi 17.3; Bi 5.5). Hours before the PIP count (Bi 5.5.2).
  int scale_down_min_course_hours = 600;
  /// Statutory. Z-route course hours (NT2 + KNM) (Bi 3.14).
  int z_route_course_hours = 800;
  /// Statutory. Z-route participation hours for asylum permit holders; MAP and PVT hours count
  /// towards it (Bi 3.14).
  int z_route_participation_hours = 800;

  // ---- Unburdening (Pw 56a, 57) -----------------------------------------------------------
  /// Statutory. Months of financial unburdening (ontzorgen) from the day the right to social
  /// assistance arises (Pw 56a.2: six months). Not a municipal choice: a longer period is decided
  /// per person, for as long as there are sound reasons (Pw 57; `extend_unburdening`).
  /// `validate()` requires `kStatutoryUnburdeningMonths`; a policy stored by 0.2 with a longer
  /// period still loads (`validate_stored`), and unburdening started under it keeps its months.
  int unburdening_months = 6;

  // ---- Sanctions (Wi 22-27; Bi 7) ---------------------------------------------------------
  /// Statutory. Fine for not appearing at or not cooperating with the broad intake or the
  /// learnability test (Wi 22; amount Bi 7.1.1; at most € 250 by Wi 26.1.a).
  Money intake_fine = Money::euros(250);
  /// Statutory. How many intake fines at most: Wi 22.1 (after the repeated invitation) and
  /// Wi 22.3 (after the new term the first fine set) give two.
  int intake_fine_max_count = 2;
  /// Statutory. The intake fine's decision sets a new term of at most this many months within
  /// which the person is still expected to appear or cooperate (Wi 22.2).
  int intake_fine_new_term_months = 2;
  /// Statutory. First fine for not cooperating with guidance or intensities (Wi 23; Bi 7.1.2).
  Money cooperation_fine_base = Money::euros(50);
  /// Statutory. The cooperation fine doubles when an earlier cooperation violation was
  /// established within this many months before the day the new one is established, and its
  /// fine has become irrevocable (Bi 7.1.3).
  int cooperation_fine_repeat_months = 12;
  /// Statutory. The cooperation fine never exceeds this amount before culpability (Bi 7.1.3;
  /// Wi 26.1.c).
  Money cooperation_fine_max = Money::euros(800);
  /// Statutory. Culpability percentages for the cooperation fine (Bi 7.1.4).
  int culpability_intent_percent = 100;
  int culpability_gross_negligence_percent = 75;
  int culpability_ordinary_percent = 50;
  int culpability_reduced_percent = 25;
  /// Statutory. Cap on Wi 22 and Wi 23 fines together per term (Bi 7.1.5).
  Money municipal_fine_cap_per_term = Money::euros(2400);
  /// Statutory. Cap per half year of a new term set after a DUO fine (Bi 7.1.5: 0.5/1/1.5/2
  /// years → €400/800/1,200/1,600).
  Money municipal_fine_cap_per_new_term_half_year = Money::euros(400);
  /// Statutory. DUO fine for PVT or MAP not completed in time (Wi 24; amount Bi 7.2.1;
  /// Wi 26.1.b).
  Money duo_pvt_map_fine = Money::euros(340);
  /// Statutory. Maximum DUO fine for a learning route not achieved in time (Wi 25; Wi 26.1.d).
  Money duo_route_fine_max = Money::euros(1000);

  // ---- Data (Bi 9.9) ----------------------------------------------------------------------
  /// Statutory. Personal data is deleted this many years after the obligation ends (Bi 9.9).
  int retention_years = 5;

  // ---- Signals (municipal choice; not set by law) -----------------------------------------
  /// Signal "no hours reported" after this many weeks without attendance.
  int no_hours_signal_weeks = 4;
  /// Signal "route-switch window closing" this many months before the window ends.
  int route_switch_signal_lead_months = 3;
  /// Signal "unburdening ending" this many weeks before the period ends.
  int unburdening_signal_lead_weeks = 6;
  /// Signal "PIP deadline" this many weeks before the deadline (and whenever it has passed).
  int pip_deadline_signal_lead_weeks = 4;
  /// Signal "interview due" this many weeks before a scheduled progress interview.
  int interview_signal_lead_weeks = 2;

  /// Checks that every field is in range, every municipal choice respects the law, and every
  /// statutory field holds its legal value (the default; the message names the article): a
  /// college cannot choose those. For every policy that enters the library (`Trajectory::open`,
  /// `adopt_policy`, `receive_transfer`). A policy stored by an older version is checked with
  /// `validate_stored` only. @throws ValidationError naming the first field that is out of
  /// bounds.
  void validate() const;
  /// The part of `validate()` that a fine depends on: the Act's maxima (Wi 26.1), the intake
  /// fines of Wi 22 and the statutory amounts, percentages and caps of Bi 7.1-7.2. Checked on
  /// every fine, also under a policy stored by an older version (whose other numbers a
  /// trajectory keeps). @throws ValidationError naming the field and the article.
  void validate_sanctions() const;
  /// The bounds a stored policy keeps (what library 0.2 accepted): checked when a record is
  /// restored, so a record stored under a policy above the Act's maxima still loads; such a
  /// policy must be corrected with `adopt_policy` before new acts. @throws ValidationError.
  void validate_stored() const;

  friend bool operator==(const Policy&, const Policy&) = default;
};

}  // namespace inburgering
