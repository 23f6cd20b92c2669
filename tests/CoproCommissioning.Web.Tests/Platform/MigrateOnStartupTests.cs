using System.Net;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Platform;

public sealed class MigrateOnStartupTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_on_startup_runs_as_the_owner_and_the_app_then_serves_as_the_runtime_role()
    {
        var runtime = await fixture.Server.CreateEmptyDatabaseAsync("migrate");
        var owner = fixture.Server.OwnerConnectionStringFor(runtime);
        try
        {
            await using (var app = new AppFactory(runtime))
            await using (var migrating = app.WithWebHostBuilder(builder => builder
                .UseSetting("Database:MigrateOnStartup", "true")
                .UseSetting("ConnectionStrings:Migrations", owner)))
            {
                using var response = await migrating.CreateClient().GetAsync("/health", _ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync(_ct);
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE tableowner = current_user), count(*) FILTER (WHERE tableowner <> current_user)
                FROM pg_tables WHERE schemaname = 'public'
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(_ct);
            Assert.True(await reader.ReadAsync(_ct));
            Assert.True(reader.GetInt64(0) > 10, "the owner owns the migrated tables");
            Assert.Equal(0L, reader.GetInt64(1));
        }
        finally
        {
            await fixture.Server.DropDatabaseAsync(runtime);
        }
    }

    [Fact]
    public async Task Migrating_on_startup_without_the_owner_connection_stops_with_a_message()
    {
        await using var app = new AppFactory(fixture.ConnectionString);
        await using var migrating = app.WithWebHostBuilder(builder => builder
            .UseSetting("Database:MigrateOnStartup", "true")
            .UseSetting("ConnectionStrings:Migrations", ""));

        var thrown = Assert.ThrowsAny<Exception>(() => migrating.CreateClient());

        var refused = Assert.IsType<InvalidOperationException>(InnermostOf(thrown));
        Assert.Contains("ConnectionStrings__Migrations", refused.Message);
    }

    private static Exception InnermostOf(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
