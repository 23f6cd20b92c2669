using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Needs;

/// <summary>A commissioner or the champion records a need the evidence shows, its priority and the evidence behind it.</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class AddModel(CoproDbContext db, TimeProvider clock, ILogger<AddModel> logger) : NeedFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(
        (cycle, now) => IdentifiedNeed.Identify(cycle, Form.Statement, Form.Priority, ChosenEvidence(), User.UserId(), Role, now),
        need =>
        {
            logger.LogInformation("Need {NeedId} identified in cycle {CycleId}", need.Id, CycleId);
            TempData.SetSuccess("Need added.");
            return RedirectToPage("/Cycles/NeedsAssessment/Needs/Index", new { cycleId = CycleId });
        },
        ct);
}
