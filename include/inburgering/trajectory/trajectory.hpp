#pragma once
/// @file trajectory.hpp
/// The integration trajectory (inburgeringstraject) of one person in one municipality: the
/// aggregate that holds the participant, obligation, intake, PIP versions, route progress,
/// unburdening and fines, and guards every rule of the Wi 2021 that joins them.
///
/// Design: the whole state is one plain `TrajectoryRecord`, readable through `record()` and
/// restorable through `Trajectory::from_record()`, which re-checks every invariant. Storage and
/// serialization work on the record, so they need no access to the class's internals. All
/// changes go through `Trajectory`'s member functions; each checks its rule first and changes
/// nothing when it throws (strong guarantee). Not thread-safe: one writer at a time.
///
/// **Which policy a trajectory runs under.** The trajectory owns its policy: it is part of the
/// record (`TrajectoryRecord::policy`), set by `open` (or, after a move, by `receive_transfer`
/// from the receiving college), stored and loaded with the record, and changed only by an
/// explicit `adopt_policy`, which a store audits like any other change. No store replaces it.
/// Each act is judged by the policy of the day it is done, and keeps the numbers it was judged
/// by: a term its length, interruption limit and extension window (`IntegrationTerm`), a PIP
/// version its norms (`PlanVersion::norms`), the learnability test its scale, unburdening its
/// months. So a changed policy never makes an older record invalid, and applies to new acts only.
///
/// **Results and lifetimes.** Acts that create something return it by value. References from
/// `record()`, `participant()`, `policy()` and `current_plan()` point into this object: they stay
/// valid until the next change of this trajectory (a store's `create` and `save` change only the
/// revision).

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "inburgering/calendar.hpp"
#include "inburgering/export.hpp"
#include "inburgering/ids.hpp"
#include "inburgering/intake/broad_intake.hpp"
#include "inburgering/municipality.hpp"
#include "inburgering/participant/integration_term.hpp"
#include "inburgering/participant/obligation.hpp"
#include "inburgering/participant/participant.hpp"
#include "inburgering/plan/college_offer.hpp"
#include "inburgering/plan/personal_plan.hpp"
#include "inburgering/policy.hpp"
#include "inburgering/progress/progress_check.hpp"
#include "inburgering/progress/signal.hpp"
#include "inburgering/route/route.hpp"
#include "inburgering/route/route_rules.hpp"
#include "inburgering/sanctions/fine.hpp"
#include "inburgering/trajectory/trajectory_state.hpp"
#include "inburgering/unburdening/unburdening.hpp"

namespace inburgering {

/// The complete state of a trajectory, as plain data.
struct INBURGERING_EXPORT TrajectoryRecord {
  TrajectoryId id;
  /// The municipality the trajectory belongs to (its college is responsible, Wi 1.1).
  MunicipalityCode municipality;
  /// The responsible caseworker (klantmanager).
  UserId caseworker;
  Participant participant;
  Obligation obligation;
  TrajectoryState state = TrajectoryState::kRegistered;
  Date registered_on;
  BroadIntake intake;
  /// Every PIP version, in order of issue.
  std::vector<PlanVersion> plan_versions;
  /// Set when the first PIP is issued.
  std::optional<IntegrationTerm> term;
  std::vector<ExamResult> exam_results;
  std::vector<AttendanceEntry> attendance;
  ComponentStatus components;
  std::vector<ProgressInterview> interviews;
  /// The social guidance (Wi 13; Bi 5.1), once begun; only for a person of Wi 13.1.
  std::optional<SocialGuidance> social_guidance;
  /// The courses or education the college offered (Wi 16.1), in order; only for Wi 13.1.
  std::vector<CourseOffer> course_offers;
  std::optional<Unburdening> unburdening;
  std::vector<MunicipalFine> municipal_fines;
  std::vector<DuoFine> duo_fines;
  std::optional<TransferIn> transfer_in;
  std::optional<Closure> closure;
  /// Completions undone because DUO withdrew the diploma (Bi 3.10.3), in order.
  std::vector<DiplomaWithdrawal> withdrawn_diplomas;
  /// The policy new acts are judged by (see "Which policy a trajectory runs under" above).
  Policy policy;
  /// Optimistic-concurrency revision, maintained by a store (0: never stored). The domain
  /// model never changes it.
  std::int64_t revision = 0;

