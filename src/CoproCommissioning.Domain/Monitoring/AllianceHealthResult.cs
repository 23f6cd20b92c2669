namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// The team's health check for one period: for each question the average and the lowest score of the members who rated,
/// and which members have not rated yet. A low score from one member matters even when the average looks fine, so
/// <see cref="Concerns"/> names each question someone scored at or below <see cref="ConcernAtOrBelow"/>.
/// </summary>
public sealed record AllianceHealthResult(
    Guid PeriodId,
    IReadOnlyList<Guid> RatedMemberIds,
    IReadOnlyList<Guid> MissingMemberIds,
    HealthQuestionResult Trust,
    HealthQuestionResult InformationSharing,
    HealthQuestionResult SharedDecisions)
{
    public const int ConcernAtOrBelow = 2;

    public bool IsComplete => MissingMemberIds.Count == 0 && RatedMemberIds.Count > 0;

    /// <summary>The questions, by property name (<see cref="AllianceHealthRating.Trust"/> and the rest), someone scored low.</summary>
    public IReadOnlyList<string> Concerns =>
    [
        .. new[]
        {
            (nameof(Trust), Trust),
            (nameof(InformationSharing), InformationSharing),
            (nameof(SharedDecisions), SharedDecisions),
        }.Where(q => q.Item2.Lowest <= ConcernAtOrBelow).Select(q => q.Item1),
    ];
}

/// <summary>One question's result: the average to one decimal place and the lowest score; null when nobody has rated.</summary>
public sealed record HealthQuestionResult(decimal? Average, int? Lowest)
{
    internal static HealthQuestionResult Of(IReadOnlyCollection<int> scores) =>
        scores.Count == 0
            ? new HealthQuestionResult(null, null)
            : new HealthQuestionResult(Math.Round((decimal)scores.Sum() / scores.Count, 1, MidpointRounding.AwayFromZero), scores.Min());
}
