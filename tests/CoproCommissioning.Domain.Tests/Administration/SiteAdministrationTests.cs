using CoproCommissioning.Domain.Administration;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Domain.Tests.Administration;

public sealed class SiteAdministrationTests
{
    [Fact]
    public void Nobody_removes_their_own_administrator_role_however_many_administrators_there_are()
    {
        var refusal = Assert.Single(SiteAdministration.RoleChangeBlockers(ownAccount: true, isAdministrator: true, willBeAdministrator: false, activeAdministrators: 5));

        Assert.Equal(AdministrationRules.OwnAdministratorRole, refusal.Rule);
        Assert.Equal(AdministrationRules.RolesField, refusal.Field);
    }

    [Fact]
    public void The_last_active_administrator_keeps_the_role()
    {
        Assert.Equal([AdministrationRules.LastAdministrator],
            SiteAdministration.RoleChangeBlockers(ownAccount: false, isAdministrator: true, willBeAdministrator: false, activeAdministrators: 1).Select(r => r.Rule));
        Assert.Empty(SiteAdministration.RoleChangeBlockers(ownAccount: false, isAdministrator: true, willBeAdministrator: false, activeAdministrators: 2));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Changes_that_keep_or_add_the_administrator_role_are_allowed_even_for_yourself(bool isAdministrator, bool ownAccount) =>
        Assert.Empty(SiteAdministration.RoleChangeBlockers(ownAccount, isAdministrator, willBeAdministrator: true, activeAdministrators: 1));

    [Fact]
    public void Nobody_deactivates_themselves_or_the_last_active_administrator()
    {
        Assert.Equal([AdministrationRules.DeactivateSelf],
            SiteAdministration.DeactivationBlockers(ownAccount: true, isAdministrator: true, isDeactivated: false, activeAdministrators: 3).Select(r => r.Rule));
        Assert.Equal([AdministrationRules.DeactivateLastAdministrator],
            SiteAdministration.DeactivationBlockers(ownAccount: false, isAdministrator: true, isDeactivated: false, activeAdministrators: 1).Select(r => r.Rule));
        Assert.Equal([AdministrationRules.AlreadyDeactivated],
            SiteAdministration.DeactivationBlockers(ownAccount: false, isAdministrator: false, isDeactivated: true, activeAdministrators: 1).Select(r => r.Rule));
        Assert.Empty(SiteAdministration.DeactivationBlockers(ownAccount: false, isAdministrator: true, isDeactivated: false, activeAdministrators: 2));
        Assert.Empty(SiteAdministration.DeactivationBlockers(ownAccount: false, isAdministrator: false, isDeactivated: false, activeAdministrators: 1));
    }

    [Fact]
    public void A_staff_invitation_needs_an_address_a_name_and_an_organisation_that_is_not_retired()
    {
        Assert.Equal(
            [(MembershipRules.EmailInvalid, nameof(Invitation.Email)), (AdministrationRules.DisplayNameRequired, "DisplayName"),
                (AdministrationRules.OrganisationRequired, nameof(Invitation.OrganisationId))],
            SiteAdministration.StaffInvitationProblems("not-an-address", " ", organisation: null, emailTaken: false).Select(r => (r.Rule, r.Field!)));

        var retired = AnOrganisation.New().Build();
        Expect.Success(retired.Retire(Moments.Now));
        Assert.Equal([OrganisationRules.Retired],
            SiteAdministration.StaffInvitationProblems("kit@icb.example", "Kit Lee", retired, emailTaken: false).Select(r => r.Rule));
        Assert.Empty(SiteAdministration.StaffInvitationProblems("kit@icb.example", "Kit Lee", AnOrganisation.New().Build(), emailTaken: false));
    }

    [Fact]
    public void An_address_that_already_has_an_account_is_refused_beside_the_address()
    {
        var refusal = Assert.Single(SiteAdministration.AccountProblems("lee@icb.example", "Lee Chen", emailTaken: true));

        Assert.Equal(AdministrationRules.EmailTaken, refusal.Rule);
        Assert.Equal(nameof(Invitation.Email), refusal.Field);
    }
}
