using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>A commissioner or the champion adds a co-design workshop or meeting, before or after it happens.</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class AddModel(CoproDbContext db, TimeProvider clock, ILogger<AddModel> logger) : SessionFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(
        (cycle, now) => CoDesignSession.Schedule(cycle, Details(), User.UserId(), Role, now),
        session =>
        {
            logger.LogInformation("Co-design session {SessionId} added to cycle {CycleId}", session.Id, CycleId);
            TempData.SetSuccess($"Session added: {session.Title}.");
            return RedirectToPage("/Cycles/CoDesign/Sessions/Details", new { cycleId = CycleId, sessionId = session.Id });
        },
        ct);
}
