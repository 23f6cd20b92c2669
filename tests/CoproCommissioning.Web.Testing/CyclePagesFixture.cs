using CoproCommissioning.Data;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// A test class's database with the demo accounts (and the demo cycles, which these tests leave alone) plus an
/// account that belongs to no cycle. Each test makes its own cycle, so tests in a class never see each other's.
/// </summary>
public class CyclePagesFixture(PostgresServer server) : DatabaseFixture(server)
{
    public const string OutsiderEmail = "outsider@test.copro.test";

    public CyclePeople People { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Db())
        {
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            var outsider = new AppUser { UserName = OutsiderEmail, Email = OutsiderEmail, EmailConfirmed = true, DisplayName = "Olu Outsider" };
            var created = await users.CreateAsync(outsider, DemoSeeder.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        People = await CycleTestData.LoadPeopleAsync(this, OutsiderEmail);
    }

    /// <inheritdoc cref="CycleTestData.CreateCycleAsync"/>
    public Task<Guid> CreateCycleAsync(Action<CycleArranger>? arrange = null, bool withChampion = true, string? title = null) =>
        CycleTestData.CreateCycleAsync(this, People, arrange, withChampion, title);

    /// <inheritdoc cref="CycleTestData.ChangeCycleAsync"/>
    public Task ChangeCycleAsync(Guid cycleId, Action<CommissioningCycle> change) => CycleTestData.ChangeCycleAsync(this, cycleId, change);

    public Task<CommissioningCycle> LoadCycleAsync(Guid cycleId) => CycleTestData.LoadCycleAsync(this, cycleId);

    public async Task<BrowserLikeClient> SignedInAsync(string email)
    {
        var client = BrowserLikeClient.For(Factory);
        await client.SignInAsync(email, DemoSeeder.Password);
        return client;
    }
}

/// <summary>Cycles for page and browser tests, built through the domain with the demo accounts as members.</summary>
public static class CycleTestData
{
    /// <summary>The demo accounts' ids (after <c>DemoSeeder.SeedAsync</c>), and the provider's organisation.</summary>
    public static async Task<CyclePeople> LoadPeopleAsync(DatabaseFixture fixture, string? outsiderEmail = null)
    {
        await using var scope = fixture.Db();
        var ids = await scope.Context.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        var organisation = await scope.Context.Organisations.Where(o => o.Name == DemoCycles.ProviderOrganisation).Select(o => o.Id).SingleAsync();
        return new CyclePeople(
            ids[CyclePeople.CommissionerEmail],
            ids[CyclePeople.ChampionEmail],
            ids[CyclePeople.PanelEmail],
            ids[CyclePeople.CarerEmail],
            ids[CyclePeople.ProviderEmail],
            ids[CyclePeople.ClinicianEmail],
            ids[CyclePeople.ObserverEmail],
            outsiderEmail is null ? "" : ids[outsiderEmail],
            organisation);
    }

    /// <summary>
    /// A new cycle whose members are the demo accounts in their usual roles (the administrator as an observer),
    /// with a champion unless told otherwise; <paramref name="arrange"/> adds content through the domain.
    /// </summary>
    public static async Task<Guid> CreateCycleAsync(
        DatabaseFixture fixture, CyclePeople people, Action<CycleArranger>? arrange = null, bool withChampion = true, string? title = null)
    {
        var arranger = new CycleArranger(people, title ?? $"Test cycle {Guid.NewGuid():N}"[..24]);
        if (withChampion)
        {
            Expect.Success(arranger.Cycle.SetChampion(people.Champion, CycleRole.Commissioner, arranger.Next()));
        }

        arrange?.Invoke(arranger);
        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(arranger.Cycle);
        foreach (var (userId, role, voice, organisation) in people.Memberships())
        {
            scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(arranger.Cycle.Id, userId, role, voice, organisation, null, arranger.Next())));
        }

        await scope.Context.SaveChangesAsync();
        return arranger.Cycle.Id;
    }

    /// <summary>Changes a cycle the way another person's request would, through a separate context.</summary>
    public static async Task ChangeCycleAsync(DatabaseFixture fixture, Guid cycleId, Action<CommissioningCycle> change)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId);
        change(cycle);
        await scope.Context.SaveChangesAsync();
    }

    public static async Task<CommissioningCycle> LoadCycleAsync(DatabaseFixture fixture, Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId);
    }
}