  friend bool operator==(const TrajectoryRecord&, const TrajectoryRecord&) = default;
};

namespace storage {
class TrajectoryStore;
}

class INBURGERING_EXPORT Trajectory {
 public:
  /// Registers a new trajectory on DUO's notice (state `kRegistered`), running under `policy`
  /// (the college's policy of today; the legal defaults if not given).
  /// @throws ValidationError for invalid participant, obligation or policy fields, or a zero id;
  ///         RuleViolation if the person is not obliged (Wi 3: age 16 to state-pension age,
  ///         not EU law) unless the target group is voluntary.
  static Trajectory open(TrajectoryId id, MunicipalityCode municipality, UserId caseworker,
                         Participant participant, Obligation obligation, Date registered_on,
                         Policy policy = {});

  /// Restores a trajectory from its record (e.g. loaded from storage). It runs under
  /// `record.policy`; every earlier act is checked against the numbers it kept.
  /// @throws ValidationError naming the first field of `record` that breaks an invariant.
  static Trajectory from_record(TrajectoryRecord record);

  /// Takes over a trajectory from the municipality the person moved from (Wi 15.4, 35.4):
  /// the PIP versions, term, intake, progress and fines come along; the unburdening (a decision
  /// of the old college under the Pw) does not. The term start does not change (Wi 11.3). The
  /// learnability test is not redone. If the person had a PIP, a `kMove` version is due 10
  /// weeks after `brp_registration_on` (Bi 5.3.3). The new trajectory runs under `policy`, the
  /// receiving college's; the term keeps the numbers it started with. The intake's health topic
  /// does not come along (Wi 35.4 does not name it; see `transfer::travelling_record`).
  /// @throws RuleViolation unless `source` is transferred out to `municipality`;
  ///         ValidationError for a zero id, a registration before the move, a bad policy, or a
  ///         dispensation or learnability dispensation whose values `source` holds only as a
  ///         placeholder (`special_withheld`: load the source with health information).
  static Trajectory receive_transfer(const Trajectory& source, TrajectoryId id,
                                     MunicipalityCode municipality, UserId caseworker,
                                     Date brp_registration_on, Policy policy);

  const TrajectoryRecord& record() const noexcept { return record_; }
  /// The policy new acts are judged by (`record().policy`).
  const Policy& policy() const noexcept { return record_.policy; }
  /// The optimistic-concurrency revision a store gave it (0: never stored).
  std::int64_t revision() const noexcept { return record_.revision; }

  /// Runs the trajectory under `policy` from now on: acts done after this call are judged by
  /// it; earlier acts keep the numbers they were judged by. A store audits the change field by
  /// field (`/policy/...`). This is the only way a trajectory's policy changes.
  /// @throws ValidationError if `policy` breaks a legal bound (`Policy::validate`).
  void adopt_policy(Policy policy);
  TrajectoryId id() const noexcept { return record_.id; }
  TrajectoryState state() const noexcept { return record_.state; }
  const Participant& participant() const noexcept { return record_.participant; }

