using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>One proposal. Another provider, or an observer, gets 404: they cannot even learn that it exists (R7).</summary>
[CyclePermission(CycleOperation.SeeProviderProposals)]
public sealed class DetailsModel(CoproDbContext db) : StageContentPageModel(StageKind.CoDesign)
{
    public ProviderProposal Proposal { get; private set; } = null!;

    public string Organisation { get; private set; } = "";

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid proposalId, CancellationToken ct)
    {
        var member = HttpContext.CycleMember();
        var cycleId = CycleId;
        var proposal = await db.ProviderProposals.AsNoTracking()
            .Where(p => p.Id == proposalId && p.CycleId == cycleId)
            .Where(ProviderProposal.VisibleTo(member.Role, member.OrganisationId))
            .SingleOrDefaultAsync(ct);
        if (proposal is null || !await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        Proposal = proposal;
        Organisation = await db.Organisations.Where(o => o.Id == proposal.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        Names = await PeopleNames.LoadAsync(db, [proposal.SubmittedByUserId, proposal.LastChangedByUserId], User.UserId(), ct);
        CanChange = proposal.MayBeChangedBy(member.Role, member.OrganisationId) && !IsSignedOff;
        return Page();
    }
}
