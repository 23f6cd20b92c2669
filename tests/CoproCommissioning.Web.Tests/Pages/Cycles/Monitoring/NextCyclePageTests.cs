using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;
using Microsoft.EntityFrameworkCore;
using NextCycleModel = CoproCommissioning.Web.Pages.Cycles.Monitoring.NextCycle.IndexModel;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>Signing off monitoring and starting the next cycle in one save, and what stops it.</summary>
public sealed class NextCyclePageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task Until_monitorings_conditions_are_met_each_is_listed_with_where_to_fix_it_and_nothing_is_signed_off()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.NextCycle(monitored.CycleId);

        var page = await commissioner.GetAsync(url, _ct);
        var refused = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Monitoring agreed with the panel.",
            ["Form.Title"] = "Crisis support 2028 to 2031",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "4",
            ["Form.StartDate.Year"] = "2028",
        }, ct: _ct);

        var blockers = page.Document.QuerySelector("#still-needed + ol")!;
        Assert.Contains(MonitoringRules.DecidedReviewRequired.Message, blockers.TextContent);
        Assert.Contains(LessonRules.LessonRequired.Message, blockers.TextContent);
        Assert.NotNull(blockers.QuerySelector($"a[href='{MonitoringUrls.NewReview(monitored.CycleId)}']"));
        Assert.NotNull(blockers.QuerySelector($"a[href='{LessonsUrls.New(monitored.CycleId)}']"));
        Assert.NotNull(blockers.QuerySelector($"a[href='{MonitoringUrls.Overview(monitored.CycleId)}']"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(NextCycleModel.CannotSignOffYet, refused.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Equal("Crisis support 2028 to 2031", refused.Document.GetElementById("Form_Title")!.GetAttribute("value"));
        Assert.Equal("Monitoring agreed with the panel.", refused.Document.GetElementById("Form_Statement")!.TextContent.Trim());
        Assert.False((await fixture.LoadCycleAsync(monitored.CycleId)).StageOf(StageKind.Monitoring).IsSignedOff);
        Assert.Equal(0, await CarriedFromAsync(monitored.CycleId));
    }

    [Fact]
    public async Task The_statement_and_the_next_cycles_answers_are_refused_beside_their_fields()
    {
        var monitored = await ReadyWithLessonAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var refused = await commissioner.SubmitAsync(MonitoringUrls.NextCycle(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Statement"] = "",
            ["Form.Title"] = "",
            ["Form.StartDate.Day"] = "31",
            ["Form.StartDate.Month"] = "2",
            ["Form.StartDate.Year"] = "2028",
            ["Form.Budget"] = "lots",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(CycleRules.StatementRequired.Message, refused.Document.GetElementById("Form_Statement-error")?.TextContent);
        Assert.Contains(CycleRules.CycleTitleRequired.Message, refused.Document.GetElementById("Form_Title-error")?.TextContent);
        Assert.Contains(NextCycleModel.StartDateUnreadable, refused.Document.GetElementById("Form_StartDate-error")?.TextContent);
        Assert.Contains(CycleRules.BudgetInvalid.Message, refused.Document.GetElementById("Form_Budget-error")?.TextContent);
        Assert.Equal("lots", refused.Document.GetElementById("Form_Budget")!.GetAttribute("value"));
        Assert.Null(refused.Document.QuerySelector("#still-needed"));
        Assert.False((await fixture.LoadCycleAsync(monitored.CycleId)).StageOf(StageKind.Monitoring).IsSignedOff);
        Assert.Equal(0, await CarriedFromAsync(monitored.CycleId));
    }

    [Fact]
    public async Task Signing_off_starts_the_next_cycle_with_the_lessons_and_outcomes_as_evidence_saying_where_each_came_from()
    {
        var monitored = await ReadyWithLessonAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var previous = await fixture.LoadCycleAsync(monitored.CycleId);

        var started = await commissioner.SubmitAsync(MonitoringUrls.NextCycle(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Statement"] = "The review decided to continue; the panel's ratings and the returns agreed.",
            ["Form.Title"] = "Crisis support 2028 to 2031",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "4",
            ["Form.StartDate.Year"] = "2028",
            ["Form.Budget"] = "£2,500,000",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var next = await NextCycleAsync(monitored.CycleId);
        Assert.Equal($"/cycles/{next.Id}/stages/needs-assessment#findings", started.Location);
        Assert.Equal(("Crisis support 2028 to 2031", new DateOnly(2028, 4, 1), 2_500_000m, previous.ServiceArea),
            (next.Title, next.StartDate, next.Budget!.Value, next.ServiceArea));
        Assert.True((await fixture.LoadCycleAsync(monitored.CycleId)).StageOf(StageKind.Monitoring).IsSignedOff);

        await using (var scope = fixture.Db())
        {
            var carried = await scope.Context.CarriedEvidence.AsNoTracking().Where(c => c.CycleId == next.Id).ToListAsync(_ct);
            Assert.Equal(1, carried.Count(c => c.Kind == CarriedEvidenceKind.Lesson));
            Assert.Equal([TestMonitoring.CrisisOutcome, TestMonitoring.EnjoyOutcome],
                carried.Where(c => c.Kind == CarriedEvidenceKind.Outcome).Select(c => c.SourceId).Order());
            var members = await scope.Context.Memberships.AsNoTracking().Where(m => m.CycleId == next.Id).Select(m => new { m.UserId, m.Role }).ToListAsync(_ct);
            Assert.Contains(members, m => m.UserId == People.Commissioner && m.Role == CycleRole.Commissioner);
        }

        var welcome = await commissioner.FollowRedirectAsync(started, _ct);
        Assert.Contains("Monitoring is signed off and Crisis support 2028 to 2031 has started.", welcome.Text);
        Assert.Equal($"/cycles/{next.Id}/members", welcome.Document.QuerySelector(".nhsuk-notification-banner a")?.GetAttribute("href"));
        var evidence = await commissioner.GetAsync($"/cycles/{next.Id}/needs-assessment/evidence", _ct);
        Assert.Contains($"Lesson learned in {previous.Title}", evidence.Text);
        Assert.Contains($"Outcome \u201CI can get help before I reach crisis\u201D from {previous.Title}", evidence.Text);
        Assert.Contains($"Outcome \u201CI have things to do that I enjoy\u201D from {previous.Title}", evidence.Text);
        Guid lessonEvidence;
        await using (var scope = fixture.Db())
        {
            lessonEvidence = await scope.Context.CarriedEvidence.Where(c => c.CycleId == next.Id && c.Kind == CarriedEvidenceKind.Lesson)
                .Select(c => c.EvidenceItemId).SingleAsync(_ct);
            scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(next.Id, People.Outsider, CycleRole.Observer, null, null,
                People.Commissioner, DateTimeOffset.UtcNow)));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var details = await commissioner.GetAsync($"/cycles/{next.Id}/needs-assessment/evidence/{lessonEvidence}", _ct);
        var link = details.Document.QuerySelector("[data-testid=carried-from] a");
        Assert.Equal((MonitoringUrls.Lessons(monitored.CycleId), "its lessons learned"), (link?.GetAttribute("href"), link?.TextContent));
        var newcomer = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);
        var theirs = await newcomer.GetAsync($"/cycles/{next.Id}/needs-assessment/evidence/{lessonEvidence}", _ct);
        Assert.Contains("You are not a member of that cycle", theirs.Document.QuerySelector("[data-testid=carried-from]")?.TextContent);
        Assert.Null(theirs.Document.QuerySelector("[data-testid=carried-from] a"));
        var afterwards = await commissioner.GetAsync(MonitoringUrls.NextCycle(monitored.CycleId), _ct);
        Assert.NotNull(afterwards.Document.QuerySelector($"main a[href='/cycles/{next.Id}/stages/needs-assessment']"));
        Assert.Null(afterwards.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task The_page_counts_what_will_be_carried_says_where_to_record_a_lesson_and_that_nobody_else_is_invited()
    {
        var withoutLesson = await TestMonitoring.ContractedAsync(fixture, People);
        var withLesson = await ReadyWithLessonAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var none = await commissioner.GetAsync(MonitoringUrls.NextCycle(withoutLesson.CycleId), _ct);
        var one = await commissioner.GetAsync(MonitoringUrls.NextCycle(withLesson.CycleId), _ct);

        var carried = none.Document.GetElementById("carried")!;
        Assert.Contains("no lessons learned yet", carried.TextContent);
        Assert.NotNull(carried.QuerySelector($"a[href='{LessonsUrls.New(withoutLesson.CycleId)}']"));
        Assert.Contains("2 outcomes of the approved specification's outcome framework", carried.TextContent);
        Assert.Contains("no glossary: no terms were agreed in this cycle", carried.TextContent);
        Assert.DoesNotContain("0 lessons", none.Text);
        Assert.DoesNotContain("the agreed glossary", none.Text);
        Assert.DoesNotContain("are invited again", none.Text);
        Assert.Contains("Nobody else is added", none.Text);
        Assert.Contains("1 lesson learned", one.Document.GetElementById("carried")!.TextContent);
    }

    [Fact]
    public async Task Before_the_button_the_page_warns_of_the_periods_still_to_come_and_the_returns_never_submitted_and_still_signs_off()
    {
        var monitored = await ReadyWithLessonAsync();
        var current = (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).PeriodsStillToCome(DateTimeOffset.UtcNow);
        await TestMonitoring.ReturnedAsync(fixture, monitored, current[0].Number, People.Provider, People.ProviderOrganisation, submit: false);
        string organisation;
        await using (var scope = fixture.Db())
        {
            organisation = await scope.Context.Organisations.Where(o => o.Id == People.ProviderOrganisation).Select(o => o.Name).SingleAsync(_ct);
        }

        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.NextCycle(monitored.CycleId);
        var page = await commissioner.GetAsync(url, _ct);
        var signed = await commissioner.SubmitOnAsync(page, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Signed off early: the service moves to the new contract.",
            ["Form.Title"] = "Crisis support 2027 to 2030",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "4",
            ["Form.StartDate.Year"] = "2027",
        }, ct: _ct);

        var warning = page.Document.GetElementById("contract-still-runs")!.TextContent;
        Assert.Contains($"The contract runs until {UkTime.Date(TestMonitoring.EndsOn)}", warning);
        Assert.Contains($"{current.Count} reporting periods are still to come", warning);
        Assert.Contains("no return, panel rating, alliance change or review can be added", warning);
        Assert.Contains("1 return is still being written and will never be submitted", warning);
        Assert.Contains($"{organisation}, period {current[0].Number} (a draft)", warning);
        Assert.NotNull(page.Document.QuerySelector("#contract-still-runs ~ form button[type=submit]"));
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        Assert.True((await fixture.LoadCycleAsync(monitored.CycleId)).StageOf(StageKind.Monitoring).IsSignedOff);
    }

    [Fact]
    public async Task The_next_cycle_cannot_start_before_this_one_started_and_the_refusal_is_beside_the_date()
    {
        var monitored = await ReadyWithLessonAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var refused = await commissioner.SubmitAsync(MonitoringUrls.NextCycle(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Statement"] = "Signed off.",
            ["Form.Title"] = "The next one",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "1",
            ["Form.StartDate.Year"] = "2019",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(LessonRules.NextCycleStartsTooEarly.Message, refused.Document.GetElementById("Form_StartDate-error")?.TextContent);
        Assert.Equal("2019", refused.Document.GetElementById("Form_StartDate-year")?.GetAttribute("value"));
        Assert.False((await fixture.LoadCycleAsync(monitored.CycleId)).StageOf(StageKind.Monitoring).IsSignedOff);
        Assert.Equal(0, await CarriedFromAsync(monitored.CycleId));
    }

    [Fact]
    public async Task A_second_attempt_to_start_the_next_cycle_is_refused_and_links_to_the_one_started()
    {
        var monitored = await ReadyWithLessonAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.NextCycle(monitored.CycleId);
        var form = await commissioner.GetAsync(url, _ct);
        var fields = new Dictionary<string, string>
        {
            ["Form.Statement"] = "Signed off.",
            ["Form.Title"] = "The next one",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "4",
            ["Form.StartDate.Year"] = "2028",
        };

        var first = await commissioner.SubmitOnAsync(form, fields, ct: _ct);
        var second = await commissioner.SubmitOnAsync(form, fields, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var next = await NextCycleAsync(monitored.CycleId);
        Assert.NotNull(second.Document.QuerySelector($"main a[href='/cycles/{next.Id}/stages/needs-assessment']"));
        await using var scope = fixture.Db();
        Assert.Equal(1, await scope.Context.CarriedEvidence.Where(c => c.FromCycleId == monitored.CycleId).Select(c => c.CycleId).Distinct().CountAsync(_ct));
    }

    [Fact]
    public async Task Only_a_commissioner_signs_off_and_starts_the_next_cycle()
    {
        var monitored = await ReadyWithLessonAsync();
        var url = MonitoringUrls.NextCycle(monitored.CycleId);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        var championPage = await champion.GetAsync(url, _ct);
        var championPost = await champion.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Signed off.",
            ["Form.Title"] = "The next one",
        }, MonitoringUrls.Lessons(monitored.CycleId), _ct);
        var providerPage = await provider.GetAsync(url, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, championPage.Status);
        Assert.Equal(HttpStatusCode.Forbidden, championPost.Status);
        Assert.Equal(HttpStatusCode.Forbidden, providerPage.Status);
        Assert.Equal(0, await CarriedFromAsync(monitored.CycleId));
    }

    [Fact]
    public async Task Someone_changing_the_cycle_while_the_commissioner_writes_stops_the_sign_off_with_what_was_typed_kept()
    {
        var monitored = await ReadyWithLessonAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = MonitoringUrls.NextCycle(monitored.CycleId);
        var form = await commissioner.GetAsync(url, _ct);
        await fixture.ChangeCycleAsync(monitored.CycleId, cycle =>
            cycle.AddContribution(StageKind.Monitoring, People.Provider, CycleRole.Provider, Voice.Provider, Channel.Online,
                ContributionVisibility.Everyone, "A late note from the provider", "", DateTimeOffset.UtcNow));

        var clash = await commissioner.SubmitOnAsync(form, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Signed off after the review.",
            ["Form.Title"] = "The next one",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "4",
            ["Form.StartDate.Year"] = "2028",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains(NextCycleModel.ChangedWhileSigningOff, clash.Text);
        Assert.Equal("Signed off after the review.", clash.Document.GetElementById("Form_Statement")!.TextContent.Trim());
        Assert.False((await fixture.LoadCycleAsync(monitored.CycleId)).StageOf(StageKind.Monitoring).IsSignedOff);
        Assert.Equal(0, await CarriedFromAsync(monitored.CycleId));
    }

    private async Task<TestMonitoring.Monitored> ReadyWithLessonAsync()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var ready = await TestMonitoringSignOff.ArrangeAsync(fixture, People, monitored);
        await TestMonitoringSignOff.LessonAsync(fixture, People, monitored.CycleId, "People used the phone line most after 8pm.",
            new LessonCitation(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]), new LessonCitation(LessonSourceKind.PanelRating, ready.RatingId!.Value));
        return monitored;
    }

    private async Task<int> CarriedFromAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.CarriedEvidence.CountAsync(c => c.FromCycleId == cycleId, _ct);
    }

    private async Task<CommissioningCycle> NextCycleAsync(Guid previousId)
    {
        await using var scope = fixture.Db();
        var nextId = await scope.Context.CarriedEvidence.Where(c => c.FromCycleId == previousId).Select(c => c.CycleId).Distinct().SingleAsync(_ct);
        return await scope.Context.Cycles.AsNoTracking().SingleAsync(c => c.Id == nextId, _ct);
    }
}
