using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class SubmittedReturnsTests
{
    public static TheoryData<CycleRole, bool> RolesOnEachRoute =>
        new(from role in Enum.GetValues<CycleRole>() from alliance in new[] { false, true } select (role, alliance));

    [Theory]
    [MemberData(nameof(RolesOnEachRoute))]
    public void The_filter_lets_through_exactly_the_submitted_returns_the_member_may_read(CycleRole role, bool alliance)
    {
        var contracted = alliance ? Contracted(Alliance) : Contracted(DirectA, Contract with { LeadOrganisationId = Lead }, [Lead, Member]);
        var q1 = contracted.Monitoring.Q(1);
        ProviderReturn[] returns = [Returned(contracted, q1, Lead), Returned(contracted, q1, Member)];

        foreach (var organisationId in new Guid?[] { Lead, Member, Stranger, null })
        {
            var filter = SubmittedReturns.ReadableBy(contracted.Monitoring, role, organisationId).Compile();

            Assert.All(returns, r => Assert.Equal(r.MayBeReadBy(contracted.Monitoring, role, organisationId), filter(r)));
        }
    }

    [Fact]
    public void A_provider_reads_its_own_organisations_return_only_outside_an_alliance_and_every_members_in_one()
    {
        var direct = Contracted(DirectA, Contract with { LeadOrganisationId = Lead }, [Lead, Member]);
        var alliance = Contracted(Alliance);
        var directReturns = new[] { Returned(direct, direct.Monitoring.Q(1), Lead), Returned(direct, direct.Monitoring.Q(1), Member) };
        var allianceReturns = new[] { Returned(alliance, alliance.Monitoring.Q(1), Lead), Returned(alliance, alliance.Monitoring.Q(1), Member) };

        var inDirect = directReturns.Where(SubmittedReturns.ReadableBy(direct.Monitoring, CycleRole.Provider, Lead).Compile());
        var inAlliance = allianceReturns.Where(SubmittedReturns.ReadableBy(alliance.Monitoring, CycleRole.Provider, Lead).Compile());
        var panel = allianceReturns.Where(SubmittedReturns.ReadableBy(alliance.Monitoring, CycleRole.PanelMember, null).Compile());

        Assert.Equal([Lead], inDirect.Select(r => r.OrganisationId));
        Assert.Equal([Lead, Member], inAlliance.Select(r => r.OrganisationId));
        Assert.Empty(panel);
        Assert.Empty(SubmittedReturns.ReadableOrganisations(alliance.Monitoring, CycleRole.Observer, null));
        Assert.Empty(SubmittedReturns.ReadableOrganisations(alliance.Monitoring, CycleRole.Provider, Stranger));
        Assert.Equal([Lead, Member], SubmittedReturns.ReadableOrganisations(direct.Monitoring, CycleRole.CoProductionChampion, null));
    }
}
