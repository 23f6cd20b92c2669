using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// A panel member rates the outcomes of a contract that began in April 2026 from their side: saving with nothing rated is
/// refused, then they rate both outcomes in their own words for the commissioning team only. The champion logs the
/// carer's ratings gathered by phone, and sees who has rated. axe checks every page on the way.
/// </summary>
public sealed class PanelRatingJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Crisis = "I can get help before I reach crisis";
    private const string Enjoy = "I have things to do that I enjoy";

    [Fact]
    public async Task A_panel_member_rates_the_outcomes_and_the_champion_logs_another_members_ratings()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var monitored = await TestMonitoring.ContractedAsync(App, people);
        var ratings = $"/cycles/{monitored.CycleId}/monitoring/ratings";

        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync(ratings);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Your ratings of the outcomes");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Rate the outcomes for period 3" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Rate the outcomes for period 3");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Most people get help within 2 days of asking.");
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save your ratings" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToContainTextAsync(MonitoringRules.NothingRated.Message);
        await Page.AssertNoViolationsAsync();

        await Page.Locator("fieldset", new() { HasText = $"Your rating for “{Crisis}”" }).GetByLabel("Fair", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel($"What it's like: “{Crisis}” (optional)").FillAsync("I waited two days for a call back.");
        await Page.Locator("fieldset", new() { HasText = $"Your rating for “{Enjoy}”" }).GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("The commissioning team only").CheckAsync();
        await ScreenshotAsync("panel-rating");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save your ratings" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your ratings for period 3 are saved.");
        await Assertions.Expect(Page.Locator("#period-3")).ToContainTextAsync("2 of 2 outcomes");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        await SignInAsync(CyclePeople.ChampionEmail, DemoSeeder.Password);
        await Page.GotoAsync(ratings);
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Log a panel member's ratings for period 3" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Log a panel member's ratings for period 3");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Whose ratings are they?").SelectOptionAsync(new SelectOptionValue { Label = "Alan Price (Panel member (carer))" });
        await Page.GetByLabel("Phone call").CheckAsync();
        await Page.Locator("fieldset", new() { HasText = $"Their rating for “{Crisis}”" }).GetByLabel("Poor", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Everyone in this cycle").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log these ratings" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Ratings for period 3 logged for Alan Price.");
        var who = Page.Locator($"table[data-period='{monitored.PeriodIds[2]}']");
        await Assertions.Expect(who).ToContainTextAsync("Jess Morgan");
        await Assertions.Expect(who).ToContainTextAsync("The commissioning team only");
        await Assertions.Expect(who).ToContainTextAsync("Logged by Tom Okafor (you)");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("who-has-rated");
    }
}
