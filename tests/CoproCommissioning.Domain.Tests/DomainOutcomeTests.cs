using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests;

public sealed class DomainOutcomeTests
{
    [Fact]
    public void A_refusal_names_at_least_one_rule()
    {
        Assert.Throws<ArgumentException>(() => DomainOutcome.Refused([]));
        Assert.Throws<ArgumentException>(() => DomainOutcome.Refused<string>([]));
    }

    [Fact]
    public void A_refused_outcome_has_no_value()
    {
        var outcome = DomainOutcome.Refused<string>([new Refusal(CycleRules.StatementRequired)]);

        Assert.False(outcome.Succeeded);
        Assert.Throws<InvalidOperationException>(() => outcome.Value);
    }

    [Fact]
    public void A_successful_outcome_carries_its_value_and_no_refusals()
    {
        var outcome = DomainOutcome.Success("created");

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Refusals);
        Assert.Equal("created", outcome.Value);
    }
}
