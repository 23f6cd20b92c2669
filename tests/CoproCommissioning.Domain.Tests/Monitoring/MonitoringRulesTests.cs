using System.Reflection;
using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class MonitoringRulesTests
{
    private static readonly DomainRule[] AllRules =
    [
        .. typeof(MonitoringRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DomainRule))
            .Select(f => (DomainRule)f.GetValue(null)!),
        MonitoringRules.ReturnsMissing(3),
    ];

    [Fact]
    public void Every_monitoring_rule_has_its_own_code()
    {
        Assert.True(AllRules.Length > 80);
        Assert.Equal(AllRules.Length, AllRules.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_monitoring_rule_says_how_to_fix_it_in_a_sentence()
    {
        Assert.All(AllRules, rule =>
        {
            Assert.Matches("^mon(-[a-z0-9]+)+$", rule.Code);
            // A count may start the sentence: "2 returns that are due have not been submitted."
            Assert.True(char.IsUpper(rule.Message[0]) || char.IsDigit(rule.Message[0]), rule.Code);
            Assert.EndsWith(".", rule.Message, StringComparison.Ordinal);
        });
    }
}
