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
    public decimal PanelMedian
    {
        get
        {
            var sorted = PanelRatings.Select(r => (decimal)(int)r).Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>How far the provider's rating is from the panel's, in levels: positive when the provider rates higher.</summary>
    public decimal Gap => (int)ProviderRating - PanelMedian;

    public bool IsFlagged => Math.Abs(Gap) >= FlaggedGap;
}

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
        var panel = ratings.Where(r => r.MonitoringId == monitoring.Id).ToList();
        var submitted = returns.Where(r => r.MonitoringId == monitoring.Id && r.Submitted is not null).ToList();
        return
        [
            .. from period in monitoring.Periods
               from outcome in monitoring.Outcomes
               let panelRatings = panel.Where(r => r.PeriodId == period.Id)
                   .Select(r => r.RatingFor(outcome.OutcomeId)?.Rating)
                   .OfType<RatingLevel>()
                   .ToList()
               where panelRatings.Count > 0
               from providerReturn in submitted.Where(r => r.PeriodId == period.Id).OrderBy(r => r.OrganisationId)
               let providerRating = providerReturn.Submitted!.RatingFor(outcome.OutcomeId)?.Rating
               where providerRating is not null
               select new OutcomeComparison(period.Id, outcome.OutcomeId, providerReturn.OrganisationId, providerRating.Value, panelRatings),
        ];
    }

    /// <summary>The comparisons flagged for the review.</summary>
    public static IReadOnlyList<OutcomeComparison> Flagged(CycleMonitoring monitoring, IEnumerable<ProviderReturn> returns, IEnumerable<PanelRating> ratings) =>
        [.. Of(monitoring, returns, ratings).Where(c => c.IsFlagged)];
}
