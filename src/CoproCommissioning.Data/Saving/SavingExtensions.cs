using Npgsql;

namespace CoproCommissioning.Data.Saving;

/// <summary>
/// The one way pages save: a concurrency clash (R8) becomes <see cref="SaveOutcome.Conflict"/>, a unique index that
/// states a domain rule (<see cref="DuplicateRules"/>) becomes that rule, and a unique index that only guards a race
/// (two people saving version 3 at once) a conflict. Any other database failure is an error and is thrown.
/// </summary>
public static class SavingExtensions
{
    public static async Task<SaveOutcome> TrySaveAsync(this CoproDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            db.ChangeTracker.Clear();
            return DuplicateRules.For(db.Model, unique.ConstraintName) is { } rule ? SaveOutcome.Refused(rule) : SaveOutcome.Conflict;
        }
    }
}
