using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

[CyclePermission(CycleOperation.View)]
public sealed class DetailsModel(CoproDbContext db) : StageContentPageModel(StageKind.NeedsAssessment)
{
    public EvidenceItem Evidence { get; private set; } = null!;

    public string AddedBy { get; private set; } = "";

    public IReadOnlyList<NeedRow> Supports { get; private set; } = [];

    /// <summary>Where the evidence came from when signing off an earlier cycle's monitoring carried it here; null otherwise.</summary>
    public CarriedFrom? Carried { get; private set; }

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
        Carried = await CarriedFromAsync(evidenceId, ct);
        return Page();
    }

    /// <summary>
    /// The earlier cycle and the part of it the evidence was made from, linked for that cycle's members only: its team
    /// may differ from this one's, and its pages refuse anyone else.
    /// </summary>
    private async Task<CarriedFrom?> CarriedFromAsync(Guid evidenceId, CancellationToken ct)
    {
        var userId = User.UserId();
        var carried = await db.CarriedEvidence.AsNoTracking()
            .Where(c => c.EvidenceItemId == evidenceId && c.CycleId == CycleId)
            .Select(c => new
            {
                c.FromCycleId,
                c.Kind,
                Title = db.Cycles.Where(f => f.Id == c.FromCycleId).Select(f => f.Title).FirstOrDefault(),
                IsMember = db.Memberships.Any(m => m.CycleId == c.FromCycleId && m.UserId == userId),
            })
            .FirstOrDefaultAsync(ct);
        return carried is null
            ? null
            : new CarriedFrom(carried.Title ?? "", carried.IsMember ? SourceAddress(carried.FromCycleId, carried.Kind) : null, carried.Kind);
    }

    private static string SourceAddress(Guid fromCycleId, CarriedEvidenceKind kind) => kind switch
    {
        CarriedEvidenceKind.Lesson => MonitoringUrls.Lessons(fromCycleId),
        CarriedEvidenceKind.GlossaryTerm => $"/cycles/{fromCycleId}/specification/glossary",
        _ => $"/cycles/{fromCycleId}/specification/outcomes",
    };

    /// <summary>The earlier cycle the evidence came from; <see cref="Address"/> (where its source is) is for that cycle's members only.</summary>
    public sealed record CarriedFrom(string CycleTitle, string? Address, CarriedEvidenceKind Kind)
    {
        public string SourceWords => Kind switch
        {
            CarriedEvidenceKind.Lesson => "its lessons learned",
            CarriedEvidenceKind.GlossaryTerm => "its glossary",
            _ => "its outcome framework",
        };
    }

    public sealed record NeedRow(string Statement, NeedPriority Priority);
}
