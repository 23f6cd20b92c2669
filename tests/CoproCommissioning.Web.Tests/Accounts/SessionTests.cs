using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>How long a sign-in lasts. Each test runs the app on its own clock and moves it forward.</summary>
public sealed class SessionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string AccountPage = "/Identity/Account/Manage";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_even_when_in_use()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithClock(clock);
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        // In use all day: a page every 20 minutes, so the cookie is renewed and the account re-checked again and again.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AccountPage, _ct)).Status);
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        var afterTwelveHours = await client.GetAsync(AccountPage, _ct);

        Assert.Equal(HttpStatusCode.Redirect, afterTwelveHours.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login", afterTwelveHours.Location);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AccountPage, _ct)).Status);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_within_five_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithClock(clock);
        var account = await TestAccounts.CreateAsync(fixture);
        var laptop = BrowserLikeClient.For(app);
        var phone = BrowserLikeClient.For(app);
        await laptop.SignInAsync(account.Email, TestAccounts.Password, _ct);
        await phone.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var changed = await laptop.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "Quite-different-password-2026",
            ["Input.ConfirmPassword"] = "Quite-different-password-2026",
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var onThePhone = await phone.GetAsync(AccountPage, _ct);
        var onTheLaptop = await laptop.GetAsync(AccountPage, _ct);

        Assert.Equal(HttpStatusCode.Redirect, onThePhone.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login", onThePhone.Location);
        Assert.Equal(HttpStatusCode.OK, onTheLaptop.Status);
    }

    [Fact]
    public async Task Turning_two_factor_on_and_off_keeps_the_session_it_was_done_in()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithClock(clock);
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var setUp = await client.GetAsync("/Identity/Account/Manage/EnableAuthenticator", _ct);
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent;
        var enabled = await client.SubmitAsync("/Identity/Account/Manage/EnableAuthenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AccountPage, _ct)).Status);

        var sessionWithTwoFactor = BrowserLikeClient.For(app);
        await sessionWithTwoFactor.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var code = await sessionWithTwoFactor.SubmitAsync("/Identity/Account/LoginWith2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        var off = await sessionWithTwoFactor.SubmitAsync("/Identity/Account/Manage/Disable2fa", new Dictionary<string, string>(), "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await sessionWithTwoFactor.GetAsync(AccountPage, _ct)).Status);
    }
}
