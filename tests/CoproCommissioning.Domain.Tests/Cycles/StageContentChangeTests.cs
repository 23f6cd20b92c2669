using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>R8: a save into a stage's own content takes part in the cycle's concurrency and is refused once it is signed off.</summary>
public sealed class StageContentChangeTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<StageKind> AllStages => [.. Enum.GetValues<StageKind>()];

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Marks_the_cycle_changed_while_the_stage_is_open(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).Build();

        var outcome = cycle.RecordStageContentChange(kind, Now);

        Assert.True(outcome.Succeeded);
        Assert.Equal(Now, cycle.LastChangedAt);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Is_refused_once_the_stage_is_signed_off(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).ReadyToSignOff().Build();
        Expect.Success(cycle.SignOff(kind, People.Commissioner, CycleRole.Commissioner, "Agreed", Now, stageConditions: []));
        var before = cycle.LastChangedAt;

        var outcome = cycle.RecordStageContentChange(kind, Now.AddMinutes(5));

        Assert.Equal([CycleRules.StageSignedOffWhileEditing], outcome.BrokenRules);
        Assert.Equal(before, cycle.LastChangedAt);
    }

    [Fact]
    public void Refuses_a_time_that_is_not_utc()
    {
        var cycle = ACycle.New().Build();

        Assert.ThrowsAny<ArgumentException>(() => cycle.RecordStageContentChange(StageKind.NeedsAssessment, Moments.NotUtc));
    }
}
