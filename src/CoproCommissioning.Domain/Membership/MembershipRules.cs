namespace CoproCommissioning.Domain.Membership;

/// <summary>
/// Rules for inviting people into a cycle and their membership of it. Codes are stable; messages say how to fix the
/// problem; a rule a person fixes by changing one answer names it (<see cref="DomainRule.Field"/>).
/// </summary>
public static class MembershipRules
{
    public static readonly DomainRule EmailRequired = new(
        "invitation-email-required",
        "Enter the email address of the person you want to invite.",
        nameof(Invitation.Email));

    public static readonly DomainRule EmailTooLong = new(
        "invitation-email-too-long",
        $"Enter an email address of {Invitation.EmailMaxLength} characters or fewer.",
        nameof(Invitation.Email));

    public static readonly DomainRule EmailInvalid = new(
        "invitation-email-invalid",
        "Enter an email address in the correct format, like name@example.com.",
        nameof(Invitation.Email));

    public static readonly DomainRule RoleRequired = new(
        "invitation-role-required",
        "Choose the role this person will have in the cycle.",
        nameof(Invitation.Role));

    public static readonly DomainRule PanelVoiceRequired = new(
        "member-panel-voice",
        "Say whether this panel member has lived experience or is a carer.",
        nameof(Invitation.PanelVoice));

    public static readonly DomainRule ProviderOrganisationRequired = new(
        "member-provider-organisation",
        "Choose the organisation this provider represents.",
        nameof(Invitation.OrganisationId));

    public static readonly DomainRule InvitationExpired = new(
        "invitation-expired",
        "This invitation has expired. Ask the commissioner who invited you to send a new one.");

    public static readonly DomainRule InvitationUsed = new(
        "invitation-used",
        "This invitation has already been used. Sign in to reach the cycle.");

    public static readonly DomainRule InvitationRevoked = new(
        "invitation-revoked",
        "This invitation was withdrawn. Ask the commissioner who invited you if you think this is wrong.");

    public static readonly DomainRule InvitationForAnotherAccount = new(
        "invitation-other-account",
        "This invitation was sent to a different email address. Sign out and open the link again, or ask for an invitation to this account.");

    public static readonly DomainRule AlreadyMember = new(
        "member-already",
        "This person is already a member of the cycle.",
        nameof(Invitation.Email));

    internal static List<Refusal> Check(CycleRole role, Voice? panelVoice, Guid? organisationId)
    {
        List<Refusal> refusals = [];
        if (role == CycleRole.PanelMember && panelVoice is not (Voice.LivedExperience or Voice.Carer))
        {
            refusals.Add(new Refusal(PanelVoiceRequired));
        }

        if (role == CycleRole.Provider && organisationId is null)
        {
            refusals.Add(new Refusal(ProviderOrganisationRequired));
        }

        return refusals;
    }
}
