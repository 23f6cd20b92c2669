using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Admin;

public sealed class OrganisationPagesTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mistakes_are_shown_beside_their_fields_with_what_was_typed_kept()
    {
        var admin = await fixture.SignedInAsync(fixture.Administrator);

        var page = await admin.SubmitAsync("/admin/organisations/new", new Dictionary<string, string>
        {
            ["Form.Name"] = "Lighthouse Housing Trust",
            ["Form.OdsCode"] = "RX-H",
            ["Form.ContactName"] = "Jo Reid",
            ["Form.ContactEmail"] = "jo at lighthouse",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("RX-H", page.Document.QuerySelector("#Form_OdsCode")?.GetAttribute("value"));
        Assert.Equal("Lighthouse Housing Trust", page.Document.QuerySelector("#Form_Name")?.GetAttribute("value"));
        Assert.Contains(OrganisationRules.OdsCodeInvalid.Message, page.Document.QuerySelector("#Form_OdsCode-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(OrganisationRules.KindRequired.Message, page.Document.QuerySelector("#Form_Kind-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(OrganisationRules.ContactEmailInvalid.Message, page.Document.QuerySelector("#Form_ContactEmail-error")?.TextContent ?? "", StringComparison.Ordinal);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Organisations.AnyAsync(o => o.Name == "Lighthouse Housing Trust", _ct));
    }

    [Fact]
    public async Task An_organisation_is_added_and_a_second_with_its_name_or_ods_code_is_refused_beside_the_field()
    {
        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var added = await admin.SubmitAsync("/admin/organisations/new", Fields("Harbour Peer Support", "rxh"), ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Contains("Harbour Peer Support added", (await admin.FollowRedirectAsync(added, _ct)).Text, StringComparison.Ordinal);

        var sameName = await admin.SubmitAsync("/admin/organisations/new", Fields("Harbour Peer Support", ""), ct: _ct);
        var sameCode = await admin.SubmitAsync("/admin/organisations/new", Fields("Harbour Peer Support North", "RXH"), ct: _ct);

        Assert.Contains(OrganisationRules.NameTaken.Message, sameName.Document.QuerySelector("#Form_Name-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(OrganisationRules.OdsCodeTaken.Message, sameCode.Document.QuerySelector("#Form_OdsCode-error")?.TextContent ?? "", StringComparison.Ordinal);
        await using var scope = fixture.Db();
        var saved = await scope.Context.Organisations.SingleAsync(o => o.Name == "Harbour Peer Support", _ct);
        Assert.Equal(("RXH", OrganisationKind.UserLedOrganisation, "Jo Reid"), (saved.OdsCode, saved.Kind, saved.ContactName));
    }

    [Fact]
    public async Task Two_administrators_editing_at_once_are_told_not_overwritten()
    {
        var organisation = await AddAsync("Seaview Mind");
        var lee = await fixture.SignedInAsync(fixture.Administrator);
        var sam = await fixture.SignedInAsync(fixture.OtherAdministrator);
        var leesPage = await lee.GetAsync($"/admin/organisations/{organisation.Id}", _ct);
        var version = leesPage.Document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await sam.SubmitAsync($"/admin/organisations/{organisation.Id}",
            Fields("Seaview Mind CIC", "", "Pat Moss"), ct: _ct)).Status);

        var clash = await lee.PostCraftedAsync($"/admin/organisations/{organisation.Id}",
            new Dictionary<string, string>(Fields("Seaview Mental Health", "", "Lee's contact")) { ["Form.Version"] = version }, $"/admin/organisations/{organisation.Id}", _ct);

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("Someone changed this organisation while you were editing", clash.Text, StringComparison.Ordinal);
        Assert.Contains("Seaview Mind CIC", clash.Text, StringComparison.Ordinal);
        Assert.Equal("Seaview Mental Health", clash.Document.QuerySelector("#Form_Name")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.Equal("Seaview Mind CIC", await scope.Context.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Name).SingleAsync(_ct));
    }

    [Fact]
    public async Task A_retired_organisation_keeps_its_record_and_is_neither_offered_nor_accepted_for_an_invitation()
    {
        var organisation = await AddAsync("Old Harbour Trust");
        var admin = await fixture.SignedInAsync(fixture.Administrator);

        var retired = await admin.SubmitAsync($"/admin/organisations/{organisation.Id}", new Dictionary<string, string>(), "form[action*='handler=Retire']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, retired.Status);
        var list = await admin.GetAsync("/admin/organisations?search=old harbour", _ct);
        Assert.Contains("Retired", list.Document.QuerySelector("tbody")?.TextContent ?? "", StringComparison.Ordinal);
        var invite = await admin.GetAsync("/admin/accounts/invite", _ct);
        Assert.DoesNotContain("Old Harbour Trust", invite.Text, StringComparison.Ordinal);
        var crafted = await admin.SubmitAsync("/admin/accounts/invite", new Dictionary<string, string>
        {
            ["Form.Email"] = "pat@old-harbour.example",
            ["Form.DisplayName"] = "Pat Moss",
            ["Form.OrganisationId"] = organisation.Id.ToString(),
        }, ct: _ct);
        Assert.Contains(OrganisationRules.Retired.Message, crafted.Document.QuerySelector("#Form_OrganisationId-error")?.TextContent ?? "", StringComparison.Ordinal);
        await using var scope = fixture.Db();
        Assert.True(await scope.Context.Organisations.AnyAsync(o => o.Id == organisation.Id && o.RetiredAt != null, _ct));
        Assert.False(await scope.Context.Users.AnyAsync(u => u.Email == "pat@old-harbour.example", _ct));
    }

    [Fact]
    public async Task A_commissioner_cannot_invite_a_provider_into_a_retired_organisation_even_with_a_crafted_post()
    {
        var organisation = await AddAsync("Closed Harbour Services");
        await using (var scope = fixture.Db())
        {
            var tracked = await scope.Context.Organisations.SingleAsync(o => o.Id == organisation.Id, _ct);
            Expect.Success(tracked.Retire(DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var commissioner = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Priya Sharma");
        var cycle = await TestCycles.CreateAsync(fixture, (commissioner.Email, CycleRole.Commissioner));
        var client = await fixture.SignedInAsync(commissioner);
        var members = $"/cycles/{cycle.Id}/members";
        Assert.DoesNotContain("Closed Harbour Services", (await client.GetAsync(members, _ct)).Text, StringComparison.Ordinal);

        var crafted = await client.PostCraftedAsync($"{members}?handler=Invite", new Dictionary<string, string>
        {
            ["Form.Email"] = "ruth@closed-harbour.example",
            ["Form.Role"] = nameof(CycleRole.Provider),
            ["Form.OrganisationId"] = organisation.Id.ToString(),
        }, members, _ct);

        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(OrganisationRules.Retired.Message, crafted.Text, StringComparison.Ordinal);
        await using var check = fixture.Db();
        Assert.False(await check.Context.Invitations.AnyAsync(i => i.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task The_list_is_searched_by_name_or_ods_code_and_paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using (var scope = fixture.Db())
        {
            for (var i = 0; i < 22; i++)
            {
                scope.Context.Organisations.Add(new Organisation($"Paged {tag} provider {i:00}", OrganisationKind.VoluntaryOrCommunityOrganisation));
            }

            await scope.Context.SaveChangesAsync(_ct);
        }

        var admin = await fixture.SignedInAsync(fixture.Administrator);
        var first = await admin.GetAsync($"/admin/organisations?search={tag}", _ct);
        var last = await admin.GetAsync($"/admin/organisations?search={tag}&pageNumber=2", _ct);
        var byCode = await admin.GetAsync("/admin/organisations?search=15n", _ct);

        Assert.Contains("Showing 1 to 20 of 22", first.Text, StringComparison.Ordinal);
        Assert.Equal(2, last.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(first.Document.QuerySelector("#search")?.GetAttribute("value"), tag);
        Assert.DoesNotContain("Paged", byCode.Text, StringComparison.Ordinal);
    }

    private async Task<Organisation> AddAsync(string name)
    {
        await using var scope = fixture.Db();
        var organisation = new Organisation(name, OrganisationKind.NhsTrust);
        scope.Context.Organisations.Add(organisation);
        await scope.Context.SaveChangesAsync(_ct);
        return organisation;
    }

    private static Dictionary<string, string> Fields(string name, string odsCode, string contact = "Jo Reid") => new()
    {
        ["Form.Name"] = name,
        ["Form.Kind"] = nameof(OrganisationKind.UserLedOrganisation),
        ["Form.OdsCode"] = odsCode,
        ["Form.ContactName"] = contact,
        ["Form.ContactEmail"] = "jo@harbour-peer.example",
    };
}
