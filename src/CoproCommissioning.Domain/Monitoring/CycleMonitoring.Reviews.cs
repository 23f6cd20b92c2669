namespace CoproCommissioning.Domain.Monitoring;

// Review meetings, their decisions, and what the monitoring stage needs before it is signed off.
public sealed partial class CycleMonitoring
{
    private readonly List<Review> _reviews = [];

    public IReadOnlyList<Review> Reviews => [.. _reviews.OrderBy(r => r.HeldOn).ThenBy(r => r.RecordedAt)];

    public Review? FindReview(Guid reviewId) => _reviews.SingleOrDefault(r => r.Id == reviewId);

    /// <summary>The period ending last among those a review looked at: the panel's ratings for it must be in before sign-off.</summary>
    public ReportingPeriod? LastReviewedPeriod =>
        _reviews.SelectMany(r => r.PeriodIds).Select(FindPeriod).OfType<ReportingPeriod>().MaxBy(p => p.EndsOn);

    /// <summary>A commissioner records a review meeting: when, who took part, the minutes and the periods it looked at.</summary>
    public DomainOutcome<Review> RecordReview(CommissioningCycle cycle, ReviewDraft draft, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        CheckReview(refusals, draft, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Review>(refusals);
        }

        var review = new Review(actorUserId, now);
        review.Apply(draft);
        _reviews.Add(review);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(review) : DomainOutcome.Refused<Review>(changed.Refusals);
    }

