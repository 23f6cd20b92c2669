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

        // One read of the glossary: the agreed terms to mark, and how many terms of each kind to say.
        var terms = await db.GlossaryTerms.AsNoTracking()
            .Where(t => t.CycleId == CycleId)
            .Select(t => new { Entry = new GlossaryEntry(t.Id, t.Term, t.Meaning), t.Status })
            .ToListAsync(ct);
        AgreedTerms = terms.Count(t => t.Status == GlossaryTermStatus.Agreed);
        SuggestedTerms = terms.Count - AgreedTerms;

        var now = clock.GetUtcNow();
        var specification = await LoadForReadingAsync(db, [version], now, ct);
        if (specification is null)
        {
            Versions = Array.Empty<VersionRow>().ToPage(1, VersionsPageSize);
            return Page();
        }

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

        List<GlossaryEntry> glossary = [.. terms.Where(t => t.Status == GlossaryTermStatus.Agreed).Select(t => t.Entry)];
        var sections = await SpecificationReads.SectionsAsync(db, CycleId, [shown.Number], ct);
        var outcomes = await SpecificationReads.OutcomesAsync(db, CycleId, [shown.Number], ct);
        var notes = await SpecificationReads.ChangeNotesAsync(
            db, CycleId, [.. sections.Select(s => (s.SectionId, s.ChangedInVersion)), .. outcomes.Select(o => (o.OutcomeId, o.ChangedInVersion))], ct);
        var comments = await SpecificationReads.CommentCountsAsync(db, CycleId, cycle.StageOf(StageKind.Specification), ct);

        Sections = [.. sections.Select((s, i) => new SectionView(
            s.SectionId,
            s.Title,
            s.PlainSummary,
            SpecificationMarkdown.Render(s.Body, Marks(glossary, $"s{i + 1}")),
            notes.For(s.SectionId, s.ChangedInVersion),
            comments.GetValueOrDefault(s.SectionId)))];
        Outcomes = [.. outcomes.Select(o => new OutcomeView(
            o.OutcomeId,
            o.Statement,
            o.Domain,
            notes.For(o.OutcomeId, o.ChangedInVersion),
            comments.GetValueOrDefault(o.OutcomeId)))];

        var versions = await SpecificationReads.Versions(db, CycleId)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.SavedAt, v.SavedByUserId, v.ChangeSummary })
            .ToPageAsync(versionsPage, ct, VersionsPageSize);
        var names = await PeopleNames.LoadAsync(db, versions.Items.Select(v => v.SavedByUserId), UserId, ct);
        Versions = versions.With<VersionRow>([.. versions.Items.Select(v => new VersionRow(v.Number, v.SavedAt, names.Of(v.SavedByUserId), v.ChangeSummary))]);
        return Page();
    }

    public string VersionsPageUrl(int page) => $"{SpecificationUrls.Overview(CycleId, ShownVersion)}&versionsPage={page}#versions";

    public sealed record SectionView(Guid SectionId, string Title, string PlainSummary, IHtmlContent Body, string ChangeNote, int CommentCount);

    public sealed record OutcomeView(Guid OutcomeId, string Statement, OutcomeDomain Domain, string ChangeNote, int CommentCount);

    public sealed record VersionRow(int Number, DateTimeOffset SavedAt, string SavedBy, string ChangeSummary);
}
