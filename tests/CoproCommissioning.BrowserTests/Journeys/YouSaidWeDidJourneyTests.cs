using System.Globalization;
using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// Telling people what happened: the champion logs a workshop's input with the day it was gathered; a commissioner answers
/// it and a panel member's input, and records a co-produced decision naming the workshop's six parents as taking part (a
/// decision that contradicts itself is refused first, beside its fields); the panel member sees their answer marked New on
/// What happened to my input, and not after reloading, and the dashboard stops counting it; the champion finds the input
/// they logged and prints its "you said, we did" sheet.
/// </summary>
public sealed class YouSaidWeDidJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Early help for young people, Harbourside";
    private const string PanelSaid = "I waited four months for a first appointment";
    private const string PanelAnswer = "The new service must offer a first appointment within four weeks.";
    private const string WorkshopSaid = "Parents want a drop-in on Saturday mornings";
    private const string WorkshopAnswer = "We have asked providers to include a Saturday drop-in in their proposals.";
    private const string Parents = "parents at the Harbourside workshop";
    private const string DecisionTitle = "A Saturday drop-in for families";

    [Fact]
    public async Task An_answer_reaches_the_panel_member_as_new_and_the_champion_prints_the_sheet_for_the_workshop()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c => c.FromPanel(summary: PanelSaid), title: Title);

        // The champion logs what six parents said at a workshop last week, with the day it was gathered.
        var gathered = DateTime.UtcNow.AddDays(-7);
        await SignInAsync(CyclePeople.ChampionEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.Locator("main a", new() { HasText = "Log input on someone's behalf" }).First.ClickAsync();
        await Page.GetByLabel("Carer", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Who gave it? (if they have no account)").FillAsync(Parents);
        await Page.GetByLabel("How many people's views does it carry?").FillAsync("6");
        await Page.Locator("#Form_GatheredOn").FillAsync(gathered.Day.ToString(CultureInfo.InvariantCulture));
        await Page.Locator("#Form_GatheredOn-month").FillAsync(gathered.Month.ToString(CultureInfo.InvariantCulture));
        await Page.Locator("#Form_GatheredOn-year").FillAsync(gathered.Year.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Workshop", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Summary", new() { Exact = true }).FillAsync(WorkshopSaid);
        await Page.GetByLabel("More detail (optional)").FillAsync("Six parents at the Harbourside workshop said weekday sessions clash with work and school.");
        await Page.GetByLabel("Everyone in this cycle").CheckAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("log-workshop-input");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log this input" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Input logged in needs assessment");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"6 people without an account ({Parents})");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"gathered {gathered:d MMMM yyyy}");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // The commissioner answers both; for the logged input, the message leads to its sheet.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await AnswerAsync(cycleId, PanelSaid, "Adopted", PanelAnswer);
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("will see it under What happened to my input");
        await AnswerAsync(cycleId, WorkshopSaid, "Adapted", WorkshopAnswer);
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner").GetByRole(AriaRole.Link, new() { Name = "Print the ‘you said, we did’ sheet for this input" }))
            .ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("response-saved-with-sheet-link");

        // A co-produced decision that claims the bottom rung, with nobody named, is refused beside each answer.
        await Page.GotoAsync(CycleUrls.RecordDecision(cycleId));
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync(DecisionTitle);
        await Page.GetByLabel("What was decided").FillAsync("The service will run a drop-in for families on Saturday mornings.");
        await Page.GetByLabel("Co-produced", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Coercion", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Rung-error")).ToContainTextAsync("A co-produced decision sits on the co-production rung");
        await Assertions.Expect(Page.Locator("#Form_Participants-error")).ToContainTextAsync("Record who took part");
        await Assertions.Expect(Page.Locator("#Form_Influences-error")).ToContainTextAsync("Link this co-produced decision");
        await Assertions.Expect(Page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(DecisionTitle);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("decision-contradicts-itself");

        // Fixed: the co-production rung, the six parents as taking part, and their input cited.
        await Page.GetByLabel("Co-production", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("How many people (group 1)").FillAsync("6");
        await Page.GetByLabel("Whose voice (group 1)").SelectOptionAsync(new SelectOptionValue { Label = "Carer" });
        await Page.GetByLabel("Who they are (group 1)").FillAsync(Parents);
        await Page.GetByLabel(WorkshopSaid).CheckAsync();
        await Page.Locator(".nhsuk-checkboxes__conditional:not(.nhsuk-checkboxes__conditional--hidden)")
            .GetByLabel("How did it shape the decision?").FillAsync("The parents asked for Saturday mornings.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Decision recorded: {DecisionTitle}");
        await Page.GetByRole(AriaRole.Link, new() { Name = DecisionTitle }).First.ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"6 {Parents}: carer voice, without an account");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("decision-with-group");
        await Page.SignOutAsync();

        // The panel member: counted on the dashboard, marked New, then seen.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync("/cycles");
        var cycleCard = Page.Locator(".nhsuk-card", new() { HasText = Title });
        await Assertions.Expect(cycleCard).ToContainTextAsync("1 new response to your input");
        await Page.AssertNoViolationsAsync();
        await cycleCard.GetByRole(AriaRole.Link, new() { Name = "1 new response to your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What happened to my input");
        var answered = Page.Locator(".nhsuk-card", new() { HasText = PanelSaid });
        await Assertions.Expect(answered.Locator(".app-new-tag")).ToHaveTextAsync("New answer");
        await Assertions.Expect(answered).ToContainTextAsync(PanelAnswer);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("my-input-new");

        await Page.ReloadAsync();
        await Assertions.Expect(answered).ToContainTextAsync(PanelAnswer);
        await Assertions.Expect(answered.Locator(".app-new-tag")).ToHaveCountAsync(0);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("my-input-seen");

        await Page.GotoAsync("/cycles");
        await Assertions.Expect(cycleCard).ToBeVisibleAsync();
        await Assertions.Expect(cycleCard).Not.ToContainTextAsync("new response");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // The champion finds what they logged, and prints the sheet for the parents.
        await SignInAsync(CyclePeople.ChampionEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Input you logged and what happened to it" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Input you logged and what happened to it");
        var logged = Page.Locator(".nhsuk-card", new() { HasText = WorkshopSaid });
        await Assertions.Expect(logged).ToContainTextAsync("Adapted");
        await Assertions.Expect(logged).ToContainTextAsync(WorkshopAnswer);
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(PanelSaid);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("logged-input");

        await logged.GetByRole(AriaRole.Link, new() { Name = $"‘You said, we did’ sheet for “{WorkshopSaid}”" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("You said, we did");
        var sheet = Page.Locator("main");
        await Assertions.Expect(sheet).ToContainTextAsync("Six parents at the Harbourside workshop said");
        await Assertions.Expect(sheet).ToContainTextAsync("Adapted.");
        await Assertions.Expect(sheet).ToContainTextAsync(WorkshopAnswer);
        await Assertions.Expect(sheet).ToContainTextAsync("Answered by Priya Sharma on");
        await Assertions.Expect(sheet).ToContainTextAsync($"gathered on {gathered:d MMMM yyyy}");
        await Assertions.Expect(sheet).ToContainTextAsync($"It brings together what 6 people said: {Parents}.");
        await Assertions.Expect(sheet).ToContainTextAsync(DecisionTitle);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Print this sheet" })).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sheet");

        // On paper: the sheet alone, without the header, back link or print button.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.Locator("header.nhsuk-header")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-back-link")).ToBeHiddenAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Print this sheet" })).ToBeHiddenAsync();
        await Assertions.Expect(sheet).ToContainTextAsync(WorkshopAnswer);
        await ScreenshotAsync("sheet-printed");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Page.GoBackAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "‘You said, we did’ for everything you logged in needs assessment" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("You said, we did: needs assessment");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(WorkshopAnswer);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("stage-sheet");
    }

    private async Task AnswerAsync(Guid cycleId, string said, string type, string answer)
    {
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Respond to “{said}”" }).ClickAsync();
        await Page.GetByLabel(type, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Explain what you did, and why").FillAsync(answer);
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response saved");
    }
}
