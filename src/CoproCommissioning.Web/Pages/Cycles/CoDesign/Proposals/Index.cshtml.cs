using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>
/// Provider proposals. A provider sees only its own organisation's (R7): the filter is in the query, so other
/// providers' proposals never leave the database for them.
/// </summary>
[CyclePermission(CycleOperation.SeeProviderProposals)]
public sealed class IndexModel(CoproDbContext db) : StageContentPageModel(StageKind.CoDesign)
{
    public PageOf<ProposalRow> Proposals { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The member submits proposals (a provider), so sees only their own organisation's.</summary>
    public bool CanSubmit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        var member = HttpContext.CycleMember();
        CanSubmit = CyclePermissions.Allows(member.Role, CycleOperation.SubmitProviderProposal);
        var cycleId = CycleId;
        Proposals = await db.ProviderProposals.AsNoTracking()
            .Where(p => p.CycleId == cycleId)
            .Where(ProviderProposal.VisibleTo(member.Role, member.OrganisationId))
            .OrderByDescending(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new ProposalRow(p.Id, p.Title, o.Name, p.SubmittedAt))
            .ToPageAsync(pageNumber, ct, PageSize);
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Cycles/CoDesign/Proposals/Index", new { cycleId = CycleId, pageNumber = number })!;

    public sealed record ProposalRow(Guid Id, string Title, string Organisation, DateTimeOffset SubmittedAt);
}
