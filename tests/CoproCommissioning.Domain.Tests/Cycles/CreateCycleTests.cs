using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

public sealed class CreateCycleTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void Starts_with_five_stages_in_order_and_needs_assessment_open()
    {
        var cycle = Create().Value;

        Assert.Equal(
            [StageKind.NeedsAssessment, StageKind.CoDesign, StageKind.Specification, StageKind.Procurement, StageKind.Monitoring],
            cycle.Stages.Select(s => s.Kind));
        Assert.Equal(StageStatus.Open, cycle.Stages[0].Status);
        Assert.Equal(Now, cycle.Stages[0].OpenedAt);
        Assert.All(cycle.Stages.Skip(1), s => Assert.Equal(StageStatus.NotStarted, s.Status));
        Assert.All(cycle.Stages.Skip(1), s => Assert.Null(s.OpenedAt));
        Assert.Equal(6, cycle.Stages.Select(s => s.Id).Append(cycle.Id).Distinct().Count(id => id != Guid.Empty));
    }

    [Fact]
    public void Keeps_what_was_entered()
    {
        var cycle = Create(title: "  Crisis alternatives  ", budget: 250_000.50m).Value;

        Assert.Equal("Crisis alternatives", cycle.Title);
        Assert.Equal("Community mental health", cycle.ServiceArea);
        Assert.Equal("Adults in Leeds", cycle.PopulationServed);
        Assert.Equal(250_000.50m, cycle.Budget);
        Assert.Equal(new DateOnly(2026, 4, 1), cycle.StartDate);
        Assert.Equal("West Yorkshire ICB", cycle.CommissioningOrganisation);
        Assert.Equal(People.Commissioner, cycle.CreatedByUserId);
        Assert.Equal(Now, cycle.CreatedAt);
        Assert.Equal(Now, cycle.LastChangedAt);
        Assert.Null(cycle.ChampionUserId);
        Assert.Equal(0u, cycle.Version);
    }

    [Fact]
    public void Starts_with_the_default_sign_off_policy()
    {
        var policy = Create().Value.SignOffPolicy;

        Assert.Equal(1, policy.MinimumLivedExperienceContributions);
        Assert.Equal(1, policy.MinimumDistinctContributors);
    }

    [Fact]
    public void Accepts_no_budget_or_a_budget_of_zero()
    {
        Assert.Null(Create(budget: null).Value.Budget);
        Assert.Equal(0m, Create(budget: 0m).Value.Budget);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.001")]
    [InlineData("1000000000000")]
    public void Is_refused_with_a_budget_that_is_not_pounds_and_pence(string budget)
    {
        var outcome = Create(budget: decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([CycleRules.BudgetInvalid], outcome.BrokenRules);
    }

    [Fact]
    public void Returns_every_missing_field_together()
    {
        var outcome = CommissioningCycle.Create(" ", null, "", null, new DateOnly(2026, 4, 1), "\t", People.Commissioner, Now);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            [
                CycleRules.CycleTitleRequired,
                CycleRules.ServiceAreaRequired,
                CycleRules.PopulationServedRequired,
                CycleRules.CommissioningOrganisationRequired,
            ],
            outcome.BrokenRules);
        Assert.Throws<InvalidOperationException>(() => outcome.Value);
    }

    [Fact]
    public void Is_refused_with_text_longer_than_the_limits()
    {
        var outcome = CommissioningCycle.Create(
            new string('a', CommissioningCycle.TitleMaxLength + 1),
            new string('a', CommissioningCycle.ServiceAreaMaxLength + 1),
            new string('a', CommissioningCycle.PopulationServedMaxLength + 1),
            null,
            new DateOnly(2026, 4, 1),
            new string('a', CommissioningCycle.CommissioningOrganisationMaxLength + 1),
            People.Commissioner,
            Now);

        Assert.Equal(
            [
                CycleRules.CycleTitleTooLong,
                CycleRules.ServiceAreaTooLong,
                CycleRules.PopulationServedTooLong,
                CycleRules.CommissioningOrganisationTooLong,
            ],
            outcome.BrokenRules);
    }

    [Fact]
    public void Throws_without_a_creator_or_with_a_time_that_is_not_utc()
    {
        Assert.ThrowsAny<ArgumentException>(
            () => CommissioningCycle.Create("T", "S", "P", null, new DateOnly(2026, 4, 1), "O", " ", Now));
        Assert.Throws<ArgumentException>(
            () => CommissioningCycle.Create("T", "S", "P", null, new DateOnly(2026, 4, 1), "O", People.Commissioner, Moments.NotUtc));
    }

    private static DomainOutcome<CommissioningCycle> Create(string title = "Crisis alternatives", decimal? budget = 1_000m) =>
        CommissioningCycle.Create(
            title, "Community mental health", "Adults in Leeds", budget, new DateOnly(2026, 4, 1), "West Yorkshire ICB", People.Commissioner, Now);
}
