using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class KpiTests
{
    [Fact]
    public void A_commissioner_adds_kpis_and_its_own_commitments_which_are_listed_apart()
    {
        var (cycle, monitoring) = Contracted();

        var kpi = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now));
        var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, ReferralDataShared, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([kpi], monitoring.Kpis);
        Assert.Equal([commitment], monitoring.Commitments);
        Assert.Equal(("People seen within 4 hours", 95m, "%", KpiDirection.AtLeast, ReportingFrequency.Quarterly, "The provider's case records."),
            (kpi.Name, kpi.Target, kpi.Unit, kpi.Direction, kpi.Frequency, kpi.DataSource));
        Assert.True(kpi.Meets(95m));
        Assert.False(kpi.Meets(94.9m));
        Assert.True(commitment.Meets(10m));
        Assert.False(commitment.Meets(11m));
    }

    [Fact]
    public void Every_part_of_a_kpi_is_checked_beside_its_field()
    {
        var (cycle, monitoring) = Contracted();

        var blank = monitoring.AddKpi(cycle, KpiOwner.Provider, new KpiDraft(" ", null, null, null, null, null, ""), People.Commissioner, CycleRole.Commissioner, Now);
        var tooLong = monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours with
        {
            Name = new string('n', Kpi.NameMaxLength + 1),
            Definition = new string('d', Kpi.DefinitionMaxLength + 1),
            Target = 0.001m,
            Unit = new string('u', Kpi.UnitMaxLength + 1),
            DataSource = new string('s', Kpi.DataSourceMaxLength + 1),
        }, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
        [
            MonitoringRules.KpiNameRequired, MonitoringRules.KpiDefinitionRequired, MonitoringRules.KpiTargetRequired,
            MonitoringRules.KpiDirectionRequired, MonitoringRules.KpiFrequencyRequired, MonitoringRules.KpiDataSourceRequired,
        ], blank.BrokenRules);
        Assert.Equal(["Name", "Definition", "Target", "Direction", "Frequency", "DataSource"], blank.Refusals.Select(r => r.Field));
        Assert.Equal(
        [
            MonitoringRules.KpiNameTooLong, MonitoringRules.KpiDefinitionTooLong, MonitoringRules.KpiTargetRequired,
            MonitoringRules.KpiUnitTooLong, MonitoringRules.KpiDataSourceTooLong,
        ], tooLong.BrokenRules);
        Assert.Empty(monitoring.Kpis);
    }

    [Fact]
    public void Only_a_commissioner_sets_kpis()
    {
        var (cycle, monitoring) = Contracted();

        var provider = monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Provider, CycleRole.Provider, Now);

        Assert.Equal([CycleRules.CommissionerOnly], provider.BrokenRules);
    }

    [Fact]
    public void A_kpi_can_be_changed_and_removed_until_something_is_reported_on_it()
    {
        var (cycle, monitoring) = Contracted();
        var kpi = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now));
        var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, ReferralDataShared, People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(monitoring.RecordCommitmentResult(cycle, monitoring.Q(1).Id, commitment.Id, 8m, "Shared on the 8th.", People.Commissioner,
            CycleRole.Commissioner, InQ1Reporting));

        Expect.Success(monitoring.ChangeKpi(cycle, kpi.Id, SeenWithin4Hours with { Target = 90m }, People.Commissioner, CycleRole.Commissioner, Now));
        var reportedInReturn = monitoring.RemoveKpi(cycle, kpi.Id, true, People.Commissioner, CycleRole.Commissioner, Now);
        var reportedByCommissioner = monitoring.RemoveKpi(cycle, commitment.Id, false, People.Commissioner, CycleRole.Commissioner, InQ1Reporting);
        var unknown = monitoring.ChangeKpi(cycle, Guid.CreateVersion7(), SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(90m, kpi.Target);
        Assert.Equal([MonitoringRules.KpiReported], reportedInReturn.BrokenRules);
        Assert.Equal([MonitoringRules.KpiReported], reportedByCommissioner.BrokenRules);
        Assert.Equal([MonitoringRules.KpiNotFound], unknown.BrokenRules);
        Expect.Success(monitoring.RemoveKpi(cycle, kpi.Id, false, People.Commissioner, CycleRole.Commissioner, Now));
        Assert.Empty(monitoring.Kpis);
    }

    [Fact]
    public void A_Procurement_Act_contract_over_5_million_with_fewer_than_three_kpis_is_warned_about_not_refused()
    {
        var (cycle, monitoring) = Contracted(ProcurementAct, Contract with { Value = 5_000_000.01m });
        var small = Contracted(ProcurementAct, Contract with { Value = 5_000_000m }).Monitoring;
        var psr = Contracted(draft: Contract with { Value = 9_000_000m }).Monitoring;

        Assert.Equal([MonitoringRules.FewerThanThreeKpis], monitoring.Warnings);
        Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, PeerSupportYearly, People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, ReferralDataShared, People.Commissioner, CycleRole.Commissioner, Now));
        Assert.Equal([MonitoringRules.FewerThanThreeKpis], monitoring.Warnings);
        Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours with { Name = "Crisis plans shared" }, People.Commissioner,
            CycleRole.Commissioner, Now));
        Assert.Empty(monitoring.Warnings);
        Assert.Empty(small.Warnings);
        Assert.Empty(psr.Warnings);
    }

    [Fact]
    public void A_kpi_is_reported_in_the_periods_that_close_its_own_intervals_and_in_the_last()
    {
        var (cycle, monitoring) = Contracted();
        var quarterly = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now));
        var yearly = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, PeerSupportYearly, People.Commissioner, CycleRole.Commissioner, Now));
        var monthly = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours with { Frequency = ReportingFrequency.Monthly },
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], monitoring.Periods.Where(p => quarterly.IsReportedIn(p, StartsOn, EndsOn)).Select(p => p.Number));
        Assert.Equal([4, 8], monitoring.Periods.Where(p => yearly.IsReportedIn(p, StartsOn, EndsOn)).Select(p => p.Number));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], monitoring.Periods.Where(p => monthly.IsReportedIn(p, StartsOn, EndsOn)).Select(p => p.Number));
        Assert.Equal([quarterly, monthly], monitoring.KpisReportedIn(monitoring.Q(1)));
    }

    [Fact]
    public void The_commissioner_records_results_on_its_commitments_for_periods_that_have_started()
    {
        var (cycle, monitoring) = Contracted();
        var kpi = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now));
        var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, ReferralDataShared, People.Commissioner, CycleRole.Commissioner, Now));

        Expect.Success(monitoring.RecordCommitmentResult(cycle, monitoring.Q(1).Id, commitment.Id, 12m, "", People.Commissioner, CycleRole.Commissioner, InQ1Reporting));
        Expect.Success(monitoring.RecordCommitmentResult(cycle, monitoring.Q(1).Id, commitment.Id, 9m, " Late in April only. ", People.Commissioner,
            CycleRole.Commissioner, InQ1Reporting));
        var notStarted = monitoring.RecordCommitmentResult(cycle, monitoring.Q(3).Id, commitment.Id, 9m, "", People.Commissioner, CycleRole.Commissioner, InQ1Reporting);
        var providersKpi = monitoring.RecordCommitmentResult(cycle, monitoring.Q(1).Id, kpi.Id, null, new string('x', CommitmentResult.NoteMaxLength + 1),
            People.Commissioner, CycleRole.Commissioner, InQ1Reporting);
        var unknownPeriod = monitoring.RecordCommitmentResult(cycle, Guid.CreateVersion7(), commitment.Id, 9m, "", People.Commissioner, CycleRole.Commissioner, InQ1Reporting);

        Assert.Equal((9m, "Late in April only."), (monitoring.ResultFor(monitoring.Q(1).Id, commitment.Id)!.Value, monitoring.ResultFor(monitoring.Q(1).Id, commitment.Id)!.Note));
        Assert.Single(monitoring.CommitmentResults);
        Assert.Equal([MonitoringRules.PeriodNotStarted], notStarted.BrokenRules);
        Assert.Equal([MonitoringRules.CommitmentNotFound, MonitoringRules.ResultValueRequired, MonitoringRules.ResultNoteTooLong], providersKpi.BrokenRules);
        Assert.Equal([MonitoringRules.PeriodNotFound], unknownPeriod.BrokenRules);
    }

    [Fact]
    public void A_percentage_kpis_target_and_a_percentage_commitments_results_lie_from_0_to_100()
    {
        var (cycle, monitoring) = Contracted();
        var percentCommitment = ReferralDataShared with { Name = "Referrals shared on time", Unit = " Per cent ", Target = 90m };

        var over = monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours with { Target = 250m }, People.Commissioner, CycleRole.Commissioner, Now);
        var under = monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours with { Target = -3m }, People.Commissioner, CycleRole.Commissioner, Now);
        var count = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours with { Unit = "people", Target = 250m },
            People.Commissioner, CycleRole.Commissioner, Now));
        var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, percentCommitment, People.Commissioner, CycleRole.Commissioner, Now));
        var tooMuch = monitoring.RecordCommitmentResult(cycle, monitoring.Q(1).Id, commitment.Id, 100.5m, "", People.Commissioner, CycleRole.Commissioner, InQ1Reporting);
        Expect.Success(monitoring.RecordCommitmentResult(cycle, monitoring.Q(1).Id, commitment.Id, 100m, "", People.Commissioner, CycleRole.Commissioner, InQ1Reporting));

        Assert.Equal([MonitoringRules.KpiTargetNotAPercentage], over.BrokenRules);
        Assert.Equal("Target", over.Refusals[0].Field);
        Assert.Equal([MonitoringRules.KpiTargetNotAPercentage], under.BrokenRules);
        Assert.False(count.IsPercentage);
        Assert.True(commitment.IsPercentage);
        Assert.Equal([MonitoringRules.ResultNotAPercentage], tooMuch.BrokenRules);
        Assert.Equal("Value", tooMuch.Refusals[0].Field);
        Assert.Equal(100m, monitoring.ResultFor(monitoring.Q(1).Id, commitment.Id)!.Value);
    }
}
