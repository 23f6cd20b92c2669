using CoproCommissioning.Web.Pages.Cycles.Stages;

namespace CoproCommissioning.Web.Pages.Cycles.LoggedInput;

/// <summary>
/// A printable "you said, we did" sheet for all the input the person logged on people's behalf in one stage, in the
/// order it was logged, to take back to the group or the people it came from.
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class StageSheetModel(CoproDbContext db, TimeProvider clock) : StagePageModel
{
    public IReadOnlyList<SheetEntry> Entries { get; private set; } = [];

    public int Waiting => Entries.Count(e => e.Input.Response is null);

    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var (me, stage) = (User.UserId(), Stage);
        var rows = await LoggedInputSheets.Logged(db, CycleId)
            .Where(c => c.StageKind == stage && c.RecordedByUserId == me)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .AsLoggedRows(db)
            .ToListAsync(ct);
        Entries = await rows.ToEntriesAsync(db, CycleId, ct);
        PrintedAt = clock.GetUtcNow();
        return Page();
    }
}
