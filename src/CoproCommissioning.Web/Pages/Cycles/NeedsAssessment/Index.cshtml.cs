using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment;

/// <summary>The needs assessment's own content at a glance: evidence, identified needs, groups affected by inequalities.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : StageContentPageModel(StageKind.NeedsAssessment)
{
    public int EvidenceCount { get; private set; }

    public IReadOnlyDictionary<NeedPriority, int> NeedsByPriority { get; private set; } = new Dictionary<NeedPriority, int>();

    public int NeedCount => NeedsByPriority.Values.Sum();

    public int GroupCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var cycleId = CycleId;
        EvidenceCount = await db.EvidenceItems.CountAsync(e => e.CycleId == cycleId, ct);
        NeedsByPriority = await db.IdentifiedNeeds.Where(n => n.CycleId == cycleId)
            .GroupBy(n => n.Priority)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        GroupCount = await db.InequalityGroups.CountAsync(g => g.CycleId == cycleId, ct);
        return Page();
    }
}
