namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A provider return or panel rating a review's decision rests on. A return is cited at the revision it stood at when
/// the decision was recorded, so a correction made afterwards shows as one, not as what the review saw.
/// </summary>
public sealed record ReviewCitation(ReviewSourceKind Kind, Guid SourceId, int? ReturnRevision);

/// <summary>What a review's decision can cite: both sides' view of the outcomes.</summary>
public enum ReviewSourceKind
{
    ProviderReturn,
    PanelRating,
}
