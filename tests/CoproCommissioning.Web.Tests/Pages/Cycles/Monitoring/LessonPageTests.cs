using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>The lessons learned in monitoring: recording, revising and removing one, what it may cite, and who reads it.</summary>
public sealed class LessonPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task The_champion_records_a_lesson_citing_a_return_and_a_rating_chosen_from_their_groups()
    {
        var (monitored, ready) = await ReadyAsync();
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var form = await champion.GetAsync(LessonsUrls.New(monitored.CycleId), _ct);
        var recorded = await champion.SubmitOnAsync(form, new Dictionary<string, string>
        {
            ["Form.Text"] = "People used the phone line most after 8pm, so the next service opens later.",
            ["Form.Citations"] = Value(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]),
        }, ct: _ct);
        var list = await champion.FollowRedirectAsync(recorded, _ct);

        var groups = form.Document.QuerySelectorAll("main fieldset fieldset legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Input from people in this cycle", "Provider returns", "Panel ratings"], groups);
        Assert.Contains(DemoCycles.ProviderOrganisation, form.Document.QuerySelector($"label[for='{Checkbox(form, LessonSourceKind.ProviderReturn, ready.ReturnIds[0])}']")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(MonitoringUrls.Lessons(monitored.CycleId), recorded.Location);
        Assert.Contains("Lesson recorded.", list.Text);
        Assert.Contains("People used the phone line most after 8pm", list.Text);
        var lesson = await SingleLessonAsync(monitored.CycleId);
        Assert.Equal([new LessonCitation(LessonSourceKind.ProviderReturn, ready.ReturnIds[0])], lesson.Citations);
        Assert.Equal(People.Champion, lesson.RecordedByUserId);
    }

    [Fact]
    public async Task A_lesson_with_a_return_and_a_rating_ticked_cites_both()
    {
        var (monitored, ready) = await ReadyAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var recorded = await PostLessonAsync(commissioner, monitored.CycleId, "Ratings and returns agreed on early help.",
            Value(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]), Value(LessonSourceKind.PanelRating, ready.RatingId!.Value));

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(
            [new LessonCitation(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]), new LessonCitation(LessonSourceKind.PanelRating, ready.RatingId.Value)],
            (await SingleLessonAsync(monitored.CycleId)).Citations.OrderBy(c => c.Kind));
    }

    [Fact]
    public async Task A_lesson_without_words_or_sources_is_refused_beside_each_field_with_what_was_typed_kept()
    {
        var (monitored, _) = await ReadyAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var blank = await PostLessonAsync(commissioner, monitored.CycleId, "  ");
        var unsourced = await PostLessonAsync(commissioner, monitored.CycleId, "Open later in the evening.");

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(LessonRules.TextRequired.Message, blank.Document.GetElementById("Form_Text-error")?.TextContent);
        Assert.Contains(LessonRules.CitationRequired.Message, blank.Document.GetElementById("Form_Citations-error")?.TextContent);
        Assert.NotNull(blank.Document.QuerySelector(".nhsuk-error-summary a[href='#Form_Citations']"));
        Assert.NotNull(blank.Document.GetElementById("Form_Citations"));
        Assert.Equal("Open later in the evening.", unsourced.Document.GetElementById("Form_Text")!.TextContent.Trim());
        Assert.Empty(await LessonsAsync(monitored.CycleId));
    }

    [Fact]
    public async Task Citing_a_return_or_input_of_another_cycle_is_refused_beside_the_sources()
    {
        var (monitored, _) = await ReadyAsync();
        var (other, otherReady) = await ReadyAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var crafted = await PostLessonAsync(commissioner, monitored.CycleId, "Open later.", Value(LessonSourceKind.ProviderReturn, otherReady.ReturnIds[0]));
        var otherInput = await PostLessonAsync(commissioner, monitored.CycleId, "Open later.", Value(LessonSourceKind.Contribution, otherReady.ContributionId));
        var nonsense = await PostLessonAsync(commissioner, monitored.CycleId, "Open later.", "not-a-source");

        Assert.Contains(LessonRules.CitationUnknown.Message, crafted.Document.GetElementById("Form_Citations-error")?.TextContent);
        Assert.Contains(LessonRules.CitationUnknown.Message, otherInput.Document.GetElementById("Form_Citations-error")?.TextContent);
        Assert.Contains(LessonRules.CitationUnknown.Message, nonsense.Document.GetElementById("Form_Citations-error")?.TextContent);
        Assert.Empty(await LessonsAsync(monitored.CycleId));
        Assert.Empty(await LessonsAsync(other.CycleId));
    }

    [Fact]
    public async Task A_lesson_is_revised_and_removed_and_a_change_made_meanwhile_is_not_overwritten()
    {
        var (monitored, ready) = await ReadyAsync();
        var lessonId = await TestMonitoringSignOff.LessonAsync(fixture, People, monitored.CycleId, "First wording.",
            new LessonCitation(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]));
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var url = LessonsUrls.Lesson(monitored.CycleId, lessonId);

        var stale = await commissioner.GetAsync(url, _ct);
        var revised = await champion.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Text"] = "The champion's wording.",
            ["Form.Citations"] = Value(LessonSourceKind.PanelRating, ready.RatingId!.Value),
        }, ct: _ct);
        var clash = await commissioner.SubmitOnAsync(stale, new Dictionary<string, string>
        {
            ["Form.Text"] = "The commissioner's wording.",
            ["Form.Citations"] = Value(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]),
        }, ct: _ct);
        var afterClash = (await SingleLessonAsync(monitored.CycleId)).Text;
        var again = await commissioner.SubmitOnAsync(clash, new Dictionary<string, string>
        {
            ["Form.Text"] = "The commissioner's wording.",
            ["Form.Citations"] = Value(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]),
        }, ct: _ct);
        var removed = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=Remove']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains(LessonPageModel.ChangedWhileEditing, clash.Text);
        Assert.Equal("The commissioner's wording.", clash.Document.GetElementById("Form_Text")!.TextContent.Trim());
        Assert.Contains("The champion's wording.", clash.Document.QuerySelector(".nhsuk-inset-text")!.TextContent);
        Assert.Equal("The champion's wording.", afterClash);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Empty(await LessonsAsync(monitored.CycleId));
    }

    [Fact]
    public async Task Everyone_in_the_cycle_reads_the_lessons_but_team_only_input_is_only_counted_for_those_who_may_not_read_it()
    {
        var (monitored, _) = await ReadyAsync();
        Guid teamOnly = default;
        await fixture.ChangeCycleAsync(monitored.CycleId, cycle =>
        {
            teamOnly = Expect.Success(cycle.AddContribution(StageKind.Monitoring, People.Carer, CycleRole.PanelMember, Voice.Carer, Channel.Online,
                ContributionVisibility.CommissioningTeam, "My son waited nine hours in A&E", "", DateTimeOffset.UtcNow)).Id;
        });
        await TestMonitoringSignOff.LessonAsync(fixture, People, monitored.CycleId, "Long waits in A&E drove people to the café.",
            new LessonCitation(LessonSourceKind.Contribution, teamOnly));
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var observer = await fixture.SignedInAsync(CyclePeople.ObserverEmail);

        var asPanel = await panel.GetAsync(MonitoringUrls.Lessons(monitored.CycleId), _ct);
        var asChampion = await champion.GetAsync(MonitoringUrls.Lessons(monitored.CycleId), _ct);
        var asObserver = await observer.GetAsync(MonitoringUrls.Lessons(monitored.CycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, asPanel.Status);
        Assert.Contains("Long waits in A&E drove people to the café.", asPanel.Text);
        Assert.DoesNotContain("My son waited nine hours", asPanel.Text);
        Assert.Contains("1 source you cannot see", asPanel.Text);
        Assert.Null(asPanel.Document.QuerySelector($"main a[href='{LessonsUrls.New(monitored.CycleId)}']"));
        Assert.Contains("My son waited nine hours", asChampion.Text);
        Assert.Equal(HttpStatusCode.OK, asObserver.Status);
    }

    [Fact]
    public async Task Only_commissioners_and_the_champion_write_lessons_and_a_lesson_of_another_cycle_is_not_found()
    {
        var (monitored, ready) = await ReadyAsync();
        var (other, otherReady) = await ReadyAsync();
        var otherLesson = await TestMonitoringSignOff.LessonAsync(fixture, People, other.CycleId, "Another cycle's lesson.",
            new LessonCitation(LessonSourceKind.ProviderReturn, otherReady.ReturnIds[0]));
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var panelForm = await panel.GetAsync(LessonsUrls.New(monitored.CycleId), _ct);
        var providerPost = await provider.PostCraftedAsync(LessonsUrls.New(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Text"] = "A provider's lesson.",
            ["Form.Citations"] = Value(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]),
        }, MonitoringUrls.Lessons(monitored.CycleId), _ct);
        var crossCycle = await commissioner.GetAsync(LessonsUrls.Lesson(monitored.CycleId, otherLesson), _ct);
        var crossRemove = await commissioner.PostCraftedAsync($"{LessonsUrls.Lesson(monitored.CycleId, otherLesson)}?handler=Remove",
            new Dictionary<string, string>(), LessonsUrls.New(monitored.CycleId), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, panelForm.Status);
        Assert.Equal(HttpStatusCode.Forbidden, providerPost.Status);
        Assert.Equal(HttpStatusCode.NotFound, crossCycle.Status);
        Assert.Equal(HttpStatusCode.NotFound, crossRemove.Status);
        Assert.Empty(await LessonsAsync(monitored.CycleId));
        Assert.Single(await LessonsAsync(other.CycleId));
    }

    private async Task<(TestMonitoring.Monitored Monitored, TestMonitoringSignOff.Ready Ready)> ReadyAsync()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        return (monitored, await TestMonitoringSignOff.ArrangeAsync(fixture, People, monitored));
    }

    private async Task<BrowserLikeClient.Page> PostLessonAsync(BrowserLikeClient client, Guid cycleId, string text, params string[] citations)
    {
        var form = await client.GetAsync(LessonsUrls.New(cycleId), _ct);
        var token = form.Document.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent(
            [new("Form.Text", text), new("__RequestVerificationToken", token), .. citations.Select(c => new KeyValuePair<string, string>("Form.Citations", c))]);
        using var response = await client.Http.PostAsync(LessonsUrls.New(cycleId), content, _ct);
        return await BrowserLikeClient.Page.ReadAsync(response, _ct);
    }

    private static string Value(LessonSourceKind kind, Guid id) => $"{kind}:{id}";

    private static string Checkbox(BrowserLikeClient.Page page, LessonSourceKind kind, Guid id) =>
        page.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Citations'][value='{Value(kind, id)}']")!.Id!;

    private async Task<Lesson> SingleLessonAsync(Guid cycleId) => Assert.Single(await LessonsAsync(cycleId));

    private async Task<IReadOnlyList<Lesson>> LessonsAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Lessons.AsNoTracking().Where(l => l.CycleId == cycleId).ToListAsync(_ct);
    }
}
