using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Domain.Tests.Procurement;

/// <summary>A cycle at its procurement stage, and a procurement started on it, for the procurement tests.</summary>
internal static class ProcurementSetUp
{
    public static readonly DateTimeOffset Now = Moments.Now;

    /// <summary>The bid deadline of <see cref="OpenForBids"/>: Monday 16 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Deadline = Now.AddDays(14);

    /// <summary>When the panel scores and moderates, and the award is recorded: an hour after <see cref="Deadline"/>.</summary>
    public static readonly DateTimeOffset AfterDeadline = Deadline.AddHours(1);

    /// <summary>The organisations of <see cref="People.Provider"/> and <see cref="OtherProvider"/>, and a third bidder.</summary>
    public static readonly Guid Bidder = Guid.CreateVersion7();
    public static readonly Guid OtherBidder = Guid.CreateVersion7();
    public static readonly Guid ThirdBidder = Guid.CreateVersion7();

    public const string OtherProvider = "provider-2";
    public const string ThirdProvider = "provider-3";

    public static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    public static readonly RouteChoice OpenProcedure = new(
        ProcurementRegime.ProcurementAct2023, ProcurementRoute.OpenProcedure, RouteQuestions.Unanswered, "Open to all.");

    public static readonly RouteChoice DirectA = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA,
        new RouteQuestions(true, true, null, null), "Only the current crisis team can run it.");

    public static readonly RouteChoice DirectC = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessC,
        new RouteQuestions(true, false, false, true), "The current provider is doing well and nothing changes.");

    /// <summary>England and Wales bank holidays from 2026 to 2027, as GOV.UK lists them.</summary>
    public static readonly ListedHolidays Calendar = new(
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28));

    public static CommissioningCycle Cycle() => ACycle.AtStage(StageKind.Procurement).Build();

    public static CycleProcurement Started(CommissioningCycle cycle, RouteChoice? choice = null) =>
        Expect.Success(CycleProcurement.Start(cycle, choice ?? Competitive, People.Commissioner, CycleRole.Commissioner, Now));

    /// <summary>The starting set of criteria and a briefed, declared lived-experience evaluator and officer on every criterion.</summary>
    public static CycleProcurement ReadyToOpen(CommissioningCycle cycle, RouteChoice? choice = null)
    {
        var procurement = Started(cycle, choice);
        Expect.Success(procurement.AddStartingSet(cycle, People.Commissioner, CycleRole.Commissioner, Now));
        var all = procurement.Criteria.Select(c => c.Id).ToList();
        Expect.Success(procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, all,
            People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, all,
            People.Commissioner, CycleRole.Commissioner, Now));
        return procurement;
    }

    /// <summary>
    /// A competitive procurement open for bids until <see cref="Deadline"/>, with three criteria: quality (scored, 70%),
    /// keeping people involved (the co-production criterion, 30%) and CQC registration (pass/fail). The panel is a
    /// briefed lived-experience evaluator (<see cref="Lived"/>) and an officer (<see cref="Officer"/>), both on every
    /// criterion; each declared no interest and the commissioner accepted it, unless <paramref name="declared"/> is false.
    /// The scale is the default 0 to 4 unless <paramref name="scale"/> describes another.
    /// </summary>
    public static CycleProcurement OpenForBids(CommissioningCycle cycle, RouteChoice? choice = null, bool declared = true, IReadOnlyList<string?>? scale = null)
    {
        var procurement = Started(cycle, choice);
        if (scale is not null)
        {
            Expect.Success(procurement.SetScale(cycle, scale, People.Commissioner, CycleRole.Commissioner, Now));
        }

        foreach (var draft in new CriterionDraft[]
        {
            new("Quality", "Safe, effective and a good experience.", CriterionKind.Scored, 70, KeyCriterion.QualityAndInnovation),
            new("Keeping people involved", "How people who use the service keep shaping it.", CriterionKind.Scored, 30, IsCoProduction: true),
            new("Registered with the CQC", "The provider is registered.", CriterionKind.PassFail, 0),
        })
        {
            Expect.Success(procurement.AddCriterion(cycle, draft, CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now));
        }

        var all = procurement.Criteria.Select(c => c.Id).ToList();
        var lived = Expect.Success(procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, all,
            People.Commissioner, CycleRole.Commissioner, Now));
        var officer = Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, all,
            People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(procurement.RecordBriefing(cycle, lived.Id, new DateOnly(2026, 2, 20), "Sam Okafor, procurement lead",
            People.Commissioner, CycleRole.Commissioner, Now));
        if (declared)
        {
            DeclareNothing(cycle, procurement, lived, Now);
            DeclareNothing(cycle, procurement, officer, Now);
        }

        if (procurement.Regime == ProcurementRegime.ProcurementAct2023)
        {
            Expect.Success(procurement.RecordConflictsAssessment(cycle, "No officer has an interest in the bidders.", People.Commissioner, CycleRole.Commissioner, Now));
        }

        Expect.Success(procurement.OpenBidding(cycle, Deadline, People.Commissioner, CycleRole.Commissioner, Now));
        return procurement;
    }

    public static void DeclareNothing(CommissioningCycle cycle, CycleProcurement procurement, Evaluator evaluator, DateTimeOffset at)
    {
        Expect.Success(procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(false, null, null), evaluator.UserId, at));
        Expect.Success(procurement.AcceptDeclaration(cycle, evaluator.Id, People.Commissioner, CycleRole.Commissioner, at));
    }

    public static Evaluator Lived(this CycleProcurement procurement) => procurement.Evaluators.Single(e => e.Role == EvaluatorRole.LivedExperience);

    public static Evaluator Officer(this CycleProcurement procurement) => procurement.Evaluators.Single(e => e.Role == EvaluatorRole.Officer);

    public static EvaluationCriterion Quality(this CycleProcurement procurement) => procurement.Criteria[0];

    public static EvaluationCriterion KeepingInvolved(this CycleProcurement procurement) => procurement.Criteria[1];

    public static EvaluationCriterion Registered(this CycleProcurement procurement) => procurement.Criteria[2];

    /// <summary>An answer to every criterion, as a provider writes them.</summary>
    public static BidDraft Answers(CycleProcurement procurement, string? partners = null) =>
        new(partners, procurement.Criteria.ToDictionary(c => c.Id, string? (c) => $"Our answer on {c.Name}."), "Our CQC certificate.");

    /// <summary>A bid from <paramref name="organisationId"/>'s provider, started and saved with an answer to every criterion, not submitted.</summary>
    public static Bid Drafted(CommissioningCycle cycle, CycleProcurement procurement, Guid organisationId, string providerUserId, DateTimeOffset? at = null)
    {
        var when = at ?? Now.AddDays(1);
        var bid = Expect.Success(Bid.Start(cycle, procurement, organisationId, false, providerUserId, CycleRole.Provider, when));
        Expect.Success(bid.Save(cycle, procurement, Answers(procurement), providerUserId, CycleRole.Provider, organisationId, when));
        return bid;
    }

    /// <summary>A bid answered and submitted before the deadline; later bidders submit later.</summary>
    public static Bid Submitted(CommissioningCycle cycle, CycleProcurement procurement, Guid organisationId, string providerUserId, DateTimeOffset? at = null)
    {
        var when = at ?? Now.AddDays(1);
        var bid = Drafted(cycle, procurement, organisationId, providerUserId, when);
        Expect.Success(bid.Submit(cycle, procurement, providerUserId, CycleRole.Provider, organisationId, when));
        return bid;
    }

    /// <summary>The bids of <see cref="Bidder"/> and <see cref="OtherBidder"/>, submitted a day apart.</summary>
    public static List<Bid> TwoBids(CommissioningCycle cycle, CycleProcurement procurement) =>
    [
        Submitted(cycle, procurement, Bidder, People.Provider, Now.AddDays(1)),
        Submitted(cycle, procurement, OtherBidder, OtherProvider, Now.AddDays(2)),
    ];

    /// <summary>
    /// The evaluator's scorecard with a score and comment for every assignment after the deadline, the score chosen
    /// by <paramref name="level"/>; submitted unless <paramref name="submit"/> is false.
    /// </summary>
    public static Scorecard ScoredBy(
        CommissioningCycle cycle, CycleProcurement procurement, Evaluator evaluator, IReadOnlyList<Bid> bids,
        Func<Bid, EvaluationCriterion, int> level, bool submit = true)
    {
        var card = Scorecard.For(procurement, evaluator, AfterDeadline);
        foreach (var (bid, criterion) in Scorecard.Assignments(procurement, evaluator, bids, AfterDeadline))
        {
            Expect.Success(card.Score(cycle, procurement, bid, criterion.Id, level(bid, criterion), $"What the bid said on {criterion.Name}.",
                evaluator.UserId, AfterDeadline));
        }

        if (submit)
        {
            Expect.Success(card.Submit(cycle, procurement, bids, evaluator.UserId, AfterDeadline));
        }

        return card;
    }

    /// <summary>The same score from <paramref name="level"/> for every scored criterion, and a pass for the pass/fail one.</summary>
    public static Func<Bid, EvaluationCriterion, int> Scoring(int level) =>
        (_, criterion) => criterion.Kind == CriterionKind.PassFail ? Scorecard.Pass : level;

    /// <summary>
    /// Both evaluators scored <see cref="TwoBids"/> unanimously (3 on each scored criterion, a pass) and submitted; nothing moderated yet.
    /// </summary>
    public static Evaluating Scored(CommissioningCycle cycle, RouteChoice? choice = null)
    {
        var procurement = OpenForBids(cycle, choice);
        var bids = TwoBids(cycle, procurement);
        List<Scorecard> cards =
        [
            ScoredBy(cycle, procurement, procurement.Lived(), bids, Scoring(3)),
            ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(3)),
        ];
        return new Evaluating(cycle, procurement, bids, cards);
    }

    /// <summary><see cref="Scored"/>, with every score agreed as the evaluators gave it.</summary>
    public static Evaluating Moderated(CommissioningCycle cycle, RouteChoice? choice = null)
    {
        var evaluating = Scored(cycle, choice);
        Expect.Success(evaluating.Procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        return evaluating;
    }

    /// <summary>A decision in the procurement stage that the award can name.</summary>
    public static Decision AwardDecision(CommissioningCycle cycle, StageKind stage = StageKind.Procurement) =>
        Expect.Success(cycle.RecordDecision(stage, ADecision.InMode(DecisionMode.CommissionerLed)
            .WithTitle("Award the contract").WithRationale("The panel's moderated scores put this bid first.").Build(),
            People.Commissioner, CycleRole.Commissioner, AfterDeadline));

    /// <summary><see cref="Moderated"/>, with the award to <see cref="Bidder"/> recorded.</summary>
    public static Evaluating Awarded(CommissioningCycle cycle, RouteChoice? choice = null)
    {
        var evaluating = Moderated(cycle, choice);
        Expect.Success(evaluating.Procurement.RecordAward(cycle, AwardDecision(cycle).Id, [Bidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        return evaluating;
    }
}

/// <summary>A procurement past its deadline with its bids and the evaluators' scorecards.</summary>
internal sealed record Evaluating(CommissioningCycle Cycle, CycleProcurement Procurement, List<Bid> Bids, List<Scorecard> Scorecards)
{
    public IReadOnlyList<BidStanding> Standings(DateTimeOffset? at = null) => Evaluation.Of(Procurement, Bids, Scorecards, at ?? ProcurementSetUp.AfterDeadline);

    public BidStanding StandingOf(Guid organisationId, DateTimeOffset? at = null) => Standings(at).Single(s => s.Bid.OrganisationId == organisationId);

    public Bid BidOf(Guid organisationId) => Bids.Single(b => b.OrganisationId == organisationId);

    public Scorecard CardOf(Evaluator evaluator) => Scorecards.Single(c => c.EvaluatorId == evaluator.Id);
}

/// <summary>Working days: not weekends and not the holidays listed.</summary>
internal sealed class ListedHolidays(params DateOnly[] holidays) : IWorkingDayCalendar
{
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
}
