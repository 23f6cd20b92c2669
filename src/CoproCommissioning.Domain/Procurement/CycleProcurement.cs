using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// A cycle's procurement: the regime and route (with the Provider Selection Regime's questions and the reason for the
/// choice), the evaluation criteria and scoring scale, the evaluation panel with its briefings and declarations of
/// interest, and the opening of bidding, which locks the criteria. Kept apart from the cycle, like the specification,
/// so setting it up never clashes with work elsewhere; every change checks the cycle's procurement stage.
/// docs/decisions/0022-procurement-aggregate.md explains the choices.
/// </summary>
public sealed partial class CycleProcurement : IEvaluationSetup
{
    public const int ReasonMaxLength = 2000;
    public const int MostScoreLevels = 11;

    private readonly List<EvaluationCriterion> _criteria = [];
    private readonly List<Evaluator> _evaluators = [];
    // Empty when EF materialises a procurement, which then adds the stored levels; a new one starts from the default.
    private List<ScoreLevel> _scale = [];

    private CycleProcurement() { }

    private CycleProcurement(Guid cycleId, string createdByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        LastChangedAt = now;
        _scale = [.. ScoreLevel.Default];
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set by every change, so saving any change updates this row and <see cref="Version"/> catches two people saving at once.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public ProcurementRegime Regime { get; private set; }

    public ProcurementRoute Route { get; private set; }

    /// <summary>The Provider Selection Regime's questions as answered; unanswered under other regimes.</summary>
    public RouteQuestions Answers { get; private set; } = RouteQuestions.Unanswered;

    public string RouteReason { get; private set; } = "";

    /// <summary>Under the Procurement Act 2023, the justification for a direct award.</summary>
    public string? Justification { get; private set; }

    public string RouteChosenByUserId { get; private set; } = "";

    public DateTimeOffset RouteChosenAt { get; private set; }

    /// <summary>The authority's conflicts of interest assessment (Procurement Act 2023), recorded before bidding opens.</summary>
    public string? ConflictsAssessment { get; private set; }

    public string? ConflictsAssessedByUserId { get; private set; }

    public DateTimeOffset? ConflictsAssessedAt { get; private set; }

    public DateTimeOffset? BiddingOpenedAt { get; private set; }

    /// <summary>Bids arrive by then; nobody reads one before it.</summary>
    public DateTimeOffset? BidDeadline { get; private set; }

    public IReadOnlyList<EvaluationCriterion> Criteria => [.. _criteria.OrderBy(c => c.Position)];

    public IReadOnlyList<Evaluator> Evaluators => _evaluators;

    public IReadOnlyList<ScoreLevel> Scale => _scale;

    public bool IsCompetitive => ProcurementRoutes.IsCompetitive(Route);

    /// <summary>Once bidding opens the criteria, the scale and the route are fixed: every bid is judged by what it was written to.</summary>
    public bool IsBiddingOpen => BiddingOpenedAt is not null;

    public bool IsPastDeadline(DateTimeOffset now) => IsPastDeadline(BidDeadline, now);

    internal static bool IsPastDeadline(DateTimeOffset? deadline, DateTimeOffset now) => deadline is { } passed && now >= passed;

    /// <summary>The weights of the scored criteria, which must reach 100 before bidding opens.</summary>
    public int WeightTotal => _criteria.Where(c => c.Kind == CriterionKind.Scored).Sum(c => c.Weight);

    /// <summary>What is worth saying but does not stop anything: social value below 10%.</summary>
    public IReadOnlyList<DomainRule> Warnings =>
        _criteria.Count > 0 && _criteria.Where(c => c.KeyCriterion == KeyCriterion.SocialValue && c.Kind == CriterionKind.Scored).Sum(c => c.Weight) < 10
            ? [ProcurementRules.SocialValueBelowTenPercent]
            : [];

    public EvaluationCriterion? FindCriterion(Guid id) => _criteria.SingleOrDefault(c => c.Id == id);

    public Evaluator? FindEvaluator(Guid id) => _evaluators.SingleOrDefault(e => e.Id == id);

    public Evaluator? EvaluatorFor(string userId) => _evaluators.SingleOrDefault(e => e.UserId == userId);

    /// <summary>A commissioner records the regime and route; the procurement starts with it.</summary>
    public static DomainOutcome<CycleProcurement> Start(
        CommissioningCycle cycle, RouteChoice choice, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var procurement = new CycleProcurement(cycle.Id, actorUserId, now);
        var chosen = procurement.ChooseRoute(cycle, choice, actorUserId, actorRole, now);
        return chosen.Succeeded ? DomainOutcome.Success(procurement) : DomainOutcome.Refused<CycleProcurement>(chosen.Refusals);
    }

    /// <summary>
    /// A commissioner records (or changes, until bidding opens) the regime and route, with the answers to the Provider
    /// Selection Regime's questions and the reason for the choice.
    /// </summary>
    public DomainOutcome ChooseRoute(CommissioningCycle cycle, RouteChoice choice, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(choice.Answers);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.RouteFixedOnceBiddingOpened));
        }

        var answers = choice.Answers.Relevant();
        if (ChoiceInput.Check(refusals, choice.Regime, ProcurementRules.RegimeRequired) && choice.Regime == ProcurementRegime.ProviderSelectionRegime)
        {
            CheckAnswers(refusals, answers);
        }

        if (ChoiceInput.Check(refusals, choice.Route, ProcurementRules.RouteRequired) && choice.Regime is { } regime && Enum.IsDefined(regime))
        {
            CheckRoute(refusals, regime, choice.Route.Value, answers);
        }

        TextInput.Check(refusals, choice.Reason, ReasonMaxLength, ProcurementRules.ReasonRequired, ProcurementRules.ReasonTooLong);
        var needsJustification = choice.Route == ProcurementRoute.DirectAward;
        if (needsJustification)
        {
            TextInput.Check(refusals, choice.Justification, ReasonMaxLength, ProcurementRules.JustificationRequired, ProcurementRules.JustificationTooLong);
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Regime = choice.Regime!.Value;
        Route = choice.Route!.Value;
        Answers = Regime == ProcurementRegime.ProviderSelectionRegime ? answers : RouteQuestions.Unanswered;
        RouteReason = TextInput.Clean(choice.Reason);
        Justification = needsJustification ? TextInput.Clean(choice.Justification) : null;
        RouteChosenByUserId = actorUserId;
        RouteChosenAt = now;
        return Changed(cycle, now);
    }

    /// <summary>
    /// What still stops bidding opening, listed on the page before the commissioner tries: a competitive route, criteria
    /// weighted to 100% with a co-production criterion, an evaluator on every criterion, at least one
    /// lived-experience evaluator, and under the Procurement Act 2023 the conflicts assessment.
    /// </summary>
    public IReadOnlyList<Refusal> BiddingBlockers()
    {
        List<Refusal> blockers = [];
        if (!IsCompetitive)
        {
            blockers.Add(new Refusal(ProcurementRules.NotCompetitive));
            return blockers;
        }

        if (IsBiddingOpen)
        {
            blockers.Add(new Refusal(ProcurementRules.AlreadyOpen));
            return blockers;
        }

        var scored = Criteria.Where(c => c.Kind == CriterionKind.Scored).ToList();
        if (scored.Count == 0)
        {
            blockers.Add(new Refusal(ProcurementRules.ScoredCriterionRequired));
        }
        else if (WeightTotal != 100)
        {
            blockers.Add(new Refusal(ProcurementRules.WeightsMustTotal100(WeightTotal)));
        }

        if (!scored.Any(c => c.IsCoProduction))
        {
            blockers.Add(new Refusal(ProcurementRules.CoProductionCriterionRequired));
        }

        var active = _evaluators.Where(e => !e.HasSteppedDown).ToList();
        if (!active.Any(e => e.Role == EvaluatorRole.LivedExperience))
        {
            blockers.Add(new Refusal(ProcurementRules.LivedExperienceEvaluatorRequired));
        }

        // Pass/fail criteria too: a criterion is settled only by moderating its evaluators' scores.
        blockers.AddRange(Criteria.Where(c => !active.Any(e => e.CriterionIds.Contains(c.Id)))
            .Select(c => new Refusal(ProcurementRules.CriterionWithoutEvaluator, c.Id)));

        if (Regime == ProcurementRegime.ProcurementAct2023 && ConflictsAssessedAt is null)
        {
            blockers.Add(new Refusal(ProcurementRules.AssessmentBeforeBidding));
        }

        return blockers;
    }

    /// <summary>A commissioner opens bidding with a deadline, once nothing in <see cref="BiddingBlockers"/> remains.</summary>
    public DomainOutcome OpenBidding(CommissioningCycle cycle, DateTimeOffset? deadline, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        refusals.AddRange(BiddingBlockers());
        if (deadline is null)
        {
            refusals.Add(new Refusal(ProcurementRules.DeadlineRequired));
        }
        else
        {
            Guard.Utc(deadline.Value);
            if (deadline <= now)
            {
                refusals.Add(new Refusal(ProcurementRules.DeadlineInPast));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        BiddingOpenedAt = now;
        BidDeadline = deadline;
        return Changed(cycle, now);
    }

    /// <summary>Under the Procurement Act 2023 a commissioner records the conflicts of interest assessment before bidding opens.</summary>
    public DomainOutcome RecordConflictsAssessment(CommissioningCycle cycle, string? assessment, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        TextInput.Check(refusals, assessment, ReasonMaxLength, ProcurementRules.ConflictsAssessmentRequired, ProcurementRules.ConflictsAssessmentTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        ConflictsAssessment = TextInput.Clean(assessment);
        ConflictsAssessedByUserId = actorUserId;
        ConflictsAssessedAt = now;
        return Changed(cycle, now);
    }

    /// <summary>
    /// Whether <paramref name="userId"/>, an evaluator, may read the bid of <paramref name="organisationId"/> now: only
    /// after the deadline, with an accepted declaration, not stepped down and not restricted from that provider.
    /// Nobody else reads a bid before the deadline, the commissioner included.
    /// </summary>
    public bool EvaluatorMayRead(string userId, Guid organisationId, DateTimeOffset now) =>
        MayRead(EvaluatorFor(userId), BidDeadline, organisationId, now);

    internal static bool MayRead(Evaluator? evaluator, DateTimeOffset? deadline, Guid organisationId, DateTimeOffset now) =>
        IsPastDeadline(deadline, now) && evaluator is not null && evaluator.MayRead(organisationId);

    /// <summary>
    /// Where the procurement stands, for its stage's sign-off conditions: from the procurement, its bids and the
    /// evaluators' scorecards.
    /// </summary>
    public ProcurementProgress Progress(IEnumerable<Bid> bids, IEnumerable<Scorecard> scorecards, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scorecards);
        return ProgressWithSubmitted(bids, [.. scorecards.Where(s => s.ProcurementId == Id && s.IsSubmitted).Select(s => s.EvaluatorId)], now);
    }

    /// <summary>
    /// <see cref="Progress(IEnumerable{Bid}, IEnumerable{Scorecard}, DateTimeOffset)"/> from only which evaluators have
    /// submitted their scorecards: progress reads no score, so pages that show it (the dashboard, the overview) read none.
    /// </summary>
    public ProcurementProgress ProgressWithSubmitted(IEnumerable<Bid> bids, IReadOnlyCollection<Guid> submittedEvaluatorIds, DateTimeOffset now) =>
        ToProgressFacts(bids, submittedEvaluatorIds).Progress(now);

    /// <summary>What progress reads of this procurement and its bids; pages that only show progress read the same facts without loading it.</summary>
    public ProcurementProgressFacts ToProgressFacts(IEnumerable<Bid> bids, IReadOnlyCollection<Guid> submittedEvaluatorIds)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(submittedEvaluatorIds);
        return new(
            Route,
            IsBiddingOpen,
            BidDeadline,
            [.. _criteria.Select(c => c.Id)],
            _evaluators,
            [.. bids.Where(b => b.IsSubmitted && b.ProcurementId == Id).Select(b => (b.Id, b.OrganisationId))],
            submittedEvaluatorIds,
            [.. _moderated.Select(m => (m.BidId, m.CriterionId))],
            IsAwardRecorded,
            IsIntentionPublished,
            StandstillEndsAt,
            _representations.Count(r => !r.IsAnswered));
    }

    /// <summary>
    /// What the procurement itself needs before its stage can be signed off; <paramref name="progress"/> is null when no
    /// route has been recorded. Passed to <see cref="CommissioningCycle.SignOff"/> as the stage's conditions. A
    /// competitive route needs the deadline passed, every evaluator's scores submitted and every score moderated, with
    /// a lived-experience evaluator among those who scored; every route needs the award, and a route with a standstill
    /// needs it ended with every representation answered.
    /// </summary>
    public static IReadOnlyList<Refusal> SignOffConditions(ProcurementProgress? progress)
    {
        if (progress?.Route is not { } route)
        {
            return [new Refusal(ProcurementRules.RouteNotRecorded)];
        }

        List<Refusal> conditions = [];
        if (ProcurementRoutes.IsCompetitive(route))
        {
            if (!progress.BiddingOpened)
            {
                return [new Refusal(ProcurementRules.BiddingNotOpened)];
            }

            if (!progress.PastDeadline)
            {
                return [new Refusal(ProcurementRules.DeadlineNotPassed)];
            }

            if (progress.SubmittedBids == 0)
            {
                return [new Refusal(ProcurementRules.NoBids)];
            }

            if (progress.ScorecardsOutstanding > 0)
            {
                conditions.Add(new Refusal(ProcurementRules.ScorecardsNotSubmitted(progress.ScorecardsOutstanding)));
            }

            if (progress.Unmoderated > 0)
            {
                conditions.Add(new Refusal(ProcurementRules.ScoresNotModerated(progress.Unmoderated)));
            }

            if (!progress.LivedExperienceScored)
            {
                conditions.Add(new Refusal(ProcurementRules.NoLivedExperienceScores));
            }
        }

        if (!progress.AwardRecorded)
        {
            conditions.Add(new Refusal(ProcurementRules.AwardNotRecorded));
        }
        else if (ProcurementRoutes.NeedsStandstill(route))
        {
            if (!progress.IntentionPublished)
            {
                conditions.Add(new Refusal(ProcurementRules.IntentionNotPublished));
            }
            else if (!progress.StandstillEnded)
            {
                conditions.Add(new Refusal(ProcurementRules.StandstillNotEnded));
            }

            if (progress.RepresentationsUnanswered > 0)
            {
                conditions.Add(new Refusal(ProcurementRules.RepresentationsUnanswered));
            }
        }

        return conditions;
    }

    private static void CheckAnswers(List<Refusal> refusals, RouteQuestions answers)
    {
        if (answers.ExistingProvider is null)
        {
            refusals.Add(new Refusal(ProcurementRules.ExistingProviderRequired));
        }

        if (answers.AskOnlyCapable && answers.OnlyCapableProvider is null)
        {
            refusals.Add(new Refusal(ProcurementRules.OnlyCapableRequired));
        }

        if (answers.AskUnrestrictedChoice && answers.UnrestrictedChoice is null)
        {
            refusals.Add(new Refusal(ProcurementRules.UnrestrictedChoiceRequired));
        }

        if (answers.AskSatisfactory && answers.SatisfactoryAndNoConsiderableChange is null)
        {
            refusals.Add(new Refusal(ProcurementRules.SatisfactoryRequired));
        }
    }

    private static void CheckRoute(List<Refusal> refusals, ProcurementRegime regime, ProcurementRoute route, RouteQuestions answers)
    {
        if (ProcurementRoutes.RegimeOf(route) != regime)
        {
            refusals.Add(new Refusal(ProcurementRules.RouteOutsideRegime));
            return;
        }

        var allowed = answers.AllowedRoutes();
        if (regime != ProcurementRegime.ProviderSelectionRegime || allowed.Count == 0 || allowed.Contains(route))
        {
            return;
        }

        refusals.Add(new Refusal(allowed.SequenceEqual([ProcurementRoute.DirectAwardProcessA])
            ? ProcurementRules.ProcessAMandatory
            : ProcurementRules.RouteNotAllowedByAnswers));
    }

    private static List<Refusal> CheckActor(CommissioningCycle cycle, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);
        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageCycle))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        var stage = cycle.StageOf(StageKind.Procurement);
        if (stage.Status == StageStatus.NotStarted)
        {
            refusals.Add(new Refusal(CycleRules.StageNotOpen));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Procurement, now);
        return refusals;
    }

    /// <summary>Marks this and the cycle changed, so the save checks both versions and races a sign-off fairly (R8).</summary>
    private DomainOutcome Changed(CommissioningCycle cycle, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        LastChangedAt = now;
        return cycle.RecordStageContentChange(StageKind.Procurement, now);
    }
}
