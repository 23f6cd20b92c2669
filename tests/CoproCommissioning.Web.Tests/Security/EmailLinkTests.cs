using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Security;

/// <summary>The app as deployed at a public address of its own, different from the test server's default host.</summary>
public sealed class PublicAddressFixture(PostgresServer server) : DatabaseFixture(server)
{
    public const string PublicBaseUrl = "https://copro.example.nhs.uk";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.PublicBaseUrl = PublicBaseUrl + "/";
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}

/// <summary>
/// Password-reset and invitation links carry secrets: they must point at the app's configured address whatever
/// Host or X-Forwarded-Host header a request carries, or an attacker gets a real token mailed to their own site.
/// </summary>
public sealed partial class EmailLinkTests(PublicAddressFixture fixture) : IClassFixture<PublicAddressFixture>
{
    private const string Hostile = "evil.example";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reset_link_is_built_from_the_configured_address_not_the_request()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = Client();

        var posted = await client.SubmitAsync("/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = account.Email }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var link = Assert.Single(await LinksEmailedToAsync(account.Email));
        Assert.StartsWith($"{PublicAddressFixture.PublicBaseUrl}/Identity/Account/ResetPassword?code=", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgot_password_post_with_a_hostile_host_header_never_mails_a_link_to_that_host()
    {
        var account = await TestAccounts.CreateAsync(fixture);

        var status = await PostWithHostileHostAsync(Client(), "/Identity/Account/ForgotPassword", "/Identity/Account/ForgotPassword",
            new() { ["Input.Email"] = account.Email });

        var links = await LinksEmailedToAsync(account.Email);
        Assert.True(status == HttpStatusCode.BadRequest || links.Count == 1, $"Answered {(int)status} and mailed {links.Count} links.");
        Assert.All(links, l => Assert.StartsWith(PublicAddressFixture.PublicBaseUrl + "/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invitation_sent_with_a_hostile_host_header_never_links_to_that_host()
    {
        const string commissioner = "commissioner@demo.copro.test";
        var cycle = await TestCycles.CreateAsync(fixture, (commissioner, CycleRole.Commissioner));
        var client = Client();
        await client.SignInAsync(commissioner, DemoSeeder.Password, _ct);
        var invitee = $"invitee-{Guid.NewGuid():N}@example.org";
        var members = $"/cycles/{cycle.Id}/members";

        var status = await PostWithHostileHostAsync(client, $"{members}?handler=Invite", members, new()
        {
            ["Form.Email"] = invitee,
            ["Form.Role"] = nameof(CycleRole.Observer),
        });

        var links = await LinksEmailedToAsync(invitee);
        Assert.True(status == HttpStatusCode.BadRequest || links.Count == 1, $"Answered {(int)status} and mailed {links.Count} links.");
        Assert.All(links, l => Assert.StartsWith($"{PublicAddressFixture.PublicBaseUrl}/invitations/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_does_not_start_without_a_public_address()
    {
        await using var factory = new AppFactory(fixture.ConnectionString) { PublicBaseUrl = "" };

        var failure = Record.Exception(() => factory.Services);

        Assert.NotNull(failure);
        Assert.Contains("App:PublicBaseUrl is not set", failure.ToString(), StringComparison.Ordinal);
    }

    private BrowserLikeClient Client() => new(fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(PublicAddressFixture.PublicBaseUrl),
    }));

    /// <summary>Reads the form's token as a browser would, then posts with a forged Host and X-Forwarded-Host.</summary>
    private async Task<HttpStatusCode> PostWithHostileHostAsync(BrowserLikeClient client, string url, string formUrl,
        Dictionary<string, string> fields)
    {
        var form = await client.GetAsync(formUrl, _ct);
        fields["__RequestVerificationToken"] = form.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {formUrl}.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Host = Hostile;
        request.Headers.Add("X-Forwarded-Host", Hostile);
        using var response = await client.Http.SendAsync(request, _ct);
        return response.StatusCode;
    }

    private async Task<List<string>> LinksEmailedToAsync(string address) =>
        [.. (await TestMailbox.EmailsToAsync(fixture.Factory, address, _ct))
            .SelectMany(m => Link().Matches(m.HtmlBody ?? "").Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)))];

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();
}
