using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Scoring;

/// <summary>
/// What the scoring pages share: the signed-in evaluator, found on the server from their account; their own scorecard;
/// the bids they may read (through <see cref="ProcurementPageModel.LoadReadableBidListAsync"/>, the seal) and what they
/// score in them; and, only once they have submitted their own, the scores other evaluators submitted for the same bids
/// and criteria.
/// </summary>
public abstract class ScoringPageModel(CoproDbContext db, TimeProvider clock) : ProcurementPageModel
{
    /// <summary>How many bids the list shows a page: once submitted, each shows every criterion with every evaluator's score.</summary>
    public const int BidsPerPage = 5;

    /// <summary>The procurement, loaded whole for a change; pages that show scores read <see cref="Setup"/> only.</summary>
    public CycleProcurement Procurement { get; private set; } = null!;

    /// <summary>What scoring reads of the procurement: the procurement itself, or the same facts read for the list.</summary>
    public IEvaluationSetup Setup { get; private set; } = null!;

    /// <summary>The cycle, for the domain's check that its procurement stage is open.</summary>
    protected CommissioningCycle Cycle { get; private set; } = null!;

    /// <summary>The signed-in member's seat on the panel.</summary>
    public Evaluator Me { get; private set; } = null!;

    /// <summary>Their scorecard, loaded whole for a change; null until they first save a score, and on the pages that show scores.</summary>
    public Scorecard? Own { get; protected set; }

    /// <summary>Their scorecard's version as read (0 before it exists): a save since then is a clash (R8).</summary>
    public uint OwnVersion { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    // Their own scores for the bids the page shows.
    private IReadOnlyDictionary<(Guid BidId, Guid CriterionId), Score> _ownScores = new Dictionary<(Guid, Guid), Score>();

    public DateTimeOffset Now { get; private set; }

    /// <summary>The bids this member may read now.</summary>
    public IReadOnlyList<Bid> Readable { get; private set; } = [];

    /// <summary>The bids they score and, for each, the criteria they were asked to score.</summary>
    public IReadOnlyList<(Bid Bid, EvaluationCriterion Criterion)> Assignments { get; private set; } = [];

    /// <summary>The page of bids they score that the list shows, each with its criteria, in the order bids arrived.</summary>
    public PageOf<IGrouping<Bid, EvaluationCriterion>> Shown { get; private set; } = new([], 1, BidsPerPage, 0);

    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Other evaluators' submitted scores for this evaluator's bids and criteria shown; empty until they may see them.</summary>
    public IReadOnlyList<OthersScore> OthersScores { get; private set; } = [];

    public bool HasSubmitted => SubmittedAt is not null;

    public bool IsPastDeadline => Setup.IsPastDeadline(Now);

    /// <summary>A lived-experience evaluator scores only once their evaluator training is recorded.</summary>
    public bool AwaitsBriefing => Me.Role == EvaluatorRole.LivedExperience && !Me.IsBriefed;

    /// <summary>Whether the form to score is offered: the domain still judges every save.</summary>
    public bool MayScore => IsPastDeadline && !HasSubmitted && !AwaitsBriefing && !Setup.IsAwardRecorded && !IsSignedOff;

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    public string OrganisationOf(Bid bid) => OrganisationNames.TryGetValue(bid.OrganisationId, out var name) ? name : "A provider";

    /// <summary>How a score reads: "Pass" or "Fail" for a pass/fail criterion, "3 out of 4" on the scale.</summary>
    public string LevelText(EvaluationCriterion criterion, int level) => ScoresView.LevelText(criterion, level, ScaleTop);

    public int ScaleTop => Setup.Scale.Count == 0 ? 0 : Setup.Scale.Max(l => l.Score);

    /// <summary>Their own score for one criterion of a bid the page shows.</summary>
    public Score? OwnScore(Guid bidId, Guid criterionId) => _ownScores.GetValueOrDefault((bidId, criterionId));

    public ScoresView ScoresOf(Bid bid, EvaluationCriterion criterion) =>
        new(criterion, OwnScore(bid.Id, criterion.Id), [.. OthersFor(bid.Id, criterion.Id)], ScaleTop);

    public IEnumerable<OthersScore> OthersFor(Guid bidId, Guid criterionId) =>
        OthersScores.Where(s => s.BidId == bidId && s.CriterionId == criterionId);

    /// <summary>
    /// Loads the cycle, the whole procurement, the evaluator and their whole scorecard, for a change (to the one bid
    /// <paramref name="bidId"/>, when it is about one). Null when the page applies: otherwise the answer to give. A cycle without a
    /// procurement, or a member not on its panel, goes to the overview; a bid that is not one this evaluator may read is
    /// not found, whoever asks.
    /// </summary>
    protected async Task<IActionResult?> LoadScoringAsync(bool forChange, CancellationToken ct, Guid? bidId = null)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        if (await LoadProcurementAsync(db, forChange: false, ct) is not { } procurement)
        {
            return bidId is null ? Redirect(OverviewUrl) : NotFound();
        }

        Procurement = procurement;
        Setup = procurement;
        Now = clock.GetUtcNow();
        // Answers only for the one bid a page shows: the list shows who bid, not what they wrote.
        var readable = await LoadReadableBidListAsync(db, procurement, Now, withAnswersOf: bidId, ct);
        if (bidId is not null && readable.All(b => b.Id != bidId))
        {
            return NotFound();
        }

        if (Procurement.EvaluatorFor(UserId) is not { } me)
        {
            return Redirect(OverviewUrl);
        }

        // A commissioner reads every bid, but scores only those their own declaration leaves open to them.
        if (bidId is not null && !procurement.EvaluatorMayRead(UserId, readable.Single(b => b.Id == bidId).OrganisationId, Now))
        {
            return NotFound();
        }

        Me = me;
        var evaluatorId = me.Id;
        var procurementId = Procurement.Id;
        var scorecards = db.Scorecards.Where(s => s.ProcurementId == procurementId && s.EvaluatorId == evaluatorId);
        Own = await (forChange ? scorecards : scorecards.AsNoTracking()).SingleOrDefaultAsync(ct);
        OwnVersion = Own?.Version ?? 0;
        SubmittedAt = Own?.SubmittedAt;
        _ownScores = Own?.Scores.ToDictionary(s => (s.BidId, s.CriterionId)) ?? [];
        Readable = readable;
        Assignments = Scorecard.Assignments(Procurement, me, readable, Now);
        Shown = ByBid(Assignments).ToPage(1, BidsPerPage);
        await LoadNamesAndOthersAsync(bidId is { } one ? [one] : [.. Shown.Items.Select(b => b.Key.Id)], ct);
        return null;
    }

