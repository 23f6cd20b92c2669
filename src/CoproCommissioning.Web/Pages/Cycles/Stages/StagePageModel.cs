using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// A page under <c>/cycles/{cycleId}/stages/{stage}</c>: reads the cycle id and the stage's slug from the
/// address before any handler runs, and answers 404 for a stage that does not exist.
/// </summary>
public abstract class StagePageModel : PageModel
{
    public Guid CycleId { get; private set; }

    public StageKind Stage { get; private set; }

    public string StageSlug => Stage.ToSlug();

    public string StageTitle => Stage.ToTitle();

    public string StageWords => Stage.ToPlainWords();

    /// <summary>The cycle's title, for the caption above each stage page's heading.</summary>
    public string CycleTitle { get; protected set; } = "";

    public StageStatus Status { get; protected set; }

    public bool IsSignedOff => Status == StageStatus.SignedOff;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Guid.TryParse(RouteData.Values["cycleId"] as string, out var cycleId)
            || !StageNames.TryParseSlug(RouteData.Values["stage"] as string, out var stage))
        {
            context.Result = NotFound();
            return;
        }

        CycleId = cycleId;
        Stage = stage;
        await next();
    }

    /// <summary>Reads the cycle's title and this stage's status; false when the cycle does not exist.</summary>
    protected async Task<bool> LoadHeadingAsync(CoproDbContext db, CancellationToken ct)
    {
        var kind = Stage;
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
}
