using System.Net;
using AngleSharp.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Tests.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

/// <summary>Each role is shown its own tasks: the sign-off checklist is the commissioning team's, the champion's main job is logging input.</summary>
public sealed class RoleTasksPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Words only a sign-off checklist uses: the workspace's, the overview's and the sign-off page's, and the rules it lists.</summary>
    private static readonly string[] ChecklistWords =
    [
        "to do before",
        "needed to sign off",
        "needed for sign-off",
        "Ready to sign off",
        "ready to sign off",
        "can be signed off",
        "Sign-off rule",
        "What still needs to happen",
        CycleRules.LivedExperienceInputRequired.Message,
        CycleRules.DistinctContributorsRequired.Message,
        CycleRules.InputNotOnlyFromSigner.Message,
        CycleRules.InputAwaitingResponse.Message,
        CycleRules.ChampionRequired.Message,
    ];

    [Theory]
    [InlineData(CyclePeople.PanelEmail, CycleRole.PanelMember)]
    [InlineData(CyclePeople.ProviderEmail, CycleRole.Provider)]
    [InlineData(CyclePeople.CommissionerEmail, CycleRole.Commissioner)]
    public async Task Every_cycle_page_shows_a_sign_off_checklist_only_to_the_commissioning_team(string email, CycleRole role)
    {
        // Needs assessment signed off; co-design in progress with unanswered input, so its checklist has something in it.
        Contribution? unanswered = null;
        Decision? decision = null;
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            unanswered = c.FromPanel(StageKind.CoDesign, "Meet people where they already go");
            c.FromProvider(StageKind.CoDesign);
            decision = c.CoProducedDecision(StageKind.CoDesign, "Drop-in hubs in three towns", unanswered);
        });
        var pages = await PageUnderTest.AllAsync(fixture.Factory.Services);
        var values = new Dictionary<string, string> { ["contributionId"] = unanswered!.Id.ToString(), ["decisionId"] = decision!.Id.ToString() };
        var client = await fixture.SignedInAsync(email);
        var mayFollow = CyclePermissions.Allows(role, CycleOperation.FollowSignOff);

        List<string> shown = [];
        List<string> visited = [];
        foreach (var page in pages.Where(p => p.IsCyclePage))
        {
            foreach (var stage in page.Route.Contains("{stage", StringComparison.Ordinal) ? Enum.GetValues<StageKind>() : [StageKind.NeedsAssessment])
            {
                var url = page.Url(cycleId, new Dictionary<string, string>(values) { ["stage"] = stage.ToSlug() });
                var response = await client.GetAsync(url, _ct);
                if (response.Status != HttpStatusCode.OK)
                {
                    continue;
                }

                visited.Add(url);
                var main = response.Document.QuerySelector("main")?.TextContent ?? "";
                shown.AddRange(ChecklistWords.Where(words => main.Contains(words, StringComparison.Ordinal)).Select(words => $"{url}: \u201c{words}\u201d"));
            }
        }

        Assert.True(visited.Count > 20, $"Only {visited.Count} pages answered.");
        Assert.Contains(CycleUrls.Overview(cycleId), visited);
        Assert.Contains(CycleUrls.Stage(cycleId, "co-design"), visited);
        if (mayFollow)
        {
            // The same walk finds the checklist for the team, so the words it looks for are the ones the pages use.
            Assert.Contains(shown, s => s.Contains("/stages/co-design:", StringComparison.Ordinal));
            Assert.Contains(shown, s => s.Contains("/stages/co-design/sign-off:", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(shown.Count == 0, string.Join(Environment.NewLine, shown));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(CycleUrls.SignOff(cycleId, "co-design"), _ct)).Status);
        }
    }

    [Fact]
    public async Task The_workspace_never_links_panel_members_or_providers_to_the_sign_off_page()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.SignOff(StageKind.NeedsAssessment));

        foreach (var email in new[] { CyclePeople.PanelEmail, CyclePeople.ProviderEmail })
        {
            var client = await fixture.SignedInAsync(email);
            foreach (var stage in new[] { "needs-assessment", "co-design" })
            {
                var page = await client.GetAsync(CycleUrls.Stage(cycleId, stage), _ct);
                Assert.DoesNotContain(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href")?.EndsWith("/sign-off", StringComparison.Ordinal) == true);
            }

            var overview = await client.GetAsync(CycleUrls.Overview(cycleId), _ct);
            Assert.Equal("In progress", Tag(overview, "co-design"));
        }

        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var signedOff = await commissioner.GetAsync(CycleUrls.Stage(cycleId), _ct);
        Assert.Contains(signedOff.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == CycleUrls.SignOff(cycleId));
    }

    [Fact]
    public async Task The_champions_main_button_is_logging_input_on_someones_behalf()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var championButtons = Buttons(await champion.GetAsync(CycleUrls.Stage(cycleId), _ct));
        var commissionerButtons = Buttons(await commissioner.GetAsync(CycleUrls.Stage(cycleId), _ct));

        Assert.Equal(("Log input on someone's behalf", CycleUrls.LogOnBehalf(cycleId), true), championButtons[0]);
        Assert.Contains(("Add your input", CycleUrls.AddContribution(cycleId), false), championButtons);
        Assert.Equal(("Add your input", CycleUrls.AddContribution(cycleId), true), commissionerButtons[0]);
        Assert.Contains(("Log input on someone's behalf", CycleUrls.LogOnBehalf(cycleId), false), commissionerButtons);
        Assert.Single(championButtons, b => b.Main);
        Assert.Single(commissionerButtons, b => b.Main);
    }

    [Fact]
    public async Task The_dashboard_tells_the_champion_and_commissioner_of_stages_without_lived_experience_input_and_cycles_without_a_panel()
    {
        var empty = await fixture.CreateCycleAsync(title: "Tasks: nothing in yet");
        var lonely = await fixture.CreateCycleAsync(c => c.Respond(c.FromPanel()), title: "Tasks: no panel");
        await using (var scope = fixture.Db())
        {
            await scope.Context.Memberships.Where(m => m.CycleId == lonely && m.Role == CycleRole.PanelMember).ExecuteDeleteAsync(_ct);
        }

        foreach (var email in new[] { CyclePeople.ChampionEmail, CyclePeople.CommissionerEmail })
        {
            var dashboard = await (await fixture.SignedInAsync(email)).GetAsync("/cycles", _ct);

            var emptyCard = Card(dashboard, "Tasks: nothing in yet");
            Assert.Contains(Links(emptyCard), l => l == ("Needs assessment has no lived-experience input yet", CycleUrls.Stage(empty)));
            Assert.DoesNotContain("No panel members", emptyCard.TextContent, StringComparison.Ordinal);
            var lonelyCard = Card(dashboard, "Tasks: no panel");
            Assert.Contains(Links(lonelyCard), l => l.Text.StartsWith("No panel members in this cycle yet", StringComparison.Ordinal) && l.Href == $"/cycles/{lonely}/members");
            Assert.DoesNotContain("no lived-experience input", lonelyCard.TextContent, StringComparison.Ordinal);
        }

        var panel = await (await fixture.SignedInAsync(CyclePeople.PanelEmail)).GetAsync("/cycles", _ct);
        Assert.DoesNotContain("no lived-experience input", Card(panel, "Tasks: nothing in yet").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("No panel members", Card(panel, "Tasks: nothing in yet").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_members_specification_task_opens_the_drafts_sections()
    {
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.SignOff(StageKind.CoDesign);
        }, title: "Tasks: specification open");
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var card = Card(await client.GetAsync("/cycles", _ct), "Tasks: specification open");

        Assert.Contains(Links(card), l => l == ("Specification is open for your input", $"/cycles/{cycleId}/specification"));
        Assert.DoesNotContain(Links(card), l => l.Href.Contains("/contributions/new", StringComparison.Ordinal));
    }

    private static IElement Card(BrowserLikeClient.Page page, string title) =>
        page.Document.QuerySelectorAll(".nhsuk-card").Single(c => c.QuerySelector("h2")?.TextContent.Trim() == title);

    private static List<(string Text, string Href)> Links(IElement card) =>
        [.. card.QuerySelectorAll("li a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? ""))];

    private static List<(string Text, string Href, bool Main)> Buttons(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("main .nhsuk-button-group a.nhsuk-button")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "", !a.ClassList.Contains("nhsuk-button--secondary")))];

    private static string? Tag(BrowserLikeClient.Page page, string stage) =>
        page.Document.QuerySelector($"#stage-{stage}-status .nhsuk-tag")?.TextContent.Trim();
}