  // ---- Obligation ------------------------------------------------------------------------
  /// Records the registration in the BRP of the housing municipality (Bi 5.3.1).
  void record_brp_registration(Date on);
  /// The college waits for third-party information without which the first PIP cannot
  /// reasonably be set in time (Bi 5.3.2): the deadline waits for it.
  /// @throws RuleViolation (Bi 5.3.2) when `on` is after the deadline of Bi 5.3.1 (it names
  ///         that date): information asked for too late moves nothing.
  void record_third_party_info_requested(Date on);
  /// The third-party information arrived: the PIP is due within 2 weeks if that is later.
  /// @throws RuleViolation if no request was recorded.
  void record_third_party_info_received(Date on);
  /// Records that the person obtained lawful residence under a residence procedure (an
  /// application, objection or appeal; Vw 8.g-h) directly after the period of obligation (Bi
  /// 2.1, first member): while it runs the obligation does not end, and `end` refuses
  /// `EndReason::kPermitWithdrawn`.
  /// @throws RuleViolation (Bi 2.1) while an earlier procedure runs; ValidationError for a day
  ///         before the registration or before the previous procedure was decided.
  void record_residence_procedure(ResidenceProcedureKind kind, Date started_on);
  /// Records the decision that ended the running residence procedure: a permit granted (the
  /// obligation goes on) or refused (then the trajectory may be ended, or a new objection or
  /// appeal recorded). @throws RuleViolation (Bi 2.1) when none runs; ValidationError for a day
  ///         before it began.
  void record_residence_decision(Date decided_on, bool permit_granted);
  /// Records DUO's exemption (Wi 4, 7.3). A whole exemption ends the trajectory (`kExempted`).
  void record_exemption(Exemption exemption);
  /// Records DUO's dispensation (Wi 5). A whole one ends the trajectory (`kDispensed`).
  void record_dispensation(Dispensation dispensation);

  // ---- The college's own duties to a person of Wi 13.1 (Wi 13, 16) --------------------------
  /// Records that the social guidance began (Wi 13.3: due on the day of the BRP registration).
  /// @throws RuleViolation (Wi 13.1) for a person not of Wi 13.1 (`college_provides_guidance`),
  ///         (Wi 13.3) when it already began; ValidationError for a day before the BRP
  ///         registration (or, without one, before the trajectory's registration).
  void start_social_guidance(Date on);
  /// Records the first day a component of the social guidance was given (Wi 13.2; Bi 5.1).
  /// @throws RuleViolation (Wi 13.3) before the guidance began or (Bi 5.1) when that component
  ///         is already on record; ValidationError for a day before the guidance began.
  void record_social_guidance_component(SocialGuidanceComponent component, Date on);
  /// Records the offer of a course or education for the route of the PIP in force (Wi 16.1).
  /// @throws RuleViolation (Wi 16.1) for a person not of Wi 13.1, before the first PIP, or for
  ///         another route than the PIP's; ValidationError for an empty provider or a day before
  ///         the route in force began to run here (the PIP that set it; after a move, the
  ///         registration in the new municipality).
  void record_course_offer(CourseOffer offer);

  // ---- Broad intake (Wi 14) ----------------------------------------------------------------
  /// Sends an invitation (Wi 14.1); moves `kRegistered` to `kIntake`. Invitations after a
  /// failed one carry a written warning automatically (Wi 14.1, second sentence).
  /// @throws RuleViolation if an invitation is still pending or the intake is completed.
  void invite_to_intake(Date sent_on, Date respond_by);
  /// Records what came of the pending invitation. @throws RuleViolation if none is pending.
  void record_invitation_outcome(InvitationOutcome outcome);
  /// Records a topic (Bi 5.2.3); moves `kRegistered` to `kIntake`.
  void record_intake_topic(IntakeTopic topic, TopicRecord record);
  /// Records the learnability test or dispensation from it (Wi 14.3.a, 14.6).
  void record_learnability_test(LearnabilityTest test);
  /// Records that the person was told they may hold the interviews alone (Bi 5.2.2).
  void record_informed_may_attend_alone();
  /// Records that the person indicated in the broad intake wanting to follow vocational or
  /// higher education (Wi 8.1), the condition of the education route. Before the first PIP.
  void record_education_wish();
  /// Completes the intake (→ `kPlanning`).
  /// @throws RuleViolation naming every missing required topic.
  void complete_intake(Date on);
  /// Completes the intake without the person after `intake_invitations_before_absent_completion`
  /// failed invitations in a row (Wi 14.2); topics may be missing. @throws RuleViolation.
  void complete_intake_without_participant(Date on);

