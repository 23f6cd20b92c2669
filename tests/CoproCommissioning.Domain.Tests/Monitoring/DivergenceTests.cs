using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class DivergenceTests
{
    [Theory]
    [InlineData(RatingLevel.Good, RatingLevel.Good, false)]
    [InlineData(RatingLevel.Good, RatingLevel.Fair, false)]
    [InlineData(RatingLevel.Fair, RatingLevel.Good, false)]
    [InlineData(RatingLevel.Good, RatingLevel.Poor, true)]
    [InlineData(RatingLevel.Poor, RatingLevel.Good, true)]
    [InlineData(RatingLevel.Outstanding, RatingLevel.Fair, true)]
    public void Ratings_two_levels_apart_or_more_are_flagged_and_one_level_apart_are_not(RatingLevel provider, RatingLevel panel, bool flagged)
    {
        var contracted = Contracted();
        var q1 = contracted.Monitoring.Q(1);
        var returns = new[] { Returned(contracted, q1, Lead, provider) };
        var ratings = new[] { RatedBy(contracted, q1, 1, panel) };

        var comparisons = Divergence.Of(contracted.Monitoring, returns, ratings);

        Assert.Equal(2, comparisons.Count);
        Assert.All(comparisons, c => Assert.Equal(flagged, c.IsFlagged));
        Assert.Equal(flagged ? 2 : 0, Divergence.Flagged(contracted.Monitoring, returns, ratings).Count);
    }

    [Fact]
    public void Each_outcome_in_each_period_is_compared_on_its_own()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        var q1 = monitoring.Q(1);
        var q2 = monitoring.Q(2);
        var q1Return = Returned(contracted, q1, Lead, RatingLevel.Good);
        var q2Return = Returned(contracted, q2, Lead, RatingLevel.Good);
        var q1Rating = Expect.Success(PanelRating.Give(cycle, monitoring, q1.Id, new PanelRatingDraft(new Dictionary<Guid, PanelOutcomeReport>
        {
            [ASpecification.CrisisOutcome] = new(RatingLevel.Poor, "Nobody called back."),
            [StepUpOutcome] = new(RatingLevel.Good, "The walking group is good."),
        }, ContributionVisibility.Everyone), false, People.PanelMember(1), CycleRole.PanelMember, InQ1Reporting));
        var q2Rating = RatedBy(contracted, q2, 1, RatingLevel.Fair);

        var flagged = Divergence.Flagged(monitoring, [q1Return, q2Return], [q1Rating, q2Rating]);

        var only = Assert.Single(flagged);
        Assert.Equal((q1.Id, ASpecification.CrisisOutcome, Lead, RatingLevel.Good, 0m, 2m),
            (only.PeriodId, only.OutcomeId, only.OrganisationId, only.ProviderRating, only.PanelMedian, only.Gap));
        Assert.Equal(4, Divergence.Of(monitoring, [q1Return, q2Return], [q1Rating, q2Rating]).Count);
    }

    [Fact]
    public void The_panels_rating_is_its_members_middle_rating()
    {
        var contracted = Contracted();
        var q1 = contracted.Monitoring.Q(1);
        var returns = new[] { Returned(contracted, q1, Lead, RatingLevel.Outstanding) };
        var three = new[]
        {
            RatedBy(contracted, q1, 1, RatingLevel.Poor),
            RatedBy(contracted, q1, 2, RatingLevel.Stretch),
            RatedBy(contracted, q1, 3, RatingLevel.Outstanding),
        };
        var fourth = RatedBy(contracted, q1, 4, RatingLevel.Outstanding);

        var byThree = Divergence.Of(contracted.Monitoring, returns, three)[0];
        var byFour = Divergence.Of(contracted.Monitoring, returns, [.. three, fourth])[0];

        Assert.Equal((3m, 1m, false), (byThree.PanelMedian, byThree.Gap, byThree.IsFlagged));
        Assert.Equal((3.5m, 0.5m), (byFour.PanelMedian, byFour.Gap));
        Assert.Equal(3, byThree.PanelRatings.Count);
    }

    [Fact]
    public void Only_submitted_returns_are_compared_as_last_submitted_and_only_with_ratings_of_the_same_period()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        var q1 = monitoring.Q(1);
        var draft = Returned(contracted, q1, Lead, RatingLevel.Outstanding, submit: false);
        var otherPeriod = RatedBy(contracted, monitoring.Q(2), 1, RatingLevel.Poor);
        var q1Rating = RatedBy(contracted, q1, 2, RatingLevel.Poor);

        Assert.Empty(Divergence.Of(monitoring, [draft], [q1Rating, otherPeriod]));

        var when = InQ1Reporting.AddDays(5);
        Expect.Success(draft.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, when));
        Expect.Success(draft.StartCorrection(cycle, monitoring, "We rated too high.", People.Provider, CycleRole.Provider, Lead, when));
        Expect.Success(draft.Save(cycle, monitoring, Complete(monitoring, RatingLevel.Fair), People.Provider, CycleRole.Provider, Lead, when));

        Assert.All(Divergence.Of(monitoring, [draft], [q1Rating, otherPeriod]), c => Assert.Equal((RatingLevel.Outstanding, true), (c.ProviderRating, c.IsFlagged)));
        Expect.Success(draft.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, when));
        Assert.Empty(Divergence.Flagged(monitoring, [draft], [q1Rating, otherPeriod]));
    }
}
