using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Needs;

[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : StageContentPageModel(StageKind.NeedsAssessment)
{
    public PageOf<NeedRow> Needs { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<Guid, string> EvidenceSources { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var cycleId = CycleId;
        Needs = await db.IdentifiedNeeds.AsNoTracking()
            .Where(n => n.CycleId == cycleId)
            .OrderBy(n => n.Priority == NeedPriority.High ? 0 : n.Priority == NeedPriority.Medium ? 1 : 2)
            .ThenBy(n => n.RecordedAt).ThenBy(n => n.Id)
            .Select(n => new NeedRow(n.Id, n.Statement, n.Priority, n.SupportingEvidence.Select(s => s.EvidenceItemId).ToList()))
            .ToPageAsync(pageNumber, ct, PageSize);
        var evidenceIds = Needs.Items.SelectMany(n => n.EvidenceIds).Distinct().ToList();
        EvidenceSources = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CycleId == cycleId && evidenceIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Source, ct);
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Cycles/NeedsAssessment/Needs/Index", new { cycleId = CycleId, pageNumber = number })!;

    public sealed record NeedRow(Guid Id, string Statement, NeedPriority Priority, IReadOnlyList<Guid> EvidenceIds);
}
