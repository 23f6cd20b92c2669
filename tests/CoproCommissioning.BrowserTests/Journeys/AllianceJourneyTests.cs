using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// The alliance leadership team of the demo provider, Harbour Lights Sanctuary and the commissioner (set up in the
/// database): the provider proposes a decision and the sanctuary disagrees, so it is not carried; the provider finds a
/// risk overdue for review and reviews it, and rates the alliance's health. axe checks every alliance page on the way.
/// </summary>
public sealed class AllianceJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Members_propose_and_disagree_review_an_overdue_risk_and_rate_the_alliances_health()
    {
        var (monitored, riskId) = await ArrangeAsync();
        var alliance = $"/cycles/{monitored.CycleId}/monitoring/alliance";

        // 1. The provider proposes a decision; it waits for every member.
        await SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password);
        await Page.GotoAsync(alliance);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Alliance leadership team");
        await Assertions.Expect(Page.Locator($"#risk-{riskId}")).ToContainTextAsync("Review overdue");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Propose a decision" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Move the crisis café to the town centre");
        await Page.GetByLabel("What is the team asked to agree, and why?").FillAsync("More people could walk there after 8pm.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Propose the decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#decision-status")).ToContainTextAsync("Not carried");
        await Page.AssertNoViolationsAsync();

        // 2. The provider reviews the overdue risk and rates the first period's health.
        await Page.GotoAsync(alliance);
        await Page.Locator($"#risk-{riskId} a").ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-warning-callout")).ToContainTextAsync("Review overdue");
        await Page.AssertNoViolationsAsync();
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        var review = Page.Locator("form", new() { HasText = "Save the review" });
        await review.GetByLabel("Day", new() { Exact = true }).FillAsync(next.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await review.GetByLabel("Month", new() { Exact = true }).FillAsync(next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await review.GetByLabel("Year", new() { Exact = true }).FillAsync(next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Risk reviewed.");
        await Assertions.Expect(Page.Locator($"#risk-{riskId}")).Not.ToContainTextAsync("Review overdue");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Period 1 health check" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.Locator("fieldset", new() { HasText = "Trust between the members" }).GetByLabel("2: not good").CheckAsync();
        await Page.Locator("fieldset", new() { HasText = "Sharing information" }).GetByLabel("4: good").CheckAsync();
        await Page.Locator("fieldset", new() { HasText = "Making decisions together" }).GetByLabel("3: fair").CheckAsync();
        await Page.GetByLabel("Comment").FillAsync("We hear about changes to referrals late.");
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Save .* ratings$") }).ClickAsync();
        await Assertions.Expect(Page.Locator("#concerns")).ToContainTextAsync("trust between the members");
        await Page.AssertNoViolationsAsync();
        await Page.GotoAsync($"{alliance}/risks/new");
        await Page.AssertNoViolationsAsync();
        await Page.GotoAsync($"{alliance}/disputes/new");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // 3. The sanctuary disagrees, giving its reason; the commissioner sees why the decision is not carried.
        await SignInAsync(DemoProcurementCycle.SanctuaryEmail, DemoSeeder.Password);
        await Page.GotoAsync(alliance);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Move the crisis café to the town centre" }).ClickAsync();
        await Page.GetByLabel("No, we disagree").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the vote" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Reason-error")).ToContainTextAsync(AllianceRules.DisagreeReasonRequired.Message);
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Why? (needed if you disagree)").FillAsync("Our volunteers cannot staff a second site yet.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the vote" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your vote is recorded.");
        await Page.SignOutAsync();

        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(alliance);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Move the crisis café to the town centre" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#votes")).ToContainTextAsync("Our volunteers cannot staff a second site yet.");
        await Page.AssertNoViolationsAsync();
        await Page.GotoAsync(alliance);
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Change the named person for the commissioner") }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GotoAsync($"{alliance}/members/new");
        await Page.AssertNoViolationsAsync();

        await using var scope = App.Db();
        var team = await scope.Context.AllianceTeams.AsNoTracking().AsSplitQuery().SingleAsync(t => t.CycleId == monitored.CycleId, Ct);
        Assert.False(Assert.Single(team.Decisions).IsCarried);
        Assert.False(team.FindRisk(riskId)!.IsReviewOverdue(DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    /// <summary>An alliance contract with its complete team, and a risk added a month ago that was due for review ten days ago.</summary>
    private async Task<(TestMonitoring.Monitored Monitored, Guid RiskId)> ArrangeAsync()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var monitored = await TestMonitoring.ContractedAsync(App, people, alliance: true);
        await using var scope = App.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.Include(c => c.Stages).SingleAsync(c => c.Id == monitored.CycleId, Ct);
        var procurement = await db.Procurements.AsSplitQuery().SingleAsync(p => p.CycleId == monitored.CycleId, Ct);
        var then = DateTimeOffset.UtcNow.AddDays(-30);
        var team = Expect.Success(AllianceLeadershipTeam.Start(cycle, procurement, people.Commissioner, CycleRole.Commissioner, then));
        Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Commissioner, null,
            new NamedPerson(people.Commissioner, CycleRole.Commissioner, null), people.Commissioner, CycleRole.Commissioner, then));
        var provider = Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, people.ProviderOrganisation,
            new NamedPerson(people.Provider, CycleRole.Provider, people.ProviderOrganisation), people.Commissioner, CycleRole.Commissioner, then));
        Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, monitored.SecondOrganisation,
            new NamedPerson(monitored.SecondProvider!, CycleRole.Provider, monitored.SecondOrganisation), people.Commissioner, CycleRole.Commissioner, then));
        var risk = Expect.Success(team.AddRisk(cycle, new RiskDraft("Referrals from the crisis line drop while the café moves.", provider.Id, 3, 4,
            "Weekly referral figures shared with every member.", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10)), people.Provider, then));
        db.AllianceTeams.Add(team);
        await db.SaveChangesAsync(Ct);
        return (monitored, risk.Id);
    }
}
