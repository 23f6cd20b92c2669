using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Membership;

public static class MembershipRules
{
    public static readonly DomainRule PanelVoiceRequired = new(
        "member-panel-voice",
        "Say whether this panel member has lived experience or is a carer.");

    public static readonly DomainRule ProviderOrganisationRequired = new(
        "member-provider-organisation",
        "Choose the organisation this provider represents.");

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
        "This person is already a member of the cycle.");

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
