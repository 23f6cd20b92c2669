using System.Net;
using CoproCommissioning.Web.DemoData;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed class IdentityPagesFixture(PostgresServer server) : DatabaseFixture(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}

/// <summary>Every Identity UI page is ours (NHS.UK, not the package's Bootstrap), and the ones we do not offer are not there.</summary>
public sealed class IdentityPagesTests(IdentityPagesFixture fixture) : IClassFixture<IdentityPagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> NotOffered =>
    [
        "/Identity/Account/Register",
        "/Identity/Account/RegisterConfirmation",
        "/Identity/Account/ExternalLogin",
        "/Identity/Account/ConfirmEmail",
        "/Identity/Account/ConfirmEmailChange",
        "/Identity/Account/ResendEmailConfirmation",
        "/Identity/Account/Manage/ExternalLogins",
        "/Identity/Account/Manage/Email",
        "/Identity/Account/Manage/SetPassword",
        "/Identity/Error",
    ];

    [Theory]
    [MemberData(nameof(NotOffered))]
    public async Task A_page_for_self_registration_external_sign_in_or_email_confirmation_is_not_found(string url)
    {
        var anonymous = BrowserLikeClient.For(fixture.Factory);
        var signedIn = BrowserLikeClient.For(fixture.Factory);
        await signedIn.SignInAsync("panel@demo.copro.test", DemoSeeder.Password, _ct);

        foreach (var client in new[] { anonymous, signedIn })
        {
            var get = await client.GetAsync(url, _ct);
            Assert.Equal(HttpStatusCode.NotFound, get.Status);
            Assert.Contains("Page not found", get.Text);

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = $"someone-{Guid.NewGuid():N}@example.org",
                ["Input.Password"] = "A-long-Passw0rd",
                ["Input.ConfirmPassword"] = "A-long-Passw0rd",
            });
            using var post = await client.Http.PostAsync($"{url}?handler=LinkLogin", form, _ct);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
    }

    [Fact]
    public async Task Posting_the_registration_form_creates_no_account()
    {
        var email = $"walk-in-{Guid.NewGuid():N}@example.org";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "A-long-Passw0rd",
            ["Input.ConfirmPassword"] = "A-long-Passw0rd",
        });

        using var response = await BrowserLikeClient.For(fixture.Factory).Http.PostAsync("/Identity/Account/Register", form, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = fixture.Db();
        Assert.DoesNotContain(scope.Context.Users, u => u.Email == email);
    }

    [Fact]
    public async Task Every_Identity_page_the_app_serves_is_compiled_from_this_app_not_the_Identity_UI_package()
    {
        var loader = fixture.Factory.Services.GetRequiredService<PageLoader>();
        var pages = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is { AreaName: "Identity" })
            .ToList();

        Assert.NotEmpty(pages);
        foreach (var (endpoint, page) in pages)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            Assert.True(compiled.PageTypeInfo.Assembly == typeof(Program).Assembly,
                $"{page!.ViewEnginePath} comes from {compiled.PageTypeInfo.Assembly.GetName().Name}");
        }

        Assert.Contains(pages, p => p.Page!.ViewEnginePath == "/Account/Manage/EnableAuthenticator");
    }

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/Identity/Account/ForgotPasswordConfirmation")]
    [InlineData("/Identity/Account/ResetPassword?code=abc")]
    [InlineData("/Identity/Account/ResetPasswordConfirmation")]
    [InlineData("/Identity/Account/Lockout")]
    [InlineData("/Identity/Account/Logout")]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task An_anonymous_account_page_uses_the_NHS_layout_without_Bootstrap(string url)
    {
        var page = await BrowserLikeClient.For(fixture.Factory).GetAsync(url, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("header.nhsuk-header"));
        Assert.Single(page.Document.QuerySelectorAll("main h1"));
        Assert.Empty(page.Document.QuerySelectorAll(".btn, .form-control, .form-floating, .row, .col-md-4, .alert"));
    }

    [Fact]
    public async Task The_code_pages_opened_without_the_password_step_ask_to_sign_in_again()
    {
        var client = BrowserLikeClient.For(fixture.Factory);

        var code = await client.GetAsync("/Identity/Account/LoginWith2fa", _ct);
        var recovery = await client.GetAsync("/Identity/Account/LoginWithRecoveryCode", _ct);
        var deleted = await client.GetAsync("/Identity/Account/Deleted", _ct);

        Assert.Equal("Sign in again", code.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Sign in again", recovery.Document.QuerySelector("h1")?.TextContent);
        Assert.Null(code.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/", deleted.Location);
    }

    [Theory]
    [InlineData("/Identity/Account/Manage")]
    [InlineData("/Identity/Account/Manage/ChangePassword")]
    [InlineData("/Identity/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Identity/Account/Manage/EnableAuthenticator")]
    [InlineData("/Identity/Account/Manage/ResetAuthenticator")]
    [InlineData("/Identity/Account/Manage/PersonalData")]
    [InlineData("/Identity/Account/Manage/DeletePersonalData")]
    [InlineData("/Identity/Account/AccessDenied")]
    public async Task A_signed_in_account_page_uses_the_NHS_layout_without_Bootstrap(string url)
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var page = await client.GetAsync(url, _ct);

        Assert.Equal(url.EndsWith("AccessDenied", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("header.nhsuk-header"));
        Assert.Single(page.Document.QuerySelectorAll("main h1"));
        Assert.Empty(page.Document.QuerySelectorAll(".btn, .form-control, .form-floating, .row, .col-md-4, .alert, .nav-pills"));
    }
}