    /// <summary>
    /// Loads what the list shows, without loading the procurement or any scorecard whole: the evaluator, every bid they
    /// may read (one row each), and their own and, once they may see them, the others' scores only for the page of bids
    /// shown. Null when the page applies: otherwise where to go, as <see cref="LoadScoringAsync"/>.
    /// </summary>
    protected async Task<IActionResult?> LoadScoringListAsync(int pageNumber, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        if (await db.EvaluationSetupAsync(CycleId, ct) is not { } setup)
        {
            return Redirect(OverviewUrl);
        }

        Setup = setup;
        Now = clock.GetUtcNow();
        var readable = await LoadReadableBidListAsync(db, setup, Now, withAnswersOf: null, ct);
        if (setup.EvaluatorFor(UserId) is not { } me)
        {
            return Redirect(OverviewUrl);
        }

        Me = me;
        Readable = readable;
        Assignments = Scorecard.Assignments(setup, me, readable, Now);
        Shown = ByBid(Assignments).ToPage(pageNumber, BidsPerPage);
        var shownIds = Shown.Items.Select(b => b.Key.Id).ToList();
        var evaluatorId = me.Id;
        var procurementId = setup.Id;
        var own = await db.Scorecards.AsNoTracking()
            .Where(s => s.ProcurementId == procurementId && s.EvaluatorId == evaluatorId)
            .Select(s => new { s.Version, s.SubmittedAt, Scores = s.Scores.Where(x => shownIds.Contains(x.BidId)).ToList() })
            .SingleOrDefaultAsync(ct);
        OwnVersion = own?.Version ?? 0;
        SubmittedAt = own?.SubmittedAt;
        _ownScores = own?.Scores.ToDictionary(s => (s.BidId, s.CriterionId)) ?? [];
        await LoadNamesAndOthersAsync(shownIds, ct);
        return null;
    }

