using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed class TwoFactorFixture(PostgresServer server) : DatabaseFixture(server)
{
    private WebApplicationFactory<Program>? _required;

    /// <summary>The same app and database with Accounts:RequireTwoFactorForStaff on, as outside Development.</summary>
    public WebApplicationFactory<Program> Required =>
        _required ??= Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:RequireTwoFactorForStaff", "true"));

    public BrowserLikeClient ClientFor(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

public sealed class TwoFactorTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private const string EnableAuthenticator = TwoFactorEnforcementMiddleware.SetUpPath;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SiteRoles.Commissioner)]
    [InlineData(SiteRoles.Administrator)]
    public async Task Staff_without_an_authenticator_are_taken_to_set_one_up_before_anything_else(string role)
    {
        var account = await TestAccounts.CreateAsync(fixture, role);
        var client = fixture.ClientFor(fixture.Required);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        List<string> urls = ["/", "/Identity/Account/Manage", "/Identity/Account/Manage/ChangePassword", $"/cycles/{Guid.NewGuid()}/members"];
        if (role == SiteRoles.Administrator)
        {
            urls.Add("/admin/sent-emails");
        }

        foreach (var url in urls)
        {
            var page = await client.GetAsync(url, _ct);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal(EnableAuthenticator, page.Location);
        }

        var setUp = await client.GetAsync(EnableAuthenticator, _ct);
        Assert.Equal(HttpStatusCode.OK, setUp.Status);
        Assert.Contains("You need to set up two-factor authentication before you can use the service", setUp.Text);
        Assert.StartsWith("data:image/svg+xml;base64,", setUp.Document.QuerySelector("img.app-qr-code")?.GetAttribute("src"));

        // What they still need on the way: the stylesheet, the health check, and signing out.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css", _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Manage/TwoFactorAuthentication", _ct)).Status);
        var signOut = await client.SubmitAsync("/Identity/Account/Logout", new Dictionary<string, string>(), "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal("/Identity/Account/Logout", signOut.Location);
    }

    [Theory]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.Commissioner)]
    public async Task A_cycle_champion_without_a_site_role_must_set_up_two_factor_before_acting(CycleRole role)
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var cycle = await TestCycles.CreateAsync(fixture, (account.Email, role));
        var client = fixture.ClientFor(fixture.Required);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        foreach (var url in new[] { "/", $"/cycles/{cycle.Id}", $"/cycles/{cycle.Id}/members", "/Identity/Account/Manage" })
        {
            var page = await client.GetAsync(url, _ct);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal(EnableAuthenticator, page.Location);
        }

        var setUp = await client.GetAsync(EnableAuthenticator, _ct);
        Assert.Contains("You need to set up two-factor authentication before you can use the service", setUp.Text);
        var turnOff = await client.GetAsync("/Identity/Account/Manage/TwoFactorAuthentication", _ct);
        Assert.Contains("must set up two-factor authentication", turnOff.Text);
    }

    [Fact]
    public async Task A_commissioner_appointed_to_a_cycle_after_signing_in_is_asked_for_two_factor_at_once()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var cycle = await TestCycles.CreateAsync(fixture);
        var client = fixture.ClientFor(fixture.Required);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).Status);

        await using (var scope = fixture.Db())
        {
            scope.Context.Memberships.Add(Expect.Success(
                CycleMembership.Create(cycle.Id, account.Id, CycleRole.Commissioner, null, null, null, DateTimeOffset.UtcNow)));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var next = await client.GetAsync($"/cycles/{cycle.Id}", _ct);
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Equal(EnableAuthenticator, next.Location);
    }

    [Theory]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.Provider)]
    [InlineData(CycleRole.ClinicalAdviser)]
    [InlineData(CycleRole.Observer)]
    public async Task Other_cycle_members_are_not_asked_to_set_up_an_authenticator(CycleRole role)
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var cycle = await TestCycles.CreateAsync(fixture, (account.Email, role));
        var client = fixture.ClientFor(fixture.Required);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cycles/{cycle.Id}", _ct)).Status);
    }

    [Fact]
    public async Task A_panel_member_is_not_asked_to_set_up_an_authenticator()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = fixture.ClientFor(fixture.Required);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Manage", _ct)).Status);
    }

    [Fact]
    public async Task With_the_setting_off_as_in_the_demo_a_commissioner_goes_straight_in()
    {
        var account = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).Status);
        var setUp = await client.GetAsync(EnableAuthenticator, _ct);
        Assert.DoesNotContain("You need to set up two-factor authentication", setUp.Text);
    }

    [Fact]
    public async Task A_commissioner_turns_on_two_factor_with_a_code_from_the_app_and_then_signs_in_with_one()
    {
        var account = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner);
        var client = fixture.ClientFor(fixture.Required);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var setUp = await client.GetAsync(EnableAuthenticator, _ct);
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent;
        var enabled = await client.SubmitAsync(EnableAuthenticator, new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", enabled.Location);
        var codes = await client.FollowRedirectAsync(enabled, _ct);
        Assert.Equal(10, codes.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).Status);
        await using (var scope = fixture.Db())
        {
            Assert.True(await scope.Context.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync(_ct));
        }

        // Signing in now takes the password and then a code.
        var next = fixture.ClientFor(fixture.Required);
        var password = await next.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Location);
        Assert.StartsWith("http://localhost/Identity/Account/Login", (await next.GetAsync("/Identity/Account/Manage", _ct)).Location);

        var wrong = await next.SubmitAsync(password.Location!, new Dictionary<string, string> { ["Input.TwoFactorCode"] = "000000" }, "main form", _ct);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(AuthenticatorCode.WrongCode, wrong.Document.QuerySelector("#Input_TwoFactorCode-error")?.TextContent);
        Assert.Equal("000000", wrong.Document.QuerySelector("#Input_TwoFactorCode")?.GetAttribute("value"));

        var right = await next.SubmitAsync(password.Location!, new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)),
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/cycles", right.Location);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/", _ct)).Status);

        // Required for staff: the page offers no way to turn it off, and a hand-made POST is refused.
        var offer = await next.GetAsync("/Identity/Account/Manage/Disable2fa", _ct);
        Assert.Contains("You cannot turn off two-factor authentication", offer.Document.QuerySelector("h1")?.TextContent);
        Assert.Null(offer.Document.QuerySelector("main form"));
        var turnOff = await next.PostCraftedAsync("/Identity/Account/Manage/Disable2fa", new Dictionary<string, string>(),
            "/Identity/Account/Manage/TwoFactorAuthentication", _ct);
        Assert.Equal(HttpStatusCode.OK, turnOff.Status);
        await using (var scope = fixture.Db())
        {
            Assert.True(await scope.Context.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync(_ct));
        }
    }

    [Fact]
    public async Task A_wrong_or_badly_typed_code_is_refused_beside_the_field_and_two_factor_stays_off()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var typo = await client.SubmitAsync(EnableAuthenticator, new Dictionary<string, string> { ["Input.Code"] = "12a45" }, "main form", _ct);
        var wrong = await client.SubmitAsync(EnableAuthenticator, new Dictionary<string, string> { ["Input.Code"] = "123 456" }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, typo.Status);
        Assert.Contains("Enter the code as 6 digits, like 123456", typo.Document.QuerySelector("#Input_Code-error")?.TextContent);
        Assert.Equal("12a45", typo.Document.QuerySelector("#Input_Code")?.GetAttribute("value"));
        Assert.Contains(AuthenticatorCode.WrongCode, wrong.Document.QuerySelector("#Input_Code-error")?.TextContent);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync(_ct));
    }

    [Fact]
    public async Task A_panel_member_can_turn_two_factor_off_again()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var key = (await client.GetAsync(EnableAuthenticator, _ct)).Document.QuerySelector("#shared-key")!.TextContent;
        await client.SubmitAsync(EnableAuthenticator, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "main form", _ct);

        var turnedOff = await client.SubmitAsync("/Identity/Account/Manage/Disable2fa", new Dictionary<string, string>(), "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, turnedOff.Status);
        Assert.Contains("Two-factor authentication is off", (await client.FollowRedirectAsync(turnedOff, _ct)).Text);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync(_ct));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_instead_of_the_app()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var setUp = BrowserLikeClient.For(fixture.Factory);
        await setUp.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var key = (await setUp.GetAsync(EnableAuthenticator, _ct)).Document.QuerySelector("#shared-key")!.TextContent;
        var enabled = await setUp.SubmitAsync(EnableAuthenticator, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "main form", _ct);
        var recoveryCode = (await setUp.FollowRedirectAsync(enabled, _ct)).Document.QuerySelector("#recovery-codes li")!.TextContent.Trim();

        var first = await SignInWithRecoveryCodeAsync(account.Email, recoveryCode);
        var again = await SignInWithRecoveryCodeAsync(account.Email, recoveryCode);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal("/cycles", first.Location);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("The recovery code is not right", again.Document.QuerySelector("#Input_RecoveryCode-error")?.TextContent);
        Assert.Equal(recoveryCode, again.Document.QuerySelector("#Input_RecoveryCode")?.GetAttribute("value"));
    }

    private async Task<BrowserLikeClient.Page> SignInWithRecoveryCodeAsync(string email, string recoveryCode)
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        var password = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Location);
        return await client.SubmitAsync("/Identity/Account/LoginWithRecoveryCode", new Dictionary<string, string>
        {
            ["Input.RecoveryCode"] = recoveryCode,
        }, "main form", _ct);
    }
}
