using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A page under <c>/cycles/{cycleId}/specification</c>: the cycle's title and the specification stage's status for
/// the heading, the signed-in member's role, and loading the cycle and its specification.
/// </summary>
public abstract class SpecificationPageModel : CycleStagePageModel
{
    protected SpecificationPageModel() => Stage = StageKind.Specification;

    /// <summary>The specification stage is signed off: nothing in the specification changes until it is reopened.</summary>
    public bool IsFrozen => IsSignedOff;

    public CycleRole Role => HttpContext.CycleMember().Role;

    /// <summary>The signed-in member's account id.</summary>
    protected string UserId => User.UserId();

    /// <summary>Commissioners write, open for comment and approve the specification.</summary>
    public bool IsCommissioner => CyclePermissions.Allows(Role, CycleOperation.ManageCycle);

    public string OverviewUrl => SpecificationUrls.Overview(CycleId);

    public string WorkspaceUrl => SpecificationUrls.Workspace(CycleId);

    /// <summary>
    /// For a read, the cycle and its stages' statuses: the heading, and the specification's own rules, which ask only
    /// whether its stage is signed off. Pages read the comments and decisions they show with their own queries.
    /// For a change, the whole cycle, tracked: commenting, answering comments and approving add a contribution,
    /// responses or a decision to the cycle, whose rules (R1–R3, the voices that shaped a decision) read its input.
    /// </summary>
    protected async Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, bool forChange, CancellationToken ct)
    {
        var query = forChange ? db.Cycles.IncludeStages() : db.Cycles.IncludeStageStatuses().AsNoTracking();
        var cycle = await query.SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is not null)
        {
            CycleTitle = cycle.Title;
            Status = cycle.StageOf(StageKind.Specification).Status;
        }

        return cycle;
    }

    /// <summary>The whole specification, every version of every part: for a change, whose rules compare versions.</summary>
    protected Task<ServiceSpecification?> LoadSpecificationAsync(CoproDbContext db, bool forChange, CancellationToken ct)
    {
        var query = db.Specifications.IncludeVersions();
        return (forChange ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.CycleId == CycleId, ct);
    }

    /// <summary>
    /// For a read, the specification with its comment windows and only the versions a page shows: the latest, and those
    /// <paramref name="versions"/> names given the latest number, each with its sections and outcomes. What the domain
    /// reads of the latest version, the windows and the approval is all there; a part's history is not (ask
    /// <see cref="SpecificationReads"/>). Null when no draft has been saved.
    /// </summary>
    protected async Task<ServiceSpecification?> LoadVersionsAsync(CoproDbContext db, Func<int, IEnumerable<int?>> versions, CancellationToken ct)
    {
        var latest = await db.Specifications.AsNoTracking()
            .Where(s => s.CycleId == CycleId)
            .Select(s => s.Versions.Max(v => (int?)v.Number))
            .SingleOrDefaultAsync(ct);
        if (latest is not { } number)
        {
            return null;
        }

        List<int> wanted = [number, .. versions(number).OfType<int>().Where(n => n != number).Distinct()];
        return await db.Specifications.AsNoTracking()
            .Include(s => s.Versions.Where(v => wanted.Contains(v.Number))).ThenInclude(v => v.Sections)
            .Include(s => s.Versions.Where(v => wanted.Contains(v.Number))).ThenInclude(v => v.Outcomes)
            .Include(s => s.CommentWindows)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.CycleId == CycleId, ct);
    }

    /// <summary>
    /// For a page that shows the specification: the specification with the headers of its latest version (and of the one
    /// before it when <paramref name="withPrevious"/>) and of those <paramref name="versions"/> names (number, change
    /// summary, who saved it when) but not their sections or outcomes, which a page reads as it shows them
    /// (<see cref="SpecificationReads"/>); and the comment windows the domain reads at <paramref name="now"/>: any not
    /// ended by then (so the one open), the latest opened, and those on the versions loaded. So the domain's answers about
    /// the windows, the approval and the latest version, and <c>CommentBlockers</c> for a loaded version, are as with the
    /// whole specification, in one statement whose rows do not grow with versions or windows. Not for a change; null when
    /// no draft has been saved.
    /// </summary>
    protected async Task<ServiceSpecification?> LoadForReadingAsync(
        CoproDbContext db, IEnumerable<int?> versions, DateTimeOffset now, CancellationToken ct, bool withPrevious = false)
    {
        var wanted = versions.OfType<int>().Distinct().ToList();
        int previous = withPrevious ? 1 : 0;
        // A filtered include cannot refer to its parent, so the latest version and window are subqueries of their own.
        var specification = await db.Specifications.AsNoTracking()
            .Include(s => s.Versions.Where(v => wanted.Contains(v.Number) || v.Number >= SpecificationReads.Versions(db, CycleId).Max(x => x.Number) - previous))
            .Include(s => s.CommentWindows.Where(w =>
                (w.ClosedEarlyAt ?? w.ClosesAt) > now
                || w.OpenedAt == db.Specifications.Where(x => x.CycleId == CycleId).SelectMany(x => x.CommentWindows).Max(x => x.OpenedAt)
                || wanted.Contains(w.VersionNumber)
                || w.VersionNumber >= SpecificationReads.Versions(db, CycleId).Max(x => x.Number) - previous))
            .AsSingleQuery()
            .SingleOrDefaultAsync(s => s.CycleId == CycleId, ct);
        return specification is { Versions.Count: > 0 } ? specification : null;
    }

    /// <summary>The specification with its latest version only (<see cref="LoadVersionsAsync"/>).</summary>
    protected Task<ServiceSpecification?> LoadLatestAsync(CoproDbContext db, CancellationToken ct) => LoadVersionsAsync(db, _ => [], ct);

    /// <summary>The cycle's agreed glossary terms, to mark in rendered sections.</summary>
    protected async Task<IReadOnlyList<GlossaryEntry>> LoadGlossaryAsync(CoproDbContext db, CancellationToken ct) =>
        await db.GlossaryTerms.AsNoTracking()
            .Where(t => t.CycleId == CycleId && t.Status == GlossaryTermStatus.Agreed)
            .Select(t => new GlossaryEntry(t.Id, t.Term, t.Meaning))
            .ToListAsync(ct);

    protected GlossaryMarks Marks(IReadOnlyList<GlossaryEntry> glossary, string idPrefix) =>
        new(glossary, SpecificationUrls.Glossary(CycleId), idPrefix);
}
