namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// What a procurement's progress (<see cref="ProcurementProgress"/>) reads, and nothing more: the route, bidding and its
/// deadline, which criteria there are, the panel, the submitted bids (who bid), who has submitted their scores, which
/// criteria of which bids are agreed, the award and the standstill. The aggregate states them
/// (<see cref="CycleProcurement.ToProgressFacts"/>); the data layer reads the same facts by a projection, so a page that
/// shows progress (the dashboard, the overview) reads no score, agreed score or representation. Either way
/// <see cref="Progress"/> works the progress out, so the rule lives once.
/// </summary>
/// <param name="Route">The route recorded: only a competitive one has bids, scores and moderation.</param>
/// <param name="BiddingOpened">Whether bidding has opened (<see cref="CycleProcurement.IsBiddingOpen"/>).</param>
/// <param name="BidDeadline">When bidding closes: nobody scores a bid before it.</param>
/// <param name="CriterionIds">Every criterion, scored or pass/fail: each is moderated for every submitted bid.</param>
/// <param name="Evaluators">The panel as it stands, with who stepped down, their criteria and their declarations.</param>
/// <param name="SubmittedBids">The procurement's submitted bids: which, and from which organisation (an evaluator may be kept from one).</param>
/// <param name="SubmittedEvaluatorIds">The evaluators who have submitted their scorecards.</param>
/// <param name="Moderated">The criteria of bids the panel has agreed a score for.</param>
/// <param name="AwardRecorded">Whether the award is recorded.</param>
/// <param name="IntentionPublished">Whether the notice of intention to award is published.</param>
/// <param name="StandstillEndsAt">When the standstill ends, once the notice is published.</param>
/// <param name="RepresentationsUnanswered">Representations made during the standstill that nobody has answered yet.</param>
public sealed record ProcurementProgressFacts(
    ProcurementRoute Route,
    bool BiddingOpened,
    DateTimeOffset? BidDeadline,
    IReadOnlyCollection<Guid> CriterionIds,
    IReadOnlyList<Evaluator> Evaluators,
    IReadOnlyCollection<(Guid BidId, Guid OrganisationId)> SubmittedBids,
    IReadOnlyCollection<Guid> SubmittedEvaluatorIds,
    IReadOnlyCollection<(Guid BidId, Guid CriterionId)> Moderated,
    bool AwardRecorded,
    bool IntentionPublished,
    DateTimeOffset? StandstillEndsAt,
    int RepresentationsUnanswered)
{
    /// <summary>Where the procurement stands now, for its stage's sign-off conditions (<see cref="CycleProcurement.SignOffConditions"/>).</summary>
    public ProcurementProgress Progress(DateTimeOffset now)
    {
        var submitted = SubmittedEvaluatorIds.ToHashSet();
        var moderated = Moderated.ToHashSet();
        // Those with anything to score (Scorecard.Assignments, asked only whether it is empty): one of their criteria on
        // a submitted bid they may read now.
        var expected = Evaluators
            .Where(e => !e.HasSteppedDown
                && CriterionIds.Any(e.CriterionIds.Contains)
                && SubmittedBids.Any(b => CycleProcurement.MayRead(e, BidDeadline, b.OrganisationId, now)))
            .ToList();
        return new ProcurementProgress(
            Route,
            BiddingOpened,
            CycleProcurement.IsPastDeadline(BidDeadline, now),
            SubmittedBids.Count,
            expected.Count(e => !submitted.Contains(e.Id)),
            // Every criterion of every submitted bid is moderated before the award (Evaluation.Of's Agreed).
            SubmittedBids.Sum(b => CriterionIds.Count(c => !moderated.Contains((b.BidId, c)))),
            expected.Any(e => e.Role == EvaluatorRole.LivedExperience && submitted.Contains(e.Id)),
            AwardRecorded,
            IntentionPublished,
            StandstillEndsAt is { } ends && now >= ends,
            RepresentationsUnanswered);
    }
}
