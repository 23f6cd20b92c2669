using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Domain.Tests.Monitoring.MonitoringSetUp;

namespace CoproCommissioning.Domain.Tests.Monitoring;

public sealed class ProviderReturnTests
{
    [Fact]
    public void A_provider_drafts_and_submits_its_organisations_return_against_every_outcome_and_kpi()
    {
        var contracted = WithKpi();
        var (cycle, monitoring) = contracted;
        var q1 = monitoring.Q(1);
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, q1.Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting));

        Expect.Success(providerReturn.Save(cycle, monitoring, Complete(monitoring), People.Provider, CycleRole.Provider, Lead, InQ1Reporting));
        Assert.False(providerReturn.IsSubmitted);
        Expect.Success(providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, InQ1Reporting.AddHours(1)));

        var submitted = providerReturn.Submitted!;
        Assert.Equal((monitoring.Id, cycle.Id, q1.Id, Lead), (providerReturn.MonitoringId, providerReturn.CycleId, providerReturn.PeriodId, providerReturn.OrganisationId));
        Assert.Equal((1, People.Provider, InQ1Reporting.AddHours(1)), (submitted.Number, submitted.SubmittedByUserId, submitted.SubmittedAt!.Value));
        Assert.Equal(RatingLevel.Good, submitted.RatingFor(ASpecification.CrisisOutcome)!.Rating);
        Assert.Equal(96m, submitted.ValueFor(monitoring.Kpis[0].Id)!.Value);
        Assert.Equal("The peer forum rewrote the out-of-hours leaflet.", submitted.CoProductionEvidence);
        Assert.StartsWith("Forum, 12 June", submitted.ForumMinutes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_keeps_what_was_saved_and_may_leave_things_out()
    {
        var (cycle, monitoring) = WithKpi();
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting));

        Expect.Success(providerReturn.Save(cycle, monitoring, new ReturnDraft(
            new Dictionary<Guid, OutcomeReport> { [StepUpOutcome] = new(RatingLevel.Fair, " Two walking groups started. ") },
            new Dictionary<Guid, KpiReport>(), null, null, null), People.Provider, CycleRole.Provider, Lead, InQ1Reporting));
        Expect.Success(providerReturn.Save(cycle, monitoring, new ReturnDraft(
            new Dictionary<Guid, OutcomeReport> { [ASpecification.CrisisOutcome] = new(null, "Still counting.") },
            new Dictionary<Guid, KpiReport>(), "The forum chose the new opening hours.", null, null), People.Provider, CycleRole.Provider, Lead, InQ1Reporting));

        Assert.Equal((RatingLevel.Fair, "Two walking groups started."),
            (providerReturn.Latest.RatingFor(StepUpOutcome)!.Rating, providerReturn.Latest.RatingFor(StepUpOutcome)!.Evidence));
        Assert.Null(providerReturn.Latest.RatingFor(ASpecification.CrisisOutcome)!.Rating);
        Assert.Equal("The forum chose the new opening hours.", providerReturn.Latest.CoProductionEvidence);
    }

    [Fact]
    public void Submitting_needs_a_rating_and_evidence_for_every_outcome_a_value_for_every_kpi_due_and_co_production_evidence()
    {
        var (cycle, monitoring) = WithKpi();
        var kpi = monitoring.Kpis[0];
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting));
        Expect.Success(providerReturn.Save(cycle, monitoring, new ReturnDraft(
            new Dictionary<Guid, OutcomeReport> { [StepUpOutcome] = new(RatingLevel.Fair, "Two walking groups started.") },
            new Dictionary<Guid, KpiReport> { [kpi.Id] = new(null, "Not counted yet.") }, null, null, null),
            People.Provider, CycleRole.Provider, Lead, InQ1Reporting));

        var outcome = providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, InQ1Reporting);

        Assert.Equal(
        [
            MonitoringRules.RatingRequired(""), MonitoringRules.EvidenceRequired(""), MonitoringRules.KpiValueRequired(""),
            MonitoringRules.CoProductionEvidenceRequired,
        ], outcome.BrokenRules);
        Assert.Equal(
            [$"Rating[{ASpecification.CrisisOutcome}]", $"Evidence[{ASpecification.CrisisOutcome}]", $"Value[{kpi.Id}]", "CoProductionEvidence"],
            outcome.Refusals.Select(r => r.Field));
        Assert.Equal(
        [
            "Choose a rating for \u201CI can get help before I reach crisis\u201D before you submit the return.",
            "Give the evidence for your rating of \u201CI can get help before I reach crisis\u201D: what happened, and how you know.",
            "Enter this period's value for \u201CPeople seen within 4 hours\u201D as a number before you submit the return.",
        ], outcome.Refusals.Take(3).Select(r => r.Rule.Message));
        Assert.False(providerReturn.IsSubmitted);
    }

    [Fact]
    public void A_yearly_kpi_is_not_needed_until_the_period_that_closes_its_year()
    {
        var contracted = Contracted();
        var (cycle, monitoring) = contracted;
        Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Provider, PeerSupportYearly, People.Commissioner, CycleRole.Commissioner, Now));
        var withoutValues = Complete(monitoring) with { Kpis = new Dictionary<Guid, KpiReport>() };
        var q1 = Expect.Success(ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting));
        var q4At = new DateTimeOffset(2027, 4, 10, 9, 0, 0, TimeSpan.Zero);
        var q4 = Expect.Success(ProviderReturn.Start(cycle, monitoring, monitoring.Q(4).Id, Lead, false, People.Provider, CycleRole.Provider, q4At));
        Expect.Success(q1.Save(cycle, monitoring, withoutValues, People.Provider, CycleRole.Provider, Lead, InQ1Reporting));
        Expect.Success(q4.Save(cycle, monitoring, withoutValues, People.Provider, CycleRole.Provider, Lead, q4At));

        Expect.Success(q1.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, InQ1Reporting));
        var yearEnd = q4.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, q4At);

        Assert.Equal([MonitoringRules.KpiValueRequired("")], yearEnd.BrokenRules);
    }

    [Fact]
    public void What_a_return_says_must_be_about_this_contract_and_not_too_long()
    {
        var (cycle, monitoring) = WithKpi();
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting));
        var strange = Guid.CreateVersion7();

        var outcome = providerReturn.Save(cycle, monitoring, new ReturnDraft(
            new Dictionary<Guid, OutcomeReport>
            {
                [strange] = new(RatingLevel.Good, ""),
                [StepUpOutcome] = new(RatingLevel.Good, new string('e', ReturnRevision.EvidenceMaxLength + 1)),
            },
            new Dictionary<Guid, KpiReport>
            {
                [strange] = new(1m, ""),
                [monitoring.Kpis[0].Id] = new(1m, new string('n', ReturnRevision.NoteMaxLength + 1)),
            },
            new string('c', ReturnRevision.CoProductionEvidenceMaxLength + 1),
            new string('m', ReturnRevision.ForumMinutesMaxLength + 1),
            new string('x', ReturnRevision.ExceptionsMaxLength + 1)), People.Provider, CycleRole.Provider, Lead, InQ1Reporting);

        Assert.Equal(
        [
            MonitoringRules.OutcomeNotInContract, MonitoringRules.EvidenceTooLong, MonitoringRules.KpiNotInContract, MonitoringRules.KpiNoteTooLong,
            MonitoringRules.CoProductionEvidenceTooLong, MonitoringRules.ForumMinutesTooLong, MonitoringRules.ExceptionsTooLong,
        ], outcome.BrokenRules);
        Assert.Empty(providerReturn.Latest.Ratings);
    }

    [Fact]
    public void Only_a_provider_of_a_party_to_the_contract_starts_a_return_once_for_a_period_that_has_begun()
    {
        var (cycle, monitoring) = Contracted();

        var champion = ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, false, People.Champion, CycleRole.CoProductionChampion, InQ1Reporting);
        var stranger = ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Stranger, false, "provider-9", CycleRole.Provider, InQ1Reporting);
        var noOrganisation = ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, null, false, People.Provider, CycleRole.Provider, InQ1Reporting);
        var early = ProviderReturn.Start(cycle, monitoring, monitoring.Q(3).Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting);
        var second = ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, true, People.Provider, CycleRole.Provider, InQ1Reporting);

        Assert.Equal([MonitoringRules.ProvidersOnlyReturn], champion.BrokenRules);
        Assert.Equal([MonitoringRules.NotYourContract], stranger.BrokenRules);
        Assert.Equal([MonitoringRules.NotYourContract], noOrganisation.BrokenRules);
        Assert.Equal([MonitoringRules.PeriodNotStarted], early.BrokenRules);
        Assert.Equal([MonitoringRules.OrganisationHasReturn], second.BrokenRules);
    }

    [Fact]
    public void Only_the_returns_own_organisation_writes_it()
    {
        var contracted = Contracted(Alliance);
        var (cycle, monitoring) = contracted;
        var providerReturn = Returned(contracted, monitoring.Q(1), Lead, submit: false, at: InQ1Reporting);

        var otherMember = providerReturn.Save(cycle, monitoring, Complete(monitoring), MemberProvider, CycleRole.Provider, Member, InQ1Reporting);
        var commissioner = providerReturn.Submit(cycle, monitoring, People.Commissioner, CycleRole.Commissioner, null, InQ1Reporting);

        Assert.Equal([MonitoringRules.NotYourReturn], otherMember.BrokenRules);
        Assert.Equal([MonitoringRules.ProvidersOnlyReturn, MonitoringRules.NotYourReturn], commissioner.BrokenRules);
        Assert.True(providerReturn.MayBeWrittenBy(CycleRole.Provider, Lead));
        Assert.False(providerReturn.MayBeWrittenBy(CycleRole.Provider, Member));
        Assert.False(providerReturn.MayBeWrittenBy(CycleRole.Commissioner, Lead));
    }

    [Fact]
    public void A_submitted_return_changes_only_by_a_correction_that_says_why_and_the_earlier_revision_is_kept()
    {
        var contracted = WithKpi();
        var (cycle, monitoring) = contracted;
        var providerReturn = Returned(contracted, monitoring.Q(1), Lead, at: InQ1Reporting);
        var later = InQ1Reporting.AddDays(3);

        var saveSubmitted = providerReturn.Save(cycle, monitoring, Complete(monitoring, RatingLevel.Fair), People.Provider, CycleRole.Provider, Lead, later);
        var submitAgain = providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, later);
        var noReason = providerReturn.StartCorrection(cycle, monitoring, "  ", People.Provider, CycleRole.Provider, Lead, later);
        Expect.Success(providerReturn.StartCorrection(cycle, monitoring, "June's referrals were counted twice.", People.Provider, CycleRole.Provider, Lead, later));
        var secondCorrection = providerReturn.StartCorrection(cycle, monitoring, "Again.", People.Provider, CycleRole.Provider, Lead, later);
        Expect.Success(providerReturn.Save(cycle, monitoring, Complete(monitoring, RatingLevel.Fair), People.Provider, CycleRole.Provider, Lead, later));

        Assert.Equal([MonitoringRules.ReturnSubmitted], saveSubmitted.BrokenRules);
        Assert.Equal([MonitoringRules.ReturnSubmitted], submitAgain.BrokenRules);
        Assert.Equal([MonitoringRules.CorrectionReasonRequired], noReason.BrokenRules);
        Assert.Equal([MonitoringRules.CorrectionStarted], secondCorrection.BrokenRules);
        Assert.True(providerReturn.IsBeingCorrected);
        Assert.Equal((1, RatingLevel.Good), (providerReturn.Submitted!.Number, providerReturn.Submitted.RatingFor(StepUpOutcome)!.Rating));

        Expect.Success(providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, later));

        Assert.Equal([1, 2], providerReturn.Revisions.Select(r => r.Number));
        Assert.Equal((2, "June's referrals were counted twice.", RatingLevel.Fair),
            (providerReturn.Submitted!.Number, providerReturn.Submitted.Reason, providerReturn.Submitted.RatingFor(StepUpOutcome)!.Rating));
        Assert.Equal((RatingLevel.Good, InQ1Reporting), (providerReturn.Revisions[0].RatingFor(StepUpOutcome)!.Rating, providerReturn.Revisions[0].SubmittedAt!.Value));
        Assert.False(providerReturn.IsBeingCorrected);
    }

    [Fact]
    public void A_started_correction_can_be_stopped_and_the_return_stands_as_submitted()
    {
        var contracted = WithKpi();
        var (cycle, monitoring) = contracted;
        var providerReturn = Returned(contracted, monitoring.Q(1), Lead, at: InQ1Reporting);
        var later = InQ1Reporting.AddDays(3);
        var nothingToStop = providerReturn.StopCorrection(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, later);
        Expect.Success(providerReturn.StartCorrection(cycle, monitoring, "June's referrals were counted twice.", People.Provider, CycleRole.Provider, Lead, later));
        Expect.Success(providerReturn.Save(cycle, monitoring, Complete(monitoring, RatingLevel.Poor), People.Provider, CycleRole.Provider, Lead, later));
        var otherMember = providerReturn.StopCorrection(cycle, monitoring, MemberProvider, CycleRole.Provider, Member, later);

        Expect.Success(providerReturn.StopCorrection(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, later));

        Assert.Equal([MonitoringRules.NoCorrectionStarted], nothingToStop.BrokenRules);
        Assert.Equal([MonitoringRules.NotYourReturn], otherMember.BrokenRules);
        Assert.False(providerReturn.IsBeingCorrected);
        Assert.Equal([1], providerReturn.Revisions.Select(r => r.Number));
        Assert.Equal((1, RatingLevel.Good), (providerReturn.Latest.Number, providerReturn.Submitted!.RatingFor(StepUpOutcome)!.Rating));
        Expect.Success(providerReturn.StartCorrection(cycle, monitoring, "Counted twice after all.", People.Provider, CycleRole.Provider, Lead, later));
        Assert.Equal(2, providerReturn.Latest.Number);
    }

    [Fact]
    public void A_corrected_return_still_says_when_it_was_first_submitted()
    {
        var contracted = WithKpi();
        var (cycle, monitoring) = contracted;
        var providerReturn = Returned(contracted, monitoring.Q(1), Lead, at: InQ1Reporting);
        var later = InQ1Reporting.AddDays(40);
        Expect.Success(providerReturn.StartCorrection(cycle, monitoring, "June's referrals were counted twice.", People.Provider, CycleRole.Provider, Lead, later));
        Expect.Success(providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, later));

        Assert.Equal((1, InQ1Reporting), (providerReturn.FirstSubmitted!.Number, providerReturn.FirstSubmitted.SubmittedAt!.Value));
        Assert.Equal(later, providerReturn.Submitted!.SubmittedAt);
        Assert.Null(Returned(contracted, monitoring.Q(2), Lead, submit: false, at: InQ1Reporting).FirstSubmitted);
    }

    [Fact]
    public void A_return_is_submitted_from_its_periods_last_day_and_saved_as_a_draft_before_it()
    {
        var contracted = WithKpi();
        var (cycle, monitoring) = contracted;
        var q1 = monitoring.Q(1);
        var dayBefore = q1.EndsOn.AddDays(-1).ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
        var lastDay = q1.EndsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, q1.Id, Lead, false, People.Provider, CycleRole.Provider, dayBefore));
        Expect.Success(providerReturn.Save(cycle, monitoring, Complete(monitoring), People.Provider, CycleRole.Provider, Lead, dayBefore));

        var early = providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, dayBefore);
        Assert.Equal([MonitoringRules.PeriodNotEnded], early.BrokenRules);
        Assert.False(providerReturn.IsSubmitted);

        Expect.Success(providerReturn.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, Lead, lastDay));
        Assert.True(providerReturn.IsSubmitted);
    }

    [Fact]
    public void A_percentage_kpi_value_outside_0_to_100_is_refused_beside_it_even_in_a_draft()
    {
        var (cycle, monitoring) = WithKpi();
        var kpi = monitoring.Kpis[0];
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, monitoring.Q(1).Id, Lead, false, People.Provider, CycleRole.Provider, InQ1Reporting));
        ReturnDraft With(decimal value) => Complete(monitoring) with { Kpis = new Dictionary<Guid, KpiReport> { [kpi.Id] = new(value, "") } };

        var over = providerReturn.Save(cycle, monitoring, With(250m), People.Provider, CycleRole.Provider, Lead, InQ1Reporting);
        var under = providerReturn.Save(cycle, monitoring, With(-3m), People.Provider, CycleRole.Provider, Lead, InQ1Reporting);
        Expect.Success(providerReturn.Save(cycle, monitoring, With(100m), People.Provider, CycleRole.Provider, Lead, InQ1Reporting));
        Expect.Success(providerReturn.Save(cycle, monitoring, With(0m), People.Provider, CycleRole.Provider, Lead, InQ1Reporting));

        Assert.Equal([MonitoringRules.KpiValueNotAPercentage("")], over.BrokenRules);
        Assert.Equal($"Value[{kpi.Id}]", over.Refusals[0].Field);
        Assert.Equal("Enter \u201CPeople seen within 4 hours\u201D as a percentage from 0 to 100.", over.Refusals[0].Rule.Message);
        Assert.Equal([MonitoringRules.KpiValueNotAPercentage("")], under.BrokenRules);
        Assert.Equal(0m, providerReturn.Latest.ValueFor(kpi.Id)!.Value);
    }

    [Fact]
    public void A_draft_is_not_corrected_it_is_changed()
    {
        var contracted = Contracted();
        var providerReturn = Returned(contracted, contracted.Monitoring.Q(1), Lead, submit: false, at: InQ1Reporting);

        var outcome = providerReturn.StartCorrection(contracted.Cycle, contracted.Monitoring, new string('r', ReturnRevision.ReasonMaxLength + 1),
            People.Provider, CycleRole.Provider, Lead, InQ1Reporting);

        Assert.Equal([MonitoringRules.CorrectOnlySubmitted, MonitoringRules.CorrectionReasonTooLong], outcome.BrokenRules);
    }

    [Fact]
    public void The_commissioning_team_reads_submitted_returns_and_no_other_provider_reads_one()
    {
        var contracted = Contracted(awarded: [Lead, Member], draft: Contract with { LeadOrganisationId = Lead });
        var monitoring = contracted.Monitoring;
        var draft = Returned(contracted, monitoring.Q(1), Lead, submit: false, at: InQ1Reporting);
        var submitted = Returned(contracted, monitoring.Q(1), Member, at: InQ1Reporting);

        Assert.True(draft.MayBeReadBy(monitoring, CycleRole.Provider, Lead));
        Assert.False(draft.MayBeReadBy(monitoring, CycleRole.Commissioner, null));
        Assert.False(draft.MayBeReadBy(monitoring, CycleRole.Provider, Member));
        Assert.True(submitted.MayBeReadBy(monitoring, CycleRole.Commissioner, null));
        Assert.True(submitted.MayBeReadBy(monitoring, CycleRole.CoProductionChampion, null));
        Assert.True(submitted.MayBeReadBy(monitoring, CycleRole.ClinicalAdviser, null));
        Assert.False(submitted.MayBeReadBy(monitoring, CycleRole.PanelMember, null));
        Assert.False(submitted.MayBeReadBy(monitoring, CycleRole.Observer, null));
        Assert.False(submitted.MayBeReadBy(monitoring, CycleRole.Provider, Lead));
        Assert.False(submitted.MayBeReadBy(Contracted().Monitoring, CycleRole.Commissioner, null));
    }

    [Fact]
    public void In_an_alliance_members_read_each_others_submitted_returns_but_not_their_drafts()
    {
        var contracted = Contracted(Alliance);
        var monitoring = contracted.Monitoring;
        var draft = Returned(contracted, monitoring.Q(1), Lead, submit: false, at: InQ1Reporting);
        var submitted = Returned(contracted, monitoring.Q(1), Member, at: InQ1Reporting);

        Assert.True(submitted.MayBeReadBy(monitoring, CycleRole.Provider, Lead));
        Assert.False(draft.MayBeReadBy(monitoring, CycleRole.Provider, Member));
        Assert.False(submitted.MayBeReadBy(monitoring, CycleRole.Provider, Stranger));
    }
}
