using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>What the monitoring stage needs before sign-off: a decided review, every due return in or explained, and the panel's ratings for the last period reviewed.</summary>
public sealed class SignOffConditionTests
{
    [Fact]
    public void Without_a_contract_there_is_nothing_to_sign_off()
    {
        Assert.Equal([MonitoringRules.ContractNotMade], CycleMonitoring.SignOffConditions(null).Select(r => r.Rule));
    }

    [Fact]
    public void A_review_that_ended_in_a_decision_is_needed()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, InQ1Reporting));
        var ratings = new[] { RatedBy(contracted, monitoring.Q(1), 1, RatingLevel.Good, InQ1Reporting) };

        var conditions = CycleMonitoring.SignOffConditions(monitoring.Progress([], ratings, InQ1Reporting));

        Assert.Equal([MonitoringRules.DecidedReviewRequired], conditions.Select(r => r.Rule));
    }

    [Fact]
    public void Every_return_that_is_due_is_submitted_or_its_absence_explained()
    {
        var contracted = Contracted(Alliance);
        var (cycle, monitoring) = contracted;
        var decided = Decided(contracted, AfterQ1Due);
        var drafted = Returned(contracted, monitoring.Q(1), Lead, submit: false, at: InQ1Reporting);

        var beforeDue = monitoring.Progress([drafted], decided.Ratings, new DateTimeOffset(2026, 7, 30, 23, 0, 0, TimeSpan.Zero));
        var dueDay = monitoring.Progress([drafted], decided.Ratings, new DateTimeOffset(2026, 7, 31, 9, 0, 0, TimeSpan.Zero));
        var submitted = Returned(contracted, monitoring.Q(1), Member, at: AfterQ1Due);
        var oneMissing = monitoring.Progress([drafted, submitted], decided.Ratings, AfterQ1Due);
        Expect.Success(monitoring.ExplainMissingReturn(cycle, monitoring.Q(1).Id, Lead, "The trust's data system was replaced in June.",
            People.Commissioner, CycleRole.Commissioner, AfterQ1Due));
        var explained = monitoring.Progress([drafted, submitted], decided.Ratings, AfterQ1Due);

        Assert.Equal(0, beforeDue.ReturnsMissing);
        Assert.Equal(2, dueDay.ReturnsMissing);
        Assert.Equal("2 returns that are due have not been submitted. Ask the providers for them, or record why they are missing.",
            Assert.Single(CycleMonitoring.SignOffConditions(dueDay)).Rule.Message);
        Assert.Equal([MonitoringRules.ReturnsMissing(1)], CycleMonitoring.SignOffConditions(oneMissing).Select(r => r.Rule));
        Assert.Empty(CycleMonitoring.SignOffConditions(explained));
    }

    [Fact]
    public void The_panels_ratings_are_needed_for_the_last_period_a_review_looked_at()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        var at = new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);
        var returns = new[] { Returned(contracted, monitoring.Q(1), Lead), Returned(contracted, monitoring.Q(2), Lead, at: at) };
        var q1Ratings = RatedBy(contracted, monitoring.Q(1), 1, RatingLevel.Good, InQ1Reporting);
        var review = Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1), monitoring.Q(2)), People.Commissioner, CycleRole.Commissioner, at));
        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(ReviewDecision(cycle, at).Id, ReviewDecisionType.Continue), ReviewSources.None,
            People.Commissioner, CycleRole.Commissioner, at));

        var withoutQ2 = CycleMonitoring.SignOffConditions(monitoring.Progress(returns, [q1Ratings], at));
        var q2Ratings = Expect.Success(PanelRating.LogOnBehalf(cycle, monitoring, monitoring.Q(2).Id, new Contributor(People.PanelMember(2), CycleRole.PanelMember),
            Rating(monitoring, RatingLevel.Fair, ContributionVisibility.CommissioningTeam), new GatheredRatings(new DateOnly(2026, 10, 14), Channel.Workshop),
            false, People.Champion, CycleRole.CoProductionChampion, at));
        var withQ2 = CycleMonitoring.SignOffConditions(monitoring.Progress(returns, [q1Ratings, q2Ratings], at));

        Assert.Equal([MonitoringRules.PanelRatingsMissing], withoutQ2.Select(r => r.Rule));
        Assert.Empty(withQ2);
    }

    [Fact]
    public void The_cycle_refuses_to_sign_off_monitoring_until_the_conditions_are_met()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        var input = Expect.Success(cycle.AddContribution(StageKind.Monitoring, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience,
            Channel.Online, ContributionVisibility.Everyone, "Early help is still slow", "", InQ1Reporting));
        Expect.Success(cycle.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "The review varied the contract.", InQ1Reporting));
        var returns = new[] { Returned(contracted, monitoring.Q(1), Lead, at: InQ1Reporting) };

        var refused = cycle.SignOff(StageKind.Monitoring, People.Commissioner, CycleRole.Commissioner, "Contract reviewed", AfterQ1Due,
            CycleMonitoring.SignOffConditions(monitoring.Progress(returns, [], AfterQ1Due)));
        var decided = Decided(contracted, AfterQ1Due);

        Assert.Equal([MonitoringRules.DecidedReviewRequired], refused.BrokenRules);
        Expect.Success(cycle.SignOff(StageKind.Monitoring, People.Commissioner, CycleRole.Commissioner, "Contract reviewed", AfterQ1Due.AddHours(1),
            CycleMonitoring.SignOffConditions(monitoring.Progress(returns, decided.Ratings, AfterQ1Due.AddHours(1)))));
        Assert.True(cycle.StageOf(StageKind.Monitoring).IsSignedOff);
    }

    /// <summary>The first quarter rated by the panel, and a review of it that ended in a decision to vary.</summary>
    private static (Review Review, PanelRating[] Ratings) Decided(Contracted contracted, DateTimeOffset at)
    {
        var (cycle, monitoring) = contracted;
        var ratings = new[] { RatedBy(contracted, monitoring.Q(1), 1, RatingLevel.Fair, InQ1Reporting) };
        var review = Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, at));
        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(ReviewDecision(cycle, at).Id, ReviewDecisionType.Vary), ReviewSources.None,
            People.Commissioner, CycleRole.Commissioner, at));
        return (review, ratings);
    }
}
