namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment;

/// <summary>
/// The address the needs assessment's content once had a hub of its own at. The stage workspace is now the one hub (its
/// input, decisions, evidence, needs and inequalities together), so links and bookmarks to this address go there.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet(Guid cycleId) =>
        RedirectToPage("/Cycles/Stages/Workspace", null, new { cycleId, stage = StageKind.NeedsAssessment.ToSlug() }, "findings");
}
