using System.Text.Encodings.Web;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Accounts;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

public static class SetUpEmail
{
    public const string Purpose = "Account set-up";

    public const string Subject = "Set up your account for Co-produced commissioning";

    /// <summary>
    /// Queues the email in the context whose next SaveChanges, inside the transaction that made or changed the account,
    /// writes it: the account and its email commit together (docs/decisions/0024-email-outbox.md).
    /// </summary>
    public static OutboxMessage Queue(CoproDbContext db, AppUser user, string link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return db.Enqueue(new OutgoingEmail(user.Email!, Subject, Text(user.DisplayName, link), Html(user.DisplayName, link), Purpose, CarriesOneTimeLink: true), now);
    }

    public static string Html(string displayName, string link)
    {
        var html = HtmlEncoder.Default;
        return $"""
            <p>Dear {html.Encode(displayName)},</p>
            <p>An administrator has made you an account on Co-produced commissioning, where commissioners, providers,
            people with lived experience and carers plan mental health services together.</p>
            <p><a href="{html.Encode(link)}">Set up your account</a></p>
            <p>You'll choose a password, then set up an authenticator app on your phone. The link works once, for
            {AccountSetUp.Lifetime.Days} days. If you weren't expecting this email, you can ignore it.</p>
            """;
    }

    public static string Text(string displayName, string link) =>
        $"""
        Dear {displayName},

        An administrator has made you an account on Co-produced commissioning, where commissioners, providers, people with lived experience and carers plan mental health services together.

        Set up your account: {link}

        You'll choose a password, then set up an authenticator app on your phone. The link works once, for {AccountSetUp.Lifetime.Days} days. If you weren't expecting this email, you can ignore it.
        """;
}
