using System.Diagnostics;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Operations;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh, run as an operator would: a database holding a cycle and its audit trail is
/// backed up, restored into an empty database, and every row of every table comes back, with the two roles' rights.
/// </summary>
public sealed class BackupRestoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_has_the_same_cycle_and_audit_trail_and_the_roles_rights()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithAnsweredContributions(Voice.LivedExperience, Voice.Provider).Build();
        Expect.Success(cycle.ChangeSettings(
            CycleSettings.Of(cycle) with { MinimumDistinctContributors = 2 }, People.Commissioner, CycleRole.Commissioner, "The panel asked", Moments.Now));
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            await scope.Context.SaveChangesAsync(_ct);
        }

        var folder = Directory.CreateTempSubdirectory("copro-backup-");
        var restoredRuntime = await fixture.Server.CreateEmptyDatabaseAsync("restored");
        var restoredOwner = fixture.Server.OwnerConnectionStringFor(restoredRuntime);
        try
        {
            var file = Path.Combine(folder.FullName, "copro.dump");
            var backup = await RunAsync("backup.sh", fixture.OwnerConnectionString, file);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.True(new FileInfo(file).Length > 0);

            var restore = await RunAsync("restore.sh", restoredOwner, file);
            Assert.True(restore.ExitCode == 0, restore.Output);

            var tables = await TablesAsync(fixture.OwnerConnectionString);
            Assert.Contains("cycle_events", tables);
            Assert.Equal(tables, await TablesAsync(restoredOwner));
            foreach (var table in tables)
            {
                Assert.Equal(await RowsAsync(fixture.OwnerConnectionString, table), await RowsAsync(restoredOwner, table));
            }

            // Not vacuous: the cycle, its history and its audit trail are among the rows compared.
            var audit = await RowsAsync(restoredOwner, "audit_events");
            Assert.Contains(audit, row => row.Contains(cycle.Id.ToString(), StringComparison.Ordinal));
            Assert.Single(await RowsAsync(restoredOwner, "cycle_events"));

            // The app's runtime login serves from the restored database, and still may not rewrite the audit trail.
            await using var app = new NpgsqlConnection(restoredRuntime);
            await app.OpenAsync(_ct);
            await using (var read = new NpgsqlCommand("SELECT title FROM commissioning_cycles WHERE id = @id", app))
            {
                read.Parameters.AddWithValue("id", cycle.Id);
                Assert.Equal(cycle.Title, await read.ExecuteScalarAsync(_ct));
            }

            await using var rewrite = new NpgsqlCommand("UPDATE audit_events SET user_id = 'someone-else'", app);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => rewrite.ExecuteNonQueryAsync(_ct));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

            // Restoring again would mix two copies: refused, and nothing changes.
            var again = await RunAsync("restore.sh", restoredOwner, file);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("is not empty", again.Output, StringComparison.Ordinal);
            Assert.Equal(audit, await RowsAsync(restoredOwner, "audit_events"));
        }
        finally
        {
            await fixture.Server.DropDatabaseAsync(restoredRuntime);
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection);
        List<string> tables = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Every row of a table, each as its JSON text, in a stable order: compared whole, not counted.</summary>
    private static async Task<List<string>> RowsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT row_to_json(t)::text AS row FROM public."{table}" t ORDER BY 1""", connection);
        List<string> rows = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Runs a script of ours against a database named by a libpq connection string; the password goes in PGPASSWORD.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string script, string connectionString, string file)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(RepositoryRoot(), "scripts", script),
                "--dbname", $"host={npgsql.Host} port={npgsql.Port} dbname={npgsql.Database} user={npgsql.Username}",
                file,
            },
        };
        start.Environment["PGPASSWORD"] = npgsql.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(_ct);
        var errors = process.StandardError.ReadToEndAsync(_ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"{script}: {await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CoproCommissioning.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CoproCommissioning.sln not found above " + AppContext.BaseDirectory);
    }
}
