using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>A fresh account per test, so tests that lock, delete or change an account never meet each other.</summary>
public static class TestAccounts
{
    public const string Password = "Fresh-Account-2026";

    public sealed record Account(string Id, string Email, string DisplayName);

    public static async Task<Account> CreateAsync(DatabaseFixture fixture, string? siteRole = null, string displayName = "Robin Test")
    {
        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Ensure(await users.CreateAsync(user, Password));
        if (siteRole is not null)
        {
            var roles = scope.Services.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(siteRole))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(siteRole)));
            }

            Ensure(await users.AddToRoleAsync(user, siteRole));
        }

        return new Account(user.Id, email, displayName);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
