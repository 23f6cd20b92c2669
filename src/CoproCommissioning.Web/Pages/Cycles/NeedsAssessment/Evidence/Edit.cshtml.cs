namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

/// <summary>A commissioner or the champion corrects a piece of evidence; two people editing at once are told (R8).</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : EvidenceFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(Guid evidenceId, CancellationToken ct) => ShowAsync(evidenceId, ct);

    [CyclePermission(CycleOperation.ManageStageContent)]
    public Task<IActionResult> OnPostAsync(Guid evidenceId, CancellationToken ct) => ReviseAsync(
        evidenceId,
        (evidence, cycle, now) => evidence.Revise(cycle, Form.Source, Form.Kind, Form.Summary, Form.Link, Role, now),
        evidence =>
        {
            logger.LogInformation("Evidence {EvidenceId} of cycle {CycleId} changed", evidence.Id, CycleId);
            TempData.SetSuccess("Your changes to this evidence were saved.");
            return RedirectToPage("/Cycles/NeedsAssessment/Evidence/Details", new { cycleId = CycleId, evidenceId });
        },
        ct);
}