public sealed record CyclePeople(
    string Commissioner,
    string Champion,
    string Panel,
    string Carer,
    string Provider,
    string Clinician,
    string Observer,
    string Outsider,
    Guid ProviderOrganisation)
{
    public const string CommissionerEmail = "commissioner@demo.copro.test";
    public const string ChampionEmail = "champion@demo.copro.test";
    public const string PanelEmail = "panel@demo.copro.test";
    public const string CarerEmail = "carer@demo.copro.test";
    public const string ProviderEmail = "provider@demo.copro.test";
    public const string ClinicianEmail = "clinician@demo.copro.test";
    public const string ObserverEmail = "admin@demo.copro.test";

    public IEnumerable<(string UserId, CycleRole Role, Voice? Voice, Guid? Organisation)> Memberships() =>
    [
        (Commissioner, CycleRole.Commissioner, null, null),
        (Champion, CycleRole.CoProductionChampion, null, null),
        (Panel, CycleRole.PanelMember, Voice.LivedExperience, null),
        (Carer, CycleRole.PanelMember, Voice.Carer, null),
        (Provider, CycleRole.Provider, null, ProviderOrganisation),
        (Clinician, CycleRole.ClinicalAdviser, null, null),
        (Observer, CycleRole.Observer, null, null),
    ];
}

/// <summary>Builds a test cycle through the domain's own methods, at times just before now so the app accepts them.</summary>
public sealed class CycleArranger
{
    private DateTimeOffset _at = DateTimeOffset.UtcNow.AddDays(-2);

    public CycleArranger(CyclePeople people, string title)
    {
        People = people;
        Cycle = Expect.Success(CommissioningCycle.Create(title, "Community mental health", "Adults aged 18 to 65 in Harbourside",
            500_000m, new DateOnly(2026, 4, 1), "North Harbour Integrated Care Board", people.Commissioner, Next()));
    }

    public CyclePeople People { get; }

    public CommissioningCycle Cycle { get; }

    public DateTimeOffset Next() => _at = _at.AddMinutes(1);

    public Contribution FromPanel(StageKind stage = StageKind.NeedsAssessment, string summary = "Support should carry on after I move home") =>
        Expect.Success(Cycle.AddContribution(stage, People.Panel, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, summary,
            "I was discharged and the visits stopped after six weeks.", Next()));

    public Contribution FromProvider(StageKind stage = StageKind.NeedsAssessment, string summary = "38 people are in placements out of area") =>
        Expect.Success(Cycle.AddContribution(stage, People.Provider, CycleRole.Provider, Voice.Provider, Channel.Online, ContributionVisibility.Everyone, summary, "", Next()));

    public Response Respond(Contribution contribution, string explanation = "We made it a priority need.") =>
        Expect.Success(Cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, explanation, Next()));

    public Decision CoProducedDecision(StageKind stage, string title, params Contribution[] shapedBy) =>
        Expect.Success(Cycle.RecordDecision(stage, new DecisionDetails(title, "We will do it.", DecisionMode.CoProduced, "",
            CoProductionLadderRung.CoProduction, Next(),
            [new DecisionParticipant(People.Commissioner, CycleRole.Commissioner), new DecisionParticipant(People.Panel, CycleRole.PanelMember)],
            [.. shapedBy.Select(c => new DecisionInfluence(c.Id, "It set the first priority."))]), People.Commissioner, CycleRole.Commissioner, Next()));

    /// <summary>Lived-experience input answered in the stage, then a commissioner's sign-off.</summary>
    public void SignOff(StageKind stage)
    {
        Respond(FromPanel(stage, $"Input that unlocks {stage}"));
        Expect.Success(Cycle.SignOff(stage, People.Commissioner, CycleRole.Commissioner, $"{stage} agreed with the panel", Next()));
    }

    /// <summary>A stage with everything sign-off needs: answered lived-experience input.</summary>
    public void ReadyToSignOff(StageKind stage = StageKind.NeedsAssessment) => Respond(FromPanel(stage));
}

public static class CycleUrls
{
    public static string Overview(Guid cycleId) => $"/cycles/{cycleId}";

    public static string Stage(Guid cycleId, string stage = "needs-assessment") => $"/cycles/{cycleId}/stages/{stage}";

    public static string AddContribution(Guid cycleId, string stage = "needs-assessment") => $"{Stage(cycleId, stage)}/contributions/new";

    public static string LogOnBehalf(Guid cycleId, string stage = "needs-assessment") => $"{Stage(cycleId, stage)}/log-on-behalf";

    public static string Respond(Guid cycleId, Guid contributionId, string stage = "needs-assessment") =>
        $"{Stage(cycleId, stage)}/contributions/{contributionId}/respond";

    public static string RecordDecision(Guid cycleId, string stage = "needs-assessment") => $"{Stage(cycleId, stage)}/decisions/new";

    public static string Decision(Guid cycleId, Guid decisionId, string stage = "needs-assessment") => $"{Stage(cycleId, stage)}/decisions/{decisionId}";

    public static string SignOff(Guid cycleId, string stage = "needs-assessment") => $"{Stage(cycleId, stage)}/sign-off";
}
