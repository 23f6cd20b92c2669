using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Tests.Membership;

public sealed class InvitationTests
{
    private static readonly Guid CycleId = Guid.CreateVersion7();
    private static readonly string Hash = new('a', Invitation.TokenHashLength);

    [Fact]
    public void Accepting_grants_the_invited_role_once()
    {
        var invitation = AnInvitation(CycleRole.PanelMember, Voice.Carer);

        var membership = Expect.Success(invitation.Accept("user-1", "Person@Example.org", Moments.Now));

        Assert.Equal(CycleRole.PanelMember, membership.Role);
        Assert.Equal(Voice.Carer, membership.PanelVoice);
        Assert.Equal(Voice.Carer, membership.OwnVoice);
        Assert.Equal(Moments.Now, invitation.AcceptedAt);
        var again = invitation.Accept("user-1", "person@example.org", Moments.Now);
        Assert.Contains(MembershipRules.InvitationUsed, again.BrokenRules);
    }

    [Fact]
    public void Is_refused_after_it_expires()
    {
        var invitation = AnInvitation(CycleRole.Observer);

        var outcome = invitation.Accept("user-1", "person@example.org", Moments.Now + Invitation.Lifetime);

        Assert.Equal([MembershipRules.InvitationExpired], outcome.BrokenRules);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void Is_refused_for_an_account_with_another_email()
    {
        var invitation = AnInvitation(CycleRole.Observer);

        var outcome = invitation.Accept("user-2", "someone.else@example.org", Moments.Now);

        Assert.Equal([MembershipRules.InvitationForAnotherAccount], outcome.BrokenRules);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void Is_refused_once_withdrawn()
    {
        var invitation = AnInvitation(CycleRole.Observer);
        invitation.Revoke(Moments.Now);

        Assert.Equal([MembershipRules.InvitationRevoked], invitation.Accept("user-1", "person@example.org", Moments.Now).BrokenRules);
    }

    [Fact]
    public void Removing_the_address_withdraws_an_invitation_not_yet_accepted()
    {
        var invitation = AnInvitation(CycleRole.PanelMember, Voice.LivedExperience);

        invitation.RemoveAddress(Moments.Now);

        Assert.Equal(Invitation.RemovedAddress, invitation.Email);
        Assert.Equal(Moments.Now, invitation.RevokedAt);
        Assert.Equal([MembershipRules.InvitationRevoked], invitation.Accept("user-1", "person@example.org", Moments.Now).BrokenRules);
        Assert.Equal([MembershipRules.InvitationRevoked], invitation.Accept("user-1", Invitation.RemovedAddress, Moments.Now).BrokenRules);
    }

    [Fact]
    public void Removing_the_address_of_an_accepted_invitation_keeps_it_accepted_by_the_same_account()
    {
        var invitation = AnInvitation(CycleRole.Observer);
        Expect.Success(invitation.Accept("user-1", "person@example.org", Moments.Now));

        invitation.RemoveAddress(Moments.Now.AddDays(1));

        Assert.Equal(Invitation.RemovedAddress, invitation.Email);
        Assert.Equal(Moments.Now, invitation.AcceptedAt);
        Assert.Equal("user-1", invitation.AcceptedByUserId);
        Assert.Null(invitation.RevokedAt);
    }

    [Fact]
    public void A_panel_member_needs_a_voice_and_a_provider_an_organisation()
    {
        var panel = Invitation.Create(CycleId, "person@example.org", CycleRole.PanelMember, Voice.Provider, null, Hash, People.Commissioner, Moments.Now);
        var provider = Invitation.Create(CycleId, "person@example.org", CycleRole.Provider, null, null, Hash, People.Commissioner, Moments.Now);

        Assert.Equal([MembershipRules.PanelVoiceRequired], panel.BrokenRules);
        Assert.Equal([MembershipRules.ProviderOrganisationRequired], provider.BrokenRules);
    }

    [Theory]
    [InlineData("", "invitation-email-required")]
    [InlineData("not-an-email", "invitation-email-invalid")]
    [InlineData("@example.org", "invitation-email-invalid")]
    public void An_invitation_needs_an_email_address_beside_which_the_problem_is_shown(string email, string code)
    {
        var outcome = Invitation.Create(CycleId, email, CycleRole.Observer, null, null, Hash, People.Commissioner, Moments.Now);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal((code, nameof(Invitation.Email)), (refusal.Rule.Code, refusal.Field));
    }

    [Fact]
    public void An_invitation_without_a_role_is_refused_with_every_other_problem()
    {
        var outcome = Invitation.Create(CycleId, new string('a', Invitation.EmailMaxLength) + "@example.org", null, null, null, Hash,
            People.Commissioner, Moments.Now);

        Assert.Equal([MembershipRules.EmailTooLong, MembershipRules.RoleRequired], outcome.BrokenRules);
    }

    [Theory]
    [InlineData(CycleRole.Commissioner, CycleOperation.SignOff, true)]
    [InlineData(CycleRole.CoProductionChampion, CycleOperation.SignOff, false)]
    [InlineData(CycleRole.CoProductionChampion, CycleOperation.SeeAccessNeeds, true)]
    [InlineData(CycleRole.Provider, CycleOperation.SeeAccessNeeds, false)]
    [InlineData(CycleRole.Observer, CycleOperation.Contribute, false)]
    [InlineData(CycleRole.Observer, CycleOperation.View, true)]
    [InlineData(CycleRole.PanelMember, CycleOperation.Respond, false)]
    public void Permissions_follow_the_cycle_role(CycleRole role, CycleOperation operation, bool allowed) =>
        Assert.Equal(allowed, CyclePermissions.Allows(role, operation));

    private static Invitation AnInvitation(CycleRole role, Voice? voice = null) =>
        Expect.Success(Invitation.Create(CycleId, "person@example.org", role, voice, null, Hash, People.Commissioner, Moments.Now));
}
