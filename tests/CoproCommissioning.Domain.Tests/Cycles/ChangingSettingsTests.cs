using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>A commissioner changes a cycle's settings after creating it, with a reason the cycle's history keeps.</summary>
public sealed class ChangingSettingsTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole> EveryoneButCommissioners => [.. People.RolesOtherThan(CycleRole.Commissioner)];

    [Fact]
    public void A_commissioner_changes_every_setting_at_once_and_the_history_says_what_changed_and_why()
    {
        var cycle = ACycle.New().Build();
        var settings = new CycleSettings(
            "Crisis alternatives", "Crisis care", "Adults in Harbourside", 300_000.50m, new DateOnly(2026, 6, 1), 3, 2, "champion-2");

        var outcome = cycle.ChangeSettings(settings, People.Commissioner, CycleRole.Commissioner, "  The board widened the scope  ", Now);

        Assert.True(outcome.Succeeded);
        Assert.Equal(settings, CycleSettings.Of(cycle));
        Assert.Equal(new SignOffPolicy(3, 2), cycle.SignOffPolicy);
        var entry = Assert.Single(cycle.History);
        Assert.Equal(
            CycleSetting.Title | CycleSetting.ServiceArea | CycleSetting.PopulationServed | CycleSetting.Budget | CycleSetting.StartDate
                | CycleSetting.SignOffPolicy | CycleSetting.Champion,
            entry.Changed);
        Assert.Equal("The board widened the scope", entry.Reason);
        Assert.Equal((People.Commissioner, CycleRole.Commissioner, Now), (entry.ByUserId, entry.ByRole, entry.At));
        Assert.Equal(Now, cycle.LastChangedAt);
    }

    [Fact]
    public void The_history_names_only_what_changed()
    {
        var cycle = ACycle.New().Build();

        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { Title = "A new title", Budget = null }, People.Commissioner, CycleRole.Commissioner, "Renamed", Now));

        Assert.Equal(CycleSetting.Title | CycleSetting.Budget, Assert.Single(cycle.History).Changed);
        Assert.Null(cycle.Budget);
    }

    [Theory]
    [MemberData(nameof(EveryoneButCommissioners))]
    public void Nobody_else_changes_the_settings(CycleRole role)
    {
        var cycle = ACycle.New().Build();
        var before = CycleSettings.Of(cycle);

        var outcome = cycle.ChangeSettings(before with { Title = "Taken over" }, "someone", role, "Because", Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
        Assert.Equal(before, CycleSettings.Of(cycle));
        Assert.Empty(cycle.History);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Refuses_a_change_without_a_reason(string? reason)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.ChangeSettings(CycleSettings.Of(cycle) with { Title = "A new title" }, People.Commissioner, CycleRole.Commissioner, reason, Now);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal(CycleRules.SettingsReasonRequired, refusal.Rule);
        Assert.Equal("Reason", refusal.Rule.Field);
        Assert.Equal("Community mental health transformation", cycle.Title);
        Assert.Empty(cycle.History);
    }

    [Fact]
    public void Refuses_a_reason_that_is_too_long()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { Title = "A new title" }, People.Commissioner, CycleRole.Commissioner,
            new string('x', CycleEvent.ReasonMaxLength + 1), Now);

        Assert.Equal([CycleRules.SettingsReasonTooLong], outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_every_bad_answer_at_once_each_beside_its_field_and_changes_nothing()
    {
        var cycle = ACycle.New().Build();
        var before = CycleSettings.Of(cycle);

        var outcome = cycle.ChangeSettings(
            new CycleSettings("", new string('a', CommissioningCycle.ServiceAreaMaxLength + 1), " ", -1m, null, 0, null, null),
            People.Commissioner, CycleRole.Commissioner, "", Now);

        Assert.Equal(
            [
                CycleRules.CycleTitleRequired, CycleRules.ServiceAreaTooLong, CycleRules.PopulationServedRequired, CycleRules.BudgetInvalid,
                CycleRules.StartDateRequired, CycleRules.PolicyMinimumContributions, CycleRules.PolicyMinimumContributors,
                CycleRules.ChampionCannotBeRemoved, CycleRules.SettingsReasonRequired,
            ],
            outcome.BrokenRules);
        Assert.All(outcome.Refusals, r => Assert.NotNull(r.Rule.Field));
        Assert.Equal(before, CycleSettings.Of(cycle));
        Assert.Empty(cycle.History);
    }

    [Fact]
    public void Refuses_a_change_that_changes_nothing()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.ChangeSettings(CycleSettings.Of(cycle), People.Commissioner, CycleRole.Commissioner, "Just checking", Now);

        Assert.Equal([CycleRules.SettingsUnchanged], outcome.BrokenRules);
        Assert.Empty(cycle.History);
    }

    [Fact]
    public void A_cycle_without_a_champion_may_stay_without_one_and_gain_one_later()
    {
        var cycle = ACycle.New().WithoutChampion().Build();

        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { Title = "Renamed" }, People.Commissioner, CycleRole.Commissioner, "Renamed", Now));
        Assert.Null(cycle.ChampionUserId);

        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { ChampionUserId = "champion-2" }, People.Commissioner, CycleRole.Commissioner, "Found a champion", Now));
        Assert.Equal("champion-2", cycle.ChampionUserId);
        Assert.Equal(CycleSetting.Champion, cycle.History[^1].Changed);
    }

    [Fact]
    public void A_stage_that_was_ready_is_blocked_when_the_policy_rises_and_ready_again_when_it_falls()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();
        Assert.Empty(cycle.SignOffBlockers(StageKind.NeedsAssessment));

        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { MinimumLivedExperienceContributions = 2, MinimumDistinctContributors = 2 },
            People.Commissioner, CycleRole.Commissioner, "The panel asked for more voices", Now));

        Assert.Equal(
            [CycleRules.LivedExperienceInputRequiredFor(2), CycleRules.DistinctContributorsRequiredFor(2)],
            cycle.SignOffBlockers(StageKind.NeedsAssessment).Select(r => r.Rule));
        Assert.Contains("at least 2", cycle.SignOffBlockers(StageKind.NeedsAssessment)[0].Rule.Message, StringComparison.Ordinal);

        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { MinimumLivedExperienceContributions = 1, MinimumDistinctContributors = 1 },
            People.Commissioner, CycleRole.Commissioner, "Back to the default", Now.AddMinutes(1)));

        Assert.Empty(cycle.SignOffBlockers(StageKind.NeedsAssessment));
        Assert.True(cycle.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed", Now.AddMinutes(2)).Succeeded);
    }

    [Fact]
    public void A_higher_policy_leaves_stages_already_signed_off_as_they_are()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { MinimumLivedExperienceContributions = 5 }, People.Commissioner, CycleRole.Commissioner, "More input", Now));

        Assert.True(cycle.StageOf(StageKind.NeedsAssessment).IsSignedOff);
        Assert.Contains(CycleRules.LivedExperienceInputRequired, cycle.SignOffBlockers(StageKind.CoDesign).Select(r => r.Rule));
    }
}
