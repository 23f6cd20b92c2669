namespace CoproCommissioning.Domain.Membership;

/// <summary>Things a member can ask to do in a cycle; <see cref="CyclePermissions"/> says which roles may.</summary>
public enum CycleOperation
{
    View,
    Contribute,

    /// <summary>Give input as their own in a lived-experience or carer voice: what R1 counts, so only panel members may.</summary>
    GiveLivedExperienceInput,

    /// <summary>Read input shared with the commissioning team only (R7).</summary>
    ReadTeamOnlyInput,
    LogOnBehalf,

    /// <summary>Add to and change a stage's own content: evidence, needs, inequalities, sessions, the specification.</summary>
    ManageStageContent,
    Respond,
    RecordDecision,
    SignOff,

    /// <summary>See what a stage still needs before it can be signed off: the commissioning team's task list, not anyone else's.</summary>
    FollowSignOff,
    ManageCycle,
    ManageMembers,
    SeeAccessNeeds,
    SeeProviderProposals,
    SubmitProviderProposal,

    /// <summary>Write and submit the organisation's bid in a procurement.</summary>
    SubmitBid,

    /// <summary>Read and score bids, when the procurement's evaluation panel has a seat for them; providers never do.</summary>
    EvaluateBids,

    /// <summary>Write and submit the organisation's monitoring return for a reporting period.</summary>
    SubmitProviderReturn,

    /// <summary>Read every contract party's submitted monitoring returns.</summary>
    ReadProviderReturns,
}
