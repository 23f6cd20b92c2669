using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

public sealed class RespondPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commissioner_answers_input_and_a_revision_keeps_the_first_answer()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.Respond(cycleId, contributionId);

        var first = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.Adapted),
            ["Form.Explanation"] = "We will ask for support to carry on for at least a year.",
        }, ct: _ct);
        var second = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.Adopted),
            ["Form.Explanation"] = "Support will now carry on for as long as people need it.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        var contribution = (await fixture.LoadCycleAsync(cycleId)).FindContribution(contributionId)!;
        Assert.Equal([1, 2], contribution.Responses.Select(r => r.Revision).Order());
        Assert.Equal(ResponseType.Adopted, contribution.CurrentResponse!.Type);
        Assert.Equal(fixture.People.Commissioner, contribution.CurrentResponse.RespondedByUserId);

        var page = await client.GetAsync(url, _ct);
        Assert.Contains("Responses so far", page.Text);
        Assert.Contains("We will ask for support to carry on for at least a year.", page.Text);
        Assert.Contains("Support will now carry on for as long as people need it.", page.Text);
    }

    [Fact]
    public async Task An_answer_without_a_choice_or_explanation_is_refused_beside_the_fields_and_nothing_is_stored()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await client.SubmitAsync(CycleUrls.Respond(cycleId, contributionId), new Dictionary<string, string>
        {
            ["Form.Explanation"] = "",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Choose whether the input was adopted, adapted or not adopted", posted.Document.QuerySelector("#Form_Type-error")!.TextContent);
        Assert.Contains("Explain in plain words what happened", posted.Document.QuerySelector("#Form_Explanation-error")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).FindContribution(contributionId)!.Responses);
    }

    [Fact]
    public async Task Panel_members_and_providers_cannot_answer_input()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);
        var url = CycleUrls.Respond(cycleId, contributionId);
        var fields = new Dictionary<string, string> { ["Form.Type"] = nameof(ResponseType.Adopted), ["Form.Explanation"] = "Done" };

        foreach (var email in new[] { CyclePeople.PanelEmail, CyclePeople.ProviderEmail })
        {
            var client = await fixture.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url, _ct)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostCraftedAsync(url, fields, tokenFromUrl: "/", _ct)).Status);
        }

        var outsider = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostCraftedAsync(url, fields, tokenFromUrl: "/", _ct)).Status);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).FindContribution(contributionId)!.Responses);
    }

    [Fact]
    public async Task Input_in_a_signed_off_stage_cannot_be_answered_again_until_it_is_reopened()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.SignOff(StageKind.NeedsAssessment));
        var contribution = (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions.Single();
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.PostCraftedAsync(CycleUrls.Respond(cycleId, contribution.Id), new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.NotAdopted),
            ["Form.Explanation"] = "Changed our mind",
            ["Form.SeenRevision"] = "1",
        }, tokenFromUrl: CycleUrls.Respond(cycleId, contribution.Id), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.StageSignedOff.Message, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Single((await fixture.LoadCycleAsync(cycleId)).FindContribution(contribution.Id)!.Responses);
    }

    [Fact]
    public async Task Someone_else_answering_first_is_shown_and_the_typed_answer_is_kept_rather_than_stored_over_it()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.Respond(cycleId, contributionId);
        var form = await client.GetAsync(url, _ct);
        var seen = form.Document.QuerySelector("input[name='Form.SeenRevision']")!.GetAttribute("value")!;

        await fixture.ChangeCycleAsync(cycleId, cycle => Expect.Success(cycle.Respond(contributionId, fixture.People.Champion,
            CycleRole.CoProductionChampion, ResponseType.Adopted, "The champion answered first.", DateTimeOffset.UtcNow)));
        var posted = await client.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.NotAdopted),
            ["Form.Explanation"] = "My answer, typed meanwhile",
            ["Form.SeenRevision"] = seen,
        }, tokenFromUrl: url, _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(ModelStateExtensions.ConcurrencyMessage, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Contains("The champion answered first.", posted.Text);
        Assert.Equal("My answer, typed meanwhile", posted.Document.QuerySelector("#Form_Explanation")!.TextContent);
        Assert.Equal("1", posted.Document.QuerySelector("input[name='Form.SeenRevision']")!.GetAttribute("value"));
        var stored = (await fixture.LoadCycleAsync(cycleId)).FindContribution(contributionId)!;
        Assert.Equal("The champion answered first.", Assert.Single(stored.Responses).Explanation);
    }
}
