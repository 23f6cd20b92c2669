using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>Recording and revising decisions. What blocks sign-off is in <see cref="DecisionRuleTests"/>.</summary>
public sealed class DecisionTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole> RolesThatMayNotDecide =>
        [.. People.RolesOtherThan(CycleRole.Commissioner, CycleRole.ClinicalAdviser)];

    [Fact]
    public void Records_what_was_decided_who_took_part_and_what_shaped_it()
    {
        var cycle = ACycle.New().WithAnsweredContributions(Voice.LivedExperience).Build();
        var input = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();
        var details = ADecision.CoProduced()
            .WithTitle("  Priority needs ")
            .ShapedBy(input.Id, "It made crisis support the first priority.")
            .Build();

        var outcome = cycle.RecordDecision(StageKind.NeedsAssessment, details, People.Commissioner, CycleRole.Commissioner, Now);

        var decision = Assert.Single(cycle.StageOf(StageKind.NeedsAssessment).Decisions);
        Assert.Same(decision, outcome.Value);
        Assert.Equal(StageKind.NeedsAssessment, decision.StageKind);
        Assert.Equal("Priority needs", decision.Title);
        Assert.Equal(details.WhatWasDecided, decision.WhatWasDecided);
        Assert.Equal(DecisionMode.CoProduced, decision.Mode);
        Assert.Equal(CoProductionLadderRung.CoProduction, decision.Rung);
        Assert.Equal(details.DecidedAt, decision.DecidedAt);
        Assert.Equal(People.Commissioner, decision.RecordedByUserId);
        Assert.Equal(Now, decision.RecordedAt);
        Assert.Null(decision.LastRevisedAt);
        Assert.Equal(
            [(People.Commissioner, CycleRole.Commissioner), (People.PanelMember(1), CycleRole.PanelMember)],
            decision.Participants.Select(p => (p.UserId, p.Role)));
        var influence = Assert.Single(decision.Influences);
        Assert.Equal(input.Id, influence.ContributionId);
        Assert.Equal("It made crisis support the first priority.", influence.Note);
        Assert.Same(decision, cycle.FindDecision(decision.Id));
    }

    [Fact]
    public void Is_refused_without_a_title_or_what_was_decided()
    {
        var cycle = ACycle.New().Build();

        var outcome = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget").WithTitle(" ").WithWhatWasDecided(null));

        Assert.Equal([CycleRules.DecisionTitleRequired, CycleRules.WhatWasDecidedRequired], outcome.BrokenRules);
        Assert.Equal("Enter what you decided.", outcome.Refusals[1].Rule.Message);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public void Is_refused_with_text_longer_than_the_limits()
    {
        var cycle = ACycle.New().Build();

        var outcome = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed)
            .WithTitle(new string('a', Decision.TitleMaxLength + 1))
            .WithWhatWasDecided(new string('a', Decision.WhatWasDecidedMaxLength + 1))
            .WithRationale(new string('a', Decision.RationaleMaxLength + 1)));

        Assert.Equal(
            [CycleRules.DecisionTitleTooLong, CycleRules.WhatWasDecidedTooLong, CycleRules.DecisionRationaleTooLong],
            outcome.BrokenRules);
    }

    [Fact]
    public void Accepts_text_at_the_limits()
    {
        var cycle = ACycle.New().Build();

        var outcome = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed)
            .WithTitle(new string('a', Decision.TitleMaxLength))
            .WithWhatWasDecided(new string('a', Decision.WhatWasDecidedMaxLength))
            .WithRationale(new string('a', Decision.RationaleMaxLength)));

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void Is_refused_when_it_does_not_say_how_a_contribution_shaped_it()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience, Voice.Carer).Build();
        var (first, second) = (cycle.Stages[0].Contributions[0], cycle.Stages[0].Contributions[1]);

        var outcome = Record(cycle, ADecision.CoProduced()
            .ShapedBy(first.Id, "  ")
            .ShapedBy(second.Id, new string('a', DecisionInfluence.NoteMaxLength + 1)));

        Assert.Equal(
            [Refusal.ForItem(CycleRules.InfluenceNoteRequired, first.Id), Refusal.ForItem(CycleRules.InfluenceNoteTooLong, second.Id)],
            outcome.Refusals);
    }

    [Fact]
    public void Is_refused_with_a_decision_date_in_the_future()
    {
        var cycle = ACycle.New().Build();

        var future = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget").DecidedAt(Now.AddMinutes(1)));
        var present = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget").DecidedAt(Now));

        Assert.Equal([CycleRules.DecisionDateInFuture], future.BrokenRules);
        Assert.True(present.Succeeded);
    }

    [Fact]
    public void Lets_a_clinical_adviser_record_a_clinically_led_decision_only()
    {
        var cycle = ACycle.New().Build();

        var clinical = cycle.RecordDecision(
            StageKind.NeedsAssessment, ADecision.InMode(DecisionMode.ClinicallyLed).WithRationale("Clinical safety").Build(),
            People.ClinicalAdviser, CycleRole.ClinicalAdviser, Now);
        var coProduced = cycle.RecordDecision(
            StageKind.NeedsAssessment, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget").Build(),
            People.ClinicalAdviser, CycleRole.ClinicalAdviser, Now);

        Assert.True(clinical.Succeeded);
        Assert.Equal([CycleRules.DecisionRole], coProduced.BrokenRules);
    }

    [Theory]
    [MemberData(nameof(RolesThatMayNotDecide))]
    public void Is_refused_from_anyone_but_commissioners_and_clinical_advisers(CycleRole role)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.RecordDecision(
            StageKind.NeedsAssessment, ADecision.InMode(DecisionMode.ClinicallyLed).WithRationale("Why").Build(), "someone-1", role, Now);

        Assert.Equal([CycleRules.DecisionRole], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public void Is_refused_in_a_signed_off_stage()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var outcome = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget"));

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void Revising_replaces_the_details_and_records_who_revised_it()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience).Build();
        var input = cycle.Stages[0].Contributions[0];
        var decision = Expect.Success(Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget")));

        var outcome = cycle.ReviseDecision(
            decision.Id,
            ADecision.CoProduced().ShapedBy(input).WithParticipants(new DecisionParticipant(People.PanelMember(4), CycleRole.PanelMember)).Build(),
            People.Commissioner,
            CycleRole.Commissioner,
            Now.AddHours(1));

        Assert.Same(decision, outcome.Value);
        Assert.Equal(DecisionMode.CoProduced, decision.Mode);
        Assert.Equal("", decision.Rationale);
        Assert.Equal([People.PanelMember(4)], decision.Participants.Select(p => p.UserId));
        Assert.Equal([input.Id], decision.Influences.Select(i => i.ContributionId));
        Assert.Equal(People.Commissioner, decision.LastRevisedByUserId);
        Assert.Equal(Now.AddHours(1), decision.LastRevisedAt);
        Assert.Equal(Now, decision.RecordedAt);
    }

    [Fact]
    public void Revising_is_refused_when_invalid_and_changes_nothing()
    {
        var cycle = ACycle.New().Build();
        var decision = Expect.Success(Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget")));

        var outcome = cycle.ReviseDecision(
            decision.Id, ADecision.CoProduced().WithTitle("").WithoutParticipants().Build(), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [CycleRules.DecisionTitleRequired, CycleRules.DecisionNeedsParticipants, CycleRules.CoProducedDecisionNeedsLivedExperience],
            outcome.BrokenRules);
        Assert.Equal("Preferred model", decision.Title);
        Assert.Equal(DecisionMode.CommissionerLed, decision.Mode);
        Assert.Equal(2, decision.Participants.Count);
        Assert.Null(decision.LastRevisedAt);
    }

    [Fact]
    public void Revising_is_refused_to_a_clinical_adviser_for_a_decision_that_is_not_clinically_led()
    {
        var cycle = ACycle.New().Build();
        var decision = Expect.Success(Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget")));

        var outcome = cycle.ReviseDecision(
            decision.Id, ADecision.InMode(DecisionMode.ClinicallyLed).WithRationale("Clinical").Build(),
            People.ClinicalAdviser, CycleRole.ClinicalAdviser, Now);

        Assert.Equal([CycleRules.DecisionRole], outcome.BrokenRules);
        Assert.Equal(DecisionMode.CommissionerLed, decision.Mode);
    }

    [Fact]
    public void Revising_is_refused_in_a_signed_off_stage()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();
        var decision = Expect.Success(Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget")));
        Expect.Success(cycle.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed", Now));

        var outcome = cycle.ReviseDecision(
            decision.Id, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Changed").Build(),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
        Assert.Equal("Budget", decision.Rationale);
    }

    [Fact]
    public void Throws_when_it_cites_a_contribution_from_another_cycle()
    {
        var cycle = ACycle.New().Build();
        var elsewhere = ACycle.New().WithContributions(Voice.LivedExperience).Build().Stages[0].Contributions[0];

        Assert.Throws<ArgumentException>(() => Record(cycle, ADecision.CoProduced().ShapedBy(elsewhere)));
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public void Throws_when_someone_takes_part_twice()
    {
        var cycle = ACycle.New().Build();
        var twice = ADecision.CoProduced().WithParticipants(
            new DecisionParticipant(People.PanelMember(1), CycleRole.PanelMember),
            new DecisionParticipant(People.PanelMember(1), CycleRole.PanelMember));

        Assert.Throws<ArgumentException>(() => Record(cycle, twice));
    }

    [Fact]
    public void Throws_when_revising_a_decision_that_is_not_in_the_cycle()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentException>(() => cycle.ReviseDecision(
            Guid.CreateVersion7(), ADecision.CoProduced().Build(), People.Commissioner, CycleRole.Commissioner, Now));
    }

    [Fact]
    public void Throws_for_a_decision_time_that_is_not_utc()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentException>(() => Record(cycle, ADecision.CoProduced().DecidedAt(Moments.NotUtc)));
    }

    private static DomainOutcome<Decision> Record(CommissioningCycle cycle, ADecision decision) =>
        cycle.RecordDecision(StageKind.NeedsAssessment, decision.Build(), People.Commissioner, CycleRole.Commissioner, Now);
}
