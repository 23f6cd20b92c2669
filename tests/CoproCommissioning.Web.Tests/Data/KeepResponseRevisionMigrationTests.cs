using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>The migration KeepResponseRevision, run on input answered before it, as the owner runs it.</summary>
public sealed class KeepResponseRevisionMigrationTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string MigrationBefore = "20261202125826_AddCycleSettingsHistory";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Input_answered_before_it_keeps_the_revision_of_its_current_response()
    {
        Contribution revised = null!, answered = null!, unanswered = null!;
        var cycleId = await fixture.CreateCycleAsync(a =>
        {
            revised = a.FromPanel();
            answered = a.FromProvider();
            unanswered = a.FromPanel(summary: "I want to be asked before my care plan changes");
            a.Respond(revised, "We will look at this.");
            a.Respond(revised, "We did it.");
            a.Respond(revised, "And we checked it with the panel.");
            a.Respond(answered);
        });

        // Back to before the column existed (it goes, the responses stay), then forward again.
        await MigrateAsOwnerAsync(MigrationBefore);
        await MigrateAsOwnerAsync(null);

        await using var scope = fixture.Db();
        var kept = await scope.Context.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .SelectMany(c => c.Stages).SelectMany(s => s.Contributions)
            .ToDictionaryAsync(c => c.Id, c => c.ResponseRevision, _ct);
        Assert.Equal(3, kept[revised.Id]);
        Assert.Equal(1, kept[answered.Id]);
        Assert.Equal(0, kept[unanswered.Id]);
        var facts = await scope.Context.SignOffFactsAsync(
            (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment), null, _ct);
        Assert.Equal([unanswered.Id], facts.UnansweredLivedExperience);
    }

    private async Task MigrateAsOwnerAsync(string? target)
    {
        await using var scope = fixture.Db();
        scope.Context.Database.SetConnectionString(fixture.OwnerConnectionString);
        await scope.Context.GetService<IMigrator>().MigrateAsync(target, _ct);
    }
}
