using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;

/// <summary>
/// The submitted bids a commissioner or evaluator may read, once the deadline has passed: sealed until then, and for
/// an evaluator only those their accepted declaration allows. Each bid is read through the one seal
/// (<see cref="ProcurementPageModel.LoadReadableBidsAsync"/>), so the page lists nothing the viewer may not open.
/// </summary>
[CyclePermission(CycleOperation.EvaluateBids)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : ProcurementPageModel
{
    public CycleProcurement Procurement { get; private set; } = null!;

    public bool IsPastDeadline { get; private set; }

    /// <summary>Why an evaluator sees no bid at all, when that is down to them rather than to the bids.</summary>
    public BidsClosedReason? ClosedReason { get; private set; }

    public IReadOnlyList<BidSummary> Bids { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        if (await LoadProcurementAsync(db, forChange: false, ct) is not { IsCompetitive: true, IsBiddingOpen: true } procurement)
        {
            return Redirect(OverviewUrl);
        }

        Procurement = procurement;
        var now = clock.GetUtcNow();
        IsPastDeadline = procurement.IsPastDeadline(now);
        if (!IsPastDeadline)
        {
            return Page();
        }

        ClosedReason = IsCommissioner ? null : procurement.EvaluatorFor(UserId) switch
        {
            null => BidsClosedReason.NotOnPanel,
            { HasSteppedDown: true } => BidsClosedReason.SteppedDown,
            { IsDeclarationAccepted: false } => BidsClosedReason.DeclarationNotAccepted,
            _ => null,
        };
        Bids = await BidSummary.LoadAsync(db, CycleId, await LoadReadableBidsAsync(db, procurement, now, forChange: false, ct), ct);
        return Page();
    }
}

public enum BidsClosedReason
{
    NotOnPanel = 1,
    SteppedDown = 2,
    DeclarationNotAccepted = 3,
}

/// <summary>A bid as the panel's list shows it: who leads it, with whom, when it came, and whether its bidder shaped the co-design.</summary>
public sealed record BidSummary(Bid Bid, string LeadProvider, bool ShapedCoDesign)
{
    public static async Task<IReadOnlyList<BidSummary>> LoadAsync(CoproDbContext db, Guid cycleId, IReadOnlyList<Bid> readable, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(readable);
        var organisationIds = readable.Select(b => b.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var shapers = await CoDesignShapers.LoadAsync(db, cycleId, organisationIds, ct);
        return [.. readable
            .Where(b => b.IsSubmitted)
            .OrderBy(b => b.SubmittedAt)
            .Select(b => new BidSummary(b, names.GetValueOrDefault(b.OrganisationId, "A provider"), shapers.Contains(b.OrganisationId)))];
    }
}
