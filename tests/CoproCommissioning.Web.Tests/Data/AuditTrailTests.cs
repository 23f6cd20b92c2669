using System.Text.Json;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Data;

public sealed class AuditTrailTests(CycleDatabaseFixture fixture) : IClassFixture<CycleDatabaseFixture>
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

    [Theory]
    [InlineData("UPDATE audit_events SET user_id = 'someone-else'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task The_database_refuses_to_change_or_remove_audit_events(string sql)
    {
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(ACycle.New().Build());
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using var check = fixture.Db();
        var before = await check.Context.AuditEvents.CountAsync(_ct);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => check.Context.Database.ExecuteSqlRawAsync(sql, _ct));

        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal(before, await check.Context.AuditEvents.CountAsync(_ct));
    }
}
