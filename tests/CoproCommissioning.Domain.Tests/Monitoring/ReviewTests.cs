using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class ReviewTests
{
    private static readonly DecommissionPlan FullPlan = new(
        "42 people use the crisis house now; none will lose support.",
        "Each person moves to the new crisis café with their peer supporter by the end of March.",
        "Three open meetings and a survey of 180 people; the panel co-chaired the meetings.",
        "People keep a choice of the café, the crisis line or the home treatment team.",
        "The 2026 evaluation found the café prevented more admissions than the house.",
        "The ICB's clinical lead and both PCN clinical directors support the change.");

    [Fact]
    public void A_commissioner_records_a_review_with_its_date_who_took_part_minutes_and_periods()
    {
        var (cycle, monitoring) = Contracted();

        var review = Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, AfterQ1Due.AddDays(2)));

        Assert.Equal((new DateOnly(2026, 7, 9), "The provider's service manager."), (review.HeldOn, review.OthersPresent));
        Assert.Equal([monitoring.Q(1).Id], review.PeriodIds);
        Assert.Equal([People.Commissioner, People.PanelMember(1)], review.Participants.Select(p => p.UserId));
        Assert.StartsWith("We looked at the first quarter", review.Minutes, StringComparison.Ordinal);
        Assert.False(review.IsDecided);
        Assert.Equal([review], monitoring.Reviews);
    }

    [Fact]
    public void A_review_needs_its_date_someone_who_took_part_minutes_and_periods_of_this_contract()
    {
        var (cycle, monitoring) = Contracted();
        var at = AfterQ1Due.AddDays(2);

        var blank = monitoring.RecordReview(cycle, new ReviewDraft(null, [], " ", "", []), People.Commissioner, CycleRole.Commissioner, at);
        var wrong = monitoring.RecordReview(cycle, new ReviewDraft(new DateOnly(2026, 8, 5), [], new string('o', Review.OthersPresentMaxLength + 1),
            new string('m', Review.MinutesMaxLength + 1), [Guid.CreateVersion7()]), People.Commissioner, CycleRole.Commissioner, at);
        var champion = monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Champion, CycleRole.CoProductionChampion, at);

        Assert.Equal(
            [MonitoringRules.HeldOnRequired, MonitoringRules.ReviewParticipantsRequired, MonitoringRules.MinutesRequired, MonitoringRules.ReviewPeriodsRequired],
            blank.BrokenRules);
        Assert.Equal(["HeldOn", "Participants", "Minutes", "PeriodIds"], blank.Refusals.Select(r => r.Field));
        Assert.Equal(
            [MonitoringRules.HeldOnInFuture, MonitoringRules.OthersPresentTooLong, MonitoringRules.MinutesTooLong, MonitoringRules.ReviewPeriodNotInContract],
            wrong.BrokenRules);
        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Empty(monitoring.Reviews);
    }

    [Fact]
    public void What_was_recorded_about_a_review_can_be_corrected()
    {
        var (cycle, monitoring) = Contracted();
        var at = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        var review = Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, at));

        Expect.Success(monitoring.ChangeReview(cycle, review.Id, ReviewOf(monitoring.Q(1), monitoring.Q(2)) with { Participants = [] },
            People.Commissioner, CycleRole.Commissioner, at));
        var unknown = monitoring.ChangeReview(cycle, Guid.CreateVersion7(), ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, at);

        Assert.Equal([monitoring.Q(1).Id, monitoring.Q(2).Id], review.PeriodIds);
        Assert.Empty(review.Participants);
        Assert.Equal([MonitoringRules.ReviewNotFound], unknown.BrokenRules);
        Assert.Equal(monitoring.Q(2), monitoring.LastReviewedPeriod);
    }

    [Theory]
    [InlineData(ReviewDecisionType.Continue)]
    [InlineData(ReviewDecisionType.Vary)]
    [InlineData(ReviewDecisionType.Extend)]
    public void A_review_ends_in_a_decision_in_the_monitoring_stage_and_its_type(ReviewDecisionType type)
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var decision = ReviewDecision(cycle, at);

        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, type, FullPlan), ReviewSources.None, People.Commissioner, CycleRole.Commissioner, at));

        Assert.Equal((decision.Id, type, People.Commissioner), (review.DecisionId!.Value, review.DecisionType!.Value, review.DecidedByUserId));
        Assert.True(review.IsDecided);
        Assert.Null(review.TransitionPlan);
    }

    [Fact]
    public void The_decision_is_one_recorded_in_the_monitoring_stage_for_this_review_alone_with_its_type_chosen()
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var award = cycle.StageOf(StageKind.Procurement).Decisions[0];
        var decision = ReviewDecision(cycle, at);
        var other = Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, at));
        Expect.Success(monitoring.DecideReview(cycle, other.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Continue), ReviewSources.None, People.Commissioner,
            CycleRole.Commissioner, at));

        var none = monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(null, null), ReviewSources.None, People.Commissioner, CycleRole.Commissioner, at);
        var procurement = monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(award.Id, ReviewDecisionType.Vary), ReviewSources.None, People.Commissioner,
            CycleRole.Commissioner, at);
        var used = monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Vary), ReviewSources.None, People.Commissioner,
            CycleRole.Commissioner, at);
        var unknown = monitoring.DecideReview(cycle, Guid.CreateVersion7(), new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Vary), ReviewSources.None, People.Commissioner,
            CycleRole.Commissioner, at);

        Assert.Equal([MonitoringRules.ReviewDecisionRequired, MonitoringRules.ReviewTypeRequired], none.BrokenRules);
        Assert.Equal(["DecisionId", "Type"], none.Refusals.Select(r => r.Field));
        Assert.Equal([MonitoringRules.ReviewDecisionNotInStage], procurement.BrokenRules);
        Assert.Equal([MonitoringRules.ReviewDecisionUsed], used.BrokenRules);
        Assert.Equal([MonitoringRules.ReviewNotFound, MonitoringRules.ReviewDecisionUsed], unknown.BrokenRules);
        Assert.False(review.IsDecided);
    }

    [Fact]
    public void Decommissioning_records_the_impact_the_transition_plan_and_how_each_of_the_four_tests_was_met()
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var decision = ReviewDecision(cycle, at);

        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Decommission, FullPlan), ReviewSources.None,
            People.Commissioner, CycleRole.Commissioner, at));

        Assert.Equal(ReviewDecisionType.Decommission, review.DecisionType);
        Assert.Equal(
            [FullPlan.ImpactOnCurrentUsers, FullPlan.TransitionPlan, FullPlan.EngagementTest, FullPlan.PatientChoiceTest, FullPlan.ClinicalEvidenceTest,
                FullPlan.ClinicalCommissionerSupportTest],
            [review.ImpactOnCurrentUsers, review.TransitionPlan, review.EngagementTest, review.PatientChoiceTest, review.ClinicalEvidenceTest,
                review.ClinicalCommissionerSupportTest]);
    }

    [Fact]
    public void Decommissioning_is_refused_without_the_impact_the_transition_plan_or_any_of_the_four_tests_each_beside_its_field()
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var decision = ReviewDecision(cycle, at);

        var nothing = monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Decommission), ReviewSources.None, People.Commissioner,
            CycleRole.Commissioner, at);
        var tooLong = monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Decommission,
            FullPlan with { PatientChoiceTest = new string('p', Review.DecommissionTextMaxLength + 1) }), ReviewSources.None, People.Commissioner, CycleRole.Commissioner, at);

        Assert.Equal(
        [
            MonitoringRules.ImpactRequired, MonitoringRules.TransitionPlanRequired, MonitoringRules.EngagementTestRequired,
            MonitoringRules.PatientChoiceTestRequired, MonitoringRules.ClinicalEvidenceTestRequired, MonitoringRules.ClinicalSupportTestRequired,
        ], nothing.BrokenRules);
        Assert.Equal(
            ["ImpactOnCurrentUsers", "TransitionPlan", "EngagementTest", "PatientChoiceTest", "ClinicalEvidenceTest", "ClinicalCommissionerSupportTest"],
            nothing.Refusals.Select(r => r.Field));
        Assert.Equal([(MonitoringRules.DecommissionAnswerTooLong, "PatientChoiceTest")], tooLong.Refusals.Select(r => (r.Rule, r.Field)));
        Assert.False(review.IsDecided);
    }

    [Fact]
    public void Changing_a_decommissioning_to_a_variation_clears_the_decommissioning_answers()
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var decision = ReviewDecision(cycle, at);
        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Decommission, FullPlan), ReviewSources.None,
            People.Commissioner, CycleRole.Commissioner, at));

        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Vary, FullPlan), ReviewSources.None,
            People.Commissioner, CycleRole.Commissioner, at));

        Assert.Equal(ReviewDecisionType.Vary, review.DecisionType);
        Assert.Null(review.ImpactOnCurrentUsers);
    }

    [Fact]
    public void A_decision_cites_the_returns_and_panel_ratings_it_rests_on_each_return_at_the_revision_it_stood_at()
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var decision = ReviewDecision(cycle, at);
        var (returnId, otherReturnId, ratingId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var sources = new ReviewSources(new Dictionary<Guid, int> { [returnId] = 2, [otherReturnId] = 1 }, [ratingId]);

        Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Vary)
        {
            CitedReturnIds = [returnId, returnId],
            CitedRatingIds = [ratingId],
        }, sources, People.Commissioner, CycleRole.Commissioner, at));

        Assert.Equal(
            [new ReviewCitation(ReviewSourceKind.ProviderReturn, returnId, 2), new ReviewCitation(ReviewSourceKind.PanelRating, ratingId, null)],
            review.Citations);
    }

    [Fact]
    public void A_decision_needs_a_return_and_a_panel_rating_where_the_review_has_them_and_only_ones_of_its_periods()
    {
        var (cycle, monitoring, review, at) = Reviewed();
        var decision = ReviewDecision(cycle, at);
        var (returnId, ratingId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var sources = new ReviewSources(new Dictionary<Guid, int> { [returnId] = 1 }, [ratingId]);
        var draft = new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Vary);

        var none = monitoring.DecideReview(cycle, review.Id, draft, sources, People.Commissioner, CycleRole.Commissioner, at);
        var strangers = monitoring.DecideReview(cycle, review.Id, draft with { CitedReturnIds = [Guid.CreateVersion7()], CitedRatingIds = [returnId] },
            sources, People.Commissioner, CycleRole.Commissioner, at);
        var onlyReturns = monitoring.DecideReview(cycle, review.Id, draft with { CitedReturnIds = [returnId] },
            new ReviewSources(new Dictionary<Guid, int> { [returnId] = 1 }, []), People.Commissioner, CycleRole.Commissioner, at);

        Assert.Equal([MonitoringRules.CitedReturnRequired, MonitoringRules.CitedRatingRequired], none.BrokenRules);
        Assert.Equal(["CitedReturnIds", "CitedRatingIds"], none.Refusals.Select(r => r.Field));
        Assert.Equal([MonitoringRules.CitedReturnUnknown, MonitoringRules.CitedRatingUnknown], strangers.BrokenRules);
        // Where the panel rated nothing for the review's periods, the decision rests on the returns alone.
        Assert.True(onlyReturns.Succeeded);
    }

    private static (CommissioningCycle Cycle, CycleMonitoring Monitoring, Review Review, DateTimeOffset At) Reviewed()
    {
        var (cycle, monitoring) = Contracted();
        var at = AfterQ1Due.AddDays(2);
        var review = Expect.Success(monitoring.RecordReview(cycle, ReviewOf(monitoring.Q(1)), People.Commissioner, CycleRole.Commissioner, at));
        return (cycle, monitoring, review, at);
    }
}
