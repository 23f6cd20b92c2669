using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// The demo accounts, a cycle still in needs assessment, and a cycle of our own in co-design in which the demo provider speaks for a provider
/// organisation, a second provider organisation has a member, and the demo panel member and champion take part.
/// </summary>
public sealed class CoDesignJourneyFixture(PostgresServer server) : BrowserAppFixture(server)
{
    public const string ProviderEmail = "provider@demo.copro.test";
    public const string PanelEmail = "panel@demo.copro.test";
    public const string ChampionEmail = "champion@demo.copro.test";

    public Guid CycleId { get; private set; }

    /// <summary>A second cycle, still in needs assessment, in which the champion gathers the evidence.</summary>
    public Guid NeedsAssessmentCycleId { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        var db = scope.Context;
        var organisation = new Organisation("Harbour Peer Support (journey)", OrganisationKind.UserLedOrganisation);
        db.Organisations.Add(organisation);
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        db.Cycles.Add(cycle);
        var users = await db.Users.Where(u => u.Email == ProviderEmail || u.Email == PanelEmail || u.Email == ChampionEmail)
            .ToDictionaryAsync(u => u.Email!, u => u.Id);
        db.Memberships.AddRange(
            Expect.Success(CycleMembership.Create(cycle.Id, users[ProviderEmail], CycleRole.Provider, null, organisation.Id, null, Moments.CycleCreated)),
            Expect.Success(CycleMembership.Create(cycle.Id, users[PanelEmail], CycleRole.PanelMember, Voice.LivedExperience, null, null, Moments.CycleCreated)),
            Expect.Success(CycleMembership.Create(cycle.Id, users[ChampionEmail], CycleRole.CoProductionChampion, null, null, null, Moments.CycleCreated)));
        var early = ACycle.New().Build();
        db.Cycles.Add(early);
        db.Memberships.Add(
            Expect.Success(CycleMembership.Create(early.Id, users[ChampionEmail], CycleRole.CoProductionChampion, null, null, null, Moments.CycleCreated)));
        await db.SaveChangesAsync();
        CycleId = cycle.Id;
        NeedsAssessmentCycleId = early.Id;
    }
}

