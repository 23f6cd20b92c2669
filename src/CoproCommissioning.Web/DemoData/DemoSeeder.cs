using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.DemoData;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool Seed { get; set; }
}

/// <summary>
/// Puts the demo accounts and the demo cycles (<see cref="DemoCycles"/>) into an empty or already
/// seeded database. Safe to run at every start: it looks before it adds.
/// </summary>
public sealed class DemoSeeder(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, CoproDbContext db, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string Password = "CoproDemo-2026!";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("commissioner@demo.copro.test", "Priya Sharma", "Commissioner", SiteRoles.Commissioner),
        new("champion@demo.copro.test", "Tom Okafor", "Co-production champion", null),
        new("panel@demo.copro.test", "Jess Morgan", "Lived-experience panel member", null),
        new("carer@demo.copro.test", "Alan Price", "Carer panel member", null),
        new(DemoProcurementCycle.SecondPanelEmail, "Marcus Reid", "Lived-experience panel member", null),
        new("provider@demo.copro.test", "Ruth Bell", "Provider", null),
        new(DemoProcurementCycle.SanctuaryEmail, "Aisha Khan", "Provider", null),
        new(DemoProcurementCycle.NorthgateEmail, "Gareth Lloyd", "Provider", null),
        new(DemoMonitoringCycle.TrustEmail, "Femi Adeyemi", "Provider", null),
        new("clinician@demo.copro.test", "Dr Sam Iqbal", "Clinical adviser", null),
        new("admin@demo.copro.test", "Lee Chen", "Administrator", SiteRoles.Administrator),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in SiteRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var added = 0;
        foreach (var account in Accounts)
        {
            ct.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
            };
            Ensure(await users.CreateAsync(user, Password), $"create {account.Email}");
            if (account.SiteRole is not null)
            {
                Ensure(await users.AddToRoleAsync(user, account.SiteRole), $"add {account.Email} to {account.SiteRole}");
            }

            added++;
        }

        logger.LogInformation("Demo data ready: {AddedAccounts} demo accounts added", added);

        await new DemoCycles(db, clock, logger).SeedAsync(ct);
        await DemoStageContent.SeedAsync(db, clock, ct);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo data: could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? SiteRole);
}
