using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Tests.Infrastructure;
using CoproCommissioning.Web.Tests.Pages.Cycles;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

public sealed class TeamOnlyInputJourneyFixture(PostgresServer server) : BrowserAppFixture(server);

/// <summary>
/// A panel member shares input with the commissioning team only; a provider cannot find it and is told only that
/// it exists; the commissioner answers it; the panel member sees the answer on What happened to my input (R7).
/// </summary>
public sealed class TeamOnlyInputJourneyTests(TeamOnlyInputJourneyFixture app) : BrowserTest(app), IClassFixture<TeamOnlyInputJourneyFixture>
{
    private const string Title = "Crisis alternatives, Harbourside";
    private const string Insight = "The crisis team made me feel like a problem, not a person";
    private const string Answer = "The new service will have a crisis house run with people who have been in crisis themselves.";

    [Fact]
    public async Task Input_shared_with_the_team_only_is_answered_without_providers_seeing_it()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, title: Title);

        // The panel member adds input and chooses who sees it.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.AddContribution(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Summary", new() { Exact = true }).FillAsync(Insight);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Visibility-error")).ToContainTextAsync("Choose who can see this input");
        await Assertions.Expect(Page.GetByLabel("Summary", new() { Exact = true })).ToHaveValueAsync(Insight);
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("The commissioning team only").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your input was added to needs assessment");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("team-only-added");
        await Page.SignOutAsync();

        // A provider looks for it and finds only that something was shared with the team.
        await SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("1 contribution was shared with the commissioning team only.");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(Insight);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("team-only-provider-view");
        await Page.SignOutAsync();

        // The commissioner reads and answers it.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Respond to “{Insight}”" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Adapted", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Explain what you did, and why").FillAsync(Answer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response saved");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // The panel member sees the answer.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync("/my-input");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Insight);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Answer);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Shared with the commissioning team only.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("team-only-my-input");
    }
}
