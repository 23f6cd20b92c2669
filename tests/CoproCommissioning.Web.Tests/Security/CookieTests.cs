using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CoproCommissioning.Web.Tests.Security;

/// <summary>The app as a live install runs it: the Production environment, over HTTPS.</summary>
public sealed class ProductionFixture(PostgresServer server) : DatabaseFixture(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.EnvironmentName = "Production";
    }
}

public sealed class CookieTests(ProductionFixture fixture) : IClassFixture<ProductionFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outside_development_every_cookie_is_secure_http_only_and_same_site()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var cookies = new SetCookieRecorder();
        var client = new BrowserLikeClient(fixture.Factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(), cookies));

        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        await client.GetAsync("/Identity/Account/Manage", _ct);

        Assert.Contains(cookies.Seen, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies.Seen, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies.Seen, cookie =>
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.True(attributes.Contains("samesite=lax") || attributes.Contains("samesite=strict"), cookie);
        });
    }

    [Fact]
    public async Task Outside_development_pages_for_a_signed_in_person_are_not_stored_in_caches()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = new BrowserLikeClient(fixture.Factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler()));
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);

        var page = await client.GetAsync("/my-input", _ct);

        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
    }

    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                Seen.AddRange(values);
            }

            return response;
        }
    }
}
