using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Tests.Membership;

/// <summary>A champion invited by email becomes the cycle's champion on accepting: the invitation is the authority.</summary>
public sealed class ChampionAppointmentTests
{
    private static readonly string Hash = new('a', Invitation.TokenHashLength);

    [Fact]
    public void Accepting_a_champion_invitation_makes_the_person_the_cycles_champion()
    {
        var cycle = ACycle.New().WithoutChampion().Build();
        var invitation = Invite(cycle.Id, CycleRole.CoProductionChampion);
        Expect.Success(invitation.Accept("champion-2", "person@example.org", Moments.Now));

        cycle.AppointChampion(invitation, Moments.Now);

        Assert.Equal("champion-2", cycle.ChampionUserId);
        Assert.Equal(Moments.Now, cycle.LastChangedAt);
        Assert.DoesNotContain(CycleRules.ChampionRequired, cycle.SignOffBlockers(StageKind.NeedsAssessment).Select(r => r.Rule));
    }

    [Fact]
    public void An_invitation_not_yet_accepted_in_another_role_or_to_another_cycle_appoints_nobody()
    {
        var cycle = ACycle.New().WithoutChampion().Build();
        var notAccepted = Invite(cycle.Id, CycleRole.CoProductionChampion);
        var panel = Invite(cycle.Id, CycleRole.Observer);
        Expect.Success(panel.Accept("observer-2", "person@example.org", Moments.Now));
        var elsewhere = Invite(Guid.CreateVersion7(), CycleRole.CoProductionChampion);
        Expect.Success(elsewhere.Accept("champion-2", "person@example.org", Moments.Now));

        Assert.Throws<ArgumentException>(() => cycle.AppointChampion(notAccepted, Moments.Now));
        Assert.Throws<ArgumentException>(() => cycle.AppointChampion(panel, Moments.Now));
        Assert.Throws<ArgumentException>(() => cycle.AppointChampion(elsewhere, Moments.Now));
        Assert.Null(cycle.ChampionUserId);
    }

    [Theory]
    [InlineData(CycleRole.Commissioner, DecisionMode.CoProduced, true)]
    [InlineData(CycleRole.Commissioner, DecisionMode.ClinicallyLed, true)]
    [InlineData(CycleRole.ClinicalAdviser, DecisionMode.ClinicallyLed, true)]
    [InlineData(CycleRole.ClinicalAdviser, DecisionMode.CommissionerLed, false)]
    [InlineData(CycleRole.CoProductionChampion, DecisionMode.ClinicallyLed, false)]
    [InlineData(CycleRole.PanelMember, DecisionMode.CoProduced, false)]
    public void Who_records_a_decision_depends_on_its_mode(CycleRole role, DecisionMode mode, bool allowed) =>
        Assert.Equal(allowed, CyclePermissions.AllowsDecision(role, mode));

    [Fact]
    public void A_clinical_adviser_is_offered_only_clinically_led_decisions() =>
        Assert.Equal([DecisionMode.ClinicallyLed], CyclePermissions.DecisionModesFor(CycleRole.ClinicalAdviser));

    private static Invitation Invite(Guid cycleId, CycleRole role) =>
        Expect.Success(Invitation.Create(cycleId, "person@example.org", role, null, null, Hash, People.Commissioner, Moments.Now));
}
