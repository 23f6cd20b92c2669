using CoproCommissioning.Data;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure;

public sealed class DatabaseStartupOptions
{
    public const string Section = "Database";

    /// <summary>Off by default: in production migrations are a deliberate release step.</summary>
    public bool MigrateOnStartup { get; set; }
}

public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        if (services.GetRequiredService<IOptions<DatabaseStartupOptions>>().Value.MigrateOnStartup)
        {
            logger.LogInformation("Applying database migrations");
            await services.GetRequiredService<CoproDbContext>().Database.MigrateAsync();
        }

        if (services.GetRequiredService<IOptions<DemoDataOptions>>().Value.Seed)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
