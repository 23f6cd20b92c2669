using System.Globalization;
using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// The contract's pages: making it from the award, changing its terms, its KPIs and the commissioner's commitments, and
/// a period's commitment results and explanations. The app runs on <see cref="ContractClock.Now"/>, when the first two
/// quarters' returns are due and the third quarter has begun.
/// </summary>
public sealed class ContractPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task The_commissioner_makes_the_contract_from_the_award_after_being_told_beside_each_field_what_is_wrong()
    {
        var awarded = await TestAwards.AwardedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.Contract(awarded.CycleId);

        var blank = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), ct: _ct);
        var wrong = await commissioner.SubmitAsync(url, new Dictionary<string, string>(Dates(("Form.StartsOn", "1", "4", "2026"), ("Form.EndsOn", "31", "13", "2028")))
        {
            ["Form.Value"] = "a lot",
            ["Form.ExtensionOptions"] = "Up to 2 further years.",
        }, ct: _ct);
        var backwards = await commissioner.SubmitAsync(url, new Dictionary<string, string>(Dates(("Form.StartsOn", "1", "4", "2026"), ("Form.EndsOn", "31", "3", "2026")))
        {
            ["Form.Value"] = "2,400,000",
        }, ct: _ct);
        var made = await commissioner.SubmitAsync(url, new Dictionary<string, string>(Dates(("Form.StartsOn", "1", "4", "2026"), ("Form.EndsOn", "31", "3", "2028")))
        {
            ["Form.Value"] = "£2,400,000",
            ["Form.ExtensionOptions"] = "Up to 2 further years, one year at a time.",
            ["Form.Frequency"] = nameof(ReportingFrequency.Quarterly),
        }, ct: _ct);
        var overview = await commissioner.FollowRedirectAsync(made, _ct);

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(MonitoringRules.ValueRequired.Message, blank.Document.GetElementById("Form_Value-error")?.TextContent);
        Assert.Contains(MonitoringRules.StartsOnRequired.Message, blank.Document.GetElementById("Form_StartsOn-error")?.TextContent);
        Assert.Contains(MonitoringRules.EndsOnRequired.Message, blank.Document.GetElementById("Form_EndsOn-error")?.TextContent);
        Assert.Contains(MonitoringRules.ValueNotValid.Message, wrong.Document.GetElementById("Form_Value-error")?.TextContent);
        Assert.Equal("a lot", wrong.Document.GetElementById("Form_Value")?.GetAttribute("value"));
        Assert.Contains(ContractLabels.DateUnreadable, wrong.Document.GetElementById("Form_EndsOn-error")?.TextContent);
        Assert.Equal("13", wrong.Document.GetElementById("Form_EndsOn-month")?.GetAttribute("value"));
        Assert.Equal("Up to 2 further years.", wrong.Document.GetElementById("Form_ExtensionOptions")?.TextContent.Trim());
        Assert.Contains(MonitoringRules.EndsBeforeStart.Message, backwards.Document.GetElementById("Form_EndsOn-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        Assert.Equal(MonitoringUrls.Overview(awarded.CycleId), made.Location);
        Assert.Contains("The contract is made.", overview.Text);
        Assert.Contains(DemoCycles.ProviderOrganisation, overview.Document.GetElementById("contract")?.NextElementSibling?.TextContent);
        var monitoring = await TestMonitoring.MonitoringAsync(fixture, awarded.CycleId);
        Assert.Equal((2_400_000m, new DateOnly(2026, 4, 1), new DateOnly(2028, 3, 31), "Up to 2 further years, one year at a time."),
            (monitoring.Value, monitoring.StartsOn, monitoring.EndsOn, monitoring.ExtensionOptions));
        Assert.Equal([(People.ProviderOrganisation, PartyRole.LeadProvider)], monitoring.Parties.Select(p => (p.OrganisationId!.Value, p.Role)));
        Assert.Equal(8, monitoring.Periods.Count);
        Assert.Equal(["I can get help before I reach crisis", "I have things to do that I enjoy"], monitoring.Outcomes.Select(o => o.Statement));
    }

    [Fact]
    public async Task Before_the_award_the_contract_page_says_why_it_cannot_be_made_and_a_crafted_post_is_refused()
    {
        var cycleId = await fixture.CreateCycleAsync();
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.Contract(cycleId);

        var page = await commissioner.GetAsync(url, _ct);
        var crafted = await commissioner.PostCraftedAsync(url, new Dictionary<string, string>(Dates(("Form.StartsOn", "1", "4", "2026"), ("Form.EndsOn", "31", "3", "2028")))
        {
            ["Form.Value"] = "2400000",
        }, url, _ct);

        var blockers = page.Document.GetElementById("contract-blockers")?.TextContent;
        Assert.Contains(MonitoringRules.AwardRequired.Message, blockers);
        Assert.Contains(MonitoringRules.SpecificationNotApproved.Message, blockers);
        Assert.Contains(CycleRules.StageNotOpen.Message, blockers);
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(MonitoringRules.AwardRequired.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.False(await HasContractAsync(cycleId));
    }

    [Fact]
    public async Task When_the_award_names_two_providers_the_commissioner_chooses_which_leads_and_the_other_is_a_partner()
    {
        var awarded = await TestAwards.AwardedAsync(fixture, People, TestAwards.Award.TwoProviders);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.Contract(awarded.CycleId);
        var fields = new Dictionary<string, string>(Dates(("Form.StartsOn", "1", "4", "2026"), ("Form.EndsOn", "31", "3", "2027"))) { ["Form.Value"] = "800000" };

        var unchosen = await commissioner.SubmitAsync(url, fields, ct: _ct);
        var made = await commissioner.SubmitAsync(url, new Dictionary<string, string>(fields) { ["Form.LeadOrganisationId"] = awarded.SecondOrganisation!.Value.ToString() }, ct: _ct);

        Assert.Contains(MonitoringRules.LeadRequired.Message, unchosen.Document.GetElementById("Form_LeadOrganisationId-error")?.TextContent);
        Assert.NotNull(unchosen.Document.QuerySelector($"input[name='Form.LeadOrganisationId'][value='{awarded.SecondOrganisation}']"));
        Assert.Equal("800000", unchosen.Document.GetElementById("Form_Value")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        var monitoring = await TestMonitoring.MonitoringAsync(fixture, awarded.CycleId);
        Assert.Equal([(awarded.SecondOrganisation.Value, PartyRole.LeadProvider), (People.ProviderOrganisation, PartyRole.Partner)],
            monitoring.Parties.OrderBy(p => p.Role).Select(p => (p.OrganisationId!.Value, p.Role)));
    }

    [Fact]
    public async Task The_terms_change_but_the_contract_cannot_end_inside_a_period_that_has_started()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.Contract(monitored.CycleId);

        var form = await commissioner.GetAsync(url, _ct);
        var early = await commissioner.SubmitAsync(url, new Dictionary<string, string>(Dates(("Form.EndsOn", "30", "11", "2026"))) { ["Form.Value"] = "2400000" }, ct: _ct);
        var extended = await commissioner.SubmitAsync(url, new Dictionary<string, string>(Dates(("Form.EndsOn", "31", "3", "2029")))
        {
            ["Form.Value"] = "3600000.50",
            ["Form.ExtensionOptions"] = "One further year.",
        }, ct: _ct);

        Assert.Equal("2400000", form.Document.GetElementById("Form_Value")?.GetAttribute("value"));
        Assert.Equal("2028", form.Document.GetElementById("Form_EndsOn-year")?.GetAttribute("value"));
        Assert.Null(form.Document.GetElementById("Form_StartsOn"));
        Assert.Contains(MonitoringRules.EndsInStartedPeriod.Message, early.Document.GetElementById("Form_EndsOn-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, extended.Status);
        var monitoring = await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId);
        Assert.Equal((3_600_000.50m, new DateOnly(2029, 3, 31), "One further year.", 12), (monitoring.Value, monitoring.EndsOn, monitoring.ExtensionOptions, monitoring.Periods.Count));
        Assert.Equal(monitored.PeriodIds, monitoring.Periods.Take(8).Select(p => p.Id));
        Assert.Contains("£3,600,000.50", (await commissioner.FollowRedirectAsync(extended, _ct)).Document.GetElementById("contract")?.NextElementSibling?.TextContent);
    }

    [Fact]
    public async Task Two_people_changing_the_terms_at_once_the_second_is_told_and_keeps_what_they_typed()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.Contract(monitored.CycleId);
        var first = await commissioner.GetAsync(url, _ct);
        var second = await commissioner.GetAsync(url, _ct);

        Dictionary<string, string> Terms(string value) => new(Dates(("Form.EndsOn", "31", "3", "2028"))) { ["Form.Value"] = value };

        var firstSave = await commissioner.SubmitOnAsync(first, Terms("2500000"), ct: _ct);
        var secondSave = await commissioner.SubmitOnAsync(second, Terms("2600000"), ct: _ct);
        var again = await commissioner.SubmitOnAsync(secondSave, Terms("2600000"), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, secondSave.Status);
        Assert.Contains(ModelStateExtensions.ConcurrencyMessage, secondSave.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("2600000", secondSave.Document.GetElementById("Form_Value")?.GetAttribute("value"));
        Assert.Contains("£2,500,000", secondSave.Document.GetElementById("latest")?.NextElementSibling?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(2_600_000m, (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Value);
    }

    [Fact]
    public async Task A_KPI_is_added_changed_and_removed_with_each_refusal_beside_its_field()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, withKpi: false);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var add = ContractUrls.AddKpi(monitored.CycleId);

        var blank = await commissioner.SubmitAsync(add, new Dictionary<string, string>(), ct: _ct);
        var unreadable = await commissioner.SubmitAsync(add, Kpi("People seen within 4 hours", "ninety-five"), ct: _ct);
        var added = await commissioner.SubmitAsync(add, Kpi("People seen within 4 hours", "95"), ct: _ct);
        var kpiId = Assert.Single((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Kpis).Id;
        var changed = await commissioner.SubmitAsync(ContractUrls.Measure(monitored.CycleId, kpiId), Kpi("People seen within 2 hours", "90"),
            "main form:not([action*='Remove'])", _ct);
        var afterChange = await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId);
        var removed = await commissioner.SubmitAsync(ContractUrls.Measure(monitored.CycleId, kpiId), new Dictionary<string, string>(), "form[action*='Remove']", _ct);

        Assert.Contains(MonitoringRules.KpiNameRequired.Message, blank.Document.GetElementById("Form_Name-error")?.TextContent);
        Assert.Contains(MonitoringRules.KpiDefinitionRequired.Message, blank.Document.GetElementById("Form_Definition-error")?.TextContent);
        Assert.Contains(MonitoringRules.KpiTargetRequired.Message, blank.Document.GetElementById("Form_Target-error")?.TextContent);
        Assert.Contains(MonitoringRules.KpiDirectionRequired.Message, blank.Document.GetElementById("Form_Direction-error")?.TextContent);
        Assert.Contains(MonitoringRules.KpiFrequencyRequired.Message, blank.Document.GetElementById("Form_Frequency-error")?.TextContent);
        Assert.Contains(MonitoringRules.KpiDataSourceRequired.Message, blank.Document.GetElementById("Form_DataSource-error")?.TextContent);
        Assert.Contains(MonitoringRules.KpiTargetRequired.Message, unreadable.Document.GetElementById("Form_Target-error")?.TextContent);
        Assert.Equal("ninety-five", unreadable.Document.GetElementById("Form_Target")?.GetAttribute("value"));
        Assert.Equal("People seen within 4 hours", unreadable.Document.GetElementById("Form_Name")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal($"{MonitoringUrls.Overview(monitored.CycleId)}#kpis", added.Location);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var kpi = Assert.Single(afterChange.Kpis);
        Assert.Equal(("People seen within 2 hours", 90m, "%", KpiDirection.AtLeast, ReportingFrequency.Quarterly),
            (kpi.Name, kpi.Target, kpi.Unit, kpi.Direction, kpi.Frequency));
        Assert.Empty(afterChange.Commitments);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Empty((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Kpis);
    }

    [Fact]
    public async Task A_KPI_a_return_reports_can_be_changed_but_not_removed()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, submit: false);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ContractUrls.Measure(monitored.CycleId, monitored.KpiId!.Value);

        var page = await commissioner.GetAsync(url, _ct);
        var crafted = await commissioner.PostCraftedAsync($"{url}?handler=Remove", new Dictionary<string, string>
        {
            ["Form.Version"] = (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Version.ToString(CultureInfo.InvariantCulture),
        }, url, _ct);

        Assert.NotNull(page.Document.GetElementById("reported"));
        Assert.Null(page.Document.QuerySelector("form[action*='Remove']"));
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(MonitoringRules.KpiReported.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Single((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Kpis);
    }

    [Fact]
    public async Task A_commitment_is_added_and_its_result_for_a_period_recorded_with_refusals_beside_the_result()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);

        var notAPercentage = await commissioner.SubmitAsync(ContractUrls.AddCommitment(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Name"] = "Referrals shared on time",
            ["Form.Definition"] = "Of the months, the share whose referral data reached the providers by the 10th.",
            ["Form.Target"] = "250",
            ["Form.Unit"] = "%",
            ["Form.Direction"] = nameof(KpiDirection.AtLeast),
            ["Form.Frequency"] = nameof(ReportingFrequency.Quarterly),
            ["Form.DataSource"] = "The ICB's data-sharing log.",
        }, ct: _ct);
        var added = await commissioner.SubmitAsync(ContractUrls.AddCommitment(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Name"] = "Referral data shared",
            ["Form.Definition"] = "Days after the month ends that the ICB shares referral data with the providers.",
            ["Form.Target"] = "10",
            ["Form.Unit"] = "days",
            ["Form.Direction"] = nameof(KpiDirection.AtMost),
            ["Form.Frequency"] = nameof(ReportingFrequency.Monthly),
            ["Form.DataSource"] = "The ICB's data-sharing log.",
        }, ct: _ct);
        var commitment = Assert.Single((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Commitments);
        var period = ContractUrls.Period(monitored.CycleId, monitored.PeriodIds[0]);
        var form = $"form[action*='handler=Result']";
        var blank = await commissioner.SubmitAsync(period, new Dictionary<string, string>(), form, _ct);
        var unreadable = await commissioner.SubmitAsync(period, new Dictionary<string, string> { [$"Form.Results[{commitment.Id}].Value"] = "twelve" }, form, _ct);
        var recorded = await commissioner.SubmitAsync(period, new Dictionary<string, string>
        {
            [$"Form.Results[{commitment.Id}].Value"] = "12",
            [$"Form.Results[{commitment.Id}].Note"] = "The data system moved in May.",
        }, form, _ct);
        var shown = await commissioner.FollowRedirectAsync(recorded, _ct);

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal($"{MonitoringUrls.Overview(monitored.CycleId)}#commitments", added.Location);
        Assert.Equal((KpiOwner.Commissioner, "At most 10 days"), (commitment.Owner, ContractLabels.Target(commitment)));
        Assert.Contains(MonitoringRules.ResultValueRequired.Message, blank.Document.GetElementById($"Form_Results_{commitment.Id}__Value-error")?.TextContent);
        Assert.Equal("twelve", unreadable.Document.GetElementById($"Form_Results_{commitment.Id}__Value")?.GetAttribute("value"));
        Assert.Contains(MonitoringRules.ResultValueRequired.Message, unreadable.Document.GetElementById($"Form_Results_{commitment.Id}__Value-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var result = shown.Document.GetElementById($"result-{commitment.Id}")?.TextContent;
        Assert.Contains("12 days", result);
        Assert.Contains("Not met", result);
        Assert.Contains("The data system moved in May.", result);
        var saved = (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).ResultFor(monitored.PeriodIds[0], commitment.Id);
        Assert.Equal((12m, "The data system moved in May.", People.Commissioner), (saved!.Value, saved.Note, saved.RecordedByUserId));
        Assert.Contains(MonitoringRules.KpiTargetNotAPercentage.Message, notAPercentage.Document.GetElementById("Form_Target-error")?.TextContent);
        Assert.Equal("250", notAPercentage.Document.GetElementById("Form_Target")?.GetAttribute("value"));

        // A result is recorded for it, so like a KPI a return reports, it is changed but no longer offered for removal.
        var measure = await commissioner.GetAsync(ContractUrls.Measure(monitored.CycleId, commitment.Id), _ct);
        Assert.NotNull(measure.Document.GetElementById("reported"));
        Assert.Null(measure.Document.QuerySelector("form[action*='Remove']"));
    }

    [Fact]
    public async Task Why_a_missing_return_is_missing_is_recorded_and_the_return_then_shows_as_explained()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var period = ContractUrls.Period(monitored.CycleId, monitored.PeriodIds[0]);
        var field = $"Form.Explanations[{People.ProviderOrganisation}].Explanation";

        var before = await commissioner.GetAsync(period, _ct);
        var blank = await commissioner.SubmitAsync(period, new Dictionary<string, string> { [field] = " " }, "form[action*='handler=Explain']", _ct);
        var explained = await commissioner.SubmitAsync(period, new Dictionary<string, string> { [field] = "The service was paused in May while the building was repaired." },
            "form[action*='handler=Explain']", _ct);
        var after = await commissioner.FollowRedirectAsync(explained, _ct);

        Assert.Contains("Overdue", before.Document.GetElementById("returns-table")?.TextContent);
        Assert.Contains(MonitoringRules.ExplanationRequired.Message, blank.Document.GetElementById($"Form_Explanations_{People.ProviderOrganisation}__Explanation-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, explained.Status);
        var returns = after.Document.GetElementById("returns-table")?.TextContent;
        Assert.Contains("Explained", returns);
        Assert.Contains("The service was paused in May while the building was repaired.", returns);
        Assert.Equal("The service was paused in May while the building was repaired.",
            (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).ExplanationFor(monitored.PeriodIds[0], People.ProviderOrganisation)?.Text);
    }

    [Fact]
    public async Task A_period_that_has_not_started_offers_no_forms_and_a_crafted_result_is_refused()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var commitmentId = await AddCommitmentAsync(monitored.CycleId);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ContractUrls.Period(monitored.CycleId, monitored.PeriodIds[^1]);

        var page = await commissioner.GetAsync(url, _ct);
        var crafted = await commissioner.PostCraftedAsync($"{url}?handler=Result&kpiId={commitmentId}", new Dictionary<string, string>
        {
            [$"Form.Results[{commitmentId}].Value"] = "8",
        }, url, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("not started yet", page.Text);
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Contains(MonitoringRules.PeriodNotStarted.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Empty((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).CommitmentResults);
    }

    [Fact]
    public async Task Only_commissioners_change_the_contract_and_others_see_a_period_without_its_forms()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var commitmentId = await AddCommitmentAsync(monitored.CycleId);
        await using var app = ContractClock.App(fixture);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var provider = await SignedInAsync(app, CyclePeople.ProviderEmail);
        var champion = await SignedInAsync(app, CyclePeople.ChampionEmail);
        var period = ContractUrls.Period(monitored.CycleId, monitored.PeriodIds[0]);

        var contract = await panel.GetAsync(MonitoringUrls.Contract(monitored.CycleId), _ct);
        var addKpi = await provider.PostCraftedAsync(ContractUrls.AddKpi(monitored.CycleId), Kpi("Seen quickly", "90"), MonitoringUrls.Overview(monitored.CycleId), _ct);
        var periodPage = await champion.GetAsync(period, _ct);
        var providerPeriod = await provider.GetAsync(period, _ct);
        var result = await champion.PostCraftedAsync($"{period}?handler=Result&kpiId={commitmentId}",
            new Dictionary<string, string> { [$"Form.Results[{commitmentId}].Value"] = "8" }, period, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, contract.Status);
        Assert.Equal(HttpStatusCode.Forbidden, addKpi.Status);
        Assert.Equal(HttpStatusCode.OK, periodPage.Status);
        Assert.Null(periodPage.Document.QuerySelector("main form"));
        Assert.Contains("Overdue", periodPage.Document.GetElementById("returns-table")?.TextContent);
        Assert.Contains("Overdue", providerPeriod.Document.GetElementById("returns-table")?.TextContent);
        Assert.NotNull(providerPeriod.Document.QuerySelector($"main a[href='{MonitoringUrls.Returns(monitored.CycleId)}']"));
        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Single((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Kpis);
    }

    [Fact]
    public async Task A_measure_period_or_party_of_another_cycle_is_not_found_under_this_cycles_address()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var other = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        var otherCommitment = await AddCommitmentAsync(other.CycleId);
        await using var app = ContractClock.App(fixture);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var measure = ContractUrls.Measure(monitored.CycleId, other.KpiId!.Value);
        var period = ContractUrls.Period(monitored.CycleId, monitored.PeriodIds[0]);
        var overview = MonitoringUrls.Overview(monitored.CycleId);

        var getMeasure = await commissioner.GetAsync(measure, _ct);
        var change = await commissioner.PostCraftedAsync(measure, Kpi("Taken over", "1"), overview, _ct);
        var remove = await commissioner.PostCraftedAsync($"{measure}?handler=Remove", new Dictionary<string, string>(), overview, _ct);
        var otherPeriod = await commissioner.GetAsync(ContractUrls.Period(monitored.CycleId, other.PeriodIds[0]), _ct);
        var result = await commissioner.PostCraftedAsync($"{period}?handler=Result&kpiId={otherCommitment}",
            new Dictionary<string, string> { [$"Form.Results[{otherCommitment}].Value"] = "8" }, period, _ct);
        var explain = await commissioner.PostCraftedAsync($"{period}?handler=Explain&organisationId={other.SecondOrganisation}",
            new Dictionary<string, string> { [$"Form.Explanations[{other.SecondOrganisation}].Explanation"] = "Not theirs." }, period, _ct);

        Assert.Equal(HttpStatusCode.NotFound, getMeasure.Status);
        Assert.Equal(HttpStatusCode.NotFound, change.Status);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherPeriod.Status);
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(HttpStatusCode.NotFound, explain.Status);
        var untouched = await TestMonitoring.MonitoringAsync(fixture, other.CycleId);
        Assert.Equal(TestMonitoring.KpiName, untouched.FindKpi(other.KpiId.Value)?.Name);
        Assert.Empty((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).CommitmentResults);
        Assert.Empty((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Explanations);
    }

    private static Dictionary<string, string> Kpi(string name, string target) => new()
    {
        ["Form.Name"] = name,
        ["Form.Definition"] = "People seen within the time, out of everyone referred.",
        ["Form.Target"] = target,
        ["Form.Unit"] = "%",
        ["Form.Direction"] = nameof(KpiDirection.AtLeast),
        ["Form.Frequency"] = nameof(ReportingFrequency.Quarterly),
        ["Form.DataSource"] = "The provider's case records.",
    };

    private static IEnumerable<KeyValuePair<string, string>> Dates(params (string Name, string Day, string Month, string Year)[] dates) =>
        dates.SelectMany(d => new KeyValuePair<string, string>[] { new($"{d.Name}.Day", d.Day), new($"{d.Name}.Month", d.Month), new($"{d.Name}.Year", d.Year) });

    /// <summary>A commitment of the commissioner on the contract, added as another request would.</summary>
    private async Task<Guid> AddCommitmentAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStageStatuses().SingleAsync(c => c.Id == cycleId, _ct);
        var monitoring = await scope.Context.Monitorings.AsSplitQuery().SingleAsync(m => m.CycleId == cycleId, _ct);
        var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner,
            new KpiDraft("Referral data shared", "Days after the month ends that the data is shared.", 10m, "days", KpiDirection.AtMost,
                ReportingFrequency.Monthly, "The ICB's data-sharing log."), People.Commissioner, CycleRole.Commissioner, ContractClock.Now));
        await scope.Context.SaveChangesAsync(_ct);
        return commitment.Id;
    }

    private async Task<bool> HasContractAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Monitorings.AnyAsync(m => m.CycleId == cycleId, _ct);
    }

    private async Task<BrowserLikeClient> SignedInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(email, DemoSeeder.Password, _ct);
        return client;
    }
}

/// <summary>
/// The moment the monitoring page tests run at: 16 November 2026, when the returns for the first two quarters of a
/// contract from 1 April 2026 are due and the third quarter has begun but is not due until 31 January 2027.
/// </summary>
internal static class ContractClock
{
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static WebApplicationFactory<Program> App(CyclePagesFixture fixture) => fixture.Factory.WithClock(new FakeTimeProvider(Now));
}
