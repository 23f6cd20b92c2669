using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>One proposal. Another provider, or an observer, gets 404: they cannot even learn that it exists (R7).</summary>
[CyclePermission(CycleOperation.SeeProviderProposals)]
public sealed class DetailsModel(CoproDbContext db) : CoDesignPageModel(db)
{
    public ProviderProposal Proposal { get; private set; } = null!;

    public string Organisation { get; private set; } = "";

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    /// <summary>The member may change it (its organisation's provider) and co-design is open.</summary>
    public bool CanChange => Proposal.MayBeChangedBy(Role, HttpContext.CycleMember().OrganisationId) && !IsSignedOff;

    public Task<IActionResult> OnGetAsync(Guid proposalId, CancellationToken ct) => ShowAsync(
        async () =>
        {
            if (await VisibleProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct) is not { } proposal)
            {
                return false;
            }

            Proposal = proposal;
            Organisation = await Db.Organisations.Where(o => o.Id == proposal.OrganisationId).Select(o => o.Name).SingleAsync(ct);
            Names = await PeopleNames.LoadAsync(Db, [proposal.SubmittedByUserId, proposal.LastChangedByUserId], User.UserId(), ct);
            return true;
        },
        ct);
}
