using CoproCommissioning.Web.DemoData;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Security;

public sealed class SecurityFixture(PostgresServer server) : DatabaseFixture(server)
{
    private WebApplicationFactory<Program>? _withProductionSignInLimits;

    /// <summary>
    /// The app with the per-email sign-in limit at its production value, 5 per 15 minutes (AppFactory raises
    /// it because other test classes sign in as the same accounts many times). Same database.
    /// </summary>
    public WebApplicationFactory<Program> WithProductionSignInLimits =>
        _withProductionSignInLimits ??= Factory.WithWebHostBuilder(builder =>
            builder.UseSetting("RateLimits:SignIn:PerEmail:Permits", "5"));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_withProductionSignInLimits is not null)
        {
            await _withProductionSignInLimits.DisposeAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A browser at <paramref name="address"/>: several clients can share one address, or each have its own.</summary>
    public static BrowserLikeClient ClientAt(WebApplicationFactory<Program> factory, string address)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.Remove(AppFactory.ClientAddressHeader);
        http.DefaultRequestHeaders.Add(AppFactory.ClientAddressHeader, address);
        return new BrowserLikeClient(http);
    }
}
