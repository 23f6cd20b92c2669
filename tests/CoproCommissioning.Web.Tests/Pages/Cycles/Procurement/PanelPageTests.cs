using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

/// <summary>The evaluation panel pages: adding an evaluator, an evaluator's page, and an evaluator's own declaration.</summary>
public sealed class PanelPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_commissioner_adds_a_panel_member_as_a_lived_experience_evaluator_with_their_criteria()
    {
        var (cycleId, criterionId) = await ProcurementCycleAsync();
        var panelMember = await MembershipIdAsync(cycleId, People.Panel);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var added = await commissioner.SubmitAsync(ProcurementUrls.AddEvaluator(cycleId), new Dictionary<string, string>
        {
            ["Form.MemberId"] = panelMember.ToString(),
            ["Form.Role"] = nameof(EvaluatorRole.LivedExperience),
            ["Form.CriterionIds"] = criterionId.ToString(),
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(ProcurementUrls.Overview(cycleId), added.Location);
        var evaluator = Assert.Single((await ProcurementAsync(cycleId)).Evaluators);
        Assert.Equal(People.Panel, evaluator.UserId);
        Assert.Equal(EvaluatorRole.LivedExperience, evaluator.Role);
        Assert.Equal([criterionId], evaluator.CriterionIds);
    }

    [Fact]
    public async Task Adding_nobody_or_a_role_that_does_not_suit_the_person_is_refused_beside_each_field_with_the_choices_kept()
    {
        var (cycleId, _) = await ProcurementCycleAsync();
        var panelMember = await MembershipIdAsync(cycleId, People.Panel);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.AddEvaluator(cycleId);

        var blank = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), ct: _ct);
        var mismatch = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.MemberId"] = panelMember.ToString(),
            ["Form.Role"] = nameof(EvaluatorRole.Officer),
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(ProcurementRules.EvaluatorNotMember.Message, blank.Document.GetElementById("Form_MemberId-error")?.TextContent);
        Assert.Contains(ProcurementRules.EvaluatorRoleRequired.Message, blank.Document.GetElementById("Form_Role-error")?.TextContent);
        Assert.Contains(ProcurementRules.EvaluatorRoleDoesNotMatch.Message, mismatch.Document.GetElementById("Form_Role-error")?.TextContent);
        Assert.True(Checked(mismatch, "Form.MemberId", panelMember.ToString()));
        Assert.True(Checked(mismatch, "Form.Role", nameof(EvaluatorRole.Officer)));
        Assert.Empty((await ProcurementAsync(cycleId)).Evaluators);
    }

    [Fact]
    public async Task A_provider_is_not_offered_and_a_crafted_post_naming_one_is_refused()
    {
        var (cycleId, _) = await ProcurementCycleAsync();
        var provider = await MembershipIdAsync(cycleId, People.Provider);
        var panelMember = await MembershipIdAsync(cycleId, People.Panel);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.AddEvaluator(cycleId);

        var form = await commissioner.GetAsync(url, _ct);
        var crafted = await commissioner.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.MemberId"] = provider.ToString(),
            ["Form.Role"] = nameof(EvaluatorRole.Officer),
        }, url, _ct);

        var offered = form.Document.QuerySelectorAll<IHtmlInputElement>("input[name='Form.MemberId']").Select(i => i.Value).ToList();
        Assert.Contains(panelMember.ToString(), offered);
        Assert.DoesNotContain(provider.ToString(), offered);
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(ProcurementRules.ProviderCannotEvaluate.Message, crafted.Document.GetElementById("Form_MemberId-error")?.TextContent);
        Assert.Empty((await ProcurementAsync(cycleId)).Evaluators);
    }

    [Fact]
    public async Task Without_a_route_the_add_page_says_so_and_links_to_the_route()
    {
        var cycleId = await CycleAtProcurementAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(ProcurementUrls.AddEvaluator(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='{ProcurementUrls.Route(cycleId)}']"));
        Assert.Null(page.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_panel_member_cannot_reach_the_commissioner_pages_and_a_member_not_on_the_panel_gets_not_found_for_the_declaration()
    {
        var (cycleId, criterionId) = await ProcurementCycleAsync();
        var evaluatorId = await AddEvaluatorAsync(cycleId, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criterionId);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var carer = await fixture.SignedInAsync(CyclePeople.CarerEmail);

        var add = await panel.GetAsync(ProcurementUrls.AddEvaluator(cycleId), _ct);
        var evaluator = await panel.GetAsync(ProcurementUrls.Evaluator(cycleId, evaluatorId), _ct);
        var accept = await panel.PostCraftedAsync($"{ProcurementUrls.Evaluator(cycleId, evaluatorId)}?handler=Accept",
            new Dictionary<string, string>(), ProcurementUrls.Declaration(cycleId), _ct);
        var declaration = await carer.GetAsync(ProcurementUrls.Declaration(cycleId), _ct);
        var ownDeclaration = await panel.GetAsync(ProcurementUrls.Declaration(cycleId), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        Assert.Equal(HttpStatusCode.Forbidden, evaluator.Status);
        Assert.Equal(HttpStatusCode.Forbidden, accept.Status);
        Assert.Equal(HttpStatusCode.NotFound, declaration.Status);
        Assert.Equal(HttpStatusCode.OK, ownDeclaration.Status);
    }

    [Fact]
    public async Task An_evaluator_declares_an_interest_with_restricted_providers_and_the_commissioner_accepts_it()
    {
        var (cycleId, criterionId) = await ProcurementCycleAsync();
        var evaluatorId = await AddEvaluatorAsync(cycleId, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criterionId);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var incomplete = await panel.SubmitAsync(ProcurementUrls.Declaration(cycleId), new Dictionary<string, string>
        {
            ["Form.HasInterest"] = "true",
            ["Form.Action"] = nameof(ConflictAction.RestrictBids),
        }, ct: _ct);
        var declared = await panel.SubmitAsync(ProcurementUrls.Declaration(cycleId), new Dictionary<string, string>
        {
            ["Form.HasInterest"] = "true",
            ["Form.Interest"] = "I volunteered for one of the providers until 2025.",
            ["Form.Action"] = nameof(ConflictAction.RestrictBids),
            ["Form.RestrictedOrganisationIds"] = People.ProviderOrganisation.ToString(),
        }, ct: _ct);
        var shown = await commissioner.GetAsync(ProcurementUrls.Evaluator(cycleId, evaluatorId), _ct);
        var accepted = await commissioner.SubmitAsync(ProcurementUrls.Evaluator(cycleId, evaluatorId), new Dictionary<string, string>(),
            "main form[action*='handler=Accept']", _ct);
        var afterwards = await panel.GetAsync(ProcurementUrls.Declaration(cycleId), _ct);

        Assert.Contains(ProcurementRules.InterestRequired.Message, incomplete.Document.GetElementById("Form_Interest-error")?.TextContent);
        Assert.Contains(ProcurementRules.RestrictedOrganisationsRequired.Message,
            incomplete.Document.GetElementById("Form_RestrictedOrganisationIds-error")?.TextContent);
        Assert.True(Checked(incomplete, "Form.Action", nameof(ConflictAction.RestrictBids)));
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        Assert.Contains("I volunteered for one of the providers until 2025.", shown.Text);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(ProcurementUrls.Evaluator(cycleId, evaluatorId), accepted.Location);
        var evaluator = (await ProcurementAsync(cycleId)).FindEvaluator(evaluatorId)!;
        Assert.True(evaluator.IsDeclarationAccepted);
        Assert.Equal(ConflictAction.RestrictBids, evaluator.Action);
        Assert.Equal([People.ProviderOrganisation], evaluator.RestrictedOrganisationIds);
        Assert.False(evaluator.MayRead(People.ProviderOrganisation));
        Assert.Contains("Yes, on", afterwards.Text);
    }

    [Fact]
    public async Task An_evaluator_id_from_another_cycle_is_not_found()
    {
        var (cycleId, _) = await ProcurementCycleAsync();
        var (otherCycleId, otherCriterion) = await ProcurementCycleAsync();
        var otherEvaluator = await AddEvaluatorAsync(otherCycleId, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, otherCriterion);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var crafted = ProcurementUrls.Evaluator(cycleId, otherEvaluator);

        var get = await commissioner.GetAsync(crafted, _ct);
        var remove = await commissioner.PostCraftedAsync($"{crafted}?handler=Remove", new Dictionary<string, string>(),
            ProcurementUrls.AddEvaluator(cycleId), _ct);

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
        Assert.NotNull((await ProcurementAsync(otherCycleId)).FindEvaluator(otherEvaluator));
    }

    [Fact]
    public async Task A_briefing_dated_in_the_future_is_refused_beside_the_date_with_what_was_typed_kept()
    {
        var (cycleId, criterionId) = await ProcurementCycleAsync();
        var evaluatorId = await AddEvaluatorAsync(cycleId, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criterionId);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var url = ProcurementUrls.Evaluator(cycleId, evaluatorId);

        var refused = await commissioner.SubmitAsync(url, Briefing(future, "Sam Green, Recovery College"), "main form[action*='handler=Briefing']", _ct);
        var recorded = await commissioner.SubmitAsync(url, Briefing(future.AddDays(-20), "Sam Green, Recovery College"),
            "main form[action*='handler=Briefing']", _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ProcurementRules.BriefedOnInFuture.Message, refused.Document.GetElementById("Briefing_BriefedOn-error")?.TextContent);
        Assert.Equal(future.Day.ToString(CultureInfo.InvariantCulture), (refused.Document.GetElementById("Briefing_BriefedOn") as IHtmlInputElement)?.Value);
        Assert.Equal("Sam Green, Recovery College", (refused.Document.GetElementById("Briefing_BriefedBy") as IHtmlInputElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var evaluator = (await ProcurementAsync(cycleId)).FindEvaluator(evaluatorId)!;
        Assert.Equal(future.AddDays(-20), evaluator.BriefedOn);
        Assert.Equal("Sam Green, Recovery College", evaluator.BriefedBy);
    }

    [Fact]
    public async Task A_commissioner_changes_an_evaluators_criteria_and_removes_them_before_bidding_opens()
    {
        var (cycleId, criterionId) = await ProcurementCycleAsync();
        var evaluatorId = await AddEvaluatorAsync(cycleId, People.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Evaluator(cycleId, evaluatorId);

        var assigned = await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["Assign.CriterionIds"] = criterionId.ToString() },
            "main form[action*='handler=Criteria']", _ct);
        var criteria = (await ProcurementAsync(cycleId)).FindEvaluator(evaluatorId)!.CriterionIds;
        var removed = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=Remove']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        Assert.Equal([criterionId], criteria);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(ProcurementUrls.Overview(cycleId), removed.Location);
        Assert.Null((await ProcurementAsync(cycleId)).FindEvaluator(evaluatorId));
    }

    private static Dictionary<string, string> Briefing(DateOnly on, string by) => new()
    {
        ["Briefing.BriefedOn.Day"] = on.Day.ToString(CultureInfo.InvariantCulture),
        ["Briefing.BriefedOn.Month"] = on.Month.ToString(CultureInfo.InvariantCulture),
        ["Briefing.BriefedOn.Year"] = on.Year.ToString(CultureInfo.InvariantCulture),
        ["Briefing.BriefedBy"] = by,
    };

    private static bool Checked(BrowserLikeClient.Page page, string name, string value) =>
        page.Document.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Any(i => i.Value == value && i.IsChecked);

    /// <summary>A cycle at its procurement stage with the demo accounts as members, and no procurement yet.</summary>
    private async Task<Guid> CycleAtProcurementAsync()
    {
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in People.Memberships())
        {
            scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }

        await scope.Context.SaveChangesAsync(_ct);
        return cycle.Id;
    }

    /// <summary>A cycle whose procurement follows the Competitive Process, with one scored criterion.</summary>
    private async Task<(Guid CycleId, Guid CriterionId)> ProcurementCycleAsync()
    {
        var cycleId = await CycleAtProcurementAsync();
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        var procurement = Expect.Success(CycleProcurement.Start(cycle, Competitive, People.Commissioner, CycleRole.Commissioner, Moments.Now));
        var criterion = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 20,
                IsCoProduction: true),
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Moments.Now));
        scope.Context.Procurements.Add(procurement);
        await scope.Context.SaveChangesAsync(_ct);
        return (cycleId, criterion.Id);
    }

    private async Task<Guid> AddEvaluatorAsync(Guid cycleId, string userId, CycleRole memberRole, EvaluatorRole role, params Guid[] criteria)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        var procurement = await scope.Context.Procurements.SingleAsync(p => p.CycleId == cycleId, _ct);
        var evaluator = Expect.Success(procurement.AddEvaluator(cycle, userId, memberRole, role, criteria, People.Commissioner, CycleRole.Commissioner,
            Moments.Now));
        await scope.Context.SaveChangesAsync(_ct);
        return evaluator.Id;
    }

    private async Task<CycleProcurement> ProcurementAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Procurements.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CycleId == cycleId, _ct);
    }

    private async Task<Guid> MembershipIdAsync(Guid cycleId, string userId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Memberships.Where(m => m.CycleId == cycleId && m.UserId == userId).Select(m => m.Id).SingleAsync(_ct);
    }
}
