using Microsoft.AspNetCore.Mvc.Filters;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>
/// A page about one stage of one cycle: reads the cycle id from the address before any handler runs (404 when it is
/// not one), the cycle's title and the stage's status for the heading, and saving into the stage's own content.
/// </summary>
public abstract class CycleStagePageModel : PageModel
{
    public Guid CycleId { get; private set; }

    public StageKind Stage { get; protected set; }

    public string StageSlug => Stage.ToSlug();

    public string StageTitle => Stage.ToTitle();

    public string StageWords => Stage.ToPlainWords();

    /// <summary>The cycle's title, for the caption above the page's heading.</summary>
    public string CycleTitle { get; protected set; } = "";

    public StageStatus Status { get; protected set; }

    public bool IsSignedOff => Status == StageStatus.SignedOff;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Guid.TryParse(RouteData.Values["cycleId"] as string, out var cycleId) || !TryReadStage())
        {
            context.Result = NotFound();
            return;
        }

        CycleId = cycleId;
        await next();
    }

    /// <summary>Sets <see cref="Stage"/> from the address where it is part of it; false answers 404.</summary>
    protected virtual bool TryReadStage() => true;

    /// <summary>
    /// Saves what the handler changed in this stage's own content together with the cycle's concurrency check (R8):
    /// the cycle row is written too, so a sign-off racing this save either lands first (and this save is refused,
    /// in plain words, with what was typed kept) or fails itself. <paramref name="cycle"/> may be tracked or not.
    /// A refusal is shown on the form (beside its field, if it has one); a conflict is the caller's to explain.
    /// </summary>
    protected async Task<SaveOutcome> SaveIntoStageAsync(CoproDbContext db, CommissioningCycle cycle, DateTimeOffset now, CancellationToken ct)
    {
        var saved = await db.SaveStageContentAsync(cycle, Stage, now, ct);
        if (saved.Refusal is { } refusal)
        {
            ModelState.AddErrors([refusal], "Form");
        }

        return saved;
    }

    /// <summary>Reads the cycle's title and this stage's status; false when the cycle does not exist.</summary>
    protected async Task<bool> LoadHeadingAsync(CoproDbContext db, CancellationToken ct)
    {
        var heading = await db.StageHeadingAsync(CycleId, Stage, ct);
        if (heading is null)
        {
            return false;
        }

        CycleTitle = heading.Title;
        Status = heading.Status;
        return true;
    }
}
