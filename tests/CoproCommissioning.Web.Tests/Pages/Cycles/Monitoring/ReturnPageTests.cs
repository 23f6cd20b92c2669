using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// Providers' returns: a provider writes, submits and corrects only its own organisation's; the commissioning team reads
/// every party's submitted returns; alliance members read each other's once submitted; nobody else reads any. The
/// contract runs from April 2026, so by the real clock periods 1 to 3 have begun.
/// </summary>
public sealed class ReturnPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string OurEvidence = "Most people were seen by the crisis team within a day.";
    private const string ForumMinutes = "Forum, 12 June: 9 people came. They asked for the leaflet in plain English.";

    // What TestMonitoring.CompleteReturn writes as each outcome's evidence.
    private const string OurEvidenceOfPlantedReturn = "Most people told us they were seen early.";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_provider_starts_saves_and_submits_its_return_and_the_commissioning_team_reads_it()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[1];
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var mine = ReturnsUrls.Mine(monitored.CycleId, period);

        var index = await provider.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);
        var before = await provider.GetAsync(mine, _ct);
        var started = await provider.SubmitAsync(mine, new Dictionary<string, string>(), "main form[action*='handler=Start']", _ct);
        var saved = await provider.SubmitAsync(mine, Answers(monitored, crisis: "Good", kpiValue: "", coProduction: ""), "main form[action*='handler=Save']", _ct);
        var draft = await ReturnOfAsync(monitored, period, People.ProviderOrganisation);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var teamBeforeSubmit = await commissioner.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);
        var draftForTeam = await commissioner.GetAsync(ReturnsUrls.Return(monitored.CycleId, draft.Id), _ct);
        var submitted = await PostReturnAsync(provider, monitored.CycleId, period, "Submit", Answers(monitored, crisis: "Good", enjoy: "Fair", kpiValue: "96.5"));
        var afterSubmit = await provider.FollowRedirectAsync(submitted, _ct);
        var teamList = await commissioner.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);
        var teamRead = await commissioner.GetAsync(ReturnsUrls.Return(monitored.CycleId, draft.Id), _ct);

        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Equal(["period-3", "period-2", "period-1"], index.Document.QuerySelectorAll("main table").Select(t => t.Id ?? "").ToList());
        Assert.Contains("Not started", index.Document.GetElementById("period-2")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Null(before.Document.QuerySelector("main textarea"));
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal(mine, started.Location);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.False(draft.IsSubmitted);
        Assert.Equal(RatingLevel.Good, draft.Latest.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        Assert.Equal(OurEvidence, draft.Latest.RatingFor(TestMonitoring.CrisisOutcome)?.Evidence);
        Assert.Contains("Not submitted", teamBeforeSubmit.Document.GetElementById("period-2")?.TextContent);
        Assert.DoesNotContain(OurEvidence, teamBeforeSubmit.Html);
        Assert.Equal(HttpStatusCode.NotFound, draftForTeam.Status);

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Contains("is submitted", afterSubmit.Document.QuerySelector(".nhsuk-notification-banner")?.TextContent);
        Assert.Null(afterSubmit.Document.QuerySelector("main form[action*='handler=Save']"));
        Assert.NotNull(afterSubmit.Document.QuerySelector("main form[action*='handler=Correct']"));
        Assert.Contains(ForumMinutes, afterSubmit.Text);
        var stored = await ReturnOfAsync(monitored, period, People.ProviderOrganisation);
        Assert.True(stored.IsSubmitted);
        Assert.Equal(People.Provider, stored.Submitted!.SubmittedByUserId);
        Assert.Equal(96.5m, stored.Submitted.ValueFor(monitored.KpiId!.Value)?.Value);
        Assert.Equal(RatingLevel.Fair, stored.Submitted.RatingFor(TestMonitoring.EnjoyOutcome)?.Rating);
        var row = teamList.Document.QuerySelector($"#period-2 tr[data-organisation='{People.ProviderOrganisation}']");
        Assert.Contains("Submitted", row?.TextContent);
        Assert.Contains("by Ruth Bell", row?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row?.QuerySelector($"a[href='{ReturnsUrls.Return(monitored.CycleId, stored.Id)}']"));
        Assert.Equal(HttpStatusCode.OK, teamRead.Status);
        Assert.Contains(OurEvidence, teamRead.Text);
        Assert.Contains("96.5%", teamRead.Text);
    }

    [Fact]
    public async Task Submitting_an_incomplete_return_is_refused_beside_each_answer_with_what_was_typed_kept()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        await StartReturnAsync(monitored, 1);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var longMinutes = string.Join('\n', Enumerable.Repeat(ForumMinutes, 40));

        var refused = await PostReturnAsync(provider, monitored.CycleId, period, "Submit",
            Answers(monitored, crisis: "", enjoy: "Good", enjoyEvidence: "", kpiValue: "ninety", coProduction: "", minutes: longMinutes));
        var tooLong = await PostReturnAsync(provider, monitored.CycleId, period, "Save",
            Answers(monitored, crisis: "Good", evidence: new string('a', ReturnRevision.EvidenceMaxLength + 1)));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Choose a rating for \u201CI can get help before I reach crisis\u201D before you submit the return.",
            ErrorOf(refused, OutcomeField(TestMonitoring.CrisisOutcome, "Rating")));
        Assert.Null(refused.Document.GetElementById($"{OutcomeField(TestMonitoring.CrisisOutcome, "Evidence")}-error"));
        Assert.Contains("Give the evidence for your rating of \u201CI have things to do that I enjoy\u201D", ErrorOf(refused, OutcomeField(TestMonitoring.EnjoyOutcome, "Evidence")));
        Assert.Null(refused.Document.GetElementById($"{OutcomeField(TestMonitoring.EnjoyOutcome, "Rating")}-error"));
        Assert.Contains(ReturnForm.NotANumberMessage, ErrorOf(refused, $"Form_Kpis_{monitored.KpiId}__Value"));
        Assert.DoesNotContain(MonitoringRules.KpiValueRequired(TestMonitoring.KpiName).Message, refused.Html);
        Assert.Contains(MonitoringRules.CoProductionEvidenceRequired.Message, ErrorOf(refused, "Form_CoProductionEvidence"));
        // In the order of the form: the outcomes, then the KPI, then the provider's own evidence.
        var summary = refused.Document.QuerySelectorAll(".nhsuk-error-summary a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Equal(4, summary.Count);
        Assert.Equal(
            new[] { $"#{OutcomeField(TestMonitoring.CrisisOutcome, "Rating")}", $"#{OutcomeField(TestMonitoring.EnjoyOutcome, "Evidence")}" }.Order(StringComparer.Ordinal),
            summary.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal([$"#Form_Kpis_{monitored.KpiId}__Value", "#Form_CoProductionEvidence"], summary.Skip(2));
        Assert.Equal(longMinutes, (refused.Document.GetElementById("Form_ForumMinutes") as IHtmlTextAreaElement)?.Value);
        Assert.Equal(OurEvidence, (refused.Document.GetElementById(OutcomeField(TestMonitoring.CrisisOutcome, "Evidence")) as IHtmlTextAreaElement)?.Value);
        Assert.Equal("ninety", (refused.Document.GetElementById($"Form_Kpis_{monitored.KpiId}__Value") as IHtmlInputElement)?.Value);
        Assert.Equal("Good", refused.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Outcomes[{TestMonitoring.EnjoyOutcome}].Rating']:checked")?.Value);
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains(MonitoringRules.EvidenceTooLong.Message, ErrorOf(tooLong, OutcomeField(TestMonitoring.CrisisOutcome, "Evidence")));

        var stored = await ReturnOfAsync(monitored, period, People.ProviderOrganisation);
        Assert.False(stored.IsSubmitted);
        Assert.Empty(stored.Latest.Ratings);
        Assert.Equal("", stored.Latest.ForumMinutes);
    }

    [Fact]
    public async Task A_submitted_return_is_corrected_by_a_new_revision_with_a_reason_and_the_earlier_revision_is_kept()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Good);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var mine = ReturnsUrls.Mine(monitored.CycleId, period);

        var crafted = await PostReturnAsync(provider, monitored.CycleId, period, "Save", Answers(monitored, crisis: "Poor"));
        var noReason = await provider.SubmitAsync(mine, new Dictionary<string, string> { ["Form.Reason"] = "  " }, "main form[action*='handler=Correct']", _ct);
        var corrected = await provider.SubmitOnAsync(noReason, new Dictionary<string, string> { ["Form.Reason"] = "The KPI figures for June were counted twice." },
            "main form[action*='handler=Correct']", _ct);
        var correcting = await provider.FollowRedirectAsync(corrected, _ct);
        var resubmitted = await PostReturnAsync(provider, monitored.CycleId, period, "Submit", Answers(monitored, crisis: "Fair", kpiValue: "91"));
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var current = await commissioner.GetAsync(ReturnsUrls.Return(monitored.CycleId, returnId), _ct);
        var first = await commissioner.GetAsync(ReturnsUrls.Revision(monitored.CycleId, returnId, 1), _ct);

        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(MonitoringRules.ReturnSubmitted.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains(MonitoringRules.CorrectionReasonRequired.Message, ErrorOf(noReason, "Form_Reason"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Contains("The KPI figures for June were counted twice.", correcting.Document.GetElementById("correction")?.TextContent);
        Assert.Equal("Good", correcting.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating']:checked")?.Value);
        Assert.Equal("96", correcting.Document.GetElementById($"Form_Kpis_{monitored.KpiId}__Value")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);
        // The list says the return came in on time, then when it was corrected: the correction's day alone would make it look late.
        var listed = (await commissioner.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct)).Document
            .QuerySelector($"#period-1 tr[data-organisation='{People.ProviderOrganisation}']");
        Assert.Contains("10 July 2026", listed?.TextContent);
        Assert.Contains($"corrected on {UkTime.Date(DateTimeOffset.UtcNow)}", listed?.QuerySelector("[data-testid=corrected]")?.TextContent);

        var stored = await ReturnAsync(returnId);
        Assert.Equal([1, 2], stored.Revisions.Select(v => v.Number));
        Assert.Equal(RatingLevel.Good, stored.Revisions[0].RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        Assert.Equal(96m, stored.Revisions[0].ValueFor(monitored.KpiId!.Value)?.Value);
        Assert.Equal(RatingLevel.Fair, stored.Submitted!.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        Assert.Equal(2, stored.Submitted.Number);
        Assert.Equal("The KPI figures for June were counted twice.", stored.Submitted.Reason);
        Assert.Contains("The KPI figures for June were counted twice.", current.Document.GetElementById("reason")?.TextContent);
        Assert.Contains("91%", current.Text);
        Assert.NotNull(current.Document.QuerySelector($"#revisions a[href='{ReturnsUrls.Revision(monitored.CycleId, returnId, 1)}']"));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("an earlier revision", first.Document.GetElementById("revision-shown")?.TextContent);
        Assert.Contains("96%", first.Text);
        Assert.DoesNotContain("91%", first.Text);
    }

    [Fact]
    public async Task A_started_correction_is_stopped_and_the_return_stands_as_submitted()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Good);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var mine = ReturnsUrls.Mine(monitored.CycleId, period);
        await provider.SubmitAsync(mine, new Dictionary<string, string> { ["Form.Reason"] = "The KPI figures for June were counted twice." },
            "main form[action*='handler=Correct']", _ct);
        await PostReturnAsync(provider, monitored.CycleId, period, "Save", Answers(monitored, crisis: "Poor"));

        var correcting = await provider.GetAsync(mine, _ct);
        var stopped = await provider.SubmitOnAsync(correcting, new Dictionary<string, string>(), "main form[action*='handler=StopCorrecting']", _ct);
        var after = await provider.FollowRedirectAsync(stopped, _ct);
        var again = await provider.PostCraftedAsync($"{mine}?handler=StopCorrecting",
            new Dictionary<string, string> { ["Form.Version"] = after.Document.QuerySelector<IHtmlInputElement>("main input[name='Form.Version']")?.Value ?? "0" }, mine, _ct);

        Assert.NotNull(correcting.Document.GetElementById("stop-correcting"));
        Assert.Equal(HttpStatusCode.Redirect, stopped.Status);
        Assert.Contains("The return stands as you submitted it.", after.Document.QuerySelector(".nhsuk-notification-banner")?.TextContent);
        Assert.NotNull(after.Document.QuerySelector("main form[action*='handler=Correct']"));
        Assert.Null(after.Document.GetElementById("stop-correcting"));
        Assert.Contains(MonitoringRules.NoCorrectionStarted.Message, again.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        var stored = await ReturnAsync(returnId);
        Assert.Equal([1], stored.Revisions.Select(v => v.Number));
        Assert.False(stored.IsBeingCorrected);
        Assert.Equal(RatingLevel.Good, stored.Submitted!.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
    }

    [Fact]
    public async Task A_percentage_outside_0_to_100_is_refused_beside_its_kpi_with_what_was_typed_kept()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        await StartReturnAsync(monitored, 1);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        var over = await PostReturnAsync(provider, monitored.CycleId, period, "Save", Answers(monitored, kpiValue: "250"));
        var under = await PostReturnAsync(provider, monitored.CycleId, period, "Submit", Answers(monitored, kpiValue: "-3"));

        var message = MonitoringRules.KpiValueNotAPercentage(TestMonitoring.KpiName).Message;
        Assert.Equal(HttpStatusCode.OK, over.Status);
        Assert.Contains(message, ErrorOf(over, $"Form_Kpis_{monitored.KpiId}__Value"));
        Assert.Equal("250", over.Document.GetElementById($"Form_Kpis_{monitored.KpiId}__Value")?.GetAttribute("value"));
        Assert.Contains(message, ErrorOf(under, $"Form_Kpis_{monitored.KpiId}__Value"));
        var stored = await ReturnOfAsync(monitored, period, People.ProviderOrganisation);
        Assert.False(stored.IsSubmitted);
        Assert.Null(stored.Latest.ValueFor(monitored.KpiId!.Value));
    }

    [Fact]
    public async Task A_return_for_a_period_not_yet_ended_is_saved_as_a_draft_but_not_submitted()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var current = (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).PeriodsStillToCome(DateTimeOffset.UtcNow)[0];
        await StartReturnAsync(monitored, current.Number);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var mine = ReturnsUrls.Mine(monitored.CycleId, current.Id);

        var page = await provider.GetAsync(mine, _ct);
        var saved = await PostReturnAsync(provider, monitored.CycleId, current.Id, "Save", Answers(monitored));
        var submitted = await PostReturnAsync(provider, monitored.CycleId, current.Id, "Submit", Answers(monitored));

        Assert.Contains($"This period ends on {UkTime.Date(current.EndsOn)}", page.Document.GetElementById("not-ended")?.TextContent);
        Assert.Null(page.Document.QuerySelector("main button[formaction*='handler=Submit']"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Contains(MonitoringRules.PeriodNotEnded.Message, submitted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        var stored = await ReturnOfAsync(monitored, current.Id, People.ProviderOrganisation);
        Assert.False(stored.IsSubmitted);
        Assert.Equal(RatingLevel.Good, stored.Latest.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
    }

    [Fact]
    public async Task A_period_past_its_due_date_says_so_only_while_a_return_is_missing()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var list = await commissioner.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);

        Assert.DoesNotContain("due date passed", list.Document.QuerySelector("#period-1 caption")?.TextContent);
        Assert.Contains("due date passed", list.Document.QuerySelector("#period-2 caption")?.TextContent);
        Assert.DoesNotContain("now due", list.Html);
    }

    [Fact]
    public async Task Two_tabs_saving_one_return_the_second_is_told_and_keeps_what_was_typed()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        await StartReturnAsync(monitored, 1);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var mine = ReturnsUrls.Mine(monitored.CycleId, period);
        var firstTab = await provider.GetAsync(mine, _ct);
        var secondTab = await provider.GetAsync(mine, _ct);

        var firstSave = await provider.SubmitOnAsync(firstTab, Answers(monitored, crisis: "Good"), "main form[action*='handler=Save']", _ct);
        var secondSave = await provider.SubmitOnAsync(secondTab, Answers(monitored, crisis: "Poor", coProduction: "Written in the second tab"),
            "main form[action*='handler=Save']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, secondSave.Status);
        Assert.Contains(MineModel.ConflictMessage, secondSave.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("Written in the second tab", (secondSave.Document.GetElementById("Form_CoProductionEvidence") as IHtmlTextAreaElement)?.Value);
        Assert.NotNull(secondSave.Document.QuerySelector("#clash a"));
        var stored = await ReturnOfAsync(monitored, period, People.ProviderOrganisation);
        Assert.Equal(RatingLevel.Good, stored.Latest.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        var again = await provider.SubmitOnAsync(secondSave, Answers(monitored, crisis: "Poor", coProduction: "Written in the second tab"),
            "main form[action*='handler=Save']", _ct);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(RatingLevel.Poor, (await ReturnOfAsync(monitored, period, People.ProviderOrganisation)).Latest.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
    }

    [Fact]
    public async Task A_provider_that_is_not_party_to_the_contract_reads_and_changes_no_return()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        var (otherUser, _) = await AddSecondProviderAsync(monitored.CycleId);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, submit: true);
        var before = await ReturnAsync(returnId);
        var other = await fixture.SignedInAsync(DemoProcurementCycle.SanctuaryEmail);
        var mine = ReturnsUrls.Mine(monitored.CycleId, period);

        var index = await other.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);
        var read = await other.GetAsync(ReturnsUrls.Return(monitored.CycleId, returnId), _ct);
        var page = await other.GetAsync(mine, _ct);
        var start = await other.PostCraftedAsync($"{mine}?handler=Start", new Dictionary<string, string>(), mine, _ct);
        var crafted = new Dictionary<string, string>(Answers(monitored, crisis: "Poor"))
        {
            ["returnId"] = returnId.ToString(),
            ["Form.Version"] = before.Version.ToString(CultureInfo.InvariantCulture),
        };
        var handlers = new List<BrowserLikeClient.Page>();
        foreach (var handler in new[] { "Save", "Submit", "Correct" })
        {
            handlers.Add(await other.PostCraftedAsync($"{mine}?handler={handler}&returnId={returnId}", crafted, mine, _ct));
        }

        Assert.NotEqual(People.ProviderOrganisation, await OrganisationOfAsync(otherUser));
        Assert.Contains(MonitoringRules.NotYourContract.Message, index.Document.GetElementById("not-a-party")?.TextContent);
        Assert.DoesNotContain(returnId.ToString(), index.Html);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.Contains(MonitoringRules.NotYourContract.Message, page.Document.GetElementById("not-a-party")?.TextContent);
        Assert.DoesNotContain(OurEvidenceOfPlantedReturn, page.Html);
        Assert.Contains(MonitoringRules.NotYourContract.Message, start.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.All(handlers, refused =>
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(MineModel.StartFirstMessage, refused.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
            Assert.DoesNotContain(OurEvidenceOfPlantedReturn, refused.Html);
        });
        var after = await ReturnAsync(returnId);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Revisions);
        Assert.Equal(1, await ReturnCountAsync(monitored));
    }

    [Fact]
    public async Task Alliance_members_read_each_others_submitted_returns_but_never_a_draft_and_the_panel_reads_none()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        var theirs = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, monitored.SecondProvider!, monitored.SecondOrganisation!.Value, RatingLevel.Stretch);
        var theirDraft = await TestMonitoring.ReturnedAsync(fixture, monitored, 2, monitored.SecondProvider!, monitored.SecondOrganisation!.Value, submit: false);
        var ours = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var observer = await fixture.SignedInAsync(CyclePeople.ObserverEmail);

        var index = await provider.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);
        var readTheirs = await provider.GetAsync(ReturnsUrls.Return(monitored.CycleId, theirs), _ct);
        var readDraft = await provider.GetAsync(ReturnsUrls.Return(monitored.CycleId, theirDraft), _ct);
        var theirMine = await provider.GetAsync(ReturnsUrls.Mine(monitored.CycleId, monitored.PeriodIds[1]), _ct);

        Assert.Contains("Submitted", index.Document.QuerySelector($"#period-1 tr[data-organisation='{monitored.SecondOrganisation}']")?.TextContent);
        Assert.Contains("Not submitted", index.Document.QuerySelector($"#period-2 tr[data-organisation='{monitored.SecondOrganisation}']")?.TextContent);
        Assert.DoesNotContain(theirDraft.ToString(), index.Html);
        Assert.NotNull(index.Document.QuerySelector($"#period-1 a[href='{ReturnsUrls.Return(monitored.CycleId, theirs)}']"));
        Assert.NotNull(index.Document.QuerySelector($"#period-1 a[href='{ReturnsUrls.Mine(monitored.CycleId, monitored.PeriodIds[0])}']"));
        Assert.Equal(HttpStatusCode.OK, readTheirs.Status);
        Assert.Contains("Stretch", readTheirs.Text);
        Assert.Null(readTheirs.Document.QuerySelector($"a[href='{ReturnsUrls.Mine(monitored.CycleId, monitored.PeriodIds[0])}']"));
        Assert.Equal(HttpStatusCode.NotFound, readDraft.Status);
        Assert.Contains("Start your return", theirMine.Text);
        Assert.DoesNotContain(theirDraft.ToString(), theirMine.Html);

        foreach (var outsider in new[] { panel, observer })
        {
            var list = await outsider.GetAsync(MonitoringUrls.Returns(monitored.CycleId), _ct);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.NotNull(list.Document.GetElementById("returns-go-to-the-team"));
            Assert.Null(list.Document.QuerySelector("main table"));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(ReturnsUrls.Return(monitored.CycleId, ours), _ct)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(ReturnsUrls.Mine(monitored.CycleId, monitored.PeriodIds[0]), _ct)).Status);
        }
    }

    [Fact]
    public async Task A_period_or_return_of_another_cycle_is_not_found()
    {
        var here = await TestMonitoring.ContractedAsync(fixture, People);
        var elsewhere = await TestMonitoring.ContractedAsync(fixture, People);
        var theirReturn = await TestMonitoring.ReturnedAsync(fixture, elsewhere, 1, People.Provider, People.ProviderOrganisation);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var mine = ReturnsUrls.Mine(here.CycleId, elsewhere.PeriodIds[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(mine, _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound,
            (await provider.PostCraftedAsync($"{mine}?handler=Start", new Dictionary<string, string>(), ReturnsUrls.Mine(here.CycleId, here.PeriodIds[0]), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(ReturnsUrls.Return(here.CycleId, theirReturn), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync(ReturnsUrls.Return(here.CycleId, theirReturn), _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync(ReturnsUrls.Return(elsewhere.CycleId, theirReturn), _ct)).Status);
        Assert.Equal(0, await ReturnCountAsync(here));
    }

    private static string OutcomeField(Guid outcomeId, string field) => $"Form_Outcomes_{outcomeId}__{field}";

    private static string? ErrorOf(BrowserLikeClient.Page page, string fieldId) => page.Document.GetElementById($"{fieldId}-error")?.TextContent;

    /// <summary>The return form's fields: each outcome's rating and evidence, the KPI's value, and the provider's own evidence.</summary>
    private static Dictionary<string, string> Answers(
        TestMonitoring.Monitored monitored, string crisis = "Good", string enjoy = "Good", string evidence = OurEvidence, string enjoyEvidence = OurEvidence,
        string kpiValue = "96", string coProduction = "The peer forum rewrote the out-of-hours leaflet.", string minutes = ForumMinutes)
    {
        var fields = new Dictionary<string, string>
        {
            [$"Form.Outcomes[{TestMonitoring.CrisisOutcome}].Evidence"] = evidence,
            [$"Form.Outcomes[{TestMonitoring.EnjoyOutcome}].Evidence"] = enjoyEvidence,
            ["Form.CoProductionEvidence"] = coProduction,
            ["Form.ForumMinutes"] = minutes,
            ["Form.Exceptions"] = "",
        };
        if (crisis.Length > 0)
        {
            fields[$"Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating"] = crisis;
        }

        if (enjoy.Length > 0)
        {
            fields[$"Form.Outcomes[{TestMonitoring.EnjoyOutcome}].Rating"] = enjoy;
        }

        if (monitored.KpiId is { } kpi)
        {
            fields[$"Form.Kpis[{kpi}].Value"] = kpiValue;
            fields[$"Form.Kpis[{kpi}].Note"] = "";
        }

        return fields;
    }

    /// <summary>Posts the return form to a handler as its buttons do, with the version the page carries.</summary>
    private async Task<BrowserLikeClient.Page> PostReturnAsync(BrowserLikeClient client, Guid cycleId, Guid periodId, string handler, Dictionary<string, string> fields)
    {
        var url = ReturnsUrls.Mine(cycleId, periodId);
        var page = await client.GetAsync(url, _ct);
        var version = page.Document.QuerySelector<IHtmlInputElement>("main input[name='Form.Version']")?.Value ?? "0";
        return await client.PostCraftedAsync($"{url}?handler={handler}", new Dictionary<string, string>(fields) { ["Form.Version"] = version }, url, _ct);
    }

    /// <summary>The demo provider's return for period <paramref name="periodNumber"/>, started and left empty.</summary>
    private async Task StartReturnAsync(TestMonitoring.Monitored monitored, int periodNumber)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == monitored.CycleId, _ct);
        var monitoring = await scope.Context.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId, _ct);
        var period = monitoring.Periods.Single(p => p.Number == periodNumber);
        scope.Context.ProviderReturns.Add(Expect.Success(ProviderReturn.Start(cycle, monitoring, period.Id, People.ProviderOrganisation, false,
            People.Provider, CycleRole.Provider, new DateTimeOffset(period.EndsOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))));
        await scope.Context.SaveChangesAsync(_ct);
    }

    /// <summary>provider2@ (Harbour Lights Sanctuary) as a provider in the cycle, though not party to its direct award.</summary>
    private async Task<(string UserId, Guid Organisation)> AddSecondProviderAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        var second = await scope.Context.Users.Where(u => u.Email == DemoProcurementCycle.SanctuaryEmail).Select(u => new { u.Id, u.OrganisationId }).SingleAsync(_ct);
        scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycleId, second.Id, CycleRole.Provider, null, second.OrganisationId, null, Moments.Now)));
        await scope.Context.SaveChangesAsync(_ct);
        return (second.Id, second.OrganisationId!.Value);
    }

    private async Task<Guid?> OrganisationOfAsync(string userId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleAsync(_ct);
    }

    private async Task<ProviderReturn> ReturnAsync(Guid returnId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.ProviderReturns.AsNoTracking().SingleAsync(r => r.Id == returnId, _ct);
    }

    private async Task<ProviderReturn> ReturnOfAsync(TestMonitoring.Monitored monitored, Guid periodId, Guid organisationId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.ProviderReturns.AsNoTracking()
            .SingleAsync(r => r.MonitoringId == monitored.MonitoringId && r.PeriodId == periodId && r.OrganisationId == organisationId, _ct);
    }

    private async Task<int> ReturnCountAsync(TestMonitoring.Monitored monitored)
    {
        await using var scope = fixture.Db();
        return await scope.Context.ProviderReturns.CountAsync(r => r.MonitoringId == monitored.MonitoringId, _ct);
    }
}
