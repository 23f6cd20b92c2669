using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment;

/// <summary>
/// A page of one stage's own content (needs assessment evidence, co-design sessions and proposals), under
/// <c>/cycles/{cycleId}/needs-assessment</c> or <c>/co-design</c>: the cycle's title and the stage's status
/// for the heading, and the way back to the stage workspace.
/// </summary>
public abstract class StageContentPageModel(StageKind stage) : PageModel
{
    public const int PageSize = Paging.DefaultSize;

    public Guid CycleId { get; private set; }

    public StageKind Stage => stage;

    public string StageTitle => stage.ToTitle();

    public string StageWords => stage.ToPlainWords();

    public string CycleTitle { get; private set; } = "";

    public StageStatus Status { get; private set; }

    public bool IsSignedOff => Status == StageStatus.SignedOff;

    /// <summary>The stage workspace (contributions, responses, decisions), which links here.</summary>
    public string WorkspaceUrl => $"/cycles/{CycleId}/stages/{stage.ToSlug()}";

    /// <summary>Commissioners and the champion add and change this stage's content.</summary>
    public bool CanManage => CyclePermissions.Allows(HttpContext.CycleMember().Role, CycleOperation.LogOnBehalf);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Guid.TryParse(RouteData.Values["cycleId"] as string, out var cycleId))
        {
            context.Result = NotFound();
            return;
        }

        CycleId = cycleId;
        await next();
    }

    /// <summary>Reads the cycle's title and this stage's status; false when the cycle does not exist.</summary>
    protected async Task<bool> LoadHeadingAsync(CoproDbContext db, CancellationToken ct)
    {
        var kind = stage;
        var heading = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == CycleId)
            .Select(c => new { c.Title, Status = c.Stages.Where(s => s.Kind == kind).Select(s => s.Status).First() })
            .SingleOrDefaultAsync(ct);
        if (heading is null)
        {
            return false;
        }

        CycleTitle = heading.Title;
        Status = heading.Status;
        return true;
    }

    /// <summary>
    /// The cycle with its stages and their history: what stage content checks before it changes (is the stage
    /// signed off?). Not tracked: adding evidence or a session never changes the cycle itself.
    /// </summary>
    protected Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, CancellationToken ct) =>
        db.Cycles.AsNoTracking()
            .Include(c => c.Stages).ThenInclude(s => s.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == CycleId, ct);
}
