namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// Saves a stage's own content (evidence, needs, inequality groups, sessions, proposals, the specification and its
/// glossary and comment windows) together with the cycle's concurrency check: the cycle row is written in the same
/// transaction, so of a sign-off and a save into the same stage racing each other exactly one wins (R8).
/// </summary>
public static class StageContentSaving
{
    /// <summary>
    /// <paramref name="cycle"/> may be tracked or not; when it is not, only its own row is attached (its stages stay
    /// untracked). A sign-off that won the race is refused with <see cref="CycleRules.StageSignedOffWhileEditing"/>.
    /// On anything but success nothing is saved and the change tracker is cleared.
    /// </summary>
    public static async Task<SaveOutcome> SaveStageContentAsync(
        this CoproDbContext db, CommissioningCycle cycle, StageKind kind, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.RecordStageContentChange(kind, now) is { Succeeded: false } refused)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Refused(refused.Refusals[0].Rule);
        }

        var entry = db.Entry(cycle);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged;
        }

        entry.Property(c => c.LastChangedAt).IsModified = true;
        var saved = await db.TrySaveAsync(ct);
        if (saved.Status != SaveStatus.Conflict)
        {
            return saved;
        }

        var cycleId = cycle.Id;
        var signedOff = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .AnyAsync(c => c.Stages.Any(s => s.Kind == kind && s.Status == StageStatus.SignedOff), ct);
        return signedOff ? SaveOutcome.Refused(CycleRules.StageSignedOffWhileEditing) : saved;
    }
}
