using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>A commissioner creates a cycle (after a mistake the form explains), and the champion logs workshop input in it.</summary>
public sealed class CycleCreateJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Community perinatal mental health, Harbourside";

    [Fact]
    public async Task A_commissioner_creates_a_cycle_and_the_champion_logs_a_workshop_in_it()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync("/cycles");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create a cycle" }).ClickAsync();
        await Page.AssertNoViolationsAsync();

        await Page.GetByLabel("Service area").FillAsync("Perinatal mental health");
        await Page.GetByLabel("Budget (optional)").FillAsync("lots");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        var summary = Page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a title for the cycle");
        await Assertions.Expect(summary).ToContainTextAsync(CycleRules.BudgetInvalid.Message);
        await Assertions.Expect(Page.GetByLabel("Service area")).ToHaveValueAsync("Perinatal mental health");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("create-cycle-errors");

        await Page.GetByLabel("Title").FillAsync(Title);
        await Page.GetByLabel("Who the service is for").FillAsync("Parents in Harbourside from pregnancy until their child is two");
        await Page.GetByLabel("Budget (optional)").FillAsync("420000");
        await Page.GetByLabel("Day").FillAsync("1");
        await Page.GetByLabel("Month").FillAsync("6");
        await Page.GetByLabel("Year").FillAsync("2027");
        await Page.GetByLabel("Co-production champion").SelectOptionAsync(new SelectOptionValue { Value = people.Champion });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Cycle created");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(Title);
        await Page.AssertNoViolationsAsync();

        Guid cycleId;
        await using (var scope = App.Db())
        {
            var cycle = await scope.Context.Cycles.SingleAsync(c => c.Title == Title, TestContext.Current.CancellationToken);
            cycleId = cycle.Id;
            Assert.Equal((people.Champion, 420_000m), (cycle.ChampionUserId, cycle.Budget));
            Assert.Equal(CycleRole.CoProductionChampion, (await scope.Context.Memberships.SingleAsync(
                m => m.CycleId == cycle.Id && m.UserId == people.Champion, TestContext.Current.CancellationToken)).Role);
        }

        await Page.SignOutAsync();
        await SignInAsync(CyclePeople.ChampionEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log input on someone's behalf" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Lived experience", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("How many people's views does it carry?").FillAsync("8");
        await Page.GetByLabel("Workshop", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Summary", new() { Exact = true }).FillAsync("Parents want help at home in the first weeks");
        await Page.GetByLabel("Everyone in this cycle").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log this input" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Input logged in needs assessment");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("8 people without an account, logged by Tom Okafor (you)");
        await Page.AssertNoViolationsAsync();

        var logged = Assert.Single((await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Equal((null, people.Champion, 8, Channel.Workshop), (logged.AuthorUserId, logged.RecordedByUserId, logged.VoicesCarried, logged.Channel));
    }
}
