using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign;

/// <summary>Co-design's own content at a glance: the sessions held and the providers' proposals.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : StageContentPageModel(StageKind.CoDesign)
{
    public int SessionCount { get; private set; }

    public int SessionInputCount { get; private set; }

    /// <summary>Null when this member may not see proposals at all.</summary>
    public int? ProposalCount { get; private set; }

    /// <summary>The member submits proposals (a provider), so sees only their own organisation's.</summary>
    public bool CanSubmit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var member = HttpContext.CycleMember();
        var cycleId = CycleId;
        CanSubmit = CyclePermissions.Allows(member.Role, CycleOperation.SubmitProviderProposal);
        SessionCount = await db.CoDesignSessions.CountAsync(s => s.CycleId == cycleId, ct);
        SessionInputCount = await SessionContributions.Of(db, cycleId).CountAsync(ct);
        if (ProviderProposal.RoleMaySeeProposals(member.Role))
        {
            ProposalCount = await db.ProviderProposals
                .Where(p => p.CycleId == cycleId)
                .Where(ProviderProposal.VisibleTo(member.Role, member.OrganisationId))
                .CountAsync(ct);
        }

        return Page();
    }
}
