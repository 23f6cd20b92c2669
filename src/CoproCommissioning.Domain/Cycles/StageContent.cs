using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// What stage content (evidence, needs, sessions, proposals) shares: it is kept outside the cycle aggregate,
/// so editing it never clashes with other work in the cycle, but it follows the cycle's rule that a signed-off
/// stage changes only after it is reopened. It is saved with <see cref="CommissioningCycle.RecordStageContentChange"/>,
/// so a save racing the stage's sign-off loses to it or makes it fail (R8).
/// </summary>
internal static class StageContent
{
    public static void CheckStageOpen(ICollection<Refusal> refusals, CommissioningCycle cycle, StageKind kind, DateTimeOffset now)
    {
        if (IsSignedOffAt(cycle.StageOf(kind), now))
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }
    }

    /// <summary>
    /// Whether the stage was signed off at <paramref name="at"/>. For now that is its status; for an earlier
    /// moment it is its history, so content that predates a sign-off (the demo cycle's evidence) can be
    /// recorded with the time it was gathered. Without its history loaded, the status decides.
    /// </summary>
    public static bool IsSignedOffAt(Stage stage, DateTimeOffset at)
    {
        var latest = stage.History.MaxBy(e => e.At);
        if (latest is null || at >= latest.At)
        {
            return stage.IsSignedOff;
        }

        return stage.History.Where(e => e.At <= at).MaxBy(e => e.At)?.Kind == StageEventKind.SignOff;
    }

    public static void CheckCycle(CommissioningCycle cycle, Guid cycleId)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Id != cycleId)
        {
            throw new ArgumentException($"This belongs to cycle {cycleId}, not cycle {cycle.Id}.", nameof(cycle));
        }
    }

    /// <summary>Who may add to and change a stage's own content: <see cref="CyclePermissions"/> says.</summary>
    public static bool MayManage(CycleRole role) => CyclePermissions.Allows(role, CycleOperation.ManageStageContent);
}