  // ---- PIP (Wi 15, 17) ---------------------------------------------------------------------
  /// Issues the first PIP (→ `kRoute`); the term starts the next day (Wi 11.2).
  /// @throws RuleViolation: not in `kPlanning`; regime Wi2013 (Wi 54); B1-route against the
  ///         learnability test without reasons; education route with MAP hours; route intensity
  ///         missing for an asylum permit holder (Wi 15.2). ValidationError for malformed content.
  PlanVersion issue_first_plan(Date date_of_issue, PlanContent content);
  /// A new version with the same route and scaled-down parts (reason `kOther`).
  PlanVersion adjust_plan(Date date_of_issue, PlanContent content, std::string explanation);
  /// A new version with another route (Wi 17.2; Bi 5.4). Hours, results and passed parts carry
  /// over. Allowed within the window the term started with (Bi 5.4.1: 18 months), from the
  /// education route to the B1-route at any time, and outside the window on a `ground`:
  /// `kAfterNonExemptingCourse` (Bi 5.4.2: the course ended after the window closed, and the
  /// switch is on or after that day) or `kSpecialCase` (Bi 5.4.3). The ground is kept on the
  /// version. @throws RuleViolation outside the window without a ground that holds.
  PlanVersion switch_route(Date date_of_issue, PlanContent content, std::string explanation,
                           RouteSwitchGround ground = {});
  /// A new version scaling `parts` down to A2 (Wi 17.3; Bi 5.5). @throws RuleViolation.
  PlanVersion scale_down_to_a2(Date date_of_issue, std::set<ExamPart> parts,
                               std::string explanation);
  /// The PIP of the new municipality after a move (Wi 15.4): same route. @throws RuleViolation.
  PlanVersion issue_plan_after_move(Date date_of_issue, PlanContent content,
                                    std::string explanation);
  /// The latest PIP version, or null before the first. Valid until the next change.
  const PlanVersion* current_plan() const noexcept;
  /// The norms the next PIP version is judged by (what it must plan at least): the policy's,
  /// less the PVT and MAP hours done within the broad intake (Bi 3.1.5, 3.2.3;
  /// `minutes_in_intake`), in whole hours rounded up. Hours after the intake do not lower them.
  PlanNorms plan_norms() const;
  /// The deadline of the PIP that is due, or empty when no plan is due or it cannot be known yet:
  /// - the first PIP (Bi 5.3.1): 10 weeks after DUO's notice; for a person housed under
  ///   Huisvestingswet art. 28 (`housed_under_huisvestingswet`) who registered in the BRP after
  ///   the notice, 10 weeks after that registration (empty until it is on record);
  /// - moved to 2 weeks after third-party information the college asked for before that
  ///   deadline passed (Bi 5.3.2; empty while it is awaited);
  /// - after a move of a person who had a PIP (Bi 5.3.3): 10 weeks after registration in the
  ///   new municipality, without the deviation of Bi 5.3.2. A move before any PIP leaves the
  ///   deadline of Bi 5.3.1 running.
  /// Each version keeps the deadline it was issued against (`PlanVersion::due_by`).
  std::optional<Date> pip_deadline() const;
  /// Whether `version` was issued after the deadline that applied to it (only initial and
  /// move versions have one). Judged by the deadline the version kept, never recomputed.
  bool is_late(const PlanVersion& version) const;

