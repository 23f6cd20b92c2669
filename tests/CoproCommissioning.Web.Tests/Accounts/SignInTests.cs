using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Areas.Identity.Pages.Account;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed class SignInFixture(PostgresServer server) : DatabaseFixture(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}

public sealed class SignInTests(SignInFixture fixture) : IClassFixture<SignInFixture>
{
    private const string LoginUrl = "/Identity/Account/Login";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_demo_account_signs_in_through_the_form_and_reaches_a_signed_in_page()
    {
        var client = BrowserLikeClient.For(fixture.Factory);

        var posted = await client.SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = "panel@demo.copro.test",
            ["Input.Password"] = DemoSeeder.Password,
        }, "form#account", _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var home = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("panel@demo.copro.test", home.Text);
        var manage = await client.GetAsync("/Identity/Account/Manage", _ct);
        Assert.Equal(HttpStatusCode.OK, manage.Status);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_email_typed_is_kept()
    {
        var client = BrowserLikeClient.For(fixture.Factory);

        var posted = await client.SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = "carer@demo.copro.test",
            ["Input.Password"] = "not-the-password",
        }, "form#account", _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(LoginModel.NotRecognised, posted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("carer@demo.copro.test", posted.Document.QuerySelector("#Input_Email")?.GetAttribute("value"));
        Assert.Null(posted.Document.QuerySelector("#Input_Password")?.GetAttribute("value"));
    }

    [Fact]
    public async Task An_empty_form_says_what_to_enter_beside_each_field()
    {
        var posted = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        }, "form#account", _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Enter your email address", posted.Document.QuerySelector("#Input_Email-error")?.TextContent);
        Assert.Contains("Enter your password", posted.Document.QuerySelector("#Input_Password-error")?.TextContent);
        Assert.Equal("#Input_Email", posted.Document.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_and_even_the_right_password_is_refused()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);

        List<BrowserLikeClient.Page> attempts = [];
        for (var i = 0; i < 5; i++)
        {
            attempts.Add(await SignInAsync(client, account.Email, $"Wrong-password-{i}"));
        }

        // Locked or not, the answer is the same page and words (Security/FailedSignInTests): nobody learns whose account they locked.
        Assert.All(attempts, attempt => Assert.Equal(HttpStatusCode.OK, attempt.Status));
        Assert.All(attempts, attempt => Assert.Contains(LoginModel.NotRecognised, attempt.Text));

        var withRightPassword = await SignInAsync(client, account.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, withRightPassword.Status);
        Assert.Contains(LoginModel.NotRecognised, withRightPassword.Text);
        Assert.Contains("we lock the account for 15 minutes", withRightPassword.Text);

        var stillSignedOut = await client.GetAsync("/Identity/Account/Manage", _ct);
        Assert.Equal(HttpStatusCode.Redirect, stillSignedOut.Status);
        await using var scope = fixture.Db();
        var user = await scope.Context.Users.SingleAsync(u => u.Id == account.Id, _ct);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.org";

        var unknown = await SignInAsync(BrowserLikeClient.For(fixture.Factory), unknownEmail, "Some-password-1");
        var wrongPassword = await SignInAsync(BrowserLikeClient.For(fixture.Factory), account.Email, "Some-password-1");

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(unknown.Status, wrongPassword.Status);
        Assert.Equal(Comparable(unknown, unknownEmail), Comparable(wrongPassword, account.Email));
        Assert.Contains(LoginModel.NotRecognised, unknown.Text);
    }

    [Fact]
    public async Task The_sign_in_page_offers_no_registration_and_no_external_sign_in()
    {
        var page = await BrowserLikeClient.For(fixture.Factory).GetAsync(LoginUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign in", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("Register", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("external", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll("a[href*='Register'], form[action*='ExternalLogin']"));
        Assert.Empty(page.Document.QuerySelectorAll(".btn, .form-control, .form-floating"));
    }

    private Task<BrowserLikeClient.Page> SignInAsync(BrowserLikeClient client, string email, string password) =>
        client.SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, "form#account", _ct);

    /// <summary>The main content with what differs by design taken out: the email typed and the antiforgery token.</summary>
    private static string Comparable(BrowserLikeClient.Page page, string emailTyped)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return page.Document.QuerySelector("main")!.OuterHtml
            .Replace(token, "<token>", StringComparison.Ordinal)
            .Replace(emailTyped, "<email>", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_for_a_protected_page()
    {
        var page = await BrowserLikeClient.For(fixture.Factory).GetAsync("/Identity/Account/Manage", _ct);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login", page.Location);
    }

    [Fact]
    public async Task Seeding_the_demo_data_again_adds_nothing()
    {
        var demoEmails = DemoSeeder.Accounts.Select(a => a.Email).ToList();
        int accountsBefore, cyclesBefore, contributionsBefore;
        await using (var before = fixture.Db())
        {
            accountsBefore = await before.Context.Users.CountAsync(u => demoEmails.Contains(u.Email!), _ct);
            cyclesBefore = await before.Context.Cycles.CountAsync(_ct);
            contributionsBefore = await before.Context.Set<Contribution>().CountAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(_ct);
        }

        await using var check = fixture.Db();
        Assert.Equal(DemoSeeder.Accounts.Count, accountsBefore);
        Assert.Equal(accountsBefore, await check.Context.Users.CountAsync(u => demoEmails.Contains(u.Email!), _ct));
        Assert.True(cyclesBefore >= 2);
        Assert.Equal(cyclesBefore, await check.Context.Cycles.CountAsync(_ct));
        Assert.Equal(contributionsBefore, await check.Context.Set<Contribution>().CountAsync(_ct));
        Assert.Equal(2, await check.Context.Roles.CountAsync(_ct));
    }

    [Fact]
    public async Task Sign_in_cookies_are_protected_with_keys_kept_in_the_database()
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = "champion@demo.copro.test",
            ["Input.Password"] = DemoSeeder.Password,
        }, "form#account", _ct);

        await using var scope = fixture.Db();
        Assert.True(await scope.Context.DataProtectionKeys.AnyAsync(_ct));
    }
}
