using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.AllianceSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>The leadership team's decisions are unanimous: carried only when every member agrees.</summary>
public sealed class AllianceDecisionTests
{
    [Fact]
    public void A_decision_every_member_agrees_to_is_carried_when_the_last_one_agrees()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();

        foreach (var person in Everyone.SkipLast(1))
        {
            Expect.Success(alliance.Vote(decision, person, true));
        }

        Assert.False(decision.IsCarried);
        Expect.Success(alliance.Vote(decision, Everyone[^1], true));
        var status = alliance.Team.StatusOf(decision);
        Assert.True(status.IsCarried);
        Assert.Equal(Now, decision.CarriedAt);
        Assert.Equal(alliance.Team.Members.Select(m => m.Id), status.AgreedMemberIds);
        Assert.Empty(status.MissingMemberIds);
    }

    [Fact]
    public void A_decision_one_member_has_not_voted_on_is_not_carried_and_says_who_is_missing()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();

        foreach (var person in Everyone.Where(p => p != OtherVoluntaryLead))
        {
            Expect.Success(alliance.Vote(decision, person, true));
        }

        var status = alliance.Team.StatusOf(decision);
        Assert.False(status.IsCarried);
        Assert.Equal([alliance.MemberOf(OtherVoluntaryLead).Id], status.MissingMemberIds);
        Assert.Empty(status.DisagreeingMemberIds);
    }

    [Fact]
    public void A_decision_one_member_disagrees_with_is_not_carried_and_says_who_disagrees_and_why()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();

        foreach (var person in Everyone.Where(p => p != VoluntaryLead))
        {
            Expect.Success(alliance.Vote(decision, person, true));
        }

        Expect.Success(alliance.Vote(decision, VoluntaryLead, false, "  The library closes at 6pm, when people need the café most.  "));

        var status = alliance.Team.StatusOf(decision);
        var voluntary = alliance.MemberOf(VoluntaryLead);
        Assert.False(status.IsCarried);
        Assert.Null(decision.CarriedAt);
        Assert.Equal([voluntary.Id], status.DisagreeingMemberIds);
        Assert.Empty(status.MissingMemberIds);
        Assert.Equal("The library closes at 6pm, when people need the café most.", decision.VoteOf(voluntary.Id)!.Reason);
    }

    [Fact]
    public void A_member_can_change_their_vote_until_the_decision_is_carried_and_then_it_is_fixed()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();
        Expect.Success(alliance.Vote(decision, VoluntaryLead, false, "The library closes at 6pm."));
        foreach (var person in Everyone.Where(p => p != VoluntaryLead))
        {
            Expect.Success(alliance.Vote(decision, person, true));
        }

        Expect.Success(alliance.Vote(decision, VoluntaryLead, true, "The library will open until 10pm."));
        var afterwards = alliance.Vote(decision, TrustLead, false, "Changed our mind.");

        var voluntaryVote = decision.VoteOf(alliance.MemberOf(VoluntaryLead).Id)!;
        Assert.True(decision.IsCarried);
        Assert.True(voluntaryVote.Agrees);
        Assert.Single(decision.Votes, v => v.MemberId == voluntaryVote.MemberId);
        Assert.Equal([AllianceRules.DecisionCarried], afterwards.BrokenRules);
        Assert.True(decision.VoteOf(alliance.MemberOf(TrustLead).Id)!.Agrees);
    }

    [Fact]
    public void Disagreeing_needs_a_reason_and_a_vote_needs_an_answer()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();

        var noReason = alliance.Vote(decision, VoluntaryLead, false, "  ");
        var noAnswer = alliance.Vote(decision, VoluntaryLead, null);
        var tooLong = alliance.Vote(decision, VoluntaryLead, false, new string('a', AllianceVote.ReasonMaxLength + 1));

        Assert.Equal([AllianceRules.DisagreeReasonRequired], noReason.BrokenRules);
        Assert.Equal("Reason", noReason.Refusals[0].Field);
        Assert.Equal([AllianceRules.VoteRequired], noAnswer.BrokenRules);
        Assert.Equal([AllianceRules.ReasonTooLong], tooLong.BrokenRules);
        Assert.Empty(decision.Votes);
    }

    [Fact]
    public void Only_the_named_people_on_the_team_vote_each_for_their_own_party()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();

        var champion = alliance.Vote(decision, People.Champion, true);
        Expect.Success(alliance.Vote(decision, TrustLead, true));

        Assert.Equal([AllianceRules.TeamMembersOnly], champion.BrokenRules);
        Assert.Equal([alliance.MemberOf(TrustLead).Id], decision.Votes.Select(v => v.MemberId));
    }

    [Fact]
    public void A_team_without_every_party_to_the_alliance_takes_no_decisions()
    {
        var alliance = Started();
        alliance.Add(AllianceParty.Provider, Trust, TrustPerson);
        alliance.Add(AllianceParty.Provider, Voluntary, VoluntaryPerson);
        alliance.Add(AllianceParty.Provider, OtherVoluntary, OtherVoluntaryPerson);

        var noCommissioner = alliance.Team.Propose(alliance.Cycle, alliance.Procurement, "Move the café", "To the library.", TrustLead, Now);
        alliance.Add(AllianceParty.Commissioner, null, Commissioner);
        var everyParty = alliance.Team.Propose(alliance.Cycle, alliance.Procurement, "Move the café", "To the library.", TrustLead, Now);

        Assert.Equal([AllianceRules.TeamIncomplete], noCommissioner.BrokenRules);
        Assert.True(everyParty.Succeeded);
        Assert.Equal(4, alliance.Team.StatusOf(everyParty.Value).MissingMemberIds.Count);
    }

    [Fact]
    public void A_proposal_has_a_title_and_says_what_is_proposed_and_only_team_members_propose()
    {
        var alliance = Complete();

        var blank = alliance.Team.Propose(alliance.Cycle, alliance.Procurement, " ", "", TrustLead, Now);
        var tooLong = alliance.Team.Propose(alliance.Cycle, alliance.Procurement, new string('a', AllianceDecision.TitleMaxLength + 1),
            new string('b', AllianceDecision.ProposalMaxLength + 1), TrustLead, Now);
        var outsider = alliance.Team.Propose(alliance.Cycle, alliance.Procurement, "Move the café", "To the library.", People.Champion, Now);

        Assert.Equal([AllianceRules.DecisionTitleRequired, AllianceRules.ProposalRequired], blank.BrokenRules);
        Assert.Equal([AllianceRules.DecisionTitleTooLong, AllianceRules.ProposalTooLong], tooLong.BrokenRules);
        Assert.Equal([AllianceRules.TeamMembersOnly], outsider.BrokenRules);
        Assert.Empty(alliance.Team.Decisions);
    }
}
