using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddCoproData(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<CoproDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
}
