using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring;

/// <summary>
/// A page under <c>/cycles/{cycleId}/monitoring</c>: the cycle's title and the monitoring stage's status for the
/// heading, the signed-in member's role and organisation, and loading the cycle and its contract. Pages for one part of
/// monitoring (returns, ratings, reviews, the alliance, lessons) derive from this and keep their addresses in their own
/// <c>…Urls</c> class beside them.
/// </summary>
public abstract class MonitoringPageModel : CycleStagePageModel
{
    protected MonitoringPageModel() => Stage = StageKind.Monitoring;

    public CycleRole Role => HttpContext.CycleMember().Role;

    /// <summary>The signed-in member's account id.</summary>
    protected string UserId => User.UserId();

    /// <summary>The organisation the signed-in member is in the cycle for; a provider's returns are its organisation's.</summary>
    protected Guid? OrganisationId => HttpContext.CycleMember().OrganisationId;

    /// <summary>Commissioners make the contract, set its KPIs and hold the reviews.</summary>
    public bool IsCommissioner => CyclePermissions.Allows(Role, CycleOperation.ManageCycle);

    public string OverviewUrl => MonitoringUrls.Overview(CycleId);

    /// <summary>
    /// The cycle with its stages' statuses: the heading, and monitoring's own rules, which ask only whether its stage is
    /// open. Not tracked: a change saves with the cycle's concurrency check (<see cref="CycleStagePageModel.SaveIntoStageAsync"/>),
    /// so a change racing the stage's sign-off is refused rather than lost.
    /// </summary>
    protected async Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, CancellationToken ct) =>
        ForHeading(await db.Cycles.IncludeStageStatuses().AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, ct));

    /// <summary>Takes the heading's cycle title and the monitoring stage's status from <paramref name="cycle"/>, when found.</summary>
    protected CommissioningCycle? ForHeading(CommissioningCycle? cycle)
    {
        if (cycle is not null)
        {
            CycleTitle = cycle.Title;
            Status = cycle.StageOf(StageKind.Monitoring).Status;
        }

        return cycle;
    }

    /// <summary>The cycle's contract with its outcomes, KPIs, periods and reviews; null until a commissioner makes it from the award.</summary>
    protected Task<CycleMonitoring?> LoadMonitoringAsync(CoproDbContext db, bool forChange, CancellationToken ct)
    {
        var query = db.Monitorings.AsSplitQuery();
        return (forChange ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.CycleId == CycleId, ct);
    }
}

/// <summary>Addresses of the monitoring pages every part links to; each part keeps its own beside its pages.</summary>
public static class MonitoringUrls
{
    public static string Overview(Guid cycleId) => $"/cycles/{cycleId}/monitoring";
}
