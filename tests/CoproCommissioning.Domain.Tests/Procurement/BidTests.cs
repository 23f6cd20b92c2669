using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

public sealed class BidTests
{
    private static readonly DateTimeOffset BeforeDeadline = Deadline.AddMinutes(-1);

    /// <summary>Another provider from <see cref="ProcurementSetUp.Bidder"/>, the organisation of <see cref="People.Provider"/>.</summary>
    private const string Colleague = "provider-9";

    [Fact]
    public void A_provider_starts_writes_and_submits_its_organisations_bid_with_an_answer_to_every_criterion()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Expect.Success(Bid.Start(cycle, procurement, Bidder, false, People.Provider, CycleRole.Provider, Now));

        Expect.Success(bid.Save(cycle, procurement, Answers(procurement, " Peer Support Leeds \n\n Carers Together "), People.Provider, CycleRole.Provider, Bidder,
            Now.AddHours(1)));
        Expect.Success(bid.Submit(cycle, procurement, Colleague, CycleRole.Provider, Bidder, Now.AddHours(2)));

        Assert.Equal((Bidder, procurement.Id, cycle.Id), (bid.OrganisationId, bid.ProcurementId, bid.CycleId));
        Assert.Equal(BidStatus.Submitted, bid.Status);
        Assert.Equal((People.Provider, Colleague, Now.AddHours(2)), (bid.StartedByUserId, bid.SubmittedByUserId, bid.SubmittedAt!.Value));
        Assert.Equal(["Peer Support Leeds", "Carers Together"], bid.PartnerNames);
        Assert.Equal("Our answer on Quality.", bid.ResponseTo(procurement.Quality().Id));
        Assert.Equal("Our CQC certificate.", bid.Attachments);
    }

    [Fact]
    public void Only_a_provider_with_an_organisation_bids_once_bidding_is_open_and_one_bid_per_organisation()
    {
        var cycle = Cycle();
        var notOpen = Started(cycle);
        var openCycle = Cycle();
        var open = OpenForBids(openCycle);

        var early = Bid.Start(cycle, notOpen, Bidder, false, People.Provider, CycleRole.Provider, Now);
        var champion = Bid.Start(openCycle, open, Bidder, false, People.Champion, CycleRole.CoProductionChampion, Now);
        var commissioner = Bid.Start(openCycle, open, Bidder, false, People.Commissioner, CycleRole.Commissioner, Now);
        var noOrganisation = Bid.Start(openCycle, open, null, false, People.Provider, CycleRole.Provider, Now);
        var second = Bid.Start(openCycle, open, Bidder, true, People.Provider, CycleRole.Provider, Now);

        Assert.Equal([ProcurementRules.BiddingNotOpen], early.BrokenRules);
        Assert.Equal([ProcurementRules.ProvidersOnlyBid], champion.BrokenRules);
        Assert.Equal([ProcurementRules.ProvidersOnlyBid], commissioner.BrokenRules);
        Assert.Equal([ProcurementRules.BidderNeedsOrganisation], noOrganisation.BrokenRules);
        Assert.Equal([ProcurementRules.OrganisationHasBid], second.BrokenRules);
    }

    [Fact]
    public void Late_bids_are_refused_whether_started_saved_submitted_or_withdrawn()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Drafted(cycle, procurement, Bidder, People.Provider);

        var start = Bid.Start(cycle, procurement, OtherBidder, false, OtherProvider, CycleRole.Provider, Deadline);
        var save = bid.Save(cycle, procurement, Answers(procurement), People.Provider, CycleRole.Provider, Bidder, Deadline);
        var submit = bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Deadline);
        var withdraw = bid.Withdraw(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Deadline.AddDays(1));

        Assert.All([start, save, submit, withdraw], outcome => Assert.Equal([ProcurementRules.LateBid], outcome.BrokenRules));
        Assert.Equal(BidStatus.Draft, bid.Status);
        Expect.Success(bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, BeforeDeadline));
    }

    [Fact]
    public void Submitting_needs_an_answer_to_every_criterion_each_named()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Expect.Success(Bid.Start(cycle, procurement, Bidder, false, People.Provider, CycleRole.Provider, Now));
        Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?> { [procurement.Quality().Id] = "We will.", [procurement.Registered().Id] = "  " },
            null), People.Provider, CycleRole.Provider, Bidder, Now));

        var outcome = bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now);

        Assert.Equal([ProcurementRules.ResponseRequired, ProcurementRules.ResponseRequired], outcome.BrokenRules);
        Assert.Equal([procurement.KeepingInvolved().Id, procurement.Registered().Id], outcome.Refusals.Select(r => r.SubjectId));
        Assert.Equal(BidStatus.Draft, bid.Status);
    }

    [Fact]
    public void Saving_refuses_answers_to_criteria_of_other_procurements_and_text_too_long()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Drafted(cycle, procurement, Bidder, People.Provider);
        var stranger = Guid.CreateVersion7();
        var draft = new BidDraft(new string('p', Bid.PartnersMaxLength + 1),
            new Dictionary<Guid, string?> { [stranger] = "Hello", [procurement.Quality().Id] = new string('a', BidResponse.TextMaxLength + 1) },
            new string('x', Bid.AttachmentsMaxLength + 1));

        var outcome = bid.Save(cycle, procurement, draft, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(2));

        Assert.Equal([ProcurementRules.PartnersTooLong, ProcurementRules.AttachmentsTooLong, ProcurementRules.CriterionNotInProcurement, ProcurementRules.ResponseTooLong],
            outcome.BrokenRules);
        Assert.Equal("Our answer on Quality.", bid.ResponseTo(procurement.Quality().Id));
    }

    [Fact]
    public void Submitting_twice_or_withdrawing_twice_is_refused()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);

        var again = bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(2));
        Expect.Success(bid.Withdraw(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(3)));
        var withdrawnAgain = bid.Withdraw(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(4));

        Assert.Equal([ProcurementRules.BidAlreadySubmitted], again.BrokenRules);
        Assert.Equal([ProcurementRules.BidAlreadyWithdrawn], withdrawnAgain.BrokenRules);
        Assert.Equal((BidStatus.Withdrawn, Now.AddDays(3)), (bid.Status, bid.WithdrawnAt!.Value));
        Assert.Null(bid.SubmittedAt);
    }

    [Fact]
    public void Saving_a_withdrawn_or_submitted_bid_makes_it_a_draft_to_submit_again()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var withdrawn = Submitted(cycle, procurement, Bidder, People.Provider);
        var submitted = Submitted(cycle, procurement, OtherBidder, OtherProvider);
        Expect.Success(withdrawn.Withdraw(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(2)));

        Expect.Success(withdrawn.Save(cycle, procurement, Answers(procurement), People.Provider, CycleRole.Provider, Bidder, Now.AddDays(3)));
        Expect.Success(submitted.Save(cycle, procurement, Answers(procurement), OtherProvider, CycleRole.Provider, OtherBidder, Now.AddDays(3)));

        Assert.All([withdrawn, submitted], bid =>
        {
            Assert.Equal(BidStatus.Draft, bid.Status);
            Assert.Equal((null, null, null), (bid.SubmittedAt, bid.SubmittedByUserId, bid.WithdrawnAt));
            Assert.Equal(Now.AddDays(3), bid.LastChangedAt);
        });
        Expect.Success(withdrawn.Submit(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(4)));
        Assert.Equal(BidStatus.Submitted, withdrawn.Status);
    }

    [Fact]
    public void A_provider_never_changes_another_organisations_bid()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Drafted(cycle, procurement, Bidder, People.Provider);

        var save = bid.Save(cycle, procurement, Answers(procurement), OtherProvider, CycleRole.Provider, OtherBidder, Now.AddDays(2));
        var submit = bid.Submit(cycle, procurement, OtherProvider, CycleRole.Provider, OtherBidder, Now.AddDays(2));
        var withdraw = bid.Withdraw(cycle, procurement, OtherProvider, CycleRole.Provider, null, Now.AddDays(2));

        Assert.All([save, submit, withdraw], outcome => Assert.Equal([ProcurementRules.NotYourBid], outcome.BrokenRules));
        Assert.Equal(BidStatus.Draft, bid.Status);
    }

    [Fact]
    public void Its_own_organisations_providers_read_it_always_and_another_provider_never()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var draft = Drafted(cycle, procurement, Bidder, People.Provider);
        var submitted = Submitted(cycle, procurement, OtherBidder, OtherProvider);

        foreach (var at in new[] { Now, BeforeDeadline, AfterDeadline })
        {
            Assert.True(draft.MayBeReadBy(procurement, Colleague, CycleRole.Provider, Bidder, at));
            Assert.True(submitted.MayBeReadBy(procurement, OtherProvider, CycleRole.Provider, OtherBidder, at));
            Assert.False(submitted.MayBeReadBy(procurement, People.Provider, CycleRole.Provider, Bidder, at));
            Assert.False(submitted.MayBeReadBy(procurement, People.Provider, CycleRole.Provider, null, at));
        }
    }

    [Fact]
    public void A_commissioner_reads_a_submitted_bid_only_after_the_deadline()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);

        Assert.False(bid.MayBeReadBy(procurement, People.Commissioner, CycleRole.Commissioner, null, BeforeDeadline));
        Assert.True(bid.MayBeReadBy(procurement, People.Commissioner, CycleRole.Commissioner, null, Deadline));
    }

    [Fact]
    public void A_commissioner_who_sits_on_the_panel_is_kept_from_a_bid_by_their_own_declaration_like_any_evaluator()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var restricted = Submitted(cycle, procurement, Bidder, People.Provider);
        var other = Submitted(cycle, procurement, OtherBidder, People.Provider);
        var commissioner = Expect.Success(procurement.AddEvaluator(cycle, People.Commissioner, CycleRole.Commissioner, EvaluatorRole.Officer,
            [procurement.Quality().Id], People.Commissioner, CycleRole.Commissioner, Now));

        Assert.False(other.MayBeReadBy(procurement, People.Commissioner, CycleRole.Commissioner, null, AfterDeadline));

        Expect.Success(procurement.Declare(cycle, commissioner.Id,
            new DeclarationDraft(true, "My partner is a trustee of the bidder.", ConflictAction.RestrictBids, [Bidder]), People.Commissioner, Now));
        Expect.Success(procurement.AcceptDeclaration(cycle, commissioner.Id, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.False(restricted.MayBeReadBy(procurement, People.Commissioner, CycleRole.Commissioner, null, AfterDeadline));
        Assert.True(other.MayBeReadBy(procurement, People.Commissioner, CycleRole.Commissioner, null, AfterDeadline));
    }

    [Fact]
    public void An_evaluator_reads_only_after_the_deadline_with_an_accepted_declaration_and_not_restricted_or_stepped_down()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle, declared: false);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var other = Submitted(cycle, procurement, OtherBidder, OtherProvider);
        var lived = procurement.Lived();
        var officer = procurement.Officer();
        var noDeclaration = bid.MayBeReadBy(procurement, lived.UserId, CycleRole.PanelMember, null, AfterDeadline);
        Expect.Success(procurement.Declare(cycle, lived.Id, new DeclarationDraft(true, "I volunteer there", ConflictAction.RestrictBids, [Bidder]), lived.UserId, Now));
        var notAccepted = other.MayBeReadBy(procurement, lived.UserId, CycleRole.PanelMember, null, AfterDeadline);
        Expect.Success(procurement.AcceptDeclaration(cycle, lived.Id, People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(procurement.Declare(cycle, officer.Id, new DeclarationDraft(true, "My partner works for a bidder", ConflictAction.StepDown), officer.UserId, Now));
        Expect.Success(procurement.AcceptDeclaration(cycle, officer.Id, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.False(noDeclaration);
        Assert.False(notAccepted);
        Assert.False(other.MayBeReadBy(procurement, lived.UserId, CycleRole.PanelMember, null, BeforeDeadline));
        Assert.True(other.MayBeReadBy(procurement, lived.UserId, CycleRole.PanelMember, null, AfterDeadline));
        Assert.False(bid.MayBeReadBy(procurement, lived.UserId, CycleRole.PanelMember, null, AfterDeadline));
        Assert.False(other.MayBeReadBy(procurement, officer.UserId, CycleRole.CoProductionChampion, null, AfterDeadline));
        Assert.False(other.MayBeReadBy(procurement, People.PanelMember(2), CycleRole.PanelMember, null, AfterDeadline));
        Assert.False(other.MayBeReadBy(procurement, People.Observer, CycleRole.Observer, null, AfterDeadline));
    }

    [Fact]
    public void Drafts_and_withdrawn_bids_are_never_read_by_the_commissioner_or_the_panel()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var draft = Drafted(cycle, procurement, Bidder, People.Provider);
        var withdrawn = Submitted(cycle, procurement, OtherBidder, OtherProvider);
        Expect.Success(withdrawn.Withdraw(cycle, procurement, OtherProvider, CycleRole.Provider, OtherBidder, Now.AddDays(3)));

        Assert.All([draft, withdrawn], bid =>
        {
            Assert.False(bid.MayBeReadBy(procurement, People.Commissioner, CycleRole.Commissioner, null, AfterDeadline));
            Assert.False(bid.MayBeReadBy(procurement, People.PanelMember(1), CycleRole.PanelMember, null, AfterDeadline));
            Assert.False(bid.MayBeReadBy(procurement, People.Champion, CycleRole.CoProductionChampion, null, AfterDeadline));
        });
    }

    [Fact]
    public void A_bid_is_read_only_through_its_own_procurement()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var elsewhere = OpenForBids(Cycle());
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);

        Assert.False(bid.MayBeReadBy(elsewhere, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(2)));
        Assert.False(bid.MayBeReadBy(elsewhere, People.Commissioner, CycleRole.Commissioner, null, AfterDeadline));
    }

    [Fact]
    public void Nothing_is_written_once_the_procurement_stage_is_signed_off()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Drafted(cycle, procurement, Bidder, People.Provider);
        Expect.Success(cycle.AddContribution(StageKind.Procurement, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Online,
            ContributionVisibility.Everyone, "Keep the team", "", Now.AddDays(2)));
        Expect.Success(cycle.Respond(cycle.StageOf(StageKind.Procurement).Contributions[0].Id, People.Commissioner, CycleRole.Commissioner,
            ResponseType.Adopted, "We kept them.", Now.AddDays(2)));
        Expect.Success(cycle.SignOff(StageKind.Procurement, People.Commissioner, CycleRole.Commissioner, "Agreed", Now.AddDays(2), stageConditions: []));

        var outcome = bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, Bidder, Now.AddDays(3));

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }
}
