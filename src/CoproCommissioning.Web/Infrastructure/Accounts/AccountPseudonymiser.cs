using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Deletes a person's account by pseudonymising it: the row stays, so every decision, contribution and
/// membership still points at the same id and keeps its provenance, but it now reads "Former participant #N"
/// and holds nothing that identifies the person or lets anyone sign in to it. Their address goes from every invitation
/// sent to it, every email to it leaves the outbox, and the audit never held it (personal text is recorded only as changed).
/// </summary>
public sealed class AccountPseudonymiser(CoproDbContext db, TimeProvider clock, ILogger<AccountPseudonymiser> logger)
{
    public const string DeletedEmailDomain = "deleted.invalid";

    // Serialises the choice of the next number between concurrent deletions (pg_advisory_xact_lock).
    private const long NumberLockKey = 0x436F70726F_4650; // "Copro" "FP"

    /// <summary>Returns N in "Former participant #N".</summary>
    public async Task<int> PseudonymiseAsync(string userId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({NumberLockKey})", ct);

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new InvalidOperationException($"No account {userId}.");
        if (user.DeletedAt is not null)
        {
            throw new InvalidOperationException($"Account {userId} was already deleted.");
        }

        var number = (await db.Users.MaxAsync(u => u.FormerParticipantNumber, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var pseudonymousAddress = $"former-participant-{number}@{DeletedEmailDomain}";

        // Invitations keep the address as the commissioner typed it, in any letter case; an accepted one names the
        // account too. Read before the account's own address goes.
        var addresses = new[] { user.NormalizedEmail, user.NormalizedUserName, user.Email?.ToUpperInvariant() }
            .OfType<string>().Distinct().ToList();
        var invitations = await db.Invitations
            .Where(i => i.AcceptedByUserId == userId || addresses.Contains(i.Email.ToUpper()))
            .ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.RemoveAddress(now);
        }

        // Every email to the address goes too: one still waiting would reach a person who has left, and one sent or failed
        // keeps their address and what they were told (docs/decisions/0024-email-outbox.md). A row a worker is sending
        // right now is locked, so this waits for that send to be recorded, then deletes it.
        var emails = await db.Outbox.Where(m => addresses.Contains(m.To.ToUpper())).ExecuteDeleteAsync(ct);

        user.DisplayName = $"Former participant #{number}";
        user.FormerParticipantNumber = number;
        user.DeletedAt = now;
        user.ShowAsPanelMember = false;
        user.OrganisationId = null;
        user.AccessNeeds = "";
        user.CommunicationPreferences = [];

        user.UserName = pseudonymousAddress;
        user.NormalizedUserName = pseudonymousAddress.ToUpperInvariant();
        user.Email = pseudonymousAddress;
        user.NormalizedEmail = pseudonymousAddress.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;

        // Nobody can sign in to it again: no password, no second factor, locked for good, and every
        // cookie issued before now fails its next security-stamp check.
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();

        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == userId).ToListAsync(ct));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == userId).ToListAsync(ct));
        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == userId).ToListAsync(ct));
        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == userId).ToListAsync(ct));

        db.AuditEvents.Add(new AuditEvent(now, userId, nameof(AppUser), userId, AuditAction.Deleted, """{"pseudonymised":true}"""));

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Account {UserId} deleted: pseudonymised as former participant {Number}, address removed from {Invitations} invitations and {Emails} emails",
            userId, number, invitations.Count, emails);
        return number;
    }
}
