using System.Text.Encodings.Web;
using CoproCommissioning.Web.Infrastructure.Accounts;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

public static class SetUpEmail
{
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
}
