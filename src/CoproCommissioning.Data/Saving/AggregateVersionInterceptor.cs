using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoproCommissioning.Data.Saving;

/// <summary>
/// An aggregate's version (PostgreSQL's xmin on its own row) must move whenever any part of it changes, or two people
/// changing only its owned rows (who came to a session) would both win (R8). When an owned row is added, changed or
/// removed and its aggregate's row is not being written, this writes the aggregate's row too, unchanged: PostgreSQL
/// checks the version the person started from and moves it. Pages never touch a column to force this.
/// A page that hands EF the version the person saw (as the version's original value) leaves the row "modified" with
/// only its version changed; EF has no column to write there and would skip the UPDATE, and the check with it, so
/// such a row counts as not being written.
/// </summary>
public sealed class AggregateVersionInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        // One pass over the tracker (each Entries() call detects changes again): a save that loaded a whole cycle
        // tracks thousands of rows.
        var entries = context.ChangeTracker.Entries().ToList();
        foreach (var owned in entries.Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (RootOf(entries, owned) is { } root
                && !WritesAColumn(root)
                && root.Metadata.GetProperties().Any(p => p.IsConcurrencyToken)
                && root.Properties.FirstOrDefault(p => !p.Metadata.IsKey() && !p.Metadata.IsConcurrencyToken
                    && p.Metadata.ValueGenerated == ValueGenerated.Never) is { } column)
            {
                column.IsModified = true;
            }
        }
    }

    private static bool WritesAColumn(EntityEntry root) =>
        root.State switch
        {
            EntityState.Unchanged => false,
            EntityState.Modified => root.Properties.Any(p => p.IsModified && p.Metadata.GetAfterSaveBehavior() == PropertySaveBehavior.Save),
            _ => true,
        };

    private static EntityEntry? RootOf(List<EntityEntry> entries, EntityEntry entry)
    {
        var current = entry;
        while (current.Metadata.IsOwned())
        {
            var ownership = current.Metadata.FindOwnership()!;
            var keyValues = ownership.Properties.Select(p => current.Property(p.Name)).Select(p => p.CurrentValue ?? p.OriginalValue).ToArray();
            var principalKey = ownership.PrincipalKey.Properties;
            var owner = entries
                .FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
                    && principalKey.Select((p, i) => Equals(e.Property(p.Name).CurrentValue, keyValues[i])).All(match => match));
            if (owner is null)
            {
                return null;
            }

            current = owner;
        }

        return current;
    }
}
