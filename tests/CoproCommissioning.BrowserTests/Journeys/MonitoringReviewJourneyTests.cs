using System.Text.RegularExpressions;
using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// The commissioner holds a review of the contract: the outcomes over time show the provider rating early help two
/// levels above the panel; the commissioner records the review meeting, records the decision in the monitoring stage,
/// and decides the review as a variation citing that decision. axe checks every page, charts included.
/// </summary>
public sealed class MonitoringReviewJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string DecisionTitle = "Vary the early help measure";
    private const string Statement = "I can get help before I reach crisis";

    [Fact]
    public async Task The_commissioner_sees_the_divergence_records_a_review_and_decides_it_as_a_variation_citing_the_stages_decision()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var monitored = await TestMonitoring.ContractedAsync(App, people);
        await TestMonitoring.ReturnedAsync(App, monitored, 1, people.Provider, people.ProviderOrganisation, RatingLevel.Outstanding);
        await TestMonitoring.RatedAsync(App, monitored, 1, people.Panel, RatingLevel.Good);
        await TestMonitoring.ReturnedAsync(App, monitored, 2, people.Provider, people.ProviderOrganisation, RatingLevel.Good);
        await TestMonitoring.RatedAsync(App, monitored, 2, people.Panel, RatingLevel.Fair);
        var cycleId = monitored.CycleId;

        // 1. The outcomes over time: the first quarter's ratings are two levels apart, the second's one.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync($"/cycles/{cycleId}/monitoring/outcomes");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Outcomes over time");
        var outcome = Page.Locator("section", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = Statement }) });
        await Assertions.Expect(outcome.GetByRole(AriaRole.Img, new() { Name = $"Ratings over time: {Statement}" })).ToBeVisibleAsync();
        await Assertions.Expect(outcome.Locator("[data-testid=divergence]"))
            .ToContainTextAsync($"Period 1: {DemoCycles.ProviderOrganisation} rated it outstanding, the panel good (2 levels apart).");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("monitoring-outcomes");
        await outcome.GetByText("Show as a table").ClickAsync();
        await Assertions.Expect(outcome.GetByRole(AriaRole.Table)).ToContainTextAsync("2 levels from the panel");
        await Page.AssertNoViolationsAsync();
        // What the panel said: the latest period's words beside the chart, an earlier period's on a page of their own.
        await outcome.GetByText("What panel members said").ClickAsync();
        await Assertions.Expect(outcome.Locator("[data-testid=panel-said]")).ToContainTextAsync("Period 2 (1 July to 30 September 2026): 1 panel member said what it's like.");
        await Page.AssertNoViolationsAsync();
        await outcome.Locator("[data-testid=earlier-said]").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("What panel members said in period 1");
        await Assertions.Expect(Page.Locator("[data-testid=panel-words]")).ToContainTextAsync("Staff listened, but the wait felt long.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("monitoring-panel-said");
        await Page.GetByRole(AriaRole.Link, new() { Name = "See the ratings of this outcome over time" }).ClickAsync();

        // 2. The review meeting that looked at the first quarter.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to the reviews of the contract" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Record a review" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Day").FillAsync("9");
        await Page.GetByLabel("Month").FillAsync("7");
        await Page.GetByLabel("Year").FillAsync("2026");
        await Page.GetByLabel("Period 1 (1 April to 30 June 2026)").CheckAsync();
        await Page.GetByLabel("Priya Sharma (you)").CheckAsync();
        await Page.GetByLabel("Jess Morgan").CheckAsync();
        await Page.GetByLabel("Minutes").FillAsync("The provider rated early help outstanding; the panel said people still wait too long for a call back.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Review recorded: held on 9 July 2026.");
        await Assertions.Expect(Page.Locator("[data-testid=review-decision]")).ToContainTextAsync("No decision yet.");
        await Assertions.Expect(Page.Locator("main [data-testid=divergence]").First).ToContainTextAsync("2 levels apart");
        await Page.AssertNoViolationsAsync();
        var reviewUrl = Page.Url;

        // 3. The decision, recorded in the monitoring stage with who made it and why.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Record the review's decision in the monitoring stage" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync(DecisionTitle);
        await Page.GetByLabel("What was decided").FillAsync("Early help is measured by how soon people are called back, as the panel asked.");
        await Page.GetByLabel("Commissioner-led", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Why was it decided this way?").FillAsync("The provider rated early help two levels above the panel; the review agreed the measure missed what people said.");
        await Page.GetByLabel("Engagement", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Priya Sharma (you)").CheckAsync();
        await Page.GetByLabel("Jess Morgan").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Decision recorded: {DecisionTitle}");

        // 4. Back at the review with that decision chosen, it is decided as a variation citing it.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(reviewUrl)}\\?decision="));
        await Assertions.Expect(Page.GetByLabel(DecisionTitle)).ToBeCheckedAsync();
        await Page.GetByLabel("Vary the contract").CheckAsync();
        // Citing both sides: the provider's return and the panel member's ratings for the quarter the review looked at.
        await Page.GetByLabel($"{DemoCycles.ProviderOrganisation}: return for period 1", new() { Exact = false }).CheckAsync();
        await Page.GetByLabel("Jess Morgan: ratings for period 1", new() { Exact = false }).CheckAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The review's decision is recorded: vary the contract.");
        var decided = Page.Locator("[data-testid=review-decision]");
        await Assertions.Expect(decided).ToContainTextAsync("Vary the contract");
        await Assertions.Expect(decided.GetByRole(AriaRole.Link, new() { Name = DecisionTitle })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=review-citations] a")).ToHaveCountAsync(2);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("monitoring-review-decision");

        await using var scope = App.Db();
        var monitoring = await scope.Context.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.CycleId == cycleId, Ct);
        var review = Assert.Single(monitoring.Reviews);
        Assert.Equal(ReviewDecisionType.Vary, review.DecisionType);
        Assert.Equal([monitored.PeriodIds[0]], review.PeriodIds);
        Assert.Equal([ReviewSourceKind.ProviderReturn, ReviewSourceKind.PanelRating], review.Citations.Select(c => c.Kind).Order());
    }
}
