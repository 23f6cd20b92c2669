using CoproCommissioning.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

/// <summary>Emails an invitation's one-time link, on the app's public address (never the request's host).</summary>
public sealed class InvitationSender(IEmailSender email, PublicLinks links, ILogger<InvitationSender> logger)
{
    public async Task SendAsync(Invitation invitation, string token, InvitationContext context)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(context);
        var link = links.ToPage("/Invitations/Accept", new { token });
        await email.SendEmailAsync(invitation.Email, $"{context.InvitedBy} invited you to help shape {context.CycleTitle}",
            InvitationEmail.Html(context, invitation.Role, invitation.PanelVoice, link, invitation.ExpiresAt));
        logger.LogInformation("Invitation {InvitationId} to cycle {CycleId} sent", invitation.Id, invitation.CycleId);
    }

    /// <summary>The inviter's name and the cycle's commissioning organisation, read for the email.</summary>
    public static async Task<InvitationContext> ContextAsync(CoproDbContext db, Guid cycleId, string inviterUserId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new { c.Title, c.CommissioningOrganisation }).SingleAsync(ct);
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == inviterUserId).Select(u => u.DisplayName).SingleAsync(ct);
        return new InvitationContext(cycle.Title, inviter, cycle.CommissioningOrganisation);
    }
}
