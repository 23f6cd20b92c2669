using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Needs;

/// <summary>An identified need as the add and change pages show it; the domain judges every answer.</summary>
public sealed record NeedForm : StageContentForm
{
    public string Statement { get; init; } = "";

    public NeedPriority? Priority { get; init; }

    public List<Guid> EvidenceIds { get; init; } = [];
}

public sealed record EvidenceOption(Guid Id, string Source, EvidenceKind Kind);

/// <summary>What adding and changing a need share: the evidence to choose from, and the chosen evidence itself.</summary>
public abstract class NeedFormPageModel(CoproDbContext db, TimeProvider clock)
    : StageContentFormPageModel<IdentifiedNeed, NeedForm>(StageKind.NeedsAssessment, db, clock)
{
    public const string UnknownEvidenceMessage = "Choose evidence from the list. Some of what you chose is no longer there.";

    private List<EvidenceItem> _evidence = [];

    public IReadOnlyList<EvidenceOption> EvidenceOptions => [.. _evidence.Select(e => new EvidenceOption(e.Id, e.Source, e.Kind))];

    protected override string ItemWords => "this need";

    protected override NeedForm ToForm(IdentifiedNeed item) => new()
    {
        Statement = item.Statement,
        Priority = item.Priority,
        EvidenceIds = [.. item.SupportingEvidence.Select(s => s.EvidenceItemId)],
        Version = item.Version,
    };

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var cycleId = CycleId;
        _evidence = await Db.EvidenceItems.AsNoTracking()
            .Where(e => e.CycleId == cycleId)
            .OrderBy(e => e.Source).ThenBy(e => e.AddedAt)
            .ToListAsync(ct);
    }

    /// <summary>The evidence chosen on the form; anything not in this cycle's list (gone, or a hand-made request) is refused.</summary>
    protected IReadOnlyList<EvidenceItem> ChosenEvidence()
    {
        var chosen = Form.EvidenceIds.Distinct().ToList();
        var found = _evidence.Where(e => chosen.Contains(e.Id)).ToList();
        if (found.Count != chosen.Count)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(NeedForm.EvidenceIds)}", UnknownEvidenceMessage);
        }

        return found;
    }
}
