namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>
/// The reviews of the contract: when each was held, the periods it looked at and what it decided, or that it has not
/// decided yet. Every member may read them, as they may the stage's decisions: the review is where people's input
/// on the outcomes is answered. Commissioners record them.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : ReviewsPageModel(db, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null)
        {
            return NotFound();
        }

        Monitoring = await LoadMonitoringAsync(Db, forChange: false, ct);
        return Page();
    }
}
