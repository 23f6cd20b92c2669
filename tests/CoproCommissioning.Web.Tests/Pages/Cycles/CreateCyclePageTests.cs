using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Pages.Cycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

public sealed class CreateCyclePageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Dictionary<string, string> ACycle(string title, string champion = "") => new()
    {
        ["Form.Title"] = title,
        ["Form.ServiceArea"] = "Eating disorders",
        ["Form.PopulationServed"] = "Young people aged 14 to 25 in North Harbour",
        ["Form.CommissioningOrganisation"] = "North Harbour Integrated Care Board",
        ["Form.Budget"] = "£1,250,000.50",
        ["Form.StartDate.Day"] = "1",
        ["Form.StartDate.Month"] = "4",
        ["Form.StartDate.Year"] = "2027",
        ["Form.ChampionUserId"] = champion,
        ["Form.MinimumLivedExperienceContributions"] = "3",
        ["Form.MinimumDistinctContributors"] = "5",
    };

    [Fact]
    public async Task A_commissioner_creates_a_cycle_with_a_champion_and_both_join_it_in_one_save()
    {
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.SubmitAsync("/cycles/new", ACycle("Early intervention in psychosis", fixture.People.Champion), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.SingleAsync(c => c.Title == "Early intervention in psychosis", _ct);
        Assert.Equal($"/cycles/{cycle.Id}", posted.Location);
        Assert.Equal(1_250_000.50m, cycle.Budget);
        Assert.Equal(new DateOnly(2027, 4, 1), cycle.StartDate);
        Assert.Equal(fixture.People.Champion, cycle.ChampionUserId);
        Assert.Equal((3, 5), (cycle.SignOffPolicy.MinimumLivedExperienceContributions, cycle.SignOffPolicy.MinimumDistinctContributors));
        var members = await scope.Context.Memberships.Where(m => m.CycleId == cycle.Id).Select(m => new { m.UserId, m.Role }).ToListAsync(_ct);
        Assert.Equal(
            [(fixture.People.Commissioner, CycleRole.Commissioner), (fixture.People.Champion, CycleRole.CoProductionChampion)],
            members.Select(m => (m.UserId, m.Role)).OrderBy(m => m.Role));

        var overview = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("Cycle created. Next, invite the people who will take part", overview.Text);
        Assert.Contains("Invite people and manage members", overview.Text);
    }

    [Fact]
    public async Task A_cycle_can_start_without_a_champion_who_is_invited_later()
    {
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.SubmitAsync("/cycles/new", ACycle("Perinatal mental health"), ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.SingleAsync(c => c.Title == "Perinatal mental health", _ct);
        Assert.Null(cycle.ChampionUserId);
        Assert.Equal(1, await scope.Context.Memberships.CountAsync(m => m.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task Wrong_answers_are_refused_beside_each_field_with_what_was_typed_kept_and_nothing_stored()
    {
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = ACycle("");
        fields["Form.Budget"] = "about a million";
        fields["Form.StartDate.Day"] = "30";
        fields["Form.StartDate.Month"] = "2";
        fields["Form.MinimumLivedExperienceContributions"] = "0";
        fields["Form.ChampionUserId"] = "someone-made-up";

        var posted = await client.SubmitAsync("/cycles/new", fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var document = posted.Document;
        Assert.Contains("Enter a title for the cycle", document.QuerySelector("#Form_Title-error")!.TextContent);
        Assert.Contains(CycleRules.BudgetInvalid.Message, document.QuerySelector("#Form_Budget-error")!.TextContent);
        Assert.NotNull(document.QuerySelector("#Form_StartDate-error"));
        Assert.Contains(CycleRules.PolicyMinimumContributions.Message, document.QuerySelector("#Form_MinimumLivedExperienceContributions-error")!.TextContent);
        Assert.NotNull(document.QuerySelector("#Form_ChampionUserId-error"));
        Assert.Equal("about a million", document.QuerySelector("#Form_Budget")!.GetAttribute("value"));
        Assert.Equal("30", document.QuerySelector("#Form_StartDate")!.GetAttribute("value"));
        Assert.Equal("Eating disorders", document.QuerySelector("#Form_ServiceArea")!.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Cycles.AnyAsync(c => c.ServiceArea == "Eating disorders" && c.Title == "", _ct));
    }

    [Fact]
    public async Task People_without_the_commissioner_role_cannot_create_cycles()
    {
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var page = await client.GetAsync("/cycles/new", _ct);
        var posted = await client.PostCraftedAsync("/cycles/new", ACycle("A panel member's cycle"), tokenFromUrl: "/", _ct);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("AccessDenied", page.Location);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("AccessDenied", posted.Location);
        Assert.DoesNotContain("Create a cycle", (await client.GetAsync("/cycles", _ct)).Text);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Cycles.AnyAsync(c => c.Title == "A panel member's cycle", _ct));
    }

    [Fact]
    public async Task The_champion_list_shows_only_staff_of_the_commissioners_organisation_never_panel_members_or_providers()
    {
        // A panel member who happens to be in the same organisation is still a panel member.
        await using (var scope = fixture.Db())
        {
            var organisation = await scope.Context.Users.Where(u => u.Id == fixture.People.Commissioner).Select(u => u.OrganisationId).SingleAsync(_ct);
            var panel = await scope.Context.Users.SingleAsync(u => u.Id == fixture.People.Panel, _ct);
            panel.OrganisationId = organisation;
            await scope.Context.SaveChangesAsync(_ct);
        }

        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var page = await client.GetAsync("/cycles/new", _ct);

        var offered = page.Document.QuerySelectorAll("#Form_ChampionUserId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(fixture.People.Champion, offered);
        Assert.DoesNotContain(fixture.People.Panel, offered);
        Assert.DoesNotContain(fixture.People.Carer, offered);
        Assert.DoesNotContain(fixture.People.Provider, offered);
        Assert.DoesNotContain(fixture.People.Outsider, offered);
        Assert.DoesNotContain(CyclePeople.PanelEmail, page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_champion_who_is_not_a_colleague_is_refused_even_in_a_crafted_post()
    {
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.PostCraftedAsync("/cycles/new", ACycle("A cycle championed by a provider", fixture.People.Provider), "/cycles/new", _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.NotNull(posted.Document.QuerySelector("#Form_ChampionUserId-error"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Cycles.AnyAsync(c => c.Title == "A cycle championed by a provider", _ct));
    }

    [Fact]
    public async Task A_champion_can_be_invited_by_email_instead_and_is_sent_an_invitation_to_the_new_cycle()
    {
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var invitee = $"champion-{Guid.NewGuid():N}@example.org";
        var fields = ACycle("Talking therapies for older adults", NewModel.InviteChampion);

        var missing = await client.SubmitAsync("/cycles/new", fields, ct: _ct);
        fields["Form.ChampionEmail"] = invitee;
        var posted = await client.SubmitAsync("/cycles/new", fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.NotNull(missing.Document.QuerySelector("#Form_ChampionEmail-error"));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.SingleAsync(c => c.Title == "Talking therapies for older adults", _ct);
        var invitation = await scope.Context.Invitations.SingleAsync(i => i.CycleId == cycle.Id, _ct);
        Assert.Equal(invitee, invitation.Email);
        Assert.Equal(CycleRole.CoProductionChampion, invitation.Role);
        Assert.Null(cycle.ChampionUserId);
        var email = Assert.Single(await TestMailbox.EmailsToAsync(fixture.Factory, invitee, _ct));
        Assert.Contains($"{fixture.Factory.PublicBaseUrl}/invitations/", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_colleagues_are_searched_by_name_keeping_what_was_typed()
    {
        // Named to sort after the demo's champion, whom other tests in this class expect on the first page.
        await using (var scope = fixture.Db())
        {
            var organisation = await scope.Context.Users.Where(u => u.Id == fixture.People.Commissioner).Select(u => u.OrganisationId).SingleAsync(_ct);
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            foreach (var name in Enumerable.Range(1, NewModel.ColleaguesListed).Select(n => $"Zed Colleague {n:00}").Append("Sasha Searchable"))
            {
                var email = $"{name.Replace(' ', '.').ToLowerInvariant()}-{Guid.NewGuid():N}@icb.example.org";
                Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = name, OrganisationId = organisation })).Succeeded);
            }
        }

        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var page = await client.GetAsync("/cycles/new", _ct);
        var fields = ACycle("A title typed before searching");
        fields["Form.ChampionSearch"] = "sasha";
        var searched = await client.PostCraftedAsync("/cycles/new?handler=Search", fields, "/cycles/new", _ct);

        Assert.NotNull(page.Document.QuerySelector("#Form_ChampionSearch"));
        Assert.True(page.Document.QuerySelectorAll("#Form_ChampionUserId option").Length <= NewModel.ColleaguesListed + 2);
        Assert.Equal(HttpStatusCode.OK, searched.Status);
        var offered = searched.Document.QuerySelectorAll("#Form_ChampionUserId option").Select(o => o.TextContent).ToList();
        Assert.Contains(offered, o => o.StartsWith("Sasha Searchable", StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.StartsWith("Zed Colleague", StringComparison.Ordinal));
        Assert.Equal("A title typed before searching", searched.Document.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Null(searched.Document.QuerySelector(".nhsuk-error-summary"));
    }
}
