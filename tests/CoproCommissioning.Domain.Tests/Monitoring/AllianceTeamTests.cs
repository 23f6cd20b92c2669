using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Monitoring.AllianceSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>Setting up an alliance leadership team: who it is for, who may set it up, and who can be on it.</summary>
public sealed class AllianceTeamTests
{
    [Fact]
    public void A_commissioner_sets_up_the_team_of_an_alliance_in_monitoring()
    {
        var (cycle, procurement) = Awarded();

        var team = Expect.Success(AllianceLeadershipTeam.Start(cycle, procurement, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(cycle.Id, team.CycleId);
        Assert.Empty(team.Members);
        Assert.Equal((People.Commissioner, Now), (team.CreatedByUserId, team.CreatedAt));
    }

    [Fact]
    public void Only_a_service_awarded_as_an_alliance_agreement_has_a_leadership_team()
    {
        var competitive = new RouteChoice(
            ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA, new RouteQuestions(true, true, null, null), "Only one provider.");
        var (notAlliance, direct) = Awarded(competitive);
        var (notAwarded, unawarded) = Awarded(awarded: false);

        var other = AllianceLeadershipTeam.Start(notAlliance, direct, People.Commissioner, CycleRole.Commissioner, Now);
        var early = AllianceLeadershipTeam.Start(notAwarded, unawarded, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([AllianceRules.NotAnAlliance], other.BrokenRules);
        Assert.Equal([AllianceRules.NotAnAlliance], early.BrokenRules);
    }

    [Fact]
    public void The_team_waits_for_the_monitoring_stage_and_stops_when_it_is_signed_off()
    {
        var (procuring, procurement) = Awarded(inMonitoring: false);
        var alliance = Complete();
        SignOff(alliance.Cycle, StageKind.Monitoring, Now);

        var early = AllianceLeadershipTeam.Start(procuring, procurement, People.Commissioner, CycleRole.Commissioner, Now);
        var late = alliance.Team.AddRisk(alliance.Cycle, ReferralsRisk with { OwnerMemberId = alliance.MemberOf(TrustLead).Id }, TrustLead, Now.AddMinutes(1));

        Assert.Equal([CycleRules.StageNotOpen], early.BrokenRules);
        Assert.Equal([CycleRules.StageSignedOff], late.BrokenRules);
    }

    [Theory]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.Provider)]
    [InlineData(CycleRole.PanelMember)]
    public void Only_a_commissioner_sets_up_the_team_and_names_its_members(CycleRole role)
    {
        var (cycle, procurement) = Awarded();
        var alliance = Started();

        var start = AllianceLeadershipTeam.Start(cycle, procurement, "someone", role, Now);
        var add = alliance.Team.AddMember(alliance.Cycle, alliance.Procurement, AllianceParty.Provider, Trust, TrustPerson, "someone", role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], start.BrokenRules);
        Assert.Equal([CycleRules.CommissionerOnly], add.BrokenRules);
        Assert.Empty(alliance.Team.Members);
    }

    [Fact]
    public void Every_provider_in_the_alliance_and_the_commissioner_join_the_team_each_with_a_named_person()
    {
        var alliance = Complete();

        Assert.Equal(Everyone, alliance.Team.Members.Select(m => m.UserId));
        Assert.Equal([Trust, Voluntary, OtherVoluntary, null], alliance.Team.Members.Select(m => m.OrganisationId));
        Assert.Equal(AllianceParty.Commissioner, alliance.MemberOf(People.Commissioner).Party);
        Assert.True(alliance.Team.IsComplete(alliance.Procurement));
    }

