using CoproCommissioning.Data;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.NeedsAssessment;

public sealed class DemoStageContentTests(StageContentFixture fixture) : IClassFixture<StageContentFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fills_the_demo_cycle_once_through_the_domain_and_adds_nothing_the_second_time()
    {
        // Without the demo cycle (the other demo data not seeded), it does nothing.
        await using (var scope = fixture.Db())
        {
            await DemoStageContent.SeedAsync(scope.Context, scope.Services.GetRequiredService<TimeProvider>(), _ct);
            Assert.False(await scope.Context.EvidenceItems.AnyAsync(_ct));
            Assert.False(await scope.Context.CoDesignSessions.AnyAsync(_ct));
        }

        var cycleId = await DemoCycleAsync();

        await using (var scope = fixture.Db())
        {
            await DemoStageContent.SeedAsync(scope.Context, scope.Services.GetRequiredService<TimeProvider>(), _ct);
        }

        await using (var scope = fixture.Db())
        {
            await DemoStageContent.SeedAsync(scope.Context, scope.Services.GetRequiredService<TimeProvider>(), _ct);
        }

        await using var check = fixture.Db();
        var db = check.Context;
        var evidence = await db.EvidenceItems.Where(e => e.CycleId == cycleId).ToListAsync(_ct);
        Assert.Equal(5, evidence.Count);
        Assert.Equal(4, await db.IdentifiedNeeds.CountAsync(n => n.CycleId == cycleId, _ct));
        Assert.Equal(4, await db.InequalityGroups.CountAsync(g => g.CycleId == cycleId, _ct));
        var sessions = await db.CoDesignSessions.Where(s => s.CycleId == cycleId).ToListAsync(_ct);
        Assert.Equal(2, sessions.Count);
        var proposal = await db.ProviderProposals.SingleAsync(p => p.CycleId == cycleId, _ct);
        Assert.Equal(fixture.ProviderOrganisationId, proposal.OrganisationId);

        // The evidence predates the needs assessment sign-off; the sessions' input is co-design input linked to them.
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        var signedOffAt = cycle.StageOf(StageKind.NeedsAssessment).History.Max(e => e.At);
        Assert.All(evidence, e => Assert.True(e.AddedAt < signedOffAt));
        var fromSessions = cycle.StageOf(StageKind.CoDesign).Contributions.Where(c => c.TargetKind == TargetKind.CoDesignSession).ToList();
        Assert.Equal(3, fromSessions.Count);
        Assert.All(fromSessions, c => Assert.Contains(sessions, s => s.Id == c.TargetId));
        Assert.Contains(fromSessions, c => c.CurrentResponse is not null);
        Assert.DoesNotContain(evidence, e => e.Summary.Contains("lorem", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The demo cycle as the other demo data leaves it: needs assessment signed off, co-design open, a provider member.</summary>
    private async Task<Guid> DemoCycleAsync()
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var provider = new AppUser
        {
            UserName = DemoStageContent.ProviderEmail,
            Email = DemoStageContent.ProviderEmail,
            DisplayName = "Ruth Bell",
            OrganisationId = fixture.ProviderOrganisationId,
        };
        Assert.True((await users.CreateAsync(provider, StageContentFixture.Password)).Succeeded);

        var commissioner = fixture.UserId(StageContentFixture.Commissioner);
        var champion = fixture.UserId(StageContentFixture.Champion);
        var panel = fixture.UserId(StageContentFixture.Panel);
        var start = Moments.Now.AddDays(-58);
        var cycle = Expect.Success(CommissioningCycle.Create(DemoStageContent.CycleTitle, "Community mental health rehabilitation",
            "Adults in Harbourside with severe and complex mental health needs", 1_850_000m, DateOnly.FromDateTime(start.UtcDateTime),
            "North Harbour Integrated Care Board", commissioner, start));
        Expect.Success(cycle.SetChampion(champion, CycleRole.Commissioner, start.AddHours(1)));
        var input = Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment, panel, CycleRole.PanelMember, Voice.LivedExperience,
            Channel.Online, ContributionVisibility.Everyone, "Support stopped six weeks after I moved", "", start.AddDays(5)));
        Expect.Success(cycle.Respond(input.Id, commissioner, CycleRole.Commissioner, ResponseType.Adopted, "It is now the first priority need.",
            start.AddDays(25)));
        Expect.Success(cycle.SignOff(StageKind.NeedsAssessment, commissioner, CycleRole.Commissioner, "Agreed with the panel", start.AddDays(30)));
        db.Cycles.Add(cycle);
        (string UserId, CycleRole Role, Voice? Voice, Guid? Organisation)[] members =
        [
            (commissioner, CycleRole.Commissioner, null, null),
            (champion, CycleRole.CoProductionChampion, null, null),
            (panel, CycleRole.PanelMember, Voice.LivedExperience, null),
            (provider.Id, CycleRole.Provider, null, fixture.ProviderOrganisationId),
            (fixture.UserId(StageContentFixture.Clinician), CycleRole.ClinicalAdviser, null, null),
        ];
        foreach (var (userId, role, voice, organisation) in members)
        {
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, commissioner, start)));
        }

        await db.SaveChangesAsync(_ct);
        return cycle.Id;
    }
}
