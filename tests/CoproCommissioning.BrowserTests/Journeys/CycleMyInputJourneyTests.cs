using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>Journey 3: a panel member finds the answer to their input, and the decision it shaped, on "What happened to my input".</summary>
public sealed class CycleMyInputJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_panel_member_finds_the_answer_to_their_input()
    {
        const string said = "Staff should know about autism before they visit";
        const string answer = "Every worker in the new team will complete autism awareness training before they start visiting.";
        var people = await CycleTestData.LoadPeopleAsync(App);
        Guid contributionId = default;
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            var mine = c.FromPanel(summary: said);
            contributionId = mine.Id;
            c.Respond(mine, answer);
            c.CoProducedDecision(StageKind.NeedsAssessment, "Autism-informed support", mine);
        }, title: "Adult autism and mental health support");

        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync("/cycles");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "What happened to my input" }).ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What happened to my input");
        var card = Page.Locator(".nhsuk-card", new() { HasText = said });
        await Assertions.Expect(card).ToContainTextAsync("Adopted");
        await Assertions.Expect(card).ToContainTextAsync(answer);
        await Assertions.Expect(card).ToContainTextAsync("Autism-informed support");
        await Assertions.Expect(card).ToContainTextAsync("How your input shaped it: It set the first priority.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("my-input");

        await card.GetByRole(AriaRole.Link, new() { Name = "Autism-informed support" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Autism-informed support");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(said);
        await Page.AssertNoViolationsAsync();

        var stored = (await CycleTestData.LoadCycleAsync(App, cycleId)).FindContribution(contributionId)!;
        Assert.Equal((people.Panel, ResponseType.Adopted, answer), (stored.AuthorUserId, stored.CurrentResponse!.Type, stored.CurrentResponse.Explanation));
    }
}
