using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>How saving into a stage's own content ended; on anything but <see cref="Saved"/> nothing was saved.</summary>
public enum StageContentSave
{
    Saved,

    /// <summary>The stage was signed off first (R8): the content was not saved.</summary>
    StageSignedOff,

    /// <summary>Someone else changed the same thing, or the cycle, a moment before.</summary>
    Conflict,
}

/// <summary>
/// Saves a stage's own content (evidence, needs, inequality groups, sessions, proposals, the specification and its
/// glossary and comment windows) together with the cycle's concurrency check: the cycle row is written in the same
/// transaction, so of a sign-off and a save into the same stage racing each other exactly one wins (R8).
/// </summary>
public static class StageContentSaving
{
    /// <summary>
    /// <paramref name="cycle"/> may be tracked or not; when it is not, only its own row is attached (its stages stay
    /// untracked). On anything but <see cref="StageContentSave.Saved"/> the change tracker is cleared.
    /// </summary>
    public static async Task<StageContentSave> SaveStageContentAsync(
        this CoproDbContext db, CommissioningCycle cycle, StageKind kind, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (!cycle.RecordStageContentChange(kind, now).Succeeded)
        {
            db.ChangeTracker.Clear();
            return StageContentSave.StageSignedOff;
        }

        var entry = db.Entry(cycle);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged;
        }

        entry.Property(c => c.LastChangedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return StageContentSave.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var cycleId = cycle.Id;
            var signedOff = await db.Cycles.AsNoTracking()
                .Where(c => c.Id == cycleId)
                .AnyAsync(c => c.Stages.Any(s => s.Kind == kind && s.Status == StageStatus.SignedOff), ct);
            return signedOff ? StageContentSave.StageSignedOff : StageContentSave.Conflict;
        }
    }
}
