using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Web.Infrastructure.Benchmarking;
using CoproCommissioning.Web.Pages.Benchmark;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Benchmarking;

public sealed class BenchmarkFixture(PostgresServer server) : DatabaseFixture(server)
{
    public const int Organisations = 3;

    private WebApplicationFactory<Program>? _enabled;

    /// <summary>The same app and database with Benchmark:Enabled on, as scripts/bench.sh runs it.</summary>
    public WebApplicationFactory<Program> Enabled =>
        _enabled ??= Factory.WithWebHostBuilder(b => b.UseSetting("Benchmark:Enabled", "true"));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        for (int i = 1; i <= Organisations; i++)
        {
            scope.Context.Organisations.Add(new Organisation($"Organisation {i}", OrganisationKind.NhsTrust));
        }

        await scope.Context.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_enabled is not null)
        {
            await _enabled.DisposeAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class BenchmarkModeTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private const string Ceiling = "/benchmark/ceiling";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_benchmarking_off_there_is_no_ceiling_page_and_no_sql_counts()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);

        // Signed out, it is answered as any address that does not exist: sign in first.
        var anonymous = await client.GetAsync(Ceiling, _ct);
        var nowhere = await client.GetAsync("/no-such-page", _ct);
        Assert.Equal(nowhere.Status, anonymous.Status);
        Assert.Equal(nowhere.Location?.Replace("no-such-page", "benchmark%2Fceiling", StringComparison.Ordinal), anonymous.Location);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var ceiling = await client.GetAsync(Ceiling, _ct);
        var home = await CountedAsync(client, "/cycles");

        Assert.Equal(HttpStatusCode.NotFound, ceiling.Status);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.False(home.Headers.ContainsKey(BenchmarkSetup.CommandsHeader));
        Assert.False(home.Headers.ContainsKey(BenchmarkSetup.RowsHeader));
    }

    [Fact]
    public async Task With_benchmarking_on_the_ceiling_page_is_a_signed_in_page_like_the_others()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Enabled);

        var anonymous = await client.GetAsync(Ceiling, _ct);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var ceiling = await client.GetAsync(Ceiling, _ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/Identity/Account/Login", anonymous.Location);
        Assert.Equal(HttpStatusCode.OK, ceiling.Status);
        Assert.Equal("Benchmark ceiling", ceiling.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(await OrganisationsShownAsync(), ceiling.Document.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(ceiling.Document.QuerySelector("header"));
        Assert.Equal("no-store", ceiling.Headers["Cache-Control"]);
    }

    [Fact]
    public async Task A_request_that_asks_is_told_the_sql_commands_it_sent_and_the_rows_read()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Enabled);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        await client.GetAsync(Ceiling, _ct);

        var counted = await CountedAsync(client, Ceiling);
        var notAsked = await client.GetAsync(Ceiling, _ct);

        // Two queries: the account, which the sign-in cookie's check reads on every request so that a deactivated
        // account's session ends at once (decision 0016; with two-factor required, as in production, the two-factor check
        // reuses it), and the organisations. Nothing else.
        Assert.Equal(HttpStatusCode.OK, counted.Status);
        Assert.Equal("2", counted.Headers[BenchmarkSetup.CommandsHeader]);
        Assert.Equal($"{await OrganisationsShownAsync() + 1}", counted.Headers[BenchmarkSetup.RowsHeader]);
        Assert.Contains("Benchmark ceiling", counted.Text);
        Assert.False(notAsked.Headers.ContainsKey(BenchmarkSetup.CommandsHeader));
    }

    [Fact]
    public async Task The_counter_counts_each_command_and_each_read_in_its_own_flow_only()
    {
        await using var scope = fixture.Enabled.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoproDbContext>();
        var organisations = await db.Organisations.CountAsync(_ct);

        var counts = await Task.Run(async () =>
        {
            var started = SqlCounts.Start();
            await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(_ct);
            await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Take(1).ToListAsync(_ct);
            await db.Organisations.CountAsync(_ct);
            db.Organisations.Add(new Organisation("Saved while counting", OrganisationKind.NhsTrust));
            await db.SaveChangesAsync(_ct);
            return started;
        }, _ct);
        await db.Organisations.ToListAsync(_ct);

        // Three queries and one save (the organisation and its audit row in one batch), which reads nothing a page shows.
        Assert.Equal(4, counts.Commands);
        // Every organisation there was, the first one again, and the count's one row.
        Assert.Equal(organisations + 1 + 1, counts.Rows);
        Assert.Null(SqlCounts.Current);
    }

    [Fact]
    public async Task A_split_query_counts_each_of_its_commands_and_every_row_they_read()
    {
        var cycle = await TestCycles.CreateAsync(fixture);
        await using var scope = fixture.Enabled.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoproDbContext>();
        await db.Organisations.AnyAsync(_ct);

        var counts = await Task.Run(async () =>
        {
            var started = SqlCounts.Start();
            await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycle.Id, _ct);
            return started;
        }, _ct);

        // The cycle, then its stages, contributions, responses, decisions and history, each in a command of its own.
        Assert.True(counts.Commands > 1, $"{counts.Commands} commands");
        Assert.Equal(1 + cycle.Stages.Count, counts.Rows);
    }

    [Fact]
    public void A_live_environment_refuses_benchmarking_unless_told_it_is_not_a_live_install()
    {
        using var live = new AppFactory(fixture.ConnectionString) { EnvironmentName = "Production" };
        using var refused = live.WithWebHostBuilder(b => b.UseSetting("Benchmark:Enabled", "true"));
        using var measured = live.WithWebHostBuilder(b => b.UseSetting("Benchmark:Enabled", "true").UseSetting("Benchmark:NotALiveInstall", "true"));

        var failure = Record.Exception(() => refused.Services);

        Assert.NotNull(failure);
        Assert.Contains("Benchmark__NotALiveInstall=true", failure.ToString(), StringComparison.Ordinal);
        Assert.NotNull(measured.Services);
    }

    private async Task<int> OrganisationsShownAsync()
    {
        await using var scope = fixture.Db();
        return Math.Min(CeilingModel.Shown, await scope.Context.Organisations.CountAsync(_ct));
    }

    private async Task<BrowserLikeClient.Page> CountedAsync(BrowserLikeClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(BenchmarkSetup.CountRequestHeader, "1");
        using var response = await client.Http.SendAsync(request, _ct);
        return await BrowserLikeClient.Page.ReadAsync(response, _ct);
    }
}
