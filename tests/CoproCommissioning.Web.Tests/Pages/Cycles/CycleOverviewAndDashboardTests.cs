using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

public sealed class CycleOverviewAndDashboardTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_shows_a_commissioner_the_input_waiting_for_an_answer_and_the_stages_ready_to_sign_off()
    {
        var waiting = await fixture.CreateCycleAsync(c => c.FromPanel(), title: "Dashboard: waiting input");
        var ready = await fixture.CreateCycleAsync(c => c.ReadyToSignOff(), title: "Dashboard: ready cycle");
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var page = await client.GetAsync("/cycles", _ct);

        var waitingCard = Card(page, "Dashboard: waiting input");
        Assert.Contains("1 lived-experience contribution waiting for a response in needs assessment", waitingCard.TextContent);
        Assert.Contains(waitingCard.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{CycleUrls.Stage(waiting)}#contributions");
        var readyCard = Card(page, "Dashboard: ready cycle");
        Assert.Contains("Needs assessment is ready to sign off", readyCard.TextContent);
        Assert.Contains(readyCard.QuerySelectorAll("a"), a => a.GetAttribute("href") == CycleUrls.SignOff(ready));
        Assert.Contains("Create a cycle", page.Text);
    }

    [Fact]
    public async Task The_dashboard_calls_a_stage_ready_only_when_its_own_work_allows_the_sign_off()
    {
        // Answered lived-experience input, so the cycle's rules allow it, but nothing written: the specification stage's
        // own condition refuses, and the dashboard reads that condition for the stages in progress.
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.SignOff(StageKind.CoDesign);
            c.ReadyToSignOff(StageKind.Specification);
        }, title: "Dashboard: specification not written");
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var card = Card(await client.GetAsync("/cycles", _ct), "Dashboard: specification not written");
        var signOff = await client.GetAsync(CycleUrls.SignOff(cycleId, "specification"), _ct);

        Assert.DoesNotContain("ready to sign off", card.TextContent);
        Assert.Contains(Domain.Specification.SpecificationRules.NotWritten.Message, signOff.Text);
    }

    [Fact]
    public async Task The_dashboard_asks_panel_members_for_input_and_points_them_to_answers()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.Respond(c.FromPanel()), title: "Dashboard: panel view");
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var card = Card(await client.GetAsync("/cycles", _ct), "Dashboard: panel view");

        Assert.Contains("1 new response to your input", card.TextContent);
        Assert.Contains("Needs assessment is open for your input", card.TextContent);
        Assert.Contains(card.QuerySelectorAll("a"), a => a.GetAttribute("href") == CycleUrls.AddContribution(cycleId));
    }

    [Fact]
    public async Task People_see_only_the_cycles_they_belong_to()
    {
        var cycleId = await fixture.CreateCycleAsync(title: "Dashboard: members only");
        var outsider = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);

        var dashboard = await outsider.GetAsync("/cycles", _ct);

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.DoesNotContain("Dashboard: members only", dashboard.Text);
        Assert.Contains("You are not a member of any commissioning cycle yet", dashboard.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(CycleUrls.Overview(cycleId), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(CycleUrls.Stage(cycleId), _ct)).Status);
    }

    [Fact]
    public async Task The_overview_lists_the_stages_with_what_is_left_members_and_history()
    {
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.FromPanel(StageKind.CoDesign);
        });
        // The champion follows what is left before sign-off; a provider is shown what each stage holds instead.
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        var page = await client.GetAsync(CycleUrls.Overview(cycleId), _ct);
        var providersPage = await provider.GetAsync(CycleUrls.Overview(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var providersTasks = providersPage.Document.QuerySelectorAll(".nhsuk-task-list__item").Select(i => i.TextContent).ToList();
        Assert.Contains("1 contribution, 0 decisions", providersTasks[1]);
        Assert.DoesNotContain("sign-off", providersTasks[1]);
        var tasks = page.Document.QuerySelectorAll(".nhsuk-task-list__item").Select(i => i.TextContent).ToList();
        Assert.Equal(5, tasks.Count);
        Assert.Contains("Signed off", tasks[0]);
        Assert.Contains("In progress", tasks[1]);
        Assert.Contains("1 thing to do before sign-off", tasks[1]);
        Assert.Contains("Not started", tasks[2]);
        Assert.Contains("Tom Okafor", page.Document.QuerySelector("#members")!.NextElementSibling!.TextContent);
        Assert.Contains("Needs assessment signed off", page.Text);
        Assert.Contains("NeedsAssessment agreed with the panel", page.Text);
        Assert.DoesNotContain("Invite people and manage members", page.Text);
    }

    [Fact]
    public async Task A_large_cycles_overview_names_the_people_who_lead_it_and_counts_everyone_else_by_role()
    {
        var cycleId = await fixture.CreateCycleAsync(title: "Overview: a large panel");
        await using (var scope = fixture.Db())
        {
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            for (int i = 0; i < DetailsModel.MembersShown; i++)
            {
                var email = $"large-panel-{Guid.NewGuid():N}@test.copro.test";
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Large Panel Person {i}" };
                Assert.True((await users.CreateAsync(user, DemoSeeder.Password)).Succeeded);
                scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(
                    cycleId, user.Id, CycleRole.PanelMember, Voice.LivedExperience, null, null, DateTimeOffset.UtcNow)));
            }

            await scope.Context.SaveChangesAsync(_ct);
        }

        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var page = await client.GetAsync(CycleUrls.Overview(cycleId), _ct);

        var members = page.Document.QuerySelector("#members")!.NextElementSibling!;
        var rows = members.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var panelCount = rows.Single(r => r.Contains("Panel member", StringComparison.Ordinal));
        Assert.Contains("12 people", panelCount);
        Assert.Contains(rows, r => r.Contains("Tom Okafor", StringComparison.Ordinal) && r.Contains("Co-production champion", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("1 person", StringComparison.Ordinal) && r.Contains("Provider", StringComparison.Ordinal));
        Assert.DoesNotContain("Large Panel Person", members.TextContent);
        Assert.Contains($"See all {DetailsModel.MembersShown + 7} members", page.Text);
    }

    [Fact]
    public async Task A_panel_member_who_asked_to_be_shown_as_panel_member_is_shown_so_to_others_but_not_to_themself()
    {
        await using (var scope = fixture.Db())
        {
            var carer = await scope.Context.Users.SingleAsync(u => u.Id == fixture.People.Carer, _ct);
            carer.ShowAsPanelMember = true;
            await scope.Context.SaveChangesAsync(_ct);
        }

        try
        {
            var cycleId = await fixture.CreateCycleAsync(c => c.Cycle.AddContribution(StageKind.NeedsAssessment, fixture.People.Carer,
                CycleRole.PanelMember, Voice.Carer, Channel.Online, ContributionVisibility.Everyone, "A carer's view", "", c.Next()));

            var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
            var seenByOthers = await commissioner.GetAsync(CycleUrls.Stage(cycleId), _ct);
            Assert.Contains("From Panel member.", seenByOthers.Text);
            Assert.DoesNotContain("Alan Price", seenByOthers.Text);
            Assert.DoesNotContain("Alan Price", (await commissioner.GetAsync(CycleUrls.Overview(cycleId), _ct)).Text);

            var carer = await fixture.SignedInAsync(CyclePeople.CarerEmail);
            Assert.Contains("From Alan Price (you).", (await carer.GetAsync(CycleUrls.Stage(cycleId), _ct)).Text);
        }
        finally
        {
            await using var scope = fixture.Db();
            var carer = await scope.Context.Users.SingleAsync(u => u.Id == fixture.People.Carer, _ct);
            carer.ShowAsPanelMember = false;
            await scope.Context.SaveChangesAsync(_ct);
        }
    }

    [Fact]
    public async Task Long_lists_of_contributions_are_paged()
    {
        var cycleId = await fixture.CreateCycleAsync(c =>
        {
            for (var i = 1; i <= 23; i++)
            {
                c.FromProvider(summary: $"Provider idea number {i}");
            }
        });
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var first = await client.GetAsync(CycleUrls.Stage(cycleId), _ct);
        var second = await client.GetAsync($"{CycleUrls.Stage(cycleId)}?contributionsPage=2", _ct);

        Assert.Equal(20, first.Document.QuerySelectorAll("[id^='contribution-']").Length);
        Assert.Equal(3, second.Document.QuerySelectorAll("[id^='contribution-']").Length);
        Assert.Contains("Provider idea number 23", first.Text);
        Assert.Contains("Provider idea number 1", second.Text);
        Assert.NotNull(first.Document.QuerySelector("nav.nhsuk-pagination a[rel='next']"));
    }

    private static AngleSharp.Dom.IElement Card(BrowserLikeClient.Page page, string title) =>
        page.Document.QuerySelectorAll(".nhsuk-card").Single(card => card.QuerySelector("h2")!.TextContent.Contains(title));
}
