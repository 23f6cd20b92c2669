using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// The end of a cycle: with monitoring's conditions met (returns in, a review decided, the panel's ratings in, arranged in
/// the database), the commissioner records a lesson citing a provider's return and the panel's rating, signs off
/// monitoring and starts the next cycle for the same service, and finds the lesson in its needs assessment's evidence,
/// saying where it came from.
/// </summary>
public sealed class NextCycleJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string LessonText = "People used the evening phone line most after 8pm, so the next service answers it until midnight.";
    private const string NextTitle = "Crisis support, next cycle";

    [Fact]
    public async Task The_commissioner_records_a_lesson_signs_off_monitoring_and_finds_the_lesson_in_the_next_cycles_needs_assessment()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var monitored = await TestMonitoring.ContractedAsync(App, people);
        var ready = await TestMonitoringSignOff.ArrangeAsync(App, people, monitored);
        string previousTitle;
        await using (var scope = App.Db())
        {
            previousTitle = await scope.Context.Cycles.Where(c => c.Id == monitored.CycleId).Select(c => c.Title).SingleAsync(Ct);
        }

        // 1. The lessons page says the lessons go into the next cycle; the commissioner records one.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync($"/cycles/{monitored.CycleId}/monitoring/lessons");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Lessons learned");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record a lesson" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Record a lesson learned");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the lesson" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Citations-error")).ToContainTextAsync(LessonRules.CitationRequired.Message);
        await Page.AssertNoViolationsAsync();

        await Page.GetByLabel("What was learned?").FillAsync(LessonText);
        var returned = Page.Locator($"input[value='{LessonSourceKind.ProviderReturn}:{ready.ReturnIds[0]}']");
        var rated = Page.Locator($"input[value='{LessonSourceKind.PanelRating}:{ready.RatingId}']");
        await Assertions.Expect(Page.Locator($"label[for='{await returned.GetAttributeAsync("id")}']")).ToContainTextAsync(DemoCycles.ProviderOrganisation);
        await returned.CheckAsync();
        await rated.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the lesson" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Lesson recorded.");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(LessonText);
        await Page.AssertNoViolationsAsync();

        // 2. Nothing stops the sign-off now; the commissioner signs off and starts the next cycle in one go.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign off monitoring and start the next cycle" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Sign off monitoring and start the next cycle");
        await Assertions.Expect(Page.Locator("#still-needed")).ToHaveCountAsync(0);
        // The contract still runs: the page says so before the button, and still lets the commissioner sign off.
        await Assertions.Expect(Page.Locator("#contract-still-runs")).ToContainTextAsync("no return, panel rating, alliance change or review can be added");
        await Assertions.Expect(Page.Locator("#carried")).ToContainTextAsync("1 lesson learned");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Sign-off statement").FillAsync("The review decided to continue; the providers' returns and the panel's ratings agreed.");
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync(NextTitle);
        await Page.GetByLabel("Day", new() { Exact = true }).FillAsync("1");
        await Page.GetByLabel("Month", new() { Exact = true }).FillAsync("4");
        await Page.GetByLabel("Year", new() { Exact = true }).FillAsync("2028");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign off monitoring and start the next cycle" }).ClickAsync();

        // 3. The next cycle's needs assessment holds the lesson, saying which cycle it came from.
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Monitoring is signed off and {NextTitle} has started.");
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner a")).ToHaveTextAsync("Invite the people who will take part from its members page");
        await Page.AssertNoViolationsAsync();
        var nextId = Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[2]);
        await Page.GetByRole(AriaRole.Link, new() { Name = "View evidence" }).ClickAsync();
        var lesson = Page.GetByRole(AriaRole.Link, new() { Name = $"Lesson learned in {previousTitle}" });
        await Assertions.Expect(lesson).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = $"Outcome \u201CI can get help before I reach crisis\u201D from {previousTitle}" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = $"Outcome \u201CI have things to do that I enjoy\u201D from {previousTitle}" }))
            .ToHaveCountAsync(1);
        await Page.AssertNoViolationsAsync();
        await lesson.ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(LessonText);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Learned from 1 provider return, 1 panel rating in the earlier cycle.");
        await Page.AssertNoViolationsAsync();

        await using var check = App.Db();
        var carried = await check.Context.CarriedEvidence.AsNoTracking().Where(c => c.FromCycleId == monitored.CycleId).ToListAsync(Ct);
        Assert.All(carried, c => Assert.Equal(nextId, c.CycleId));
        Assert.Contains(carried, c => c.Kind == CarriedEvidenceKind.Lesson);
    }
}
