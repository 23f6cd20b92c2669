using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Domain.Administration;

/// <summary>
/// What administrators may do to staff accounts. The accounts themselves are Identity's; these rules take the facts
/// they need (whose account, which roles, how many active administrators there are) so that they hold for every page.
/// The site always keeps at least one active administrator, and nobody demotes or deactivates themselves, so nobody
/// locks themselves out by mistake: another administrator must do it.
/// </summary>
public static class SiteAdministration
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>
    /// Why a staff member can't be invited with these answers. <paramref name="organisation"/> is null when none was
    /// chosen; <paramref name="emailTaken"/> when an account already has this address.
    /// </summary>
    public static IReadOnlyList<Refusal> StaffInvitationProblems(string? email, string? displayName, Organisation? organisation,
        bool emailTaken)
    {
        List<Refusal> refusals = [.. AccountProblems(email, displayName, emailTaken)];
        if (organisation is null)
        {
            refusals.Add(new Refusal(AdministrationRules.OrganisationRequired));
        }
        else
        {
            refusals.AddRange(organisation.InvitationBlockers());
        }

        return refusals;
    }

    /// <summary>
    /// Why an account can't be made with this address and name: the first administrator's, made by the install command
    /// before any organisation exists, or a staff member's.
    /// </summary>
    public static IReadOnlyList<Refusal> AccountProblems(string? email, string? displayName, bool emailTaken)
    {
        List<Refusal> refusals = [.. Invitation.EmailProblems(email)];
        if (refusals.Count == 0 && emailTaken)
        {
            refusals.Add(new Refusal(AdministrationRules.EmailTaken));
        }

        TextInput.Check(refusals, displayName, DisplayNameMaxLength, AdministrationRules.DisplayNameRequired, AdministrationRules.DisplayNameTooLong);
        return refusals;
    }

    /// <summary>Why an account's administrator role can't change this way, if it can't.</summary>
    public static IReadOnlyList<Refusal> RoleChangeBlockers(bool ownAccount, bool isAdministrator, bool willBeAdministrator,
        int activeAdministrators)
    {
        if (!isAdministrator || willBeAdministrator)
        {
            return [];
        }

        if (ownAccount)
        {
            return [new Refusal(AdministrationRules.OwnAdministratorRole)];
        }

        return activeAdministrators <= 1 ? [new Refusal(AdministrationRules.LastAdministrator)] : [];
    }

    /// <summary>Why an account can't be deactivated now, if it can't.</summary>
    public static IReadOnlyList<Refusal> DeactivationBlockers(bool ownAccount, bool isAdministrator, bool isDeactivated,
        int activeAdministrators)
    {
        if (isDeactivated)
        {
            return [new Refusal(AdministrationRules.AlreadyDeactivated)];
        }

        if (ownAccount)
        {
            return [new Refusal(AdministrationRules.DeactivateSelf)];
        }

        return isAdministrator && activeAdministrators <= 1 ? [new Refusal(AdministrationRules.DeactivateLastAdministrator)] : [];
    }
}
