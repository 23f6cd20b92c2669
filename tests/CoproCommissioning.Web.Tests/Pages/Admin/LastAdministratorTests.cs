using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Administration;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Admin;

/// <summary>A database of its own: the rule counts every active administrator there is.</summary>
public sealed class LastAdministratorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_deactivated()
    {
        var lee = await TestAccounts.CreateAsync(fixture, SiteRoles.Administrator, "Lee Chen");
        var sam = await TestAccounts.CreateAsync(fixture, SiteRoles.Administrator, "Sam Jones");
        var leeSession = BrowserLikeClient.For(fixture.Factory);
        await leeSession.SignInAsync(lee.Email, TestAccounts.Password, _ct);
        var samSession = BrowserLikeClient.For(fixture.Factory);
        await samSession.SignInAsync(sam.Email, TestAccounts.Password, _ct);

        // Sam takes Lee's administrator role: two were active, so one is left.
        var demoted = await samSession.SubmitAsync($"/admin/accounts/{lee.Id}", new Dictionary<string, string>(), "form[action*='handler=Roles']", _ct);
        Assert.Equal(HttpStatusCode.Redirect, demoted.Status);

        // Lee's page was open before (a sign-in cookie carries its roles until the next security stamp check): the
        // server still refuses to leave the site without an administrator.
        var roles = await leeSession.SubmitAsync($"/admin/accounts/{sam.Id}", new Dictionary<string, string>(), "form[action*='handler=Roles']", _ct);
        Assert.Equal(HttpStatusCode.OK, roles.Status);
        Assert.Contains(AdministrationRules.LastAdministrator.Message, roles.Document.QuerySelector("#Form_Roles-error")?.TextContent ?? "", StringComparison.Ordinal);
        var deactivate = await leeSession.SubmitAsync($"/admin/accounts/{sam.Id}", new Dictionary<string, string>(), "form[action*='handler=Deactivate']", _ct);
        Assert.Equal(HttpStatusCode.OK, deactivate.Status);
        Assert.Contains(AdministrationRules.DeactivateLastAdministrator.Message, deactivate.Text, StringComparison.Ordinal);

        await using var scope = fixture.Db();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var samNow = await users.FindByIdAsync(sam.Id);
        Assert.True(await users.IsInRoleAsync(samNow!, SiteRoles.Administrator));
        Assert.Null(samNow!.DeactivatedAt);
    }
}
