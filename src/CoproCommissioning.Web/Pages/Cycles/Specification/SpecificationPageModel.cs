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

    /// <summary>The whole cycle: the specification's rules read its specification stage, and comments are added to it.</summary>
    protected async Task<CommissioningCycle?> LoadCycleAsync(CoproDbContext db, bool forChange, CancellationToken ct)
    {
        var query = db.Cycles.IncludeStages();
        var cycle = await (forChange ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is not null)
        {
            CycleTitle = cycle.Title;
            Status = cycle.StageOf(StageKind.Specification).Status;
        }

        return cycle;
    }

    protected Task<ServiceSpecification?> LoadSpecificationAsync(CoproDbContext db, bool forChange, CancellationToken ct)
    {
        var query = db.Specifications.IncludeVersions();
        return (forChange ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.CycleId == CycleId, ct);
    }

    /// <summary>The cycle's agreed glossary terms, to mark in rendered sections.</summary>
    protected async Task<IReadOnlyList<GlossaryEntry>> LoadGlossaryAsync(CoproDbContext db, CancellationToken ct) =>
        await db.GlossaryTerms.AsNoTracking()
            .Where(t => t.CycleId == CycleId && t.Status == GlossaryTermStatus.Agreed)
            .Select(t => new GlossaryEntry(t.Id, t.Term, t.Meaning))
            .ToListAsync(ct);

    protected GlossaryMarks Marks(IReadOnlyList<GlossaryEntry> glossary, string idPrefix) =>
        new(glossary, SpecificationUrls.Glossary(CycleId), idPrefix);
}
