using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>A test database with the demo accounts and a second commissioner, for the specification pages.</summary>
public class SpecificationFixture(PostgresServer server) : DatabaseFixture(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var second = new AppUser
        {
            UserName = SpecificationArrange.SecondCommissioner,
            Email = SpecificationArrange.SecondCommissioner,
            EmailConfirmed = true,
            DisplayName = "Morgan Second",
        };
        _ = await users.CreateAsync(second, DemoSeeder.Password);
    }
}

/// <summary>Puts cycles and specifications in the test database through the domain, as the pages would.</summary>
public static class SpecificationArrange
{
    public const string Commissioner = "commissioner@demo.copro.test";
    public const string SecondCommissioner = "second-commissioner@example.org";
    public const string Panel = "panel@demo.copro.test";
    public const string Carer = "carer@demo.copro.test";
    public const string Provider = "provider@demo.copro.test";
    public const string Champion = "champion@demo.copro.test";

    public static readonly (string Email, CycleRole Role)[] Everyone =
    [
        (Commissioner, CycleRole.Commissioner),
        (SecondCommissioner, CycleRole.Commissioner),
        (Panel, CycleRole.PanelMember),
        (Carer, CycleRole.PanelMember),
        (Provider, CycleRole.Provider),
        (Champion, CycleRole.CoProductionChampion),
    ];

    /// <summary>A cycle at its specification stage (earlier stages signed off) with everyone above as members.</summary>
    public static async Task<CommissioningCycle> CycleAsync(DatabaseFixture fixture)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        db.Cycles.Add(cycle);
        foreach (var (email, role) in Everyone)
        {
            var userId = await UserIdAsync(fixture, email);
            Guid? organisation = role == CycleRole.Provider ? await db.Organisations.Select(o => o.Id).FirstAsync() : null;
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role,
                role == CycleRole.PanelMember ? Voice.LivedExperience : null, organisation, null, Moments.Now)));
        }

        await db.SaveChangesAsync();
        return cycle;
    }

    public static async Task<string> UserIdAsync(DatabaseFixture fixture, string email)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>
    /// v1 of the draft (three sections), saved by the demo commissioner, and optionally a comment window on it.
    /// Times are real ones: the app under test reads the system clock.
    /// </summary>
    public static async Task<ServiceSpecification> SpecificationAsync(
        DatabaseFixture fixture, Guid cycleId, (DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, bool Providers)? window = null,
        VersionDraft? draft = null)
    {
        var commissioner = await UserIdAsync(fixture, Commissioner);
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId);
        var savedAt = (window?.OpenedAt ?? DateTimeOffset.UtcNow).AddMinutes(-5);
        var specification = Expect.Success(ServiceSpecification.Start(
            cycle, draft ?? FirstDraft(), commissioner, CycleRole.Commissioner, savedAt));
        if (window is var (openedAt, closesAt, providers))
        {
            Expect.Success(specification.OpenForComment(cycle, closesAt, providers, commissioner, CycleRole.Commissioner, openedAt));
        }

        db.Specifications.Add(specification);
        await db.SaveChangesAsync();
        return specification;
    }

    public static (DateTimeOffset, DateTimeOffset, bool) OpenNow(bool providers = false) =>
        (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(14), providers);

    public static (DateTimeOffset, DateTimeOffset, bool) ClosedYesterday(bool providers = false) =>
        (DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-1), providers);

    public static VersionDraft FirstDraft() => new(
        "First draft",
        [
            new SectionDraft(Guid.CreateVersion7(), "Who the service is for", "Adults aged 18 to 65 in Leeds who need support with their mental health.", "Grown-ups in Leeds."),
            new SectionDraft(Guid.CreateVersion7(), "Opening hours", "The service is open 9am to 5pm, Monday to Friday.", "When you can get help."),
            new SectionDraft(Guid.CreateVersion7(), "Staffing", "Each team has a psychologist and 2 nurses.", ""),
        ],
        [new OutcomeDraft(Guid.CreateVersion7(), "I can get help before I reach crisis", OutcomeDomain.MentalWellbeing,
            "What people say at their 3-month review.", ASpecification.Levels)]);

    public static async Task<ServiceSpecification> LoadAsync(DatabaseFixture fixture, Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Specifications.IncludeVersions().AsNoTracking().SingleAsync(s => s.CycleId == cycleId);
    }

    public static async Task<IReadOnlyList<Contribution>> CommentsAsync(DatabaseFixture fixture, Guid cycleId)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId);
        return cycle.StageOf(StageKind.Specification).Contributions;
    }

    /// <summary>v1 commented on by the panel while comments were open; v2 changes the section and answers the comment.</summary>
    public static async Task<(CommissioningCycle Cycle, Contribution Comment)> CommentedAndAnsweredAsync(DatabaseFixture fixture, CancellationToken ct)
    {
        var cycle = await CycleAsync(fixture);
        var (openedAt, closesAt, _) = ClosedYesterday();
        var specification = await SpecificationAsync(fixture, cycle.Id, (openedAt, closesAt, false));
        var panelId = await UserIdAsync(fixture, Panel);
        var commissionerId = await UserIdAsync(fixture, Commissioner);
        await using var scope = fixture.Db();
        var loaded = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, ct);
        var tracked = await scope.Context.Specifications.IncludeVersions().SingleAsync(s => s.Id == specification.Id, ct);
        var hours = tracked.Latest.Sections[1];
        var comment = Expect.Success(tracked.Comment(loaded, hours.Id, panelId, CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone,
            "Evenings matter", "", openedAt.AddDays(2)));
        var draft = tracked.Latest.ToDraft();
        Expect.Success(tracked.SaveVersion(loaded, 1, draft with
        {
            ChangeSummary = "Evening opening",
            Sections = [.. draft.Sections.Select(s => s.SectionId == hours.SectionId
                ? s with { Body = "Open 9am to 9pm, every day.", Answers = [new AnsweredComment(comment.Id, ResponseType.Adopted)] }
                : s)],
        }, commissionerId, CycleRole.Commissioner, DateTimeOffset.UtcNow.AddHours(-1)));
        await scope.Context.SaveChangesAsync(ct);
        return (loaded, comment);
    }
}
