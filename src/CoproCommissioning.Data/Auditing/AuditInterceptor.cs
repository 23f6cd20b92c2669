using System.Text.Json;
using System.Text.Json.Serialization;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Saving;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoproCommissioning.Data.Auditing;

/// <summary>
/// Adds an <see cref="AuditEvent"/> for every insert, update and delete of domain data, accounts and their site
/// roles to the same SaveChanges, so the change and its audit row commit or fail together.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : BeforeSaveInterceptor
{
    // Enum values by name, as they are stored in the tables themselves.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly string DomainNamespace = typeof(CommissioningCycle).Namespace!.Split('.')[0] + ".Domain";

    // An account's changes are audited with values only for these; every other field of an account is personal
    // (names, email, phone, access needs, communication preferences, password hash) and recorded as "changed".
    private static readonly HashSet<string> AccountValuesRecorded =
    [
        nameof(AppUser.TwoFactorEnabled), nameof(AppUser.DeletedAt), nameof(AppUser.FormerParticipantNumber),
        nameof(AppUser.ShowAsPanelMember), nameof(AppUser.EmailConfirmed), nameof(AppUser.LockoutEnabled),
        nameof(AppUser.OrganisationId), nameof(AppUser.DeactivatedAt),
    ];

    // Every sign-in attempt changes these: a failed sign-in is not an account change, nor is signing in. An
    // administrator unlocking an account is recorded by the page that does it.
    private static readonly HashSet<string> AccountFieldsNotAudited =
        [nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.LastSignedInAt)];

    protected override void BeforeSave(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var events = context.ChangeTracker.Entries()
            .Where(e => e.Entity is AppUser or IdentityUserRole<string>
                || e.Entity.GetType().Namespace?.StartsWith(DomainNamespace, StringComparison.Ordinal) == true)
            .Select(e => ToAuditEvent(e, now))
            .OfType<AuditEvent>()
            .ToList();
        context.Set<AuditEvent>().AddRange(events);
    }

    private AuditEvent? ToAuditEvent(EntityEntry entry, DateTimeOffset now)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Inserted,
            EntityState.Modified => AuditAction.Updated,
            EntityState.Deleted => AuditAction.Deleted,
            _ => (AuditAction?)null,
        };
        if (action is null)
        {
            return null;
        }

        var isAccount = entry.Entity is AppUser;
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            // A computed column (such as a contribution's voice rank) is worked out by PostgreSQL, not changed by anyone.
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsConcurrencyToken || property.Metadata.GetComputedColumnSql() is not null
                || (isAccount && AccountFieldsNotAudited.Contains(property.Metadata.Name)))
            {
                continue;
            }

            Record(changes, property.Metadata.Name, property, action.Value, onlyAsChanged: property.Metadata.IsPersonalText()
                || (isAccount && !AccountValuesRecorded.Contains(property.Metadata.Name)));
        }

        RecordComplex(changes, "", entry.ComplexProperties, action.Value);

        if (action == AuditAction.Updated && changes.Count == 0)
        {
            return null;
        }

        // Owned rows (a decision's participants and influences) have database-generated keys that
        // don't exist yet; they are recorded against the decision they belong to.
        var keyProperties = entry.Metadata.IsOwned()
            ? entry.Metadata.FindOwnership()!.Properties.Select(p => entry.Property(p.Name))
            : entry.Properties.Where(p => p.Metadata.IsPrimaryKey());
        var key = string.Join(",", keyProperties.Select(p => p.CurrentValue ?? p.OriginalValue));
        return new AuditEvent(now, actor.UserId, entry.Metadata.ShortName(), key, action.Value,
            JsonSerializer.Serialize(changes, Json));
    }

    // A complex property's fields are columns of the entity's own row, recorded by their path ("Levels.Poor"). Owned
    // types need nothing of the kind: each owned row is an entry of its own.
    private static void RecordComplex(Dictionary<string, object?> changes, string path,
        IEnumerable<ComplexPropertyEntry> complexProperties, AuditAction action)
    {
        foreach (var complex in complexProperties)
        {
            var prefix = $"{path}{complex.Metadata.Name}.";
            foreach (var property in complex.Properties)
            {
                Record(changes, prefix + property.Metadata.Name, property, action, property.Metadata.IsPersonalText());
            }

            RecordComplex(changes, prefix, complex.ComplexProperties, action);
        }
    }

    private static void Record(Dictionary<string, object?> changes, string name, PropertyEntry property, AuditAction action,
        bool onlyAsChanged)
    {
        var oldValue = action == AuditAction.Inserted ? null : property.OriginalValue;
        var newValue = action == AuditAction.Deleted ? null : property.CurrentValue;
        // Identity's UpdateAsync marks every property modified. The property's own comparer tells whether it really
        // changed: a collection (communication preferences) by its items, not by which list object holds them.
        if (action == AuditAction.Updated && (!property.IsModified || property.Metadata.GetValueComparer().Equals(oldValue, newValue)))
        {
            return;
        }

        changes[name] = onlyAsChanged
            ? new { changed = true }
            : new { old = oldValue, @new = newValue };
    }
}
