using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoproCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Benchmark;

/// <summary>
/// <c>CoproCommissioning.Benchmark --scale N --manifest FILE</c>: migrates the database named by ConnectionStrings__Migrations
/// (as the owner) and seeds the benchmark data set into it through the app's own services (as the runtime role,
/// ConnectionStrings__Default), then writes what scripts/bench.sh needs (accounts, ids, the authenticator key) to FILE as JSON.
/// Seed into an empty database: it adds, it does not look first.
/// </summary>
public static class SeedTool
{
    public static async Task<int> Main(string[] args)
    {
        int scale = 1;
        string? manifestPath = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s >= 1:
                    scale = s;
                    i++;
                    break;
                case "--manifest" when i + 1 < args.Length:
                    manifestPath = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync("usage: CoproCommissioning.Benchmark --scale N --manifest FILE");
                    return 2;
            }
        }

        if (manifestPath is null)
        {
            await Console.Error.WriteLineAsync("usage: CoproCommissioning.Benchmark --scale N --manifest FILE");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        void Progress(string what) => Console.WriteLine($"[seed {clock.Elapsed.TotalSeconds,6:0.0}s] {what}");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["DemoData:Seed"] = "false",
            ["App:PublicBaseUrl"] = "http://127.0.0.1",
            ["Email:Delivery"] = "Smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.AddCoproServices();
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        Progress("database migrated");

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var size = new BenchmarkScale(scale);
        var accounts = new BenchmarkAccounts(
            services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(),
            services.GetRequiredService<CoproDbContext>());
        var (cast, key) = await accounts.CreateAsync(size, CancellationToken.None);
        Progress($"{size.Members} accounts created");

        var db = services.GetRequiredService<CoproDbContext>();
        db.ChangeTracker.Clear();
        var cycles = new BenchmarkCycles(db, size, cast, new BenchmarkText(seed: scale), services.GetRequiredService<TimeProvider>().GetUtcNow());
        var (big, procurement, monitoring) = await cycles.SeedAsync(Progress, CancellationToken.None);

        // The seeding raised notifications as the app does, with their emails in the outbox. On a live install those
        // emails went out when the events happened and were deleted 30 days later; left here, the benchmarked app's
        // worker would spend the run trying to send thousands of them.
        var emails = await db.Outbox.ExecuteDeleteAsync();
        Progress($"{await db.Notifications.CountAsync()} notifications raised; {emails} of their emails taken as sent long ago");

        var manifest = new
        {
            scale,
            password = BenchmarkAccounts.Password,
            commissioner = new { email = cast.Commissioner.Email, authenticatorKey = key },
            panelMember = new { email = cast.Prolific.Email },
            cycleId = big.CycleId,
            readyStage = big.ReadyToSignOff.ToString(),
            commentedSectionId = big.CommentedSectionId,
            procurement = new
            {
                cycleId = procurement.CycleId,
                bidId = procurement.ScoredBidId,
                evaluator = new { email = procurement.Evaluator.Email },
            },
            monitoring = new { cycleId = monitoring.CycleId, reviewId = monitoring.ReviewId },
            counts = new
            {
                cycles = size.Cycles, members = size.Members, contributions = big.Contributions, comments = big.Comments,
                decisions = big.Decisions, versions = big.Versions, sections = size.Sections,
                bids = procurement.Bids, criteria = procurement.Criteria, evaluators = procurement.Evaluators, scores = procurement.Scores,
                moderated = procurement.Moderated,
                periods = monitoring.Periods, providers = monitoring.Providers, returns = monitoring.Returns, ratings = monitoring.Ratings,
            },
        };
        await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        Progress($"done; manifest in {manifestPath}");
        return 0;
    }
}
