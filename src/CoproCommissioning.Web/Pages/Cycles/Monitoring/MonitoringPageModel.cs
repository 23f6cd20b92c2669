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
        ForHeading(await db.CycleWithStageStatusesAsync(CycleId, ct));

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

/// <summary>The entry page of each part of monitoring, which the overview and the others link to; each part keeps its other addresses beside its pages.</summary>
public static class MonitoringUrls
{
    public static string Overview(Guid cycleId) => $"/cycles/{cycleId}/monitoring";

    /// <summary>Making the contract from the award, and changing its terms.</summary>
    public static string Contract(Guid cycleId) => $"{Overview(cycleId)}/contract";

    /// <summary>Each provider's returns, period by period.</summary>
    public static string Returns(Guid cycleId) => $"{Overview(cycleId)}/returns";

    /// <summary>The panel's own ratings of the outcomes, period by period.</summary>
    public static string Ratings(Guid cycleId) => $"{Overview(cycleId)}/ratings";

    /// <summary>The outcomes over time: providers' ratings, the panel's, and KPIs against their targets.</summary>
    public static string Outcomes(Guid cycleId) => $"{Overview(cycleId)}/outcomes";

    public static string Reviews(Guid cycleId) => $"{Overview(cycleId)}/reviews";

    /// <summary>Holding a review: its date, who took part, the minutes and the periods it looked at.</summary>
    public static string NewReview(Guid cycleId) => $"{Reviews(cycleId)}/new";

    /// <summary>The alliance leadership team, when the contract is an alliance agreement.</summary>
    public static string Alliance(Guid cycleId) => $"{Overview(cycleId)}/alliance";

    public static string Lessons(Guid cycleId) => $"{Overview(cycleId)}/lessons";

    /// <summary>Signing off monitoring and starting the next cycle for the same service.</summary>
    public static string NextCycle(Guid cycleId) => $"{Overview(cycleId)}/next-cycle";
}
