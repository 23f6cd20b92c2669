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
            .UseNpgsql(AppConnectionString(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
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
    /// state behind (its locks are transaction-scoped and it sets no parameters), so there is nothing to reset.
    /// Statements run twice on a connection are prepared by Npgsql, so PostgreSQL parses and plans a page's statements
    /// once per connection instead of on every request (decision 0035); not resetting is what lets them survive.
    /// Parallel query is off for the app's sessions: its statements read a page's worth of rows through indexes, and a
    /// parallel plan (which PostgreSQL chose for counting a specification's comments at scale 100) starts worker processes
    /// for each run, three times the CPU of the same plan run alone (decision 0037).
    /// </summary>
    public static string AppConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 };
        builder.Options = $"{builder.Options} -c max_parallel_workers_per_gather=0".Trim();
        return builder.ConnectionString;
    }
}
