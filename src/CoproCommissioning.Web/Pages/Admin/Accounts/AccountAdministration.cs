using System.Text.Json;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Administration;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

/// <summary>
/// What administrators change on an account: its site roles, unlocking, deactivating and reactivating, and a new
/// set-up link. Each change runs in a transaction holding one advisory lock, so two administrators demoting each other
/// at the same moment can't leave the site without one; each checks the account's concurrency stamp from the form
/// (R8); the audit trail records each with who made it.
/// </summary>
public sealed class AccountAdministration(
    CoproDbContext db, UserManager<AppUser> users, AccountSetUp setUp, TimeProvider clock,
    ILogger<AccountAdministration> logger)
{
    // Any number, the same for every instance: pg_advisory_xact_lock serialises changes to administrators.
    private const long AdministratorsLock = 0x636F70726F_61646DL;

    public Task<AccountChange> ChangeRolesAsync(string actorId, string userId, string? version, IReadOnlyCollection<string> roles,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var wanted = roles.Intersect(SiteRoles.All, StringComparer.Ordinal).ToList();
        return ChangeAsync(userId, version, async (user, activeAdministrators) =>
        {
            var current = await users.GetRolesAsync(user);
            var blockers = SiteAdministration.RoleChangeBlockers(user.Id == actorId, current.Contains(SiteRoles.Administrator),
                wanted.Contains(SiteRoles.Administrator), activeAdministrators);
            if (blockers.Count > 0)
            {
                return blockers;
            }

            var added = wanted.Except(current).ToList();
            var removed = current.Intersect(SiteRoles.All).Except(wanted).ToList();
            Ensure(added.Count > 0 ? await users.AddToRolesAsync(user, added) : IdentityResult.Success);
            Ensure(removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success);
            logger.LogInformation("Site roles of {UserId} changed by {ActorId}: added {Added}, removed {Removed}", user.Id, actorId, added, removed);
            return [];
        }, ct);
    }

    public Task<AccountChange> DeactivateAsync(string actorId, string userId, string? version, CancellationToken ct) =>
        ChangeAsync(userId, version, async (user, activeAdministrators) =>
        {
            var blockers = SiteAdministration.DeactivationBlockers(user.Id == actorId, await users.IsInRoleAsync(user, SiteRoles.Administrator),
                user.DeactivatedAt is not null, activeAdministrators);
            if (blockers.Count > 0)
            {
                return blockers;
            }

            user.DeactivatedAt = clock.GetUtcNow();
            // A new stamp as well: every cookie and link issued before now stops working.
            Ensure(await users.UpdateSecurityStampAsync(user));
            logger.LogInformation("Account {UserId} deactivated by {ActorId}", user.Id, actorId);
            return [];
        }, ct);

    public Task<AccountChange> ReactivateAsync(string actorId, string userId, string? version, CancellationToken ct) =>
        ChangeAsync(userId, version, async (user, _) =>
        {
            if (user.DeactivatedAt is not null)
            {
                user.DeactivatedAt = null;
                Ensure(await users.UpdateAsync(user));
                logger.LogInformation("Account {UserId} reactivated by {ActorId}", user.Id, actorId);
            }

            return [];
        }, ct);

    public Task<AccountChange> UnlockAsync(string actorId, string userId, string? version, CancellationToken ct) =>
        ChangeAsync(userId, version, async (user, _) =>
        {
            var lockedUntil = user.LockoutEnd;
            Ensure(await users.SetLockoutEndDateAsync(user, null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
            // The audit leaves out lockout changes (every wrong password makes one); an administrator's unlock is recorded here.
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actorId, nameof(AppUser), user.Id, AuditAction.Updated,
                JsonSerializer.Serialize(new Dictionary<string, object?> { ["Unlocked"] = new { old = lockedUntil, @new = (DateTimeOffset?)null } })));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Account {UserId} unlocked by {ActorId}", user.Id, actorId);
            return [];
        }, ct);

    /// <summary>A new set-up link by email, for someone whose link expired or was lost; earlier links stop working.</summary>
    public Task<AccountChange> SendSetUpLinkAsync(string actorId, string userId, string? version, CancellationToken ct) =>
        ChangeAsync(userId, version, async (user, _) =>
        {
            if (!AccountSetUp.IsWaitingForSetUp(user))
            {
                return [new Refusal(AdministrationRules.AlreadySetUp)];
            }

            Ensure(await users.UpdateSecurityStampAsync(user));
            // In the change's transaction: the new stamp and the email with the link it makes commit together.
            SetUpEmail.Queue(db, user, await setUp.LinkAsync(user), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            logger.LogInformation("A new set-up link for {UserId} queued by {ActorId}", user.Id, actorId);
            return [];
        }, ct);

    private async Task<AccountChange> ChangeAsync(string userId, string? version,
        Func<AppUser, int, Task<IReadOnlyList<Refusal>>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdministratorsLock})", ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.DeletedAt is not null)
        {
            return AccountChange.NotFound;
        }

        if (!string.Equals(user.ConcurrencyStamp, version, StringComparison.Ordinal))
        {
            return AccountChange.Conflict;
        }

        try
        {
            var refusals = await change(user, await ActiveAdministratorsAsync(ct));
            if (refusals.Count > 0)
            {
                return AccountChange.Refused(refusals);
            }
        }
        catch (ConcurrencyFailure)
        {
            db.ChangeTracker.Clear();
            return AccountChange.Conflict;
        }

        await transaction.CommitAsync(ct);
        return AccountChange.Saved;
    }

    private Task<int> ActiveAdministratorsAsync(CancellationToken ct)
    {
        var administrator = users.NormalizeName(SiteRoles.Administrator);
        return (from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where role.NormalizedName == administrator && user.DeactivatedAt == null && user.DeletedAt == null
                select user.Id).CountAsync(ct);
    }

    private static void Ensure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyFailure();
        }

        throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private sealed class ConcurrencyFailure : Exception;
}

/// <summary>How an administrator's change to an account ended; on anything but Saved nothing changed.</summary>
public sealed record AccountChange(AccountChangeStatus Status, IReadOnlyList<Refusal> Refusals)
{
    public static AccountChange Saved { get; } = new(AccountChangeStatus.Saved, []);
    public static AccountChange Conflict { get; } = new(AccountChangeStatus.Conflict, []);
    public static AccountChange NotFound { get; } = new(AccountChangeStatus.NotFound, []);

    public static AccountChange Refused(IReadOnlyList<Refusal> refusals) => new(AccountChangeStatus.Refused, refusals);
}

public enum AccountChangeStatus
{
    Saved,
    Refused,
    Conflict,
    NotFound,
}
