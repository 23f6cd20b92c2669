using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>A commissioner raises a cycle's sign-off rule after creating it, says why, and everyone can read it.</summary>
public sealed class CycleSettingsJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Community crisis alternatives, Harbourside";

    [Fact]
    public async Task A_commissioner_changes_the_sign_off_rule_with_a_reason_that_the_history_shows()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c => c.ReadyToSignOff(), title: Title);

        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Overview(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Change the cycle's settings" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Change the cycle's settings");
        await Page.GetByLabel("Minimum lived-experience contributions in each stage").FillAsync("3");
        await Page.GetByLabel("Minimum number of different people they come from").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        // No reason: the message sits beside the box, and what was typed stays.
        await Assertions.Expect(Page.Locator("#Form_Reason-error")).ToContainTextAsync(CycleRules.SettingsReasonRequired.Message);
        await Assertions.Expect(Page.GetByLabel("Minimum lived-experience contributions in each stage")).ToHaveValueAsync("3");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Why are you changing the settings?").FillAsync("The panel asked that each stage hears from at least 3 people's experience, not one.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("cycle-settings");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Cycle settings saved");
        await Assertions.Expect(Page.Locator("#stage-needs-assessment-status")).ToContainTextAsync("In progress");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Changes to the cycle's settings, and why" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Changed the sign-off rule");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The panel asked that each stage hears");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("cycle-settings-history");
        Assert.Equal(new SignOffPolicy(3, 2), (await CycleTestData.LoadCycleAsync(App, cycleId)).SignOffPolicy);
    }
}
