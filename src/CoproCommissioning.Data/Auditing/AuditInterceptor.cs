using System.Text.Json;
using System.Text.Json.Serialization;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproCommissioning.Data.Auditing;

/// <summary>
/// Adds an <see cref="AuditEvent"/> for every insert, update and delete of domain data, accounts and their site
/// roles to the same SaveChanges, so the change and its audit row commit or fail together.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
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
        nameof(AppUser.OrganisationId),
    ];

    // Every sign-in attempt changes these: a failed sign-in is not an account change.
    private static readonly HashSet<string> AccountFieldsNotAudited =
        [nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

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
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsConcurrencyToken
                || (action == AuditAction.Updated && !property.IsModified)
                || (isAccount && AccountFieldsNotAudited.Contains(property.Metadata.Name)))
            {
                continue;
            }

            var oldValue = action == AuditAction.Inserted ? null : property.OriginalValue;
            var newValue = action == AuditAction.Deleted ? null : property.CurrentValue;
            if (action == AuditAction.Updated && Equals(oldValue, newValue))
            {
                continue;
            }

            changes[property.Metadata.Name] = property.Metadata.IsPersonalText()
                || (isAccount && !AccountValuesRecorded.Contains(property.Metadata.Name))
                ? new { changed = true }
                : new { old = oldValue, @new = newValue };
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties.Where(p => action != AuditAction.Updated || p.IsModified))
            {
                changes[$"{complex.Metadata.Name}.{property.Metadata.Name}"] = new
                {
                    old = action == AuditAction.Inserted ? null : property.OriginalValue,
                    @new = action == AuditAction.Deleted ? null : property.CurrentValue,
                };
            }
        }

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
}
