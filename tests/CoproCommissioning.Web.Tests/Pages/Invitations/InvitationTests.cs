using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Members;
using CoproCommissioning.Web.Pages.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Pages.Invitations;

public sealed class InvitationFixture(PostgresServer server) : DatabaseFixture(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}

public sealed partial class InvitationTests(InvitationFixture fixture) : IClassFixture<InvitationFixture>
{
    private const string Commissioner = "commissioner@demo.copro.test";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_lists_invitations_to_my_address_in_any_case_and_no_one_elses()
    {
        var (mine, _) = await TestInvitations.CreateAsync(fixture, "CARER@demo.copro.test");
        var (theirs, _) = await TestInvitations.CreateAsync(fixture, "clinician@demo.copro.test");
        await using (var scope = fixture.Db())
        {
            await scope.Context.Cycles.Where(c => c.Id == mine.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Title, "Crisis cafe for the carer"), _ct);
            await scope.Context.Cycles.Where(c => c.Id == theirs.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Title, "Crisis cafe for the clinician"), _ct);
        }

        var carer = BrowserLikeClient.For(fixture.Factory);
        await carer.SignInAsync("carer@demo.copro.test", DemoSeeder.Password, _ct);

        var dashboard = await carer.GetAsync("/cycles", _ct);

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Invitations waiting for you", dashboard.Text);
        Assert.Contains("Crisis cafe for the carer", dashboard.Text);
        Assert.DoesNotContain("Crisis cafe for the clinician", dashboard.Text);
    }

    [Fact]
    public async Task A_commissioner_invites_a_new_panel_member_who_sets_up_an_account_and_joins_the_cycle()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var newcomer = $"newcomer-{Guid.NewGuid():N}@example.org";
        var commissioner = BrowserLikeClient.For(fixture.Factory);
        await commissioner.SignInAsync(Commissioner, DemoSeeder.Password, _ct);

        var sent = await commissioner.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = newcomer,
            ["Form.Role"] = nameof(CycleRole.PanelMember),
            ["Form.PanelVoice"] = nameof(Voice.Carer),
        }, "form[action*=Invite]", _ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Contains($"Invitation sent to {newcomer}", (await commissioner.FollowRedirectAsync(sent, _ct)).Text);

        var link = await LinkEmailedToAsync(newcomer);
        var invitee = BrowserLikeClient.For(fixture.Factory);
        var joined = await invitee.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Sam Carer",
            ["Form.Password"] = "A-long-Passw0rd",
            ["Form.ConfirmPassword"] = "A-long-Passw0rd",
        }, "form[action*=CreateAccount]", _ct);

        Assert.Equal(HttpStatusCode.Redirect, joined.Status);
        Assert.Equal($"/cycles/{cycle.Id}", joined.Location);
        await using var scope = fixture.Db();
        var user = await scope.Context.Users.SingleAsync(u => u.Email == newcomer, _ct);
        var membership = await scope.Context.Memberships.SingleAsync(m => m.CycleId == cycle.Id && m.UserId == user.Id, _ct);
        Assert.Equal(CycleRole.PanelMember, membership.Role);
        Assert.Equal(Voice.Carer, membership.PanelVoice);
        Assert.Equal("Sam Carer", user.DisplayName);
    }

    [Fact]
    public async Task A_providers_invitation_says_who_invited_them_and_why_never_mentions_panel_member_and_the_welcome_says_what_to_do_first()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var newcomer = $"provider-{Guid.NewGuid():N}@example.org";
        Guid organisationId;
        await using (var scope = fixture.Db())
        {
            organisationId = await scope.Context.Organisations.Where(o => o.Name == DemoCycles.ProviderOrganisation).Select(o => o.Id).SingleAsync(_ct);
        }

        var commissioner = BrowserLikeClient.For(fixture.Factory);
        await commissioner.SignInAsync(Commissioner, DemoSeeder.Password, _ct);
        var sent = await commissioner.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = newcomer,
            ["Form.Role"] = nameof(CycleRole.Provider),
            ["Form.OrganisationId"] = organisationId.ToString(),
        }, "form[action*=Invite]", _ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);

        var email = await EmailToAsync(newcomer);
        var body = WebUtility.HtmlDecode(Regex.Replace(email.HtmlBody ?? "", @"\s+", " "));
        Assert.Contains($"Priya Sharma from {cycle.CommissioningOrganisation} has invited you to join", body, StringComparison.Ordinal);
        Assert.Contains($"<strong>{cycle.Title}</strong> as a provider", body, StringComparison.Ordinal);
        Assert.Contains(InvitationEmail.WhyYou(CycleRole.Provider), body, StringComparison.Ordinal);
        Assert.DoesNotContain("Panel member", body, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Priya Sharma invited you", email.Subject, StringComparison.Ordinal);

        var link = await LinkEmailedToAsync(newcomer);
        var invitee = BrowserLikeClient.For(fixture.Factory);
        var accept = await invitee.GetAsync(link, _ct);
        Assert.DoesNotContain("Panel member", accept.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(InvitationEmail.WhyYou(CycleRole.Provider), accept.Text, StringComparison.Ordinal);

        var joined = await invitee.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Pat Provider",
            ["Form.Password"] = "A-long-Passw0rd",
            ["Form.ConfirmPassword"] = "A-long-Passw0rd",
        }, "form[action*=CreateAccount]", _ct);
        var welcome = await invitee.FollowRedirectAsync(joined, _ct);
        var banner = welcome.Document.QuerySelector(".nhsuk-notification-banner--success[role=alert][tabindex='-1']")!;
        Assert.Contains($"You've joined {cycle.Title} as a provider.", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains(InvitationEmail.FirstStep(CycleRole.Provider), banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_members_invitation_page_says_they_may_appear_as_panel_member()
    {
        var (_, token) = await InvitationAsync($"panel-{Guid.NewGuid():N}@example.org", Moments.Now());

        var page = await BrowserLikeClient.For(fixture.Factory).GetAsync($"/invitations/{token}", _ct);

        Assert.Contains("\"Panel member\"", page.Document.QuerySelector("#Form_DisplayName-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commissioner_adds_an_organisation_that_is_not_listed_and_a_panel_member_cannot()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner), ("panel@demo.copro.test", CycleRole.PanelMember));
        var name = $"Harbourside Peer Support {Guid.NewGuid():N}"[..40];
        var commissioner = BrowserLikeClient.For(fixture.Factory);
        await commissioner.SignInAsync(Commissioner, DemoSeeder.Password, _ct);
        var members = await commissioner.GetAsync($"/cycles/{cycle.Id}/members", _ct);
        Assert.Contains($"/cycles/{cycle.Id}/members/add-organisation", members.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var added = await commissioner.SubmitAsync($"/cycles/{cycle.Id}/members/add-organisation", new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.Kind"] = nameof(Domain.Organisations.OrganisationKind.VoluntaryOrCommunityOrganisation),
            ["Form.ContactName"] = "Dee Contact",
            ["Form.ContactEmail"] = "dee@example.org",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var back = await commissioner.FollowRedirectAsync(added, _ct);
        Assert.Contains(name, back.Document.QuerySelector("#Form_OrganisationId")!.TextContent, StringComparison.Ordinal);
        var panel = BrowserLikeClient.For(fixture.Factory);
        await panel.SignInAsync("panel@demo.copro.test", DemoSeeder.Password, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync($"/cycles/{cycle.Id}/members/add-organisation", _ct)).Status);
    }

    [Fact]
    public async Task A_used_invitation_cannot_be_used_again()
    {
        var (cycle, token) = await InvitationAsync("panel@demo.copro.test", Moments.Now());
        var panel = BrowserLikeClient.For(fixture.Factory);
        await panel.SignInAsync("panel@demo.copro.test", DemoSeeder.Password, _ct);
        var first = await panel.SubmitAsync($"/invitations/{token}", new Dictionary<string, string>(), "form[action*=Accept]", _ct);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var again = await panel.GetAsync($"/invitations/{token}", _ct);
        var crafted = await panel.PostCraftedAsync($"/invitations/{token}?handler=Accept", new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);

        Assert.Contains(MembershipRules.InvitationUsed.Message, again.Text);
        Assert.Null(again.Document.QuerySelector("form[action*=Accept]"));
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        await using var scope = fixture.Db();
        Assert.Equal(1, await scope.Context.Memberships.CountAsync(m => m.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_nobody_joins()
    {
        var (cycle, token) = await InvitationAsync("carer@demo.copro.test", Moments.Now() - Invitation.Lifetime - TimeSpan.FromHours(1));
        var carer = BrowserLikeClient.For(fixture.Factory);
        await carer.SignInAsync("carer@demo.copro.test", DemoSeeder.Password, _ct);

        var page = await carer.GetAsync($"/invitations/{token}", _ct);
        var crafted = await carer.PostCraftedAsync($"/invitations/{token}?handler=Accept", new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);

        Assert.Contains(MembershipRules.InvitationExpired.Message, page.Text);
        Assert.Contains(MembershipRules.InvitationExpired.Message, crafted.Text);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Memberships.AnyAsync(m => m.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task An_invitation_for_someone_else_is_refused_for_the_signed_in_account()
    {
        var (cycle, token) = await InvitationAsync("provider@demo.copro.test", Moments.Now());
        var clinician = BrowserLikeClient.For(fixture.Factory);
        await clinician.SignInAsync("clinician@demo.copro.test", DemoSeeder.Password, _ct);

        var page = await clinician.GetAsync($"/invitations/{token}", _ct);
        var crafted = await clinician.PostCraftedAsync($"/invitations/{token}?handler=Accept", new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);

        Assert.Contains(MembershipRules.InvitationForAnotherAccount.Message, page.Text);
        Assert.Contains(MembershipRules.InvitationForAnotherAccount.Message, crafted.Text);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Memberships.AnyAsync(m => m.CycleId == cycle.Id, _ct));
        Assert.Null((await scope.Context.Invitations.SingleAsync(i => i.CycleId == cycle.Id, _ct)).AcceptedAt);
    }

    [Fact]
    public async Task An_invitation_link_with_an_unknown_token_says_it_is_not_valid()
    {
        var page = await BrowserLikeClient.For(fixture.Factory).GetAsync($"/invitations/{InvitationTokens.Create().Token}", _ct);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("This link is not valid", page.Text);
    }

    [Fact]
    public async Task Only_the_cycles_commissioners_can_invite()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner), ("panel@demo.copro.test", CycleRole.PanelMember));
        var fields = new Dictionary<string, string> { ["Form.Email"] = "someone@example.org", ["Form.Role"] = nameof(CycleRole.Observer) };
        var panel = BrowserLikeClient.For(fixture.Factory);
        await panel.SignInAsync("panel@demo.copro.test", DemoSeeder.Password, _ct);
        var outsider = BrowserLikeClient.For(fixture.Factory);
        await outsider.SignInAsync("provider@demo.copro.test", DemoSeeder.Password, _ct);

        var asPanel = await panel.PostCraftedAsync($"/cycles/{cycle.Id}/members?handler=Invite", fields, $"/cycles/{cycle.Id}/members", _ct);
        var asOutsider = await outsider.PostCraftedAsync($"/cycles/{cycle.Id}/members?handler=Invite", fields, "/Identity/Account/Manage", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, asPanel.Status);
        Assert.Equal(HttpStatusCode.NotFound, asOutsider.Status);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Invitations.AnyAsync(i => i.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task An_invitation_with_a_bad_email_keeps_what_was_typed_and_sends_nothing()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var commissioner = BrowserLikeClient.For(fixture.Factory);
        await commissioner.SignInAsync(Commissioner, DemoSeeder.Password, _ct);

        var page = await commissioner.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = "not-an-email",
            ["Form.Role"] = nameof(CycleRole.PanelMember),
        }, "form[action*=Invite]", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Enter an email address in the correct format", page.Document.QuerySelector("#Form_Email-error")?.TextContent);
        Assert.Contains(MembershipRules.PanelVoiceRequired.Message, page.Text);
        Assert.Equal("not-an-email", page.Document.QuerySelector("#Form_Email")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Invitations.AnyAsync(i => i.CycleId == cycle.Id, _ct));
    }

    private async Task<(CommissioningCycle Cycle, string Token)> InvitationAsync(string email, DateTimeOffset createdAt)
    {
        var cycle = await TestCycles.CreateAsync(fixture);
        var (token, hash) = InvitationTokens.Create();
        await using var scope = fixture.Db();
        var role = email.StartsWith("provider", StringComparison.Ordinal) ? CycleRole.Observer : CycleRole.PanelMember;
        scope.Context.Invitations.Add(Domain.Testing.Expect.Success(
            Invitation.Create(cycle.Id, email, role, Voice.LivedExperience, null, hash, "commissioner-1", createdAt)));
        await scope.Context.SaveChangesAsync(_ct);
        return (cycle, token);
    }

    private async Task<MimeMessage> EmailToAsync(string address) =>
        Assert.Single(await TestMailbox.EmailsToAsync(fixture.Factory, address, _ct));

    private async Task<string> LinkEmailedToAsync(string address)
    {
        var message = await EmailToAsync(address);
        var url = InvitationLink().Match(message.HtmlBody ?? "").Groups[1].Value;
        return new Uri(url).PathAndQuery;
    }

    [GeneratedRegex("href=\"([^\"]*/invitations/[^\"]+)\"")]
    private static partial Regex InvitationLink();
}

file static class Moments
{
    public static DateTimeOffset Now() => DateTimeOffset.UtcNow;
}