    /// <summary>
    /// Loads what one bid's page shows, and of the procurement's evaluation only that bid's rows: the set-up (with that
    /// bid's agreed scores), the bid with its answers if this evaluator may read it (the seal), their own scores for it and,
    /// once they may see them, the others' submitted scores for it. A change loads everything whole
    /// (<see cref="LoadScoringAsync"/>). Null when the page applies: otherwise the answer to give, as there.
    /// </summary>
    protected async Task<IActionResult?> LoadScoringBidAsync(Guid bidId, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        if (await db.EvaluationSetupAsync(CycleId, ct, agreedOf: [bidId]) is not { } setup)
        {
            return NotFound();
        }

        Setup = setup;
        Now = clock.GetUtcNow();
        var readable = await LoadReadableBidListAsync(db, setup, Now, withAnswersOf: bidId, ct);
        if (readable.SingleOrDefault(b => b.Id == bidId) is not { } bid)
        {
            return NotFound();
        }

        if (setup.EvaluatorFor(UserId) is not { } me)
        {
            return Redirect(OverviewUrl);
        }

        // A commissioner reads every bid, but scores only those their own declaration leaves open to them.
        if (!setup.EvaluatorMayRead(UserId, bid.OrganisationId, Now))
        {
            return NotFound();
        }

        Me = me;
        var evaluatorId = me.Id;
        var procurementId = setup.Id;
        var own = await db.Scorecards.AsNoTracking()
            .Where(s => s.ProcurementId == procurementId && s.EvaluatorId == evaluatorId)
            .Select(s => new { s.Version, s.SubmittedAt, Scores = s.Scores.Where(x => x.BidId == bidId).ToList() })
            .SingleOrDefaultAsync(ct);
        OwnVersion = own?.Version ?? 0;
        SubmittedAt = own?.SubmittedAt;
        _ownScores = own?.Scores.ToDictionary(s => (s.BidId, s.CriterionId)) ?? [];
        Readable = [bid];
        Assignments = Scorecard.Assignments(setup, me, Readable, Now);
        Shown = ByBid(Assignments).ToPage(1, BidsPerPage);
        await LoadNamesAndOthersAsync([bidId], ct);
        return null;
    }

    private static List<IGrouping<Bid, EvaluationCriterion>> ByBid(IEnumerable<(Bid Bid, EvaluationCriterion Criterion)> assignments) =>
        [.. assignments.GroupBy(a => a.Bid, a => a.Criterion)];

    /// <summary>The names of the bidders shown, and others' scores only from submitted scorecards, only once this evaluator may see them.</summary>
    private async Task LoadNamesAndOthersAsync(IReadOnlyCollection<Guid> bidIds, CancellationToken ct)
    {
        var organisationIds = Readable.Where(b => bidIds.Contains(b.Id)).Select(b => b.OrganisationId).Distinct().ToList();
        OrganisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // Independent scoring: even a commissioner, who may see every scorecard to moderate, sees others' scores here
        // only once their own are submitted.
        if (!HasSubmitted || !Scorecard.OthersScoresVisible(Role, HasSubmitted) || Assignments.Count == 0 || bidIds.Count == 0)
        {
            OthersScores = [];
            return;
        }

        var others = await db.SubmittedScoresAsync(Setup.Id, ofBids: bidIds, withCommentsOf: bidIds, ct, exceptEvaluator: Me.Id);
        // Named as moderation names them: the panel's own choice of name, and "Panel member" for those who chose it.
        var names = await PeopleNames.LoadAsync(db, Setup.Evaluators.Select(e => e.UserId), UserId, ct);
        var assigned = Assignments.Select(a => (a.Bid.Id, a.Criterion.Id)).ToHashSet();
        OthersScores =
        [
            .. from score in others
               let evaluator = Setup.FindEvaluator(score.EvaluatorId)
               where evaluator is not null && assigned.Contains((score.BidId, score.CriterionId))
               orderby evaluator.AddedAt
               select new OthersScore(score.BidId, score.CriterionId, names.Of(evaluator.UserId), evaluator.Role, score.Level, score.Comment),
        ];
    }
}

/// <summary>One criterion of one bid after this evaluator submitted: their score and the others' submitted ones.</summary>
public sealed record ScoresView(EvaluationCriterion Criterion, Score? Own, IReadOnlyList<OthersScore> Others, int ScaleTop)
{
    /// <summary>How a score reads: "Pass" or "Fail" for a pass/fail criterion, "3 out of 4" on the scale.</summary>
    public static string LevelText(EvaluationCriterion criterion, int level, int scaleTop)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind == CriterionKind.PassFail
            ? level == Scorecard.Pass ? "Pass" : "Fail"
            : $"{level} out of {scaleTop}";
    }

    public string Level(int level) => LevelText(Criterion, level, ScaleTop);
}

/// <summary>Another evaluator's submitted score, as an evaluator who has submitted their own sees it.</summary>
public sealed record OthersScore(Guid BidId, Guid CriterionId, string Name, EvaluatorRole Role, int Level, string Comment);
