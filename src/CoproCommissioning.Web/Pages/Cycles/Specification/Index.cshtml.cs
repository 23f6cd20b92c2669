using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.AspNetCore.Html;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// The specification: a version's sections (plain-language summary first, glossary terms explained), why each
/// last changed, the comment window, the outcome framework, the approval and every version saved.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : SpecificationPageModel
{
    public const int VersionsPageSize = 10;

    public bool HasSpecification { get; private set; }

    public int ShownVersion { get; private set; }

    public int LatestVersion { get; private set; }

    public string ShownChangeSummary { get; private set; } = "";

    public IReadOnlyList<SectionView> Sections { get; private set; } = [];

    public IReadOnlyList<OutcomeView> Outcomes { get; private set; } = [];

    public CommentWindow? OpenWindow { get; private set; }

    public CommentWindow? LastWindow { get; private set; }

    public int? ApprovedVersion { get; private set; }

    public Guid? ApprovalDecisionId { get; private set; }

    public bool IsLatestApproved { get; private set; }

    public PageOf<VersionRow> Versions { get; private set; } = null!;

    public int AgreedTerms { get; private set; }

    public int SuggestedTerms { get; private set; }

    /// <summary>A panel member or provider who may comment on the version open now.</summary>
    public bool MayComment { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? version, int versionsPage = 1, CancellationToken ct = default)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var terms = await db.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == CycleId).Select(t => t.Status).ToListAsync(ct);
        AgreedTerms = terms.Count(s => s == GlossaryTermStatus.Agreed);
        SuggestedTerms = terms.Count - AgreedTerms;

        var specification = await LoadSpecificationAsync(db, forChange: false, ct);
        if (specification is null)
        {
            Versions = Array.Empty<VersionRow>().ToPage(1, VersionsPageSize);
            return Page();
        }

        var now = clock.GetUtcNow();
        var shown = (version is { } asked ? specification.FindVersion(asked) : null) ?? specification.Latest;
        HasSpecification = true;
        ShownVersion = shown.Number;
        LatestVersion = specification.Latest.Number;
        ShownChangeSummary = shown.ChangeSummary;
        OpenWindow = specification.OpenWindowAt(now);
        LastWindow = specification.LatestWindow;
        ApprovedVersion = specification.ApprovedVersionNumber;
        ApprovalDecisionId = specification.ApprovalDecisionId;
        IsLatestApproved = specification.IsLatestApproved;
        MayComment = specification.CommentBlockers(cycle, Role, now).Count == 0;

        var glossary = await LoadGlossaryAsync(db, ct);
        var comments = cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetId is not null)
            .GroupBy(c => c.TargetId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        int CommentsOn(IEnumerable<Guid> snapshots) => snapshots.Sum(id => comments.GetValueOrDefault(id));

        Sections = [.. shown.Sections.Select((s, i) => new SectionView(
            s.SectionId,
            s.Title,
            s.PlainSummary,
            SpecificationMarkdown.Render(s.Body, Marks(glossary, $"s{i + 1}")),
            SpecificationText.ChangeNote(specification, s, cycle),
            CommentsOn(specification.HistoryOfSection(s.SectionId).Select(h => h.Id))))];
        Outcomes = [.. shown.Outcomes.Select(o => new OutcomeView(
            o.OutcomeId,
            o.Statement,
            o.Domain,
            SpecificationText.ChangeNote(specification, o, cycle),
            CommentsOn(specification.HistoryOfOutcome(o.OutcomeId).Select(h => h.Id))))];

        var names = await PeopleNames.LoadAsync(db, specification.Versions.Select(v => v.SavedByUserId), UserId, ct);
        Versions = specification.Versions
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.SavedAt, names.Of(v.SavedByUserId), v.ChangeSummary))
            .ToPage(versionsPage, VersionsPageSize);
        return Page();
    }

    public string VersionsPageUrl(int page) => $"{SpecificationUrls.Overview(CycleId, ShownVersion)}&versionsPage={page}#versions";

    public sealed record SectionView(Guid SectionId, string Title, string PlainSummary, IHtmlContent Body, string ChangeNote, int CommentCount);

    public sealed record OutcomeView(Guid OutcomeId, string Statement, OutcomeDomain Domain, string ChangeNote, int CommentCount);

    public sealed record VersionRow(int Number, DateTimeOffset SavedAt, string SavedBy, string ChangeSummary);
}
