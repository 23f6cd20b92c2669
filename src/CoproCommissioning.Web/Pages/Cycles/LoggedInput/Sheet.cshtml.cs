using CoproCommissioning.Web.Pages.Cycles.Stages;

namespace CoproCommissioning.Web.Pages.Cycles.LoggedInput;

/// <summary>
/// A printable "you said, we did" sheet for one piece of input logged on people's behalf. Only the person who logged it
/// and the cycle's commissioners may read it; for anyone else it does not exist (404).
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class SheetModel(CoproDbContext db, TimeProvider clock) : StagePageModel
{
    public SheetEntry Entry { get; private set; } = null!;

    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken ct)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var (me, role, stage) = (User.UserId(), HttpContext.CycleMember().Role, Stage);
        var everyones = LoggedInputSheets.ReadsEveryonesSheets(role);
        var row = await LoggedInputSheets.Logged(db, CycleId)
            .Where(c => c.Id == contributionId && c.StageKind == stage && (everyones || c.RecordedByUserId == me))
            .AsLoggedRows(db)
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        Entry = (await new[] { row }.ToEntriesAsync(db, CycleId, ct))[0];
        PrintedAt = clock.GetUtcNow();
        return Page();
    }
}
