using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

public sealed class InvitationJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_commissioner_invites_a_panel_member_who_follows_the_emailed_link_sets_a_password_and_lands_on_the_cycle()
    {
        var cycle = await TestCycles.CreateAsync(App, ("commissioner@demo.copro.test", CycleRole.Commissioner));
        var invitee = $"new-panel-{Guid.NewGuid():N}@example.org";

        await SignInAsync("commissioner@demo.copro.test", DemoSeeder.Password);
        await Page.GotoAsync($"/cycles/{cycle.Id}/members");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Email address").FillAsync(invitee);
        await Page.GetByLabel("Panel member", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("A person with lived experience").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Invitation sent to {invitee}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(invitee);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("members");

        // An administrator reads the email from the Sent emails page, as a person without a mail server would, once
        // the outbox worker has sent it.
        await TestMailbox.DeliverAsync(App.Factory.Services, Ct);
        await using var adminContext = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/Identity/Account/Login");
        await admin.GetByLabel("Email").FillAsync("admin@demo.copro.test");
        await admin.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await admin.Locator("form#account button[type=submit]").ClickAsync();
        await admin.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await admin.GotoAsync("/admin/sent-emails");
        await admin.AssertNoViolationsAsync();
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = invitee }).GetByRole(AriaRole.Link).ClickAsync();
        await admin.AssertNoViolationsAsync();
        var link = await admin.Locator("main a[href*='/invitations/']").GetAttributeAsync("href");
        Assert.NotNull(link);

        await using var inviteeContext = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl });
        var panel = await inviteeContext.NewPageAsync();
        await panel.GotoAsync(link);
        await Assertions.Expect(panel.Locator("h1")).ToHaveTextAsync("Join this commissioning cycle");
        await panel.AssertNoViolationsAsync();
        await panel.GetByLabel("Your name").FillAsync("Morgan Lee");
        await panel.GetByLabel("Create a password").FillAsync("Panel-Passw0rd-2026");
        await panel.GetByLabel("Type the password again").FillAsync("Panel-Passw0rd-2026");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();

        await panel.WaitForURLAsync($"**/cycles/{cycle.Id}");
        await Assertions.Expect(panel.Locator("header")).ToContainTextAsync(invitee);
        await panel.AssertNoViolationsAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "invitation-landed-on-cycle.png"), FullPage = true });

        await using var scope = App.Db();
        var user = await scope.Context.Users.SingleAsync(u => u.Email == invitee, Ct);
        var membership = await scope.Context.Memberships.SingleAsync(m => m.CycleId == cycle.Id && m.UserId == user.Id, Ct);
        Assert.Equal(CycleRole.PanelMember, membership.Role);
        Assert.Equal(Voice.LivedExperience, membership.PanelVoice);
    }
}
