using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Settings;

public sealed class SettingsPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static string Settings(Guid cycleId) => $"/cycles/{cycleId}/settings";

    private static string History(Guid cycleId) => $"/cycles/{cycleId}/settings/history";

    [Fact]
    public async Task A_commissioner_changes_the_settings_with_a_reason_and_every_member_reads_it_in_the_history()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await SaveAsync(commissioner, cycleId, new()
        {
            ["Form.Title"] = "Crisis alternatives, Harbourside",
            ["Form.Budget"] = "£1,200,000.50",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "6",
            ["Form.StartDate.Year"] = "2026",
            ["Form.MinimumLivedExperienceContributions"] = "3",
            ["Form.MinimumDistinctContributors"] = "2",
            ["Form.Reason"] = "The panel asked that each stage hears from more people",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(CycleUrls.Overview(cycleId), posted.Location);
        var cycle = await fixture.LoadCycleAsync(cycleId);
        Assert.Equal("Crisis alternatives, Harbourside", cycle.Title);
        Assert.Equal(1_200_000.50m, cycle.Budget);
        Assert.Equal(new DateOnly(2026, 6, 1), cycle.StartDate);
        Assert.Equal(new SignOffPolicy(3, 2), cycle.SignOffPolicy);
        Assert.Equal(fixture.People.Champion, cycle.ChampionUserId);
        var entry = Assert.Single(await HistoryAsync(cycleId));
        Assert.Equal(CycleSetting.Title | CycleSetting.Budget | CycleSetting.StartDate | CycleSetting.SignOffPolicy, entry.Changed);
        Assert.Equal((fixture.People.Commissioner, "The panel asked that each stage hears from more people"), (entry.ByUserId, entry.Reason));

        var overview = await commissioner.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Cycle settings saved", overview.Text, StringComparison.Ordinal);
        Assert.Contains(Settings(cycleId), overview.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));

        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var overviewForPanel = await panel.GetAsync(CycleUrls.Overview(cycleId), _ct);
        Assert.DoesNotContain(Settings(cycleId), overviewForPanel.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Contains(History(cycleId), overviewForPanel.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        var history = await panel.GetAsync(History(cycleId), _ct);
        Assert.Equal(HttpStatusCode.OK, history.Status);
        var item = Assert.Single(history.Document.QuerySelectorAll("main ul.nhsuk-list li")).TextContent;
        Assert.Contains("Changed the title, the budget, the start date and the sign-off rule", item, StringComparison.Ordinal);
        Assert.Contains("The panel asked that each stage hears from more people", item, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CyclePeople.PanelEmail)]
    [InlineData(CyclePeople.CarerEmail)]
    [InlineData(CyclePeople.ProviderEmail)]
    [InlineData(CyclePeople.ChampionEmail)]
    public async Task Anyone_but_a_commissioner_is_refused_the_page_and_a_crafted_post(string email)
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Settings(cycleId), _ct)).Status);
        var posted = await client.PostCraftedAsync(Settings(cycleId), Answers(new()
        {
            ["Form.Title"] = "Taken over",
            ["Form.Reason"] = "Because I can",
        }), tokenFromUrl: CycleUrls.Overview(cycleId), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        var cycle = await fixture.LoadCycleAsync(cycleId);
        Assert.NotEqual("Taken over", cycle.Title);
        Assert.Empty(await HistoryAsync(cycleId));
    }

    [Fact]
    public async Task Bad_answers_are_refused_beside_their_fields_keeping_what_was_typed_and_nothing_changes()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var before = await fixture.LoadCycleAsync(cycleId);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await SaveAsync(commissioner, cycleId, new()
        {
            ["Form.Title"] = "",
            ["Form.Budget"] = "lots",
            ["Form.StartDate.Day"] = "31",
            ["Form.StartDate.Month"] = "2",
            ["Form.MinimumLivedExperienceContributions"] = "many",
            ["Form.MinimumDistinctContributors"] = "0",
            ["Form.Reason"] = "",
            ["Form.ServiceArea"] = "Crisis care typed here",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        string ErrorFor(string id) => page.Document.QuerySelector($"#{id}-error")?.TextContent ?? "";
        Assert.Contains(CycleRules.CycleTitleRequired.Message, ErrorFor("Form_Title"), StringComparison.Ordinal);
        Assert.Contains(CycleRules.BudgetInvalid.Message, ErrorFor("Form_Budget"), StringComparison.Ordinal);
        Assert.Contains("must be a real date", ErrorFor("Form_StartDate"), StringComparison.Ordinal);
        Assert.Contains(CycleRules.PolicyMinimumContributions.Message, ErrorFor("Form_MinimumLivedExperienceContributions"), StringComparison.Ordinal);
        Assert.Contains(CycleRules.PolicyMinimumContributors.Message, ErrorFor("Form_MinimumDistinctContributors"), StringComparison.Ordinal);
        Assert.Contains(CycleRules.SettingsReasonRequired.Message, ErrorFor("Form_Reason"), StringComparison.Ordinal);
        Assert.Equal("Crisis care typed here", page.Document.QuerySelector<IHtmlInputElement>("input[name='Form.ServiceArea']")!.Value);
        Assert.Equal("lots", page.Document.QuerySelector<IHtmlInputElement>("input[name='Form.Budget']")!.Value);
        Assert.Equal("31", page.Document.QuerySelector<IHtmlInputElement>("input[name='Form.StartDate.Day']")!.Value);

        var after = await fixture.LoadCycleAsync(cycleId);
        Assert.Equal((before.Title, before.ServiceArea, before.Budget, before.SignOffPolicy), (after.Title, after.ServiceArea, after.Budget, after.SignOffPolicy));
        Assert.Empty(await HistoryAsync(cycleId));
    }

    [Fact]
    public async Task Raising_the_policy_blocks_a_stage_that_was_ready_and_lowering_it_frees_the_stage()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        Assert.Contains("Ready to sign off", (await commissioner.GetAsync(CycleUrls.Overview(cycleId), _ct)).Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(commissioner, cycleId, new()
        {
            ["Form.MinimumLivedExperienceContributions"] = "2",
            ["Form.Reason"] = "More voices",
        })).Status);

        var signOff = await commissioner.GetAsync(CycleUrls.SignOff(cycleId), _ct);
        Assert.Contains(CycleRules.LivedExperienceInputRequiredFor(2).Message, signOff.Document.QuerySelector("main ol")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ready to sign off", (await commissioner.GetAsync(CycleUrls.Overview(cycleId), _ct)).Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(commissioner, cycleId, new()
        {
            ["Form.MinimumLivedExperienceContributions"] = "1",
            ["Form.Reason"] = "Back to one",
        })).Status);
        Assert.Contains("Ready to sign off", (await commissioner.GetAsync(CycleUrls.Overview(cycleId), _ct)).Text, StringComparison.Ordinal);
        Assert.Null((await commissioner.GetAsync(CycleUrls.SignOff(cycleId), _ct)).Document.QuerySelector("main ol"));
    }

    [Fact]
    public async Task Someone_elses_change_since_the_form_was_opened_is_not_overwritten_and_what_was_typed_is_kept()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var form = await commissioner.GetAsync(Settings(cycleId), _ct);
        var version = form.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        Assert.NotEqual("0", version);
        await fixture.ChangeCycleAsync(cycleId, c => Expect.Success(
            c.ChangeSettings(CycleSettings.Of(c) with { Title = "Renamed by a colleague" }, fixture.People.Commissioner, CycleRole.Commissioner, "Colleague", DateTimeOffset.UtcNow)));

        var answers = AnswersOn(form);
        answers["Form.Title"] = "My title";
        answers["Form.Reason"] = "Mine";
        var posted = await commissioner.PostCraftedAsync(Settings(cycleId), answers, tokenFromUrl: Settings(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(ModelStateExtensions.ConcurrencyMessage, posted.Text, StringComparison.Ordinal);
        Assert.Equal("My title", posted.Document.QuerySelector<IHtmlInputElement>("input[name='Form.Title']")!.Value);
        Assert.NotEqual(version, posted.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));
        var cycle = await fixture.LoadCycleAsync(cycleId);
        Assert.Equal("Renamed by a colleague", cycle.Title);
        Assert.Equal(["Colleague"], (await HistoryAsync(cycleId)).Select(e => e.Reason));
    }

    [Fact]
    public async Task The_champion_is_chosen_from_the_cycles_champions_and_a_crafted_choice_of_anyone_else_is_refused()
    {
        var cycleId = await fixture.CreateCycleAsync(withChampion: false);
        Guid panelMembership, championMembership;
        await using (var scope = fixture.Db())
        {
            var memberships = await scope.Context.Memberships.Where(m => m.CycleId == cycleId).ToListAsync(_ct);
            panelMembership = memberships.Single(m => m.UserId == fixture.People.Panel).Id;
            championMembership = memberships.Single(m => m.UserId == fixture.People.Champion).Id;
        }

        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var form = await commissioner.GetAsync(Settings(cycleId), _ct);
        var offered = form.Document.QuerySelectorAll("select[name='Form.Champion'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", championMembership.ToString()], offered);

        var refused = await SaveAsync(commissioner, cycleId, new()
        {
            ["Form.Champion"] = panelMembership.ToString(),
            ["Form.Reason"] = "Naming a panel member",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Web.Pages.Cycles.Settings.IndexModel.ChooseChampionFromList, refused.Document.QuerySelector("#Form_Champion-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null((await fixture.LoadCycleAsync(cycleId)).ChampionUserId);

        var named = await SaveAsync(commissioner, cycleId, new()
        {
            ["Form.Champion"] = championMembership.ToString(),
            ["Form.Reason"] = "Our champion has joined",
        });
        Assert.Equal(HttpStatusCode.Redirect, named.Status);
        Assert.Equal(fixture.People.Champion, (await fixture.LoadCycleAsync(cycleId)).ChampionUserId);
    }

    private async Task<List<CycleEvent>> HistoryAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Cycles.AsNoTracking().Where(c => c.Id == cycleId).SelectMany(c => c.History).OrderBy(e => e.At).ToListAsync(_ct);
    }

    private static Dictionary<string, string> Answers(Dictionary<string, string> changed) => changed;

    /// <summary>Opens the settings form and posts every answer as the page filled it in, with <paramref name="changed"/> changed.</summary>
    private async Task<BrowserLikeClient.Page> SaveAsync(BrowserLikeClient client, Guid cycleId, Dictionary<string, string> changed)
    {
        var form = await client.GetAsync(Settings(cycleId), _ct);
        var answers = AnswersOn(form);
        foreach (var (name, value) in changed)
        {
            answers[name] = value;
        }

        return await client.SubmitAsync(Settings(cycleId), answers, ct: _ct);
    }

    private static Dictionary<string, string> AnswersOn(BrowserLikeClient.Page form)
    {
        var answers = new Dictionary<string, string>();
        foreach (var input in form.Document.QuerySelectorAll<IHtmlInputElement>("main form input[name^='Form.']"))
        {
            answers[input.Name!] = input.Value;
        }

        foreach (var area in form.Document.QuerySelectorAll<IHtmlTextAreaElement>("main form textarea"))
        {
            answers[area.Name!] = area.Value;
        }

        foreach (var select in form.Document.QuerySelectorAll<IHtmlSelectElement>("main form select"))
        {
            answers[select.Name!] = select.Value ?? "";
        }

        return answers;
    }
}
