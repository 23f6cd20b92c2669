using System.Net;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

public sealed class AddContributionPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_panel_member_adds_input_in_their_own_voice_and_sees_it_in_the_workspace()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var posted = await client.SubmitAsync(CycleUrls.AddContribution(cycleId), new Dictionary<string, string>
        {
            ["Form.Summary"] = "Evening appointments would let me keep my job",
            ["Form.Visibility"] = "Everyone",
            ["Form.Body"] = "I work three days a week.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.StartsWith(CycleUrls.Stage(cycleId), posted.Location);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Equal(fixture.People.Panel, stored.AuthorUserId);
        Assert.Null(stored.RecordedByUserId);
        Assert.Equal(Voice.LivedExperience, stored.Voice);
        Assert.Equal(Channel.Online, stored.Channel);
        Assert.Equal("I work three days a week.", stored.Body);

        var workspace = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Your input was added to needs assessment", workspace.Text);
        Assert.Contains("Evening appointments would let me keep my job", workspace.Text);
        Assert.Contains("Awaiting response", workspace.Text);
    }

    [Fact]
    public async Task A_provider_adds_input_in_a_provider_voice()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        var posted = await client.SubmitAsync(CycleUrls.AddContribution(cycleId, "co-design"), new Dictionary<string, string>
        {
            ["Form.Summary"] = "A step-down flat for people coming home",
            ["Form.Visibility"] = "Everyone",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.CoDesign).Contributions);
        Assert.Equal(Voice.Provider, stored.Voice);
    }

    [Fact]
    public async Task Input_without_a_summary_is_refused_beside_the_field_with_what_was_typed_kept_and_nothing_stored()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var posted = await client.SubmitAsync(CycleUrls.AddContribution(cycleId), new Dictionary<string, string>
        {
            ["Form.Summary"] = "   ",
            ["Form.Visibility"] = "Everyone",
            ["Form.Body"] = "The detail I typed",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.StartsWith("Error:", posted.Document.Title);
        Assert.Contains("Enter a summary of what you want to say", posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Contains("Enter a summary of what you want to say", posted.Document.QuerySelector("#Form_Summary-error")!.TextContent);
        Assert.Equal("The detail I typed", posted.Document.QuerySelector("#Form_Body")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task A_signed_off_stage_refuses_input_and_stores_nothing()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.SignOff(StageKind.NeedsAssessment));
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var page = await client.GetAsync(CycleUrls.AddContribution(cycleId), _ct);
        Assert.Null(page.Document.QuerySelector("main form"));

        var posted = await client.PostCraftedAsync(CycleUrls.AddContribution(cycleId), new Dictionary<string, string>
        {
            ["Form.Summary"] = "Too late for this stage",
            ["Form.Visibility"] = "Everyone",
        }, tokenFromUrl: CycleUrls.Stage(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.StageSignedOff.Message, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task An_observer_is_forbidden_and_a_non_member_is_told_the_page_does_not_exist()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var fields = new Dictionary<string, string> { ["Form.Summary"] = "Let me in" };

        var observer = await fixture.SignedInAsync(CyclePeople.ObserverEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync(CycleUrls.AddContribution(cycleId), _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await observer.PostCraftedAsync(CycleUrls.AddContribution(cycleId), fields, tokenFromUrl: "/", _ct)).Status);

        var outsider = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(CycleUrls.AddContribution(cycleId), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostCraftedAsync(CycleUrls.AddContribution(cycleId), fields, tokenFromUrl: "/", _ct)).Status);

        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task A_stage_that_does_not_exist_is_not_found()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CycleUrls.AddContribution(cycleId, "tendering"), _ct)).Status);
    }
}
