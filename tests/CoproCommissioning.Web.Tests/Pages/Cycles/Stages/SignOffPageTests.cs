using Microsoft.EntityFrameworkCore;
using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Cycles.Stages;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

public sealed class SignOffPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_blocker_is_listed_in_plain_words_with_a_link_to_where_it_is_fixed()
    {
        Guid unanswered = default, decisionId = default, provider = default;
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            provider = c.FromProvider().Id;
            unanswered = c.FromPanel(summary: "Nobody has answered me").Id;
            decisionId = c.CoProducedDecision(StageKind.NeedsAssessment, "Provider-only decision", c.Cycle.FindContribution(unanswered)!).Id;
        }, withChampion: false);
        // A decision kept before R2 was checked as decisions are saved: co-produced, citing only provider input.
        await using (var scope = fixture.Db())
        {
            await scope.Context.Database.ExecuteSqlAsync($"UPDATE decision_influences SET contribution_id = {provider} WHERE decision_id = {decisionId}", _ct);
        }

        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await client.GetAsync(CycleUrls.SignOff(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var list = page.Document.QuerySelector("main ol")!;
        Assert.Contains(CycleRules.ChampionRequired.Message, list.TextContent);
        Assert.Contains(CycleRules.InputAwaitingResponse.Message, list.TextContent);
        Assert.Contains("Nobody has answered me", list.TextContent);
        Assert.Contains(CycleRules.CoProducedDecisionNeedsLivedExperience.Message, list.TextContent);
        var links = list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/cycles/{cycleId}/members", links);
        Assert.Contains(CycleUrls.Respond(cycleId, unanswered), links);
        Assert.Contains(CycleUrls.Decision(cycleId, decisionId), links);
        Assert.Null(page.Document.QuerySelector("textarea[name='Form.Statement']"));
    }

    [Fact]
    public async Task When_nothing_stands_in_the_way_the_commissioner_checks_who_took_part_the_input_by_voice_and_the_decisions()
    {
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            var own = c.FromPanel();
            c.Respond(own);
            c.FromProvider();
            var workshop = Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Champion, CycleRole.CoProductionChampion,
                null, 6, Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone, "Parents at the Harbourside workshop", "", c.Next()));
            c.Respond(workshop);
            c.CoProducedDecision(StageKind.NeedsAssessment, "Make crisis support a priority need", own);
            Expect.Success(c.Cycle.RecordDecision(StageKind.NeedsAssessment, ADecision.InMode(DecisionMode.CommissionerLed)
                .WithRationale("The budget was set by the board.").WithTitle("Weekend opening")
                .WithGroups(new GroupOfPeople(6, Voice.Carer, "parents at the Harbourside workshop")).DecidedAt(c.Next()).Build(),
                c.People.Commissioner, CycleRole.Commissioner, c.Next()));
        });
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await client.SubmitAsync(CycleUrls.SignOff(cycleId), new Dictionary<string, string>
        {
            ["Form.Statement"] = "Agreed with the panel and the Harbourside parents.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Check before you sign off needs assessment", page.Document.QuerySelector("h1")!.LastChild!.TextContent.Trim());
        var summary = page.Document.QuerySelector("#what-you-are-signing-off")!;
        var rows = summary.QuerySelectorAll(".nhsuk-summary-list__row").ToDictionary(
            r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent);
        Assert.Contains("Commissioner (1)", rows["Who took part"]);
        Assert.Contains("Panel member (1)", rows["Who took part"]);
        Assert.Contains("Provider (1)", rows["Who took part"]);
        Assert.Contains("People without an account (6)", rows["Who took part"]);
        Assert.Contains("Named on decisions, without an account: 6 parents at the Harbourside workshop", rows["Who took part"]);
        Assert.DoesNotContain("Co-production champion", rows["Who took part"]);
        Assert.Contains("3 contributions", rows["Input"]);
        Assert.Contains("Carer: 1 (carrying 6 people's voices)", rows["Input"]);
        Assert.Contains("Provider: 1", rows["Input"]);
        Assert.Contains("Make crisis support a priority need (Co-produced)", rows["Decisions (2)"]);
        Assert.Contains("Agreed with the panel and the Harbourside parents.", rows["Sign-off statement"]);
        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public async Task Changing_the_statement_from_the_check_step_keeps_what_was_written_and_nothing_is_signed_off()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.SignOff(cycleId);
        var check = await client.SubmitAsync(url, new Dictionary<string, string> { ["Form.Statement"] = "Agreed on 3 March." }, ct: _ct);

        var change = await client.PostCraftedAsync($"{url}?handler=Change", new Dictionary<string, string>
        {
            ["Form.Statement"] = "Agreed on 3 March.",
            ["Form.Version"] = check.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
        }, url, _ct);

        Assert.Equal("Change the statement", check.Document.QuerySelector("button[formaction*='Change']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, change.Status);
        Assert.Equal("Agreed on 3 March.", change.Document.QuerySelector("textarea[name='Form.Statement']")!.TextContent.Trim());
        Assert.Null(change.Document.QuerySelector("#what-you-are-signing-off"));
        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public async Task Only_a_commissioner_reaches_the_check_step_and_only_when_nothing_stands_in_the_way()
    {
        var ready = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var blocked = await fixture.CreateCycleAsync(c => c.FromProvider());
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var statement = new Dictionary<string, string> { ["Form.Statement"] = "Agreed with the panel." };

        Assert.Null((await panel.GetAsync(CycleUrls.SignOff(ready), _ct)).Document.QuerySelector("#what-you-are-signing-off"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await panel.PostCraftedAsync($"{CycleUrls.SignOff(ready)}?handler=Check", statement, "/", _ct)).Status);
        var refused = await commissioner.PostCraftedAsync($"{CycleUrls.SignOff(blocked)}?handler=Check", statement, CycleUrls.SignOff(blocked), _ct);
        Assert.Null(refused.Document.QuerySelector("#what-you-are-signing-off"));
        Assert.Contains(SignOffModel.CannotSignOffYet, refused.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Null((await commissioner.GetAsync(CycleUrls.SignOff(ready), _ct)).Document.QuerySelector("#what-you-are-signing-off"));
        Assert.NotNull((await commissioner.SubmitAsync(CycleUrls.SignOff(ready), statement, ct: _ct)).Document.QuerySelector("#what-you-are-signing-off"));
    }

    [Fact]
    public async Task Many_unanswered_contributions_are_counted_and_only_the_oldest_listed_with_every_other_rule()
    {
        int unanswered = SignOffModel.MostItemsListed + 5;
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            for (int i = 1; i <= unanswered; i++)
            {
                c.FromPanel(summary: $"Unanswered input {i:D2}");
            }
        }, withChampion: false);
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await client.GetAsync(CycleUrls.SignOff(cycleId), _ct);

        var items = page.Document.QuerySelectorAll("main ol > li").Select(li => li.TextContent).ToList();
        Assert.Equal(SignOffModel.MostItemsListed + 1, items.Count);
        Assert.Contains(CycleRules.ChampionRequired.Message, items[0]);
        Assert.Contains("Unanswered input 01", items[1]);
        Assert.Contains($"Unanswered input {SignOffModel.MostItemsListed:D2}", items[^1]);
        Assert.DoesNotContain(items, i => i.Contains($"Unanswered input {SignOffModel.MostItemsListed + 1:D2}", StringComparison.Ordinal));
        Assert.Contains($"What still needs to happen ({unanswered + 1})", page.Document.QuerySelector("#still-needed")!.TextContent);
        var more = page.Document.QuerySelector("main ol + p")!;
        Assert.Contains("And 5 more", more.TextContent);
        Assert.Equal(CycleUrls.Stage(cycleId), more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task With_only_provider_input_the_lived_experience_rules_are_listed_with_where_to_log_input()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.FromProvider());
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await client.GetAsync(CycleUrls.SignOff(cycleId), _ct);

        var list = page.Document.QuerySelector("main ol")!;
        Assert.Contains(CycleRules.LivedExperienceInputRequired.Message, list.TextContent);
        Assert.DoesNotContain(CycleRules.DistinctContributorsRequired.Message, list.TextContent);
        Assert.Contains(CycleUrls.LogOnBehalf(cycleId), list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_commissioner_who_logged_all_the_lived_experience_input_themselves_is_told_they_cannot_co_produce_alone()
    {
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            var logged = Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Commissioner, CycleRole.Commissioner,
                null, 4, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone, "Notes from the drop-in", "", c.Next()));
            c.Respond(logged);
        });
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.SignOff(cycleId);

        var page = await client.GetAsync(url, _ct);

        var list = page.Document.QuerySelector("main ol")!;
        Assert.Contains(CycleRules.InputNotOnlyFromSigner.Message, list.TextContent);
        Assert.Contains($"/cycles/{cycleId}/members", list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var version = page.Document.QuerySelector("input[name='Form.Version']")?.GetAttribute("value") ?? "0";
        var posted = await client.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Agreed with the panel.",
            ["Form.Version"] = version,
        }, tokenFromUrl: url, _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(CycleRules.InputNotOnlyFromSigner.Message, posted.Document.QuerySelector("main ol")!.TextContent);
        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public async Task A_hand_crafted_sign_off_is_refused_with_the_same_list_and_changes_nothing()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.FromProvider());
        var version = (await fixture.LoadCycleAsync(cycleId)).Version;
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.PostCraftedAsync(CycleUrls.SignOff(cycleId), new Dictionary<string, string>
        {
            ["Form.Statement"] = "Signed off anyway",
            ["Form.Version"] = version.ToString(),
        }, tokenFromUrl: CycleUrls.Stage(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(SignOffModel.CannotSignOffYet, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Contains(CycleRules.LivedExperienceInputRequired.Message, posted.Document.QuerySelector("main ol")!.TextContent);
        var stage = (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment);
        Assert.Equal(StageStatus.Open, stage.Status);
        Assert.Empty(stage.History);
    }

    [Fact]
    public async Task A_commissioner_signs_off_with_a_statement_and_the_next_stage_opens()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var check = await client.SubmitAsync(CycleUrls.SignOff(cycleId), new Dictionary<string, string>
        {
            ["Form.Statement"] = "Agreed with the panel on 3 March.",
        }, ct: _ct);
        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
        var posted = await client.SubmitOnAsync(check, new Dictionary<string, string>(), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(CycleUrls.Overview(cycleId), posted.Location);
        var cycle = await fixture.LoadCycleAsync(cycleId);
        var signOff = Assert.Single(cycle.StageOf(StageKind.NeedsAssessment).History);
        Assert.Equal((StageEventKind.SignOff, fixture.People.Commissioner, "Agreed with the panel on 3 March."),
            (signOff.Kind, signOff.ByUserId, signOff.Text));
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.CoDesign).Status);

        var overview = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Needs assessment signed off. Co-design is open.", overview.Text);
        Assert.Contains("Agreed with the panel on 3 March.", overview.Document.QuerySelector("#history")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task A_blank_statement_is_refused_beside_the_box_and_the_stage_stays_open()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.SubmitAsync(CycleUrls.SignOff(cycleId), new Dictionary<string, string> { ["Form.Statement"] = "" }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Enter a sign-off statement", posted.Document.QuerySelector("#Form_Statement-error")!.TextContent);
        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public async Task Only_commissioners_sign_off_though_every_member_can_see_what_is_missing()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var version = (await fixture.LoadCycleAsync(cycleId)).Version.ToString();
        var fields = new Dictionary<string, string> { ["Form.Statement"] = "Champion signing off", ["Form.Version"] = version };

        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var page = await champion.GetAsync(CycleUrls.SignOff(cycleId), _ct);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await champion.PostCraftedAsync(CycleUrls.SignOff(cycleId), fields, tokenFromUrl: "/", _ct)).Status);

        var outsider = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(CycleUrls.SignOff(cycleId), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostCraftedAsync(CycleUrls.SignOff(cycleId), fields, tokenFromUrl: "/", _ct)).Status);

        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public async Task A_change_by_someone_else_after_the_page_was_shown_stops_the_sign_off_with_a_message()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.SignOff(cycleId);
        var form = await client.GetAsync(url, _ct);
        var version = form.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        await fixture.ChangeCycleAsync(cycleId, cycle => Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment,
            fixture.People.Provider, CycleRole.Provider, Voice.Provider, Channel.Online, ContributionVisibility.Everyone, "Late provider data", "", DateTimeOffset.UtcNow)));
        var posted = await client.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Agreed with the panel.",
            ["Form.Version"] = version,
        }, tokenFromUrl: url, _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(SignOffModel.ChangedWhileSigningOff, posted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Equal("Agreed with the panel.", posted.Document.QuerySelector("#Form_Statement")!.TextContent);
        Assert.NotEqual(version, posted.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));
        Assert.Equal(StageStatus.Open, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public async Task A_signed_off_stage_is_reopened_only_with_a_reason_and_both_stay_in_the_history()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.SignOff(StageKind.NeedsAssessment));
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = CycleUrls.SignOff(cycleId);

        var blank = await client.SubmitAsync(url, new Dictionary<string, string> { ["ReopenForm.Reason"] = "" }, "form[action*='Reopen']", _ct);
        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains("Enter why you are reopening this stage", blank.Document.QuerySelector("#ReopenForm_Reason-error")!.TextContent);
        Assert.Equal(StageStatus.SignedOff, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);

        var reopened = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["ReopenForm.Reason"] = "New evidence about waiting times.",
        }, "form[action*='Reopen']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        var stage = (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment);
        Assert.Equal(StageStatus.Reopened, stage.Status);
        Assert.Equal([StageEventKind.SignOff, StageEventKind.Reopen], stage.History.OrderBy(e => e.At).Select(e => e.Kind));
        Assert.Equal("New evidence about waiting times.", stage.History.Single(e => e.Kind == StageEventKind.Reopen).Text);
    }

    [Fact]
    public async Task Only_commissioners_reopen_a_stage()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.SignOff(StageKind.NeedsAssessment));
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await champion.PostCraftedAsync($"{CycleUrls.SignOff(cycleId)}?handler=Reopen",
            new Dictionary<string, string> { ["ReopenForm.Reason"] = "I want to change it" }, tokenFromUrl: "/", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(StageStatus.SignedOff, (await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Status);
    }
}
