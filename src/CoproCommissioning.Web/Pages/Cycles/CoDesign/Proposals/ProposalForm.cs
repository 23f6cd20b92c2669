using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>A proposal as the submit and change pages show it; the domain judges every answer.</summary>
public sealed record ProposalForm : StageContentForm
{
    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public string ProposedModel { get; init; } = "";
}

/// <summary>What submitting and changing a proposal share: only proposals this provider may see are found (R7).</summary>
public abstract class ProposalFormPageModel(CoproDbContext db, TimeProvider clock)
    : StageContentFormPageModel<ProviderProposal, ProposalForm>(StageKind.CoDesign, db, clock)
{
    protected override string ItemWords => "this proposal";

    /// <summary>The provider organisation of the person submitting or changing.</summary>
    protected Guid? OrganisationId => HttpContext.CycleMember().OrganisationId;

    protected override ProposalForm ToForm(ProviderProposal proposal) => new()
    {
        Title = proposal.Title,
        Summary = proposal.Summary,
        ProposedModel = proposal.ProposedModel,
        Version = proposal.Version,
    };

    protected override IQueryable<ProviderProposal> Visible(IQueryable<ProviderProposal> proposals) =>
        proposals.Where(ProviderProposal.VisibleTo(Role, OrganisationId));
}
