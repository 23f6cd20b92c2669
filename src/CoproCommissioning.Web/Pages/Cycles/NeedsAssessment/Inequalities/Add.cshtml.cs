using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Inequalities;

/// <summary>A commissioner or the champion records a group affected by an inequality and what the inequality is.</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class AddModel(CoproDbContext db, TimeProvider clock, ILogger<AddModel> logger) : InequalityFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(
        (cycle, now) => InequalityGroup.Record(cycle, Form.Group, Form.Description, Form.Inequality, User.UserId(), Role, now),
        group =>
        {
            logger.LogInformation("Inequality group {GroupId} recorded in cycle {CycleId}", group.Id, CycleId);
            TempData.SetSuccess($"Group added: {NeedsAssessmentLabels.Describe(group.Group, group.Description)}.");
            return RedirectToPage("/Cycles/NeedsAssessment/Inequalities/Index", new { cycleId = CycleId });
        },
        ct);
}
