using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
}
