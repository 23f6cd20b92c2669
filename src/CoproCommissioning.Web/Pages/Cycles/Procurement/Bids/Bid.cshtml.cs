using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;

/// <summary>
/// One submitted bid for a commissioner or evaluator, after the deadline: found only among the bids the viewer may
/// read now (<see cref="ProcurementPageModel.LoadReadableBidsAsync"/>), so any other id, a sealed bid or one the
/// viewer's declaration keeps them from is not found. Providers read their own bid on <see cref="MyBidModel"/>.
/// </summary>
[CyclePermission(CycleOperation.EvaluateBids)]
public sealed class BidModel(CoproDbContext db, TimeProvider clock) : ProcurementPageModel
{
    public CycleProcurement Procurement { get; private set; } = null!;

    public BidSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid bidId, CancellationToken ct)
    {
        // Without a procurement there is no bid with this id in the cycle: not found, like any id from elsewhere.
        if (await LoadCycleAsync(db, ct) is null || await LoadProcurementAsync(db, forChange: false, ct) is not { } procurement)
        {
            return NotFound();
        }

        var readable = (await LoadReadableBidsAsync(db, procurement, clock.GetUtcNow(), forChange: false, ct)).Where(b => b.Id == bidId).ToList();
        if ((await BidSummary.LoadAsync(db, CycleId, readable, ct)).SingleOrDefault() is not { } summary)
        {
            return NotFound();
        }

        Procurement = procurement;
        Summary = summary;
        return Page();
    }
}
