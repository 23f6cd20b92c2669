using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// What panel members said about an outcome: the first few of the latest period beside its chart, and all of them a
/// period and a page at a time, each read by whoever may read the rating it came with.
/// </summary>
public sealed class SaidPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task Beside_each_chart_are_the_first_words_of_the_latest_period_with_a_link_to_all_of_them_and_to_earlier_periods()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await OutcomesArrangement.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good, ContributionVisibility.Everyone, "Period one words.");
        await RatedByManyAsync(monitored, 2, PanelSaid.Shown + 2);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);
        var crisis = page.Document.QuerySelector($"main section[aria-labelledby='outcome-{TestMonitoring.CrisisOutcome}']")!;
        var said = crisis.QuerySelector("[data-testid=panel-said]")!;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([.. Enumerable.Range(1, PanelSaid.Shown).Select(i => $"Member {i} says it's like this.")],
            said.QuerySelectorAll("[data-testid=panel-words] p:last-child").Select(p => p.TextContent.Trim()));
        Assert.Contains($"Period 2 (1 July to 30 September 2026): {PanelSaid.Shown + 2} panel members said what it's like. The first {PanelSaid.Shown} are here.",
            said.TextContent);
        var all = said.QuerySelector("[data-testid=all-said]")!;
        Assert.Equal(PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 2), all.GetAttribute("href"));
        Assert.StartsWith($"Read all {PanelSaid.Shown + 2} things panel members said in period 2", all.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal([PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 1)],
            said.QuerySelectorAll("[data-testid=earlier-said] a").Select(a => a.GetAttribute("href")));
        // The middle rating still counts every member's rating of the period, not only those whose words are shown.
        Assert.Equal($"Good (middle of {PanelSaid.Shown + 2} ratings)",
            crisis.QuerySelector("td[data-period='2'][data-series='The panel']")!.TextContent.Trim());
        Assert.DoesNotContain("Period one words.", crisis.TextContent);
    }

    [Fact]
    public async Task All_that_was_said_in_a_period_is_read_a_page_at_a_time_with_how_many_said_something_in_each_period()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await RatedByManyAsync(monitored, 2, PanelSaid.PageSize + 2);
        await OutcomesArrangement.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good, ContributionVisibility.Everyone, "Period one words.");
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 2);

        var first = await commissioner.GetAsync(url, _ct);
        var second = await commissioner.GetAsync(PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 2, 2), _ct);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("What panel members said in period 2", first.Document.QuerySelector("h1")!.ChildNodes.Last().TextContent.Trim());
        Assert.Contains("I can get help before I reach crisis", first.Document.QuerySelector(".nhsuk-lede-text")!.TextContent);
        Assert.Equal(PanelSaid.PageSize, first.Document.QuerySelectorAll("[data-testid=panel-words]").Length);
        Assert.Contains($"{PanelSaid.PageSize + 2} panel members said what it's like. Showing 1 to {PanelSaid.PageSize}.", first.Text);
        Assert.NotNull(first.Document.QuerySelector("nav.nhsuk-pagination"));
        Assert.Equal([$"Member {PanelSaid.PageSize + 1} says it's like this.", $"Member {PanelSaid.PageSize + 2} says it's like this."],
            second.Document.QuerySelectorAll("[data-testid=panel-words]").Select(w => w.TextContent.Trim()));
        var periods = first.Document.QuerySelector("[data-testid=said-periods]")!;
        Assert.Equal(["Period 1: 1 panel member said something", $"Period 2: {PanelSaid.PageSize + 2} panel members said something (shown)", "Period 3: nobody said anything"],
            periods.QuerySelectorAll("li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal([PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 1)], periods.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Team_only_words_are_read_by_the_team_and_their_author_and_not_counted_for_anyone_else()
    {
        const string Secret = "Only the team should read this: the night staff frighten me.";
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await OutcomesArrangement.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good, ContributionVisibility.Everyone, "Shared with everyone.");
        await OutcomesArrangement.RatedAsync(fixture, monitored, 1, People.Carer, RatingLevel.Poor, ContributionVisibility.CommissioningTeam, Secret);
        var url = PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 1);

        var asTeam = await (await fixture.SignedInAsync(CyclePeople.CommissionerEmail)).GetAsync(url, _ct);
        var asCarer = await (await fixture.SignedInAsync(CyclePeople.CarerEmail)).GetAsync(url, _ct);
        var asPanel = await (await fixture.SignedInAsync(CyclePeople.PanelEmail)).GetAsync(url, _ct);

        Assert.Contains("Commissioning team only", asTeam.Document.QuerySelectorAll("[data-testid=panel-words]").Single(w => w.TextContent.Contains(Secret, StringComparison.Ordinal)).TextContent);
        Assert.Contains("2 panel members said what it's like.", asTeam.Text);
        Assert.Contains("Your words", asCarer.Document.QuerySelectorAll("[data-testid=panel-words]").Single(w => w.TextContent.Contains(Secret, StringComparison.Ordinal)).TextContent);
        Assert.Equal(HttpStatusCode.OK, asPanel.Status);
        Assert.DoesNotContain(Secret, asPanel.Html);
        Assert.Contains("1 panel member said what it's like.", asPanel.Text);
        Assert.Contains("Period 1: 1 panel member said something", string.Join(' ', asPanel.Document.QuerySelector("[data-testid=said-periods]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task An_outcome_or_period_the_contract_does_not_have_yet_is_not_found()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var other = await fixture.CreateCycleAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var notStarted = await commissioner.GetAsync(PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 4), _ct);
        var noSuchOutcome = await commissioner.GetAsync(PanelSaid.Url(monitored.CycleId, Guid.CreateVersion7(), 1), _ct);
        var noContract = await commissioner.GetAsync(PanelSaid.Url(other, TestMonitoring.CrisisOutcome, 1), _ct);
        var nothingSaid = await commissioner.GetAsync(PanelSaid.Url(monitored.CycleId, TestMonitoring.CrisisOutcome, 1), _ct);

        Assert.Equal(HttpStatusCode.NotFound, notStarted.Status);
        Assert.Equal(HttpStatusCode.NotFound, noSuchOutcome.Status);
        Assert.Equal(HttpStatusCode.NotFound, noContract.Status);
        Assert.Equal(HttpStatusCode.OK, nothingSaid.Status);
        Assert.NotNull(nothingSaid.Document.QuerySelector("[data-testid=nothing-said]"));
    }

    /// <summary>
    /// <paramref name="count"/> panel members' ratings of a period, each with words saying which member it is, given in
    /// that order. The words are read without names, so the raters need no account.
    /// </summary>
    private async Task RatedByManyAsync(TestMonitoring.Monitored monitored, int periodNumber, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await OutcomesArrangement.RatedAsync(fixture, monitored, periodNumber, $"panel-member-{Guid.CreateVersion7()}", RatingLevel.Good,
                ContributionVisibility.Everyone, $"Member {i} says it's like this.");
        }
    }
}
