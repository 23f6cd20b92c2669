using System.Globalization;
using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// A commissioner sets up a competitive procurement: records the route after the Provider Selection Regime's questions,
/// starts the criteria from the key criteria, puts a lived-experience evaluator and an officer on the panel; the
/// lived-experience evaluator declares an interest and steps back from one provider's bid; the commissioner records
/// their training, accepts the declaration and opens bidding. The provider sees the route and criteria, never the panel.
/// </summary>
public sealed class ProcurementSetUpJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Crisis café procurement";
    private const string Panel = "Jess Morgan";
    private const string Champion = "Tom Okafor";
    private const string ProviderOrganisation = DemoCycles.ProviderOrganisation;
    private const string Trainer = "Sam Green, Harbourside Recovery College";

    [Fact]
    public async Task A_commissioner_sets_up_a_competitive_procurement_with_a_lived_experience_evaluator_and_opens_bidding()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.SignOff(StageKind.CoDesign);
            c.Respond(c.FromPanel(StageKind.Specification, "Evenings matter"));
            // The specification's own journey covers its approval; here it stands signed off.
            Expect.Success(c.Cycle.SignOff(StageKind.Specification, c.People.Commissioner, CycleRole.Commissioner, "Agreed", c.Next(), stageConditions: []));
        }, title: Title);
        var overview = $"/cycles/{cycleId}/procurement";

        // 1. The commissioner reaches the procurement from the stage workspace and records the route.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId, "procurement"));
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Route, evaluation criteria, panel and bidding" }).ClickAsync();
        Assert.Equal(overview, new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Procurement");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("No route has been recorded yet.");
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Record the route" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("How the provider will be chosen");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the route" }).ClickAsync();
        var summary = Page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync(ProcurementRules.RegimeRequired.Message);
        await Assertions.Expect(summary).ToContainTextAsync(ProcurementRules.RouteRequired.Message);
        await Assertions.Expect(summary).ToContainTextAsync(ProcurementRules.ReasonRequired.Message);
        await Assertions.Expect(Page.Locator("#Form_Regime-error")).ToContainTextAsync(ProcurementRules.RegimeRequired.Message);
        await Assertions.Expect(Page.Locator("#Form_Route-error")).ToContainTextAsync(ProcurementRules.RouteRequired.Message);
        await Assertions.Expect(Page.Locator("#Form_Reason-error")).ToContainTextAsync(ProcurementRules.ReasonRequired.Message);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-route-errors");

        await Page.GetByLabel("Provider Selection Regime (health care services)").CheckAsync();
        await Group("Does someone provide this service now?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Group("Do patients have an unrestricted choice of provider for this service?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Competitive Process", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Why this route?").FillAsync("Three providers told the market engagement event they could run the crisis café.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the route" }).ClickAsync();
        Assert.Equal(overview, new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Route recorded: the Competitive Process.");
        var route = Page.Locator("#route + .nhsuk-summary-list");
        await Assertions.Expect(route).ToContainTextAsync("Provider Selection Regime (health care services)");
        await Assertions.Expect(route).ToContainTextAsync("Competitive Process");
        await Assertions.Expect(route).ToContainTextAsync("Patients have unrestricted choice: No");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-route");

        // 2. The criteria start from the Provider Selection Regime's key criteria, weighted to 100%.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start from the key criteria" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The starting criteria are added.");
        await Assertions.Expect(Page.Locator("#weight-total")).ToHaveTextAsync("100%");
        await Assertions.Expect(Page.Locator("main table")).ToContainTextAsync("(co-production)");
        await Assertions.Expect(Page.Locator("#bidding-blockers")).ToContainTextAsync(ProcurementRules.LivedExperienceEvaluatorRequired.Message);
        await Page.AssertNoViolationsAsync();
        // The scoring scale is the stored one, each score once.
        await Assertions.Expect(Page.Locator("#scale + dl .nhsuk-summary-list__row")).ToHaveCountAsync(5);
        await ScreenshotAsync("procurement-criteria");

        // 3. A lived-experience evaluator and an officer score every criterion.
        await AddEvaluatorAsync(Panel, "Lived-experience evaluator");
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"{Panel} is on the evaluation panel as a lived-experience evaluator.");
        await AddEvaluatorAsync(Champion, "Officer");
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"{Champion} is on the evaluation panel as an officer.");
        var panel = Page.Locator("#panel + ul");
        await Assertions.Expect(panel.Locator("li", new() { HasText = Panel })).ToContainTextAsync("Lived-experience evaluator");
        await Assertions.Expect(panel.Locator("li", new() { HasText = Panel })).ToContainTextAsync("Interests not declared yet.");
        await Assertions.Expect(panel.Locator("li", new() { HasText = Champion })).ToContainTextAsync("Officer");
        await Assertions.Expect(Page.Locator("#bidding-blockers")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Open bidding" })).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-panel");
        await Page.SignOutAsync();

        // 4. The lived-experience evaluator declares an interest and steps back from one provider's bid.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync(overview);
        await Assertions.Expect(Page.Locator("#panel")).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Declare your interests before you see any bid" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Declare your interests");
        await Page.AssertNoViolationsAsync();
        await Group("Do you have an interest in any provider that might bid?").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("What is your interest?").FillAsync($"I volunteer at {ProviderOrganisation}'s drop-in on Tuesdays.");
        await Page.GetByLabel("Do not read or score the bids of certain providers").CheckAsync();
        await Page.GetByLabel(ProviderOrganisation).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save my declaration" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your declaration is saved.");
        var declared = Page.Locator("main .nhsuk-summary-list").First;
        await Assertions.Expect(declared).ToContainTextAsync($"Bids you will not read: {ProviderOrganisation}");
        await Assertions.Expect(declared).ToContainTextAsync("Not yet");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-declaration");
        await Page.SignOutAsync();

        // 5. The commissioner records the evaluator's training, accepts the declaration and opens bidding.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(overview);
        await Assertions.Expect(Page.Locator("#panel + ul li", new() { HasText = Panel })).ToContainTextAsync("Declaration waiting to be accepted.");
        await Page.AssertNoViolationsAsync();
        await Page.Locator("#panel + ul").GetByRole(AriaRole.Link, new() { Name = Panel }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(Panel);
        await Page.AssertNoViolationsAsync();
        var trained = DateTime.UtcNow.AddDays(-7);
        await FillDateAsync(trained);
        await Page.GetByLabel("Who gave the training?").FillAsync(Trainer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the training" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The evaluator training of {Panel} is recorded.");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"given by {Trainer}");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept declaration" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The declaration of {Panel} is accepted.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Accept declaration" })).ToHaveCountAsync(0);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-evaluator");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to procurement" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#panel + ul li", new() { HasText = Panel })).ToContainTextAsync("Declaration accepted.");
        var deadline = DateTime.UtcNow.AddDays(28);
        await FillDateAsync(deadline);
        await Page.GetByLabel("Time on that day").FillAsync("12pm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open bidding" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Bidding is open. Nobody can read a bid until the deadline has passed.");
        await Assertions.Expect(Page.Locator("#bidding + p")).ToContainTextAsync("Bids must arrive by");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Change the route" })).ToHaveCountAsync(0);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-bidding-open");

        await using (var scope = App.Db())
        {
            var procurement = await scope.Context.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == cycleId, Ct);
            Assert.Equal(ProcurementRoute.CompetitiveProcess, procurement.Route);
            Assert.Equal(100, procurement.WeightTotal);
            var ukDeadline = TimeZoneInfo.ConvertTime(procurement.BidDeadline!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            Assert.Equal(new DateTime(deadline.Year, deadline.Month, deadline.Day, 12, 0, 0), ukDeadline.DateTime);
            var evaluator = procurement.Evaluators.Single(e => e.UserId == people.Panel);
            Assert.Equal(EvaluatorRole.LivedExperience, evaluator.Role);
            Assert.Equal(procurement.Criteria.Select(c => c.Id).Order(), evaluator.CriterionIds.Order());
            Assert.Equal(ConflictAction.RestrictBids, evaluator.Action);
            Assert.Equal([people.ProviderOrganisation], evaluator.RestrictedOrganisationIds);
            Assert.True(evaluator.IsDeclarationAccepted);
            Assert.Equal(people.Commissioner, evaluator.DeclarationAcceptedByUserId);
            Assert.Equal(DateOnly.FromDateTime(trained), evaluator.BriefedOn);
            Assert.Equal(Trainer, evaluator.BriefedBy);
            Assert.False(evaluator.MayRead(people.ProviderOrganisation));
            var officer = procurement.Evaluators.Single(e => e.UserId == people.Champion);
            Assert.Equal(EvaluatorRole.Officer, officer.Role);
            Assert.False(officer.HasDeclared);
        }

        await Page.SignOutAsync();

        // 6. The provider, who may bid, sees the route and the criteria but not who evaluates.
        await SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password);
        await Page.GotoAsync(overview);
        await Assertions.Expect(Page.Locator("#route + .nhsuk-summary-list")).ToContainTextAsync("Competitive Process");
        await Assertions.Expect(Page.Locator("#weight-total")).ToHaveTextAsync("100%");
        await Assertions.Expect(Page.Locator("#bidding + p")).ToContainTextAsync("Bids must arrive by");
        await Assertions.Expect(Page.Locator("#panel")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(Panel);
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(Champion);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("procurement-provider");
    }

    private ILocator Group(string legend) => Page.GetByRole(AriaRole.Group, new() { Name = legend });

    private async Task AddEvaluatorAsync(string name, string role)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add an evaluator" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Add an evaluator");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel(name, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        var criteria = Page.Locator("input[name='Form.CriterionIds']");
        Assert.True(await criteria.CountAsync() >= 5);
        foreach (var criterion in await criteria.AllAsync())
        {
            await criterion.CheckAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add to the panel" }).ClickAsync();
    }

    private async Task FillDateAsync(DateTime date)
    {
        await Page.GetByLabel("Day", new() { Exact = true }).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Month", new() { Exact = true }).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Year", new() { Exact = true }).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
