using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class ContractTests
{
    [Fact]
    public void The_contract_is_made_from_the_award_with_the_approved_outcome_framework()
    {
        var arranged = Arrange();

        var monitoring = Expect.Success(CycleMonitoring.Start(arranged.Cycle, arranged.Procurement, arranged.Specification, Contract, false,
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal((arranged.Cycle.Id, arranged.Procurement.Id, arranged.Procurement.AwardDecisionId!.Value),
            (monitoring.CycleId, monitoring.ProcurementId, monitoring.AwardDecisionId));
        Assert.Equal((2_400_000m, StartsOn, EndsOn, "Up to 2 further years, one year at a time."),
            (monitoring.Value, monitoring.StartsOn, monitoring.EndsOn, monitoring.ExtensionOptions));
        Assert.Equal([(Lead, PartyRole.LeadProvider)], monitoring.Parties.Select(p => (p.OrganisationId!.Value, p.Role)));
        Assert.Equal(1, monitoring.SpecificationVersionNumber);
        Assert.Equal(["I can get help before I reach crisis", "I have things to do that I enjoy"], monitoring.Outcomes.Select(o => o.Statement));
        Assert.Equal([ASpecification.CrisisOutcome, StepUpOutcome], monitoring.Outcomes.Select(o => o.OutcomeId));
        Assert.Equal(OutcomeDomain.CommunityParticipationAndLeisure, monitoring.FindOutcome(StepUpOutcome)!.Domain);
        Assert.Equal(ASpecification.Levels, monitoring.FindOutcome(StepUpOutcome)!.Levels);
    }

    [Fact]
    public void Reporting_is_quarterly_by_default_with_returns_due_at_the_end_of_the_month_after_each_quarter()
    {
        var monitoring = Contracted().Monitoring;

        Assert.Equal(ReportingFrequency.Quarterly, monitoring.Frequency);
        Assert.Equal(8, monitoring.Periods.Count);
        Assert.Equal((1, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 31)),
            (monitoring.Q(1).Number, monitoring.Q(1).StartsOn, monitoring.Q(1).EndsOn, monitoring.Q(1).DueOn));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 31)),
            (monitoring.Q(3).StartsOn, monitoring.Q(3).EndsOn, monitoring.Q(3).DueOn));
        Assert.Equal((new DateOnly(2028, 1, 1), EndsOn, new DateOnly(2028, 4, 30)), (monitoring.Q(8).StartsOn, monitoring.Q(8).EndsOn, monitoring.Q(8).DueOn));
    }

    [Fact]
    public void The_periods_still_to_come_are_those_whose_last_day_has_not_come()
    {
        var monitoring = Contracted().Monitoring;

        var inQ1 = monitoring.PeriodsStillToCome(new DateTimeOffset(2026, 6, 29, 12, 0, 0, TimeSpan.Zero));
        var onQ1sLastDay = monitoring.PeriodsStillToCome(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero));
        var afterTheEnd = monitoring.PeriodsStillToCome(new DateTimeOffset(2028, 3, 31, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], inQ1.Select(p => p.Number));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], onQ1sLastDay.Select(p => p.Number));
        Assert.Empty(afterTheEnd);
    }

    [Fact]
    public void Another_frequency_can_be_chosen_and_the_last_period_ends_with_the_contract()
    {
        var monitoring = Contracted(draft: Contract with { EndsOn = new DateOnly(2027, 1, 15), Frequency = ReportingFrequency.HalfYearly }).Monitoring;

        Assert.Equal(
            [(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30)), (new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 15))],
            monitoring.Periods.Select(p => (p.StartsOn, p.EndsOn)));
    }

    [Fact]
    public void In_an_alliance_every_member_and_the_commissioner_are_parties_and_every_member_reports()
    {
        var monitoring = Contracted(Alliance).Monitoring;

        Assert.True(monitoring.IsAlliance);
        Assert.Equal(
            [(Lead, PartyRole.AllianceMember), (Member, PartyRole.AllianceMember), (null, PartyRole.Commissioner)],
            monitoring.Parties.Select(p => (p.OrganisationId, p.Role)));
        Assert.Equal([Lead, Member], monitoring.ReturningOrganisationIds);
        Assert.Null(monitoring.LeadOrganisationId);
    }

    [Fact]
    public void The_contract_needs_an_award_and_an_approved_specification()
    {
        var arranged = Arrange();

        var outcome = CycleMonitoring.Start(arranged.Cycle, null, null, Contract, false, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([MonitoringRules.AwardRequired, MonitoringRules.SpecificationNotApproved], outcome.BrokenRules);
    }

    [Fact]
    public void The_value_and_dates_are_checked_each_beside_its_field()
    {
        var arranged = Arrange();

        var blank = Start(arranged, new ContractDraft(null, null, null, null));
        var wrong = Start(arranged, new ContractDraft(0m, StartsOn, StartsOn, new string('x', CycleMonitoring.ExtensionOptionsMaxLength + 1)));
        var tooLong = Start(arranged, Contract with { Value = 1.005m, EndsOn = StartsOn.AddYears(CycleMonitoring.LongestContractYears + 1) });

        Assert.Equal([MonitoringRules.ValueRequired, MonitoringRules.StartsOnRequired, MonitoringRules.EndsOnRequired], blank.BrokenRules);
        Assert.Equal(["Value", "StartsOn", "EndsOn"], blank.Refusals.Select(r => r.Field));
        Assert.Equal([MonitoringRules.ValueNotValid, MonitoringRules.EndsBeforeStart, MonitoringRules.ExtensionOptionsTooLong], wrong.BrokenRules);
        Assert.Equal([MonitoringRules.ValueNotValid, MonitoringRules.ContractTooLong], tooLong.BrokenRules);
    }

    [Fact]
    public void When_the_award_names_several_providers_the_lead_is_one_of_them_and_the_others_are_partners()
    {
        var twoProviders = Arrange(awarded: [Lead, Member]);

        var none = Start(twoProviders, Contract);
        var stranger = Start(twoProviders, Contract with { LeadOrganisationId = Stranger });
        var monitoring = Expect.Success(Start(twoProviders, Contract with { LeadOrganisationId = Member }));

        Assert.Equal([MonitoringRules.LeadRequired], none.BrokenRules);
        Assert.Equal([MonitoringRules.LeadNotAwarded], stranger.BrokenRules);
        Assert.Equal([(Member, PartyRole.LeadProvider), (Lead, PartyRole.Partner)], monitoring.Parties.Select(p => (p.OrganisationId!.Value, p.Role)));
        Assert.Equal([Member, Lead], monitoring.ReturningOrganisationIds);
    }

    [Fact]
    public void Only_a_commissioner_makes_the_contract_once_monitoring_is_open_and_only_once()
    {
        var arranged = Arrange();
        var early = ACycle.AtStage(StageKind.Procurement).Build();

        var champion = CycleMonitoring.Start(arranged.Cycle, arranged.Procurement, arranged.Specification, Contract, false,
            People.Champion, CycleRole.CoProductionChampion, Now);
        var again = Start(arranged, Contract, cycleHasContract: true);
        var notOpen = CycleMonitoring.Start(early, null, null, Contract, false, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Equal([MonitoringRules.ContractAlreadyMade], again.BrokenRules);
        Assert.Contains(CycleRules.StageNotOpen, notOpen.BrokenRules);
    }

    [Fact]
    public void A_signed_off_monitoring_stage_refuses_changes_to_the_contract()
    {
        var (cycle, monitoring) = Contracted();
        var input = Expect.Success(cycle.AddContribution(StageKind.Monitoring, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience,
            Channel.Online, ContributionVisibility.Everyone, "Early help is slow", "", Now));
        Expect.Success(cycle.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We raised it.", Now));
        Expect.Success(cycle.SignOff(StageKind.Monitoring, People.Commissioner, CycleRole.Commissioner, "Done", Now, stageConditions: []));

        var outcome = monitoring.AddKpi(cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now.AddHours(1));

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void Extending_the_contract_adds_periods_and_keeps_the_ones_already_there()
    {
        var (cycle, monitoring) = Contracted();
        var firstQuarter = monitoring.Q(1).Id;

        Expect.Success(monitoring.ChangeTerms(cycle, new ContractTerms(3_600_000m, new DateOnly(2029, 3, 31), "1 further year."),
            People.Commissioner, CycleRole.Commissioner, InQ1Reporting));

        Assert.Equal((3_600_000m, new DateOnly(2029, 3, 31), "1 further year."), (monitoring.Value, monitoring.EndsOn, monitoring.ExtensionOptions));
        Assert.Equal(12, monitoring.Periods.Count);
        Assert.Equal(firstQuarter, monitoring.Q(1).Id);
        Assert.Equal(new DateOnly(2029, 3, 31), monitoring.Q(12).EndsOn);
    }

    [Fact]
    public void The_contract_cannot_end_inside_or_before_a_period_that_has_started()
    {
        var (cycle, monitoring) = Contracted();

        var cut = monitoring.ChangeTerms(cycle, new ContractTerms(1m, new DateOnly(2026, 8, 15), ""), People.Commissioner, CycleRole.Commissioner, InQ1Reporting);
        Expect.Success(monitoring.ChangeTerms(cycle, new ContractTerms(1m, new DateOnly(2026, 9, 30), ""), People.Commissioner, CycleRole.Commissioner, InQ1Reporting));

        Assert.Equal([MonitoringRules.EndsInStartedPeriod], cut.BrokenRules);
        Assert.Equal(2, monitoring.Periods.Count);
    }

    private static DomainOutcome<CycleMonitoring> Start(Arranged arranged, ContractDraft draft, bool cycleHasContract = false) =>
        CycleMonitoring.Start(arranged.Cycle, arranged.Procurement, arranged.Specification, draft, cycleHasContract,
            People.Commissioner, CycleRole.Commissioner, Now);
}
