namespace CoproCommissioning.Domain.Procurement;

/// <summary>One evaluator's score for one criterion of one bid, with the comment that explains it. Never overwritten by moderation.</summary>
public sealed class Score
{
    public const int CommentMaxLength = 4000;

    private Score() { }

    internal Score(Guid bidId, Guid criterionId, int level, string comment, DateTimeOffset now)
    {
        BidId = bidId;
        CriterionId = criterionId;
        Rescore(level, comment, now);
    }

    public Guid BidId { get; private set; }

    public Guid CriterionId { get; private set; }

    /// <summary>A score on the procurement's scale; for a pass/fail criterion, 1 is a pass and 0 a fail.</summary>
    public int Level { get; private set; }

    public string Comment { get; private set; } = "";

    public DateTimeOffset ScoredAt { get; private set; }

    internal void Rescore(int level, string comment, DateTimeOffset now)
    {
        Level = level;
        Comment = comment;
        ScoredAt = now;
    }
}
