using System.Net;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Tests.Pages.Cycles.NeedsAssessment;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.CoDesign;

public sealed class ProposalPagesTests(StageContentFixture fixture) : IClassFixture<StageContentFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Proposal(string title = "Step-down flats with peer support") => new()
    {
        ["Form.Title"] = title,
        ["Form.Summary"] = "Six flats near the high street with peer support around the clock.",
        ["Form.ProposedModel"] = "Peer workers and a rehabilitation nurse on site.\nUp to 12 weeks' stay.",
    };

    [Fact]
    public async Task A_provider_submits_a_proposal_for_its_organisation()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var provider = await fixture.SignedInAsync(StageContentFixture.Provider);

        var form = await provider.GetAsync($"/cycles/{cycleId}/co-design/proposals/submit", _ct);
        Assert.Contains("You are submitting for Harbour Peer Support", form.Text);
        var posted = await provider.SubmitAsync($"/cycles/{cycleId}/co-design/proposals/submit", Proposal(), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var page = await provider.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Your proposal was submitted.", page.Text);
        Assert.Contains("Proposal from Harbour Peer Support", page.Text);
        Assert.Contains("Up to 12 weeks' stay.", page.Text);
        await using var scope = fixture.Db();
        var stored = await scope.Context.ProviderProposals.SingleAsync(p => p.CycleId == cycleId, _ct);
        Assert.Equal(fixture.ProviderOrganisationId, stored.OrganisationId);
        Assert.Equal(fixture.UserId(StageContentFixture.Provider), stored.SubmittedByUserId);
        Assert.Equal("Step-down flats with peer support", stored.Title);
    }

    [Fact]
    public async Task An_incomplete_proposal_is_refused_with_what_was_typed_kept_and_nothing_stored()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var provider = await fixture.SignedInAsync(StageContentFixture.Provider);

        var posted = await provider.SubmitAsync($"/cycles/{cycleId}/co-design/proposals/submit", new Dictionary<string, string>
        {
            ["Form.Title"] = "Step-down flats",
            ["Form.Summary"] = "",
            ["Form.ProposedModel"] = new string('m', ProviderProposal.ProposedModelMaxLength + 1),
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CoDesignRules.ProposalSummaryRequired.Message, posted.Document.QuerySelector("#Form_Summary-error")!.TextContent);
        Assert.Contains(CoDesignRules.ProposalModelTooLong.Message, posted.Document.QuerySelector("#Form_ProposedModel-error")!.TextContent);
        Assert.Equal("Step-down flats", posted.Document.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Equal(ProviderProposal.ProposedModelMaxLength + 1, posted.Document.QuerySelector("#Form_ProposedModel")?.TextContent.Length);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.ProviderProposals.AnyAsync(p => p.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task Another_provider_can_neither_list_nor_open_nor_change_the_proposal()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var proposalId = await SubmitAsync(cycleId);
        var other = await fixture.SignedInAsync(StageContentFixture.OtherProvider);

        var list = await other.GetAsync($"/cycles/{cycleId}/co-design/proposals", _ct);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain("Step-down flats with peer support", list.Text);
        Assert.DoesNotContain("Harbour Peer Support", list.Text);
        Assert.Contains("No proposals have been submitted yet.", list.Text);
        var hub = await other.GetAsync($"/cycles/{cycleId}/co-design", _ct);
        Assert.Contains("0 proposals", hub.Text);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cycles/{cycleId}/co-design/proposals/{proposalId}", _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cycles/{cycleId}/co-design/proposals/{proposalId}/edit", _ct)).Status);
        var crafted = await other.PostCraftedAsync($"/cycles/{cycleId}/co-design/proposals/{proposalId}/edit",
            new Dictionary<string, string>(Proposal("Taken over")) { ["Form.Version"] = "0" }, $"/cycles/{cycleId}/co-design/proposals", _ct);
        Assert.Equal(HttpStatusCode.NotFound, crafted.Status);

        await using var scope = fixture.Db();
        Assert.Equal("Step-down flats with peer support", (await scope.Context.ProviderProposals.SingleAsync(p => p.Id == proposalId, _ct)).Title);
    }

    [Theory]
    [InlineData(StageContentFixture.Panel)]
    [InlineData(StageContentFixture.Commissioner)]
    [InlineData(StageContentFixture.Champion)]
    [InlineData(StageContentFixture.Clinician)]
    [InlineData(StageContentFixture.ProviderColleague)]
    public async Task The_panel_staff_clinical_advisers_and_the_providers_own_colleagues_see_it(string email)
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var proposalId = await SubmitAsync(cycleId);
        var client = await fixture.SignedInAsync(email);

        var list = await client.GetAsync($"/cycles/{cycleId}/co-design/proposals", _ct);
        var details = await client.GetAsync($"/cycles/{cycleId}/co-design/proposals/{proposalId}", _ct);

        Assert.Contains("Step-down flats with peer support", list.Text);
        Assert.Contains("Harbour Peer Support", list.Text);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("Peer workers and a rehabilitation nurse on site.", details.Text);
    }

    [Fact]
    public async Task An_observer_cannot_see_proposals()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var proposalId = await SubmitAsync(cycleId);
        var observer = await fixture.SignedInAsync(StageContentFixture.Observer);

        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"/cycles/{cycleId}/co-design/proposals", _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"/cycles/{cycleId}/co-design/proposals/{proposalId}", _ct)).Status);
    }

    [Fact]
    public async Task Only_providers_submit_proposals()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var panel = await fixture.SignedInAsync(StageContentFixture.Panel);

        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync($"/cycles/{cycleId}/co-design/proposals/submit", _ct)).Status);
        var crafted = await panel.PostCraftedAsync($"/cycles/{cycleId}/co-design/proposals/submit", Proposal(),
            $"/cycles/{cycleId}/co-design/proposals", _ct);
        var observer = await fixture.SignedInAsync(StageContentFixture.Observer);
        var byObserver = await observer.PostCraftedAsync($"/cycles/{cycleId}/co-design/proposals/submit", Proposal(),
            $"/cycles/{cycleId}/co-design", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, crafted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byObserver.Status);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.ProviderProposals.AnyAsync(p => p.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task Someone_outside_the_cycle_gets_not_found()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var proposalId = await SubmitAsync(cycleId);
        var outsider = await fixture.SignedInAsync(StageContentFixture.Outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/cycles/{cycleId}/co-design/proposals", _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/cycles/{cycleId}/co-design/proposals/{proposalId}", _ct)).Status);
    }

    [Fact]
    public async Task A_proposal_cannot_be_submitted_or_changed_once_co_design_is_signed_off()
    {
        var cycleId = await fixture.CycleAsync(StageKind.Specification);
        var provider = await fixture.SignedInAsync(StageContentFixture.Provider);

        var posted = await provider.SubmitAsync($"/cycles/{cycleId}/co-design/proposals/submit", Proposal(), ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.StageSignedOff.Message, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Equal("Step-down flats with peer support", posted.Document.QuerySelector("#Form_Title")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.ProviderProposals.AnyAsync(p => p.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task Two_colleagues_editing_at_once_the_second_is_told_and_keeps_what_they_typed()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var proposalId = await SubmitAsync(cycleId);
        var editUrl = $"/cycles/{cycleId}/co-design/proposals/{proposalId}/edit";
        var ruth = await fixture.SignedInAsync(StageContentFixture.Provider);
        var sam = await fixture.SignedInAsync(StageContentFixture.ProviderColleague);

        var ruthsForm = await ruth.GetAsync(editUrl, _ct);
        var ruthsVersion = ruthsForm.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var samsSave = await sam.SubmitAsync(editUrl, Proposal("Step-down flats and a peer-run drop-in"), ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, samsSave.Status);

        var ruthsSave = await ruth.PostCraftedAsync(editUrl,
            new Dictionary<string, string>(Proposal("Eight step-down flats")) { ["Form.Version"] = ruthsVersion }, editUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, ruthsSave.Status);
        Assert.Contains("Someone changed this proposal while you were editing", ruthsSave.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Equal("Eight step-down flats", ruthsSave.Document.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Contains("Step-down flats and a peer-run drop-in", ruthsSave.Document.QuerySelector(".nhsuk-inset-text")!.TextContent);
        await using (var scope = fixture.Db())
        {
            Assert.Equal("Step-down flats and a peer-run drop-in", (await scope.Context.ProviderProposals.SingleAsync(p => p.Id == proposalId, _ct)).Title);
        }

        // Having seen the latest version, saving again is a deliberate choice and goes through.
        var newVersion = ruthsSave.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        Assert.NotEqual(ruthsVersion, newVersion);
        var again = await ruth.PostCraftedAsync(editUrl,
            new Dictionary<string, string>(Proposal("Eight step-down flats")) { ["Form.Version"] = newVersion }, editUrl, _ct);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        await using var check = fixture.Db();
        var saved = await check.Context.ProviderProposals.SingleAsync(p => p.Id == proposalId, _ct);
        Assert.Equal("Eight step-down flats", saved.Title);
        Assert.Equal(fixture.UserId(StageContentFixture.Provider), saved.LastChangedByUserId);
    }

    private async Task<Guid> SubmitAsync(Guid cycleId)
    {
        var provider = await fixture.SignedInAsync(StageContentFixture.Provider);
        var posted = await provider.SubmitAsync($"/cycles/{cycleId}/co-design/proposals/submit", Proposal(), ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        return Guid.Parse(posted.Location!.Split('/')[^1]);
    }
}
