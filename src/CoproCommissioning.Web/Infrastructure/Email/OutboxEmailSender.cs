using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.Data.Outbox;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// Identity UI's <see cref="IEmailSender"/>, for any of its pages that still send: the email is queued in the outbox and
/// saved at once (Identity's emails have no change of ours to go with), never sent while the page waits. Our own
/// emails are queued by their pages with the change that causes them, with a plain-text part written by hand.
/// </summary>
public sealed partial class OutboxEmailSender(CoproDbContext db, TimeProvider clock) : IEmailSender
{
    public const string Purpose = "Account email";

    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        db.Enqueue(new OutgoingEmail(email, subject, TextOf(htmlMessage), htmlMessage, Purpose, CarriesOneTimeLink: true), clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>A plain-text reading of simple HTML: paragraphs as lines, each link's address after its words.</summary>
    public static string TextOf(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        const char Break = '\u2029';
        var text = Link().Replace(html, m => $"{m.Groups["words"].Value} ({m.Groups["href"].Value})");
        text = WebUtility.HtmlDecode(Tag().Replace(Paragraph().Replace(text, Break.ToString()), ""));
        return string.Join("\n\n", text.Split(Break).Select(p => Spaces().Replace(p, " ").Trim()).Where(p => p.Length > 0));
    }

    [GeneratedRegex("""<a\b[^>]*href="(?<href>[^"]*)"[^>]*>(?<words>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("""</p>|<br\s*/?>""", RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
