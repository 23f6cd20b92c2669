using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Tests.Pages.Cycles.NeedsAssessment;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.CoDesign;

public sealed class SessionPagesTests(StageContentFixture fixture) : IClassFixture<StageContentFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<List<KeyValuePair<string, string>>> WorkshopAsync(Guid cycleId, string title = "Workshop: what good support looks like") =>
    [
        new("Form.Title", title),
        new("Form.Date.Day", "10"),
        new("Form.Date.Month", "3"),
        new("Form.Date.Year", "2026"),
        new("Form.StartTime", "10:30"),
        new("Form.EndTime", "1pm"),
        new("Form.Format", nameof(SessionFormat.InPerson)),
        new("Form.Venue", "Harbourside Community Centre, 12 Quay Street"),
        new("Form.AccessArrangements", nameof(AccessArrangement.BslInterpreter)),
        new("Form.AccessArrangements", nameof(AccessArrangement.StepFreeAccess)),
        new("Form.OtherAccessArrangements", "Lunch provided"),
        new("Form.AttendeeMemberIds", await fixture.MemberIdAsync(cycleId, fixture.UserId(StageContentFixture.Panel))),
        new("Form.AttendeeMemberIds", await fixture.MemberIdAsync(cycleId, fixture.UserId(StageContentFixture.Provider))),
        new("Form.OtherAttendees", "8"),
        new("Form.Minutes", "We mapped the first 12 weeks after leaving hospital."),
    ];

    [Fact]
    public async Task The_champion_adds_a_workshop_with_its_access_arrangements_and_who_came()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var client = await fixture.SignedInAsync(StageContentFixture.Champion);

        var form = await client.GetAsync($"/cycles/{cycleId}/co-design/sessions/add", _ct);
        Assert.Equal(8, form.Document.QuerySelectorAll("input[name='Form.AttendeeMemberIds']").Length);
        var posted = await PostAsync(client, $"/cycles/{cycleId}/co-design/sessions/add", await WorkshopAsync(cycleId));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var page = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Session added: Workshop: what good support looks like.", page.Text);
        Assert.Contains("Tuesday 10 March 2026, 10:30am to 1pm", page.Text);
        Assert.Contains("British Sign Language (BSL) interpreter", page.Text);
        Assert.Contains("Jess Panel", page.Text);
        Assert.Contains("And 8 people without an account", page.Text);

        await using var scope = fixture.Db();
        var session = await scope.Context.CoDesignSessions.SingleAsync(s => s.CycleId == cycleId, _ct);
        Assert.Equal(new DateOnly(2026, 3, 10), session.Date);
        Assert.Equal(new TimeOnly(10, 30), session.StartTime);
        Assert.Equal(new TimeOnly(13, 0), session.EndTime);
        Assert.Equal([AccessArrangement.BslInterpreter, AccessArrangement.StepFreeAccess], session.AccessArrangements);
        Assert.Equal(
            new[] { fixture.UserId(StageContentFixture.Panel), fixture.UserId(StageContentFixture.Provider) }.Order(),
            session.Attendees.Select(a => a.UserId).Order());
        Assert.Equal(8, session.OtherAttendees);
    }

    [Fact]
    public async Task Invalid_session_details_are_refused_with_what_was_typed_kept_and_nothing_stored()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);
        var fields = (await WorkshopAsync(cycleId))
            .Where(f => f.Key is not ("Form.Date.Day" or "Form.StartTime" or "Form.Venue"))
            .Append(new("Form.Date.Day", "31"))
            .Append(new("Form.Date.Month", "2"))
            .Append(new("Form.StartTime", "half ten"))
            .ToList();
        fields.RemoveAll(f => f.Key == "Form.Date.Month" && f.Value == "3");

        var posted = await PostAsync(client, $"/cycles/{cycleId}/co-design/sessions/add", fields);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("must be a real date", posted.Document.QuerySelector("#Form_Date-error")!.TextContent);
        Assert.Contains("Enter the start time as a time of day", posted.Document.QuerySelector("#Form_StartTime-error")!.TextContent);
        Assert.Contains(CoDesignRules.SessionVenueRequired.Message, posted.Document.QuerySelector("#Form_Venue-error")!.TextContent);
        Assert.Equal("half ten", posted.Document.QuerySelector("#Form_StartTime")?.GetAttribute("value"));
        Assert.Equal("31", posted.Document.QuerySelector("#Form_Date")?.GetAttribute("value"));
        Assert.NotNull(posted.Document.QuerySelector($"input[name='Form.AccessArrangements'][value='{nameof(AccessArrangement.BslInterpreter)}'][checked]"));
        Assert.NotNull(posted.Document.QuerySelector($"input[name='Form.AttendeeMemberIds'][value='{await fixture.MemberIdAsync(cycleId, fixture.UserId(StageContentFixture.Panel))}'][checked]"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.CoDesignSessions.AnyAsync(s => s.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task An_empty_session_form_says_beside_each_question_what_it_needs_in_the_order_of_the_page()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await PostAsync(client, $"/cycles/{cycleId}/co-design/sessions/add", [new("Form.OtherAttendees", "a few")]);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CoDesignRules.SessionTitleRequired.Message, posted.Document.QuerySelector("#Form_Title-error")!.TextContent);
        Assert.Contains(CoDesignRules.SessionDateRequired.Message, posted.Document.QuerySelector("#Form_Date-error")!.TextContent);
        Assert.Contains(CoDesignRules.SessionStartTimeRequired.Message, posted.Document.QuerySelector("#Form_StartTime-error")!.TextContent);
        Assert.Contains(CoDesignRules.SessionFormatRequired.Message, posted.Document.QuerySelector("#Form_Format-error")!.TextContent);
        Assert.Contains(CoDesignRules.SessionOtherAttendeesInvalid.Message, posted.Document.QuerySelector("#Form_OtherAttendees-error")!.TextContent);
        Assert.Equal(
            ["#Form_Title", "#Form_Date", "#Form_StartTime", "#Form_Format", "#Form_OtherAttendees"],
            posted.Document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("a few", posted.Document.QuerySelector("#Form_OtherAttendees")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.CoDesignSessions.AnyAsync(s => s.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task Input_logged_from_a_session_is_a_co_design_contribution_listed_on_the_session()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var champion = await fixture.SignedInAsync(StageContentFixture.Champion);
        var added = await PostAsync(champion, $"/cycles/{cycleId}/co-design/sessions/add", await WorkshopAsync(cycleId));
        var sessionUrl = added.Location!;

        var form = await champion.GetAsync($"{sessionUrl}/log-input", _ct);
        Assert.Equal("8", form.Document.QuerySelector("#Form_VoicesCarried")?.GetAttribute("value"));
        Assert.NotNull(form.Document.QuerySelector($"input[name='Form.OnBehalfOfMemberId'][value='{await fixture.MemberIdAsync(cycleId, fixture.UserId(StageContentFixture.Panel))}']"));
        var logged = await champion.SubmitAsync($"{sessionUrl}/log-input", new Dictionary<string, string>
        {
            ["Form.Summary"] = "Meet your worker before you leave hospital",
            ["Form.Visibility"] = "Everyone",
            ["Form.Body"] = "Six people said the day they left was the hardest.",
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.OnBehalfOfMemberId"] = "",
            ["Form.VoicesCarried"] = "6",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, logged.Status);
        var session = await champion.FollowRedirectAsync(logged, _ct);
        Assert.Contains("Input logged from this session.", session.Text);
        Assert.Contains("Meet your worker before you leave hospital", session.Text);
        Assert.Contains("6 people at the session", session.Text);
        Assert.Contains("Awaiting response", session.Text);

        await using var scope = fixture.Db();
        var sessionId = (await scope.Context.CoDesignSessions.SingleAsync(s => s.CycleId == cycleId, _ct)).Id;
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        var contribution = Assert.Single(cycle.StageOf(StageKind.CoDesign).Contributions, c => c.TargetKind == TargetKind.CoDesignSession);
        Assert.Equal(sessionId, contribution.TargetId);
        Assert.Equal(Channel.Workshop, contribution.Channel);
        Assert.Equal(6, contribution.VoicesCarried);
        Assert.Null(contribution.AuthorUserId);
        Assert.Equal(fixture.UserId(StageContentFixture.Champion), contribution.RecordedByUserId);

        // Anyone in the cycle can read the session and what came out of it.
        var panel = await fixture.SignedInAsync(StageContentFixture.Panel);
        var asPanel = await panel.GetAsync(sessionUrl, _ct);
        Assert.Contains("Meet your worker before you leave hospital", asPanel.Text);
        Assert.Null(asPanel.Document.QuerySelector("a[href$='/log-input']"));
    }

    [Fact]
    public async Task Input_for_someone_who_did_not_come_is_refused_and_nothing_is_stored()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var champion = await fixture.SignedInAsync(StageContentFixture.Champion);
        var sessionUrl = (await PostAsync(champion, $"/cycles/{cycleId}/co-design/sessions/add", await WorkshopAsync(cycleId))).Location!;

        var logged = await champion.SubmitAsync($"{sessionUrl}/log-input", new Dictionary<string, string>
        {
            ["Form.Summary"] = "Evening visits",
            ["Form.Visibility"] = "Everyone",
            ["Form.Voice"] = nameof(Voice.Clinician),
            ["Form.OnBehalfOfMemberId"] = await fixture.MemberIdAsync(cycleId, fixture.UserId(StageContentFixture.Clinician)),
            ["Form.VoicesCarried"] = "1",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, logged.Status);
        Assert.Contains("Choose whose input this is from the people who came.", logged.Text);
        Assert.Equal("Evening visits", logged.Document.QuerySelector("#Form_Summary")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        Assert.Empty(cycle.StageOf(StageKind.CoDesign).Contributions);
    }

    [Fact]
    public async Task A_panel_member_sees_sessions_but_cannot_add_one_or_log_input()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var champion = await fixture.SignedInAsync(StageContentFixture.Champion);
        var sessionUrl = (await PostAsync(champion, $"/cycles/{cycleId}/co-design/sessions/add", await WorkshopAsync(cycleId))).Location!;
        var panel = await fixture.SignedInAsync(StageContentFixture.Panel);

        Assert.Equal(HttpStatusCode.OK, (await panel.GetAsync($"/cycles/{cycleId}/co-design/sessions", _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync($"/cycles/{cycleId}/co-design/sessions/add", _ct)).Status);
        var session = await panel.PostCraftedAsync($"/cycles/{cycleId}/co-design/sessions/add",
            (await WorkshopAsync(cycleId, "Crafted")).DistinctBy(f => f.Key).ToDictionary(f => f.Key, f => f.Value), $"/cycles/{cycleId}/co-design/sessions", _ct);
        var input = await panel.PostCraftedAsync($"{sessionUrl}/log-input", new Dictionary<string, string>
        {
            ["Form.Summary"] = "Logged by the wrong person",
            ["Form.Visibility"] = "Everyone",
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.VoicesCarried"] = "20",
        }, sessionUrl, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, session.Status);
        Assert.Equal(HttpStatusCode.Forbidden, input.Status);
        await using var scope = fixture.Db();
        Assert.Equal(1, await scope.Context.CoDesignSessions.CountAsync(s => s.CycleId == cycleId, _ct));
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        Assert.Empty(cycle.StageOf(StageKind.CoDesign).Contributions);
    }

    [Fact]
    public async Task Someone_outside_the_cycle_gets_not_found()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var outsider = await fixture.SignedInAsync(StageContentFixture.Outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/cycles/{cycleId}/co-design/sessions", _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/cycles/{cycleId}/co-design", _ct)).Status);
    }

    [Fact]
    public async Task A_session_in_a_signed_off_co_design_stage_is_refused_and_stores_nothing()
    {
        var cycleId = await fixture.CycleAsync(StageKind.Specification);
        var client = await fixture.SignedInAsync(StageContentFixture.Commissioner);

        var posted = await PostAsync(client, $"/cycles/{cycleId}/co-design/sessions/add", await WorkshopAsync(cycleId));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.StageSignedOff.Message, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.CoDesignSessions.AnyAsync(s => s.CycleId == cycleId, _ct));
    }

    [Fact]
    public async Task Two_people_changing_a_session_at_once_the_second_is_told_even_when_the_first_changed_only_who_came()
    {
        var cycleId = await fixture.CycleAsync(StageKind.CoDesign);
        var champion = await fixture.SignedInAsync(StageContentFixture.Champion);
        var commissioner = await fixture.SignedInAsync(StageContentFixture.Commissioner);
        var editUrl = (await PostAsync(champion, $"/cycles/{cycleId}/co-design/sessions/add", await WorkshopAsync(cycleId))).Location! + "/edit";
        var providerMemberId = await fixture.MemberIdAsync(cycleId, fixture.UserId(StageContentFixture.Provider));
        var version = (await commissioner.GetAsync(editUrl, _ct)).Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        var onlyWhoCame = await PostAsync(champion, editUrl, (await WorkshopAsync(cycleId))
            .Where(f => !(f.Key == "Form.AttendeeMemberIds" && f.Value == providerMemberId))
            .Append(new("Form.Version", version)));
        Assert.Equal(HttpStatusCode.Redirect, onlyWhoCame.Status);
        var late = await PostAsync(commissioner, editUrl, (await WorkshopAsync(cycleId))
            .Where(f => f.Key != "Form.Minutes")
            .Append(new("Form.Minutes", "We also talked about evenings."))
            .Append(new("Form.Version", version)));

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("Someone changed this session while you were editing", late.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Contains("1 member and 8 other people came", late.Document.QuerySelector(".nhsuk-inset-text")!.TextContent);
        Assert.Equal("We also talked about evenings.", late.Document.QuerySelector("#Form_Minutes")?.TextContent.Trim());
        await using var scope = fixture.Db();
        var session = await scope.Context.CoDesignSessions.SingleAsync(s => s.CycleId == cycleId, _ct);
        Assert.Equal([fixture.UserId(StageContentFixture.Panel)], session.Attendees.Select(a => a.UserId));
        Assert.Equal("We mapped the first 12 weeks after leaving hospital.", session.Minutes);
    }

    /// <summary>POSTs fields that repeat (ticked checkboxes) with the antiforgery token from the page itself.</summary>
    private async Task<BrowserLikeClient.Page> PostAsync(BrowserLikeClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await client.GetAsync(url, _ct);
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        using var response = await client.Http.PostAsync(url, content, _ct);
        return await BrowserLikeClient.Page.ReadAsync(response, _ct);
    }
}
