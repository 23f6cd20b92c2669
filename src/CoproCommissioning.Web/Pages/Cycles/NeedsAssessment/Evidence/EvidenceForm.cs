using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

/// <summary>A piece of evidence as the add and change pages show it; the domain judges every answer.</summary>
public sealed record EvidenceForm : StageContentForm
{
    public string Source { get; init; } = "";

    public EvidenceKind? Kind { get; init; }

    public string Summary { get; init; } = "";

    public string Link { get; init; } = "";
}

/// <summary>What adding and changing evidence share.</summary>
public abstract class EvidenceFormPageModel(CoproDbContext db, TimeProvider clock)
    : StageContentFormPageModel<EvidenceItem, EvidenceForm>(StageKind.NeedsAssessment, db, clock)
{
    protected override string ItemWords => "this evidence";

    protected override EvidenceForm ToForm(EvidenceItem item) => new()
    {
        Source = item.Source,
        Kind = item.Kind,
        Summary = item.Summary,
        Link = item.Link ?? "",
        Version = item.Version,
    };
}
