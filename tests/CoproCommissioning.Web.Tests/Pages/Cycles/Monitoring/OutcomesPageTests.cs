using System.Net;
using AngleSharp.Dom;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>The outcomes over time: providers' and the panel's ratings with divergence flagged, KPIs against targets, and who sees what.</summary>
public sealed class OutcomesPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string Provider = DemoCycles.ProviderOrganisation;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, "months", "1 month")]
    [InlineData(3, "months", "3 months")]
    [InlineData(0, "months", "0 months")]
    [InlineData(1.5, "days", "1.5 days")]
    [InlineData(96.5, "%", "96.5%")]
    [InlineData(1, "progress", "1 progress")]
    [InlineData(1200, "", "1,200")]
    public void A_value_reads_with_its_unit_one_of_a_unit_in_the_singular(decimal value, string unit, string expected) =>
        Assert.Equal(expected, OutcomeWords.Value(value, unit));

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_two_level_gap_between_provider_and_panel_is_flagged_and_a_one_level_gap_is_not()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Outstanding);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 2, People.Provider, People.ProviderOrganisation, RatingLevel.Good);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good);
        await TestMonitoring.RatedAsync(fixture, monitored, 2, People.Panel, RatingLevel.Fair);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var crisis = Outcome(page, TestMonitoring.CrisisOutcome);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2 levels from the panel", Cell(crisis, 1, Provider).TextContent);
        Assert.Null(Cell(crisis, 2, Provider).QuerySelector("[data-testid=divergence-flag]"));
        Assert.Equal(2, page.Document.QuerySelectorAll("main [data-testid=divergence-flag]").Length);
        Assert.Contains("Period 1: Harbourside Community Wellbeing rated it outstanding, the panel good (2 levels apart).",
            crisis.QuerySelector("[data-testid=divergence]")?.TextContent);
        Assert.Contains("Ratings 2 levels or more apart, marked in red: Period 1", crisis.QuerySelector("svg[role=img] desc")?.TextContent);
        Assert.DoesNotContain("Period 2", crisis.QuerySelector("svg[role=img] desc")?.TextContent.Split("marked in red")[1]);
        Assert.Single(crisis.QuerySelectorAll($"svg[role=img] line[stroke='{ChartFrame.AlertColour}']"));
    }

    [Fact]
    public async Task The_table_alternative_carries_the_same_figures_as_the_chart()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Stretch);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 3, People.Provider, People.ProviderOrganisation, RatingLevel.Fair);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Fair);
        await OutcomesArrangement.RatedAsync(fixture, monitored, 1, People.Carer, RatingLevel.Good, ContributionVisibility.Everyone);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var crisis = Outcome(page, TestMonitoring.CrisisOutcome);
        var chart = crisis.QuerySelector("svg[role=img]")!;

        Assert.Equal(["Stretch", "No return submitted", "Fair"], [.. Enumerable.Range(1, 3).Select(p => FirstLine(Cell(crisis, p, Provider)))]);
        Assert.Equal(["Between fair and good (middle of 2 ratings)", "No ratings", "No ratings"],
            [.. Enumerable.Range(1, 3).Select(p => Cell(crisis, p, "The panel").TextContent.Trim())]);
        // One marker for each figure in the table: the provider's in its colour, the panel's in near-black.
        Assert.Equal(2, chart.QuerySelectorAll($"path[fill='{ChartFrame.Colour(0)}']").Length);
        Assert.Equal(1, chart.QuerySelectorAll($"path[fill='{ChartFrame.PanelColour}']").Length);
        Assert.Equal([$"outcome-{TestMonitoring.CrisisOutcome}-title", $"outcome-{TestMonitoring.CrisisOutcome}-desc"],
            chart.GetAttribute("aria-labelledby")!.Split(' '));
        Assert.Equal("Ratings over time: I can get help before I reach crisis", chart.QuerySelector("title")?.TextContent);
        Assert.Contains("for 3 periods", chart.QuerySelector("desc")?.TextContent);
        Assert.NotNull(crisis.QuerySelector("details.nhsuk-details table caption"));
        Assert.Contains(Cell(crisis, 1, Provider).QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith(MonitoringUrls.Returns(monitored.CycleId) + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_only_ratings_count_for_the_team_but_their_words_and_levels_are_hidden_from_the_panel()
    {
        const string Secret = "I only tell the team: the night staff frighten me.";
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Good);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good);
        await OutcomesArrangement.RatedAsync(fixture, monitored, 1, People.Carer, RatingLevel.Poor, ContributionVisibility.CommissioningTeam, Secret);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var observer = await fixture.SignedInAsync(CyclePeople.ObserverEmail);

        var asTeam = await commissioner.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var asPanel = await panel.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var asObserver = await observer.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);

        Assert.Contains(Secret, asTeam.Text);
        Assert.Contains("Commissioning team only", Outcome(asTeam, TestMonitoring.CrisisOutcome).QuerySelectorAll("[data-testid=panel-words]")
            .Single(w => w.TextContent.Contains(Secret, StringComparison.Ordinal)).TextContent);
        Assert.Equal("Fair (middle of 2 ratings)", Cell(Outcome(asTeam, TestMonitoring.CrisisOutcome), 1, "The panel").TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, asPanel.Status);
        Assert.DoesNotContain(Secret, asPanel.Html);
        Assert.Equal("Good (1 rating)", Cell(Outcome(asPanel, TestMonitoring.CrisisOutcome), 1, "The panel").TextContent.Trim());
        Assert.Contains("1 panel member's ratings were shared with the commissioning team only", asPanel.Document.QuerySelector("[data-testid=team-only-ratings]")?.TextContent);
        // Providers' returns go to the commissioning team: the panel and observers see the panel's view only.
        Assert.Empty(asPanel.Document.QuerySelectorAll($"main td[data-series='{Provider}']"));
        Assert.DoesNotContain(Secret, asObserver.Html);
        Assert.Empty(asObserver.Document.QuerySelectorAll($"main td[data-series='{Provider}']"));
    }

    [Fact]
    public async Task Each_KPI_and_commitment_is_shown_against_its_target_period_by_period()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation);
        var commitmentId = await OutcomesArrangement.CommitmentAsync(fixture, monitored, People.Commissioner, 1, 14m);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        var page = await commissioner.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var asProvider = await provider.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var kpi = Section(page, $"kpi-{monitored.KpiId}");
        var commitment = Section(page, $"commitment-{commitmentId}");

        Assert.Equal("96% Met", Squash(Cell(kpi, 1, Provider).TextContent));
        Assert.Equal("No value submitted", Cell(kpi, 2, Provider).TextContent.Trim());
        Assert.Contains("At least 95%", kpi.QuerySelector("table")?.TextContent);
        Assert.NotNull(kpi.QuerySelector($"svg[role=img] line[stroke='{ChartFrame.TargetColour}']"));
        Assert.Equal("14 days Missed", Squash(Cell(commitment, 1, "The commissioner").TextContent));
        Assert.Contains("The target was missed in Period 1 (The commissioner)", commitment.QuerySelector("svg desc")?.TextContent);
        Assert.Single(commitment.QuerySelectorAll($"svg[role=img] path[stroke='{ChartFrame.AlertColour}']"));
        Assert.Equal("96% Met", Squash(Cell(Section(asProvider, $"kpi-{monitored.KpiId}"), 1, Provider).TextContent));
    }

    [Fact]
    public async Task Before_the_contract_is_made_the_page_says_there_is_nothing_to_show()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(MonitoringUrls.Outcomes(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("the contract has not been made", page.Text);
        Assert.Null(page.Document.QuerySelector("svg[role=img].app-chart"));
    }

    private static IElement Outcome(BrowserLikeClient.Page page, Guid outcomeId) => Section(page, $"outcome-{outcomeId}");

    private static IElement Section(BrowserLikeClient.Page page, string headingId) =>
        page.Document.QuerySelector($"main section[aria-labelledby='{headingId}']") ?? throw new InvalidOperationException($"No section {headingId}.");

    private static IElement Cell(IElement section, int period, string series) =>
        section.QuerySelector($"td[data-period='{period}'][data-series='{series}']") ?? throw new InvalidOperationException($"No cell for {series} in period {period}.");

    /// <summary>The figure a cell gives, without the flags and links after it.</summary>
    private static string FirstLine(IElement cell) => cell.ChildNodes.OfType<IText>().First(t => !string.IsNullOrWhiteSpace(t.Data)).Data.Trim();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>What the outcomes and review tests arrange beyond <see cref="TestMonitoring"/>: ratings with their visibility and words, commitments with results.</summary>
internal static class OutcomesArrangement
{
    /// <summary>A panel member's ratings of every outcome for a period, shared as chosen.</summary>
    public static async Task RatedAsync(
        DatabaseFixture fixture, TestMonitoring.Monitored monitored, int periodNumber, string panelUserId, RatingLevel rating,
        ContributionVisibility visibility, string words = "Staff listened, but the wait felt long.")
    {
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        var period = monitoring.Periods.Single(p => p.Number == periodNumber);
        var draft = new PanelRatingDraft(monitoring.Outcomes.ToDictionary(o => o.OutcomeId, _ => new PanelOutcomeReport(rating, words)), visibility);
        var at = new DateTimeOffset(period.EndsOn.ToDateTime(new TimeOnly(9, 0)).AddDays(10), TimeSpan.Zero);
        scope.Context.PanelRatings.Add(Expect.Success(PanelRating.Give(cycle, monitoring, period.Id, draft, false, panelUserId, CycleRole.PanelMember, at)));
        await scope.Context.SaveChangesAsync();
    }

    /// <summary>The commissioner's commitment to share referral data within 10 days, and its result for a period.</summary>
    public static async Task<Guid> CommitmentAsync(DatabaseFixture fixture, TestMonitoring.Monitored monitored, string commissioner, int periodNumber, decimal days)
    {
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        var now = DateTimeOffset.UtcNow;
        var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, new KpiDraft("Referral data shared",
            "Days after the month ends that the ICB shares referral data with the providers.", 10m, "days", KpiDirection.AtMost,
            ReportingFrequency.Quarterly, "The ICB's data-sharing log."), commissioner, CycleRole.Commissioner, now));
        Expect.Success(monitoring.RecordCommitmentResult(cycle, monitoring.Periods.Single(p => p.Number == periodNumber).Id, commitment.Id, days,
            "The analyst was away.", commissioner, CycleRole.Commissioner, now));
        await scope.Context.SaveChangesAsync();
        return commitment.Id;
    }

    private static async Task<(CommissioningCycle Cycle, CycleMonitoring Monitoring)> LoadAsync(CoproDbContext db, TestMonitoring.Monitored monitored) =>
        (await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId),
         await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId));
}
