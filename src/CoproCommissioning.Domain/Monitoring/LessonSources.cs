namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// The provider returns and panel ratings of the cycle's monitoring that a lesson may cite, by id, as the page loads
/// them (the contributions are the cycle's own). Only submitted returns belong here: a draft taught nobody anything yet.
/// </summary>
public sealed record LessonSources(IReadOnlyCollection<Guid> ProviderReturnIds, IReadOnlyCollection<Guid> PanelRatingIds)
{
    public static LessonSources None { get; } = new([], []);
}
