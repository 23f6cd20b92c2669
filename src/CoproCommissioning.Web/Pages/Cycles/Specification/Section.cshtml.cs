using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.AspNetCore.Html;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>One section of the specification as it read in a version, its comments, and the form to comment on it.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class SectionModel(
    CoproDbContext db, TimeProvider clock, ILogger<SectionModel> logger)
    : CommentablePartPageModel(db, clock, logger)
{
    public string Title { get; private set; } = "";

    public string PlainSummary { get; private set; } = "";

    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    public override string PartWords => "section";

    public override string PartUrl(int? version = null) => SpecificationUrls.Section(CycleId, PartId, version);

    protected override TargetKind PartKind => TargetKind.SpecificationSection;

    protected override async Task ShowPartAsync(PartSnapshot shown, CancellationToken ct)
    {
        var section = await SpecificationReads.SectionAsync(Db, CycleId, shown.SnapshotId, ct);
        Title = section.Title;
        PlainSummary = section.PlainSummary;
        Body = SpecificationMarkdown.Render(section.Body, Marks(await LoadGlossaryAsync(Db, ct), "section"));
    }
}
