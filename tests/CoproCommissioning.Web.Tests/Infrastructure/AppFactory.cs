using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproCommissioning.Web.Tests.Infrastructure;

/// <summary>The real app, pointed at one test database; it never migrates or seeds by itself.</summary>
public sealed class AppFactory(string connectionString) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Where this app's emails land; tests read invitation links from here.</summary>
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "copro-mail", Guid.NewGuid().ToString("N"));

    /// <summary>Where links in emails point: the test server's own host, or the Kestrel address of a browser test.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost";

    /// <summary>Testing (plain HTTP allowed, demo-friendly defaults), or Production to test what a live install does.</summary>
    public string EnvironmentName { get; set; } = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Development does this by itself. Without it an unpublished build serves an empty body
        // for pre-compressed (.gz) assets, which Chromium asks for, and pages load unstyled.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Seed", "false");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupFolder", PickupFolder);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
    }
}
