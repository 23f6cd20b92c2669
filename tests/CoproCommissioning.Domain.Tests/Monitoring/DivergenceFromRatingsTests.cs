using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>Divergence worked out from the ratings alone, as pages read them, agrees with divergence from whole returns.</summary>
public sealed class DivergenceFromRatingsTests
{
    [Fact]
    public void The_ratings_alone_give_the_same_comparisons_as_the_returns_and_ratings_they_came_from()
    {
        var contracted = Contracted(Alliance);
        var (_, monitoring) = contracted;
        var q1 = monitoring.Q(1);
        var q2 = monitoring.Q(2);
        ProviderReturn[] returns =
        [
            Returned(contracted, q1, Lead, RatingLevel.Outstanding),
            Returned(contracted, q1, Member, RatingLevel.Fair),
            Returned(contracted, q2, Lead, RatingLevel.Good),
            Returned(contracted, q2, Member, RatingLevel.Good, submit: false),
        ];
        PanelRating[] ratings =
        [
            RatedBy(contracted, q1, 1, RatingLevel.Poor),
            RatedBy(contracted, q1, 2, RatingLevel.Fair),
            RatedBy(contracted, q2, 1, RatingLevel.Good),
        ];
        var providerRows = returns.Where(r => r.IsSubmitted)
            .SelectMany(r => r.Submitted!.Ratings.Select(o => new ProviderOutcomeRating(r.PeriodId, r.OrganisationId, o.OutcomeId, o.Rating!.Value)));
        var panelRows = ratings.SelectMany(r => r.Ratings.Select(o => new PanelMemberOutcomeRating(r.PeriodId, o.OutcomeId, o.Rating)));

        var fromReturns = Divergence.Of(monitoring, returns, ratings);
        var fromRows = Divergence.Of(monitoring, providerRows.Reverse(), panelRows.Reverse());

        Assert.Equal(6, fromRows.Count);
        Assert.Equal(
            fromReturns.Select(c => (c.PeriodId, c.OutcomeId, c.OrganisationId, c.ProviderRating, c.PanelMedian, c.IsFlagged)),
            fromRows.Select(c => (c.PeriodId, c.OutcomeId, c.OrganisationId, c.ProviderRating, c.PanelMedian, c.IsFlagged)));
        Assert.Equal(2, fromRows.Count(c => c.IsFlagged));
        Assert.All(fromRows.Where(c => c.IsFlagged), c => Assert.Equal((q1.Id, Lead, 0.5m), (c.PeriodId, c.OrganisationId, c.PanelMedian)));
    }

    [Fact]
    public void The_middle_of_an_even_number_of_ratings_is_halfway_between_the_two_middle_ones_and_there_is_none_of_no_ratings()
    {
        Assert.Equal(1.5m, OutcomeComparison.Median([RatingLevel.Outstanding, RatingLevel.Poor, RatingLevel.Good, RatingLevel.Fair]));
        Assert.Equal(2m, OutcomeComparison.Median([RatingLevel.Outstanding, RatingLevel.Poor, RatingLevel.Good]));
        Assert.Throws<ArgumentException>(() => OutcomeComparison.Median([]));
    }
}
