using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Security;

/// <summary>Holes an attacker's review of the first fixes found: each test fails without its fix.</summary>
public sealed class ReviewFindingsTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private const string ForgotUrl = "/Identity/Account/ForgotPassword";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("?Input.Email={0}", "Input.Other", "x")]
    [InlineData("", "Email", "{0}")]
    public async Task A_form_binds_only_from_its_own_posted_fields_so_the_per_email_limit_sees_what_the_page_uses(
        string query, string field, string value)
    {
        // Otherwise the email could come from the query string or an unprefixed field, which the per-email
        // limit does not read, and one inbox could be flooded with reset emails.
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);

        var posted = await client.PostCraftedAsync(ForgotUrl + string.Format(query, Uri.EscapeDataString(account.Email)),
            new Dictionary<string, string> { [field] = string.Format(value, account.Email) }, ForgotUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.NotNull(posted.Document.QuerySelector("#Input_Email-error"));
        Assert.Empty(await EmailsToAsync(account.Email));
    }

    [Fact]
    public async Task Wrong_current_passwords_on_change_password_count_towards_lockout()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        BrowserLikeClient.Page last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await client.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
            {
                ["Input.OldPassword"] = $"a wrong guess number {attempt}",
                ["Input.NewPassword"] = "violet kettle harbour spoon",
                ["Input.ConfirmPassword"] = "violet kettle harbour spoon",
            }, "main form", _ct);
        }

        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(account.Id);
        Assert.True(await users.IsLockedOutAsync(user!));
        Assert.Equal(HttpStatusCode.Redirect, last.Status);
        Assert.Contains("/Identity/Account/Lockout", last.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_only_from_known_proxies_even_when_the_host_enables_them()
    {
        // Some hosts set ASPNETCORE_FORWARDEDHEADERS_ENABLED, which empties the known proxies: then any client
        // could name its own address in X-Forwarded-For and get a fresh rate-limit bucket on every post.
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("FORWARDEDHEADERS_ENABLED", "true"));

        var options = factory.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(1, options.ForwardLimit);
        Assert.True(options.KnownProxies.Count + options.KnownIPNetworks.Count > 0);
        Assert.All(options.KnownProxies, p => Assert.True(IPAddress.IsLoopback(p), $"{p} is trusted"));
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }

    private Task<IReadOnlyList<MimeMessage>> EmailsToAsync(string address) => TestMailbox.EmailsToAsync(fixture.Factory, address, _ct);
}