  // ---- Progress ------------------------------------------------------------------------------
  void record_exam_result(ExamResult result);
  /// DUO declared the exam result at `index` (its position in `record().exam_results`) invalid
  /// on `on` (Bi 3.10.2): from then it counts for no requirement. After completion see
  /// `record_diploma_withdrawn` (Bi 3.10.3). @throws RuleViolation when final or already
  /// invalid; ValidationError for an index out of range or a day before the exam.
  void invalidate_exam_result(std::size_t index, Date on);
  /// DUO found an irregularity after the diploma was issued, declared the exam results at
  /// `invalid_results` (positions in `record().exam_results`) invalid and withdrew the diploma
  /// on `on` (Bi 3.10.3): the completion is undone (kept in `withdrawn_diplomas`), the results
  /// count for nothing from `on`, and the trajectory returns to `kRoute` with its term and
  /// signals as they now stand.
  /// @throws RuleViolation (Bi 3.10.3) unless `kCompleted` on an exam route (the Z-route ends
  ///         with a certificate, not a diploma); ValidationError for no results named, an index
  ///         out of range, a result not passed or already invalid, or taken after the
  ///         completion, or a day before the completion.
  void record_diploma_withdrawn(Date on, const std::set<std::size_t>& invalid_results);
  void record_attendance(AttendanceEntry entry);
  /// @throws RuleViolation if fewer than `pvt_min_hours` PVT hours are registered (Bi 3.1).
  void record_pvt_statement_signed(Date on);
  /// @throws RuleViolation in the education route (no MAP, Wi 8) or below `map_min_hours`.
  void record_map_final_interview(Date on);
  /// @throws RuleViolation outside the Z-route.
  void record_z_route_final_interview(Date on);
  /// @throws RuleViolation outside the education route.
  void record_bridging_course_completed(Date on);
  /// Records a progress interview: the earliest pending scheduled one, or an extra one.
  /// @throws RuleViolation before the first PIP.
  void record_progress_interview(Date held_on, ProgressAssessment assessment, std::string notes);

  // ---- Term (Wi 11-12) ----------------------------------------------------------------------
  /// Records the person's request to DUO for extension (Wi 12.1.a or b; Bi 4.5.1).
  /// @throws RuleViolation (Bi 4.5.1) when it is made before the window opens
  ///         (`IntegrationTerm::extension_window_opens`, named in the message) or while an
  ///         earlier request is pending; ValidationError for another ground or a date before the
  ///         term starts.
  void record_extension_request(ExtensionRequest request);
  /// Records DUO's decision on the pending request: granted for `months`, or refused (`months`
  /// ignored). A granted one adds the `Extension` and returns it.
  /// @throws RuleViolation when no request is pending, or (Bi 4.4.1) a substantial-efforts
  ///         extension that is not exactly `Policy::substantial_efforts_extension_months`;
  ///         ValidationError for a decision before the request or months outside 1..60.
  std::optional<Extension> record_extension_decision(Date decided_on, bool granted, int months = 0);
  /// Records an extension DUO decided without a request on record here: on its own initiative
  /// (Bi 4.5.2-3), or on a request the college only hears of with the decision (Bi 9.6.5).
  /// @throws RuleViolation: before the window opens (Bi 4.5.1-2; not for `kCategorical`), or a
  ///         substantial-efforts extension of another length than the policy's (Bi 4.4.1);
  ///         ValidationError: before the term starts, months outside 1..60.
  void record_extension(Extension extension);
  /// Records an interruption (Bi 2.1.2, 4.2): a period of at most one year in which the person
  /// was not a BRP resident, stayed for a temporary purpose, or interrupted their work as a
  /// minister of religion; the term is lengthened by it.
  /// @throws RuleViolation if one is still open, or (Bi 2.1.2) if it lasts more than a year:
  ///         then the obligation ended, and the trajectory is ended (`kObligationLapsed`).
  void record_interruption(Interruption interruption);
  /// Closes the open interruption. @throws RuleViolation if none is open, or (Bi 2.1.2) if it
  ///         lasted more than a year.
  void end_interruption(Date until);
  /// The last day of the term in force as known on `as_of`: the Wi 11.1 term (extended,
  /// interrupted) or, once DUO made known a fine that set one, the new term (Wi 24.2-3, 25.2;
  /// Bi 4.1; see `IntegrationTerm`). Empty before the first PIP.
  std::optional<Date> term_end(Date as_of) const;