public sealed class CoDesignJourneyTests(CoDesignJourneyFixture app) : BrowserTest(app), IClassFixture<CoDesignJourneyFixture>
{
    [Fact]
    public async Task A_provider_submits_a_co_design_proposal_and_a_panel_member_sees_it()
    {
        var cycleId = app.CycleId;
        await SignInAsync(CoDesignJourneyFixture.ProviderEmail, DemoSeeder.Password);

        await Page.GotoAsync($"/cycles/{cycleId}/co-design");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Sessions and proposals");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit a proposal" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Submit a proposal");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("You are submitting for Harbour Peer Support (journey)");
        await Page.AssertNoViolationsAsync();

        // A first try without a summary: told what to fix, beside the field, with the title kept.
        await Page.GetByLabel("Title").FillAsync("Peer navigators from ward to home");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit proposal" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a short summary of your proposal.");
        await Assertions.Expect(Page.Locator("#Form_Summary-error")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Title")).ToHaveValueAsync("Peer navigators from ward to home");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("proposal-errors");

        await Page.GetByLabel("Summary").FillAsync(
            "Every person leaving a rehabilitation ward gets a peer navigator who has been through rehabilitation themselves, from before discharge until they are settled at home.");
        await Page.GetByLabel("The model you propose").FillAsync(
            "Who it is for: adults leaving rehabilitation wards or out-of-area placements.\n"
            + "What it offers: a peer navigator and a named worker, help with housing, money and the GP, visits in the evenings and on Saturdays.\n"
            + "How people shape it: a paid service users' forum and peers on every interview panel.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit proposal" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your proposal was submitted.");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Peer navigators from ward to home");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("proposal-submitted");

        await using (var scope = App.Db())
        {
            var stored = await scope.Context.ProviderProposals.SingleAsync(p => p.CycleId == cycleId, Ct);
            Assert.Equal("Peer navigators from ward to home", stored.Title);
            Assert.StartsWith("Who it is for:", stored.ProposedModel);
        }

        // The panel member, in a browser of their own, finds it in the list and reads it.
        await using var panelContext = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "en-GB" });
        var panel = await panelContext.NewPageAsync();
        await panel.GotoAsync("/Identity/Account/Login");
        await panel.GetByLabel("Email").FillAsync(CoDesignJourneyFixture.PanelEmail);
        await panel.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await panel.Locator("form#account button[type=submit]").ClickAsync();
        await panel.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await panel.GotoAsync($"/cycles/{cycleId}/co-design");
        await panel.AssertNoViolationsAsync();
        await panel.GetByRole(AriaRole.Link, new() { Name = "View proposals" }).ClickAsync();
        await Assertions.Expect(panel.Locator("h1")).ToContainTextAsync("Provider proposals");
        var row = panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "Peer navigators from ward to home" });
        await Assertions.Expect(row).ToContainTextAsync("Harbour Peer Support (journey)");
        await panel.AssertNoViolationsAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "co-design-proposals-seen-by-panel.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(panel.Locator("h1")).ToContainTextAsync("Peer navigators from ward to home");
        await Assertions.Expect(panel.Locator("main")).ToContainTextAsync("a paid service users' forum");
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Change your proposal" })).ToHaveCountAsync(0);
        await panel.AssertNoViolationsAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "co-design-proposal-read-by-panel.png"), FullPage = true });
    }

    [Fact]
    public async Task The_champion_adds_a_workshop_and_logs_input_from_it()
    {
        var cycleId = app.CycleId;
        await SignInAsync(CoDesignJourneyFixture.ChampionEmail, DemoSeeder.Password);

        await Page.GotoAsync($"/cycles/{cycleId}/co-design/sessions");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a session" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Title").FillAsync("Workshop: the first 12 weeks at home");
        await Page.GetByLabel("Day").FillAsync("12");
        await Page.GetByLabel("Month").FillAsync("3");
        await Page.GetByLabel("Year").FillAsync("2026");
        await Page.GetByLabel("Start time").FillAsync("10:30");
        await Page.GetByLabel("End time (optional)").FillAsync("1pm");
        await Page.GetByLabel("In person", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Venue").FillAsync("Harbourside Community Centre, 12 Quay Street");
        await Page.GetByLabel("British Sign Language (BSL) interpreter").CheckAsync();
        await Page.GetByLabel("Step-free access").CheckAsync();
        await Page.GetByLabel("Quiet room").CheckAsync();
        await Page.GetByLabel("Jess Morgan").CheckAsync();
        await Page.GetByLabel("How many other people came").FillAsync("7");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Session added");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Thursday 12 March 2026, 10:30am to 1pm");
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Log input from this session" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Summary").FillAsync("Meet your community worker on the ward before you leave");
        await Page.GetByLabel("Lived experience").CheckAsync();
        await Page.GetByLabel("People at the session without an account").CheckAsync();
        await Page.GetByLabel("How many people's views does it carry?").FillAsync("7");
        await Page.GetByLabel("Everyone in this cycle").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log input" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Input logged from this session.");
        var card = Page.Locator(".nhsuk-card").Filter(new() { HasText = "Meet your community worker on the ward before you leave" });
        await Assertions.Expect(card).ToContainTextAsync("7 people at the session");
        await Assertions.Expect(card).ToContainTextAsync("Awaiting response");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("session-with-input");

        await using var scope = App.Db();
        var session = await scope.Context.CoDesignSessions.SingleAsync(s => s.CycleId == cycleId, Ct);
        var cycle = await scope.Context.Cycles.Include(c => c.Stages).ThenInclude(s => s.Contributions).AsNoTracking()
            .SingleAsync(c => c.Id == cycleId, Ct);
        var input = Assert.Single(cycle.StageOf(StageKind.CoDesign).Contributions);
        Assert.Equal((TargetKind.CoDesignSession, session.Id), (input.TargetKind, input.TargetId!.Value));
        Assert.Equal(7, input.VoicesCarried);
    }

    [Fact]
    public async Task The_champion_records_evidence_a_need_and_a_group_affected_by_inequalities()
    {
        var cycleId = app.NeedsAssessmentCycleId;
        await SignInAsync(CoDesignJourneyFixture.ChampionEmail, DemoSeeder.Password);

        await Page.GotoAsync($"/cycles/{cycleId}/needs-assessment");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "View evidence" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Page.GetByLabel("Source").FillAsync("Harbourside JSNA 2025");
        await Page.GetByLabel("Link (optional)").FillAsync("file:///etc/passwd");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Link-error")).ToContainTextAsync("starts with http:// or https://");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("evidence-errors");

        await Page.GetByLabel("Joint strategic needs assessment (JSNA)").CheckAsync();
        await Page.GetByLabel("Summary").FillAsync("Rates of severe mental illness in the Docks ward are twice the borough average.");
        await Page.GetByLabel("Link (optional)").FillAsync("https://www.harbourside.gov.uk/jsna");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Evidence added: Harbourside JSNA 2025.");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Harbourside JSNA 2025" }).ClickAsync();
        await Page.AssertNoViolationsAsync();

        await Page.GotoAsync($"/cycles/{cycleId}/needs-assessment/needs/add");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("The need").FillAsync("People need support that carries on after they move into their own homes.");
        await Page.GetByLabel("High").CheckAsync();
        await Page.GetByLabel("Harbourside JSNA 2025").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add need" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main table")).ToContainTextAsync("Harbourside JSNA 2025");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("needs");

        await Page.GotoAsync($"/cycles/{cycleId}/needs-assessment/inequalities/add");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Race", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Who exactly (optional for the groups listed)").FillAsync("Black African and Caribbean men");
        await Page.GetByLabel("What the inequality is").FillAsync("Detained under the Mental Health Act at more than three times the rate of white men.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main table")).ToContainTextAsync("Race: Black African and Caribbean men");
        await Page.AssertNoViolationsAsync();

        await Page.GotoAsync($"/cycles/{cycleId}/needs-assessment");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("1 need (1 high priority)");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("needs-assessment-summary");

        await using var scope = App.Db();
        Assert.Equal(1, await scope.Context.EvidenceItems.CountAsync(e => e.CycleId == cycleId, Ct));
        Assert.Equal(1, await scope.Context.IdentifiedNeeds.CountAsync(n => n.CycleId == cycleId, Ct));
        Assert.Equal(1, await scope.Context.InequalityGroups.CountAsync(g => g.CycleId == cycleId, Ct));
    }
}
