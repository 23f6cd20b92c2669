using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.LoggedInput;

/// <summary>"Input I logged and what happened to it", and the printable "you said, we did" sheets it leads to.</summary>
public sealed class LoggedInputPagesTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_champion_sees_each_piece_of_input_they_logged_with_its_answer_and_the_decisions_it_shaped()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: list");
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var page = await client.GetAsync(ListUrl(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var headings = page.Document.QuerySelectorAll("main .nhsuk-card__heading").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Co-design: a different stage", "Phone call: nobody answered yet", "Workshop: evening support"], headings);
        var answered = page.Document.QuerySelector($"#contribution-{logged.Answered}")!;
        Assert.Contains("Adapted", answered.TextContent);
        Assert.Contains("We will open two evenings a week.", answered.TextContent);
        Assert.Contains("Evening opening", answered.TextContent);
        Assert.Contains(answered.QuerySelectorAll("a"), a => a.GetAttribute("href") == SheetUrl(cycleId, logged.Answered));
        Assert.Contains("Waiting for a response", page.Document.QuerySelector($"#contribution-{logged.Waiting}")!.TextContent);
        Assert.DoesNotContain("Commissioner's own logging", page.Text);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/cycles/{cycleId}/stages/needs-assessment/you-said-we-did");
    }

    [Fact]
    public async Task The_sheet_says_what_was_said_what_was_done_who_answered_and_the_decisions_it_shaped_without_ids_or_hidden_names()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: sheet");
        await ShowPanelMemberAsPanelMemberAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var sheet = await client.GetAsync(SheetUrl(cycleId, logged.Answered), _ct);

        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        var text = sheet.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("You said, we did", text);
        Assert.Contains("Workshop: evening support", text);
        Assert.Contains("Nobody is around after five o'clock.", text);
        Assert.Contains("Adapted.", text);
        Assert.Contains("We changed something because of what you said", text);
        Assert.Contains("We will open two evenings a week.", text);
        Assert.Contains("Answered by Priya Sharma on", text);
        Assert.Contains("Evening opening", text);
        Assert.Contains("It set the first priority.", text);
        Assert.Contains("It brings together what 6 people said: parents at the Harbourside workshop.", text);
        Assert.Contains("gathered on 12 March 2026", text);
        Assert.DoesNotContain("(you)", text);
        Assert.DoesNotContain("Jess Morgan", sheet.Html);
        Assert.NotNull(sheet.Document.QuerySelector("button[data-app-print]"));
        foreach (var id in new[] { fixture.People.Commissioner, fixture.People.Champion, fixture.People.Panel })
        {
            Assert.DoesNotContain(id, sheet.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Team_only_input_is_on_the_sheet_marked_as_shared_with_the_commissioning_team_only()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: team only");
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var teamOnly = await client.GetAsync(SheetUrl(cycleId, logged.Waiting), _ct);
        var everyone = await client.GetAsync(SheetUrl(cycleId, logged.Answered), _ct);

        Assert.Contains("shared with the commissioning team only", teamOnly.Text);
        Assert.Contains("Waiting for a response.", teamOnly.Text);
        Assert.Contains("I rang three times.", teamOnly.Text);
        Assert.DoesNotContain("Jess Morgan", teamOnly.Html);
        Assert.DoesNotContain("shared with the commissioning team only", everyone.Text);
    }

    [Fact]
    public async Task The_stage_sheet_has_everything_the_person_logged_in_that_stage_and_nothing_else()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: stage sheet");
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var sheet = await client.GetAsync($"/cycles/{cycleId}/stages/needs-assessment/you-said-we-did", _ct);

        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        var entries = sheet.Document.QuerySelectorAll(".app-sheet__entry h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Workshop: evening support", "Phone call: nobody answered yet"], entries);
        Assert.Contains("1 piece of input is still waiting for a response.", sheet.Text);
        Assert.DoesNotContain("Commissioner's own logging", sheet.Text);
        Assert.DoesNotContain("Co-design: a different stage", sheet.Text);
    }

    [Fact]
    public async Task Only_the_person_who_logged_it_and_the_commissioners_may_read_a_sheet()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: who reads");
        var sheet = SheetUrl(cycleId, logged.Answered);

        var commissioner = await (await fixture.SignedInAsync(CyclePeople.CommissionerEmail)).GetAsync(sheet, _ct);
        var clinician = await (await fixture.SignedInAsync(CyclePeople.ClinicianEmail)).GetAsync(sheet, _ct);
        var panel = await (await fixture.SignedInAsync(CyclePeople.PanelEmail)).GetAsync(sheet, _ct);
        var outsider = await (await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail)).GetAsync(sheet, _ct);
        var championReadingTheCommissioners = await (await fixture.SignedInAsync(CyclePeople.ChampionEmail))
            .GetAsync(SheetUrl(cycleId, logged.ByCommissioner), _ct);
        var notLoggedOnBehalf = await (await fixture.SignedInAsync(CyclePeople.CommissionerEmail))
            .GetAsync(SheetUrl(cycleId, logged.OwnInput), _ct);

        Assert.Equal(HttpStatusCode.OK, commissioner.Status);
        Assert.Contains("We will open two evenings a week.", commissioner.Text);
        Assert.Equal(HttpStatusCode.Forbidden, clinician.Status);
        Assert.Equal(HttpStatusCode.Forbidden, panel.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.NotFound, championReadingTheCommissioners.Status);
        Assert.DoesNotContain("Commissioner's own logging", championReadingTheCommissioners.Html);
        Assert.Equal(HttpStatusCode.NotFound, notLoggedOnBehalf.Status);
    }

    [Fact]
    public async Task A_sheet_under_another_stage_of_the_cycle_is_not_found()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: wrong stage");
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var page = await client.GetAsync($"/cycles/{cycleId}/stages/co-design/contributions/{logged.Answered}/you-said-we-did", _ct);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task After_answering_input_they_logged_the_champion_is_offered_its_sheet()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: respond");
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await client.SubmitAsync(CycleUrls.Respond(cycleId, logged.Waiting), new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.Adopted),
            ["Form.Explanation"] = "We will call people back within a day.",
        }, ct: _ct);
        var workspace = await client.FollowRedirectAsync(posted, _ct);

        var banner = workspace.Document.QuerySelector(".nhsuk-notification-banner")!;
        Assert.Contains("‘you said, we did’ sheet", banner.TextContent);
        Assert.Equal(SheetUrl(cycleId, logged.Waiting), banner.QuerySelector("a.nhsuk-notification-banner__link")!.GetAttribute("href"));
        var sheet = await client.GetAsync(SheetUrl(cycleId, logged.Waiting), _ct);
        Assert.Contains("We will call people back within a day.", sheet.Text);
    }

    [Fact]
    public async Task A_clinical_adviser_answering_logged_input_is_told_who_can_print_the_sheet_and_given_no_link()
    {
        var logged = default(Arranged);
        var cycleId = await fixture.CreateCycleAsync(c => logged = Arrange(c), title: "Logged input: adviser responds");
        var client = await fixture.SignedInAsync(CyclePeople.ClinicianEmail);

        var posted = await client.SubmitAsync(CycleUrls.Respond(cycleId, logged.Answered), new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.NotAdopted),
            ["Form.Explanation"] = "Call-backs need a clinician, so this goes to the crisis team.",
        }, ct: _ct);
        var workspace = await client.FollowRedirectAsync(posted, _ct);

        var banner = workspace.Document.QuerySelector(".nhsuk-notification-banner")!;
        Assert.Contains("The person who logged this input can print", banner.TextContent);
        Assert.Null(banner.QuerySelector("a"));
    }

    [Fact]
    public async Task The_workspace_leads_the_champion_to_the_input_they_logged()
    {
        var cycleId = await fixture.CreateCycleAsync(title: "Logged input: workspace link");
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var forChampion = await champion.GetAsync(CycleUrls.Stage(cycleId), _ct);
        var forPanel = await panel.GetAsync(CycleUrls.Stage(cycleId), _ct);

        Assert.Contains(forChampion.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == ListUrl(cycleId));
        Assert.DoesNotContain(forPanel.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == ListUrl(cycleId));
    }

    private static string ListUrl(Guid cycleId) => $"/cycles/{cycleId}/logged-input";

    private static string SheetUrl(Guid cycleId, Guid contributionId, string stage = "needs-assessment") =>
        $"/cycles/{cycleId}/stages/{stage}/contributions/{contributionId}/you-said-we-did";

    /// <summary>
    /// The champion logs a workshop's input (answered, shaping a decision) and a team-only phone call (unanswered) in
    /// needs assessment, and something in co-design; the commissioner logs input too; the panel member adds their own.
    /// </summary>
    private static Arranged Arrange(CycleArranger c)
    {
        var workshop = Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Champion, CycleRole.CoProductionChampion,
            null, 6, Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone, "Workshop: evening support",
            "Nobody is around after five o'clock.", c.Next(), origin: new InputOrigin(new DateOnly(2026, 3, 12), GivenBy: "parents at the Harbourside workshop")));
        var phone = Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Champion, CycleRole.CoProductionChampion,
            new Contributor(c.People.Panel, CycleRole.PanelMember), 1, Voice.LivedExperience, Channel.Phone, ContributionVisibility.CommissioningTeam, "Phone call: nobody answered yet",
            "I rang three times.", c.Next()));
        Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.CoDesign, c.People.Champion, CycleRole.CoProductionChampion,
            null, 3, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone, "Co-design: a different stage", "", c.Next()));
        var byCommissioner = Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Commissioner, CycleRole.Commissioner,
            null, 2, Voice.Carer, Channel.Phone, ContributionVisibility.Everyone, "Commissioner's own logging", "", c.Next()));
        var own = c.FromPanel(summary: "Panel member's own input");
        Expect.Success(c.Cycle.Respond(workshop.Id, c.People.Commissioner, CycleRole.Commissioner, ResponseType.Adapted,
            "We will open two evenings a week.", c.Next()));
        c.CoProducedDecision(StageKind.NeedsAssessment, "Evening opening", workshop);
        return new Arranged(workshop.Id, phone.Id, byCommissioner.Id, own.Id);
    }

    private async Task ShowPanelMemberAsPanelMemberAsync()
    {
        await using var scope = fixture.Db();
        await scope.Context.Users.Where(u => u.Id == fixture.People.Panel).ExecuteUpdateAsync(u => u.SetProperty(x => x.ShowAsPanelMember, true), _ct);
    }

    private readonly record struct Arranged(Guid Answered, Guid Waiting, Guid ByCommissioner, Guid OwnInput);
}
