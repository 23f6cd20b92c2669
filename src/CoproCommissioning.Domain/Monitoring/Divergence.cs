using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// One provider's rating of one outcome in one period beside the panel's: each member's rating and their middle
/// (median) rating. Flagged for the review when the two are <see cref="FlaggedGap"/> levels apart or more.
/// </summary>
public sealed record OutcomeComparison(
    Guid PeriodId, Guid OutcomeId, Guid OrganisationId, RatingLevel ProviderRating, IReadOnlyList<RatingLevel> PanelRatings)
{
    /// <summary>Ratings this many levels apart or more are flagged: poor against good, fair against stretch.</summary>
    public const int FlaggedGap = 2;

    /// <summary>The panel's middle rating, in levels from poor (0); halfway between the two middle ones when there are an even number.</summary>
    public decimal PanelMedian => Median(PanelRatings);

    /// <summary>How far the provider's rating is from the panel's, in levels: positive when the provider rates higher.</summary>
    public decimal Gap => (int)ProviderRating - PanelMedian;

    public bool IsFlagged => Math.Abs(Gap) >= FlaggedGap;

    /// <summary>The middle of some ratings, in levels from poor (0); halfway between the two middle ones when there are an even number.</summary>
    public static decimal Median(IReadOnlyCollection<RatingLevel> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Count == 0)
        {
            throw new ArgumentException("A middle rating needs at least one rating.", nameof(ratings));
        }

        var sorted = ratings.Select(r => (decimal)(int)r).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>A provider's rating of one outcome in its return for one period, as last submitted.</summary>
public sealed record ProviderOutcomeRating(Guid PeriodId, Guid OrganisationId, Guid OutcomeId, RatingLevel Rating);

/// <summary>One panel member's rating of one outcome for one period.</summary>
public sealed record PanelMemberOutcomeRating(Guid PeriodId, Guid OutcomeId, RatingLevel Rating);

/// <summary>Compares providers' ratings of the outcomes with the panel's, period by period.</summary>
public static class Divergence
{
    /// <summary>
    /// For each period, outcome and provider whose submitted return rated the outcome, the comparison with the panel's
    /// ratings of the same outcome in the same period, where the panel rated it; in period order, then outcome order.
    /// Returns are compared as they were last submitted, so a correction being written changes nothing until submitted.
    /// Team-only ratings count: who may read them is a matter for the page, not for whether they differ.
    /// </summary>
    public static IReadOnlyList<OutcomeComparison> Of(CycleMonitoring monitoring, IEnumerable<ProviderReturn> returns, IEnumerable<PanelRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(ratings);
        return Of(
            monitoring,
            from providerReturn in returns
            where providerReturn.MonitoringId == monitoring.Id && providerReturn.Submitted is not null
            from rating in providerReturn.Submitted!.Ratings
            where rating.Rating is not null
            select new ProviderOutcomeRating(providerReturn.PeriodId, providerReturn.OrganisationId, rating.OutcomeId, rating.Rating!.Value),
            from panelRating in ratings
            where panelRating.MonitoringId == monitoring.Id
            from rating in panelRating.Ratings
            select new PanelMemberOutcomeRating(panelRating.PeriodId, rating.OutcomeId, rating.Rating));
    }

    /// <summary>
    /// The same comparisons from the ratings alone: each provider's rating of an outcome in its return for a period as
    /// last submitted, and each panel member's rating of it. Pages read these rows instead of whole returns, whose
    /// evidence and minutes they do not show. The caller passes this contract's rows only.
    /// </summary>
    public static IReadOnlyList<OutcomeComparison> Of(
        CycleMonitoring monitoring, IEnumerable<ProviderOutcomeRating> providerRatings, IEnumerable<PanelMemberOutcomeRating> panelRatings)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return Of(monitoring.Periods.Select(p => p.Id), monitoring.Outcomes.Select(o => o.OutcomeId), providerRatings, panelRatings);
    }

    /// <summary>
    /// The same for the contract's periods and outcomes given by id, in the contract's order (periods by their start,
    /// outcomes by their position), for a page that reads the contract's terms rather than the contract.
    /// </summary>
    public static IReadOnlyList<OutcomeComparison> Of(
        IEnumerable<Guid> periodIds, IEnumerable<Guid> outcomeIds, IEnumerable<ProviderOutcomeRating> providerRatings, IEnumerable<PanelMemberOutcomeRating> panelRatings)
    {
        ArgumentNullException.ThrowIfNull(periodIds);
        ArgumentNullException.ThrowIfNull(outcomeIds);
        ArgumentNullException.ThrowIfNull(providerRatings);
        ArgumentNullException.ThrowIfNull(panelRatings);
        var providers = providerRatings.ToLookup(r => (r.PeriodId, r.OutcomeId));
        var panel = panelRatings.ToLookup(r => (r.PeriodId, r.OutcomeId), r => r.Rating);
        var outcomes = outcomeIds.ToList();
        return
        [
            .. from periodId in periodIds
               from outcomeId in outcomes
               let levels = panel[(periodId, outcomeId)].ToList()
               where levels.Count > 0
               from provider in providers[(periodId, outcomeId)].OrderBy(r => r.OrganisationId)
               select new OutcomeComparison(periodId, outcomeId, provider.OrganisationId, provider.Rating, levels),
        ];
    }

    /// <summary>The comparisons flagged for the review.</summary>
    public static IReadOnlyList<OutcomeComparison> Flagged(CycleMonitoring monitoring, IEnumerable<ProviderReturn> returns, IEnumerable<PanelRating> ratings) =>
        [.. Of(monitoring, returns, ratings).Where(c => c.IsFlagged)];
}
