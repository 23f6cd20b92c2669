using static CoproCommissioning.Web.DemoData.DemoOutcomes;

namespace CoproCommissioning.Web.DemoData;

/// <summary>A piece of input, the answer it gets and how it shaped the stage's decision.</summary>
internal sealed record AnsweredInput(Contribution Input, ResponseType Type, string Answer, string Influence);

/// <summary>
/// How the later demo cycles get through their earlier stages, the same way each time: input said online, each piece
/// answered by the commissioner, a co-produced decision it shaped, and the stage signed off.
/// </summary>
internal abstract class DemoStageBuilder(DemoCycles.Cast people)
{
    protected DemoCycles.Cast People => people;

    protected abstract CommissioningCycle Cycle { get; }

    /// <summary>A moment of the cycle's story, <paramref name="days"/> after it began.</summary>
    protected abstract DateTimeOffset Day(double days);

    /// <summary>Who takes part in the co-produced decisions of the earlier stages.</summary>
    protected abstract DecisionParticipant[] Participants();

    protected void Agree(StageKind stage, double at, IReadOnlyList<AnsweredInput> input, string title, string description, string statement)
    {
        foreach (var (answered, i) in input.Select((a, i) => (a, i)))
        {
            Must(Cycle.Respond(answered.Input.Id, People.Commissioner, CycleRole.Commissioner, answered.Type, answered.Answer, Day(at + (i * 0.1))));
        }

        Must(Cycle.RecordDecision(stage, new DecisionDetails(title, description, DecisionMode.CoProduced, "", CoProductionLadderRung.CoProduction, Day(at + 1),
            Participants(), [.. input.Select(a => new DecisionInfluence(a.Input.Id, a.Influence))]), People.Commissioner, CycleRole.Commissioner, Day(at + 1.1)));
        Must(Cycle.SignOff(stage, People.Commissioner, CycleRole.Commissioner, statement, Day(at + 2)));
    }

    protected Contribution Said(StageKind stage, string userId, CycleRole role, Voice voice, string summary, string body, double at) =>
        Must(Cycle.AddContribution(stage, userId, role, voice, Channel.Online, ContributionVisibility.Everyone, summary, body, Day(at)));
}
