namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// The facts about monitoring that its stage's sign-off reads (<see cref="CycleMonitoring.SignOffConditions"/>), worked
/// out by <see cref="CycleMonitoring.Progress"/>: reviews that ended in a decision, returns due but neither submitted nor
/// explained, and whether the panel rated the last period a review looked at (null when no review looked at one).
/// </summary>
public sealed record MonitoringProgress(int DecidedReviews, int ReturnsMissing, bool? PanelRatedLastReviewedPeriod)
{
    /// <summary>
    /// The progress from only what it rests on: the contract's periods and parties, which returns are explained, what each
    /// review decided and looked at, which returns were submitted and which periods the panel rated. The contract works
    /// it out through here, and so can a page that reads these few columns of many contracts instead of each one whole.
    /// </summary>
    public static MonitoringProgress Of(
        IEnumerable<ReportingPeriod> periods,
        IEnumerable<ContractParty> parties,
        IReadOnlyCollection<(Guid PeriodId, Guid OrganisationId)> explainedReturns,
        IEnumerable<(bool IsDecided, IReadOnlyCollection<Guid> PeriodIds)> reviews,
        IReadOnlyCollection<(Guid PeriodId, Guid OrganisationId)> submittedReturns,
        IReadOnlyCollection<Guid> ratedPeriodIds,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(explainedReturns);
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(submittedReturns);
        ArgumentNullException.ThrowIfNull(ratedPeriodIds);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var allPeriods = periods.ToList();
        var returning = parties.Where(p => p.SubmitsReturns && p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).ToList();
        var missing = (from period in allPeriods.Where(p => p.IsDue(today))
                       from organisationId in returning
                       where !submittedReturns.Contains((period.Id, organisationId)) && !explainedReturns.Contains((period.Id, organisationId))
                       select period).Count();
        var allReviews = reviews.ToList();
        var lastReviewed = allReviews.SelectMany(r => r.PeriodIds)
            .Select(id => allPeriods.SingleOrDefault(p => p.Id == id))
            .OfType<ReportingPeriod>()
            .MaxBy(p => p.EndsOn);
        return new MonitoringProgress(allReviews.Count(r => r.IsDecided), missing, lastReviewed is null ? null : ratedPeriodIds.Contains(lastReviewed.Id));
    }
}
