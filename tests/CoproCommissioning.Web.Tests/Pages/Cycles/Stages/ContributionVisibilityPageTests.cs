using System.Net;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

public sealed class ContributionVisibilityPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string Secret = "I was sectioned last year and I am frightened of the crisis team";
    private const string Answer = "We have asked for a crisis house run by people with lived experience.";
    private const string TeamOnlyLine = "1 contribution was shared with the commissioning team only.";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Team_only_input_is_kept_from_providers_and_observers_answered_by_the_commissioner_and_the_answer_reaches_the_author()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var posted = await panel.SubmitAsync(CycleUrls.AddContribution(cycleId), new Dictionary<string, string>
        {
            ["Form.Summary"] = Secret,
            ["Form.Body"] = "Please do not share this with the providers.",
            ["Form.Visibility"] = nameof(ContributionVisibility.CommissioningTeam),
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Equal(ContributionVisibility.CommissioningTeam, stored.Visibility);
        Assert.Contains(Secret, (await panel.GetAsync(CycleUrls.Stage(cycleId), _ct)).Text);

        foreach (var email in new[] { CyclePeople.ProviderEmail, CyclePeople.ObserverEmail })
        {
            var other = await fixture.SignedInAsync(email);
            var workspace = await other.GetAsync(CycleUrls.Stage(cycleId), _ct);
            Assert.Equal(HttpStatusCode.OK, workspace.Status);
            Assert.DoesNotContain(Secret, workspace.Text);
            Assert.DoesNotContain("Please do not share", workspace.Text);
            Assert.Contains(TeamOnlyLine, workspace.Text);
            Assert.DoesNotContain(Secret, (await other.GetAsync("/my-input", _ct)).Text);
            Assert.DoesNotContain(Secret, (await other.GetAsync(CycleUrls.SignOff(cycleId), _ct)).Text);
        }

        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var commissionerView = await commissioner.GetAsync(CycleUrls.Stage(cycleId), _ct);
        Assert.Contains(Secret, commissionerView.Text);
        Assert.DoesNotContain(TeamOnlyLine, commissionerView.Text);
        var responded = await commissioner.SubmitAsync(CycleUrls.Respond(cycleId, stored.Id), new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.Adapted),
            ["Form.Explanation"] = Answer,
        }, ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, responded.Status);

        // This cycle's input only: What happened to my input lists unanswered input first, and the demo cycles and the
        // other tests of this class leave the panel member more than a page of it.
        var myInput = await panel.GetAsync($"/my-input?cycle={cycleId}", _ct);
        Assert.Contains(Secret, myInput.Text);
        Assert.Contains(Answer, myInput.Text);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        Assert.DoesNotContain(Answer, (await provider.GetAsync(CycleUrls.Stage(cycleId), _ct)).Text);

        // Your data, the printable page, says who the person shared it with.
        var yourData = await panel.GetAsync("/Identity/Account/Manage/YourData", _ct);
        var card = yourData.Document.QuerySelectorAll(".nhsuk-card").Single(c => c.TextContent.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains("shared with the commissioning team only", card.TextContent);
        Assert.Contains(Answer, card.TextContent);
    }

    [Theory]
    [InlineData(CyclePeople.ProviderEmail)]
    [InlineData(CyclePeople.ObserverEmail)]
    [InlineData(CyclePeople.CarerEmail)]
    public async Task Team_only_input_is_on_no_page_a_member_outside_the_team_opens_only_how_many_there_are(string email)
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        var member = await fixture.SignedInAsync(email);

        foreach (var url in cycle.PagesAnyMemberOpens)
        {
            var page = await member.GetAsync(url, _ct);
            // Each page must open for them, or not finding the text there would prove nothing.
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} answered {page.Status}");
            foreach (var text in TeamOnlyInput.TeamOnlyTexts)
            {
                Assert.DoesNotContain(text, page.Html, StringComparison.Ordinal);
            }
        }

        // The input, the logged input and the specification comment are all in the specification stage.
        var workspace = await member.GetAsync(cycle.Workspace, _ct);
        Assert.Contains("3 contributions were shared with the commissioning team only.", workspace.Text);
        Assert.Contains(TeamOnlyInput.Shared, workspace.Text);
        var decision = await member.GetAsync(cycle.Decision, _ct);
        Assert.Contains(TeamOnlyInput.Shared, decision.Text);
        // The sign-off checklist is the commissioning team's only (FollowSignOff).
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(cycle.SignOff, _ct)).Status);
        Assert.Contains(TeamOnlyLine, (await member.GetAsync(cycle.Section, _ct)).Text);
    }

    [Theory]
    [InlineData(CyclePeople.CommissionerEmail)]
    [InlineData(CyclePeople.ChampionEmail)]
    [InlineData(CyclePeople.ClinicianEmail)]
    public async Task The_commissioning_team_reads_team_only_input_on_every_page_that_shows_it(string email)
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        var member = await fixture.SignedInAsync(email);

        var workspace = await member.GetAsync(cycle.Workspace, _ct);
        foreach (var text in TeamOnlyInput.TeamOnlyTexts)
        {
            Assert.Contains(text, workspace.Text);
        }

        Assert.DoesNotContain("shared with the commissioning team only", workspace.Text);
        Assert.Contains(TeamOnlyInput.Secret, (await member.GetAsync(cycle.Decision, _ct)).Text);
        var signOff = await member.GetAsync(cycle.SignOff, _ct);
        Assert.Contains(TeamOnlyInput.Secret, signOff.Text);
        Assert.Contains(TeamOnlyInput.LoggedForOthers, signOff.Text);
        Assert.DoesNotContain("shared with the commissioning team only", signOff.Text);
        var section = await member.GetAsync(cycle.Section, _ct);
        Assert.Contains(TeamOnlyInput.SecretComment, section.Text);
        Assert.DoesNotContain("shared with the commissioning team only", section.Text);
    }

    [Fact]
    public async Task The_panel_member_who_shared_input_with_the_team_reads_it_but_not_other_team_only_input()
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var workspace = await panel.GetAsync(cycle.Workspace, _ct);
        Assert.Contains(TeamOnlyInput.Secret, workspace.Text);
        Assert.Contains(TeamOnlyInput.SecretDetail, workspace.Text);
        Assert.Contains(TeamOnlyInput.SecretComment, workspace.Text);
        Assert.DoesNotContain(TeamOnlyInput.LoggedForOthers, workspace.Html);
        Assert.Contains(TeamOnlyLine, workspace.Text);
        Assert.Contains(TeamOnlyInput.Secret, (await panel.GetAsync(cycle.Decision, _ct)).Text);
        // The sign-off checklist is the commissioning team's (FollowSignOff), so the panel member reads none of it.
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync(cycle.SignOff, _ct)).Status);
        Assert.Contains(TeamOnlyInput.SecretComment, (await panel.GetAsync(cycle.Section, _ct)).Text);
    }

    [Fact]
    public async Task Input_without_a_choice_of_who_sees_it_is_refused_beside_the_field_with_what_was_typed_kept()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var form = await panel.GetAsync(CycleUrls.AddContribution(cycleId), _ct);
        Assert.Equal(2, form.Document.QuerySelectorAll("input[name='Form.Visibility']").Length);
        Assert.Empty(form.Document.QuerySelectorAll("input[name='Form.Visibility'][checked]"));

        var posted = await panel.SubmitAsync(CycleUrls.AddContribution(cycleId), new Dictionary<string, string>
        {
            ["Form.Summary"] = "Buses stop before evening groups end",
            ["Form.Body"] = "The last bus leaves at 6.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Choose who can see this input", posted.Document.QuerySelector("#Form_Visibility-error")!.TextContent);
        Assert.Equal("Buses stop before evening groups end", posted.Document.QuerySelector("#Form_Summary")!.GetAttribute("value"));
        Assert.Contains("The last bus leaves at 6.", posted.Document.QuerySelector("#Form_Body")!.TextContent);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task A_champion_records_that_the_person_chose_the_commissioning_team_only()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await champion.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.Carer),
            ["Form.Channel"] = nameof(Channel.Phone),
            ["Form.VoicesCarried"] = "1",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.OnBehalfOfMemberId"] = await fixture.MemberIdAsync(cycleId, fixture.People.Carer),
            ["Form.Summary"] = "My son's diagnosis should stay private",
            ["Form.Visibility"] = nameof(ContributionVisibility.CommissioningTeam),
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Equal(ContributionVisibility.CommissioningTeam, stored.Visibility);
        var carer = await fixture.SignedInAsync(CyclePeople.CarerEmail);
        Assert.Contains("My son's diagnosis should stay private", (await carer.GetAsync(CycleUrls.Stage(cycleId), _ct)).Text);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var panelView = await panel.GetAsync(CycleUrls.Stage(cycleId), _ct);
        Assert.DoesNotContain("My son", panelView.Text);
        Assert.Contains(TeamOnlyLine, panelView.Text);
    }
}
