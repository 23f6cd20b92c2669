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
    public CycleProcurement Procurement { get; private set; } = null!;

    /// <summary>The cycle, for the domain's check that its procurement stage is open.</summary>
    protected CommissioningCycle Cycle { get; private set; } = null!;

    /// <summary>The signed-in member's seat on the panel.</summary>
    public Evaluator Me { get; private set; } = null!;

    /// <summary>Their scorecard; null until they first save a score.</summary>
    public Scorecard? Own { get; protected set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The bids this member may read now.</summary>
    public IReadOnlyList<Bid> Readable { get; private set; } = [];

    /// <summary>The bids they score and, for each, the criteria they were asked to score.</summary>
    public IReadOnlyList<(Bid Bid, EvaluationCriterion Criterion)> Assignments { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Other evaluators' submitted scores for this evaluator's bids and criteria; empty until they may see them.</summary>
    public IReadOnlyList<OthersScore> OthersScores { get; private set; } = [];

    public bool HasSubmitted => Own?.IsSubmitted == true;

    public bool IsPastDeadline => Procurement.IsPastDeadline(Now);

    /// <summary>A lived-experience evaluator scores only once their evaluator training is recorded.</summary>
    public bool AwaitsBriefing => Me.Role == EvaluatorRole.LivedExperience && !Me.IsBriefed;

    /// <summary>Whether the form to score is offered: the domain still judges every save.</summary>
    public bool MayScore => IsPastDeadline && !HasSubmitted && !AwaitsBriefing && !Procurement.IsAwardRecorded && !IsSignedOff;

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    public string OrganisationOf(Bid bid) => OrganisationNames.TryGetValue(bid.OrganisationId, out var name) ? name : "A provider";

    /// <summary>How a score reads: "Pass" or "Fail" for a pass/fail criterion, "3 out of 4" on the scale.</summary>
    public string LevelText(EvaluationCriterion criterion, int level) => ScoresView.LevelText(criterion, level, ScaleTop);

    public int ScaleTop => Procurement.Scale.Count == 0 ? 0 : Procurement.Scale.Max(l => l.Score);

    public ScoresView ScoresOf(Bid bid, EvaluationCriterion criterion) =>
        new(criterion, Own?.ScoreFor(bid.Id, criterion.Id), [.. OthersFor(bid.Id, criterion.Id)], ScaleTop);

    public IEnumerable<OthersScore> OthersFor(Guid bidId, Guid criterionId) =>
        OthersScores.Where(s => s.BidId == bidId && s.CriterionId == criterionId);

    /// <summary>
    /// Loads the cycle, the procurement, the evaluator and what they may read. Null when the page applies: otherwise
    /// the answer to give. A cycle without a procurement, or a member not on its panel, goes to the overview; a bid
    /// (<paramref name="bidId"/>) that is not one this evaluator may read is not found, whoever asks.
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
        Readable = readable;
        Assignments = Scorecard.Assignments(Procurement, me, readable, Now);
        var organisationIds = readable.Select(b => b.OrganisationId).Distinct().ToList();
        OrganisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        await LoadOthersScoresAsync(bidId, ct);
        return null;
    }

    /// <summary>Others' scores only from submitted scorecards, and only once this evaluator may see them.</summary>
    private async Task LoadOthersScoresAsync(Guid? bidId, CancellationToken ct)
    {
        // Independent scoring: even a commissioner, who may see every scorecard to moderate, sees others' scores here
        // only once their own are submitted.
        if (!HasSubmitted || !Scorecard.MaySeeOthersScores(Role, Own) || Assignments.Count == 0)
        {
            OthersScores = [];
            return;
        }

        var procurementId = Procurement.Id;
        var ownId = Me.Id;
        // Read as scores, not scorecards, so that a page about one bid reads that bid's scores only.
        var others = await db.Scorecards.AsNoTracking()
            .Where(s => s.ProcurementId == procurementId && s.EvaluatorId != ownId && s.SubmittedAt != null)
            .SelectMany(s => s.Scores.Where(score => bidId == null || score.BidId == bidId)
                .Select(score => new { s.EvaluatorId, s.UserId, score.BidId, score.CriterionId, score.Level, score.Comment }))
            .ToListAsync(ct);
        // Named as the cycle's member list names them: people shown as "Panel member" are numbered, never named.
        var names = (await CycleMemberRow.LoadAsync(db, CycleId, UserId, ct)).ToDictionary(m => m.UserId, m => m.Name, StringComparer.Ordinal);
        var assigned = Assignments.Select(a => (a.Bid.Id, a.Criterion.Id)).ToHashSet();
        OthersScores =
        [
            .. from score in others
               let evaluator = Procurement.FindEvaluator(score.EvaluatorId)
               where evaluator is not null && assigned.Contains((score.BidId, score.CriterionId))
               orderby evaluator.AddedAt
               select new OthersScore(score.BidId, score.CriterionId, names.GetValueOrDefault(score.UserId, PeopleNames.Unknown), evaluator.Role, score.Level, score.Comment),
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
