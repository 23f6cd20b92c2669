namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// One member's health check of the alliance for a reporting period: trust, information sharing and shared decisions,
/// each from 1 (poor) to 5 (very good), with a comment. The member can change it; the latest stands.
/// </summary>
public sealed class AllianceHealthRating
{
    public const int CommentMaxLength = 2000;

    private AllianceHealthRating() { }

    internal AllianceHealthRating(Guid periodId, Guid memberId, HealthScores scores, string comment, string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        MemberId = memberId;
        Change(scores, comment, userId, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The monitoring stage's reporting period it is for.</summary>
    public Guid PeriodId { get; private set; }

    public Guid MemberId { get; private set; }

    public int Trust { get; private set; }

    public int InformationSharing { get; private set; }

    public int SharedDecisions { get; private set; }

    public string Comment { get; private set; } = "";

    public string RatedByUserId { get; private set; } = "";

    public DateTimeOffset RatedAt { get; private set; }

    internal void Change(HealthScores scores, string comment, string userId, DateTimeOffset now)
    {
        Trust = scores.Trust!.Value;
        InformationSharing = scores.InformationSharing!.Value;
        SharedDecisions = scores.SharedDecisions!.Value;
        Comment = comment;
        RatedByUserId = userId;
        RatedAt = now;
    }
}
