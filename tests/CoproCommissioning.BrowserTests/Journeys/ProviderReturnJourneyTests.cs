using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// A provider writes and submits its return for a period of a contract that began in April 2026: it starts the return,
/// submits it with an outcome left unrated and is told beside that outcome, completes it and submits it; the commissioner
/// then reads it. axe checks every page on the way.
/// </summary>
public sealed class ProviderReturnJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Crisis = "I can get help before I reach crisis";
    private const string Enjoy = "I have things to do that I enjoy";

    [Fact]
    public async Task A_provider_submits_its_return_and_the_commissioner_reads_it()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var monitored = await TestMonitoring.ContractedAsync(App, people);
        var returns = $"/cycles/{monitored.CycleId}/monitoring/returns";

        await SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password);
        await Page.GotoAsync(returns);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Your returns");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start your return for period 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Your return for period 2");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start your return" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your return is started.");
        await Page.AssertNoViolationsAsync();

        await RateAsync(Crisis, "Good", "Most people were seen by the crisis team within a day.");
        await Page.GetByLabel($"This period's value for “{TestMonitoring.KpiName}” (%)").FillAsync("ninety");
        await Page.GetByLabel("What did people who use the service change this period?").FillAsync("The peer forum rewrote the out-of-hours leaflet.");
        await Page.GetByLabel("Minutes of your lived-experience forum (optional)").FillAsync("Forum, 12 August: 11 people came.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit return" }).ClickAsync();
        await Assertions.Expect(Page.Locator($"#Form_Outcomes_{TestMonitoring.EnjoyOutcome}__Rating-error")).ToContainTextAsync(MonitoringRules.RatingRequired(Enjoy).Message);
        await Assertions.Expect(Page.Locator($"#Form_Kpis_{monitored.KpiId}__Value-error")).ToContainTextAsync("Enter the value as a number");
        await Assertions.Expect(Page.GetByLabel("Minutes of your lived-experience forum (optional)")).ToHaveValueAsync("Forum, 12 August: 11 people came.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("return-refused");

        await RateAsync(Enjoy, "Fair", "The evening groups restarted in August.");
        await Page.GetByLabel($"This period's value for “{TestMonitoring.KpiName}” (%)").FillAsync("93.5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit return" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your return for period 2 is submitted.");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The evening groups restarted in August.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start a correction" })).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("return-submitted");

        // A correction started by mistake is stopped, and the return stands as submitted.
        await Page.GetByLabel("Why does the return need correcting?").FillAsync("The KPI figure may have counted August twice.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start a correction" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Stop correcting" })).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stop correcting" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The return stands as you submitted it.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start a correction" })).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(returns);
        await Assertions.Expect(Page.Locator("#period-2")).ToContainTextAsync("Submitted");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Read the return from {DemoCycles.ProviderOrganisation} for period 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("93.5% (misses the target)");
        await Page.AssertNoViolationsAsync();
    }

    private async Task RateAsync(string statement, string level, string evidence)
    {
        await Page.Locator("fieldset", new() { HasText = $"Your rating for “{statement}”" }).GetByLabel(level, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel($"Evidence for your rating of “{statement}”").FillAsync(evidence);
    }
}
