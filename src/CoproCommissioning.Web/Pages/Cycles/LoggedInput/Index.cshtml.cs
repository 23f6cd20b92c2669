namespace CoproCommissioning.Web.Pages.Cycles.LoggedInput;

/// <summary>
/// "Input I logged and what happened to it": for the champion (or a commissioner) who logs input gathered offline, each
/// piece they logged in this cycle with its answer and the decisions it shaped, and the sheets to hand back.
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class IndexModel(CoproDbContext db) : CycleStagePageModel
{
    public PageOf<SheetEntry> Entries { get; private set; } = null!;

    /// <summary>The stages the person logged input in, in cycle order: one sheet each.</summary>
    public IReadOnlyList<StageKind> Stages { get; private set; } = [];

    public bool CanRespond { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var me = User.UserId();
        var mine = LoggedInputSheets.Logged(db, CycleId).Where(c => c.RecordedByUserId == me);
        var rows = await mine.UnansweredFirst().ToPageAsync(pageNumber, page => page.AsLoggedRows(db), ct);
        Entries = rows.With(await rows.Items.ToEntriesAsync(db, CycleId, ct));
        Stages = [.. (await mine.Select(c => c.StageKind).Distinct().ToListAsync(ct)).Order()];
        CanRespond = CyclePermissions.Allows(HttpContext.CycleMember().Role, CycleOperation.Respond);
        return Page();
    }

    public string PageUrl(int pageNumber) => $"{LoggedInputSheets.ListUrl(CycleId)}?pageNumber={pageNumber}";
}
