using System.Diagnostics;
using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Areas.Identity.Pages.Account;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Security;

/// <summary>From outside, a failed sign-in tells nobody whether the account exists or is locked.</summary>
public sealed class FailedSignInTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private const string LoginUrl = "/Identity/Account/Login";
    private const string Password = "Some-password-1";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_sign_in_looks_the_same_for_unknown_wrong_password_and_locked_accounts()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        var wrongPassword = (await TestAccounts.CreateAsync(fixture)).Email;
        var locked = await LockedAccountAsync();
        await SignInAsync(unknown); // the first request of a host pays for start-up

        var pages = new Dictionary<string, BrowserLikeClient.Page>
        {
            [unknown] = await SignInAsync(unknown),
            [wrongPassword] = await SignInAsync(wrongPassword),
            [locked] = await SignInAsync(locked),
        };

        Assert.All(pages.Values, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        var expected = Comparable(pages[unknown], unknown);
        Assert.Equal(expected, Comparable(pages[wrongPassword], wrongPassword));
        Assert.Equal(expected, Comparable(pages[locked], locked));
        Assert.Contains(LoginModel.NotRecognised, pages[locked].Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Contains("we lock the account for 15 minutes", pages[locked].Text);
        Assert.NotNull(pages[locked].Document.QuerySelector(".nhsuk-inset-text a[href='/Identity/Account/ForgotPassword']"));

        // Timing: an unknown or locked account must cost as much work as a wrong password (one password hash).
        // Three tries each (four wrong passwords in all would lock the account at five), medians compared loosely.
        List<TimeSpan> unknownTimes = [], wrongTimes = [], lockedTimes = [];
        for (var i = 0; i < 3; i++)
        {
            unknownTimes.Add(await TimedSignInAsync(unknown));
            wrongTimes.Add(await TimedSignInAsync(wrongPassword));
            lockedTimes.Add(await TimedSignInAsync(locked));
        }

        var wrong = Median(wrongTimes);
        Assert.True(Median(unknownTimes) >= wrong / 3, $"Unknown email: {Median(unknownTimes).TotalMilliseconds} ms; wrong password: {wrong.TotalMilliseconds} ms");
        Assert.True(Median(lockedTimes) >= wrong / 3, $"Locked account: {Median(lockedTimes).TotalMilliseconds} ms; wrong password: {wrong.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_locked_account_with_the_right_password_gets_the_same_refusal_and_stays_signed_out()
    {
        var locked = await LockedAccountAsync();
        var client = BrowserLikeClient.For(fixture.Factory);

        var page = await client.SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = locked,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(LoginModel.NotRecognised, page.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage", _ct)).Status);
    }

    private async Task<string> LockedAccountAsync()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("No account.");
        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.True(result.Succeeded);
        return account.Email;
    }

    private Task<BrowserLikeClient.Page> SignInAsync(string email) =>
        BrowserLikeClient.For(fixture.Factory).SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }, "form#account", _ct);

    private async Task<TimeSpan> TimedSignInAsync(string email)
    {
        var started = Stopwatch.GetTimestamp();
        var page = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return Stopwatch.GetElapsedTime(started);
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>The main content with what differs by design taken out: the email typed and the antiforgery token.</summary>
    private static string Comparable(BrowserLikeClient.Page page, string emailTyped)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return page.Document.QuerySelector("main")!.OuterHtml
            .Replace(token, "<token>", StringComparison.Ordinal)
            .Replace(emailTyped, "<email>", StringComparison.Ordinal);
    }
}
