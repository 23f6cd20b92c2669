namespace CoproCommissioning.Domain.Procurement;

// Moderation: the agreed score for each criterion of each bid, beside the evaluators' own scores, with a reason for
// every change.
public sealed partial class CycleProcurement
{
    private readonly List<ModeratedScore> _moderated = [];

    public IReadOnlyList<ModeratedScore> Moderated => _moderated;

    public ModeratedScore? FindModeration(Guid bidId, Guid criterionId) =>
        _moderated.SingleOrDefault(m => m.BidId == bidId && m.CriterionId == criterionId);

    /// <summary>Whether <paramref name="level"/> is a score of <paramref name="criterion"/>: on the scale, or pass and fail.</summary>
    public bool IsOnScale(EvaluationCriterion criterion, int level)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind == CriterionKind.PassFail
            ? level is Scorecard.Pass or Scorecard.Fail
            : _scale.Any(l => l.Score == level);
    }

    /// <summary>
    /// A commissioner records the score the panel agreed for one criterion of one bid, once every assigned evaluator has
    /// submitted; a score that differs from any evaluator's needs the reason. Moderating again replaces the agreed
    /// score, until the award is recorded.
    /// </summary>
    public DomainOutcome Moderate(
        CommissioningCycle cycle, CriterionEvaluation evaluation, Bid bid, int? level, string? reason,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(bid);
        var refusals = CheckModeration(cycle, bid, actorUserId, actorRole, now);
        var criterion = FindCriterion(evaluation.Criterion.Id)
            ?? throw new ArgumentException($"Criterion {evaluation.Criterion.Id} is not in procurement {Id}.", nameof(evaluation));
        if (!evaluation.IsReadyToModerate)
        {
            refusals.Add(new Refusal(ProcurementRules.ScoresOutstanding, criterion.Id));
        }

        if (level is null)
        {
            refusals.Add(new Refusal(ProcurementRules.AgreedScoreRequired, criterion.Id));
        }
        else if (!IsOnScale(criterion, level.Value))
        {
            refusals.Add(new Refusal(ProcurementRules.ScoreNotOnScale, criterion.Id));
        }

        var changesAScore = level is { } agreed && evaluation.Scores.Any(s => s.Level != agreed);
        TextInput.Check(refusals, reason, ModeratedScore.ReasonMaxLength,
            changesAScore ? ProcurementRules.ModerationReasonRequired : null, ProcurementRules.ModerationReasonTooLong, criterion.Id);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Agree(bid.Id, criterion.Id, level!.Value, TextInput.Clean(reason), actorUserId, now);
        return Changed(cycle, now);
    }

    /// <summary>
    /// A commissioner agrees, in one go, every score on which all the evaluators gave the same score; nothing changes, so
    /// no reason is needed. Returns the scores agreed.
    /// </summary>
    public DomainOutcome<IReadOnlyList<ModeratedScore>> AgreeUnanimousScores(
        CommissioningCycle cycle, IReadOnlyList<BidStanding> standings, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsAwardRecorded)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluationClosed));
        }

        var unanimous = (from standing in standings
                         from criterion in standing.Criteria
                         where criterion.Agreed is null && criterion.IsUnanimous
                         select (standing.Bid.Id, criterion)).ToList();
        if (refusals.Count == 0 && unanimous.Count == 0)
        {
            refusals.Add(new Refusal(ProcurementRules.NothingUnanimous));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<IReadOnlyList<ModeratedScore>>(refusals);
        }

        IReadOnlyList<ModeratedScore> agreed =
            [.. unanimous.Select(u => Agree(u.Item1, u.criterion.Criterion.Id, u.criterion.Scores[0].Level, "", actorUserId, now))];
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(agreed) : DomainOutcome.Refused<IReadOnlyList<ModeratedScore>>(changed.Refusals);
    }

    private ModeratedScore Agree(Guid bidId, Guid criterionId, int level, string reason, string actorUserId, DateTimeOffset now)
    {
        if (FindModeration(bidId, criterionId) is { } existing)
        {
            existing.Agree(level, reason, actorUserId, now);
            return existing;
        }

        var moderated = new ModeratedScore(bidId, criterionId, level, reason, actorUserId, now);
        _moderated.Add(moderated);
        return moderated;
    }

    private List<Refusal> CheckModeration(CommissioningCycle cycle, Bid bid, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (bid.ProcurementId != Id)
        {
            throw new ArgumentException($"Bid {bid.Id} is not part of procurement {Id}.", nameof(bid));
        }

        if (!bid.IsSubmitted)
        {
            refusals.Add(new Refusal(ProcurementRules.BidNotSubmitted));
        }

        if (!IsPastDeadline(now))
        {
            refusals.Add(new Refusal(ProcurementRules.ScoringBeforeDeadline));
        }

        if (IsAwardRecorded)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluationClosed));
        }

        return refusals;
    }
}
