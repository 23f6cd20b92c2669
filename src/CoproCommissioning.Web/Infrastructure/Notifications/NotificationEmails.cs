using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Hosting;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

/// <summary>Who an email is for, and how they asked to read things.</summary>
public sealed record NotificationReader(string UserId, string Email, string Name, IReadOnlyList<CommunicationPreference> Preferences)
{
    public NotificationWordingStyle Style =>
        Preferences.Contains(CommunicationPreference.EasyRead) ? NotificationWordingStyle.EasyRead
        : Preferences.Contains(CommunicationPreference.PlainEnglish) ? NotificationWordingStyle.PlainEnglish
        : NotificationWordingStyle.Standard;

    public bool LargePrint => Preferences.Contains(CommunicationPreference.LargePrint);
}

/// <summary>One item of a summary email: a notification as it was raised, and the cycle it belongs to.</summary>
public sealed record SummaryItem(Guid? CycleId, string CycleTitle, NotificationKind Kind, string Title, string Text, string Link);

/// <summary>
/// The emails notifications are sent in: a plain-text and an HTML part for every one, in the words the person asked for
/// (easy read or plain English), in larger type for large print, every value HTML-encoded, every link absolute on the
/// public address, and one-click unsubscribe headers (RFC 8058) with a footer link that does the same.
/// </summary>
public sealed class NotificationEmails(PublicLinks links, UnsubscribeTokens tokens)
{
    public const string ServiceName = "Co-produced commissioning";
    public const string PreferencesPath = "/account/notifications";

    // Every character a name or a quote may hold stays readable; only markup characters are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>One notification, sent straight away.</summary>
    public OutgoingEmail Single(NotificationReader reader, NotificationKind kind, NotificationWording words, string link)
    {
        var entry = NotificationCatalogue.Of(kind);
        var url = links.ToPath(link);
        var unsubscribe = UnsubscribeLink(reader.UserId, [kind]);
        var easy = reader.Style == NotificationWordingStyle.EasyRead;
        var why = easy
            ? $"We sent this because you asked to hear about this: {entry.Name}."
            : $"You get this email because you chose to hear straight away about: {entry.Name}.";

        var text = new StringBuilder()
            .Append("Hello ").Append(reader.Name).AppendLine(",").AppendLine()
            .AppendLine(words.Title).AppendLine()
            .AppendLine(words.Text).AppendLine()
            .Append(easy ? "Read more here: " : "See it in the service: ").AppendLine(url).AppendLine();
        AppendTextFooter(text, why, easy, unsubscribe);

        var html = new StringBuilder();
        OpenHtml(html, reader);
        html.Append("<p>Hello ").Append(Html.Encode(reader.Name)).Append(",</p>")
            .Append("<h1 style=\"font-size:1.5em\">").Append(Html.Encode(words.Title)).Append("</h1>")
            .Append("<p>").Append(Html.Encode(words.Text)).Append("</p>")
            .Append("<p><a href=\"").Append(Html.Encode(url)).Append("\">").Append(easy ? "Read more here" : "See it in the service").Append("</a></p>");
        CloseHtml(html, why, easy, unsubscribe);

        return new OutgoingEmail(reader.Email, words.Title, text.ToString(), html.ToString(), $"Notification: {kind}", Headers(unsubscribe));
    }

    /// <summary>
    /// A daily or weekly summary: every waiting notification grouped by cycle. Its unsubscribe link stops emails about every
    /// kind it contains (docs/decisions/0025-notifications.md says why).
    /// </summary>
    public OutgoingEmail Summary(NotificationReader reader, NotificationFrequency frequency, IReadOnlyList<SummaryItem> items)
    {
        if (frequency is not (NotificationFrequency.DailySummary or NotificationFrequency.WeeklySummary))
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Only daily and weekly summaries are sent as summaries.");
        }

        var period = frequency == NotificationFrequency.DailySummary ? "daily" : "weekly";
        var easy = reader.Style == NotificationWordingStyle.EasyRead;
        var subject = $"Your {period} summary from {ServiceName}";
        var kinds = items.Select(i => i.Kind).Distinct().Order().ToList();
        var unsubscribe = UnsubscribeLink(reader.UserId, kinds);
        var why = easy
            ? $"We sent this because you asked for a {period} summary."
            : $"You get this email because you chose a {period} summary for: {string.Join(", ", kinds.Select(k => NotificationCatalogue.Of(k).Name))}.";
        var groups = items.GroupBy(i => (i.CycleId, i.CycleTitle)).OrderBy(g => g.Key.CycleTitle, StringComparer.CurrentCulture).ToList();

