using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>Where a party's return stands, from only whether it was started, submitted and is being corrected.</summary>
public sealed class ReturnStateTests
{
    private static readonly DateTimeOffset DueDay = new(2026, 7, 31, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_return_nobody_started_is_not_started_until_its_due_day_and_then_overdue()
    {
        var monitoring = Contracted().Monitoring;
        var q1 = monitoring.Q(1).Id;

        Assert.Equal(ReturnState.NotStarted, monitoring.StateOfReturn(q1, Lead, null, InQ1Reporting));
        Assert.Equal(ReturnState.Overdue, monitoring.StateOfReturn(q1, Lead, null, DueDay));
    }

    [Fact]
    public void A_draft_is_a_draft_until_its_due_day_and_then_overdue_like_a_missing_return()
    {
        var monitoring = Contracted().Monitoring;
        var q1 = monitoring.Q(1).Id;
        var draft = new ReturnFacts(IsSubmitted: false, IsBeingCorrected: false);

        Assert.Equal(ReturnState.Draft, monitoring.StateOfReturn(q1, Lead, draft, InQ1Reporting));
        Assert.Equal(ReturnState.Overdue, monitoring.StateOfReturn(q1, Lead, draft, DueDay));
    }

    [Fact]
    public void A_submitted_return_stays_submitted_after_its_due_day_and_a_correction_shows_as_being_corrected()
    {
        var monitoring = Contracted().Monitoring;
        var q1 = monitoring.Q(1).Id;

        Assert.Equal(ReturnState.Submitted, monitoring.StateOfReturn(q1, Lead, new ReturnFacts(true, false), AfterQ1Due));
        Assert.Equal(ReturnState.BeingCorrected, monitoring.StateOfReturn(q1, Lead, new ReturnFacts(true, true), AfterQ1Due));
    }

    [Fact]
    public void A_missing_return_whose_absence_is_explained_is_explained_not_overdue_as_sign_off_counts_it()
    {
        var contracted = Contracted(Alliance);
        var (cycle, monitoring) = contracted;
        var q1 = monitoring.Q(1).Id;
        Expect.Success(monitoring.ExplainMissingReturn(cycle, q1, Lead, "The trust's data system was replaced in June.",
            People.Commissioner, CycleRole.Commissioner, AfterQ1Due));

        Assert.Equal(ReturnState.Explained, monitoring.StateOfReturn(q1, Lead, null, AfterQ1Due));
        Assert.Equal(ReturnState.Overdue, monitoring.StateOfReturn(q1, Member, null, AfterQ1Due));
        Assert.Equal(1, monitoring.ProgressWith([], [], AfterQ1Due).ReturnsMissing);
    }

    [Fact]
    public void A_period_of_another_contract_is_a_programming_error()
    {
        var monitoring = Contracted().Monitoring;
        var elsewhere = Contracted().Monitoring.Q(1).Id;

        Assert.Throws<ArgumentException>(() => monitoring.StateOfReturn(elsewhere, Lead, null, AfterQ1Due));
    }
}
