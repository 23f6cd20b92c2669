using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

public sealed class RouteAndCriteriaPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commissioner_records_the_route_after_being_told_beside_each_field_what_is_missing()
    {
        var cycleId = await AtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Route(cycleId);

        var blank = await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["Form.Reason"] = "  " }, ct: _ct);
        var refused = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Regime"] = nameof(ProcurementRegime.ProviderSelectionRegime),
            ["Form.ExistingProvider"] = "true",
            ["Form.OnlyCapableProvider"] = "true",
            ["Form.Route"] = nameof(ProcurementRoute.CompetitiveProcess),
            ["Form.Reason"] = "We want to test the market.",
        }, ct: _ct);
        var recorded = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Regime"] = nameof(ProcurementRegime.ProviderSelectionRegime),
            ["Form.ExistingProvider"] = "false",
            ["Form.UnrestrictedChoice"] = "false",
            ["Form.Route"] = nameof(ProcurementRoute.CompetitiveProcess),
            ["Form.Reason"] = "Three providers said they could run it.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(ProcurementRules.RegimeRequired.Message, blank.Document.QuerySelector("#Form_Regime-error")!.TextContent);
        Assert.Contains(ProcurementRules.RouteRequired.Message, blank.Document.QuerySelector("#Form_Route-error")!.TextContent);
        Assert.Contains(ProcurementRules.ReasonRequired.Message, blank.Document.QuerySelector("#Form_Reason-error")!.TextContent);
        Assert.Contains(ProcurementRules.ProcessAMandatory.Message, refused.Document.QuerySelector("#Form_Route-error")!.TextContent);
        Assert.Equal("We want to test the market.", refused.Document.QuerySelector("#Form_Reason")!.TextContent.Trim());
        Assert.Contains("Direct Award Process A", refused.Document.QuerySelector("#suggested-route")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(ProcurementUrls.Overview(cycleId), recorded.Location);

        var procurement = await LoadAsync(cycleId);
        Assert.Equal((ProcurementRoute.CompetitiveProcess, "Three providers said they could run it."), (procurement!.Route, procurement.RouteReason));
        Assert.Equal(new RouteQuestions(false, null, false, null), procurement.Answers);
        var overview = await commissioner.FollowRedirectAsync(recorded, _ct);
        Assert.Contains("Route recorded: the Competitive Process.", overview.Text);
        Assert.Contains("Competitive Process", overview.Document.QuerySelector("#route + dl")!.TextContent);
    }

    [Fact]
    public async Task The_key_criteria_start_the_list_at_100_percent_and_what_still_stops_bidding_is_listed()
    {
        var cycleId = await AtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        await RecordCompetitiveRouteAsync(commissioner, cycleId);

        var started = await commissioner.SubmitAsync(ProcurementUrls.Overview(cycleId), new Dictionary<string, string>(), "form[action*='StartingSet']", _ct);
        var overview = await commissioner.FollowRedirectAsync(started, _ct);

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal("100%", overview.Document.QuerySelector("#weight-total")!.TextContent.Trim());
        var coProduction = overview.Document.QuerySelectorAll("#criteria + table tbody tr").Single(r => r.TextContent.Contains("(co-production)", StringComparison.Ordinal));
        Assert.Contains("Keeping people involved in the service", coProduction.TextContent);
        var blockers = overview.Document.QuerySelector("#bidding-blockers")!.TextContent;
        Assert.Contains(ProcurementRules.LivedExperienceEvaluatorRequired.Message, blockers);
        Assert.Contains(ProcurementRules.CriterionWithoutEvaluator.Message, blockers);
        Assert.Equal(6, (await LoadAsync(cycleId))!.Criteria.Count);
    }

    [Fact]
    public async Task Only_commissioners_set_up_the_procurement_and_providers_are_not_shown_the_panel()
    {
        var cycleId = await AtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        await RecordCompetitiveRouteAsync(commissioner, cycleId);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync(ProcurementUrls.Route(cycleId), _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.PostCraftedAsync($"{ProcurementUrls.Overview(cycleId)}?handler=StartingSet",
            new Dictionary<string, string>(), ProcurementUrls.Overview(cycleId), _ct)).Status);
        var seenByProvider = await provider.GetAsync(ProcurementUrls.Overview(cycleId), _ct);
        var seenByPanel = await panel.GetAsync(ProcurementUrls.Overview(cycleId), _ct);

        Assert.Null(seenByProvider.Document.QuerySelector("#panel"));
        Assert.Contains("Competitive Process", seenByProvider.Text);
        Assert.NotNull(seenByPanel.Document.QuerySelector("#panel"));
        Assert.Null(seenByPanel.Document.QuerySelector("form[action*='StartingSet']"));
        Assert.Empty((await LoadAsync(cycleId))!.Criteria);
    }

    [Fact]
    public async Task The_procurement_stage_cannot_be_signed_off_without_a_route_and_the_sign_off_page_says_where_to_record_it()
    {
        var cycleId = await AtProcurementAsync(ready: true);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var signOff = CycleUrls.SignOff(cycleId, "procurement");

        var page = await commissioner.GetAsync(signOff, _ct);
        var crafted = await commissioner.PostCraftedAsync(signOff, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Procurement agreed",
            ["Form.Version"] = (await fixture.LoadCycleAsync(cycleId)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, signOff, _ct);

        var blocker = Assert.Single(page.Document.QuerySelectorAll("ol.nhsuk-list--number > li"));
        Assert.Contains(ProcurementRules.RouteNotRecorded.Message, blocker.TextContent);
        Assert.Equal(ProcurementUrls.Route(cycleId), blocker.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.False((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.Procurement).IsSignedOff);
    }

    [Fact]
    public async Task A_criterion_is_added_with_the_input_that_shaped_it_and_a_weight_that_cannot_be_read_is_shown_back()
    {
        Guid said = default;
        var cycleId = await AtProcurementAsync(shaping: c => said = c.FromPanel(StageKind.CoDesign, "Peer workers who have been there").Id);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        await RecordCompetitiveRouteAsync(commissioner, cycleId);
        var url = ProcurementUrls.AddCriterion(cycleId);
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Peer support",
            ["Form.Description"] = "How people with lived experience will be employed as peer workers.",
            ["Form.Kind"] = nameof(CriterionKind.Scored),
            ["Form.Weight"] = "fifteen",
            ["Form.ShapedBy"] = said.ToString(),
        };

        var unreadable = await commissioner.SubmitAsync(url, fields, ct: _ct);
        var crafted = await commissioner.PostCraftedAsync(url, new Dictionary<string, string>(fields) { ["Form.Weight"] = "15", ["Form.ShapedBy"] = Guid.CreateVersion7().ToString() }, url, _ct);
        var added = await commissioner.SubmitAsync(url, new Dictionary<string, string>(fields) { ["Form.Weight"] = "15%" }, ct: _ct);

        Assert.Equal("Enter the weight as a whole number of per cent, for example 15.", unreadable.Document.QuerySelector("#Form_Weight-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal("fifteen", unreadable.Document.QuerySelector("#Form_Weight")!.GetAttribute("value"));
        Assert.Contains(ProcurementRules.ContributionNotInCycle.Message, crafted.Text);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var criterion = Assert.Single((await LoadAsync(cycleId))!.Criteria);
        Assert.Equal(("Peer support", 15, said), (criterion.Name, criterion.Weight, Assert.Single(criterion.ShapedBy)));
    }

    [Fact]
    public async Task A_criterion_is_changed_and_removed_and_one_from_another_cycle_is_not_found()
    {
        var cycleId = await AtProcurementAsync();
        var otherCycle = await AtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        await RecordCompetitiveRouteAsync(commissioner, cycleId);
        await RecordCompetitiveRouteAsync(commissioner, otherCycle);
        await commissioner.SubmitAsync(ProcurementUrls.Overview(otherCycle), new Dictionary<string, string>(), "form[action*='StartingSet']", _ct);
        await commissioner.SubmitAsync(ProcurementUrls.AddCriterion(cycleId), new Dictionary<string, string>
        {
            ["Form.Name"] = "Peer support",
            ["Form.Description"] = "Peer workers.",
            ["Form.Kind"] = nameof(CriterionKind.Scored),
            ["Form.Weight"] = "15",
        }, ct: _ct);
        var criterionId = (await LoadAsync(cycleId))!.Criteria.Single().Id;
        var elsewhere = (await LoadAsync(otherCycle))!.Criteria[0].Id;

        var changed = await commissioner.SubmitAsync(ProcurementUrls.Criterion(cycleId, criterionId), new Dictionary<string, string>
        {
            ["Form.Name"] = "Peer support and recovery",
            ["Form.Description"] = "Peer workers.",
            ["Form.Kind"] = nameof(CriterionKind.Scored),
            ["Form.Weight"] = "20",
        }, "main form:not([action*='Remove'])", _ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(("Peer support and recovery", 20), ((await LoadAsync(cycleId))!.Criteria[0].Name, (await LoadAsync(cycleId))!.Criteria[0].Weight));
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync(ProcurementUrls.Criterion(cycleId, elsewhere), _ct)).Status);

        var removed = await commissioner.SubmitAsync(ProcurementUrls.Criterion(cycleId, criterionId), new Dictionary<string, string>(), "form[action*='Remove']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Empty((await LoadAsync(cycleId))!.Criteria);
        Assert.Equal(6, (await LoadAsync(otherCycle))!.Criteria.Count);
    }

    [Fact]
    public async Task The_scale_is_rewritten_score_by_score_and_a_blank_description_is_refused_beside_it()
    {
        var cycleId = await AtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        await RecordCompetitiveRouteAsync(commissioner, cycleId);
        var url = ProcurementUrls.Scale(cycleId);

        var page = await commissioner.GetAsync(url, _ct);
        var longer = await commissioner.PostCraftedAsync($"{url}?handler=AddScore", new Dictionary<string, string>
        {
            ["Form.Levels[0]"] = "No answer",
            ["Form.Levels[1]"] = "Some evidence",
        }, url, _ct);
        var blank = await commissioner.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.Levels[0]"] = "No answer",
            ["Form.Levels[1]"] = " ",
            ["Form.Levels[2]"] = "Strong evidence",
        }, url, _ct);
        var saved = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Levels[0]"] = "No answer",
            ["Form.Levels[1]"] = "Some evidence",
            ["Form.Levels[2]"] = "Strong evidence",
        }, ct: _ct);

        Assert.Equal(5, page.Document.QuerySelectorAll("textarea[name^='Form.Levels']").Length);
        Assert.Equal(3, longer.Document.QuerySelectorAll("textarea[name^='Form.Levels']").Length);
        Assert.Contains(ProcurementRules.ScoreDescriptionRequired.Message, blank.Document.QuerySelector("#Form_Levels_1_-error")!.TextContent);
        Assert.Equal("Strong evidence", blank.Document.QuerySelector("#Form_Levels_2_")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["No answer", "Some evidence", "Strong evidence"], (await LoadAsync(cycleId))!.Scale.OrderBy(l => l.Score).Select(l => l.Description));
    }

    [Fact]
    public async Task Under_the_Procurement_Act_the_conflicts_assessment_is_recorded_on_the_overview()
    {
        var cycleId = await AtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        await commissioner.SubmitAsync(ProcurementUrls.Route(cycleId), new Dictionary<string, string>
        {
            ["Form.Regime"] = nameof(ProcurementRegime.ProcurementAct2023),
            ["Form.Route"] = nameof(ProcurementRoute.OpenProcedure),
            ["Form.Reason"] = "The service is not health care.",
        }, ct: _ct);
        var overview = ProcurementUrls.Overview(cycleId);

        var blank = await commissioner.SubmitAsync(overview, new Dictionary<string, string> { ["Assessment.ConflictsAssessment"] = "" },
            "form[action*='ConflictsAssessment']", _ct);
        var recorded = await commissioner.SubmitAsync(overview, new Dictionary<string, string>
        {
            ["Assessment.ConflictsAssessment"] = "No officer on the panel has links to the bidders.",
        }, "form[action*='ConflictsAssessment']", _ct);

        Assert.Contains(ProcurementRules.ConflictsAssessmentRequired.Message, blank.Document.QuerySelector("#Assessment_ConflictsAssessment-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal("No officer on the panel has links to the bidders.", (await LoadAsync(cycleId))!.ConflictsAssessment);
        Assert.DoesNotContain(ProcurementRules.AssessmentBeforeBidding.Message,
            (await commissioner.GetAsync(overview, _ct)).Document.QuerySelector("#bidding-blockers")!.TextContent);
    }

    private async Task RecordCompetitiveRouteAsync(BrowserLikeClient commissioner, Guid cycleId)
    {
        var recorded = await commissioner.SubmitAsync(ProcurementUrls.Route(cycleId), new Dictionary<string, string>
        {
            ["Form.Regime"] = nameof(ProcurementRegime.ProviderSelectionRegime),
            ["Form.ExistingProvider"] = "false",
            ["Form.UnrestrictedChoice"] = "false",
            ["Form.Route"] = nameof(ProcurementRoute.CompetitiveProcess),
            ["Form.Reason"] = "Three providers said they could run it.",
        }, ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
    }

    /// <summary>A cycle whose first three stages are signed off, so procurement is open; ready: its input answered too.</summary>
    private Task<Guid> AtProcurementAsync(bool ready = false, Action<CycleArranger>? shaping = null) => fixture.CreateCycleAsync(c =>
    {
        c.SignOff(StageKind.NeedsAssessment);
        shaping?.Invoke(c);
        if (shaping is not null)
        {
            c.Respond(c.Cycle.StageOf(StageKind.CoDesign).Contributions[^1]);
        }

        c.SignOff(StageKind.CoDesign);
        c.Respond(c.FromPanel(StageKind.Specification, "Evenings matter"));
        // The page tests of the specification cover its approval; here it stands approved.
        Expect.Success(c.Cycle.SignOff(StageKind.Specification, c.People.Commissioner, CycleRole.Commissioner, "Agreed", c.Next(), stageConditions: []));
        if (ready)
        {
            c.ReadyToSignOff(StageKind.Procurement);
        }
    });

    private async Task<CycleProcurement?> LoadAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.CycleId == cycleId, _ct);
    }
}
