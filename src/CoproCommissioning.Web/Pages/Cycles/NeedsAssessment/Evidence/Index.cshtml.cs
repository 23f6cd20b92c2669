using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : StageContentPageModel(StageKind.NeedsAssessment)
{
    public PageOf<EvidenceRow> Evidence { get; private set; } = new([], 1, PageSize, 0);

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var cycleId = CycleId;
        Evidence = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CycleId == cycleId)
            .OrderByDescending(e => e.AddedAt).ThenByDescending(e => e.Id)
            .Select(e => new EvidenceRow(e.Id, e.Source, e.Kind, e.AddedByUserId, e.AddedAt))
            .ToPageAsync(pageNumber, ct, PageSize);
        Names = await PeopleNames.LoadAsync(db, Evidence.Items.Select(e => e.AddedByUserId), User.UserId(), ct);
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Cycles/NeedsAssessment/Evidence/Index", new { cycleId = CycleId, pageNumber = number })!;

    public sealed record EvidenceRow(Guid Id, string Source, EvidenceKind Kind, string AddedByUserId, DateTimeOffset AddedAt);
}