    /// <summary>A commissioner corrects what was recorded about a review meeting.</summary>
    public DomainOutcome ChangeReview(CommissioningCycle cycle, Guid reviewId, ReviewDraft draft, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        var review = FindReview(reviewId);
        if (review is null)
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewNotFound));
        }

        CheckReview(refusals, draft, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        review!.Apply(draft);
        return Changed(cycle, now);
    }

    /// <summary>
    /// A commissioner records what the review decided, or changes it: the decision recorded in the monitoring stage
    /// (so who took part and what shaped it are kept, and R2 applies) and its type, and the providers' returns and the
    /// panel's ratings it rests on: at least one of each, where the review's periods have any, since the review weighs
    /// both sides' view of the outcomes. Decommissioning the service also needs the impact on people using it now, the
    /// transition plan, and how each of the four service-change tests was met.
    /// </summary>
    public DomainOutcome DecideReview(
        CommissioningCycle cycle, Guid reviewId, ReviewDecisionDraft draft, ReviewSources sources, string actorUserId, CycleRole actorRole,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sources);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (FindReview(reviewId) is null)
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewNotFound));
        }

        if (draft.DecisionId is not { } decisionId)
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewDecisionRequired));
        }
        else if (cycle.FindDecision(decisionId) is not { StageKind: StageKind.Monitoring })
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewDecisionNotInStage));
        }
        else if (_reviews.Any(r => r.Id != reviewId && r.DecisionId == decisionId))
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewDecisionUsed));
        }

        if (ChoiceInput.Check(refusals, draft.Type, MonitoringRules.ReviewTypeRequired) && draft.Type == ReviewDecisionType.Decommission)
        {
            CheckDecommissioning(refusals, draft.Decommissioning ?? new DecommissionPlan(null, null, null, null, null, null));
        }

        CheckCitations(refusals, draft, sources);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        FindReview(reviewId)!.Decide(draft, sources, actorUserId, now);
        return Changed(cycle, now);
    }

    /// <summary>Where monitoring stands, for its stage's sign-off conditions: from the contract, its returns and the panel's ratings.</summary>
    public MonitoringProgress Progress(IEnumerable<ProviderReturn> returns, IEnumerable<PanelRating> ratings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(ratings);
        return ProgressWith(
            [.. returns.Where(r => r.MonitoringId == Id && r.IsSubmitted).Select(r => (r.PeriodId, r.OrganisationId))],
            [.. ratings.Where(r => r.MonitoringId == Id).Select(r => r.PeriodId)],
            now);
    }

    /// <summary>
    /// <see cref="Progress(IEnumerable{ProviderReturn}, IEnumerable{PanelRating}, DateTimeOffset)"/> from only which
    /// returns were submitted and which periods the panel rated, so pages that show it read no return or rating.
    /// </summary>
    public MonitoringProgress ProgressWith(
        IReadOnlyCollection<(Guid PeriodId, Guid OrganisationId)> submittedReturns, IReadOnlyCollection<Guid> ratedPeriodIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submittedReturns);
        ArgumentNullException.ThrowIfNull(ratedPeriodIds);
        return MonitoringProgress.Of(
            _periods, _parties, [.. _explanations.Select(e => (e.PeriodId, e.OrganisationId))],
            _reviews.Select(r => (r.IsDecided, (IReadOnlyCollection<Guid>)r.PeriodIds)), submittedReturns, ratedPeriodIds, now);
    }

    /// <summary>
    /// What monitoring itself needs before its stage can be signed off; <paramref name="progress"/> is null when no
    /// contract has been made. Passed to <see cref="CommissioningCycle.SignOff"/> as the stage's conditions: at least
    /// one review that ended in a decision, every return that is due submitted or its absence explained, and the panel's
    /// ratings in for the last period a review looked at.
    /// </summary>
    public static IReadOnlyList<Refusal> SignOffConditions(MonitoringProgress? progress)
    {
        if (progress is null)
        {
            return [new Refusal(MonitoringRules.ContractNotMade)];
        }

        List<Refusal> conditions = [];
        if (progress.DecidedReviews == 0)
        {
            conditions.Add(new Refusal(MonitoringRules.DecidedReviewRequired));
        }

        if (progress.ReturnsMissing > 0)
        {
            conditions.Add(new Refusal(MonitoringRules.ReturnsMissing(progress.ReturnsMissing)));
        }

        if (progress.PanelRatedLastReviewedPeriod == false)
        {
            conditions.Add(new Refusal(MonitoringRules.PanelRatingsMissing));
        }

        return conditions;
    }

    private void CheckReview(List<Refusal> refusals, ReviewDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Participants);
        ArgumentNullException.ThrowIfNull(draft.PeriodIds);
        if (draft.HeldOn is not { } heldOn)
        {
            refusals.Add(new Refusal(MonitoringRules.HeldOnRequired));
        }
        // A day's grace: "today" in the UK can be tomorrow in UTC terms for an hour.
        else if (heldOn > Today(now).AddDays(1))
        {
            refusals.Add(new Refusal(MonitoringRules.HeldOnInFuture));
        }

        if (draft.Participants.Count == 0 && TextInput.Clean(draft.OthersPresent).Length == 0)
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewParticipantsRequired));
        }

        TextInput.Check(refusals, draft.OthersPresent, Review.OthersPresentMaxLength, null, MonitoringRules.OthersPresentTooLong);
        TextInput.Check(refusals, draft.Minutes, Review.MinutesMaxLength, MonitoringRules.MinutesRequired, MonitoringRules.MinutesTooLong);
        if (draft.PeriodIds.Count == 0)
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewPeriodsRequired));
        }
        else if (draft.PeriodIds.Any(id => FindPeriod(id) is null))
        {
            refusals.Add(new Refusal(MonitoringRules.ReviewPeriodNotInContract));
        }
    }

    private static void CheckCitations(List<Refusal> refusals, ReviewDecisionDraft draft, ReviewSources sources)
    {
        ArgumentNullException.ThrowIfNull(draft.CitedReturnIds);
        ArgumentNullException.ThrowIfNull(draft.CitedRatingIds);
        if (draft.CitedReturnIds.Any(id => !sources.SubmittedReturns.ContainsKey(id)))
        {
            refusals.Add(new Refusal(MonitoringRules.CitedReturnUnknown));
        }
        else if (draft.CitedReturnIds.Count == 0 && sources.SubmittedReturns.Count > 0)
        {
            refusals.Add(new Refusal(MonitoringRules.CitedReturnRequired));
        }

        if (draft.CitedRatingIds.Any(id => !sources.PanelRatingIds.Contains(id)))
        {
            refusals.Add(new Refusal(MonitoringRules.CitedRatingUnknown));
        }
        else if (draft.CitedRatingIds.Count == 0 && sources.PanelRatingIds.Count > 0)
        {
            refusals.Add(new Refusal(MonitoringRules.CitedRatingRequired));
        }
    }

    private static void CheckDecommissioning(List<Refusal> refusals, DecommissionPlan plan)
    {
        (string? Text, DomainRule Required)[] answers =
        [
            (plan.ImpactOnCurrentUsers, MonitoringRules.ImpactRequired),
            (plan.TransitionPlan, MonitoringRules.TransitionPlanRequired),
            (plan.EngagementTest, MonitoringRules.EngagementTestRequired),
            (plan.PatientChoiceTest, MonitoringRules.PatientChoiceTestRequired),
            (plan.ClinicalEvidenceTest, MonitoringRules.ClinicalEvidenceTestRequired),
            (plan.ClinicalCommissionerSupportTest, MonitoringRules.ClinicalSupportTestRequired),
        ];
        foreach (var (text, required) in answers)
        {
            var clean = TextInput.Clean(text);
            if (clean.Length == 0)
            {
                refusals.Add(new Refusal(required));
            }
            else if (clean.Length > Review.DecommissionTextMaxLength)
            {
                refusals.Add(new Refusal(MonitoringRules.DecommissionAnswerTooLong, Field: required.Field));
            }
        }
    }
}
