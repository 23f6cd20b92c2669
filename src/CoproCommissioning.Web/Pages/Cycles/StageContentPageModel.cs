namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>
/// A page of one stage's own content (needs assessment evidence, co-design sessions and proposals), under
/// <c>/cycles/{cycleId}/needs-assessment</c> or <c>/co-design</c>: the cycle's title and the stage's status
/// for the heading, and the way back to the stage workspace.
/// </summary>
public abstract class StageContentPageModel : CycleStagePageModel
{
    public const int PageSize = Paging.DefaultSize;

    protected StageContentPageModel(StageKind stage) => Stage = stage;

    /// <summary>The stage workspace (contributions, responses, decisions), which links here.</summary>
    public string WorkspaceUrl => $"/cycles/{CycleId}/stages/{StageSlug}";

    /// <summary>The role of the person looking in this cycle.</summary>
    protected CycleRole Role => HttpContext.CycleMember().Role;

    /// <summary>Commissioners and the champion add and change this stage's content.</summary>
    public bool CanManage => CyclePermissions.Allows(Role, CycleOperation.ManageStageContent);

    /// <summary>
    /// The cycle with its stages and their history: what stage content checks before it changes (is the stage
    /// signed off?). Not tracked: <c>SaveStageContentAsync</c> writes only the cycle's own
    /// row, with its version check, beside the content.
    /// </summary>
    protected Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, CancellationToken ct) =>
        db.Cycles.AsNoTracking()
            .Include(c => c.Stages).ThenInclude(s => s.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == CycleId, ct);
}
