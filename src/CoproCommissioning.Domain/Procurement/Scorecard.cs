using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// One evaluator's scores in a procurement: a score and a comment for each criterion they were assigned, for each bid
/// they may read. Scored independently: until the evaluator submits, nobody else sees these scores and they see nobody
/// else's. Once submitted the scores are fixed; moderation records an agreed score beside them and never changes them.
/// Its own aggregate, so evaluators scoring at once never clash.
/// </summary>
public sealed class Scorecard
{
    /// <summary>What a pass/fail criterion's pass and fail are stored as.</summary>
    public const int Pass = 1;
    public const int Fail = 0;

    private readonly List<Score> _scores = [];

    private Scorecard() { }

    private Scorecard(Guid procurementId, Guid evaluatorId, string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ProcurementId = procurementId;
        EvaluatorId = evaluatorId;
        UserId = userId;
        StartedAt = now;
        LastChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ProcurementId { get; private set; }

    public Guid EvaluatorId { get; private set; }

    public string UserId { get; private set; } = "";

    public IReadOnlyList<Score> Scores => _scores;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public Score? ScoreFor(Guid bidId, Guid criterionId) => _scores.SingleOrDefault(s => s.BidId == bidId && s.CriterionId == criterionId);

    /// <summary>An empty scorecard for an evaluator, started when they first score.</summary>
    public static Scorecard For(CycleProcurement procurement, Evaluator evaluator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentNullException.ThrowIfNull(evaluator);
        if (procurement.FindEvaluator(evaluator.Id) is null)
        {
            throw new ArgumentException($"Evaluator {evaluator.Id} is not on procurement {procurement.Id}'s panel.", nameof(evaluator));
        }

        return new Scorecard(procurement.Id, evaluator.Id, evaluator.UserId, now);
    }

    /// <summary>
    /// The bids and criteria this evaluator scores: each submitted bid they may read, with each criterion they were
    /// assigned. Submitting needs a score for every one.
    /// </summary>
    public static IReadOnlyList<(Bid Bid, EvaluationCriterion Criterion)> Assignments(
        IEvaluationSetup procurement, Evaluator evaluator, IEnumerable<Bid> bids, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(bids);
        return
        [
            .. from bid in bids.Where(b => b.IsSubmitted && b.ProcurementId == procurement.Id).OrderBy(b => b.SubmittedAt)
               where procurement.EvaluatorMayRead(evaluator.UserId, bid.OrganisationId, now)
               from criterion in procurement.Criteria
               where evaluator.CriterionIds.Contains(criterion.Id)
               select (bid, criterion),
        ];
    }

    /// <summary>
    /// The evaluator scores one criterion of one bid, with a comment, as often as they like until they submit. A
    /// lived-experience evaluator scores only once their training is recorded.
    /// </summary>
    public DomainOutcome Score(
        CommissioningCycle cycle, CycleProcurement procurement, Bid bid, Guid criterionId, int? level, string? comment,
        string actorUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bid);
        var refusals = CheckEvaluator(cycle, procurement, actorUserId, now, out var evaluator);
        if (bid.ProcurementId != ProcurementId)
        {
            throw new ArgumentException($"Bid {bid.Id} is not part of procurement {ProcurementId}.", nameof(bid));
        }

        if (!bid.IsSubmitted || !procurement.EvaluatorMayRead(actorUserId, bid.OrganisationId, now))
        {
            refusals.Add(new Refusal(ProcurementRules.BidClosedToYou));
        }

        var criterion = procurement.FindCriterion(criterionId);
        if (criterion is null || evaluator?.CriterionIds.Contains(criterionId) != true)
        {
            refusals.Add(new Refusal(ProcurementRules.CriterionNotAssigned));
        }
        else if (level is null)
        {
            refusals.Add(new Refusal(ProcurementRules.ScoreRequired, criterionId));
        }
        else if (!procurement.IsOnScale(criterion, level.Value))
        {
            refusals.Add(new Refusal(ProcurementRules.ScoreNotOnScale, criterionId));
        }

        TextInput.Check(refusals, comment, Procurement.Score.CommentMaxLength, ProcurementRules.ScoreCommentRequired, ProcurementRules.ScoreCommentTooLong, criterionId);
        if (procurement.FindModeration(bid.Id, criterionId) is not null)
        {
            refusals.Add(new Refusal(ProcurementRules.ScoreModerated));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        var clean = TextInput.Clean(comment);
        if (ScoreFor(bid.Id, criterionId) is { } existing)
        {
            existing.Rescore(level!.Value, clean, now);
        }
        else
        {
            _scores.Add(new Score(bid.Id, criterionId, level!.Value, clean, now));
        }

        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>The evaluator submits once every assignment is scored; the scores are then fixed and others' can be seen.</summary>
    public DomainOutcome Submit(CommissioningCycle cycle, CycleProcurement procurement, IEnumerable<Bid> bids, string actorUserId, DateTimeOffset now)
    {
        var refusals = CheckEvaluator(cycle, procurement, actorUserId, now, out var evaluator);
        if (evaluator is not null)
        {
            var missing = Assignments(procurement, evaluator, bids, now).Where(a => ScoreFor(a.Bid.Id, a.Criterion.Id) is null).ToList();
            if (missing.Count > 0)
            {
                refusals.Add(new Refusal(ProcurementRules.ScoresMissing(missing.Count)));
            }
            else if (!Assignments(procurement, evaluator, bids, now).Any())
            {
                refusals.Add(new Refusal(ProcurementRules.NothingToScore));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        SubmittedAt = now;
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// Whether someone may see the scores on other evaluators' submitted scorecards: a commissioner, who moderates, and
    /// an evaluator who has submitted their own. Nobody sees a scorecard that is not submitted except its evaluator.
    /// </summary>
    public static bool MaySeeOthersScores(CycleRole role, Scorecard? own) => OthersScoresVisible(role, own?.IsSubmitted == true);

    /// <summary><see cref="MaySeeOthersScores"/> for a page that read only whether its own scorecard is submitted.</summary>
    public static bool OthersScoresVisible(CycleRole role, bool ownSubmitted) =>
        CyclePermissions.Allows(role, CycleOperation.ManageCycle) || ownSubmitted;

    private List<Refusal> CheckEvaluator(CommissioningCycle cycle, CycleProcurement procurement, string actorUserId, DateTimeOffset now, out Evaluator? evaluator)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Utc(now);
        if (procurement.Id != ProcurementId)
        {
            throw new ArgumentException($"Scorecard {Id} is not part of procurement {procurement.Id}.", nameof(procurement));
        }

        StageContent.CheckCycle(cycle, procurement.CycleId);
        evaluator = procurement.FindEvaluator(EvaluatorId);
        List<Refusal> refusals = [];
        if (evaluator is null || evaluator.UserId != actorUserId)
        {
            refusals.Add(new Refusal(ProcurementRules.OnlyTheEvaluatorScores));
        }
        else if (evaluator.Role == EvaluatorRole.LivedExperience && !evaluator.IsBriefed)
        {
            refusals.Add(new Refusal(ProcurementRules.BriefingBeforeScoring));
        }

        if (IsSubmitted)
        {
            refusals.Add(new Refusal(ProcurementRules.ScoresSubmitted));
        }

        if (!procurement.IsPastDeadline(now))
        {
            refusals.Add(new Refusal(ProcurementRules.ScoringBeforeDeadline));
        }

        if (procurement.IsAwardRecorded)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluationClosed));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Procurement, now);
        return refusals;
    }
}
