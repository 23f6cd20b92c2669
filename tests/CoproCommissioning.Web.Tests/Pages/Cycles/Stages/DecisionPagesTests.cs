using Microsoft.EntityFrameworkCore;
using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

public sealed class DecisionPagesTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, string>> CoProducedDecisionAsync(Guid cycleId, Guid cited, string note = "It set the opening hours.") => new()
    {
        ["Form.Title"] = "Evening appointments",
        ["Form.WhatWasDecided"] = "The service will offer appointments until 8pm on weekdays.",
        ["Form.Mode"] = nameof(DecisionMode.CoProduced),
        ["Form.Rationale"] = "",
        ["Form.Rung"] = nameof(CoProductionLadderRung.CoProduction),
        ["Form.DecidedOn.Day"] = DateTime.UtcNow.AddDays(-1).Day.ToString(),
        ["Form.DecidedOn.Month"] = DateTime.UtcNow.AddDays(-1).Month.ToString(),
        ["Form.DecidedOn.Year"] = DateTime.UtcNow.AddDays(-1).Year.ToString(),
        ["Form.Participants[0]"] = await fixture.MemberIdAsync(cycleId, fixture.People.Commissioner),
        ["Form.Participants[1]"] = await fixture.MemberIdAsync(cycleId, fixture.People.Panel),
        ["Form.Influences"] = cited.ToString(),
        [$"Form.Notes[{cited}]"] = note,
    };

    [Fact]
    public async Task A_commissioner_records_a_co_produced_decision_with_the_input_that_shaped_it()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), await CoProducedDecisionAsync(cycleId, cited), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var decision = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
        Assert.Equal("Evening appointments", decision.Title);
        Assert.Equal(DecisionMode.CoProduced, decision.Mode);
        Assert.Equal(CoProductionLadderRung.CoProduction, decision.Rung);
        Assert.Equal(
            [(fixture.People.Commissioner, CycleRole.Commissioner), (fixture.People.Panel, CycleRole.PanelMember)],
            decision.Participants.Select(p => (p.UserId, p.Role)));
        var influence = Assert.Single(decision.Influences);
        Assert.Equal((cited, "It set the opening hours."), (influence.ContributionId, influence.Note));
        Assert.True(decision.DecidedAt <= DateTimeOffset.UtcNow);

        var workspace = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Decision recorded: Evening appointments", workspace.Text);
        Assert.Contains("Shaped by 1 lived-experience contribution", workspace.Text);
    }

    [Fact]
    public async Task A_cited_contribution_without_a_note_is_refused_beside_that_note_and_nothing_is_stored()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = await CoProducedDecisionAsync(cycleId, cited, note: " ");
        fields["Form.DecidedOn.Day"] = "31";
        fields["Form.DecidedOn.Month"] = "2";

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var noteId = $"Form_Notes_{cited}_";
        Assert.Contains("Say how this contribution shaped the decision", posted.Document.QuerySelector($"#{noteId}-error")!.TextContent);
        Assert.NotNull(posted.Document.QuerySelector($".nhsuk-error-summary a[href='#{noteId}']"));
        Assert.Contains("as a real date", posted.Document.QuerySelector("#Form_DecidedOn-error")!.TextContent);
        Assert.Equal("31", posted.Document.QuerySelector("#Form_DecidedOn")!.GetAttribute("value"));
        Assert.Equal("Evening appointments", posted.Document.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.True(posted.Document.QuerySelector($"input[name='Form.Influences'][value='{cited}']")!.HasAttribute("checked"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task A_decision_dated_in_the_future_is_refused_by_the_cycle()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = await CoProducedDecisionAsync(cycleId, cited);
        var nextWeek = DateTime.UtcNow.AddDays(7);
        (fields["Form.DecidedOn.Day"], fields["Form.DecidedOn.Month"], fields["Form.DecidedOn.Year"]) =
            (nextWeek.Day.ToString(), nextWeek.Month.ToString(), nextWeek.Year.ToString());

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.DecisionDateInFuture.Message, posted.Document.QuerySelector("#Form_DecidedOn-error")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task A_clinical_adviser_records_clinically_led_decisions_only()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.ClinicianEmail);

        var refused = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), await CoProducedDecisionAsync(cycleId, cited), ct: _ct);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(CycleRules.DecisionRole.Message, refused.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);

        var clinical = await CoProducedDecisionAsync(cycleId, cited);
        clinical["Form.Mode"] = nameof(DecisionMode.ClinicallyLed);
        clinical["Form.Rationale"] = "Medicines safety is the prescriber's responsibility.";
        clinical["Form.Rung"] = nameof(CoProductionLadderRung.Informing);
        var recorded = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), clinical, ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(DecisionMode.ClinicallyLed,
            Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions).Mode);
    }

    [Fact]
    public async Task Providers_panel_members_and_outsiders_cannot_record_decisions()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var url = CycleUrls.RecordDecision(cycleId);

        foreach (var email in new[] { CyclePeople.ProviderEmail, CyclePeople.PanelEmail })
        {
            var client = await fixture.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url, _ct)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostCraftedAsync(url, await CoProducedDecisionAsync(cycleId, cited), tokenFromUrl: "/", _ct)).Status);
        }

        var outsider = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostCraftedAsync(url, await CoProducedDecisionAsync(cycleId, cited), tokenFromUrl: "/", _ct)).Status);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task People_and_contributions_from_outside_the_cycle_are_refused()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = await CoProducedDecisionAsync(cycleId, cited);
        fields["Form.Participants"] = await fixture.MemberIdOutsideAsync(cycleId, fixture.People.Commissioner);
        var stranger = Guid.NewGuid();
        fields["Form.Influences"] = stranger.ToString();
        fields[$"Form.Notes[{stranger}]"] = "From another cycle";

        var posted = await client.PostCraftedAsync(CycleUrls.RecordDecision(cycleId), fields, tokenFromUrl: CycleUrls.RecordDecision(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.NotNull(posted.Document.QuerySelector("#Form_Participants-error"));
        Assert.NotNull(posted.Document.QuerySelector("#Form_Influences-error"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task No_decision_can_be_recorded_in_a_signed_off_stage()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.SignOff(StageKind.NeedsAssessment));
        var cited = (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions.Single().Id;
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.PostCraftedAsync(CycleUrls.RecordDecision(cycleId), await CoProducedDecisionAsync(cycleId, cited),
            tokenFromUrl: CycleUrls.Stage(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.StageSignedOff.Message, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task A_commissioner_revises_a_decision_to_fix_what_blocks_sign_off()
    {
        Guid cited = default, decisionId = default;
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            cited = c.FromPanel().Id;
            decisionId = c.CoProducedDecision(StageKind.NeedsAssessment, "Peer support", c.Cycle.FindContribution(cited)!).Id;
        });
        // A decision kept before R2 was checked as decisions are saved: co-produced, citing nothing.
        await using (var scope = fixture.Db())
        {
            await scope.Context.Database.ExecuteSqlAsync($"DELETE FROM decision_influences WHERE decision_id = {decisionId}", _ct);
        }

        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.Decision(cycleId, decisionId);

        var before = await client.GetAsync(url, _ct);
        Assert.Contains(CycleRules.CoProducedDecisionNeedsLivedExperience.Message, before.Text);

        var fields = await CoProducedDecisionAsync(cycleId, cited, "Peers said this helped most.");
        fields["Form.Title"] = "Peer support";
        var posted = await client.SubmitAsync(url, fields, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var decision = (await fixture.LoadCycleAsync(cycleId)).FindDecision(decisionId)!;
        Assert.Equal("Peer support", decision.Title);
        Assert.Equal("Peers said this helped most.", Assert.Single(decision.Influences).Note);
        Assert.Equal(2, decision.Participants.Count);
        Assert.Equal(fixture.People.Commissioner, decision.LastRevisedByUserId);
        var after = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Decision updated", after.Text);
        Assert.DoesNotContain(CycleRules.CoProducedDecisionNeedsLivedExperience.Message, after.Text);
    }

    [Fact]
    public async Task Someone_else_changing_the_decision_first_is_shown_instead_of_being_overwritten()
    {
        Guid decisionId = default, cited = default;
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            cited = c.FromPanel().Id;
            decisionId = c.CoProducedDecision(StageKind.NeedsAssessment, "Peer support", c.Cycle.FindContribution(cited)!).Id;
        });
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.Decision(cycleId, decisionId);
        var form = await client.GetAsync(url, _ct);
        var seen = form.Document.QuerySelector("input[name='Form.SeenChange']")!.GetAttribute("value")!;

        await fixture.ChangeCycleAsync(cycleId, cycle =>
        {
            var current = cycle.FindDecision(decisionId)!;
            Expect.Success(cycle.ReviseDecision(decisionId, new DecisionDetails("Paid peer support workers", current.WhatWasDecided, current.Mode,
                current.Rationale, current.Rung, current.DecidedAt, [.. current.Participants], [.. current.Influences]),
                fixture.People.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
        });
        var fields = await CoProducedDecisionAsync(cycleId, cited);
        fields["Form.Title"] = "My stale title";
        fields["Form.SeenChange"] = seen;
        var posted = await client.PostCraftedAsync(url, fields, tokenFromUrl: url, _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(ModelStateExtensions.ConcurrencyMessage, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Contains("Paid peer support workers", posted.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("My stale title", posted.Document.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Equal("Paid peer support workers", (await fixture.LoadCycleAsync(cycleId)).FindDecision(decisionId)!.Title);
    }
}
