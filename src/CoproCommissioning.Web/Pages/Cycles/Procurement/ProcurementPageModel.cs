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

    /// <summary>
    /// The cycle with its stages' statuses: the heading, and the procurement's own rules, which ask only whether its
    /// stage is open. Not tracked: a change saves the procurement with the cycle's concurrency check
    /// (<see cref="CycleStagePageModel.SaveIntoStageAsync"/>).
    /// </summary>
    protected async Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStageStatuses().AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
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
}
