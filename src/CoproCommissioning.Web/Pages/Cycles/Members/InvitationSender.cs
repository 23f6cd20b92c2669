using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Hosting;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

/// <summary>
/// Queues an invitation's email, with its one-time link on the app's public address (never the request's host), in the
/// outbox of the context that saves the invitation: one SaveChanges writes both, and the outbox worker sends it after
/// (docs/decisions/0024-email-outbox.md).
/// </summary>
public sealed class InvitationSender(CoproDbContext db, PublicLinks links)
{
    /// <summary>Call before the SaveChanges that adds the invitation.</summary>
    public OutboxMessage Queue(Invitation invitation, string token, InvitationContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(context);
        var link = links.ToPage("/Invitations/Accept", new { token });
        return db.Enqueue(new OutgoingEmail(
            invitation.Email,
            InvitationEmail.Subject(context),
            InvitationEmail.Text(context, invitation.Role, invitation.PanelVoice, link, invitation.ExpiresAt),
            InvitationEmail.Html(context, invitation.Role, invitation.PanelVoice, link, invitation.ExpiresAt),
            InvitationEmail.Purpose, CarriesOneTimeLink: true), now);
    }

    /// <summary>The inviter's name and the cycle's commissioning organisation, read for the email.</summary>
    public static async Task<InvitationContext> ContextAsync(CoproDbContext db, Guid cycleId, string inviterUserId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new { c.Title, c.CommissioningOrganisation }).SingleAsync(ct);
        return new InvitationContext(cycle.Title, await InviterNameAsync(db, inviterUserId, ct), cycle.CommissioningOrganisation);
    }

    /// <summary>The same for a cycle not saved yet: its invitation is saved with it.</summary>
    public static async Task<InvitationContext> ContextAsync(CoproDbContext db, CommissioningCycle cycle, string inviterUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return new InvitationContext(cycle.Title, await InviterNameAsync(db, inviterUserId, ct), cycle.CommissioningOrganisation);
    }

    private static Task<string> InviterNameAsync(CoproDbContext db, string inviterUserId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == inviterUserId).Select(u => u.DisplayName).SingleAsync(ct);
}
