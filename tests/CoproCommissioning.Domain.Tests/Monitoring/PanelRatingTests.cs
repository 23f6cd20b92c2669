using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class PanelRatingTests
{
    private static readonly DateOnly Forum = new(2026, 7, 8);

    [Fact]
    public void A_panel_member_rates_the_outcomes_they_can_speak_to_with_what_its_like()
    {
        var (cycle, monitoring) = Contracted();
        var draft = new PanelRatingDraft(new Dictionary<Guid, PanelOutcomeReport>
        {
            [ASpecification.CrisisOutcome] = new(RatingLevel.Poor, " I waited three days for a call back. "),
            [StepUpOutcome] = new(null, null),
        }, ContributionVisibility.CommissioningTeam);

        var rating = Expect.Success(PanelRating.Give(cycle, monitoring, monitoring.Q(1).Id, draft, false, People.PanelMember(1), CycleRole.PanelMember, InQ1Reporting));

        Assert.Equal((People.PanelMember(1), monitoring.Q(1).Id, ContributionVisibility.CommissioningTeam, Channel.Online),
            (rating.MemberUserId, rating.PeriodId, rating.Visibility, rating.Channel));
        Assert.False(rating.IsLoggedOnBehalf);
        Assert.Equal([(ASpecification.CrisisOutcome, RatingLevel.Poor, "I waited three days for a call back.")],
            rating.Ratings.Select(r => (r.OutcomeId, r.Rating, r.WhatItsLike)));
    }

    [Fact]
    public void Only_panel_members_rate_as_their_own_input()
    {
        var (cycle, monitoring) = Contracted();

        var provider = PanelRating.Give(cycle, monitoring, monitoring.Q(1).Id, Rating(monitoring, RatingLevel.Good), false, People.Provider, CycleRole.Provider, InQ1Reporting);
        var champion = PanelRating.Give(cycle, monitoring, monitoring.Q(1).Id, Rating(monitoring, RatingLevel.Good), false, People.Champion,
            CycleRole.CoProductionChampion, InQ1Reporting);

        Assert.Equal([MonitoringRules.PanelMembersOnlyRate], provider.BrokenRules);
        Assert.Equal([MonitoringRules.PanelMembersOnlyRate], champion.BrokenRules);
    }

    [Fact]
    public void A_rating_needs_a_choice_of_who_reads_it_at_least_one_outcome_rated_and_a_rating_beside_any_words()
    {
        var (cycle, monitoring) = Contracted();
        var strange = Guid.CreateVersion7();

        var nothing = Give(cycle, monitoring, new PanelRatingDraft(new Dictionary<Guid, PanelOutcomeReport>(), null));
        var wordsOnly = Give(cycle, monitoring, new PanelRatingDraft(new Dictionary<Guid, PanelOutcomeReport>
        {
            [ASpecification.CrisisOutcome] = new(null, "It was hard to get through."),
            [StepUpOutcome] = new(RatingLevel.Good, new string('w', PanelOutcomeRating.WhatItsLikeMaxLength + 1)),
            [strange] = new(RatingLevel.Good, ""),
        }, ContributionVisibility.Everyone));
        var twice = PanelRating.Give(cycle, monitoring, monitoring.Q(1).Id, Rating(monitoring, RatingLevel.Good), true, People.PanelMember(1),
            CycleRole.PanelMember, InQ1Reporting);
        var early = PanelRating.Give(cycle, monitoring, monitoring.Q(3).Id, Rating(monitoring, RatingLevel.Good), false, People.PanelMember(1),
            CycleRole.PanelMember, InQ1Reporting);

        Assert.Equal([MonitoringRules.RatingVisibilityRequired, MonitoringRules.NothingRated], nothing.BrokenRules);
        Assert.Equal("Visibility", nothing.Refusals[0].Field);
        Assert.Equal([MonitoringRules.PanelRatingRequired(""), MonitoringRules.WhatItsLikeTooLong, MonitoringRules.OutcomeNotInContract], wordsOnly.BrokenRules);
        Assert.Equal([$"Rating[{ASpecification.CrisisOutcome}]", $"WhatItsLike[{StepUpOutcome}]", "Outcomes"], wordsOnly.Refusals.Select(r => r.Field));
        Assert.Equal("Choose a rating for \u201CI can get help before I reach crisis\u201D, or clear what you wrote about it.", wordsOnly.Refusals[0].Rule.Message);
        Assert.Equal([MonitoringRules.MemberHasRating], twice.BrokenRules);
        Assert.Equal([MonitoringRules.PeriodNotStarted], early.BrokenRules);
    }

    [Fact]
    public void The_champion_logs_a_panel_members_ratings_with_the_day_and_the_way_they_were_gathered()
    {
        var (cycle, monitoring) = Contracted();

        var rating = Expect.Success(PanelRating.LogOnBehalf(cycle, monitoring, monitoring.Q(1).Id, new Contributor(People.PanelMember(2), CycleRole.PanelMember),
            Rating(monitoring, RatingLevel.Fair), new GatheredRatings(Forum, Channel.Workshop), false, People.Champion, CycleRole.CoProductionChampion, InQ1Reporting));

        Assert.Equal((People.PanelMember(2), People.Champion, Forum, Channel.Workshop),
            (rating.MemberUserId, rating.RecordedByUserId, rating.GatheredOn!.Value, rating.Channel));
        Assert.True(rating.IsLoggedOnBehalf);
    }

    [Fact]
    public void Ratings_on_behalf_are_logged_by_the_champion_or_a_commissioner_for_a_panel_member_with_the_day_gathered()
    {
        var (cycle, monitoring) = Contracted();
        var period = monitoring.Q(1).Id;

        var byProvider = PanelRating.LogOnBehalf(cycle, monitoring, period, new Contributor(People.PanelMember(2), CycleRole.PanelMember),
            Rating(monitoring, RatingLevel.Fair), new GatheredRatings(Forum, Channel.Phone), false, People.Provider, CycleRole.Provider, InQ1Reporting);
        var forStaff = PanelRating.LogOnBehalf(cycle, monitoring, period, new Contributor(People.ClinicalAdviser, CycleRole.ClinicalAdviser),
            Rating(monitoring, RatingLevel.Fair), new GatheredRatings(null, null), false, People.Commissioner, CycleRole.Commissioner, InQ1Reporting);
        var tomorrowAndMore = PanelRating.LogOnBehalf(cycle, monitoring, period, new Contributor(People.PanelMember(2), CycleRole.PanelMember),
            Rating(monitoring, RatingLevel.Fair), new GatheredRatings(new DateOnly(2026, 7, 12), Channel.Phone), false, People.Champion,
            CycleRole.CoProductionChampion, InQ1Reporting);

        Assert.Equal([CycleRules.OnBehalfNeedsChampionOrCommissioner], byProvider.BrokenRules);
        Assert.Equal([CycleRules.GatheredOnRequired, CycleRules.ContributionChannelRequired, MonitoringRules.RatingsForPanelMembersOnly], forStaff.BrokenRules);
        Assert.Equal([CycleRules.GatheredOnInFuture], tomorrowAndMore.BrokenRules);
    }

    [Fact]
    public void The_member_or_whoever_logs_for_them_revises_the_ratings_and_nobody_else()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        var rating = RatedBy(contracted, monitoring.Q(1), 1, RatingLevel.Good, InQ1Reporting);

        Expect.Success(rating.Revise(cycle, monitoring, Rating(monitoring, RatingLevel.Fair, ContributionVisibility.CommissioningTeam), null,
            People.PanelMember(1), CycleRole.PanelMember, InQ1Reporting.AddDays(1)));
        Expect.Success(rating.Revise(cycle, monitoring, Rating(monitoring, RatingLevel.Poor), new GatheredRatings(Forum, Channel.Phone),
            People.Champion, CycleRole.CoProductionChampion, InQ1Reporting.AddDays(2)));
        var otherMember = rating.Revise(cycle, monitoring, Rating(monitoring, RatingLevel.Outstanding), null, People.PanelMember(2), CycleRole.PanelMember,
            InQ1Reporting.AddDays(3));

        Assert.Equal([CycleRules.OnBehalfNeedsChampionOrCommissioner], otherMember.BrokenRules);
        Assert.All(rating.Ratings, r => Assert.Equal(RatingLevel.Poor, r.Rating));
        Assert.Equal((People.Champion, Channel.Phone, Forum), (rating.LastChangedByUserId, rating.Channel, rating.GatheredOn!.Value));
    }

    [Fact]
    public void Ratings_for_the_commissioning_team_only_are_read_by_the_team_and_the_member()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        var shared = RatedBy(contracted, monitoring.Q(1), 1, RatingLevel.Good, InQ1Reporting);
        var teamOnly = Expect.Success(PanelRating.Give(cycle, monitoring, monitoring.Q(1).Id,
            Rating(monitoring, RatingLevel.Poor, ContributionVisibility.CommissioningTeam), false, People.PanelMember(2), CycleRole.PanelMember, InQ1Reporting));

        Assert.True(teamOnly.MayBeReadBy(People.PanelMember(2), CycleRole.PanelMember));
        Assert.True(teamOnly.MayBeReadBy(People.Champion, CycleRole.CoProductionChampion));
        Assert.True(teamOnly.MayBeReadBy(People.Commissioner, CycleRole.Commissioner));
        Assert.False(teamOnly.MayBeReadBy(People.PanelMember(1), CycleRole.PanelMember));
        Assert.False(teamOnly.MayBeReadBy(People.Provider, CycleRole.Provider));
        Assert.True(shared.MayBeReadBy(People.Provider, CycleRole.Provider));
    }

    private static DomainOutcome<PanelRating> Give(CommissioningCycle cycle, CycleMonitoring monitoring, PanelRatingDraft draft) =>
        PanelRating.Give(cycle, monitoring, monitoring.Q(1).Id, draft, false, People.PanelMember(1), CycleRole.PanelMember, InQ1Reporting);
}
