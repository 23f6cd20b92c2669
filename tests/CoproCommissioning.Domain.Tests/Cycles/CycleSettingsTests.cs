using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>The champion and the sign-off policy: how a commissioner sets the cycle up.</summary>
public sealed class CycleSettingsTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole> EveryoneButCommissioners => [.. People.RolesOtherThan(CycleRole.Commissioner)];

    [Fact]
    public void A_commissioner_names_the_champion()
    {
        var cycle = ACycle.New().WithoutChampion().Build();

        var outcome = cycle.SetChampion("champion-2", CycleRole.Commissioner, Now);

        Assert.True(outcome.Succeeded);
        Assert.Equal("champion-2", cycle.ChampionUserId);
        Assert.Equal(Now, cycle.LastChangedAt);
    }

    [Theory]
    [MemberData(nameof(EveryoneButCommissioners))]
    public void Nobody_else_names_the_champion(CycleRole role)
    {
        var cycle = ACycle.New().WithoutChampion().Build();

        var outcome = cycle.SetChampion("champion-2", role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
        Assert.Null(cycle.ChampionUserId);
    }

    [Fact]
    public void A_commissioner_changes_the_sign_off_policy()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.ChangeSignOffPolicy(3, 2, CycleRole.Commissioner, Now);

        Assert.True(outcome.Succeeded);
        Assert.Equal(new SignOffPolicy(3, 2), cycle.SignOffPolicy);
    }

    [Theory]
    [MemberData(nameof(EveryoneButCommissioners))]
    public void Nobody_else_changes_the_sign_off_policy(CycleRole role)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.ChangeSignOffPolicy(3, 2, role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
        Assert.Equal(SignOffPolicy.Default, cycle.SignOffPolicy);
    }

    [Theory]
    [InlineData(0, 1, "policy-minimum-contributions")]
    [InlineData(SignOffPolicy.HighestMinimum + 1, 1, "policy-minimum-contributions")]
    [InlineData(1, 0, "policy-minimum-contributors")]
    [InlineData(1, -5, "policy-minimum-contributors")]
    public void Refuses_a_minimum_outside_the_allowed_range(int contributions, int contributors, string code)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.ChangeSignOffPolicy(contributions, contributors, CycleRole.Commissioner, Now);

        Assert.Equal([code], outcome.BrokenRules.Select(r => r.Code));
        Assert.Equal(SignOffPolicy.Default, cycle.SignOffPolicy);
    }

    [Fact]
    public void Accepts_minimums_at_the_ends_of_the_range()
    {
        var cycle = ACycle.New().Build();

        Assert.True(cycle.ChangeSignOffPolicy(SignOffPolicy.HighestMinimum, SignOffPolicy.LowestMinimum, CycleRole.Commissioner, Now).Succeeded);
    }

    [Fact]
    public void A_policy_cannot_be_built_with_a_minimum_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignOffPolicy(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignOffPolicy(1, 0));
    }
}
