using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Inequalities;

[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : StageContentPageModel(StageKind.NeedsAssessment)
{
    public PageOf<GroupRow> Groups { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var cycleId = CycleId;
        Groups = await db.InequalityGroups.AsNoTracking()
            .Where(g => g.CycleId == cycleId)
            .OrderBy(g => g.RecordedAt).ThenBy(g => g.Id)
            .Select(g => new GroupRow(g.Id, g.Group, g.Description, g.Inequality))
            .ToPageAsync(pageNumber, ct, PageSize);
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Cycles/NeedsAssessment/Inequalities/Index", new { cycleId = CycleId, pageNumber = number })!;

    public sealed record GroupRow(Guid Id, AffectedGroup Group, string Description, string Inequality);
}