        var text = new StringBuilder()
            .Append("Hello ").Append(reader.Name).AppendLine(",").AppendLine()
            .AppendLine(easy ? "Here is what happened." : $"Here is what happened since your last {period} summary.").AppendLine();
        foreach (var group in groups)
        {
            text.AppendLine(group.Key.CycleTitle).AppendLine(new string('=', group.Key.CycleTitle.Length));
            foreach (var item in group)
            {
                text.AppendLine(item.Title).AppendLine(item.Text).AppendLine(links.ToPath(item.Link)).AppendLine();
            }
        }

        AppendTextFooter(text, why, easy, unsubscribe);

        var html = new StringBuilder();
        OpenHtml(html, reader);
        html.Append("<p>Hello ").Append(Html.Encode(reader.Name)).Append(",</p>")
            .Append("<p>").Append(easy ? "Here is what happened." : $"Here is what happened since your last {period} summary.").Append("</p>");
        foreach (var group in groups)
        {
            html.Append("<h2 style=\"font-size:1.25em\">").Append(Html.Encode(group.Key.CycleTitle)).Append("</h2><ul>");
            foreach (var item in group)
            {
                html.Append("<li><p><a href=\"").Append(Html.Encode(links.ToPath(item.Link))).Append("\">")
                    .Append(Html.Encode(item.Title)).Append("</a></p><p>").Append(Html.Encode(item.Text)).Append("</p></li>");
            }

            html.Append("</ul>");
        }

        CloseHtml(html, why, easy, unsubscribe);
        return new OutgoingEmail(reader.Email, subject, text.ToString(), html.ToString(),
            frequency == NotificationFrequency.DailySummary ? "Daily summary" : "Weekly summary", Headers(unsubscribe));
    }

    /// <summary>The address of the unsubscribe page for this person and these kinds.</summary>
    public string UnsubscribeLink(string userId, IEnumerable<NotificationKind> kinds) =>
        links.ToPath($"/unsubscribe/{tokens.For(userId, kinds)}");

    private static Dictionary<string, string> Headers(string unsubscribe) => new()
    {
        ["List-Unsubscribe"] = $"<{unsubscribe}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    private void AppendTextFooter(StringBuilder text, string why, bool easy, string unsubscribe) => text
        .AppendLine("--")
        .AppendLine(why)
        .AppendLine(easy ? "You can also see all of this in the service." : "Everything is also listed in the service.")
        .Append(easy ? "Choose how we tell you things: " : "Choose how you hear about things: ").AppendLine(links.ToPath(PreferencesPath))
        .Append(easy ? "Stop these emails: " : "Stop emails like this: ").AppendLine(unsubscribe);

    // Large print: 24px type with generous spacing (RNIB's clear print guidance starts large print at 16 point).
    private static void OpenHtml(StringBuilder html, NotificationReader reader) => html
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(ServiceName).Append("</title></head>")
        .Append("<body style=\"font-family:Arial,sans-serif;")
        .Append(reader.LargePrint ? "font-size:24px;line-height:1.5" : "font-size:16px;line-height:1.4")
        .Append(";color:#212b32\">");

    private void CloseHtml(StringBuilder html, string why, bool easy, string unsubscribe) => html
        .Append("<hr><p>").Append(Html.Encode(why)).Append(' ')
        .Append(easy ? "You can also see all of this in the service." : "Everything is also listed in the service.").Append("</p>")
        .Append("<p><a href=\"").Append(Html.Encode(links.ToPath(PreferencesPath))).Append("\">")
        .Append(easy ? "Choose how we tell you things" : "Choose how you hear about things").Append("</a></p>")
        .Append("<p><a href=\"").Append(Html.Encode(unsubscribe)).Append("\">")
        .Append(easy ? "Stop these emails" : "Stop emails like this").Append("</a></p>")
        .Append("</body></html>");
}
