using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

[CyclePermission(CycleOperation.View)]
public sealed class DetailsModel(CoproDbContext db) : StageContentPageModel(StageKind.NeedsAssessment)
{
    public EvidenceItem Evidence { get; private set; } = null!;

    public string AddedBy { get; private set; } = "";

    public IReadOnlyList<NeedRow> Supports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid evidenceId, CancellationToken ct)
    {
        var cycleId = CycleId;
        var evidence = await db.EvidenceItems.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.CycleId == cycleId, ct);
        if (evidence is null || !await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        Evidence = evidence;
        AddedBy = (await PeopleNames.LoadAsync(db, [evidence.AddedByUserId], User.UserId(), ct)).Of(evidence.AddedByUserId);
        Supports = await db.IdentifiedNeeds.AsNoTracking()
            .Where(n => n.CycleId == cycleId && n.SupportingEvidence.Any(s => s.EvidenceItemId == evidenceId))
            .OrderBy(n => n.Priority == NeedPriority.High ? 0 : n.Priority == NeedPriority.Medium ? 1 : 2).ThenBy(n => n.RecordedAt)
            .Select(n => new NeedRow(n.Statement, n.Priority))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record NeedRow(string Statement, NeedPriority Priority);
}
