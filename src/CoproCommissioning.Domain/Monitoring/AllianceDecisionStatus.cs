namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Where a leadership team decision stands: carried, or which members have not voted and which disagree. A decision
/// with any member missing or disagreeing is not carried.
/// </summary>
public sealed record AllianceDecisionStatus(
    bool IsCarried, IReadOnlyList<Guid> AgreedMemberIds, IReadOnlyList<Guid> DisagreeingMemberIds, IReadOnlyList<Guid> MissingMemberIds);
