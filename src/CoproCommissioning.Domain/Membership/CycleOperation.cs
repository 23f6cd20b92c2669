namespace CoproCommissioning.Domain.Membership;

/// <summary>Things a member can ask to do in a cycle; <see cref="CyclePermissions"/> says which roles may.</summary>
public enum CycleOperation
{
    View,
    Contribute,
    LogOnBehalf,
    Respond,
    RecordDecision,
    SignOff,
    ManageCycle,
    ManageMembers,
    SeeAccessNeeds,
    SeeProviderProposals,
    SubmitProviderProposal,
}
