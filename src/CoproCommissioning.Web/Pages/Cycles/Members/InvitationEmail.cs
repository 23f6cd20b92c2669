using System.Text.Encodings.Web;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

public static class InvitationEmail
{
    public static string Html(string cycleTitle, string role, string link, DateTimeOffset expiresAt)
    {
        var html = HtmlEncoder.Default;
        return $"""
            <p>You're invited to join <strong>{html.Encode(cycleTitle)}</strong> as a {html.Encode(role.ToLowerInvariant())}.</p>
            <p>People who use services, carers, providers and commissioners plan this service together. You'll see
            what happens to everything you say.</p>
            <p><a href="{html.Encode(link)}">Accept the invitation</a></p>
            <p>The link works once and until {expiresAt:d MMMM yyyy}. If you weren't expecting this email, you can ignore it.</p>
            """;
    }
}
