using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>The migration RedactPersonalTextFromAuditTrail, run on audit events written before it, as the owner runs it.</summary>
public sealed class RedactPersonalTextMigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string MigrationBefore = "20261202042140_AddContributionVisibility";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Earlier_audit_events_keep_who_changed_which_field_but_not_the_values_of_fields_now_personal()
    {
        await MigrateAsOwnerAsync(MigrationBefore);
        var invitation = await AddEventAsync("Invitation",
            """{"Email": {"old": null, "new": "jo.bloggs@example.org"}, "Role": {"old": null, "new": "PanelMember"}}""");
        var outcome = await AddEventAsync("OutcomeSnapshot",
            """{"Levels.Poor": {"old": null, "new": "Jo waited a year"}, "Domain": {"old": null, "new": "MentalWellbeing"}}""");
        var session = await AddEventAsync("CoDesignSession", """{"Venue": {"old": "12 Mill Lane", "new": "Town hall"}}""");
        var cycle = await AddEventAsync("CommissioningCycle", """{"Title": {"old": null, "new": "Crisis support"}}""");

        await MigrateAsOwnerAsync(null);

        var events = await ChangesAsync();
        Assert.True(events[invitation].GetProperty("Email").GetProperty("changed").GetBoolean());
        Assert.Equal("PanelMember", events[invitation].GetProperty("Role").GetProperty("new").GetString());
        Assert.True(events[outcome].GetProperty("Levels.Poor").GetProperty("changed").GetBoolean());
        Assert.Equal("MentalWellbeing", events[outcome].GetProperty("Domain").GetProperty("new").GetString());
        Assert.True(events[session].GetProperty("Venue").GetProperty("changed").GetBoolean());
        Assert.Equal("Crisis support", events[cycle].GetProperty("Title").GetProperty("new").GetString());
        Assert.DoesNotContain(events.Values, e => e.ToString().Contains("jo.bloggs", StringComparison.Ordinal)
            || e.ToString().Contains("Mill Lane", StringComparison.Ordinal) || e.ToString().Contains("waited", StringComparison.Ordinal));

        // Off for the migration's own transaction only.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE audit_events SET user_id = 'someone-else'"));
        Assert.Contains("append-only", refused.MessageText);
    }

    private async Task MigrateAsOwnerAsync(string? target)
    {
        await using var scope = fixture.Db();
        scope.Context.Database.SetConnectionString(fixture.OwnerConnectionString);
        await scope.Context.GetService<IMigrator>().MigrateAsync(target, _ct);
    }

    private async Task<long> AddEventAsync(string entityType, string changes)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync(_ct);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_events (occurred_at, user_id, entity_type, entity_id, action, changes)
            VALUES (now(), 'commissioner-1', @type, gen_random_uuid()::text, 'Updated', @changes::jsonb)
            RETURNING id
            """, connection);
        insert.Parameters.AddWithValue("type", entityType);
        insert.Parameters.AddWithValue("changes", changes);
        return (long)(await insert.ExecuteScalarAsync(_ct))!;
    }

    private async Task<Dictionary<long, JsonElement>> ChangesAsync()
    {
        await using var scope = fixture.Db();
        var rows = await scope.Context.AuditEvents.AsNoTracking().Select(e => new { e.Id, e.Changes }).ToListAsync(_ct);
        return rows.ToDictionary(r => r.Id, r => JsonDocument.Parse(r.Changes).RootElement.Clone());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync(_ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(_ct);
    }
}
