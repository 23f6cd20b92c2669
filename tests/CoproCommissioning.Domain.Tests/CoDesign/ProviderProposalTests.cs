using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.CoDesign;

public sealed class ProviderProposalTests
{
    private static readonly DateTimeOffset Now = Moments.Now;
    private static readonly Guid Harbour = Guid.CreateVersion7();
    private static readonly Guid Lighthouse = Guid.CreateVersion7();

    public static TheoryData<CycleRole> EveryoneButProviders => [.. People.RolesOtherThan(CycleRole.Provider)];

    [Fact]
    public void A_provider_submits_a_proposal_for_its_organisation()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var proposal = Submit(cycle);

        Assert.Equal(cycle.Id, proposal.CycleId);
        Assert.Equal(Harbour, proposal.OrganisationId);
        Assert.Equal("Step-down flats with peer support", proposal.Title);
        Assert.Equal("Six flats near the high street with 24-hour peer support.", proposal.Summary);
        Assert.Equal("Peer workers and a rehabilitation nurse on site.", proposal.ProposedModel);
        Assert.Equal(People.Provider, proposal.SubmittedByUserId);
        Assert.Equal(Now, proposal.SubmittedAt);
        Assert.Equal(Now, proposal.LastChangedAt);
    }

    [Theory]
    [MemberData(nameof(EveryoneButProviders))]
    public void Only_a_provider_submits(CycleRole role)
    {
        var outcome = ProviderProposal.Submit(
            ACycle.AtStage(StageKind.CoDesign).Build(), "Title", "Summary", "Model", "someone-1", role, null, Now);

        Assert.Equal([CoDesignRules.ProposalProviderOnly], outcome.BrokenRules);
    }

    [Fact]
    public void Needs_a_title_summary_and_model()
    {
        var outcome = ProviderProposal.Submit(
            ACycle.AtStage(StageKind.CoDesign).Build(), "", " ", null, People.Provider, CycleRole.Provider, Harbour, Now);

        Assert.Equal([CoDesignRules.ProposalTitleRequired, CoDesignRules.ProposalSummaryRequired, CoDesignRules.ProposalModelRequired],
            outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_text_longer_than_the_limits()
    {
        var outcome = ProviderProposal.Submit(ACycle.AtStage(StageKind.CoDesign).Build(),
            new string('t', ProviderProposal.TitleMaxLength + 1), new string('s', ProviderProposal.SummaryMaxLength + 1),
            new string('m', ProviderProposal.ProposedModelMaxLength + 1), People.Provider, CycleRole.Provider, Harbour, Now);

        Assert.Equal([CoDesignRules.ProposalTitleTooLong, CoDesignRules.ProposalSummaryTooLong, CoDesignRules.ProposalModelTooLong],
            outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_once_co_design_is_signed_off()
    {
        var outcome = ProviderProposal.Submit(ACycle.AtStage(StageKind.Specification).Build(), "Title", "Summary", "Model",
            People.Provider, CycleRole.Provider, Harbour, Now);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void Its_organisation_revises_it_until_co_design_is_signed_off()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var proposal = Submit(cycle);

        Expect.Success(proposal.Revise(cycle, "Step-down flats", "Eight flats.", "Peer workers.", "provider-2", CycleRole.Provider, Harbour,
            Now.AddHours(1)));

        Assert.Equal("Step-down flats", proposal.Title);
        Assert.Equal("provider-2", proposal.LastChangedByUserId);
        Assert.Equal(Now.AddHours(1), proposal.LastChangedAt);
        Assert.Equal(People.Provider, proposal.SubmittedByUserId);
    }

    [Fact]
    public void Another_provider_cannot_revise_it()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var proposal = Submit(cycle);

        var outcome = proposal.Revise(cycle, "Taken over", "Summary", "Model", "provider-9", CycleRole.Provider, Lighthouse, Now);

        Assert.Equal([CoDesignRules.ProposalOtherOrganisation], outcome.BrokenRules);
        Assert.Equal("Step-down flats with peer support", proposal.Title);
    }

    [Fact]
    public void A_commissioner_cannot_rewrite_a_providers_proposal()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var proposal = Submit(cycle);

        var outcome = proposal.Revise(cycle, "Changed", "Summary", "Model", People.Commissioner, CycleRole.Commissioner, null, Now);

        Assert.Equal([CoDesignRules.ProposalOtherOrganisation], outcome.BrokenRules);
    }

    [Theory]
    [InlineData(CycleRole.Commissioner, true)]
    [InlineData(CycleRole.CoProductionChampion, true)]
    [InlineData(CycleRole.PanelMember, true)]
    [InlineData(CycleRole.ClinicalAdviser, true)]
    [InlineData(CycleRole.Observer, false)]
    public void Is_visible_to_staff_the_panel_and_clinical_advisers(CycleRole role, bool visible)
    {
        var proposal = Submit(ACycle.AtStage(StageKind.CoDesign).Build());

        Assert.Equal(visible, proposal.IsVisibleTo(role, null));
        Assert.Equal(visible, ProviderProposal.RoleMaySeeProposals(role));
    }

    [Fact]
    public void Is_visible_to_its_own_provider_and_no_other()
    {
        var proposal = Submit(ACycle.AtStage(StageKind.CoDesign).Build());

        Assert.True(proposal.IsVisibleTo(CycleRole.Provider, Harbour));
        Assert.False(proposal.IsVisibleTo(CycleRole.Provider, Lighthouse));
        Assert.False(proposal.IsVisibleTo(CycleRole.Provider, null));
    }

    [Fact]
    public void Only_its_own_organisations_providers_may_change_it()
    {
        var proposal = Submit(ACycle.AtStage(StageKind.CoDesign).Build());

        Assert.True(proposal.MayBeChangedBy(CycleRole.Provider, Harbour));
        Assert.False(proposal.MayBeChangedBy(CycleRole.Provider, Lighthouse));
        Assert.False(proposal.MayBeChangedBy(CycleRole.Commissioner, Harbour));
    }

    [Fact]
    public void Each_refusal_names_the_part_of_the_proposal_to_fix()
    {
        var outcome = ProviderProposal.Submit(
            ACycle.AtStage(StageKind.CoDesign).Build(), "", " ", null, People.Provider, CycleRole.Provider, Harbour, Now);

        Assert.Equal(
            [nameof(ProviderProposal.Title), nameof(ProviderProposal.Summary), nameof(ProviderProposal.ProposedModel)],
            outcome.Refusals.Select(r => r.Field));
    }

    private static ProviderProposal Submit(CommissioningCycle cycle) => Expect.Success(ProviderProposal.Submit(
        cycle, " Step-down flats with peer support ", "Six flats near the high street with 24-hour peer support.",
        "Peer workers and a rehabilitation nurse on site.", People.Provider, CycleRole.Provider, Harbour, Now));
}
