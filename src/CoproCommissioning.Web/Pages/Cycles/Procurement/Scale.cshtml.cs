namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>
/// A commissioner rewrites the scoring scale with the panel before bidding opens: what a bid must show for each score.
/// Adding or removing a score changes only the form; saving asks the domain.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class ScaleModel(CoproDbContext db, TimeProvider clock, ILogger<ScaleModel> logger) : ProcurementPageModel
{
    [BindProperty]
    public ScaleForm Form { get; set; } = new();

    public bool HasProcurement { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange: false, ct);
        HasProcurement = procurement is not null;
        if (procurement is not null)
        {
            Form = new ScaleForm { Levels = [.. procurement.Scale.OrderBy(l => l.Score).Select(l => l.Description)], Version = procurement.Version };
        }

        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAddScoreAsync(CancellationToken ct) =>
        await ShowAgainAsync(Form with { Levels = [.. Form.Levels, ""] }, ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostRemoveScoreAsync(CancellationToken ct) =>
        await ShowAgainAsync(Form with { Levels = [.. Form.Levels.Take(Math.Max(Form.Levels.Count - 1, 0))] }, ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange: true, ct);
        HasProcurement = procurement is not null;
        if (procurement is null)
        {
            return Page();
        }

        db.Entry(procurement).Property(p => p.Version).OriginalValue = Form.Version;
        var now = clock.GetUtcNow();
        ModelState.AddErrors(procurement.SetScale(cycle, Form.Levels, UserId, Role, now), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        if (!saved.Succeeded)
        {
            return Page();
        }

        logger.LogInformation("Scoring scale of cycle {CycleId} saved", CycleId);
        TempData.SetSuccess($"Scoring scale saved: scores from 0 to {Form.Levels.Count - 1}.");
        return Redirect($"{OverviewUrl}#scale");
    }

    private async Task<IActionResult> ShowAgainAsync(ScaleForm form, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        HasProcurement = await LoadProcurementAsync(db, forChange: false, ct) is not null;
        // The page shows the new list, not what was posted under the old indexes.
        ModelState.Clear();
        Form = form;
        return Page();
    }
}

/// <summary>The descriptions of scores 0, 1, 2 … as typed.</summary>
public sealed record ScaleForm
{
    public List<string> Levels { get; init; } = [];

    public uint Version { get; init; }
}
