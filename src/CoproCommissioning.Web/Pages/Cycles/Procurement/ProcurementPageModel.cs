using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>
/// A page under <c>/cycles/{cycleId}/procurement</c>: the cycle's title and the procurement stage's status for the
/// heading, the signed-in member's role, and loading the cycle and its procurement.
/// </summary>
public abstract class ProcurementPageModel : CycleStagePageModel
{
    protected ProcurementPageModel() => Stage = StageKind.Procurement;

    public CycleRole Role => HttpContext.CycleMember().Role;

    /// <summary>The signed-in member's account id.</summary>
    protected string UserId => User.UserId();

    /// <summary>Commissioners choose the route, write the criteria, run the panel and open bidding.</summary>
    public bool IsCommissioner => CyclePermissions.Allows(Role, CycleOperation.ManageCycle);

    public string OverviewUrl => ProcurementUrls.Overview(CycleId);

    /// <summary>The organisation the signed-in member is in the cycle for; a provider's bids are its organisation's.</summary>
    protected Guid? OrganisationId => HttpContext.CycleMember().OrganisationId;

    /// <summary>
    /// The cycle with its stages' statuses: the heading, and the procurement's own rules, which ask only whether its
    /// stage is open. Not tracked: a change saves the procurement with the cycle's concurrency check
    /// (<see cref="CycleStagePageModel.SaveIntoStageAsync"/>).
    /// </summary>
    protected async Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, CancellationToken ct)
    {
        return ForHeading(await db.CycleWithStageStatusesAsync(CycleId, ct));
    }

    /// <summary>Takes the heading's cycle title and the procurement stage's status from <paramref name="cycle"/>, when found.</summary>
    protected CommissioningCycle? ForHeading(CommissioningCycle? cycle)
    {
        if (cycle is not null)
        {
            CycleTitle = cycle.Title;
            Status = cycle.StageOf(StageKind.Procurement).Status;
        }

        return cycle;
    }

    /// <summary>The cycle's procurement with its criteria, panel and scale; null until a route is recorded.</summary>
    protected Task<CycleProcurement?> LoadProcurementAsync(CoproDbContext db, bool forChange, CancellationToken ct)
    {
        var query = db.Procurements.AsSplitQuery();
        return (forChange ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.CycleId == CycleId, ct);
    }

    /// <summary>
    /// The bids the signed-in member may read now, and nothing else: every page that shows a bid, a score or a
    /// standing reads bids through here, so the seal (<see cref="Bid.MayBeReadBy"/>) is applied in one place. A
    /// provider's query asks the database for its own organisation's bid only.
    /// </summary>
    protected async Task<IReadOnlyList<Bid>> LoadReadableBidsAsync(
        CoproDbContext db, CycleProcurement procurement, DateTimeOffset now, bool forChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bids = await (forChange ? BidsVisibleToRole(db, procurement) : BidsVisibleToRole(db, procurement).AsNoTracking())
            .OrderBy(b => b.StartedAt).ToListAsync(ct);
        return [.. bids.Where(b => b.MayBeReadBy(procurement, UserId, Role, OrganisationId, now))];
    }

    /// <summary>
    /// The same bids, read without changing them, with their answers, partners and attachments only for the one bid
    /// (<paramref name="withAnswersOf"/>) a page shows in full, or for none: a list of forty bids needs none of them.
    /// </summary>
    protected async Task<IReadOnlyList<Bid>> LoadReadableBidListAsync(
        CoproDbContext db, IEvaluationSetup procurement, DateTimeOffset now, Guid? withAnswersOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bids = await BidsVisibleToRole(db, procurement).OrderBy(b => b.StartedAt).ListedAsync(ct);
        var readable = bids.Where(b => b.MayBeReadBy(procurement, UserId, Role, OrganisationId, now)).ToList();
        var index = readable.FindIndex(b => b.Id == withAnswersOf);
        if (index >= 0)
        {
            var id = readable[index].Id;
            readable[index] = await db.Bids.AsNoTracking().SingleAsync(b => b.Id == id, ct);
        }

        return readable;
    }

    private IQueryable<Bid> BidsVisibleToRole(CoproDbContext db, IEvaluationSetup procurement)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        var query = db.Bids.Where(b => b.ProcurementId == procurement.Id);
        if (CyclePermissions.Allows(Role, CycleOperation.SubmitBid))
        {
            var own = OrganisationId;
            query = query.Where(b => b.OrganisationId == own);
        }

        return query;
    }

    /// <summary>
    /// Every submitted bid without its answers, for working out the evaluation (<see cref="Evaluation.Of"/>), which
    /// reads only who bid and when: pages show a bid's answers only from <see cref="LoadReadableBidsAsync"/>.
    /// </summary>
    internal static async Task<IReadOnlyList<Bid>> LoadSubmittedBidsAsync(CoproDbContext db, CycleProcurement procurement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return await db.Bids
            .Where(b => b.ProcurementId == procurement.Id && b.Status == BidStatus.Submitted)
            .OrderBy(b => b.SubmittedAt).ListedAsync(ct);
    }

    /// <summary>The evaluators' scorecards. Pages show another evaluator's scores only when <see cref="Scorecard.MaySeeOthersScores"/> allows.</summary>
    internal static async Task<IReadOnlyList<Scorecard>> LoadScorecardsAsync(CoproDbContext db, CycleProcurement procurement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return await db.Scorecards.AsNoTracking().Where(s => s.ProcurementId == procurement.Id).ToListAsync(ct);
    }
}

