using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// From the award to a contract being monitored: the commissioner opens monitoring, makes the contract from the award
/// (told first what is missing), adds a KPI the provider reports and a commitment of its own, sees the reporting periods,
/// and records the commitment's result for the first period.
/// </summary>
public sealed class MonitoringContractJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_commissioner_makes_the_contract_from_the_award_adds_a_KPI_and_a_commitment_and_sees_the_periods()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var awarded = await TestAwards.AwardedAsync(App, people);
        var overview = $"/cycles/{awarded.CycleId}/monitoring";

        // 1. Monitoring before the contract offers to make it.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(overview);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The contract has not been made yet.");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Make the contract" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Make the contract");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(DemoCycles.ProviderOrganisation);
        await Page.AssertNoViolationsAsync();

        // 2. Sent empty, each answer says what it needs; then the contract is made.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the contract" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Value-error")).ToContainTextAsync(MonitoringRules.ValueRequired.Message);
        await Assertions.Expect(Page.Locator("#Form_StartsOn-error")).ToContainTextAsync(MonitoringRules.StartsOnRequired.Message);
        await Assertions.Expect(Page.Locator("#Form_EndsOn-error")).ToContainTextAsync(MonitoringRules.EndsOnRequired.Message);
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Value of the contract").FillAsync("2,400,000");
        await FillDateAsync("Start date", "1", "4", "2026");
        await FillDateAsync("End date", "31", "3", "2028");
        await Page.GetByLabel("Extension options").FillAsync("Up to 2 further years, one year at a time.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the contract" }).ClickAsync();
        Assert.Equal(overview, new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The contract is made.");
        var contract = Page.Locator("#contract + .nhsuk-summary-list");
        await Assertions.Expect(contract).ToContainTextAsync(DemoCycles.ProviderOrganisation);
        await Assertions.Expect(contract).ToContainTextAsync("£2,400,000");
        await Assertions.Expect(Page.Locator("main h3").First).ToHaveTextAsync("I can get help before I reach crisis");
        await Page.AssertNoViolationsAsync();

        // 3. A KPI the provider reports, and a commitment of the commissioner's own.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a KPI" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await FillMeasureAsync("People seen within 4 hours", "95", "%", "By reaching it", "Quarterly", "The provider's case records.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the KPI" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("KPI added: People seen within 4 hours.");
        await Assertions.Expect(Page.Locator("#kpis-table")).ToContainTextAsync("At least 95%");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a commitment" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await FillMeasureAsync("Referral data shared", "10", "days", "By staying under it", "Monthly", "The ICB's data-sharing log.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the commitment" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Commitment added: Referral data shared.");
        await Assertions.Expect(Page.Locator("#commitments-table")).ToContainTextAsync("At most 10 days");

        // 4. The periods: eight quarters, each with the day its returns are due and where the provider's return stands.
        var periods = Page.Locator("#period-table tbody tr");
        await Assertions.Expect(periods).ToHaveCountAsync(8);
        await Assertions.Expect(Page.Locator("#period-1")).ToContainTextAsync("31 July 2026");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("monitoring-overview");

        // 5. The first period's page: the commissioner records the commitment's result.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Period 1", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Period 1");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Result for period 1: Referral data shared").FillAsync("8");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the result for Referral data shared" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The result is recorded.");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("8 days");
        await Page.AssertNoViolationsAsync();

        await using var scope = App.Db();
        var monitoring = await scope.Context.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.CycleId == awarded.CycleId, Ct);
        Assert.Equal(("People seen within 4 hours", "Referral data shared"), (Assert.Single(monitoring.Kpis).Name, Assert.Single(monitoring.Commitments).Name));
        Assert.Equal(8m, Assert.Single(monitoring.CommitmentResults).Value);
    }

    private async Task FillDateAsync(string legend, string day, string month, string year)
    {
        var group = Page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
    }

    private async Task FillMeasureAsync(string name, string target, string unit, string direction, string frequency, string source)
    {
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("How it is worked out").FillAsync($"{name}, out of everyone it applies to.");
        await Page.GetByLabel("Target", new() { Exact = true }).FillAsync(target);
        await Page.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        await Page.GetByLabel(direction).CheckAsync();
        await Page.GetByLabel(frequency, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Where the figures come from").FillAsync(source);
    }
}
