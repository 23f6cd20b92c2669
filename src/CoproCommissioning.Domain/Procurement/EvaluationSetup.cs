namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// A procurement's evaluation set-up as a page reads it (<see cref="IEvaluationSetup"/>), without the aggregate's other
/// rows: the scoring and moderation pages list up to every bid, and the aggregate loads every agreed score and
/// representation as rows of their own. Read-only: a change loads the <see cref="CycleProcurement"/> itself.
/// </summary>
public sealed class EvaluationSetup : IEvaluationSetup
{
    private readonly Dictionary<(Guid BidId, Guid CriterionId), ModeratedScore> _agreed;

    public EvaluationSetup(
        Guid id, uint version, ProcurementRoute route, IEnumerable<EvaluationCriterion> criteria, IEnumerable<Evaluator> evaluators, IEnumerable<ScoreLevel> scale,
        DateTimeOffset? bidDeadline, bool isAwardRecorded, IEnumerable<ModeratedScore> agreed)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(evaluators);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(agreed);
        Id = id;
        Version = version;
        Route = route;
        Criteria = [.. criteria.OrderBy(c => c.Position)];
        Evaluators = [.. evaluators];
        Scale = [.. scale.OrderBy(l => l.Score)];
        BidDeadline = bidDeadline;
        IsAwardRecorded = isAwardRecorded;
        _agreed = agreed.ToDictionary(m => (m.BidId, m.CriterionId));
    }

    public Guid Id { get; }

    public uint Version { get; }

    public ProcurementRoute Route { get; }

    public bool IsCompetitive => ProcurementRoutes.IsCompetitive(Route);

    public IReadOnlyList<EvaluationCriterion> Criteria { get; }

    public IReadOnlyList<Evaluator> Evaluators { get; }

    public IReadOnlyList<ScoreLevel> Scale { get; }

    public DateTimeOffset? BidDeadline { get; }

    public bool IsAwardRecorded { get; }

    public IReadOnlyCollection<ModeratedScore> Moderated => _agreed.Values;

    public bool IsPastDeadline(DateTimeOffset now) => CycleProcurement.IsPastDeadline(BidDeadline, now);

    public Evaluator? EvaluatorFor(string userId) => Evaluators.SingleOrDefault(e => e.UserId == userId);

    public Evaluator? FindEvaluator(Guid id) => Evaluators.SingleOrDefault(e => e.Id == id);

    public EvaluationCriterion? FindCriterion(Guid id) => Criteria.SingleOrDefault(c => c.Id == id);

    public ModeratedScore? FindModeration(Guid bidId, Guid criterionId) => _agreed.GetValueOrDefault((bidId, criterionId));

    public bool EvaluatorMayRead(string userId, Guid organisationId, DateTimeOffset now) =>
        CycleProcurement.MayRead(EvaluatorFor(userId), BidDeadline, organisationId, now);
}
