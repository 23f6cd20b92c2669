using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>R2 as a decision is saved: a decision can't contradict itself. And at sign-off, for decisions kept before that.</summary>
public sealed class DecisionRuleTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<DecisionMode> ModesOtherThanCoProduced =>
        [.. Enum.GetValues<DecisionMode>().Where(m => m != DecisionMode.CoProduced)];

    public static TheoryData<CoProductionLadderRung> RungsBelowCoProduction =>
        [.. Enum.GetValues<CoProductionLadderRung>().Where(r => r != CoProductionLadderRung.CoProduction)];

    [Fact]
    public void Is_refused_when_nobody_took_part()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle)).WithoutParticipants());

        Assert.Equal([new Refusal(CycleRules.DecisionNeedsParticipants)], outcome.Refusals);
        Assert.Equal(nameof(Decision.Participants), outcome.Refusals[0].Field);
        Assert.Empty(cycle.StageOf(StageKind.CoDesign).Decisions);
    }

    [Theory]
    [MemberData(nameof(RungsBelowCoProduction))]
    public void Is_refused_when_co_produced_sits_below_the_co_production_rung(CoProductionLadderRung rung)
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle)).OnRung(rung));

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsCoProductionRung)], outcome.Refusals);
        Assert.Equal(nameof(Decision.Rung), outcome.Refusals[0].Field);
    }

    [Theory]
    [MemberData(nameof(ModesOtherThanCoProduced))]
    public void Is_refused_when_a_decision_that_is_not_co_produced_claims_the_co_production_rung(DecisionMode mode)
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = Record(cycle, ADecision.InMode(mode).WithRationale("Set by law.").OnRung(CoProductionLadderRung.CoProduction));

        Assert.Equal([new Refusal(CycleRules.CoProductionRungNeedsCoProducedDecision)], outcome.Refusals);
    }

    [Fact]
    public void Is_refused_when_co_produced_without_anyone_with_lived_experience_taking_part()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var staffOnly = Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle))
            .WithParticipants(new DecisionParticipant(People.Commissioner, CycleRole.Commissioner))
            .WithGroups(new GroupOfPeople(4, Voice.Provider, "staff at the community team")));

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperienceParticipant)], staffOnly.Refusals);
        Assert.Equal(nameof(Decision.Participants), staffOnly.Refusals[0].Field);
    }

    [Fact]
    public void People_without_an_account_can_be_the_lived_experience_that_took_part()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var session = Guid.CreateVersion7();

        var decision = Expect.Success(Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle))
            .WithParticipants(new DecisionParticipant(People.Commissioner, CycleRole.Commissioner))
            .WithGroups(new GroupOfPeople(6, Voice.Carer, "  parents at the Harbourside workshop ", session))));

        var group = Assert.Single(decision.Groups);
        Assert.Equal((6, Voice.Carer, "parents at the Harbourside workshop", (Guid?)session), (group.Count, group.Voice, group.Description, group.SessionId));
        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void A_group_alone_is_who_took_part()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        Expect.Success(Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("The budget was set by the board.")
            .WithoutParticipants().WithGroups(new GroupOfPeople(12, Voice.Community, "residents at the town hall meeting"))));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void Each_group_is_refused_beside_its_own_row()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle)).WithGroups(
            new GroupOfPeople(6, Voice.Carer, "parents"),
            new GroupOfPeople(null, null, " "),
            new GroupOfPeople(0, Voice.LivedExperience, new string('x', GroupOfPeople.DescriptionMaxLength + 1))));

        Assert.Equal(
            [
                ("decision-group-count", "Groups[1].Count"),
                ("decision-group-voice-required", "Groups[1].Voice"),
                ("decision-group-description-required", "Groups[1].Description"),
                ("decision-group-count", "Groups[2].Count"),
                ("decision-group-description-too-long", "Groups[2].Description"),
            ],
            outcome.Refusals.Select(r => (r.Rule.Code, r.Field)));
    }

    [Fact]
    public void Is_refused_when_co_produced_cites_only_provider_input()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().WithAnsweredContributions(Voice.Provider).Build();
        var providerInput = cycle.StageOf(StageKind.CoDesign).Contributions.Single(c => c.Voice == Voice.Provider);

        var outcome = Record(cycle, ADecision.CoProduced().ShapedBy(providerInput));

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience)], outcome.Refusals);
        Assert.Equal(nameof(Decision.Influences), outcome.Refusals[0].Field);
    }

    [Fact]
    public void Is_refused_when_co_produced_cites_nothing()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = Record(cycle, ADecision.CoProduced());

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience)], outcome.Refusals);
    }

    [Fact]
    public void Lets_a_co_produced_decision_citing_lived_experience_input_through()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        Expect.Success(Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle))));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void Lets_a_co_produced_decision_cite_lived_experience_input_from_an_earlier_stage()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var earlierInput = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();
        Expect.Success(Record(cycle, ADecision.CoProduced().ShapedBy(earlierInput)));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Theory]
    [MemberData(nameof(ModesOtherThanCoProduced))]
    public void Is_refused_when_a_decision_that_is_not_co_produced_does_not_say_why(DecisionMode mode)
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = Record(cycle, ADecision.InMode(mode).WithRationale("   "));

        Assert.Equal([new Refusal(CycleRules.DecisionNeedsRationale)], outcome.Refusals);
        Assert.Equal(nameof(Decision.Rationale), outcome.Refusals[0].Field);
    }

    [Theory]
    [MemberData(nameof(ModesOtherThanCoProduced))]
    public void Lets_a_decision_that_is_not_co_produced_through_with_a_rationale(DecisionMode mode)
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        Expect.Success(Record(cycle, ADecision.InMode(mode).WithRationale("The Mental Health Act sets who can detain; it is not ours to change.")));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void Revising_is_checked_the_same_way_and_changes_nothing_when_refused()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var decision = Expect.Success(Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle))));

        var outcome = cycle.ReviseDecision(decision.Id, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle)).OnRung(CoProductionLadderRung.Consultation)
            .Build(), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsCoProductionRung)], outcome.Refusals);
        Assert.Equal(CoProductionLadderRung.CoProduction, decision.Rung);
    }

    [Fact]
    public void Sign_off_still_names_each_decision_kept_before_R2_was_checked_at_save()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var facts = SignOffFacts.Of(cycle, StageKind.CoDesign, People.Commissioner) with
        {
            DecisionsToFix =
            [
                new DecisionFacts(first, HasParticipants: false, DecisionMode.CoProduced, ShapedByLivedExperience: false, HasRationale: false),
                new DecisionFacts(second, HasParticipants: true, DecisionMode.CommissionerLed, ShapedByLivedExperience: false, HasRationale: false),
            ],
        };

        var outcome = cycle.SignOff(StageKind.CoDesign, People.Commissioner, CycleRole.Commissioner, "Preferred model agreed", Now, facts: facts);

        Assert.Equal(
            [
                new Refusal(CycleRules.DecisionNeedsParticipants, first),
                new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience, first),
                new Refusal(CycleRules.DecisionNeedsRationale, second),
            ],
            outcome.Refusals);
        Assert.False(cycle.StageOf(StageKind.CoDesign).IsSignedOff);
    }

    private static Contribution LivedExperienceInput(CommissioningCycle cycle) =>
        cycle.StageOf(StageKind.CoDesign).Contributions.First(c => c.IsLivedExperience);

    private static DomainOutcome<Decision> Record(CommissioningCycle cycle, ADecision decision, StageKind stage = StageKind.CoDesign) =>
        cycle.RecordDecision(stage, decision.Build(), People.Commissioner, CycleRole.Commissioner, Now);

    private static DomainOutcome SignOff(CommissioningCycle cycle) =>
        cycle.SignOff(StageKind.CoDesign, People.Commissioner, CycleRole.Commissioner, "Preferred model agreed", Now);
}
