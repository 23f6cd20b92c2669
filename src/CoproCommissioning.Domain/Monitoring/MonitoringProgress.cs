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
        ArgumentNullException.ThrowIfNull(reviews);
        var allReviews = reviews.ToList();
        return Of(
            periods.Select(p => p.AsDates()), parties.Select(p => (p.OrganisationId, p.Role)), explainedReturns,
            allReviews.Count(r => r.IsDecided), [.. allReviews.SelectMany(r => r.PeriodIds)], submittedReturns, ratedPeriodIds, now);
    }

    /// <summary>
    /// The same from the periods' dates, the parties' organisations and roles, how many reviews ended in a decision and
    /// the periods the reviews looked at, as a query of many contracts reads them (a row a contract, without the
    /// contract's own objects).
    /// </summary>
    public static MonitoringProgress Of(
        IEnumerable<PeriodDates> periods,
        IEnumerable<(Guid? OrganisationId, PartyRole Role)> parties,
        IReadOnlyCollection<(Guid PeriodId, Guid OrganisationId)> explainedReturns,
        int decidedReviews,
        IReadOnlyCollection<Guid> reviewedPeriodIds,
        IReadOnlyCollection<(Guid PeriodId, Guid OrganisationId)> submittedReturns,
        IReadOnlyCollection<Guid> ratedPeriodIds,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(explainedReturns);
        ArgumentNullException.ThrowIfNull(reviewedPeriodIds);
        ArgumentNullException.ThrowIfNull(submittedReturns);
        ArgumentNullException.ThrowIfNull(ratedPeriodIds);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var allPeriods = periods.ToList();
        var returning = ContractParty.ReturningOrganisations(parties);
        var missing = (from period in allPeriods.Where(p => p.IsDue(today))
                       from organisationId in returning
                       where !submittedReturns.Contains((period.Id, organisationId)) && !explainedReturns.Contains((period.Id, organisationId))
                       select period).Count();
        var lastReviewed = reviewedPeriodIds
            .Select(id => allPeriods.SingleOrDefault(p => p.Id == id))
            .OfType<PeriodDates>()
            .MaxBy(p => p.EndsOn);
        return new MonitoringProgress(decidedReviews, missing, lastReviewed is null ? null : ratedPeriodIds.Contains(lastReviewed.Id));
    }
}

/// <summary>A reporting period's id, last day and due day: what monitoring's progress reads of it.</summary>
public sealed record PeriodDates(Guid Id, DateOnly EndsOn, DateOnly DueOn)
{
    /// <summary>Its returns are due once its due day comes: from then a missing return stops sign-off unless explained.</summary>
    public bool IsDue(DateOnly today) => today >= DueOn;
}
