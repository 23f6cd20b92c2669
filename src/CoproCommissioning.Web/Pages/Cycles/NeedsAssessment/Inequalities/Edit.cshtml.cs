namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Inequalities;

/// <summary>A commissioner or the champion corrects an inequality group; two people editing at once are told (R8).</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : InequalityFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct) => ShowAsync(groupId, ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(Guid groupId, CancellationToken ct) => ReviseAsync(
        groupId,
        (group, cycle, now) => group.Revise(cycle, Form.Group, Form.Description, Form.Inequality, Role, now),
        group =>
        {
            logger.LogInformation("Inequality group {GroupId} of cycle {CycleId} changed", group.Id, CycleId);
            TempData.SetSuccess("Your changes to the group were saved.");
            return RedirectToPage("/Cycles/NeedsAssessment/Inequalities/Index", new { cycleId = CycleId });
        },
        ct);
}