    [Fact]
    public void A_member_is_a_provider_in_the_alliance_and_each_party_joins_once()
    {
        var alliance = Started();
        alliance.Add(AllianceParty.Provider, Trust, TrustPerson);
        alliance.Add(AllianceParty.Commissioner, null, Commissioner);

        var outsider = Add(alliance, AllianceParty.Provider, Outsider, new NamedPerson("provider-outsider", CycleRole.Provider, Outsider));
        var twice = Add(alliance, AllianceParty.Provider, Trust, new NamedPerson("provider-trust-2", CycleRole.Provider, Trust));
        var secondCommissioner = Add(alliance, AllianceParty.Commissioner, null, new NamedPerson("commissioner-2", CycleRole.Commissioner, null));
        var noParty = Add(alliance, null, Voluntary, VoluntaryPerson);

        Assert.Equal([AllianceRules.OrganisationNotInAlliance], outsider.BrokenRules);
        Assert.Equal([AllianceRules.PartyAlreadyMember], twice.BrokenRules);
        Assert.Equal([AllianceRules.PartyAlreadyMember], secondCommissioner.BrokenRules);
        Assert.Equal([AllianceRules.PartyRequired], noParty.BrokenRules);
        Assert.Equal("OrganisationId", outsider.Refusals[0].Field);
    }

    [Fact]
    public void The_named_person_is_a_member_of_the_cycle_from_the_party_they_speak_for_and_speaks_for_one_party_only()
    {
        var alliance = Started();
        alliance.Add(AllianceParty.Provider, Trust, TrustPerson);

        var nobody = Add(alliance, AllianceParty.Provider, Voluntary, null);
        var otherProvidersStaff = Add(alliance, AllianceParty.Provider, Voluntary, OtherVoluntaryPerson);
        var championForCommissioner = Add(alliance, AllianceParty.Commissioner, null, new NamedPerson(People.Champion, CycleRole.CoProductionChampion, null));
        var twoHats = Add(alliance, AllianceParty.Provider, Voluntary, TrustPerson with { OrganisationId = Voluntary });

        Assert.Equal([AllianceRules.PersonRequired], nobody.BrokenRules);
        Assert.Equal([AllianceRules.PersonNotOfParty], otherProvidersStaff.BrokenRules);
        Assert.Equal([AllianceRules.PersonNotOfParty], championForCommissioner.BrokenRules);
        Assert.Equal([AllianceRules.PersonAlreadyNamed], twoHats.BrokenRules);
        Assert.Equal("UserId", nobody.Refusals[0].Field);
    }

    [Fact]
    public void A_new_named_person_speaks_for_the_party_and_its_earlier_votes_stay_the_partys()
    {
        var alliance = Complete();
        var decision = alliance.Proposed();
        Expect.Success(alliance.Vote(decision, VoluntaryLead, true));
        var voluntary = alliance.MemberOf(VoluntaryLead);
        var successor = new NamedPerson("provider-voluntary-2", CycleRole.Provider, Voluntary);

        Expect.Success(alliance.Team.ChangeNamedPerson(alliance.Cycle, alliance.Procurement, voluntary.Id, successor, CycleRole.Commissioner, Now));
        var fromAnotherParty = alliance.Team.ChangeNamedPerson(alliance.Cycle, alliance.Procurement, voluntary.Id, OtherVoluntaryPerson, CycleRole.Commissioner, Now);
        var oldPerson = alliance.Vote(decision, VoluntaryLead, false, "Too far from the station.");

        Assert.Equal("provider-voluntary-2", voluntary.UserId);
        Assert.Equal(VoluntaryLead, decision.VoteOf(voluntary.Id)!.RecordedByUserId);
        Assert.Equal([AllianceRules.PersonNotOfParty, AllianceRules.PersonAlreadyNamed], fromAnotherParty.BrokenRules);
        Assert.Equal([AllianceRules.TeamMembersOnly], oldPerson.BrokenRules);
    }

    private static DomainOutcome Add(AnAlliance alliance, AllianceParty? party, Guid? organisationId, NamedPerson? person) =>
        alliance.Team.AddMember(alliance.Cycle, alliance.Procurement, party, organisationId, person, People.Commissioner, CycleRole.Commissioner, Now);
}