  // ---- Unburdening (Pw 56a, 57) -------------------------------------------------------------
  /// Starts unburdening on the day the right to social assistance arises (Pw 56a.2: "vanaf de
  /// dag waarop het recht op bijstand ontstaat"), for `Policy::unburdening_months` (6). The
  /// college pays "huur, gas, water en stroom en de verplichte zorgverzekering" (Pw 56a.2): each
  /// of them is one of `items` or, with its reason, one of `not_paid`.
  /// @throws RuleViolation naming why the person is not eligible, if already started, or
  ///         (Pw 56a.2) naming the fixed costs neither paid nor explained; ValidationError as
  ///         `Unburdening::validate`.
  void start_unburdening(Date assistance_start, std::vector<FixedCostItem> items,
                         bool receives_social_assistance,
                         std::vector<FixedCostNotPaid> not_paid = {});
  /// @throws RuleViolation without unburdening; ValidationError without a reason (Pw 57).
  void extend_unburdening(UnburdeningExtension extension);
  void record_coaching_session(CoachingSession session);
  void stop_unburdening(Date on);

  // ---- Sanctions (Wi 22-27) -----------------------------------------------------------------
  /// Imposes the intake fine (Wi 22; amount Bi 7.1.1; see `next_intake_fine`). The first answers
  /// a no-show or lack of cooperation at the repeated invitation, the one that came with the
  /// written warning (Wi 14.1, 22.1); the second one a failed invitation within the new term
  /// the first fine set, once that term has ended (Wi 22.2-3). There is no third.
  /// @throws RuleViolation (Wi 22.1 or 22.3) when that conduct is not on record, or a rule of
  ///         `next_intake_fine` forbids it; ValidationError as `next_intake_fine`.
  MunicipalFine impose_intake_fine(IntakeFineDecision decision);
  /// Imposes the cooperation fine (Wi 23; Bi 7.1.2-5; see `next_cooperation_fine`).
  /// @throws RuleViolation before the PIP, for a violation established before the first PIP,
  ///         or when a rule of `next_cooperation_fine` forbids it.
  MunicipalFine impose_cooperation_fine(CooperationFineDecision decision);
  /// What became of a municipal fine (`index`: its position in `record().municipal_fines`): an
  /// objection or appeal lodged, the fine irrevocable (onherroepelijk, which makes it count for
  /// the doubling of Bi 7.1.3), or annulled (then it counts for nothing, Bi 7.1.3, 7.1.5).
  /// @throws ValidationError for an index out of range or a date before the fine; RuleViolation
  ///         for a fine already irrevocable or annulled.
  void record_fine_contested(std::size_t index, Date on);
  void record_fine_irrevocable(std::size_t index, Date on);
  void record_fine_annulled(std::size_t index, Date on);
  /// Records a fine DUO imposed (Wi 24-26), per part (PVT/MAP or route) in the order of the Act:
  /// the first once the Wi 11.1 term (as extended) ran out, setting a new term; the second once
  /// that new term ran out, setting another; later ones once the second new term ran out, two
  /// years apart at least, setting none. The new terms count as the term in force (`term_end`).
  /// @throws RuleViolation (Wi 24.1/25.1, 24.3, 24.4) for a fine before the term it follows ran
  ///         out or within two years of the last; (Wi 24.1) a PVT/MAP fine when both were
  ///         completed within the term. ValidationError: a malformed fine (see `validate`), a
  ///         first or second fine without a new term of 6, 12, 18 or 24 months (Wi 24.2; Bi
  ///         7.1.5) or a later one with one (Wi 24.4), a fine not after the part's previous one.
  void record_duo_fine(DuoFine fine);

