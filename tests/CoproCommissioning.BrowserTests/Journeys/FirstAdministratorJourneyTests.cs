using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// From an empty install (no demo data) to a running cycle: the first administrator, made by the admin command, sets up
/// their account and two-factor, adds an ICB and a provider, invites a commissioner; the commissioner sets up theirs,
/// creates a cycle and invites a provider from that organisation and a panel member, who both accept. axe on every page.
/// </summary>
public sealed class FirstAdministratorJourneyTests(EmptyInstallFixture app) : IClassFixture<EmptyInstallFixture>, IAsyncLifetime
{
    private const string AdminEmail = "lee.chen@harbourside-icb.example";
    private const string CommissionerEmail = "priya.sharma@harbourside-icb.example";
    private const string ProviderEmail = "ruth.bell@harbour-peer.example";
    private const string PanelEmail = "jess.morgan@example.org";
    private const string Title = "Community crisis support, Harbourside";

    private readonly List<IBrowserContext> _contexts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_administrator_sets_up_the_service_and_a_commissioner_runs_a_cycle_with_a_provider_and_a_panel_member()
    {
        await using (var scope = app.Db())
        {
            Assert.False(await scope.Context.Users.AnyAsync(Ct));
            Assert.False(await scope.Context.Organisations.AnyAsync(Ct));
        }

        var adminLink = await RunAdminCreateAsync();

        // The administrator sets a password and an authenticator app through the link, then signs in with both.
        var admin = await NewPageAsync();
        var adminKey = await SetUpAccountAsync(admin, adminLink, "Harbourside-admin-2026");
        await admin.SignOutAsync();
        await SignInWithCodeAsync(admin, AdminEmail, "Harbourside-admin-2026", adminKey);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Administration");
        await CheckAsync(admin, "admin-home");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Organisations" }).ClickAsync();
        await CheckAsync(admin, "admin-organisations-empty");
        await AddOrganisationAsync(admin, "Harbourside Integrated Care Board", "Integrated care board (ICB)", "15n", "Amira Khan", "amira.khan@harbourside-icb.example", showMistakeFirst: true);
        await AddOrganisationAsync(admin, "Harbour Peer Support", "User-led organisation", "", "Jo Reid", "jo.reid@harbour-peer.example");
        await Assertions.Expect(admin.Locator("tbody tr")).ToHaveCountAsync(2);
        await CheckAsync(admin, "admin-organisations");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Harbour Peer Support" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Contact name")).ToHaveValueAsync("Jo Reid");
        await CheckAsync(admin, "admin-organisation-edit");

        await admin.GotoAsync("/admin/accounts");
        await CheckAsync(admin, "admin-accounts-before");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite a staff member" }).ClickAsync();
        await CheckAsync(admin, "admin-invite");
        await admin.GetByLabel("Email address").FillAsync(CommissionerEmail);
        await admin.GetByLabel("Full name").FillAsync("Priya Sharma");
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Harbourside Integrated Care Board" });
        await admin.GetByLabel("Commissioner", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Invitation sent to {CommissionerEmail}");
        await Assertions.Expect(admin.Locator(".nhsuk-summary-list")).ToContainTextAsync("Not set up yet");
        await CheckAsync(admin, "admin-account-details");
        // The set-up email waits in the outbox until the worker sends it; the administrator sees it there, never its address.
        await TestMailbox.DeliverAsync(app.Factory.Services, Ct);
        await admin.GotoAsync("/admin/outbox");
        await Assertions.Expect(admin.Locator("tbody")).ToContainTextAsync("Account set-up");
        await Assertions.Expect(admin.Locator("main")).Not.ToContainTextAsync(CommissionerEmail);
        await CheckAsync(admin, "admin-outbox");

        // The commissioner follows the emailed link, sets up the account and two-factor, and starts a cycle.
        var commissioner = await NewPageAsync();
        await SetUpAccountAsync(commissioner, await EmailedLinkAsync(admin, CommissionerEmail, "/account/set-up/"), "Priya-commissions-2026");
        await commissioner.GotoAsync("/cycles/new");
        await Assertions.Expect(commissioner.GetByLabel("Commissioning organisation")).ToHaveValueAsync("Harbourside Integrated Care Board");
        await commissioner.GetByLabel("Title").FillAsync(Title);
        await commissioner.GetByLabel("Service area").FillAsync("Crisis care");
        await commissioner.GetByLabel("Who the service is for").FillAsync("Adults in Harbourside in a mental health crisis");
        await commissioner.GetByLabel("Day").FillAsync("1");
        await commissioner.GetByLabel("Month").FillAsync("9");
        await commissioner.GetByLabel("Year").FillAsync("2027");
        await commissioner.AssertNoViolationsAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Cycle created");
        await commissioner.AssertNoViolationsAsync();
        var cycleId = await CycleIdAsync();

        await commissioner.GotoAsync($"/cycles/{cycleId}/members");
        await commissioner.AssertNoViolationsAsync();
        await commissioner.GetByLabel("Email address").FillAsync(ProviderEmail);
        await commissioner.GetByLabel("Provider", new() { Exact = true }).CheckAsync();
        await commissioner.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Harbour Peer Support" });
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Invitation sent to {ProviderEmail}");
        await commissioner.GetByLabel("Email address").FillAsync(PanelEmail);
        await commissioner.GetByLabel("Panel member", new() { Exact = true }).CheckAsync();
        await commissioner.GetByLabel("A person with lived experience").CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Invitation sent to {PanelEmail}");
        await commissioner.AssertNoViolationsAsync();

        // The provider and the panel member accept, each making an account through their cycle invitation.
        await AcceptAsync(await EmailedLinkAsync(admin, ProviderEmail, "/invitations/"), "Ruth Bell", "Ruth-provides-2026", cycleId);
        await AcceptAsync(await EmailedLinkAsync(admin, PanelEmail, "/invitations/"), "Jess Morgan", "Jess-has-a-say-2026", cycleId);

        await admin.GotoAsync("/admin/accounts");
        await Assertions.Expect(admin.Locator("tbody tr")).ToHaveCountAsync(4);
        await CheckAsync(admin, "admin-accounts");

        await using var check = app.Db();
        var members = await check.Context.Memberships.Where(m => m.CycleId == cycleId)
            .Join(check.Context.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Role, m.OrganisationId })
            .ToListAsync(Ct);
        var providerOrganisation = await check.Context.Organisations.Where(o => o.Name == "Harbour Peer Support").Select(o => o.Id).SingleAsync(Ct);
        Assert.Contains(members, m => m.Email == CommissionerEmail && m.Role == CycleRole.Commissioner);
        Assert.Contains(members, m => m.Email == ProviderEmail && m.Role == CycleRole.Provider && m.OrganisationId == providerOrganisation);
        Assert.Contains(members, m => m.Email == PanelEmail && m.Role == CycleRole.PanelMember);
        Assert.True(await check.Context.Users.Where(u => u.Email == AdminEmail || u.Email == CommissionerEmail).AllAsync(u => u.TwoFactorEnabled, Ct));
    }

    private async Task<string> RunAdminCreateAsync()
    {
        var command = AdminCommand.Parse(["admin", "create", "--email", AdminEmail, "--name", "Lee Chen"])!;
        await using var output = new StringWriter();
        Assert.Equal(0, await command.RunAsync(app.Factory.Services, output, Ct));
        return output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/set-up/", StringComparison.Ordinal));
    }

    /// <summary>Chooses a password through a set-up link, then turns on two-factor; returns the authenticator key.</summary>
    private static async Task<string> SetUpAccountAsync(IPage page, string link, string password)
    {
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up your account");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Create a password").FillAsync(password);
        await page.GetByLabel("Type the password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password and continue" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up an authenticator app");
        await page.AssertNoViolationsAsync();
        var key = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Save your recovery codes");
        await page.AssertNoViolationsAsync();
        return key;
    }

    private static async Task SignInWithCodeAsync(IPage page, string email, string password, string key)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("form#account button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter the code from your authenticator app");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private static async Task AddOrganisationAsync(IPage admin, string name, string kind, string odsCode, string contact, string email,
        bool showMistakeFirst = false)
    {
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add an organisation" }).ClickAsync();
        await admin.AssertNoViolationsAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await admin.GetByLabel(kind).CheckAsync();
        await admin.GetByLabel("Contact name").FillAsync(contact);
        await admin.GetByLabel("Contact email address").FillAsync(email);
        if (showMistakeFirst)
        {
            await admin.GetByLabel("ODS code (optional)").FillAsync("15-N");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
            await Assertions.Expect(admin.Locator("#Form_OdsCode-error")).ToContainTextAsync("Enter an ODS code of 3 to 6 letters and numbers");
            await Assertions.Expect(admin.GetByLabel("ODS code (optional)")).ToHaveValueAsync("15-N");
            await Assertions.Expect(admin.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
            await CheckAsync(admin, "admin-organisation-error");
        }

        await admin.GetByLabel("ODS code (optional)").FillAsync(odsCode);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"{name} added");
        await admin.AssertNoViolationsAsync();
    }

    /// <summary>Reads an email's link on the Sent emails page, as an administrator without a mail server would.</summary>
    private async Task<string> EmailedLinkAsync(IPage admin, string to, string linkContains)
    {
        await TestMailbox.DeliverAsync(app.Factory.Services, Ct);
        await admin.GotoAsync("/admin/sent-emails");
        await admin.AssertNoViolationsAsync();
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = to }).GetByRole(AriaRole.Link).First.ClickAsync();
        var link = await admin.Locator($"main a[href*='{linkContains}']").First.GetAttributeAsync("href");
        Assert.NotNull(link);
        return link;
    }

    private async Task AcceptAsync(string link, string name, string password, Guid cycleId)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Join this commissioning cycle");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Create a password").FillAsync(password);
        await page.GetByLabel("Type the password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();
        await page.WaitForURLAsync($"**/cycles/{cycleId}");
        await page.AssertNoViolationsAsync();
    }

    private async Task<Guid> CycleIdAsync()
    {
        await using var scope = app.Db();
        return await scope.Context.Cycles.Where(c => c.Title == Title).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ExtraHTTPHeaders = new Dictionary<string, string> { [AppFactory.ClientAddressHeader] = AppFactory.NewClientAddress() },
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>axe, and a screenshot in the artifacts folder (docs/screenshots takes the administration ones).</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, $"{name}.png"), FullPage = true });
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
