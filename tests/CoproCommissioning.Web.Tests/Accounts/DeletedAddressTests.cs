using System.Net;
using System.Security.Claims;
using System.Text.Json;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>
/// Deleting an account leaves its email address nowhere: not on the account, not on an invitation sent to it in any
/// cycle, and not in the audit trail, which can't be changed afterwards and so must never have held it. Proved by
/// searching every text column of every table, so a table or column added later is searched too.
/// </summary>
public sealed class DeletedAddressTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Name = "Zephyrine Quillfeather";
    private const string Password = "Quill-and-feather-2026";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_an_account_leaves_its_email_address_in_no_text_column_of_any_table()
    {
        var unique = Guid.NewGuid().ToString("N");
        var localPart = $"zephyrine.quillfeather.{unique}";
        var address = $"{localPart}@example.org";
        var commissioner = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Priya Sharma");
        // The same address as three commissioners might type it, and someone else's beside it.
        var joined = await InviteAsync($"Zephyrine.Quillfeather.{unique}@Example.org", commissioner.Id);
        var pending = await InviteAsync(address.ToUpperInvariant(), commissioner.Id);
        var withdrawn = await InviteAsync(address, commissioner.Id, withdraw: true);
        var someoneElse = await InviteAsync("someone.else@example.org", commissioner.Id, cycleId: pending.CycleId);

        var person = BrowserLikeClient.For(fixture.Factory);
        var created = await person.SubmitAsync($"/invitations/{joined.Token}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = Name,
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password,
        }, "form[action*=CreateAccount]", _ct);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var userId = await UserIdAsync(address);
        var profile = await person.SubmitAsync("/Identity/Account/Manage", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = Name,
            ["Input.AccessNeeds"] = "Captions on video calls, please",
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, profile.Status);
        var contribution = await ContributeAsync(joined.CycleId, userId);
        await GiveIdentityRowsAsync(userId, localPart);

        var before = await SearchAsync(address);
        Assert.Contains("public.audit_events.changes", before.Searched);
        Assert.Contains("public.user_tokens.value", before.Searched);
        Assert.Contains("public.data_protection_keys.xml", before.Searched);
        Assert.Equal(
            ["public.invitations.email", "public.user_claims.claim_value", "public.user_logins.provider_display_name",
                "public.users.email", "public.users.normalized_email", "public.users.normalized_user_name", "public.users.user_name"],
            before.Found);

        var deleted = await person.SubmitAsync("/Identity/Account/Manage/DeletePersonalData",
            new Dictionary<string, string> { ["Input.Password"] = Password }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/Identity/Account/Deleted", deleted.Location);

        foreach (var needle in new[] { address, localPart, Name })
        {
            var after = await SearchAsync(needle);
            Assert.True(after.Found.Count == 0, $"'{needle}' is still in {string.Join(", ", after.Found)}");
        }

        await using var scope = fixture.Db();
        var db = scope.Context;
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.Id == joined.Id || i.Id == pending.Id || i.Id == withdrawn.Id || i.Id == someoneElse.Id)
            .ToDictionaryAsync(i => i.Id, _ct);
        Assert.All(new[] { invitations[joined.Id], invitations[pending.Id], invitations[withdrawn.Id] },
            i => Assert.Equal(Invitation.RemovedAddress, i.Email));
        Assert.Equal(userId, invitations[joined.Id].AcceptedByUserId);
        Assert.Null(invitations[joined.Id].RevokedAt);
        Assert.NotNull(invitations[pending.Id].RevokedAt);
        Assert.True(invitations[someoneElse.Id].IsPending(DateTimeOffset.UtcNow));
        Assert.Equal("someone.else@example.org", invitations[someoneElse.Id].Email);

        // The audit recorded that the address went, without it.
        var scrubbed = await db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Invitation) && e.EntityId == pending.Id.ToString() && e.Action == AuditAction.Updated, _ct);
        using (var changes = JsonDocument.Parse(scrubbed.Changes))
        {
            Assert.True(changes.RootElement.GetProperty(nameof(Invitation.Email)).GetProperty("changed").GetBoolean());
            Assert.Equal(JsonValueKind.String, changes.RootElement.GetProperty(nameof(Invitation.RevokedAt)).GetProperty("new").ValueKind);
        }

        // What they gave stays, under the same account: the record of who shaped what.
        Assert.True(await db.Memberships.AnyAsync(m => m.CycleId == joined.CycleId && m.UserId == userId, _ct));
        var cycle = await db.Cycles.AsNoTracking().IncludeStages().SingleAsync(c => c.Id == joined.CycleId, _ct);
        Assert.Equal(userId, cycle.FindContribution(contribution)!.AuthorUserId);

        var link = await BrowserLikeClient.For(fixture.Factory).GetAsync($"/invitations/{pending.Token}", _ct);
        Assert.Contains(MembershipRules.InvitationRevoked.Message, link.Text);
        Assert.Null(link.Document.QuerySelector("form[action*=CreateAccount]"));
    }

    private sealed record Invited(Guid Id, Guid CycleId, string Token);

    private sealed record Search(IReadOnlyList<string> Searched, IReadOnlyList<string> Found);

    private async Task<Invited> InviteAsync(string email, string commissionerId, bool withdraw = false, Guid? cycleId = null)
    {
        var cycle = cycleId ?? (await TestCycles.CreateAsync(fixture)).Id;
        var (token, hash) = InvitationTokens.Create();
        var now = DateTimeOffset.UtcNow;
        var invitation = Expect.Success(Invitation.Create(cycle, email, CycleRole.PanelMember, Voice.LivedExperience, null, hash,
            commissionerId, now));
        if (withdraw)
        {
            invitation.Revoke(now);
        }

        await using var scope = fixture.Db();
        scope.Context.Invitations.Add(invitation);
        await scope.Context.SaveChangesAsync(_ct);
        return new Invited(invitation.Id, cycle, token);
    }

    private async Task<string> UserIdAsync(string address)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Users.Where(u => u.NormalizedEmail == address.ToUpperInvariant()).Select(u => u.Id).SingleAsync(_ct);
    }

    private async Task<Guid> ContributeAsync(Guid cycleId, string userId)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var contribution = Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment, userId, CycleRole.PanelMember,
            Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, "Evenings", "I can only come after work.",
            DateTimeOffset.UtcNow));
        await scope.Context.SaveChangesAsync(_ct);
        return contribution.Id;
    }

    // The service offers no external sign-in and adds no claims, but Identity keeps tables for both, and a claim or a
    // login provider's display name is where an address would sit. The authenticator key and recovery codes are tokens.
    private async Task GiveIdentityRowsAsync(string userId, string localPart)
    {
        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No account.");
        Assert.True((await users.AddClaimAsync(user, new Claim(ClaimTypes.Email, user.Email!))).Succeeded);
        Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("ExampleIdentityProvider", $"{localPart}-key", user.Email))).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.NotNull(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10));
    }

    /// <summary>Every text-like column (text, varchar, char, json, jsonb, xml, citext, arrays) of every table, as the owner.</summary>
    private async Task<Search> SearchAsync(string needle)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync(_ct);
        List<(string Schema, string Table, string Column)> columns = [];
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, c.column_name
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml', 'ARRAY') OR c.udt_name = 'citext')
            ORDER BY 1, 2, 3
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync(_ct))
        {
            while (await reader.ReadAsync(_ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        List<string> found = [];
        foreach (var (schema, table, column) in columns)
        {
            await using var search = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM {Quoted(schema)}.{Quoted(table)} WHERE strpos(lower({Quoted(column)}::text), lower(@needle)) > 0)",
                connection);
            search.Parameters.AddWithValue("needle", needle);
            if (await search.ExecuteScalarAsync(_ct) is true)
            {
                found.Add($"{schema}.{table}.{column}");
            }
        }

        return new Search([.. columns.Select(c => $"{c.Schema}.{c.Table}.{c.Column}")], found);
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
