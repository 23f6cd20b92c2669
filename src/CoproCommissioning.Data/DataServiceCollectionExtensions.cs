using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Saving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // What the domain removed and the aggregate's row first, so that the audit sees every row the save writes.
            .AddInterceptors(
                provider.GetRequiredService<RemovalInterceptor>(),
                provider.GetRequiredService<AggregateVersionInterceptor>(),
                provider.GetRequiredService<AuditInterceptor>(),
                // Last: it reads what the save adds, and what it adds (notifications, emails) is delivery, not audited.
                provider.GetRequiredService<NotificationInterceptor>()));
    }
}
