using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// The monitoring overview: before the contract and after it, where each party's return stands as far as the viewer
/// may know, the links to each part of monitoring by role, and the Procurement Act 2023's warning about KPIs. The app
/// runs on <see cref="ContractClock.Now"/>.
/// </summary>
public sealed class OverviewPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task Before_the_contract_a_commissioner_is_told_what_stops_it_or_offered_to_make_it_and_others_that_it_is_not_made()
    {
        var early = await fixture.CreateCycleAsync();
        var awarded = await TestAwards.AwardedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);

        var blocked = await commissioner.GetAsync(MonitoringUrls.Overview(early), _ct);
        var ready = await commissioner.GetAsync(MonitoringUrls.Overview(awarded.CycleId), _ct);
        var panelView = await panel.GetAsync(MonitoringUrls.Overview(awarded.CycleId), _ct);

        var blockers = blocked.Document.GetElementById("contract-blockers")?.TextContent;
        Assert.Contains(MonitoringRules.AwardRequired.Message, blockers);
        Assert.Contains(CycleRules.StageNotOpen.Message, blockers);
        Assert.Null(blocked.Document.QuerySelector($"main a[href='{MonitoringUrls.Contract(early)}']"));
        Assert.Null(ready.Document.GetElementById("contract-blockers"));
        Assert.Equal("Make the contract", ready.Document.QuerySelector($"main a[href='{MonitoringUrls.Contract(awarded.CycleId)}']")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, panelView.Status);
        Assert.Contains("The contract has not been made yet.", panelView.Text);
        Assert.Null(panelView.Document.GetElementById("contract-blockers"));
        Assert.Null(panelView.Document.QuerySelector($"main a[href='{MonitoringUrls.Contract(awarded.CycleId)}']"));
    }

    [Fact]
    public async Task Once_made_the_overview_shows_the_parties_terms_outcome_framework_measures_and_where_each_return_stands()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 3, monitored.SecondProvider!, monitored.SecondOrganisation!.Value, submit: false);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(MonitoringUrls.Overview(monitored.CycleId), _ct);

        var contract = page.Document.GetElementById("contract")?.NextElementSibling?.TextContent;
        Assert.Contains(DemoCycles.ProviderOrganisation, contract);
        Assert.Contains(DemoProcurementCycle.SanctuaryOrganisation, contract);
        Assert.Contains("West Yorkshire Integrated Care Board (commissioner)", contract);
        Assert.Contains("£2,400,000", contract);
        Assert.Contains("1 April 2026 to 31 March 2028", contract);
        Assert.Contains("Up to 2 further years, one year at a time.", contract);
        Assert.Contains("Version 1 of the specification", contract);
        Assert.Contains("Alliance", contract);
        Assert.Null(page.Document.GetElementById("contract-warning"));
        var outcomes = page.Document.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["I can get help before I reach crisis", "I have things to do that I enjoy"], outcomes);
        Assert.Contains(ASpecification.Levels.Stretch, page.Document.QuerySelector("main details")?.TextContent);
        Assert.Contains("Community participation and leisure", page.Text);
        var kpi = page.Document.GetElementById("kpis-table")?.TextContent;
        Assert.Contains(TestMonitoring.KpiName, kpi);
        Assert.Contains("People seen within 4 hours of referral, out of everyone referred.", kpi);
        Assert.Contains("At least 95%", kpi);
        Assert.Contains("Quarterly", kpi);
        Assert.Contains("The provider's case records.", kpi);
        Assert.NotNull(page.Document.GetElementById("commitments-none"));
        Assert.Equal(8, page.Document.QuerySelectorAll("#period-table tbody tr").Length);
        Assert.Equal(["Period", "Dates", "Returns due", DemoProcurementCycle.SanctuaryOrganisation, DemoCycles.ProviderOrganisation],
            page.Document.QuerySelectorAll("#period-table thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["Overdue", "Submitted"], States(page, 1));
        Assert.Equal(["Overdue", "Overdue"], States(page, 2));
        Assert.Equal(["Draft", "Not started"], States(page, 3));
        Assert.Contains("31 July 2026", page.Document.GetElementById("period-1")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"#period-1 a[href='{ContractUrls.Period(monitored.CycleId, monitored.PeriodIds[0])}']"));
    }

    [Fact]
    public async Task What_needs_each_member_comes_first_late_returns_and_undecided_reviews_their_own_due_returns_and_unrated_periods()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        await using var app = ContractClock.App(fixture);
        var url = MonitoringUrls.Overview(monitored.CycleId);

        var commissioner = await (await SignedInAsync(app, CyclePeople.CommissionerEmail)).GetAsync(url, _ct);
        var provider = await (await SignedInAsync(app, CyclePeople.ProviderEmail)).GetAsync(url, _ct);
        var panel = await (await SignedInAsync(app, CyclePeople.PanelEmail)).GetAsync(url, _ct);

        Assert.Equal(
        [
            $"{DemoProcurementCycle.SanctuaryOrganisation}'s return for period 1 is past its due date",
            $"{DemoProcurementCycle.SanctuaryOrganisation}'s return for period 2 is past its due date",
            $"{DemoCycles.ProviderOrganisation}'s return for period 2 is past its due date",
            "The review held on 9 July 2026 has no decision yet",
        ], Needs(commissioner).Order());
        Assert.NotNull(commissioner.Document.QuerySelector($"#needs-attention-list a[href='{ReviewsUrls.Review(monitored.CycleId, reviewId)}']"));
        Assert.Equal(["Your return for period 2 was due on 31 October 2026"], Needs(provider));
        Assert.NotNull(provider.Document.QuerySelector($"#needs-attention-list a[href='{ReturnsUrls.Mine(monitored.CycleId, monitored.PeriodIds[1])}']"));
        Assert.Equal(["You have not rated period 2 yet"], Needs(panel));
        // The parts of monitoring come before the contract's details, so nobody scrolls past the contract to find them.
        Assert.Equal(["monitoring-parts", "contract"], commissioner.Document.QuerySelectorAll("#monitoring-parts, #contract").Select(e => e.Id));
    }

    [Fact]
    public async Task An_alliance_member_sees_the_others_returns_only_as_far_as_it_may_read_them_and_the_panel_sees_none()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, monitored.SecondProvider!, monitored.SecondOrganisation!.Value);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 3, monitored.SecondProvider!, monitored.SecondOrganisation!.Value, submit: false);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 3, People.Provider, People.ProviderOrganisation, submit: false);
        var direct = await TestMonitoring.ContractedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var provider = await SignedInAsync(app, CyclePeople.ProviderEmail);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);

        var member = await provider.GetAsync(MonitoringUrls.Overview(monitored.CycleId), _ct);
        var panelView = await panel.GetAsync(MonitoringUrls.Overview(monitored.CycleId), _ct);
        var alone = await provider.GetAsync(MonitoringUrls.Overview(direct.CycleId), _ct);

        Assert.Equal(["Submitted", "Overdue"], States(member, 1));
        Assert.Equal(["Not started", "Draft"], States(member, 3));
        Assert.Equal(3, panelView.Document.QuerySelectorAll("#period-table thead th").Length);
        Assert.Empty(panelView.Document.QuerySelectorAll("#period-table .nhsuk-tag"));
        Assert.Equal(["Period", "Dates", "Returns due", DemoCycles.ProviderOrganisation],
            alone.Document.QuerySelectorAll("#period-table thead th").Select(th => th.TextContent.Trim()));
    }

    [Theory]
    [InlineData(CyclePeople.CommissionerEmail, "returns ratings outcomes reviews alliance lessons next-cycle")]
    [InlineData(CyclePeople.ChampionEmail, "returns ratings outcomes reviews alliance lessons")]
    [InlineData(CyclePeople.PanelEmail, "ratings outcomes reviews lessons")]
    [InlineData(CyclePeople.ProviderEmail, "returns outcomes reviews alliance lessons")]
    [InlineData(CyclePeople.ClinicianEmail, "returns outcomes reviews alliance lessons")]
    [InlineData(CyclePeople.ObserverEmail, "outcomes reviews lessons")]
    public async Task Each_role_is_linked_to_the_parts_of_monitoring_it_uses(string email, string parts)
    {
        var alliance = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        var direct = await TestMonitoring.ContractedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var member = await SignedInAsync(app, email);

        var allianceParts = Parts(await member.GetAsync(MonitoringUrls.Overview(alliance.CycleId), _ct));
        var page = await member.GetAsync(MonitoringUrls.Overview(direct.CycleId), _ct);

        Assert.Equal(parts.Split(' '), allianceParts);
        Assert.Equal(parts.Split(' ').Where(p => p != "alliance"), Parts(page));
        var commissioner = email == CyclePeople.CommissionerEmail;
        Assert.Equal(commissioner, page.Document.QuerySelector($"main a[href='{MonitoringUrls.Contract(direct.CycleId)}']") is not null);
        Assert.Equal(commissioner, page.Document.QuerySelector($"main a[href='{ContractUrls.AddKpi(direct.CycleId)}']") is not null);
        Assert.Equal(commissioner, page.Document.QuerySelector($"main a[href='{ContractUrls.Measure(direct.CycleId, direct.KpiId!.Value)}']") is not null);
        Assert.Equal(MonitoringUrls.Reviews(direct.CycleId), page.Document.QuerySelector("#part-reviews a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_Procurement_Act_contract_over_5_million_with_fewer_than_three_KPIs_is_warned_about_until_it_has_three()
    {
        var act = await TestAwards.AwardedAsync(fixture, People, TestAwards.Award.ProcurementAct);
        var regime = await TestAwards.AwardedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        foreach (var cycleId in new[] { act.CycleId, regime.CycleId })
        {
            var made = await commissioner.SubmitAsync(MonitoringUrls.Contract(cycleId), new Dictionary<string, string>
            {
                ["Form.Value"] = "6000000",
                ["Form.StartsOn.Day"] = "1", ["Form.StartsOn.Month"] = "4", ["Form.StartsOn.Year"] = "2026",
                ["Form.EndsOn.Day"] = "31", ["Form.EndsOn.Month"] = "3", ["Form.EndsOn.Year"] = "2029",
            }, ct: _ct);
            Assert.Equal(HttpStatusCode.Redirect, made.Status);
        }

        var warned = await commissioner.GetAsync(MonitoringUrls.Overview(act.CycleId), _ct);
        var notWarned = await commissioner.GetAsync(MonitoringUrls.Overview(regime.CycleId), _ct);
        foreach (var name in new[] { "People seen within 4 hours", "People offered peer support", "People who say they were listened to" })
        {
            var added = await commissioner.SubmitAsync(ContractUrls.AddKpi(act.CycleId), new Dictionary<string, string>
            {
                ["Form.Name"] = name,
                ["Form.Definition"] = "Out of everyone seen.",
                ["Form.Target"] = "80",
                ["Form.Unit"] = "%",
                ["Form.Direction"] = nameof(KpiDirection.AtLeast),
                ["Form.Frequency"] = nameof(ReportingFrequency.Quarterly),
                ["Form.DataSource"] = "The provider's case records.",
            }, ct: _ct);
            Assert.Equal(HttpStatusCode.Redirect, added.Status);
        }

        var three = await commissioner.GetAsync(MonitoringUrls.Overview(act.CycleId), _ct);

        Assert.Contains(MonitoringRules.FewerThanThreeKpis.Message, warned.Document.GetElementById("contract-warning")?.TextContent);
        Assert.Null(notWarned.Document.GetElementById("contract-warning"));
        Assert.Null(three.Document.GetElementById("contract-warning"));
        Assert.Equal(3, three.Document.QuerySelectorAll("#kpis-table tbody tr").Length);
    }

    /// <summary>Each party's return state in period <paramref name="number"/>, in the order of the table's columns.</summary>
    private static IReadOnlyList<string> States(BrowserLikeClient.Page page, int number) =>
        [.. page.Document.QuerySelectorAll($"#period-{number} .nhsuk-tag").Select(t => t.TextContent.Trim())];

    private static IReadOnlyList<string> Needs(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#needs-attention-list li a").Select(a => a.TextContent.Trim())];

    private static IReadOnlyList<string> Parts(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#monitoring-parts li").Select(li => li.Id!["part-".Length..])];

    private async Task<BrowserLikeClient> SignedInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(email, DemoSeeder.Password, _ct);
        return client;
    }
}
