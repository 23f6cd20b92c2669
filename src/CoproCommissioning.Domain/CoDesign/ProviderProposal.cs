using System.Linq.Expressions;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.CoDesign;

/// <summary>
/// A service model a provider proposes during co-design, submitted by the provider for its organisation.
/// Commissioners, the champion, the panel and clinical advisers see every proposal; a provider sees only its
/// own organisation's (R7: providers never see each other's submissions, which later shape their bids).
/// </summary>
public sealed class ProviderProposal
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1000;
    public const int ProposedModelMaxLength = 10000;

    private ProviderProposal() { }

    private ProviderProposal(Guid cycleId, Guid organisationId, string submittedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        OrganisationId = organisationId;
        SubmittedByUserId = submittedByUserId;
        SubmittedAt = now;
        LastChangedByUserId = submittedByUserId;
        LastChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    /// <summary>The provider organisation the proposal is from; its people can change it.</summary>
    public Guid OrganisationId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>The service model proposed: who it is for, what it offers, how people reach it, who delivers it.</summary>
    public string ProposedModel { get; private set; } = "";

    public string SubmittedByUserId { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public string LastChangedByUserId { get; private set; } = "";

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether any proposal can be shown to this role: observers watch the cycle, not the providers' ideas.</summary>
    public static bool RoleMaySeeProposals(CycleRole role) => CyclePermissions.Allows(role, CycleOperation.SeeProviderProposals);

    /// <summary>
    /// The proposals a member may see, as a query filter, so lists and details pages ask the database for
    /// nothing else. Those who submit proposals (providers) see their own organisation's only.
    /// </summary>
    public static Expression<Func<ProviderProposal, bool>> VisibleTo(CycleRole role, Guid? organisationId)
    {
        Guard.Defined(role);
        if (!RoleMaySeeProposals(role))
        {
            return p => false;
        }

        if (CyclePermissions.Allows(role, CycleOperation.SubmitProviderProposal))
        {
            return organisationId is { } own ? p => p.OrganisationId == own : p => false;
        }

        return p => true;
    }

    public bool IsVisibleTo(CycleRole role, Guid? organisationId) => VisibleTo(role, organisationId).Compile()(this);

    /// <summary>Whether this member may change the proposal: someone who submits proposals, from its organisation.</summary>
    public bool MayBeChangedBy(CycleRole role, Guid? organisationId) =>
        CyclePermissions.Allows(role, CycleOperation.SubmitProviderProposal) && organisationId == OrganisationId;

    public static DomainOutcome<ProviderProposal> Submit(
        CommissioningCycle cycle,
        string? title,
        string? summary,
        string? proposedModel,
        string submittedByUserId,
        CycleRole submitterRole,
        Guid? submitterOrganisationId,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(submittedByUserId);
        Guard.Defined(submitterRole);
        Guard.Utc(now);
        var maySubmit = CyclePermissions.Allows(submitterRole, CycleOperation.SubmitProviderProposal);
        if (maySubmit && submitterOrganisationId is null)
        {
            throw new ArgumentException("A provider member always has an organisation: pass the membership's.", nameof(submitterOrganisationId));
        }

        List<Refusal> refusals = [];
        if (!maySubmit)
        {
            refusals.Add(new Refusal(CoDesignRules.ProposalProviderOnly));
        }

        refusals.AddRange(Check(cycle, title, summary, proposedModel, now));
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<ProviderProposal>(refusals);
        }

        var proposal = new ProviderProposal(cycle.Id, submitterOrganisationId!.Value, submittedByUserId, now);
        proposal.Apply(title, summary, proposedModel);
        return DomainOutcome.Success(proposal);
    }

    /// <summary>The submitting organisation's people change the proposal until co-design is signed off.</summary>
    public DomainOutcome Revise(
        CommissioningCycle cycle,
        string? title,
        string? summary,
        string? proposedModel,
        string revisedByUserId,
        CycleRole reviserRole,
        Guid? reviserOrganisationId,
        DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(revisedByUserId);
        Guard.Defined(reviserRole);
        Guard.Utc(now);

        List<Refusal> refusals = [];
        if (!MayBeChangedBy(reviserRole, reviserOrganisationId))
        {
            refusals.Add(new Refusal(CoDesignRules.ProposalOtherOrganisation));
        }

        refusals.AddRange(Check(cycle, title, summary, proposedModel, now));
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Apply(title, summary, proposedModel);
        LastChangedByUserId = revisedByUserId;
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    private void Apply(string? title, string? summary, string? proposedModel)
    {
        Title = TextInput.Clean(title);
        Summary = TextInput.Clean(summary);
        ProposedModel = TextInput.Clean(proposedModel);
    }

    private static List<Refusal> Check(CommissioningCycle cycle, string? title, string? summary, string? proposedModel, DateTimeOffset now)
    {
        List<Refusal> refusals = [];
        StageContent.CheckStageOpen(refusals, cycle, StageKind.CoDesign, now);
        TextInput.Check(refusals, title, TitleMaxLength, CoDesignRules.ProposalTitleRequired, CoDesignRules.ProposalTitleTooLong);
        TextInput.Check(refusals, summary, SummaryMaxLength, CoDesignRules.ProposalSummaryRequired, CoDesignRules.ProposalSummaryTooLong);
        TextInput.Check(refusals, proposedModel, ProposedModelMaxLength, CoDesignRules.ProposalModelRequired, CoDesignRules.ProposalModelTooLong);
        return refusals;
    }
}
