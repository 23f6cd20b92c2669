using System.Net;
using System.Text.Json;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Areas.Identity.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>Only one test here deletes an account, so in this class's own database it becomes Former participant #1.</summary>
public sealed class AccountDeletionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string DeleteUrl = "/Identity/Account/Manage/DeletePersonalData";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_an_account_pseudonymises_it_and_keeps_the_provenance_of_decisions()
    {
        var me = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Jess Morgan");
        var someoneElse = await TestAccounts.CreateAsync(fixture, displayName: "Alan Price");
        var commissioner = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Priya Sharma");
        var built = await ParticipationData.CreateAsync(fixture, me.Id, someoneElse.Id, commissioner.Id,
            "The crisis line kept me on hold for an hour", "My son was sent 80 miles away for a bed");
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);
        await GiveProfileAndAuthenticatorAsync(me.Id);

        var deleted = await client.SubmitAsync(DeleteUrl, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password },
            "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/Identity/Account/Deleted", deleted.Location);
        var confirmation = await client.FollowRedirectAsync(deleted, _ct);
        Assert.Contains("Your account has been deleted", confirmation.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Former participant #1", confirmation.Text);

        await using var scope = fixture.Db();
        var db = scope.Context;
        var user = await db.Users.SingleAsync(u => u.Id == me.Id, _ct);
        Assert.Equal("Former participant #1", user.DisplayName);
        Assert.Equal("Former participant #1", user.NameShownToOthers);
        Assert.Equal(1, user.FormerParticipantNumber);
        Assert.NotNull(user.DeletedAt);
        Assert.Equal("former-participant-1@deleted.invalid", user.Email);
        Assert.Equal("former-participant-1@deleted.invalid", user.UserName);
        Assert.DoesNotContain(me.Email, $"{user.Email} {user.NormalizedEmail} {user.UserName} {user.NormalizedUserName}",
            StringComparison.OrdinalIgnoreCase);
        Assert.Null(user.PasswordHash);
        Assert.Null(user.PhoneNumber);
        Assert.Equal("", user.AccessNeeds);
        Assert.Empty(user.CommunicationPreferences);
        Assert.False(user.TwoFactorEnabled);
        Assert.True(user.LockoutEnabled);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(1000));
        Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == me.Id, _ct));
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == me.Id, _ct));

        // Provenance: the decision still names the same account, as do the contribution and the membership.
        var cycle = await db.Cycles.AsNoTracking().IncludeStages().SingleAsync(c => c.Id == built.CycleId, _ct);
        Assert.Contains(cycle.FindDecision(built.DecisionId)!.Participants, p => p.UserId == me.Id);
        Assert.Equal(me.Id, cycle.FindContribution(built.ContributionId)!.AuthorUserId);
        Assert.True(await db.Memberships.AnyAsync(m => m.CycleId == built.CycleId && m.UserId == me.Id, _ct));

        var audit = await db.AuditEvents.SingleAsync(e => e.EntityType == nameof(AppUser) && e.EntityId == me.Id
            && e.Action == AuditAction.Deleted, _ct);
        Assert.Equal(me.Id, audit.UserId);
        Assert.True(JsonDocument.Parse(audit.Changes).RootElement.GetProperty("pseudonymised").GetBoolean());
        // The audit can't be changed afterwards, so it never held the address, the name or the access needs.
        var accountAudit = await AccountAuditAsync(me.Id);
        Assert.All(accountAudit, e =>
        {
            Assert.DoesNotContain(me.Email, e.Changes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Jess Morgan", e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain("Step-free", e.Changes, StringComparison.Ordinal);
        });
        Assert.Contains(accountAudit, e => e.Action == AuditAction.Updated
            && JsonDocument.Parse(e.Changes).RootElement.TryGetProperty(nameof(AppUser.Email), out var email)
            && email.GetProperty("changed").GetBoolean());

        // Signed out, and nobody can sign in with the old details.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage", _ct)).Status);
        var again = await BrowserLikeClient.For(fixture.Factory).SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = me.Email,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(LoginModel.NotRecognised, again.Text);
    }

    [Fact]
    public async Task A_wrong_password_deletes_nothing_and_says_so_beside_the_field()
    {
        var me = await TestAccounts.CreateAsync(fixture, displayName: "Sam Carer");
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);
        var auditBefore = await AccountAuditAsync(me.Id);

        var refused = await client.SubmitAsync(DeleteUrl, new Dictionary<string, string> { ["Input.Password"] = "Not-my-password-1" },
            "main form", _ct);
        var empty = await client.SubmitAsync(DeleteUrl, new Dictionary<string, string> { ["Input.Password"] = "" }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The password is not right", refused.Document.QuerySelector("#Input_Password-error")?.TextContent);
        Assert.Contains("Enter your password to delete your account", empty.Document.QuerySelector("#Input_Password-error")?.TextContent);
        await using var scope = fixture.Db();
        var user = await scope.Context.Users.SingleAsync(u => u.Id == me.Id, _ct);
        Assert.Equal("Sam Carer", user.DisplayName);
        Assert.Equal(me.Email, user.Email);
        Assert.Null(user.DeletedAt);
        // Nothing about the account changed, so nothing was audited (a wrong password is not an account change).
        Assert.NotEmpty(auditBefore);
        Assert.Equal(auditBefore.Select(e => e.Id), (await AccountAuditAsync(me.Id)).Select(e => e.Id));
    }

    /// <summary>The account's own events and those of its site roles (keyed "user id,role id").</summary>
    private async Task<IReadOnlyList<AuditEvent>> AccountAuditAsync(string userId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == userId || e.EntityId.StartsWith(userId + ","))
            .OrderBy(e => e.Id)
            .ToListAsync(_ct);
    }

    private async Task GiveProfileAndAuthenticatorAsync(string userId)
    {
        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No user.");
        user.AccessNeeds = "Step-free access and papers a week before";
        user.CommunicationPreferences = [CommunicationPreference.Email, CommunicationPreference.LargePrint];
        user.PhoneNumber = "07700 900123";
        await users.UpdateAsync(user);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
