using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Administration;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Admin;

public sealed partial class AccountAdministrationTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nobody_removes_their_own_administrator_role_and_the_refusal_is_shown_beside_the_roles()
    {
        var admin = await fixture.SignedInAsync(fixture.Administrator);

        var page = await admin.SubmitAsync(Url(fixture.Administrator), new Dictionary<string, string> { ["Form.Roles"] = SiteRoles.Commissioner },
            "form[action*='handler=Roles']", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(AdministrationRules.OwnAdministratorRole.Message, page.Document.QuerySelector("#Form_Roles-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal([SiteRoles.Administrator], await RolesOfAsync(fixture.Administrator.Id));
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_live_session_at_once_and_it_cannot_sign_in_until_reactivated()
    {
        var person = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Kit Lee");
        var session = await fixture.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/cycles", _ct)).Status);
        var admin = await fixture.SignedInAsync(fixture.Administrator);

        var deactivated = await admin.SubmitAsync(Url(person), new Dictionary<string, string>(), "form[action*='handler=Deactivate']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, deactivated.Status);
        var next = await session.GetAsync("/cycles", _ct);
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains("/Identity/Account/Login", next.Location, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BrowserLikeClient.For(fixture.Factory).SignInAsync(person.Email, TestAccounts.Password, _ct));
        var shown = await admin.GetAsync(Url(person), _ct);
        Assert.Contains("Deactivated", shown.Text, StringComparison.Ordinal);

        var reactivated = await admin.SubmitAsync(Url(person), new Dictionary<string, string>(), "form[action*='handler=Reactivate']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, reactivated.Status);
        await BrowserLikeClient.For(fixture.Factory).SignInAsync(person.Email, TestAccounts.Password, _ct);
    }

    [Fact]
    public async Task Nobody_deactivates_themselves_even_with_a_crafted_post()
    {
        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var page = await admin.GetAsync(Url(fixture.Administrator), _ct);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Deactivate']"));
        var version = page.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        var crafted = await admin.PostCraftedAsync($"{Url(fixture.Administrator)}?handler=Deactivate",
            new Dictionary<string, string> { ["Form.Version"] = version }, Url(fixture.Administrator), _ct);

        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(AdministrationRules.DeactivateSelf.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        await using var scope = fixture.Db();
        Assert.Null(await scope.Context.Users.Where(u => u.Id == fixture.Administrator.Id).Select(u => u.DeactivatedAt).SingleAsync(_ct));
    }

    [Fact]
    public async Task A_change_made_from_a_page_someone_else_changed_since_is_not_saved()
    {
        var person = await TestAccounts.CreateAsync(fixture, displayName: "Robin Stale");
        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var stale = (await admin.GetAsync(Url(person), _ct)).Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var other = await fixture.SignedInAsync(fixture.OtherAdministrator);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync(Url(person), new Dictionary<string, string> { ["Form.Roles"] = SiteRoles.Commissioner },
            "form[action*='handler=Roles']", _ct)).Status);

        var page = await admin.PostCraftedAsync($"{Url(person)}?handler=Deactivate", new Dictionary<string, string> { ["Form.Version"] = stale }, Url(person), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(CoproCommissioning.Web.Pages.Admin.Accounts.DetailsModel.ChangedMeanwhile, page.Text, StringComparison.Ordinal);
        await using var scope = fixture.Db();
        Assert.Null(await scope.Context.Users.Where(u => u.Id == person.Id).Select(u => u.DeactivatedAt).SingleAsync(_ct));
    }

    [Fact]
    public async Task Each_account_change_is_audited_with_the_administrator_who_made_it()
    {
        var person = await TestAccounts.CreateAsync(fixture, displayName: "Alex Audit");
        await using (var scope = fixture.Db())
        {
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(person.Id);
            Assert.True((await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);
        }

        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var since = await LastAuditIdAsync();
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
        {
            ("Roles", new() { ["Form.Roles"] = SiteRoles.Commissioner }),
            ("Unlock", []),
            ("Deactivate", []),
            ("Reactivate", []),
        })
        {
            var done = await admin.SubmitAsync(Url(person), fields, $"form[action*='handler={handler}']", _ct);
            Assert.True(done.Status == HttpStatusCode.Redirect, $"{handler}: {(int)done.Status}");
        }

        await using var check = fixture.Db();
        var events = await check.Context.AuditEvents.AsNoTracking()
            .Where(e => e.Id > since && (e.EntityId == person.Id || e.EntityId.StartsWith(person.Id + ",")))
            .OrderBy(e => e.Id).ToListAsync(_ct);
        Assert.All(events, e => Assert.Equal(fixture.Administrator.Id, e.UserId));
        Assert.Contains(events, e => e.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal) && e.Action == AuditAction.Inserted);
        Assert.Contains(events, e => Changes(e).TryGetProperty("Unlocked", out _));
        var deactivations = events.Where(e => Changes(e).TryGetProperty(nameof(AppUser.DeactivatedAt), out _))
            .Select(e => Changes(e).GetProperty(nameof(AppUser.DeactivatedAt)).GetProperty("new").ValueKind).ToList();
        Assert.Equal([JsonValueKind.String, JsonValueKind.Null], deactivations);
    }

    [Fact]
    public async Task An_administrator_invites_a_commissioner_who_sets_up_their_account_from_the_emailed_link()
    {
        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var email = $"kit.lee-{Guid.NewGuid():N}@icb.example";

        var refused = await admin.SubmitAsync("/admin/accounts/invite", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "",
            ["Form.Roles"] = SiteRoles.Commissioner,
        }, ct: _ct);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(email, refused.Document.QuerySelector("#Form_Email")?.GetAttribute("value"));
        Assert.Contains(AdministrationRules.DisplayNameRequired.Message, refused.Document.QuerySelector("#Form_DisplayName-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(AdministrationRules.OrganisationRequired.Message, refused.Document.QuerySelector("#Form_OrganisationId-error")?.TextContent ?? "", StringComparison.Ordinal);

        var invited = await admin.SubmitAsync("/admin/accounts/invite", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Kit Lee",
            ["Form.OrganisationId"] = fixture.Organisation.Id.ToString(),
            ["Form.Roles"] = SiteRoles.Commissioner,
        }, ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        var shown = await admin.FollowRedirectAsync(invited, _ct);
        Assert.Contains($"Invitation sent to {email}", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Not set up yet", shown.Text, StringComparison.Ordinal);

        var link = Assert.Single(await LinksEmailedToAsync(email));
        var person = BrowserLikeClient.For(fixture.Factory);
        var saved = await person.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Form.Password"] = "Kit-sets-up-2026",
            ["Form.ConfirmPassword"] = "Kit-sets-up-2026",
        }, ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/cycles/new", _ct)).Status);
        await using var scope = fixture.Db();
        var user = await scope.Context.Users.SingleAsync(u => u.Email == email, _ct);
        Assert.Equal(fixture.Organisation.Id, user.OrganisationId);
        Assert.True(user.EmailConfirmed);
        Assert.NotNull(user.LastSignedInAt);
        Assert.Equal([SiteRoles.Commissioner], await RolesOfAsync(user.Id));
    }

    [Fact]
    public async Task The_accounts_list_is_searched_and_paged_by_the_database()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 23; i++)
        {
            await TestAccounts.CreateAsync(fixture, displayName: $"Searchable {tag} {i:00}");
        }

        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var first = await admin.GetAsync($"/admin/accounts?search={tag}", _ct);
        var second = await admin.GetAsync($"/admin/accounts?search={tag}&pageNumber=2", _ct);

        Assert.Contains("Showing 1 to 20 of 23", first.Text, StringComparison.Ordinal);
        Assert.Equal(20, first.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(3, second.Document.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain("Lee Chen", first.Text, StringComparison.Ordinal);
    }

    private static string Url(TestAccounts.Account account) => $"/admin/accounts/{account.Id}";

    private async Task<IReadOnlyList<string>> RolesOfAsync(string userId)
    {
        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(userId))!)];
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var scope = fixture.Db();
        return await scope.Context.AuditEvents.MaxAsync(e => (long?)e.Id, _ct) ?? 0;
    }

    private static JsonElement Changes(AuditEvent e) => JsonDocument.Parse(e.Changes).RootElement;

    private async Task<List<string>> LinksEmailedToAsync(string address) =>
        [.. (await TestMailbox.EmailsToAsync(fixture.Factory, address, _ct))
            .SelectMany(m => Link().Matches(m.HtmlBody ?? "").Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)))];

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();
}
