using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Administration;

/// <summary>Rules for staff accounts. Codes are stable; messages say how to fix the problem.</summary>
public static class AdministrationRules
{
    /// <summary>The name of the form field holding an account's site roles.</summary>
    public const string RolesField = "Roles";

    public static readonly DomainRule EmailTaken = new(
        "staff-email-taken",
        "There is already an account with this email address. Find it in the list of accounts and change its roles there.",
        nameof(Invitation.Email));

    public static readonly DomainRule DisplayNameRequired = new(
        "staff-name-required",
        "Enter the person's full name.",
        "DisplayName");

    public static readonly DomainRule DisplayNameTooLong = new(
        "staff-name-too-long",
        $"Enter a name of {SiteAdministration.DisplayNameMaxLength} characters or fewer.",
        "DisplayName");

    public static readonly DomainRule OrganisationRequired = new(
        "staff-organisation-required",
        "Choose the organisation this person works for.",
        nameof(Invitation.OrganisationId));

    public static readonly DomainRule OwnAdministratorRole = new(
        "admin-own-role",
        "You can't remove your own administrator role. Ask another administrator to do it.",
        RolesField);

    public static readonly DomainRule LastAdministrator = new(
        "admin-last-administrator",
        "This is the only active administrator. Make someone else an administrator first, then remove this role.",
        RolesField);

    public static readonly DomainRule DeactivateSelf = new(
        "admin-deactivate-self",
        "You can't deactivate your own account. Ask another administrator to do it.");

    public static readonly DomainRule DeactivateLastAdministrator = new(
        "admin-deactivate-last-administrator",
        "This is the only active administrator. Make someone else an administrator before deactivating this account.");

    public static readonly DomainRule AlreadySetUp = new(
        "account-already-set-up",
        "This person has already set up their account. If they have forgotten their password, they can reset it from the sign-in page.");

    public static readonly DomainRule AlreadyDeactivated = new(
        "account-already-deactivated",
        "This account has already been deactivated.");
}
