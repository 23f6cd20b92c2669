using CoproCommissioning.Data;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Net;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

/// <summary>
/// Issue 16: a decision can't contradict itself and names people without an account who took part; logged input says when
/// and where it was gathered, and "Whose input is it?" keeps staff away from a lived-experience voice.
/// </summary>
public sealed class GroupsAndOriginPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private static readonly DateTime Yesterday = DateTime.UtcNow.AddDays(-1);

    private static Dictionary<string, string> Decision(string mode, string rung) => new()
    {
        ["Form.Title"] = "Evening appointments",
        ["Form.WhatWasDecided"] = "The service will offer appointments until 8pm on weekdays.",
        ["Form.Mode"] = mode,
        ["Form.Rationale"] = "",
        ["Form.Rung"] = rung,
        ["Form.DecidedOn.Day"] = Yesterday.Day.ToString(CultureInfo.InvariantCulture),
        ["Form.DecidedOn.Month"] = Yesterday.Month.ToString(CultureInfo.InvariantCulture),
        ["Form.DecidedOn.Year"] = Yesterday.Year.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_co_produced_decision_at_coercion_with_nobody_and_no_input_is_refused_beside_each_field_and_nothing_is_stored()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.FromPanel());
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId),
            Decision(nameof(DecisionMode.CoProduced), nameof(CoProductionLadderRung.Coercion)), ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.CoProducedDecisionNeedsCoProductionRung.Message, posted.Document.QuerySelector("#Form_Rung-error")!.TextContent);
        Assert.Contains(CycleRules.DecisionNeedsParticipants.Message, posted.Document.QuerySelector("#Form_Participants-error")!.TextContent);
        Assert.Contains(CycleRules.CoProducedDecisionNeedsLivedExperience.Message, posted.Document.QuerySelector("#Form_Influences-error")!.TextContent);
        Assert.DoesNotContain("Decision recorded", posted.Text);
        Assert.Equal("Evening appointments", posted.Document.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task A_commissioner_led_decision_is_refused_until_it_says_why_it_was_not_co_produced()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = Decision(nameof(DecisionMode.CommissionerLed), nameof(CoProductionLadderRung.CoProduction));
        fields["Form.Participants"] = await fixture.MemberIdAsync(cycleId, fixture.People.Commissioner);

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), fields, ct: _ct);

        Assert.Contains(CycleRules.DecisionNeedsRationale.Message, posted.Document.QuerySelector("#Form_Rationale-error")!.TextContent);
        Assert.Contains(CycleRules.CoProductionRungNeedsCoProducedDecision.Message, posted.Document.QuerySelector("#Form_Rung-error")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task Six_parents_at_a_workshop_take_part_in_a_co_produced_decision_without_accounts()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var session = await ScheduleSessionAsync(cycleId);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = Decision(nameof(DecisionMode.CoProduced), nameof(CoProductionLadderRung.CoProduction));
        fields["Form.Participants"] = await fixture.MemberIdAsync(cycleId, fixture.People.Commissioner);
        fields["Form.Influences"] = cited.ToString();
        fields[$"Form.Notes[{cited}]"] = "It set the opening hours.";
        fields["Form.Groups[0].Count"] = "6";
        fields["Form.Groups[0].Voice"] = nameof(Voice.Carer);
        fields["Form.Groups[0].Description"] = "parents at the Harbourside workshop";
        fields["Form.Groups[0].SessionId"] = session.ToString();

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), fields, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var decision = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
        var group = Assert.Single(decision.Groups);
        Assert.Equal((6, Voice.Carer, "parents at the Harbourside workshop", (Guid?)session), (group.Count, group.Voice, group.Description, group.SessionId));

        var shown = await client.GetAsync(CycleUrls.Decision(cycleId, decision.Id), _ct);
        Assert.Contains("6 parents at the Harbourside workshop", shown.Text);
        Assert.Equal("6", shown.Document.QuerySelector("#Form_Groups_0__Count")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_group_row_that_is_half_filled_is_refused_beside_its_own_fields()
    {
        Guid cited = default;
        var cycleId = await fixture.CreateCycleAsync(c => cited = c.FromPanel().Id);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = Decision(nameof(DecisionMode.CoProduced), nameof(CoProductionLadderRung.CoProduction));
        fields["Form.Participants"] = await fixture.MemberIdAsync(cycleId, fixture.People.Panel);
        fields["Form.Influences"] = cited.ToString();
        fields[$"Form.Notes[{cited}]"] = "It set the opening hours.";
        fields["Form.Groups[0].Count"] = "six";
        fields["Form.Groups[0].Description"] = "parents";

        var posted = await client.SubmitAsync(CycleUrls.RecordDecision(cycleId), fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.GroupCountInvalid.Message, posted.Document.QuerySelector("#Form_Groups_0__Count-error")!.TextContent);
        Assert.Contains(CycleRules.GroupVoiceRequired.Message, posted.Document.QuerySelector("#Form_Groups_0__Voice-error")!.TextContent);
        Assert.Equal("six", posted.Document.QuerySelector("#Form_Groups_0__Count")!.GetAttribute("value"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public async Task Logged_input_keeps_the_day_and_session_it_was_gathered_at_and_who_gave_it()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var session = await ScheduleSessionAsync(cycleId);
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var form = await client.GetAsync(CycleUrls.LogOnBehalf(cycleId), _ct);
        Assert.NotNull(form.Document.QuerySelector($"select[name='Form.SessionId'] option[value='{session}']"));

        var posted = await client.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.Carer),
            ["Form.Channel"] = nameof(Channel.Workshop),
            ["Form.VoicesCarried"] = "6",
            ["Form.OnBehalfOfMemberId"] = "",
            ["Form.GivenBy"] = "parents at the Harbourside workshop",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.SessionId"] = session.ToString(),
            ["Form.Summary"] = "Parents want a named contact",
            ["Form.Visibility"] = "Everyone",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Equal(new DateOnly(2026, 3, 12), stored.GatheredOn);
        Assert.Equal(session, stored.GatheredAtSessionId);
        Assert.Equal("parents at the Harbourside workshop", stored.GivenBy);
    }

    [Fact]
    public async Task Logged_input_without_a_real_gathering_date_is_refused_beside_the_date_with_what_was_typed_kept()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await client.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.Channel"] = nameof(Channel.Phone),
            ["Form.VoicesCarried"] = "1",
            ["Form.OnBehalfOfMemberId"] = "",
            ["Form.GatheredOn.Day"] = "31",
            ["Form.GatheredOn.Month"] = "2",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.Summary"] = "Buses stop too early",
            ["Form.Visibility"] = "Everyone",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("as a real date", posted.Document.QuerySelector("#Form_GatheredOn-error")!.TextContent);
        Assert.Equal("31", posted.Document.QuerySelector("#Form_GatheredOn")!.GetAttribute("value"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task Whose_input_is_it_keeps_staff_apart_and_the_server_refuses_lived_experience_logged_for_them()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var provider = await fixture.MemberIdAsync(cycleId, fixture.People.Provider);
        var panel = await fixture.MemberIdAsync(cycleId, fixture.People.Panel);

        var form = await client.GetAsync(CycleUrls.LogOnBehalf(cycleId), _ct);
        Assert.NotNull(form.Document.QuerySelector($"optgroup[data-not-lived-experience] option[value='{provider}']"));
        Assert.Null(form.Document.QuerySelector($"optgroup[data-not-lived-experience] option[value='{panel}']"));
        Assert.NotNull(form.Document.QuerySelector($"optgroup[label='Panel members'] option[value='{panel}']"));

        var posted = await client.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.Channel"] = nameof(Channel.Phone),
            ["Form.VoicesCarried"] = "1",
            ["Form.OnBehalfOfMemberId"] = provider,
            ["Form.Summary"] = "Our waiting list is long",
            ["Form.Visibility"] = "Everyone",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.LivedExperienceVoiceOnBehalfOfStaff.Message, posted.Document.QuerySelector("#Form_Voice-error")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    private async Task<Guid> ScheduleSessionAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var session = Expect.Success(CoDesignSession.Schedule(cycle, new SessionDetails(
            "Harbourside workshop", new DateOnly(2026, 3, 12), new TimeOnly(18, 0), null, SessionFormat.InPerson, "Harbourside Library", "",
            [], "", [], 6, ""), fixture.People.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow.AddDays(-1)));
        scope.Context.CoDesignSessions.Add(session);
        await scope.Context.SaveChangesAsync(_ct);
        return session.Id;
    }
}
