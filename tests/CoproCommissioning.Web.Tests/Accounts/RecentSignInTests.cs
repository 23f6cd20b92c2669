using System.Net;
using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>
/// Changes to how someone signs in ask them to prove who they are again ("Confirm it's you") when they last did more
/// than five minutes ago. Each test runs the app on its own clock and moves it forward.
/// </summary>
public sealed class RecentSignInTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string ConfirmUrl = "/Identity/Account/ConfirmItsYou";
    private const string ResetUrl = "/Identity/Account/Manage/ResetAuthenticator";
    private const string NewCodesUrl = "/Identity/Account/Manage/GenerateRecoveryCodes";
    private const string EnableUrl = "/Identity/Account/Manage/EnableAuthenticator";
    private static readonly TimeSpan FiveMinutesAndASecond = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resetting_the_authenticator_asks_for_the_password_again_after_five_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithClock(clock);
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(EnableUrl, _ct)).Status);
        var keyBefore = await AuthenticatorKeyAsync(account.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ResetUrl, _ct)).Status);

        clock.Advance(FiveMinutesAndASecond);
        var page = await client.GetAsync(ResetUrl, _ct);
        var post = await client.PostCraftedAsync(ResetUrl, new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);

        var expected = $"{ConfirmUrl}?returnUrl=%2FIdentity%2FAccount%2FManage%2FResetAuthenticator";
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(expected, page.Location);
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Equal(expected, post.Location);
        Assert.Equal(keyBefore, await AuthenticatorKeyAsync(account.Id));

        var confirm = await client.GetAsync(expected, _ct);
        Assert.Equal("Confirm it's you", confirm.Document.QuerySelector("h1")?.TextContent);
        Assert.Null(confirm.Document.QuerySelector("#Input_Code"));
        var wrong = await client.SubmitAsync(expected, new Dictionary<string, string> { ["Input.Password"] = "Not-my-password-1" }, "main form", _ct);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("The password is not right", wrong.Document.QuerySelector("#Input_Password-error")?.TextContent);
        Assert.Equal("#Input_Password", wrong.Document.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        var empty = await client.SubmitAsync(expected, new Dictionary<string, string> { ["Input.Password"] = "" }, "main form", _ct);
        Assert.Contains("Enter your password", empty.Document.QuerySelector("#Input_Password-error")?.TextContent);

        var right = await client.SubmitAsync(expected, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/Identity/Account/Manage/ResetAuthenticator", right.Location);
        clock.Advance(TimeSpan.FromMinutes(4));
        var reset = await client.SubmitAsync(ResetUrl, new Dictionary<string, string>(), "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal(EnableUrl, reset.Location);
        Assert.NotEqual(keyBefore, await AuthenticatorKeyAsync(account.Id));
    }

    [Fact]
    public async Task Getting_new_recovery_codes_asks_for_a_code_from_the_app_again_after_five_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = fixture.Factory.WithClock(clock);
        var account = await TestAccounts.CreateAsync(fixture);
        var key = await TurnOnTwoFactorAsync(account.Id);
        var client = await SignInWithCodeAsync(app, account.Email, key);

        clock.Advance(FiveMinutesAndASecond);
        var page = await client.GetAsync(NewCodesUrl, _ct);

        var expected = $"{ConfirmUrl}?returnUrl=%2FIdentity%2FAccount%2FManage%2FGenerateRecoveryCodes";
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(expected, page.Location);
        var confirm = await client.GetAsync(expected, _ct);
        Assert.NotNull(confirm.Document.QuerySelector("#Input_Code"));
        Assert.Null(confirm.Document.QuerySelector("#Input_Password"));
        var wrong = await client.SubmitAsync(expected, new Dictionary<string, string> { ["Input.Code"] = "000000" }, "main form", _ct);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("The code is not right", wrong.Document.QuerySelector("#Input_Code-error")?.TextContent);
        Assert.Equal("000000", wrong.Document.QuerySelector("#Input_Code")?.GetAttribute("value"));
        var withPassword = await client.SubmitAsync(expected, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password }, "main form", _ct);
        Assert.Equal(HttpStatusCode.OK, withPassword.Status);
        Assert.Contains("Enter the 6-digit code", withPassword.Document.QuerySelector("#Input_Code-error")?.TextContent);

        var right = await client.SubmitAsync(expected, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal(NewCodesUrl, right.Location);
        var made = await client.SubmitAsync(NewCodesUrl, new Dictionary<string, string>(), "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", made.Location);
    }

    [Fact]
    public async Task Staff_made_to_set_up_two_factor_straight_after_signing_in_are_not_asked_to_confirm()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = RequiringTwoFactor(clock);
        var account = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner);
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        Assert.Equal(EnableUrl, (await client.GetAsync("/", _ct)).Location);

        clock.Advance(TimeSpan.FromMinutes(2));
        var setUp = await client.GetAsync(EnableUrl, _ct);
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent;
        var enabled = await client.SubmitAsync(EnableUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", enabled.Location);
        Assert.Equal(10, (await client.FollowRedirectAsync(enabled, _ct)).Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).Status);
    }

    [Fact]
    public async Task Staff_who_set_up_two_factor_later_confirm_their_password_first_and_carry_on()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = RequiringTwoFactor(clock);
        var account = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner);
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(EnableUrl, (await client.GetAsync("/", _ct)).Location);
        var setUp = await client.GetAsync(EnableUrl, _ct);
        Assert.Equal(HttpStatusCode.Redirect, setUp.Status);
        var confirm = await client.GetAsync(setUp.Location!, _ct);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        var confirmed = await client.SubmitAsync(setUp.Location!, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password }, "main form", _ct);

        Assert.Equal(EnableUrl, confirmed.Location);
        Assert.NotNull((await client.GetAsync(EnableUrl, _ct)).Document.QuerySelector("#shared-key"));
    }

    [Fact]
    public async Task Confirming_never_sends_the_person_to_another_site()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var confirmed = await client.SubmitAsync($"{ConfirmUrl}?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Password"] = TestAccounts.Password,
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal("/Identity/Account/Manage", confirmed.Location);
    }

    private WebApplicationFactory<Program> RequiringTwoFactor(TimeProvider clock) =>
        fixture.Factory.WithClock(clock, b => b.UseSetting("Accounts:RequireTwoFactorForStaff", "true"));

    private async Task<BrowserLikeClient> SignInWithCodeAsync(WebApplicationFactory<Program> app, string email, string key)
    {
        var client = BrowserLikeClient.For(app);
        var password = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Location);
        var code = await client.SubmitAsync(password.Location!, new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        return client;
    }

    private async Task<string> TurnOnTwoFactorAsync(string userId)
    {
        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No user.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No key.");
    }

    private async Task<string?> AuthenticatorKeyAsync(string userId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.UserTokens.Where(t => t.UserId == userId && t.Name == "AuthenticatorKey")
            .Select(t => t.Value).SingleOrDefaultAsync(_ct);
    }
}
