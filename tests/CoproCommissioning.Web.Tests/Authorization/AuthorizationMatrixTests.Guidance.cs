using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Tests.Authorization;

/// <summary>The pages issue 16 added or narrowed: feedback for everyone, its list for administrators, the sign-off checklist for the team.</summary>
public sealed partial class AuthorizationMatrixTests
{
    [Fact]
    public async Task Anyone_may_send_feedback_and_only_administrators_read_it()
    {
        var form = fixture.Pages.Single(p => p.Route.StartsWith("feedback", StringComparison.Ordinal));
        var list = fixture.Pages.Single(p => p.Route == "admin/feedback");

        Assert.True(form.AllowsAnonymous);
        Assert.Equal([SiteRoles.Administrator], list.SiteRoles);
        Assert.Equal(HttpStatusCode.OK, (await BrowserLikeClient.For(fixture.Factory).GetAsync("/feedback", _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync("admin@demo.copro.test")).GetAsync("/admin/feedback", _ct)).Status);
        Assert.True(IsRefused(await (await SignedInAsync("commissioner@demo.copro.test")).GetAsync("/admin/feedback", _ct)));
    }

    [Theory]
    [InlineData("commissioner@demo.copro.test", CycleRole.Commissioner, HttpStatusCode.OK)]
    [InlineData("champion@demo.copro.test", CycleRole.CoProductionChampion, HttpStatusCode.OK)]
    [InlineData("clinician@demo.copro.test", CycleRole.ClinicalAdviser, HttpStatusCode.OK)]
    [InlineData("panel@demo.copro.test", CycleRole.PanelMember, HttpStatusCode.Forbidden)]
    [InlineData("provider@demo.copro.test", CycleRole.Provider, HttpStatusCode.Forbidden)]
    [InlineData("admin@demo.copro.test", CycleRole.Observer, HttpStatusCode.Forbidden)]
    public async Task The_sign_off_checklist_answers_only_to_the_commissioning_team(string email, CycleRole role, HttpStatusCode expected)
    {
        var client = await SignedInAsync(email);

        var page = await client.GetAsync($"/cycles/{fixture.Cycle.Id}/stages/needs-assessment/sign-off", _ct);

        Assert.True(expected == page.Status, $"{role}: {(int)page.Status}");
    }
}
