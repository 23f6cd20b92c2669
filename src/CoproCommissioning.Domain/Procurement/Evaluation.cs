namespace CoproCommissioning.Domain.Procurement;

/// <summary>An evaluator's submitted score, as moderation and the record show it.</summary>
public sealed record EvaluatorScore(Guid EvaluatorId, string UserId, EvaluatorRole Role, int Level, string Comment);

/// <summary>
/// One criterion of one bid at moderation: the submitted scores, how many assigned evaluators have still to submit,
/// the spread between the highest and lowest score, and the agreed score once moderated.
/// </summary>
public sealed record CriterionEvaluation(
    EvaluationCriterion Criterion, IReadOnlyList<EvaluatorScore> Scores, int Outstanding, ModeratedScore? Agreed)
{
    /// <summary>Spreads of this many points or more are flagged for the panel to discuss.</summary>
    public const int FlaggedSpread = 2;

    public int Spread => Scores.Count == 0 ? 0 : Scores.Max(s => s.Level) - Scores.Min(s => s.Level);

    public bool IsFlagged => Spread >= FlaggedSpread;

    /// <summary>Moderation can agree a score once every assigned evaluator who may read the bid has submitted.</summary>
    public bool IsReadyToModerate => Outstanding == 0 && Scores.Count > 0;

    public bool IsUnanimous => IsReadyToModerate && Spread == 0;
}

/// <summary>
/// A bid's standing: every criterion's evaluation, the weighted total out of 100 computed from the agreed scores, and
/// its rank among the bids that passed every pass/fail criterion. Computed, never typed.
/// </summary>
public sealed record BidStanding(Bid Bid, IReadOnlyList<CriterionEvaluation> Criteria, decimal? WeightedTotal, bool FailedPassFail, int? Rank)
{
    public bool IsFullyModerated => Criteria.All(c => c.Agreed is not null);
}

/// <summary>
/// A score on a submitted scorecard, as the evaluation reads it: a page that lists every bid reads every bid's levels
/// but the comments only of the bids it shows (their comment is then empty).
/// </summary>
public sealed record SubmittedScore(Guid EvaluatorId, Guid BidId, Guid CriterionId, int Level, string Comment);

/// <summary>Works out the procurement's evaluation from its bids and the evaluators' scorecards.</summary>
public static class Evaluation
{
    /// <summary>
    /// Each submitted bid's standing, best first. A weighted total is each scored criterion's weight times its agreed
    /// score over the top of the scale, summed, so it is known once every criterion of the bid is moderated; bids that
    /// fail a pass/fail criterion are not ranked.
    /// </summary>
    public static IReadOnlyList<BidStanding> Of(IEvaluationSetup procurement, IEnumerable<Bid> bids, IEnumerable<Scorecard> scorecards, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentNullException.ThrowIfNull(scorecards);
        return OfScores(procurement, bids, SubmittedScores(procurement, scorecards), now);
    }

    /// <summary>
    /// <see cref="Of"/> from the scores on submitted scorecards (<see cref="SubmittedScores"/>), for a page that reads them
    /// without loading every scorecard whole.
    /// </summary>
    public static IReadOnlyList<BidStanding> OfScores(IEvaluationSetup procurement, IEnumerable<Bid> bids, IEnumerable<SubmittedScore> scores, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(scores);
        var submittedBids = bids.Where(b => b.IsSubmitted && b.ProcurementId == procurement.Id).OrderBy(b => b.SubmittedAt).ToList();
        var submitted = scores.ToDictionary(s => (s.EvaluatorId, s.BidId, s.CriterionId));
        var top = procurement.Scale.Count == 0 ? 0 : procurement.Scale.Max(l => l.Score);
        var allCriteria = procurement.Criteria;
        var unranked = submittedBids.Select(bid =>
        {
            // Who may read a bid (procurement.EvaluatorMayRead) is the same for each of its criteria: asked once a bid,
            // not once a criterion, since moderation ranks every bid.
            var readers = procurement.Evaluators.Where(e => CycleProcurement.MayRead(e, procurement.BidDeadline, bid.OrganisationId, now)).ToList();
            var criteria = allCriteria.Select(criterion =>
            {
                var assigned = 0;
                List<EvaluatorScore> given = [];
                foreach (var e in readers.Where(e => e.CriterionIds.Contains(criterion.Id)))
                {
                    assigned++;
                    if (submitted.TryGetValue((e.Id, bid.Id, criterion.Id), out var s))
                    {
                        given.Add(new EvaluatorScore(e.Id, e.UserId, e.Role, s.Level, s.Comment));
                    }
                }

                return new CriterionEvaluation(criterion, given, assigned - given.Count, procurement.FindModeration(bid.Id, criterion.Id));
            }).ToList();
            var failed = criteria.Any(c => c.Criterion.Kind == CriterionKind.PassFail && c.Agreed?.Level == Scorecard.Fail);
            decimal? total = criteria.All(c => c.Agreed is not null) && top > 0
                ? Math.Round(criteria.Where(c => c.Criterion.Kind == CriterionKind.Scored)
                    .Sum(c => c.Criterion.Weight * (decimal)c.Agreed!.Level / top), 2)
                : null;
            return new BidStanding(bid, criteria, total, failed, null);
        }).ToList();

        var ranked = unranked.Where(s => s.WeightedTotal is not null && !s.FailedPassFail)
            .OrderByDescending(s => s.WeightedTotal).ToList();
        return
        [
            .. ranked.Select(s => s with { Rank = 1 + ranked.Count(other => other.WeightedTotal > s.WeightedTotal) }),
            .. unranked.Where(s => !ranked.Contains(s)),
        ];
    }

    /// <summary>The scores the evaluation counts: those on this procurement's submitted scorecards, never one still being written.</summary>
    public static IEnumerable<SubmittedScore> SubmittedScores(IEvaluationSetup procurement, IEnumerable<Scorecard> scorecards)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentNullException.ThrowIfNull(scorecards);
        return scorecards.Where(s => s.ProcurementId == procurement.Id && s.IsSubmitted)
            .SelectMany(s => s.Scores.Select(score => new SubmittedScore(s.EvaluatorId, score.BidId, score.CriterionId, score.Level, score.Comment)));
    }
}
