namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

/// <summary>
/// The outcomes over time, for every period that has started: each "I" statement as providers and the panel rated it,
/// where they differ by two levels or more, and each KPI and commitment against its target. Every member may open it;
/// what each sees is decided once, in <see cref="OutcomesOverTime"/>.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    public OutcomesOverTime? Outcomes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        if (await OutcomesContract.LoadAsync(db, CycleId, ct) is { } contract)
        {
            var today = UkTime.Today(clock.GetUtcNow());
            Outcomes = await OutcomesOverTime.LoadAsync(
                db, contract, [.. contract.Periods.Where(p => p.HasStarted(today))], new Viewer(UserId, Role, OrganisationId), ct);
        }

        return Page();
    }
}
