using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.AllianceSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>The health check each period: every member rates trust, information sharing and shared decisions.</summary>
public sealed class AllianceHealthCheckTests
{
    [Fact]
    public void The_teams_result_for_a_period_is_each_questions_average_and_lowest_score_once_every_member_has_rated()
    {
        var alliance = Complete();
        Rate(alliance, TrustLead, 4, 3, 5);
        Rate(alliance, VoluntaryLead, 4, 2, 3);
        Rate(alliance, OtherVoluntaryLead, 5, 4, 4);
        Rate(alliance, People.Commissioner, 3, 4, 4);

        var result = alliance.Team.HealthResult(FirstQuarter);

        Assert.True(result.IsComplete);
        Assert.Equal(new HealthQuestionResult(4.0m, 3), result.Trust);
        Assert.Equal(new HealthQuestionResult(3.3m, 2), result.InformationSharing);
        Assert.Equal(new HealthQuestionResult(4.0m, 3), result.SharedDecisions);
        Assert.Equal(["InformationSharing"], result.Concerns);
    }

    [Fact]
    public void A_period_not_every_member_has_rated_says_who_is_missing_and_other_periods_are_apart()
    {
        var alliance = Complete();
        Rate(alliance, TrustLead, 4, 4, 4);
        Rate(alliance, VoluntaryLead, 2, 4, 4, period: SecondQuarter);

        var first = alliance.Team.HealthResult(FirstQuarter);
        var second = alliance.Team.HealthResult(SecondQuarter);

        Assert.False(first.IsComplete);
        Assert.Equal([alliance.MemberOf(TrustLead).Id], first.RatedMemberIds);
        Assert.Equal(Everyone.Skip(1).Select(p => alliance.MemberOf(p).Id), first.MissingMemberIds);
        Assert.Equal(new HealthQuestionResult(4m, 4), first.Trust);
        Assert.Equal(new HealthQuestionResult(2m, 2), second.Trust);
        Assert.Empty(first.Concerns);
        Assert.Equal([FirstQuarter, SecondQuarter], alliance.Team.RatedPeriodIds);
    }

    [Fact]
    public void A_period_nobody_has_rated_has_no_result_yet()
    {
        var alliance = Complete();

        var result = alliance.Team.HealthResult(FirstQuarter);

        Assert.False(result.IsComplete);
        Assert.Equal(new HealthQuestionResult(null, null), result.Trust);
        Assert.Empty(result.Concerns);
    }

    [Fact]
    public void Rating_again_changes_the_members_rating_for_the_period()
    {
        var alliance = Complete();
        var first = Rate(alliance, TrustLead, 2, 2, 2);

        var second = Rate(alliance, TrustLead, 4, 5, 4, "The monthly data meeting helped.");

        Assert.Same(first, second);
        Assert.Single(alliance.Team.HealthRatings);
        Assert.Equal((4, 5, 4, "The monthly data meeting helped."), (second.Trust, second.InformationSharing, second.SharedDecisions, second.Comment));
    }

    [Fact]
    public void Each_question_is_scored_from_1_to_5_with_a_comment_by_a_member_of_the_team()
    {
        var alliance = Complete();

        var blank = alliance.Team.RateHealth(alliance.Cycle, FirstQuarter, new HealthScores(null, 0, 6), " ", TrustLead, Now);
        var tooLong = alliance.Team.RateHealth(alliance.Cycle, FirstQuarter, new HealthScores(3, 3, 3),
            new string('a', AllianceHealthRating.CommentMaxLength + 1), TrustLead, Now);
        var outsider = alliance.Team.RateHealth(alliance.Cycle, FirstQuarter, new HealthScores(3, 3, 3), "Fine.", People.Champion, Now);

        Assert.Equal(
            [AllianceRules.TrustRequired, AllianceRules.InformationSharingRequired, AllianceRules.SharedDecisionsRequired, AllianceRules.HealthCommentRequired],
            blank.BrokenRules);
        Assert.Equal(["Trust", "InformationSharing", "SharedDecisions", "Comment"], blank.Refusals.Select(r => r.Field));
        Assert.Equal([AllianceRules.HealthCommentTooLong], tooLong.BrokenRules);
        Assert.Equal([AllianceRules.TeamMembersOnly], outsider.BrokenRules);
        Assert.Empty(alliance.Team.HealthRatings);
    }

    private static AllianceHealthRating Rate(
        AnAlliance alliance, string userId, int trust, int sharing, int decisions, string comment = "Working well together.", Guid? period = null) =>
        Expect.Success(alliance.Team.RateHealth(alliance.Cycle, period ?? FirstQuarter, new HealthScores(trust, sharing, decisions), comment, userId, Now));
}
