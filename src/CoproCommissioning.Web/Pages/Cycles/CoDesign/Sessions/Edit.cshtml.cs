namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>A commissioner or the champion adds minutes and who came, or corrects a session; two people at once are told (R8).</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : SessionFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => ShowAsync(sessionId, ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct) => ReviseAsync(
        sessionId,
        // People who came and have since left the cycle aren't on the form: they stay on the record of a past session.
        (session, cycle, now) => session.Revise(
            cycle, Details(session.Attendees.Select(a => a.UserId).Where(id => Members.All(m => m.UserId != id))), Role, now),
        session =>
        {
            logger.LogInformation("Co-design session {SessionId} of cycle {CycleId} changed", session.Id, CycleId);
            TempData.SetSuccess("Your changes to the session were saved.");
            return RedirectToPage("/Cycles/CoDesign/Sessions/Details", new { cycleId = CycleId, sessionId });
        },
        ct);
}
