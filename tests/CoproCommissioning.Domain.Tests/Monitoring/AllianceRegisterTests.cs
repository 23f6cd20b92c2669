using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.AllianceSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>The alliance's joint risk register, its overdue reviews, and its disputes.</summary>
public sealed class AllianceRegisterTests
{
    [Fact]
    public void A_member_adds_a_risk_owned_by_a_member_with_its_likelihood_impact_actions_and_review_date()
    {
        var alliance = Complete();

        var risk = alliance.Risk();

        Assert.Equal(ReferralsRisk.Description, risk.Description);
        Assert.Equal(alliance.MemberOf(TrustLead).Id, risk.OwnerMemberId);
        Assert.Equal((3, 4, 12), (risk.Likelihood, risk.Impact, risk.Score));
        Assert.Equal(Today.AddDays(28), risk.ReviewOn);
        Assert.Equal((VoluntaryLead, Now), (risk.LastReviewedByUserId, risk.LastReviewedAt));
        Assert.Equal([risk], alliance.Team.Risks);
    }

    [Fact]
    public void A_risk_needs_a_description_an_owner_on_the_team_scores_from_1_to_5_actions_and_a_review_date()
    {
        var alliance = Complete();

        var blank = alliance.Team.AddRisk(alliance.Cycle, new RiskDraft(" ", null, null, null, "", null), TrustLead, Now);
        var outOfRange = alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = Guid.CreateVersion7(), Likelihood = 0, Impact = 6 },
            TrustLead, Now);
        var tooLong = alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with
        {
            Description = new string('a', AllianceRisk.DescriptionMaxLength + 1),
            OwnerMemberId = alliance.MemberOf(TrustLead).Id,
            Actions = new string('b', AllianceRisk.ActionsMaxLength + 1),
        }, TrustLead, Now);

        Assert.Equal(
            [AllianceRules.RiskRequired, AllianceRules.RiskOwnerRequired, AllianceRules.LikelihoodRequired, AllianceRules.ImpactRequired,
                AllianceRules.ActionsRequired, AllianceRules.ReviewOnRequired],
            blank.BrokenRules);
        Assert.Equal([AllianceRules.RiskOwnerRequired, AllianceRules.LikelihoodRequired, AllianceRules.ImpactRequired], outOfRange.BrokenRules);
        Assert.Equal([AllianceRules.RiskTooLong, AllianceRules.ActionsTooLong], tooLong.BrokenRules);
        Assert.Equal("Likelihood", outOfRange.Refusals[1].Field);
        Assert.Empty(alliance.Team.Risks);
    }

    [Fact]
    public void A_risks_next_review_is_today_or_later()
    {
        var alliance = Complete();
        var owner = alliance.MemberOf(TrustLead).Id;

        var yesterday = alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = owner, ReviewOn = Today.AddDays(-1) }, TrustLead, Now);
        var today = alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = owner, ReviewOn = Today }, TrustLead, Now);

        Assert.Equal([AllianceRules.ReviewOnInPast], yesterday.BrokenRules);
        Assert.True(today.Succeeded);
    }

    [Fact]
    public void A_risk_not_reviewed_by_its_review_day_is_flagged_overdue_from_the_day_after()
    {
        var alliance = Complete();
        var risk = alliance.Risk(reviewOn: Today.AddDays(7));

        Assert.False(risk.IsReviewOverdue(Today.AddDays(7)));
        Assert.True(risk.IsReviewOverdue(Today.AddDays(8)));
        Assert.Empty(alliance.Team.OverdueRisks(Today.AddDays(7)));
        Assert.Equal([risk], alliance.Team.OverdueRisks(Today.AddDays(8)));
    }

    [Fact]
    public void Reviewing_a_risk_sets_its_next_review_and_clears_the_overdue_flag()
    {
        var alliance = Complete();
        var risk = alliance.Risk(reviewOn: Today);
        var reviewedAt = Now.AddDays(3);

        Expect.Success(alliance.Team.ReviewRisk(alliance.Cycle, risk.Id, ReferralsRisk with
        {
            OwnerMemberId = alliance.MemberOf(People.Commissioner).Id,
            Likelihood = 2,
            ReviewOn = Today.AddDays(31),
        }, OtherVoluntaryLead, reviewedAt));

        Assert.False(risk.IsReviewOverdue(Today.AddDays(3)));
        Assert.Equal((2, 8), (risk.Likelihood, risk.Score));
        Assert.Equal(alliance.MemberOf(People.Commissioner).Id, risk.OwnerMemberId);
        Assert.Equal((OtherVoluntaryLead, reviewedAt), (risk.LastReviewedByUserId, risk.LastReviewedAt));
    }

    [Fact]
    public void A_closed_risk_says_why_is_never_overdue_and_no_longer_changes()
    {
        var alliance = Complete();
        var risk = alliance.Risk(reviewOn: Today);

        var noNote = alliance.Team.CloseRisk(alliance.Cycle, risk.Id, "", TrustLead, Now);
        Expect.Success(alliance.Team.CloseRisk(alliance.Cycle, risk.Id, "The café has moved and referrals are back to normal.", TrustLead, Now));
        var review = alliance.Team.ReviewRisk(alliance.Cycle, risk.Id, ReferralsRisk with { OwnerMemberId = risk.OwnerMemberId }, TrustLead, Now);

        Assert.Equal([AllianceRules.ClosingNoteRequired], noNote.BrokenRules);
        Assert.False(risk.IsReviewOverdue(Today.AddDays(30)));
        Assert.Equal([AllianceRules.RiskClosed], review.BrokenRules);
    }

    [Fact]
    public void The_register_lists_open_risks_worst_first_and_only_team_members_keep_it()
    {
        var alliance = Complete();
        var owner = alliance.MemberOf(TrustLead).Id;
        var mild = Expect.Success(alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = owner, Likelihood = 1, Impact = 2 }, TrustLead, Now));
        var severe = Expect.Success(alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = owner, Likelihood = 5, Impact = 5 }, TrustLead, Now));

        var champion = alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = owner }, People.Champion, Now);

        Assert.Equal([severe, mild], alliance.Team.Risks);
        Assert.Equal([AllianceRules.TeamMembersOnly], champion.BrokenRules);
    }

    [Fact]
    public void A_member_raises_a_dispute_with_its_resolution_route_escalates_it_and_records_its_outcome()
    {
        var alliance = Complete();

        var dispute = Expect.Success(alliance.Team.RaiseDispute(alliance.Cycle, "How the shared budget is split in year 2.", DisputeRoute.LeadershipTeam,
            VoluntaryLead, Now));
        Expect.Success(alliance.Team.ChangeDisputeRoute(alliance.Cycle, dispute.Id, DisputeRoute.IndependentFacilitator, TrustLead, Now));
        Expect.Success(alliance.Team.ResolveDispute(alliance.Cycle, dispute.Id, "Split by caseload, reviewed each quarter.", People.Commissioner, Now.AddDays(14)));

        Assert.Equal(alliance.MemberOf(VoluntaryLead).Id, dispute.RaisedByMemberId);
        Assert.Equal(DisputeRoute.IndependentFacilitator, dispute.Route);
        Assert.True(dispute.IsResolved);
        Assert.Equal(("Split by caseload, reviewed each quarter.", People.Commissioner), (dispute.Outcome, dispute.ResolvedByUserId));
    }

    [Fact]
    public void A_dispute_says_what_is_disputed_and_how_it_will_be_resolved_and_is_fixed_once_resolved()
    {
        var alliance = Complete();
        var blank = alliance.Team.RaiseDispute(alliance.Cycle, " ", null, VoluntaryLead, Now);
        var outsider = alliance.Team.RaiseDispute(alliance.Cycle, "The budget split.", DisputeRoute.Mediation, People.Champion, Now);
        var dispute = Expect.Success(alliance.Team.RaiseDispute(alliance.Cycle, "The budget split.", DisputeRoute.Mediation, VoluntaryLead, Now));

        var noOutcome = alliance.Team.ResolveDispute(alliance.Cycle, dispute.Id, "", TrustLead, Now);
        Expect.Success(alliance.Team.ResolveDispute(alliance.Cycle, dispute.Id, "Split by caseload.", TrustLead, Now));
        var again = alliance.Team.ChangeDisputeRoute(alliance.Cycle, dispute.Id, DisputeRoute.LeadershipTeam, TrustLead, Now);

        Assert.Equal([AllianceRules.DisputeSummaryRequired, AllianceRules.DisputeRouteRequired], blank.BrokenRules);
        Assert.Equal([AllianceRules.TeamMembersOnly], outsider.BrokenRules);
        Assert.Equal([AllianceRules.DisputeOutcomeRequired], noOutcome.BrokenRules);
        Assert.Equal([AllianceRules.DisputeResolved], again.BrokenRules);
        Assert.Equal(DisputeRoute.Mediation, dispute.Route);
    }
}
