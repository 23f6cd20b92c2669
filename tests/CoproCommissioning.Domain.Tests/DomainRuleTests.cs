using System.Reflection;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests;

public sealed class DomainRuleTests
{
    private static readonly DomainRule[] AllCycleRules =
    [
        .. typeof(CycleRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DomainRule))
            .Select(f => (DomainRule)f.GetValue(null)!),
    ];

    [Fact]
    public void Rules_are_the_same_rule_when_their_codes_match()
    {
        Assert.Equal(CycleRules.LivedExperienceInputRequired, CycleRules.LivedExperienceInputRequiredFor(4));
        Assert.Equal(CycleRules.LivedExperienceInputRequired.GetHashCode(), CycleRules.LivedExperienceInputRequiredFor(4).GetHashCode());
        Assert.NotEqual(CycleRules.LivedExperienceInputRequired, CycleRules.DistinctContributorsRequired);
    }

    [Fact]
    public void Refusals_about_different_things_are_different()
    {
        var rule = CycleRules.DecisionNeedsParticipants;

        Assert.NotEqual(new Refusal(rule, Guid.CreateVersion7()), new Refusal(rule, Guid.CreateVersion7()));
    }

    [Fact]
    public void Every_cycle_rule_has_its_own_code()
    {
        Assert.True(AllCycleRules.Length > 40);
        Assert.Equal(AllCycleRules.Length, AllCycleRules.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_cycle_rule_says_how_to_fix_it_in_a_sentence()
    {
        Assert.All(AllCycleRules, rule =>
        {
            Assert.Matches("^(R[1-6]\\.)?[a-z]+(-[a-z]+)*$", rule.Code);
            Assert.True(char.IsUpper(rule.Message[0]), rule.Code);
            Assert.EndsWith(".", rule.Message, StringComparison.Ordinal);
        });
    }
}
