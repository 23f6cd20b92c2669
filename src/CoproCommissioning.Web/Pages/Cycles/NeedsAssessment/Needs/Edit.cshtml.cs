namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Needs;

/// <summary>A commissioner or the champion rewords a need, changes its priority or the evidence behind it (R8 on clashes).</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : NeedFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(Guid needId, CancellationToken ct) => ShowAsync(needId, ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(Guid needId, CancellationToken ct) => ReviseAsync(
        needId,
        (need, cycle, now) => need.Revise(cycle, Form.Statement, Form.Priority, ChosenEvidence(), Role, now),
        need =>
        {
            logger.LogInformation("Need {NeedId} of cycle {CycleId} changed", need.Id, CycleId);
            TempData.SetSuccess("Your changes to the need were saved.");
            return RedirectToPage("/Cycles/NeedsAssessment/Needs/Index", new { cycleId = CycleId });
        },
        ct);
}
