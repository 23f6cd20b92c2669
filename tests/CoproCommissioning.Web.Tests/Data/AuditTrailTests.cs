using System.Text.Json;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Data;

public sealed class AuditTrailTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Secret = "I was sectioned last spring";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_a_cycle_records_each_insert_in_the_same_save_without_the_text_of_contributions()
    {
        var cycle = ACycle.New().Build();
        var input = Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember,
            Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, Secret, $"{Secret} and waited weeks.", Moments.Now));

        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using var check = fixture.Db();
        var events = await check.Context.AuditEvents.AsNoTracking().ToListAsync(_ct);
        Assert.Contains(events, e => e.EntityType == nameof(CommissioningCycle) && e.EntityId == cycle.Id.ToString() && e.Action == AuditAction.Inserted);
        var stageIds = cycle.Stages.Select(s => s.Id.ToString()).ToHashSet();
        Assert.Equal(5, events.Count(e => e.EntityType == nameof(Stage) && stageIds.Contains(e.EntityId) && e.Action == AuditAction.Inserted));
        var contributionEvent = Assert.Single(events, e => e.EntityType == nameof(Contribution) && e.EntityId == input.Id.ToString());
        Assert.DoesNotContain("sectioned", contributionEvent.Changes);
        using var changes = JsonDocument.Parse(contributionEvent.Changes);
        Assert.True(changes.RootElement.GetProperty("Summary").GetProperty("changed").GetBoolean());
        Assert.Equal("LivedExperience", changes.RootElement.GetProperty("Voice").GetProperty("new").GetString());
    }

    [Fact]
    public async Task An_update_records_old_and_new_values_of_the_changed_fields_only()
    {
        var cycle = ACycle.New().Build();
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            var loaded = await scope.Context.Cycles.SingleAsync(c => c.Id == cycle.Id, _ct);
            Expect.Success(loaded.SetChampion("champion-2", CycleRole.Commissioner, Moments.Now));
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using var check = fixture.Db();
        var update = await check.Context.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.EntityId == cycle.Id.ToString() && e.Action == AuditAction.Updated, _ct);
        using var changes = JsonDocument.Parse(update.Changes);
        Assert.Equal(People.Champion, changes.RootElement.GetProperty("ChampionUserId").GetProperty("old").GetString());
        Assert.Equal("champion-2", changes.RootElement.GetProperty("ChampionUserId").GetProperty("new").GetString());
        Assert.False(changes.RootElement.TryGetProperty("Title", out _));
    }

    [Fact]
    public async Task Personal_text_in_complex_properties_and_owned_rows_is_recorded_only_as_changed_and_their_other_values_as_they_are()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = specification.PanelComment(cycle, ASpecification.OpeningHours);
        Expect.Success(specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open until 9pm.", "Evening opening",
            new AnsweredComment(comment.Id, ResponseType.Adopted, $"{Secret}: evenings are when I need it")),
            People.Commissioner, CycleRole.Commissioner, Moments.Now));

        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            scope.Context.Specifications.Add(specification);
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using var check = fixture.Db();
        var events = await check.Context.AuditEvents.AsNoTracking().ToListAsync(_ct);
        var outcome = Assert.Single(events, e => e.EntityId == specification.Outcome(ASpecification.CrisisOutcome).Id.ToString());
        Assert.DoesNotContain(ASpecification.Levels.Poor, outcome.Changes, StringComparison.Ordinal);
        using (var changes = JsonDocument.Parse(outcome.Changes))
        {
            Assert.True(changes.RootElement.GetProperty("Levels.Poor").GetProperty("changed").GetBoolean());
            Assert.True(changes.RootElement.GetProperty("Levels.Outstanding").GetProperty("changed").GetBoolean());
            Assert.Equal(nameof(OutcomeDomain.MentalWellbeing), changes.RootElement.GetProperty("Domain").GetProperty("new").GetString());
        }

        // An owned row is recorded against the row that owns it: here the section as v2 reads it.
        var answered = specification.Section(ASpecification.OpeningHours, version: 2).Id.ToString();
        var answer = Assert.Single(events, e => e.EntityType == nameof(AnsweredComment) && e.EntityId == answered);
        Assert.DoesNotContain("sectioned", answer.Changes, StringComparison.Ordinal);
        using (var changes = JsonDocument.Parse(answer.Changes))
        {
            Assert.True(changes.RootElement.GetProperty(nameof(AnsweredComment.Note)).GetProperty("changed").GetBoolean());
            Assert.Equal(comment.Id, changes.RootElement.GetProperty(nameof(AnsweredComment.ContributionId)).GetProperty("new").GetGuid());
            Assert.Equal(nameof(ResponseType.Adopted), changes.RootElement.GetProperty(nameof(AnsweredComment.Type)).GetProperty("new").GetString());
        }
    }

    [Fact]
    public async Task A_change_to_a_complex_property_records_old_and_new_values_of_the_fields_that_changed()
    {
        var cycle = ACycle.New().Build();
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            var loaded = await scope.Context.Cycles.SingleAsync(c => c.Id == cycle.Id, _ct);
            Expect.Success(loaded.ChangeSignOffPolicy(3, cycle.SignOffPolicy.MinimumDistinctContributors, CycleRole.Commissioner, Moments.Now));
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using var check = fixture.Db();
        var update = await check.Context.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.EntityId == cycle.Id.ToString() && e.Action == AuditAction.Updated, _ct);
        using var changes = JsonDocument.Parse(update.Changes);
        var minimum = changes.RootElement.GetProperty("SignOffPolicy.MinimumLivedExperienceContributions");
        Assert.Equal(cycle.SignOffPolicy.MinimumLivedExperienceContributions, minimum.GetProperty("old").GetInt32());
        Assert.Equal(3, minimum.GetProperty("new").GetInt32());
        Assert.False(changes.RootElement.TryGetProperty("SignOffPolicy.MinimumDistinctContributors", out _));
    }

    [Theory]
    [InlineData("UPDATE audit_events SET user_id = 'someone-else'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task The_trigger_refuses_to_change_or_remove_audit_events_even_for_the_owner(string sql)
    {
        var before = await AnAuditedSaveAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(fixture.OwnerConnectionString, sql));

        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal(before, await CountAuditEventsAsync());
    }

    [Theory]
    [InlineData("UPDATE audit_events SET user_id = 'someone-else'", "permission denied for table audit_events")]
    [InlineData("DELETE FROM audit_events", "permission denied for table audit_events")]
    [InlineData("TRUNCATE audit_events", "permission denied for table audit_events")]
    [InlineData("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete", "must be owner of table audit_events")]
    [InlineData("ALTER TABLE audit_events DISABLE TRIGGER ALL", "must be owner of table audit_events")]
    [InlineData("DROP TRIGGER audit_events_no_truncate ON audit_events", "must be owner of relation audit_events")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE sql AS 'SELECT NULL'", "permission denied for schema public")]
    public async Task The_app_role_is_refused_any_change_to_audit_events_or_their_trigger(string sql, string message)
    {
        var before = await AnAuditedSaveAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(fixture.ConnectionString, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(message, refused.MessageText);
        Assert.Equal(before, await CountAuditEventsAsync());
    }

    [Fact]
    public async Task The_app_connects_as_a_member_of_the_runtime_role_that_owns_nothing()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(_ct);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, pg_has_role(current_user, 'copro_runtime', 'member'),
                   (SELECT count(*) FROM pg_class c WHERE pg_has_role(current_user, c.relowner, 'member') AND c.relnamespace = 'public'::regnamespace)
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(_ct);
        Assert.True(await reader.ReadAsync(_ct));

        Assert.False(reader.GetBoolean(0), "superuser");
        Assert.False(reader.GetBoolean(1), "may create roles");
        Assert.False(reader.GetBoolean(2), "may create databases");
        Assert.True(reader.GetBoolean(3), "member of copro_runtime");
        Assert.Equal(0L, reader.GetInt64(4));
    }

    private async Task<long> AnAuditedSaveAsync()
    {
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(ACycle.New().Build());
            await scope.Context.SaveChangesAsync(_ct);
        }

        var count = await CountAuditEventsAsync();
        Assert.NotEqual(0L, count);
        return count;
    }

    private async Task<long> CountAuditEventsAsync()
    {
        await using var check = fixture.Db();
        return await check.Context.AuditEvents.LongCountAsync(_ct);
    }

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(_ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(_ct);
    }
}
