using CoproCommissioning.Data;
using DotNet.Testcontainers.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// One PostgreSQL server per test run, found lazily so pure tests never wait for (or fail on) it:
/// TEST_PG_CONNECTION when set (scripts/pg.sh), else a Testcontainers container where Docker answers.
/// A template database is migrated once, as the owner; each test class gets its own copy (grants included), which
/// the app under test reaches as the runtime role, as it does when deployed (docs/decisions/0011-two-database-roles.md).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly Lazy<Task> _started;
    private PostgreSqlContainer? _container;
    private string _serverConnectionString = "";
    private string _runtimeConnectionString = "";
    private readonly string _templateName = $"copro_tpl_{Guid.NewGuid():N}"[..20];

    public PostgresServer() => _started = new Lazy<Task>(StartAsync);

    /// <summary>A failure here is cached and rethrown to every database test, with how to fix it.</summary>
    public Task EnsureStartedAsync() => _started.Value;

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        await EnsureStartedAsync();
        var name = $"copro_{Sanitise(prefix)}_{Guid.NewGuid():N}"[..48].ToLowerInvariant();
        await ExecuteAsync($"""CREATE DATABASE "{name}" TEMPLATE "{_templateName}" """);
        return RuntimeConnectionStringFor(name);
    }

    /// <summary>A database with no tables, owned by the owner role; the app's connection string to it.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        await EnsureStartedAsync();
        var name = $"copro_{Sanitise(prefix)}_{Guid.NewGuid():N}".ToLowerInvariant();
        await ExecuteAsync($"""CREATE DATABASE "{name}" """);
        return RuntimeConnectionStringFor(name);
    }

    /// <summary>The same database as the role that owns its tables (and runs migrations), for tests that need it.</summary>
    public string OwnerConnectionStringFor(string connectionString) =>
        ConnectionStringFor(new NpgsqlConnectionStringBuilder(connectionString).Database!);

    public async Task DropDatabaseAsync(string connectionString)
    {
        // The app connects with its own variant of the string (DataServiceCollectionExtensions.AppConnectionString), which
        // is a pool of its own: its idle connections belong to the runtime role, which the owner can't terminate.
        var owner = OwnerConnectionStringFor(connectionString);
        foreach (var pooled in new[] { connectionString, owner,
            DataServiceCollectionExtensions.AppConnectionString(connectionString), DataServiceCollectionExtensions.AppConnectionString(owner) })
        {
            using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // FORCE can't end an autovacuum worker (not ours to signal: 42501); it finishes in moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private async Task StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TEST_PG_CONNECTION");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _serverConnectionString = fromEnvironment;
            _runtimeConnectionString = Environment.GetEnvironmentVariable("TEST_PG_RUNTIME_CONNECTION") ?? "";
            if (string.IsNullOrWhiteSpace(_runtimeConnectionString))
            {
                throw new InvalidOperationException(
                    "TEST_PG_CONNECTION is set but TEST_PG_RUNTIME_CONNECTION is not: the app under test connects as a member of " +
                    "copro_runtime, not as the owner. 'eval \"$(scripts/pg.sh env)\"' sets both (scripts/test.sh does).");
            }
        }
        else
        {
            try
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await _container.StartAsync();
                _serverConnectionString = _container.GetConnectionString();
                // The container's user is a superuser: it makes the app's login, as scripts/pg.sh does.
                await ExecuteAsync("""
                    CREATE ROLE copro_runtime NOLOGIN;
                    CREATE ROLE copro_app LOGIN PASSWORD 'copro_app' IN ROLE copro_runtime;
                    """);
                _runtimeConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString)
                {
                    Username = "copro_app",
                    Password = "copro_app",
                }.ConnectionString;
            }
            catch (Exception ex) when (ex is DockerUnavailableException || ex.InnerException is DockerUnavailableException)
            {
                throw new InvalidOperationException(
                    "No PostgreSQL for the tests: TEST_PG_CONNECTION is not set and Testcontainers found no Docker engine. " +
                    "Start the project's server with 'scripts/pg.sh start' and run " +
                    "'export TEST_PG_CONNECTION=\"$(scripts/pg.sh test-env)\"' (scripts/test.sh does both), or start Docker.", ex);
            }
        }

        await ExecuteAsync($"""CREATE DATABASE "{_templateName}" """);
        // Migrate through the app's own services: Identity UI changes the EF model (key lengths),
        // so a context built by hand would see pending model changes.
        await using (var factory = new AppFactory(ConnectionStringFor(_templateName)))
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CoproDbContext>().Database.MigrateAsync();
        }

        // PostgreSQL refuses to copy a template that has open connections.
        NpgsqlConnection.ClearAllPools();
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database, Pooling = true }.ConnectionString;

    private string RuntimeConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_runtimeConnectionString) { Database = database, Pooling = true }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitise(string prefix) =>
        new([.. prefix.Where(char.IsLetterOrDigit).Take(24)]);

    public async ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated && _started.Value.IsCompletedSuccessfully && _container is null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"""DROP DATABASE IF EXISTS "{_templateName}" WITH (FORCE)""");
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
