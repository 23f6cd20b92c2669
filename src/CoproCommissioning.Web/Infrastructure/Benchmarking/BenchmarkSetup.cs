using System.Globalization;
using CoproCommissioning.Web.Infrastructure.Hosting;

namespace CoproCommissioning.Web.Infrastructure.Benchmarking;

/// <summary>
/// What scripts/bench.sh measures with, present only when <see cref="BenchmarkOptions.Enabled"/> is on: the ceiling
/// page (<c>/benchmark/ceiling</c>, Pages/Benchmark/Ceiling) and the SQL counters (<see cref="SqlCounter"/>), which a request asks for with
/// <see cref="CountRequestHeader"/> and reads in <see cref="CommandsHeader"/> and <see cref="RowsHeader"/>.
/// Why: docs/decisions/0014-benchmark-ceiling-page-and-sql-counters.md.
/// </summary>
public static class BenchmarkSetup
{
    public const string CountRequestHeader = "X-Bench-Count";
    public const string CommandsHeader = "X-Bench-Sql-Commands";
    public const string RowsHeader = "X-Bench-Sql-Rows";

    public static IServiceCollection AddCoproBenchmarking(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var options = Read(configuration);
        if (options.Enabled && !options.NotALiveInstall && !HostingSetup.PlainHttpAllowed(environment))
        {
            throw new InvalidOperationException(
                $"The {environment.EnvironmentName} environment refuses Benchmark:Enabled: its SQL counters tell anyone signed in how many rows " +
                "a page read, team-only input included. On a machine that is only being measured (scripts/bench.sh), also set " +
                "Benchmark__NotALiveInstall=true; on a live install, turn it off.");
        }

        services.AddOptions<BenchmarkOptions>().Bind(configuration.GetSection(BenchmarkOptions.Section));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<SqlCounter>();
        services.ConfigureDbContext<CoproDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<SqlCounter>()));
        return services;
    }

    /// <summary>Call first, so the counts cover everything the request does (signing in, the two-factor check, error pages).</summary>
    public static WebApplication UseCoproBenchmarking(this WebApplication app)
    {
        if (!Read(app.Configuration).Enabled)
        {
            return app;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning(
                "Benchmark mode is on in the {Environment} environment: the ceiling page and the SQL counters are served", app.Environment.EnvironmentName);
        }

        app.Use(async (context, next) =>
        {
            if (!context.Request.Headers.ContainsKey(CountRequestHeader))
            {
                await next(context);
                return;
            }

            // The page is held back until it is complete, so the counts include what its rendering asked for.
            var counts = SqlCounts.Start();
            var body = context.Response.Body;
            await using var held = new MemoryStream();
            context.Response.Body = held;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }

            context.Response.Headers[CommandsHeader] = counts.Commands.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers[RowsHeader] = counts.Rows.ToString(CultureInfo.InvariantCulture);
            held.Position = 0;
            await held.CopyToAsync(body, context.RequestAborted);
        });
        return app;
    }

    private static BenchmarkOptions Read(IConfiguration configuration) =>
        configuration.GetSection(BenchmarkOptions.Section).Get<BenchmarkOptions>() ?? new BenchmarkOptions();
}
