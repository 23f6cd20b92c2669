using CoproCommissioning.Web.DemoData;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure;

public sealed class DatabaseStartupOptions
{
    public const string Section = "Database";

    /// <summary>Off by default: in production migrations are a deliberate release step.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// The role that owns the tables runs migrations (<c>ConnectionStrings:Migrations</c>); the app itself runs as a
    /// member of <c>copro_runtime</c> (<c>ConnectionStrings:Default</c>): docs/decisions/0011-two-database-roles.md.
    /// </summary>
    public const string MigrationsConnectionName = "Migrations";
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
            var owner = services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseStartupOptions.MigrationsConnectionName);
            if (string.IsNullOrWhiteSpace(owner))
            {
                throw new InvalidOperationException(
                    "Database:MigrateOnStartup is on but there is no ConnectionStrings__Migrations: migrations run as the " +
                    "role that owns the tables, not as the app's runtime role (scripts/pg.sh env prints both).");
            }

            logger.LogInformation("Applying database migrations");
            // A context of its own, so the owner's connection never serves the app's requests.
            await using var migrations = app.Services.CreateAsyncScope();
            var db = migrations.ServiceProvider.GetRequiredService<CoproDbContext>();
            db.Database.SetConnectionString(owner);
            await db.Database.MigrateAsync();
        }

        if (services.GetRequiredService<IOptions<DemoDataOptions>>().Value.Seed)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