  // ---- Lifecycle -----------------------------------------------------------------------------
  /// Records the diploma or certificate (→ `kCompleted`).
  /// @throws RuleViolation listing every requirement still missing.
  void complete(Date on);
  /// Ends the trajectory for another reason (→ `kEnded`).
  /// @throws RuleViolation: `kTermExpired` while the term in force runs (Wi 11.1),
  ///         `kStatePensionAge` before that age (Wi 3.1), `kPermitWithdrawn` while a residence
  ///         procedure runs on `on` (Bi 2.1, first member).
  void end(Date on, EndReason reason);
  /// The person moved to `to` (→ `kTransferredOut`); see `receive_transfer`.
  void transfer_out(MunicipalityCode to, Date moved_on);

  // ---- Queries -------------------------------------------------------------------------------
  /// What completing requires on the current route and what is still missing.
  /// @throws RuleViolation before the first PIP (no route yet).
  RequirementReport completion_report() const;
  /// The conditions for an extension for substantial efforts (Bi 4.4).
  /// @throws RuleViolation before the first PIP.
  RequirementReport substantial_efforts_report() const;
  /// Everything the caseworker must see on `today`, ordered by due date. Empty for a final state.
  std::vector<Signal> signals(Date today) const;
  /// Every open deadline as known on `as_of`, whether or not its lead time has begun: what
  /// `signals()` will show once each is near, ordered by due date. A store keeps these for
  /// worklists across a caseload. Empty for a final state.
  std::vector<Signal> deadlines(Date as_of) const;

 private:
  friend class storage::TrajectoryStore;  // sets the revision, and nothing else
  explicit Trajectory(TrajectoryRecord record);

  void require_state(std::initializer_list<TrajectoryState> allowed, const char* action) const;
  void require_active(const char* action) const;
  void move_to(TrajectoryState next);
  void require_on_or_after_registration(Date date, const char* field) const;
  void check_extension(const Extension& extension, bool requested) const;
  void require_not_in_new_term(Date on, const char* what) const;
  /// A fine is for an inburgeringsplichtige (Wi 1.1, 3.1): not a volunteer, and not on or
  /// after the day the person reaches the state-pension age, when the obligation ended.
  void require_obliged_on(Date on, const char* article) const;
  MunicipalFine& fine_at(std::size_t index, Date on, const char* action);
  /// The deadline of Bi 5.3.1 before any deviation under Bi 5.3.2 (empty: not known yet).
  std::optional<Date> first_plan_base_deadline() const;
  RouteFacts route_facts() const;
  PlanVersion append_plan(Date date_of_issue, PlanChangeReason reason, std::string explanation,
                          PlanContent content);
  void check_plan_content(const PlanContent& content) const;
  void reschedule_interviews(const PlanVersion& version);
  void close(Date on, TrajectoryState final_state, std::optional<EndReason> reason,
             std::optional<MunicipalityCode> moved_to);
  std::vector<Signal> collect_signals(Date today, bool only_within_lead_time) const;
  /// The PIP version from which the route in force runs here: the first, the last route switch,
  /// or the PIP after a move. Only with a PIP.
  const PlanVersion* route_run_start() const;
  /// From which day a course offer counts for the route in force (Wi 16.1): that version's
  /// date of issue, or after a move the registration in the new municipality.
  Date course_offer_counts_from() const;

  TrajectoryRecord record_;
};

/// Checks every invariant of `record` (what `Trajectory::from_record` checks): the policy, every
/// text (valid UTF-8, no control characters, at most `kMaxTextBytes`), every date (valid, within
/// `kEarliestDate`..`kLatestDate`), and each act against the numbers it kept.
/// @throws ValidationError naming the first field that breaks one.
INBURGERING_EXPORT void validate_record(const TrajectoryRecord& record);

}  // namespace inburgering
