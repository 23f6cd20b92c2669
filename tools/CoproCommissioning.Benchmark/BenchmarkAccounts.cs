using CoproCommissioning.Domain.Organisations;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Benchmark;

/// <summary>The people of the benchmark, as the cycles need them: ids only, as the domain keeps them.</summary>
public sealed record BenchmarkCast(
    Person Commissioner,
    Person Champion,
    IReadOnlyList<Person> Panel,
    IReadOnlyList<Person> Providers,
    IReadOnlyList<Person> Clinicians,
    IReadOnlyList<Person> Bidders,
    Guid CommissioningBody)
{
    /// <summary>The panel member whose "what happened to my input" page is measured; the cycles give them more input than most.</summary>
    public Person Prolific => Panel[0];

    /// <summary>
    /// The lived-experience evaluators of the procurement cycle, from the second panel member on: the first is
    /// <see cref="Prolific"/>, whose input pages stay as they were.
    /// </summary>
    public IReadOnlyList<Person> Evaluators(int count) => [.. Panel.Skip(1).Take(count)];
}

public sealed record Person(string Id, string Email, CycleRole Role, Voice? PanelVoice = null, Guid? Organisation = null);

/// <summary>
/// Creates the accounts through Identity's UserManager. Everyone shares <see cref="Password"/>, hashed once (hashing is
/// slow on purpose, and 300 hashes would take most of a minute). The commissioner must use two-factor authentication, as on a
/// live install, so their authenticator key is set and returned for scripts/bench.sh to compute codes from.
/// </summary>
public sealed class BenchmarkAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, CoproDbContext db)
{
    public const string Password = "Bench-Copro-2026!";
    public const string EmailDomain = "bench.copro.test";

    public async Task<(BenchmarkCast Cast, string AuthenticatorKey)> CreateAsync(BenchmarkScale scale, CancellationToken ct)
    {
        foreach (var role in SiteRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Must.Succeed(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var body = new Organisation("Bench Integrated Care Board", OrganisationKind.IntegratedCareBoard);
        db.Organisations.Add(body);
        // Nine providers, so the ceiling page's ten organisations are there at every scale.
        var providerOrganisations = Enumerable.Range(1, 9)
            .Select(i => new Organisation($"Bench provider {i:00}", i % 3 == 0 ? OrganisationKind.NhsTrust : OrganisationKind.VoluntaryOrCommunityOrganisation))
            .ToList();
        db.Organisations.AddRange(providerOrganisations);
        await db.SaveChangesAsync(ct);

        string hash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        var commissioner = await CreateAsync("commissioner", "Bench Commissioner", CycleRole.Commissioner, hash, body.Id, ct: ct);
        Must.Succeed(await users.AddToRoleAsync(await users.FindByIdAsync(commissioner.Id) ?? throw new InvalidOperationException(), SiteRoles.Commissioner),
            "make the commissioner a site commissioner");
        var champion = await CreateAsync("champion", "Bench Champion", CycleRole.CoProductionChampion, hash, body.Id, ct: ct);

        // The rest of the members: about three in twenty providers, one clinician in fifty (at least one of each), the rest the panel.
        int others = scale.Members - 2;
        int providers = Math.Max(1, others * 3 / 20), clinicians = Math.Max(1, others / 50);
        int panel = others - providers - clinicians;
        List<Person> panelMembers = [], providerMembers = [], clinicianMembers = [];
        for (int i = 1; i <= panel; i++)
        {
            var voice = i % 4 == 0 ? Voice.Carer : Voice.LivedExperience;
            panelMembers.Add(await CreateAsync($"panel-{i:0000}", $"Panel member {i}", CycleRole.PanelMember, hash, null, voice, ct));
        }

        for (int i = 1; i <= providers; i++)
        {
            var organisation = providerOrganisations[(i - 1) % providerOrganisations.Count].Id;
            providerMembers.Add(await CreateAsync($"provider-{i:0000}", $"Provider {i}", CycleRole.Provider, hash, organisation, ct: ct));
        }

        for (int i = 1; i <= clinicians; i++)
        {
            clinicianMembers.Add(await CreateAsync($"clinician-{i:0000}", $"Clinician {i}", CycleRole.ClinicalAdviser, hash, null, ct: ct));
        }

        // A bid comes from an organisation that has no other bid, so each bidder brings its own organisation.
        var bidderOrganisations = Enumerable.Range(1, scale.Bids)
            .Select(i => new Organisation($"Bench bidder {i:000}", (i % 4) switch
            {
                0 => OrganisationKind.NhsTrust,
                1 => OrganisationKind.VoluntaryOrCommunityOrganisation,
                2 => OrganisationKind.UserLedOrganisation,
                _ => OrganisationKind.IndependentProvider,
            }))
            .ToList();
        db.Organisations.AddRange(bidderOrganisations);
        await db.SaveChangesAsync(ct);
        List<Person> bidders = [];
        foreach (var (organisation, i) in bidderOrganisations.Select((o, i) => (o, i + 1)))
        {
            bidders.Add(await CreateAsync($"bidder-{i:0000}", $"Bid writer {i}", CycleRole.Provider, hash, organisation.Id, ct: ct));
        }

        var user = await users.FindByIdAsync(commissioner.Id) ?? throw new InvalidOperationException("The commissioner was not saved.");
        Must.Succeed(await users.ResetAuthenticatorKeyAsync(user), "give the commissioner an authenticator key");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was kept.");
        Must.Succeed(await users.SetTwoFactorEnabledAsync(user, true), "turn on two-factor authentication for the commissioner");

        return (new BenchmarkCast(commissioner, champion, panelMembers, providerMembers, clinicianMembers, bidders, body.Id), key);
    }

    public static string EmailOf(string name) => $"bench-{name}@{EmailDomain}";

    private async Task<Person> CreateAsync(
        string name, string displayName, CycleRole role, string passwordHash, Guid? organisation, Voice? voice = null, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var email = EmailOf(name);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganisationId = organisation,
            PasswordHash = passwordHash,
        };
        Must.Succeed(await users.CreateAsync(user), $"create {email}");
        return new Person(user.Id, email, role, voice, role == CycleRole.Provider ? organisation : null);
    }
}
