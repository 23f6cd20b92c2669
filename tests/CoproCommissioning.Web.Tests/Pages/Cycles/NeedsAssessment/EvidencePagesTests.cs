using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.NeedsAssessment;

public sealed class EvidencePagesTests(StageContentFixture fixture) : IClassFixture<StageContentFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Dictionary<string, string> ValidEvidence(string source = "Harbourside JSNA 2025") => new()
    {
        ["Form.Source"] = source,
        ["Form.Kind"] = nameof(EvidenceKind.Jsna),
        ["Form.Summary"] = "Rates of severe mental illness in the Docks ward are twice the borough average.",
        ["Form.Link"] = "https://www.harbourside.gov.uk/jsna",
    };

    [Fact]
    public async Task A_commissioner_adds_evidence_and_sees_it_listed()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await client.SubmitAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", ValidEvidence(), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal($"/cycles/{cycleId}/needs-assessment/evidence", posted.Location);
        var list = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Evidence added: Harbourside JSNA 2025.", list.Text);
        Assert.Contains("Joint strategic needs assessment (JSNA)", list.Text);
        Assert.Contains("Priya Commissioner (you)", list.Text);

        await using var scope = fixture.Db();
        var stored = await scope.Context.EvidenceItems.SingleAsync(e => e.CycleId == cycleId, _ct);
        Assert.Equal("Harbourside JSNA 2025", stored.Source);
        Assert.Equal(EvidenceKind.Jsna, stored.Kind);
        Assert.Equal("https://www.harbourside.gov.uk/jsna", stored.Link);
        Assert.Equal(fixture.UserId(StageContentFixture.Commissioner), stored.AddedByUserId);

        // The audit trail records who added it, and that the summary was set without keeping its words.
        var audit = await scope.Context.AuditEvents.SingleAsync(a => a.EntityType == nameof(EvidenceItem) && a.EntityId == stored.Id.ToString(), _ct);
        Assert.Equal(AuditAction.Inserted, audit.Action);
        Assert.Equal(fixture.UserId(StageContentFixture.Commissioner), audit.UserId);
        Assert.DoesNotContain("Docks ward", audit.Changes);

        var details = await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence/{stored.Id}", _ct);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Equal("https://www.harbourside.gov.uk/jsna", details.Document.QuerySelector("a[rel~=noopener]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Evidence_posted_after_the_stage_was_signed_off_meanwhile_is_refused_in_plain_words_with_what_was_typed_kept()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);
        var url = $"/cycles/{cycleId}/needs-assessment/evidence/add";
        var form = await client.GetAsync(url, _ct);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotNull(form.Document.QuerySelector("input[name='Form.Source']"));

        await using (var scope = fixture.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            var input = Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment, fixture.UserId(StageContentFixture.Panel),
                CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, "Support stops when I move home", "", DateTimeOffset.UtcNow));
            Expect.Success(cycle.Respond(input.Id, fixture.UserId(StageContentFixture.Commissioner), CycleRole.Commissioner,
                ResponseType.Adopted, "We made it a priority need.", DateTimeOffset.UtcNow));
            Expect.Success(cycle.SignOff(StageKind.NeedsAssessment, fixture.UserId(StageContentFixture.Commissioner), CycleRole.Commissioner,
                "Agreed with the panel", DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
        }

        // The form as it was shown, posted after the sign-off.
        var posted = await client.PostCraftedAsync(url, ValidEvidence("Late survey"), tokenFromUrl: "/", _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var summary = posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent;
        Assert.True(summary.Contains(CycleRules.StageSignedOff.Message, StringComparison.Ordinal)
            || summary.Contains(CycleRules.StageSignedOffWhileEditing.Message, StringComparison.Ordinal), summary);
        Assert.Equal("Late survey", posted.Document.QuerySelector("#Form_Source")!.GetAttribute("value"));
        await using var check = fixture.Db();
        Assert.False(await check.Context.EvidenceItems.AnyAsync(e => e.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task The_champion_can_add_evidence_too()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Champion);

        var posted = await client.SubmitAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", ValidEvidence("Wellbeing survey 2025"), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        await using var scope = fixture.Db();
        Assert.True(await scope.Context.EvidenceItems.AnyAsync(e => e.CycleId == cycleId && e.Source == "Wellbeing survey 2025", _ct));
    }

    [Fact]
    public async Task Invalid_evidence_is_refused_with_what_was_typed_kept_and_nothing_stored()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await client.SubmitAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", new Dictionary<string, string>
        {
            ["Form.Source"] = "",
            ["Form.Summary"] = "What the survey showed",
            ["Form.Link"] = "javascript:alert(1)",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var summary = posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent;
        Assert.Contains(NeedsAssessmentRules.EvidenceSourceRequired.Message, summary);
        Assert.Contains("Choose what kind of evidence this is.", summary);
        Assert.Contains(NeedsAssessmentRules.EvidenceLinkInvalid.Message, summary);
        Assert.NotNull(posted.Document.QuerySelector("#Form_Link-error"));
        Assert.Equal("javascript:alert(1)", posted.Document.QuerySelector("#Form_Link")?.GetAttribute("value"));
        Assert.Equal("What the survey showed", posted.Document.QuerySelector("#Form_Summary")?.TextContent);
        Assert.StartsWith("Error:", posted.Document.Title);

        await using var scope = fixture.Db();
        Assert.False(await scope.Context.EvidenceItems.AnyAsync(e => e.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task A_panel_member_reads_the_evidence_but_cannot_add_any()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Panel);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence", _ct)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment", _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", _ct)).Status);
        var crafted = await client.PostCraftedAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", ValidEvidence(),
            $"/cycles/{cycleId}/needs-assessment/evidence", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, crafted.Status);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.EvidenceItems.AnyAsync(e => e.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task Someone_outside_the_cycle_gets_not_found()
    {
        var cycleId = await fixture.CycleAsync();
        var client = await fixture.SignedInAsync(StageContentFixture.Outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence", _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{cycleId}/needs-assessment", _ct)).Status);
    }

    [Fact]
    public async Task Adding_evidence_once_needs_assessment_is_signed_off_is_refused_and_stores_nothing()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var list = await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence", _ct);
        Assert.Contains("is signed off, so nothing can be added or changed", list.Text);
        Assert.Null(list.Document.QuerySelector($"a[href='/cycles/{cycleId}/needs-assessment/evidence/add']"));

        var posted = await client.PostCraftedAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", ValidEvidence(),
            $"/cycles/{cycleId}/needs-assessment/evidence/add", _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.StageSignedOff.Message, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Equal("Harbourside JSNA 2025", posted.Document.QuerySelector("#Form_Source")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.EvidenceItems.AnyAsync(e => e.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task The_evidence_list_shows_20_a_page_with_NHS_pagination()
    {
        var cycleId = await fixture.CycleAsync();
        await using (var scope = fixture.Db())
        {
            var cycle = await scope.Context.Cycles.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.History)
                .SingleAsync(c => c.Id == cycleId, _ct);
            for (var i = 1; i <= 21; i++)
            {
                scope.Context.EvidenceItems.Add(Expect.Success(EvidenceItem.Add(cycle, $"Source {i:00}", EvidenceKind.ServiceData,
                    "Figures", null, fixture.UserId(StageContentFixture.Champion), CycleRole.CoProductionChampion, Moments.Now.AddMinutes(i))));
            }

            await scope.Context.SaveChangesAsync(_ct);
        }

        var client = await fixture.SignedInAsync(StageContentFixture.Panel);
        var first = await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence", _ct);
        var second = await client.GetAsync($"/cycles/{cycleId}/needs-assessment/evidence?pageNumber=2", _ct);

        Assert.Equal(20, first.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Source 21", first.Text);
        Assert.Equal("Pages of evidence", first.Document.QuerySelector("nav.nhsuk-pagination")?.GetAttribute("aria-label"));
        Assert.Equal($"/cycles/{cycleId}/needs-assessment/evidence?pageNumber=2", first.Document.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("Source 01", Assert.Single(second.Document.QuerySelectorAll("tbody tr")).QuerySelector("a")?.TextContent);
    }

    [Fact]
    public async Task Evidence_changed_by_someone_else_meanwhile_is_not_overwritten()
    {
        var cycleId = await fixture.CycleAsync();
        var commissioner = await fixture.SignedInAsync(StageContentFixture.Commissioner);
        var champion = await fixture.SignedInAsync(StageContentFixture.Champion);
        await commissioner.SubmitAsync($"/cycles/{cycleId}/needs-assessment/evidence/add", ValidEvidence(), ct: _ct);
        Guid evidenceId;
        await using (var scope = fixture.Db())
        {
            evidenceId = (await scope.Context.EvidenceItems.SingleAsync(e => e.CycleId == cycleId, _ct)).Id;
        }

        var editUrl = $"/cycles/{cycleId}/needs-assessment/evidence/{evidenceId}/edit";
        var staleForm = await commissioner.GetAsync(editUrl, _ct);
        var staleVersion = staleForm.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var first = await champion.SubmitAsync(editUrl, ValidEvidence("Harbourside JSNA 2025 (refreshed)"), ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var second = await commissioner.PostCraftedAsync(editUrl,
            new Dictionary<string, string>(ValidEvidence("Harbourside JSNA 2025, mental health chapter")) { ["Form.Version"] = staleVersion },
            editUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Someone changed this evidence while you were editing", second.Text);
        Assert.Contains("Harbourside JSNA 2025 (refreshed)", second.Document.QuerySelector(".nhsuk-inset-text")!.TextContent);
        Assert.Equal("Harbourside JSNA 2025, mental health chapter", second.Document.QuerySelector("#Form_Source")?.GetAttribute("value"));
        await using var check = fixture.Db();
        Assert.Equal("Harbourside JSNA 2025 (refreshed)", (await check.Context.EvidenceItems.SingleAsync(e => e.Id == evidenceId, _ct)).Source);
    }
}
