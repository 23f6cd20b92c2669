using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.NeedsAssessment;

/// <summary>
/// A test class's database with one account for each cycle role, two provider organisations (a second provider
/// must never see the first one's proposals), a colleague at the first provider, and someone in no cycle at all.
/// Cycles are built through the domain (<see cref="ACycle"/>) and these people made members.
/// </summary>
public sealed class StageContentFixture(PostgresServer server) : DatabaseFixture(server)
{
    public const string Password = "Stage-content-2026";
    public const string Commissioner = "commissioner@stage.test";
    public const string Champion = "champion@stage.test";
    public const string Panel = "panel@stage.test";
    public const string Provider = "provider@stage.test";
    public const string ProviderColleague = "colleague@stage.test";
    public const string OtherProvider = "other-provider@stage.test";
    public const string Clinician = "clinician@stage.test";
    public const string Observer = "observer@stage.test";
    public const string Outsider = "outsider@stage.test";

    private readonly Dictionary<string, string> _userIds = [];

    public Guid ProviderOrganisationId { get; private set; }

    public Guid OtherProviderOrganisationId { get; private set; }

    public string UserId(string email) => _userIds[email];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        var harbour = new Organisation("Harbour Peer Support", OrganisationKind.UserLedOrganisation);
        var lighthouse = new Organisation("Lighthouse Housing Trust", OrganisationKind.VoluntaryOrCommunityOrganisation);
        scope.Context.Organisations.AddRange(harbour, lighthouse);
        await scope.Context.SaveChangesAsync();
        ProviderOrganisationId = harbour.Id;
        OtherProviderOrganisationId = lighthouse.Id;

        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        (string Email, string Name, Guid? Organisation)[] people =
        [
            (Commissioner, "Priya Commissioner", null),
            (Champion, "Tom Champion", null),
            (Panel, "Jess Panel", null),
            (Provider, "Ruth Provider", harbour.Id),
            (ProviderColleague, "Sam Colleague", harbour.Id),
            (OtherProvider, "Omar Otherprovider", lighthouse.Id),
            (Clinician, "Dr Clinician", null),
            (Observer, "Olive Observer", null),
            (Outsider, "Oscar Outsider", null),
        ];
        foreach (var (email, name, organisation) in people)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisation };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            _userIds[email] = user.Id;
        }
    }

    /// <summary>
    /// A cycle whose earlier stages are signed off (<paramref name="atStage"/> is open), with everyone but the
    /// outsider a member in their role.
    /// </summary>
    public async Task<Guid> CycleAsync(StageKind atStage = StageKind.NeedsAssessment)
    {
        var cycle = ACycle.AtStage(atStage).Build();
        await using var scope = Db();
        scope.Context.Cycles.Add(cycle);
        (string Email, CycleRole Role, Voice? Voice, Guid? Organisation)[] members =
        [
            (Commissioner, CycleRole.Commissioner, null, null),
            (Champion, CycleRole.CoProductionChampion, null, null),
            (Panel, CycleRole.PanelMember, Voice.LivedExperience, null),
            (Provider, CycleRole.Provider, null, ProviderOrganisationId),
            (ProviderColleague, CycleRole.Provider, null, ProviderOrganisationId),
            (OtherProvider, CycleRole.Provider, null, OtherProviderOrganisationId),
            (Clinician, CycleRole.ClinicalAdviser, null, null),
            (Observer, CycleRole.Observer, null, null),
        ];
        foreach (var (email, role, voice, organisation) in members)
        {
            scope.Context.Memberships.Add(Expect.Success(
                CycleMembership.Create(cycle.Id, UserId(email), role, voice, organisation, null, Moments.CycleCreated)));
        }

        await scope.Context.SaveChangesAsync();
        return cycle.Id;
    }

    public async Task<BrowserLikeClient> SignedInAsync(string email)
    {
        var client = BrowserLikeClient.For(Factory);
        await client.SignInAsync(email, Password);
        return client;
    }
}
