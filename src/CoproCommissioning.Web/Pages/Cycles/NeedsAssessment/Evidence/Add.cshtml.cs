using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

/// <summary>A commissioner or the champion adds a piece of evidence to the needs assessment.</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class AddModel(CoproDbContext db, TimeProvider clock, ILogger<AddModel> logger) : EvidenceFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(
        (cycle, now) => EvidenceItem.Add(cycle, Form.Source, Form.Kind, Form.Summary, Form.Link, User.UserId(), Role, now),
        evidence =>
        {
            logger.LogInformation("Evidence {EvidenceId} added to cycle {CycleId}", evidence.Id, CycleId);
            TempData.SetSuccess($"Evidence added: {evidence.Source}.");
            return RedirectToPage("/Cycles/NeedsAssessment/Evidence/Index", new { cycleId = CycleId });
        },
        ct);
}
