using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Saving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace CoproCommissioning.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddCoproData(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IAuditActor, SystemAuditActor>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<NotificationInterceptor>();
        services.TryAddSingleton<AggregateVersionInterceptor>();
        services.TryAddSingleton<RemovalInterceptor>();
        return services.AddDbContext<CoproDbContext>((provider, options) => options
            .UseNpgsql(WithoutResetOnClose(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // What the domain removed and the aggregate's row first, so that the audit sees every row the save writes.
            .AddInterceptors(
                provider.GetRequiredService<RemovalInterceptor>(),
                provider.GetRequiredService<AggregateVersionInterceptor>(),
                provider.GetRequiredService<AuditInterceptor>(),
                // Last: it reads what the save adds, and what it adds (notifications, emails) is delivery, not audited.
                provider.GetRequiredService<NotificationInterceptor>()));
    }

    /// <summary>
    /// Npgsql resets a pooled connection's session (DISCARD ALL) each time EF Core returns it to the pool, which is after
    /// every query: a page of fifteen statements paid for fifteen resets (docs/benchmarks.md). The app leaves no session
    /// state behind (its locks are transaction-scoped, it sets no parameters and prepares nothing), so there is nothing
    /// to reset.
    /// </summary>
    public static string WithoutResetOnClose(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
}
