using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Infrastructure;

/// <summary>The real app, pointed at one test database; it never migrates or seeds by itself.</summary>
public sealed class AppFactory(string connectionString) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Where this app's emails land; tests read invitation links from here.</summary>
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "copro-mail", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Development does this by itself. Without it an unpublished build serves an empty body
        // for pre-compressed (.gz) assets, which Chromium asks for, and pages load unstyled.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Seed", "false");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupFolder", PickupFolder);
    }

    /// <summary>
    /// The same app and database on another clock (a FakeTimeProvider, for tests that move time), with any other
    /// settings. Dispose it at the end of the test.
    /// </summary>
    public WebApplicationFactory<Program> WithClock(TimeProvider clock, Action<IWebHostBuilder>? configure = null) =>
        WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
            configure?.Invoke(builder);
        });
}
