namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// What scoring and moderating read of a procurement: its criteria, panel and scale, the bid deadline, whether the award
/// is recorded, and the agreed scores. <see cref="CycleProcurement"/> is one; <see cref="EvaluationSetup"/> is the same
/// facts read for a page without loading the aggregate, so the rules below (who may read which bid, what is still to
/// score, the ranking) are the same whichever a page has.
/// </summary>
public interface IEvaluationSetup
{
    Guid Id { get; }

    /// <summary>Concurrency token of the procurement as read: a change is saved against the version the person saw (R8).</summary>
    uint Version { get; }

    /// <summary>In the procurement's order.</summary>
    IReadOnlyList<EvaluationCriterion> Criteria { get; }

    IReadOnlyList<Evaluator> Evaluators { get; }

    IReadOnlyList<ScoreLevel> Scale { get; }

    DateTimeOffset? BidDeadline { get; }

    bool IsAwardRecorded { get; }

    bool IsPastDeadline(DateTimeOffset now);

    Evaluator? EvaluatorFor(string userId);

    Evaluator? FindEvaluator(Guid id);

    EvaluationCriterion? FindCriterion(Guid id);

    /// <summary>The score the panel agreed for one criterion of one bid, or null while it is not moderated.</summary>
    ModeratedScore? FindModeration(Guid bidId, Guid criterionId);

    /// <summary>Whether an evaluator may read a provider's bid now (<see cref="CycleProcurement.EvaluatorMayRead"/>).</summary>
    bool EvaluatorMayRead(string userId, Guid organisationId, DateTimeOffset now);
}
