using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign;

/// <summary>
/// A co-design page that reads (the overview, sessions, proposals, the input form of a session): the heading and what
/// the page shows load together, and the page is not found when the cycle or the thing in its address is not there.
/// Proposals are read only through <see cref="VisibleProposals"/>, so another provider's never leave the database (R7).
/// </summary>
public abstract class CoDesignPageModel(CoproDbContext db) : StageContentPageModel(StageKind.CoDesign)
{
    protected CoproDbContext Db => db;

    /// <summary>The member submits proposals (a provider), so sees only their own organisation's.</summary>
    public bool CanSubmitProposals => CyclePermissions.Allows(Role, CycleOperation.SubmitProviderProposal);

    /// <summary>This cycle's proposals that the member may see, untracked.</summary>
    protected IQueryable<ProviderProposal> VisibleProposals
    {
        get
        {
            var member = HttpContext.CycleMember();
            var cycleId = CycleId;
            return db.ProviderProposals.AsNoTracking()
                .Where(p => p.CycleId == cycleId)
                .Where(ProviderProposal.VisibleTo(member.Role, member.OrganisationId));
        }
    }

    /// <summary>The page, once the heading and what <paramref name="load"/> reads are loaded.</summary>
    protected Task<IActionResult> ShowAsync(Func<Task> load, CancellationToken ct) => ShowAsync(
        async () =>
        {
            await load();
            return true;
        },
        ct);

    /// <summary>The page, once the heading and what <paramref name="found"/> reads are loaded; not found when it says so.</summary>
    protected async Task<IActionResult> ShowAsync(Func<Task<bool>> found, CancellationToken ct) =>
        await LoadHeadingAsync(db, ct) && await found() ? Page() : NotFound();

    /// <summary>A session of this cycle, untracked, or null.</summary>
    protected Task<CoDesignSession?> FindSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var cycleId = CycleId;
        return db.CoDesignSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.CycleId == cycleId, ct);
    }
}