/// <summary>The procurement pages' addresses, in one place for pages, links and tests.</summary>
public static class ProcurementUrls
{
    public static string Overview(Guid cycleId) => $"/cycles/{cycleId}/procurement";

    public static string Route(Guid cycleId) => $"{Overview(cycleId)}/route";

    public static string Scale(Guid cycleId) => $"{Overview(cycleId)}/scale";

    public static string AddCriterion(Guid cycleId) => $"{Overview(cycleId)}/criteria/add";

    public static string Criterion(Guid cycleId, Guid criterionId) => $"{Overview(cycleId)}/criteria/{criterionId}";

    public static string AddEvaluator(Guid cycleId) => $"{Overview(cycleId)}/panel/add";

    public static string Evaluator(Guid cycleId, Guid evaluatorId) => $"{Overview(cycleId)}/panel/{evaluatorId}";

    public static string Declaration(Guid cycleId) => $"{Overview(cycleId)}/declaration";

    /// <summary>The bids a commissioner or evaluator may read, after the deadline.</summary>
    public static string Bids(Guid cycleId) => $"{Overview(cycleId)}/bids";

    /// <summary>A provider's own organisation's bid: start, write, submit, withdraw.</summary>
    public static string MyBid(Guid cycleId) => $"{Bids(cycleId)}/mine";

    public static string Bid(Guid cycleId, Guid bidId) => $"{Bids(cycleId)}/{bidId}";

    /// <summary>An evaluator's scorecard: what they score, and submitting it.</summary>
    public static string Scoring(Guid cycleId) => $"{Overview(cycleId)}/scoring";

    public static string ScoreBid(Guid cycleId, Guid bidId) => $"{Scoring(cycleId)}/{bidId}";

    /// <summary>Every bid's scores by criterion, their spread, the agreed scores and the ranking.</summary>
    public static string Moderation(Guid cycleId) => $"{Overview(cycleId)}/moderation";

    public static string Moderate(Guid cycleId, Guid bidId, Guid criterionId) => $"{Moderation(cycleId)}/{bidId}/{criterionId}";

    public static string Award(Guid cycleId) => $"{Overview(cycleId)}/award";

    /// <summary>The intention to award, the standstill and the representations made during it.</summary>
    public static string Standstill(Guid cycleId) => $"{Overview(cycleId)}/standstill";

    /// <summary>The printable procurement record (Provider Selection Regime, regulation 24).</summary>
    public static string Record(Guid cycleId) => $"{Overview(cycleId)}/record";

    public static string ScoresCsv(Guid cycleId) => $"{Record(cycleId)}/scores.csv";
}
