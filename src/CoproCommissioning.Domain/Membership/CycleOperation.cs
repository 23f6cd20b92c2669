namespace CoproCommissioning.Domain.Membership;

/// <summary>Things a member can ask to do in a cycle; <see cref="CyclePermissions"/> says which roles may.</summary>
public enum CycleOperation
{
    View,
    Contribute,
    LogOnBehalf,

    /// <summary>Add to and change a stage's own content: evidence, needs, inequalities, sessions, the specification.</summary>
    ManageStageContent,
    Respond,
    RecordDecision,
    SignOff,
    ManageCycle,
    ManageMembers,
    SeeAccessNeeds,
    SeeProviderProposals,
    SubmitProviderProposal,
}
