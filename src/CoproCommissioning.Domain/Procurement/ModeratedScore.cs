namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// The score the panel agreed for one criterion of one bid at moderation, with the reason when it differs from any
/// evaluator's. The evaluators' own scores stay on their scorecards.
/// </summary>
public sealed class ModeratedScore
{
    public const int ReasonMaxLength = 2000;

    private ModeratedScore() { }

    internal ModeratedScore(Guid bidId, Guid criterionId, int level, string reason, string userId, DateTimeOffset now)
    {
        BidId = bidId;
        CriterionId = criterionId;
        Agree(level, reason, userId, now);
    }

    /// <summary>An agreed score as it is stored, for a page that reads agreed scores without their procurement (<see cref="EvaluationSetup"/>).</summary>
    public static ModeratedScore AsStored(Guid bidId, Guid criterionId, int level, string reason, string moderatedByUserId, DateTimeOffset moderatedAt) =>
        new(bidId, criterionId, level, reason, moderatedByUserId, moderatedAt);

    public Guid BidId { get; private set; }

    public Guid CriterionId { get; private set; }

    public int Level { get; private set; }

    /// <summary>Why the agreed score differs from an evaluator's; empty when every evaluator gave it.</summary>
    public string Reason { get; private set; } = "";

    public string ModeratedByUserId { get; private set; } = "";

    public DateTimeOffset ModeratedAt { get; private set; }

    internal void Agree(int level, string reason, string userId, DateTimeOffset now)
    {
        Level = level;
        Reason = reason;
        ModeratedByUserId = userId;
        ModeratedAt = now;
    }
}
