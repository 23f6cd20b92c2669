using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;

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
}
