namespace CoproCommissioning.Domain.Monitoring;

// The health check: each period every member rates how the alliance is working, and the team sees the result together.
public sealed partial class AllianceLeadershipTeam
{
    private readonly List<AllianceHealthRating> _healthRatings = [];

    public IReadOnlyList<AllianceHealthRating> HealthRatings => _healthRatings;

    /// <summary>The periods with at least one rating, in the order they were first rated.</summary>
    public IReadOnlyList<Guid> RatedPeriodIds => [.. _healthRatings.OrderBy(r => r.RatedAt).Select(r => r.PeriodId).Distinct()];

    /// <summary>
    /// A member's named person rates the alliance for a reporting period of the cycle's monitoring (the page checks the
    /// period is one of them, as it does any id in its address); rating again changes the member's rating.
    /// </summary>
    public DomainOutcome<AllianceHealthRating> RateHealth(
        CommissioningCycle cycle, Guid periodId, HealthScores scores, string? comment, string actorUserId, DateTimeOffset now)
    {
        Guard.NotEmpty(periodId);
        ArgumentNullException.ThrowIfNull(scores);
        var (refusals, member) = CheckMember(cycle, actorUserId, now);
        CheckScore(refusals, scores.Trust, AllianceRules.TrustRequired);
        CheckScore(refusals, scores.InformationSharing, AllianceRules.InformationSharingRequired);
        CheckScore(refusals, scores.SharedDecisions, AllianceRules.SharedDecisionsRequired);
        TextInput.Check(refusals, comment, AllianceHealthRating.CommentMaxLength, AllianceRules.HealthCommentRequired, AllianceRules.HealthCommentTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<AllianceHealthRating>(refusals);
        }

        var rating = _healthRatings.SingleOrDefault(r => r.PeriodId == periodId && r.MemberId == member!.Id);
        if (rating is null)
        {
            rating = new AllianceHealthRating(periodId, member!.Id, scores, TextInput.Clean(comment), actorUserId, now);
            _healthRatings.Add(rating);
        }
        else
        {
            rating.Change(scores, TextInput.Clean(comment), actorUserId, now);
        }

        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(rating) : DomainOutcome.Refused<AllianceHealthRating>(changed.Refusals);
    }

    /// <summary>The team's result for <paramref name="periodId"/>: each question's average and lowest score, and who has not rated.</summary>
    public AllianceHealthResult HealthResult(Guid periodId)
    {
        var ratings = _healthRatings.Where(r => r.PeriodId == periodId).ToList();
        return new AllianceHealthResult(
            periodId,
            [.. _members.Where(m => ratings.Any(r => r.MemberId == m.Id)).Select(m => m.Id)],
            [.. _members.Where(m => ratings.All(r => r.MemberId != m.Id)).Select(m => m.Id)],
            HealthQuestionResult.Of([.. ratings.Select(r => r.Trust)]),
            HealthQuestionResult.Of([.. ratings.Select(r => r.InformationSharing)]),
            HealthQuestionResult.Of([.. ratings.Select(r => r.SharedDecisions)]));
    }
}
