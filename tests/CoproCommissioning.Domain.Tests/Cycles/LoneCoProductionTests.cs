using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>R1: one commissioner can't log lived-experience input for others, answer it and sign the stage off alone.</summary>
public sealed class LoneCoProductionTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<StageKind> AllStages => [.. Enum.GetValues<StageKind>()];

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Sign_off_is_refused_when_all_lived_experience_input_was_logged_by_the_signer(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).Build();
        LogAndAnswer(cycle, kind, People.Commissioner, onBehalfOf: null);
        LogAndAnswer(cycle, kind, People.Commissioner, onBehalfOf: People.PanelMember(7));

        var outcome = SignOff(cycle, kind);

        Assert.Equal([CycleRules.InputNotOnlyFromSigner], outcome.BrokenRules);
        Assert.False(cycle.StageOf(kind).IsSignedOff);
        Assert.Equal([CycleRules.InputNotOnlyFromSigner], cycle.SignOffBlockers(kind, [], People.Commissioner).Select(r => r.Rule));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Sign_off_succeeds_when_someone_else_logged_the_input(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).Build();
        LogAndAnswer(cycle, kind, People.Champion, onBehalfOf: null, CycleRole.CoProductionChampion);

        Assert.True(SignOff(cycle, kind).Succeeded);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Sign_off_succeeds_when_a_panel_member_added_input_themselves(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).WithAnsweredContributions(Voice.Carer).Build();
        LogAndAnswer(cycle, kind, People.Commissioner, onBehalfOf: null);

        Assert.True(SignOff(cycle, kind).Succeeded);
    }

    [Fact]
    public void Another_commissioner_can_sign_off_input_the_first_commissioner_logged()
    {
        var cycle = ACycle.New().Build();
        LogAndAnswer(cycle, StageKind.NeedsAssessment, People.Commissioner, onBehalfOf: null);

        var outcome = cycle.SignOff(StageKind.NeedsAssessment, "commissioner-2", CycleRole.Commissioner, "Agreed", Now, []);

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void Is_not_listed_when_there_is_no_lived_experience_input_at_all()
    {
        var cycle = ACycle.New().Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.DoesNotContain(CycleRules.InputNotOnlyFromSigner, outcome.BrokenRules);
        Assert.Contains(CycleRules.LivedExperienceInputRequired, outcome.BrokenRules);
    }

    private static DomainOutcome SignOff(CommissioningCycle cycle, StageKind kind) =>
        cycle.SignOff(kind, People.Commissioner, CycleRole.Commissioner, "Agreed with the panel", Now, stageConditions: []);

    private static void LogAndAnswer(
        CommissioningCycle cycle, StageKind kind, string recorder, string? onBehalfOf, CycleRole role = CycleRole.Commissioner)
    {
        var input = Expect.Success(cycle.LogContributionOnBehalf(
            kind, recorder, role, onBehalfOf is null ? null : new Contributor(onBehalfOf, CycleRole.PanelMember), 3, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone, "Notes from the drop-in", "", Now));
        Expect.Success(cycle.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We did this.", Now));
    }
}
