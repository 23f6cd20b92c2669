using System.Text.Json;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Data;

public sealed class AccountAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Email = "ada.lovelace@example.test";
    private const string AccessNeeds = "I use a wheelchair and need step-free access";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Account_changes_are_audited_with_personal_values_recorded_only_as_changed()
    {
        string userId;
        await using (var scope = fixture.Db())
        {
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            var roles = scope.Services.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(SiteRoles.Commissioner))
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(SiteRoles.Commissioner))).Succeeded);
            }

            var user = new AppUser { UserName = Email, Email = Email, DisplayName = "Ada Lovelace" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            userId = user.Id;
            Assert.True((await users.AddToRoleAsync(user, SiteRoles.Commissioner)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            user.AccessNeeds = AccessNeeds;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        await using var check = fixture.Db();
        var events = await check.Context.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == userId || e.EntityId.StartsWith(userId + ","))
            .OrderBy(e => e.Id)
            .ToListAsync(_ct);

        Assert.All(events, e =>
        {
            Assert.DoesNotContain("lovelace", e.Changes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("wheelchair", e.Changes, StringComparison.OrdinalIgnoreCase);
        });
        var created = Assert.Single(events, e => e.EntityType == nameof(AppUser) && e.Action == AuditAction.Inserted);
        Assert.True(Property(created, nameof(AppUser.Email)).GetProperty("changed").GetBoolean());
        Assert.Single(events, e => e.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal) && e.Action == AuditAction.Inserted);
        var updates = events.Where(e => e.EntityType == nameof(AppUser) && e.Action == AuditAction.Updated).ToList();
        Assert.Contains(updates, e => Changes(e).TryGetProperty(nameof(AppUser.TwoFactorEnabled), out var twoFactor)
            && twoFactor.GetProperty("new").GetBoolean());
        Assert.Contains(updates, e => Changes(e).TryGetProperty(nameof(AppUser.AccessNeeds), out var needs)
            && needs.GetProperty("changed").GetBoolean());
    }

    private static JsonElement Changes(AuditEvent e) => JsonDocument.Parse(e.Changes).RootElement;

    private static JsonElement Property(AuditEvent e, string name) => Changes(e).GetProperty(name);
}
