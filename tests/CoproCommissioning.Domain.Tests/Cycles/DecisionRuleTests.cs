using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>R2, checked when a stage is signed off.</summary>
public sealed class DecisionRuleTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<DecisionMode> ModesOtherThanCoProduced =>
        [.. Enum.GetValues<DecisionMode>().Where(m => m != DecisionMode.CoProduced)];

    [Fact]
    public void Blocks_sign_off_while_a_decision_has_no_participants()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var input = LivedExperienceInput(cycle);
        var decision = Record(cycle, ADecision.CoProduced().ShapedBy(input).WithoutParticipants());

        var outcome = SignOff(cycle);

        Assert.Equal([new Refusal(CycleRules.DecisionNeedsParticipants, decision.Id)], outcome.Refusals);
        Assert.False(cycle.StageOf(StageKind.CoDesign).IsSignedOff);
    }

    [Fact]
    public void Blocks_sign_off_while_a_co_produced_decision_cites_only_provider_input()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().WithAnsweredContributions(Voice.Provider).Build();
        var providerInput = cycle.StageOf(StageKind.CoDesign).Contributions.Single(c => c.Voice == Voice.Provider);
        var decision = Record(cycle, ADecision.CoProduced().ShapedBy(providerInput));

        var outcome = SignOff(cycle);

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience, decision.Id)], outcome.Refusals);
    }

    [Fact]
    public void Blocks_sign_off_while_a_co_produced_decision_cites_nothing()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var decision = Record(cycle, ADecision.CoProduced());

        var outcome = SignOff(cycle);

        Assert.Equal([new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience, decision.Id)], outcome.Refusals);
    }

    [Fact]
    public void Lets_a_co_produced_decision_citing_lived_experience_input_through()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle)));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void Lets_a_co_produced_decision_cite_lived_experience_input_from_an_earlier_stage()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var earlierInput = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();
        Record(cycle, ADecision.CoProduced().ShapedBy(earlierInput));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Theory]
    [MemberData(nameof(ModesOtherThanCoProduced))]
    public void Blocks_sign_off_while_a_decision_that_is_not_co_produced_has_no_rationale(DecisionMode mode)
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var decision = Record(cycle, ADecision.InMode(mode).WithRationale("   "));

        var outcome = SignOff(cycle);

        Assert.Equal([new Refusal(CycleRules.DecisionNeedsRationale, decision.Id)], outcome.Refusals);
    }

    [Theory]
    [MemberData(nameof(ModesOtherThanCoProduced))]
    public void Lets_a_decision_that_is_not_co_produced_through_with_a_rationale(DecisionMode mode)
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        Record(cycle, ADecision.InMode(mode).WithRationale("The Mental Health Act sets who can detain; it is not ours to change."));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void Names_each_decision_that_needs_fixing()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var first = Record(cycle, ADecision.CoProduced().ShapedBy(LivedExperienceInput(cycle)).WithoutParticipants());
        var second = Record(cycle, ADecision.InMode(DecisionMode.CommissionerLed).WithoutParticipants());

        var outcome = SignOff(cycle);

        Assert.Equal(
            [
                new Refusal(CycleRules.DecisionNeedsParticipants, first.Id),
                new Refusal(CycleRules.DecisionNeedsParticipants, second.Id),
                new Refusal(CycleRules.DecisionNeedsRationale, second.Id),
            ],
            outcome.Refusals);
    }

    [Fact]
    public void Lifts_the_block_once_the_decision_is_fixed()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        var input = LivedExperienceInput(cycle);
        var decision = Record(cycle, ADecision.CoProduced().WithoutParticipants());

        Expect.Success(cycle.ReviseDecision(
            decision.Id, ADecision.CoProduced().ShapedBy(input).Build(), People.Commissioner, CycleRole.Commissioner, Now));

        Assert.True(SignOff(cycle).Succeeded);
    }

    [Fact]
    public void Only_looks_at_decisions_in_the_stage_being_signed_off()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();
        Record(cycle, ADecision.CoProduced().WithoutParticipants(), StageKind.Specification);

        Assert.True(SignOff(cycle).Succeeded);
    }

    private static Contribution LivedExperienceInput(CommissioningCycle cycle) =>
        cycle.StageOf(StageKind.CoDesign).Contributions.First(c => c.IsLivedExperience);

    // Each decision a minute after the one before: decisions recorded at the same instant have no order of their own
    // (their ids are random within a millisecond), and the blockers list them in the order they were recorded.
    private static Decision Record(CommissioningCycle cycle, ADecision decision, StageKind stage = StageKind.CoDesign) =>
        Expect.Success(cycle.RecordDecision(
            stage, decision.Build(), People.Commissioner, CycleRole.Commissioner, Now.AddMinutes(cycle.StageOf(stage).Decisions.Count)));

    private static DomainOutcome SignOff(CommissioningCycle cycle) =>
        cycle.SignOff(StageKind.CoDesign, People.Commissioner, CycleRole.Commissioner, "Preferred model agreed", Now);
}
