using CoproCommissioning.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

/// <summary>Emails an invitation's one-time link, on the app's public address (never the request's host).</summary>
public sealed class InvitationSender(IEmailSender email, PublicLinks links, ILogger<InvitationSender> logger)
{
    public async Task SendAsync(Invitation invitation, string token, string cycleTitle)
    {
        var link = links.ToPage("/Invitations/Accept", new { token });
        await email.SendEmailAsync(invitation.Email, $"You're invited to help shape {cycleTitle}",
            InvitationEmail.Html(cycleTitle, Labels.Of(invitation.Role, invitation.PanelVoice), link, invitation.ExpiresAt));
        logger.LogInformation("Invitation {InvitationId} to cycle {CycleId} sent", invitation.Id, invitation.CycleId);
    }
}
