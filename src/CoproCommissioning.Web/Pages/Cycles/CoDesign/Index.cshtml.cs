using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign;

/// <summary>Co-design's own content at a glance: the sessions held and the providers' proposals.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : CoDesignPageModel(db)
{
    public int SessionCount { get; private set; }

    public int SessionInputCount { get; private set; }

    /// <summary>Null when this member may not see proposals at all.</summary>
    public int? ProposalCount { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(
        async () =>
        {
            var cycleId = CycleId;
            SessionCount = await Db.CoDesignSessions.CountAsync(s => s.CycleId == cycleId, ct);
            SessionInputCount = await SessionContributions.Of(Db, cycleId).CountAsync(ct);
            ProposalCount = ProviderProposal.RoleMaySeeProposals(Role) ? await VisibleProposals.CountAsync(ct) : null;
        },
        ct);
}
