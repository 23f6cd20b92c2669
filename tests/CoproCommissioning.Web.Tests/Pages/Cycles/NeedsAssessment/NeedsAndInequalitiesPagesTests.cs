using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.NeedsAssessment;

public sealed class NeedsAndInequalitiesPagesTests(StageContentFixture fixture) : IClassFixture<StageContentFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_need_is_stored_with_its_priority_and_the_evidence_ticked()
    {
        var cycleId = await fixture.CycleAsync();
        var jsna = await EvidenceAsync(cycleId, "Harbourside JSNA 2025");
        var survey = await EvidenceAsync(cycleId, "Wellbeing survey 2025");
        var client = await fixture.SignedInAsync(StageContentFixture.Champion);

        var form = await client.GetAsync($"/cycles/{cycleId}/needs-assessment/needs/add", _ct);
        Assert.Equal(2, form.Document.QuerySelectorAll("input[name='Form.EvidenceIds']").Length);
        using var content = new FormUrlEncodedContent(
        [
            new("Form.Statement", "Support carries on after people move into their own homes"),
            new("Form.Priority", nameof(NeedPriority.High)),
            new("Form.EvidenceIds", jsna.ToString()),
            new("Form.EvidenceIds", survey.ToString()),
            new("__RequestVerificationToken", form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]);
        using var response = await client.Http.PostAsync($"/cycles/{cycleId}/needs-assessment/needs/add", content, _ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetAsync($"/cycles/{cycleId}/needs-assessment/needs", _ct);
        Assert.Contains("Support carries on after people move into their own homes", list.Text);
        Assert.Contains("Wellbeing survey 2025", list.Text);
        await using var scope = fixture.Db();
        var need = await scope.Context.IdentifiedNeeds.SingleAsync(n => n.CycleId == cycleId, _ct);
        Assert.Equal(NeedPriority.High, need.Priority);
        Assert.Equal(new[] { jsna, survey }.Order(), need.SupportingEvidence.Select(s => s.EvidenceItemId).Order());
    }

    [Fact]
    public async Task A_need_citing_another_cycles_evidence_is_refused_and_stores_nothing()
    {
        var cycleId = await fixture.CycleAsync();
        var elsewhere = await EvidenceAsync(await fixture.CycleAsync(), "Another cycle's evidence");
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await client.PostCraftedAsync($"/cycles/{cycleId}/needs-assessment/needs/add", new Dictionary<string, string>
        {
            ["Form.Statement"] = "Evening support",
            ["Form.Priority"] = nameof(NeedPriority.Medium),
            ["Form.EvidenceIds"] = elsewhere.ToString(),
        }, $"/cycles/{cycleId}/needs-assessment/needs/add", _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Choose evidence from the list", posted.Text);
        Assert.Equal("Evening support", posted.Document.QuerySelector("#Form_Statement")?.TextContent);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.IdentifiedNeeds.AnyAsync(n => n.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task A_need_without_a_statement_or_priority_is_refused_beside_each_field()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await client.SubmitAsync($"/cycles/{cycleId}/needs-assessment/needs/add",
            new Dictionary<string, string> { ["Form.Statement"] = "  " }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(NeedsAssessmentRules.NeedStatementRequired.Message, posted.Document.QuerySelector("#Form_Statement-error")!.TextContent);
        Assert.NotNull(posted.Document.QuerySelector("#Form_Priority-error"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.IdentifiedNeeds.AnyAsync(n => n.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task A_group_affected_by_inequalities_is_stored_and_listed()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await client.SubmitAsync($"/cycles/{cycleId}/needs-assessment/inequalities/add", new Dictionary<string, string>
        {
            ["Form.Group"] = nameof(AffectedGroup.Race),
            ["Form.Description"] = "Black African and Caribbean men",
            ["Form.Inequality"] = "Detained at more than three times the rate of white men.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var list = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Race: Black African and Caribbean men", list.Text);
        Assert.Contains("Protected characteristic", list.Text);
        await using var scope = fixture.Db();
        var group = await scope.Context.InequalityGroups.SingleAsync(g => g.CycleId == cycleId, _ct);
        Assert.Equal(AffectedGroup.Race, group.Group);
    }

    [Fact]
    public async Task Another_group_needs_describing_and_the_answers_are_kept()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await client.SubmitAsync($"/cycles/{cycleId}/needs-assessment/inequalities/add", new Dictionary<string, string>
        {
            ["Form.Group"] = nameof(AffectedGroup.Other),
            ["Form.Inequality"] = "Cannot register with a GP.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(NeedsAssessmentRules.GroupDescriptionRequired.Message, posted.Document.QuerySelector("#Form_Description-error")!.TextContent);
        Assert.NotNull(posted.Document.QuerySelector($"input[name='Form.Group'][value='{nameof(AffectedGroup.Other)}'][checked]"));
        Assert.Equal("Cannot register with a GP.", posted.Document.QuerySelector("#Form_Inequality")?.TextContent);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.InequalityGroups.AnyAsync(g => g.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task A_provider_cannot_add_a_group_or_a_need()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Provider);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment/inequalities", _ct)).Status);
        var group = await client.PostCraftedAsync($"/cycles/{cycleId}/needs-assessment/inequalities/add", new Dictionary<string, string>
        {
            ["Form.Group"] = nameof(AffectedGroup.Carers),
            ["Form.Inequality"] = "Not told about discharge.",
        }, $"/cycles/{cycleId}/needs-assessment/inequalities", _ct);
        var need = await client.PostCraftedAsync($"/cycles/{cycleId}/needs-assessment/needs/add", new Dictionary<string, string>
        {
            ["Form.Statement"] = "A need",
            ["Form.Priority"] = nameof(NeedPriority.Low),
        }, $"/cycles/{cycleId}/needs-assessment/needs", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, group.Status);
        Assert.Equal(HttpStatusCode.Forbidden, need.Status);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.InequalityGroups.AnyAsync(g => g.CycleId == cycleId, _ct));
        Assert.False(await scope.Context.IdentifiedNeeds.AnyAsync(n => n.CycleId == cycleId, _ct));
    }

    private async Task<Guid> EvidenceAsync(Guid cycleId, string source)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.History)
            .SingleAsync(c => c.Id == cycleId, _ct);
        var evidence = Expect.Success(EvidenceItem.Add(cycle, source, EvidenceKind.Survey, "What it shows", null,
            fixture.UserId(StageContentFixture.Commissioner), CycleRole.Commissioner, scope.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        scope.Context.EvidenceItems.Add(evidence);
        await scope.Context.SaveChangesAsync(_ct);
        return evidence.Id;
    }
}
