using System.Net;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Tests.Infrastructure;
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
        Assert.Contains("Invalid login attempt", posted.Text);
        Assert.Equal("carer@demo.copro.test", posted.Document.QuerySelector("#Input_Email")?.GetAttribute("value"));
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
        await using (var scope = fixture.Db())
        {
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(_ct);
        }

        await using var check = fixture.Db();
        Assert.Equal(DemoSeeder.Accounts.Count, await check.Context.Users.CountAsync(_ct));
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
