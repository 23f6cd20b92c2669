using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Data;

public sealed class CyclePersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_cycle_round_trips_through_PostgreSQL()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithContributions(Voice.Provider).Build();
        var insight = Expect.Success(cycle.AddContribution(StageKind.CoDesign, People.PanelMember(7), CycleRole.PanelMember,
            Voice.LivedExperience, Channel.EasyReadForm, ContributionVisibility.Everyone, "A quiet room to wait in", "Waiting rooms are loud and hard to sit in.",
            Moments.Now.AddHours(-5)));
        var workshop = Expect.Success(cycle.LogContributionOnBehalf(StageKind.CoDesign, People.Champion, CycleRole.CoProductionChampion,
            null, 6, Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone, "Carers want a named contact", "", Moments.Now.AddHours(-4)));
        Expect.Success(cycle.Respond(insight.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adapted,
            "We will ask providers to offer a quiet space.", Moments.Now.AddHours(-3)));
        Expect.Success(cycle.Respond(insight.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "The specification now requires a quiet waiting space.", Moments.Now.AddHours(-2)));
        var decision = Expect.Success(cycle.RecordDecision(StageKind.CoDesign,
            ADecision.CoProduced().ShapedBy(insight, workshop).Build(), People.Commissioner, CycleRole.Commissioner, Moments.Now.AddHours(-1)));
        await SaveAsync(cycle);

        await using var scope = fixture.Db();
        var loaded = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycle.Id, _ct);

        Assert.Equal(cycle.Title, loaded.Title);
        Assert.Equal(2_500_000m, loaded.Budget);
        Assert.Equal(People.Champion, loaded.ChampionUserId);
        Assert.Equal(cycle.SignOffPolicy, loaded.SignOffPolicy);
        Assert.Equal([StageStatus.SignedOff, StageStatus.Open, StageStatus.NotStarted, StageStatus.NotStarted, StageStatus.NotStarted],
            loaded.Stages.OrderBy(s => s.Kind).Select(s => s.Status));
        var signOff = Assert.Single(loaded.StageOf(StageKind.NeedsAssessment).History);
        Assert.Equal(StageEventKind.SignOff, signOff.Kind);
        Assert.Equal(People.Commissioner, signOff.ByUserId);

        var coDesign = loaded.StageOf(StageKind.CoDesign);
        Assert.Equal(3, coDesign.Contributions.Count);
        var loadedInsight = loaded.FindContribution(insight.Id)!;
        Assert.Equal("Waiting rooms are loud and hard to sit in.", loadedInsight.Body);
        Assert.Equal(Channel.EasyReadForm, loadedInsight.Channel);
        Assert.Equal([1, 2], loadedInsight.Responses.Select(r => r.Revision).Order());
        Assert.Equal(ResponseType.Adopted, loadedInsight.CurrentResponse!.Type);
        var loadedWorkshop = loaded.FindContribution(workshop.Id)!;
        Assert.Equal(6, loadedWorkshop.VoicesCarried);
        Assert.Equal(People.Champion, loadedWorkshop.RecordedByUserId);
        Assert.Null(loadedWorkshop.AuthorUserId);

        var loadedDecision = loaded.FindDecision(decision.Id)!;
        Assert.Equal(DecisionMode.CoProduced, loadedDecision.Mode);
        Assert.Equal(CoProductionLadderRung.CoProduction, loadedDecision.Rung);
        Assert.Equal(decision.Participants.Select(p => (p.UserId, p.Role)), loadedDecision.Participants.Select(p => (p.UserId, p.Role)));
        Assert.Equal(new[] { insight.Id, workshop.Id }.Order(), loadedDecision.Influences.Select(i => i.ContributionId).Order());
        Assert.Equal(decision.DecidedAt, loadedDecision.DecidedAt);
        Assert.Equal(loaded.SignOffBlockers(StageKind.CoDesign).Select(r => r.Rule), cycle.SignOffBlockers(StageKind.CoDesign).Select(r => r.Rule));
    }

    [Fact]
    public async Task The_sign_off_gate_holds_for_a_cycle_loaded_from_the_database_and_a_refusal_stores_nothing()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience).Build();
        await SaveAsync(cycle);

        await using (var scope = fixture.Db())
        {
            var loaded = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
            var refused = loaded.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed", Moments.Now);

            Assert.Contains(CycleRules.InputAwaitingResponse, refused.BrokenRules);
            Assert.Equal(0, await scope.Context.SaveChangesAsync(_ct));
        }

        await using (var scope = fixture.Db())
        {
            var loaded = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
            Assert.Equal(StageStatus.Open, loaded.StageOf(StageKind.NeedsAssessment).Status);
            Assert.Empty(loaded.StageOf(StageKind.NeedsAssessment).History);

            var input = Assert.Single(loaded.StageOf(StageKind.NeedsAssessment).Contributions);
            Expect.Success(loaded.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.NotAdopted,
                "The service must stay within the borough; we explained why at the workshop.", Moments.Now));
            Expect.Success(loaded.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed with the panel", Moments.Now));
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            var loaded = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycle.Id, _ct);
            Assert.True(loaded.StageOf(StageKind.NeedsAssessment).IsSignedOff);
            Assert.Equal(StageStatus.Open, loaded.StageOf(StageKind.CoDesign).Status);
        }
    }

    [Fact]
    public async Task Two_commissioners_signing_off_the_same_stage_at_once_one_succeeds_and_the_other_is_told()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();
        await SaveAsync(cycle);

        await using var first = fixture.Db();
        await using var second = fixture.Db();
        var mine = await first.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
        var theirs = await second.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);

        Expect.Success(mine.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "First", Moments.Now));
        Expect.Success(theirs.SignOff(StageKind.NeedsAssessment, "commissioner-2", CycleRole.Commissioner, "Second", Moments.Now));
        await first.Context.SaveChangesAsync(_ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.Context.SaveChangesAsync(_ct));

        await using var check = fixture.Db();
        var stored = await check.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycle.Id, _ct);
        var signOff = Assert.Single(stored.StageOf(StageKind.NeedsAssessment).History);
        Assert.Equal("First", signOff.Text);
    }

    [Fact]
    public async Task A_response_saved_by_someone_else_meanwhile_makes_a_stale_sign_off_fail()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience).Build();
        await SaveAsync(cycle);

        await using var first = fixture.Db();
        await using var second = fixture.Db();
        var responder = await first.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
        var stale = await second.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
        var input = responder.StageOf(StageKind.NeedsAssessment).Contributions[0];
        Expect.Success(responder.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "Done", Moments.Now));
        await first.Context.SaveChangesAsync(_ct);

        Expect.Success(stale.ChangeSignOffPolicy(2, 1, CycleRole.Commissioner, Moments.Now));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.Context.SaveChangesAsync(_ct));
    }

    [Fact]
    public async Task The_migration_adds_no_xmin_column_of_its_own()
    {
        await using var scope = fixture.Db();

        var userColumns = await scope.Context.Database
            .SqlQuery<string>($"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'commissioning_cycles'")
            .ToListAsync(_ct);

        Assert.DoesNotContain("xmin", userColumns);
        Assert.Contains("minimum_lived_experience_contributions", userColumns);
    }

    private async Task SaveAsync(CommissioningCycle cycle)
    {
        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(cycle);
        await scope.Context.SaveChangesAsync(_ct);
    }
}
