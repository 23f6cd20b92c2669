using System.Net;
using AngleSharp.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.MyInput;

public sealed class MyInputPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_panel_member_sees_the_answer_to_their_input_and_the_decision_it_shaped()
    {
        await fixture.CreateCycleAsync(c =>
        {
            var mine = c.FromPanel(summary: "Peer workers who have been there");
            c.Respond(mine, "Peer support workers are now a priority need.");
            c.CoProducedDecision(StageKind.NeedsAssessment, "Peer support in the team", mine);
            c.FromProvider(summary: "Someone else's idea");
            Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Champion, CycleRole.CoProductionChampion,
                new Contributor(c.People.Panel, CycleRole.PanelMember), 1, Voice.LivedExperience, Channel.Phone, ContributionVisibility.Everyone, "What I said on the phone", "", c.Next()));
        }, title: "My input: peer support");
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var page = await client.GetAsync("/my-input", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var card = page.Document.QuerySelectorAll(".nhsuk-card").Single(c => c.TextContent.Contains("Peer workers who have been there"));
        Assert.Contains("Adopted", card.TextContent);
        Assert.Contains("Peer support workers are now a priority need.", card.TextContent);
        Assert.Contains("Peer support in the team", card.TextContent);
        Assert.Contains("It set the first priority.", card.TextContent);
        Assert.Contains("My input: peer support", card.TextContent);
        var onBehalf = page.Document.QuerySelectorAll(".nhsuk-card").Single(c => c.TextContent.Contains("What I said on the phone"));
        Assert.Contains("logged on your behalf by Tom Okafor", onBehalf.TextContent);
        Assert.Contains("Awaiting response", onBehalf.TextContent);
        Assert.DoesNotContain("Someone else's idea", page.Text);
    }

    [Fact]
    public async Task Input_is_paged_twenty_at_a_time()
    {
        await fixture.CreateCycleAsync(c =>
        {
            for (var i = 1; i <= 21; i++)
            {
                Expect.Success(c.Cycle.AddContribution(StageKind.CoDesign, c.People.Carer, CycleRole.PanelMember, Voice.Carer, Channel.Online, ContributionVisibility.Everyone,
                    $"Carer idea {i}", "", c.Next()));
            }
        });
        var client = await fixture.SignedInAsync(CyclePeople.CarerEmail);

        var first = await client.GetAsync("/my-input", _ct);
        var second = await client.GetAsync("/my-input?pageNumber=2", _ct);

        Assert.Equal(20, first.Document.QuerySelectorAll("main .nhsuk-card").Length);
        Assert.Contains("Carer idea 21", first.Text);
        Assert.Contains("Carer idea 1", second.Document.QuerySelector("main .nhsuk-card")!.TextContent);
        Assert.NotNull(first.Document.QuerySelector("nav.nhsuk-pagination a[rel='next']"));
    }

    [Fact]
    public async Task A_new_answer_is_marked_new_until_the_person_has_seen_it_and_a_revised_answer_is_new_again()
    {
        Guid answered = default;
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            var mine = c.FromPanel(summary: "New answer: evening visits");
            c.Respond(mine, "We added evening visits.");
            answered = mine.Id;
            c.FromPanel(summary: "New answer: still waiting");
        }, title: "My input: new answers");
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var first = await client.GetAsync($"/my-input?cycle={cycleId}", _ct);
        var second = await client.GetAsync($"/my-input?cycle={cycleId}", _ct);

        Assert.NotNull(CardOf(first, "New answer: evening visits").QuerySelector(".app-new-tag"));
        Assert.Null(CardOf(first, "New answer: still waiting").QuerySelector(".app-new-tag"));
        Assert.Null(CardOf(second, "New answer: evening visits").QuerySelector(".app-new-tag"));
        await using (var scope = fixture.Db())
        {
            var seen = await scope.Context.SeenResponses.SingleAsync(s => s.ContributionId == answered, _ct);
            Assert.Equal((fixture.People.Panel, 1), (seen.UserId, seen.Revision));
        }

        await fixture.ChangeCycleAsync(cycleId, cycle => Expect.Success(cycle.Respond(answered, fixture.People.Commissioner, CycleRole.Commissioner,
            ResponseType.Adapted, "We added evening visits twice a week.", DateTimeOffset.UtcNow.AddMinutes(-1))));
        var revised = await client.GetAsync($"/my-input?cycle={cycleId}", _ct);

        Assert.NotNull(CardOf(revised, "New answer: evening visits").QuerySelector(".app-new-tag"));
    }

    [Fact]
    public async Task The_dashboards_new_responses_count_clears_once_the_answers_have_been_seen()
    {
        await fixture.CreateCycleAsync(c =>
        {
            c.Respond(c.FromPanel(summary: "Dashboard count: one"));
            c.Respond(c.FromPanel(summary: "Dashboard count: two"));
        }, title: "My input: dashboard count");
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var before = DashboardCard(await client.GetAsync("/cycles", _ct), "My input: dashboard count");
        _ = await client.GetAsync("/my-input", _ct);
        var after = DashboardCard(await client.GetAsync("/cycles", _ct), "My input: dashboard count");

        Assert.Contains("2 new responses to your input", before.TextContent);
        Assert.DoesNotContain("new response", after.TextContent);
    }

    [Fact]
    public async Task Only_the_persons_own_cycles_can_be_chosen_and_a_cycle_they_left_shows_nothing()
    {
        var kept = await fixture.CreateCycleAsync(c => c.FromPanel(summary: "Filter: in the cycle I chose"), title: "My input: chosen cycle");
        await fixture.CreateCycleAsync(c => c.FromPanel(summary: "Filter: in another of my cycles"), title: "My input: other cycle");
        var left = await fixture.CreateCycleAsync(c => c.FromPanel(summary: "Filter: in a cycle I left"), title: "My input: cycle I left");
        await using (var scope = fixture.Db())
        {
            await scope.Context.Memberships.Where(m => m.CycleId == left && m.UserId == fixture.People.Panel).ExecuteDeleteAsync(_ct);
        }

        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var chosen = await client.GetAsync($"/my-input?cycle={kept}", _ct);
        var foreign = await client.GetAsync($"/my-input?cycle={left}", _ct);

        var options = chosen.Document.QuerySelectorAll("select[name='cycle'] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("My input: chosen cycle", options);
        Assert.Contains("My input: other cycle", options);
        Assert.DoesNotContain("My input: cycle I left", options);
        Assert.Equal(kept.ToString(), chosen.Document.QuerySelector("select[name='cycle'] option[selected]")!.GetAttribute("value"));
        Assert.Contains("Filter: in the cycle I chose", chosen.Text);
        Assert.DoesNotContain("Filter: in another of my cycles", chosen.Text);
        Assert.Equal(HttpStatusCode.OK, foreign.Status);
        Assert.DoesNotContain("Filter: in a cycle I left", foreign.Text);
        Assert.DoesNotContain("My input: cycle I left", foreign.Text);
    }

    [Fact]
    public async Task Input_still_waiting_for_an_answer_comes_first_then_the_rest_newest_first()
    {
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            var oldest = c.FromPanel(summary: "Order: answered long ago");
            c.FromPanel(summary: "Order: waiting");
            var newest = c.FromPanel(summary: "Order: answered recently");
            c.Respond(oldest);
            c.Respond(newest);
        }, title: "My input: order");
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var page = await client.GetAsync($"/my-input?cycle={cycleId}", _ct);

        var headings = page.Document.QuerySelectorAll("main .nhsuk-card__heading").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Order: waiting", "Order: answered recently", "Order: answered long ago"], headings);
    }

    private static IElement CardOf(BrowserLikeClient.Page page, string summary) =>
        page.Document.QuerySelectorAll("main .nhsuk-card").Single(c => c.TextContent.Contains(summary, StringComparison.Ordinal));

    private static IElement DashboardCard(BrowserLikeClient.Page page, string title) =>
        page.Document.QuerySelectorAll(".nhsuk-card").Single(c => c.TextContent.Contains(title, StringComparison.Ordinal));
}
