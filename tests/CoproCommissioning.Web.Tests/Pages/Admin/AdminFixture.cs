using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Web.Tests.Accounts;

namespace CoproCommissioning.Web.Tests.Pages.Admin;

/// <summary>An install without demo data: two administrators, so that each can act on the other, and one organisation.</summary>
public sealed class AdminFixture(PostgresServer server) : DatabaseFixture(server)
{
    public TestAccounts.Account Administrator { get; private set; } = null!;
    public TestAccounts.Account OtherAdministrator { get; private set; } = null!;
    public Organisation Organisation { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Administrator = await TestAccounts.CreateAsync(this, SiteRoles.Administrator, "Lee Chen");
        OtherAdministrator = await TestAccounts.CreateAsync(this, SiteRoles.Administrator, "Sam Jones");
        await using var scope = Db();
        Organisation = new Organisation("Harbourside Integrated Care Board", OrganisationKind.IntegratedCareBoard);
        scope.Context.Organisations.Add(Organisation);
        await scope.Context.SaveChangesAsync();
    }

    public async Task<BrowserLikeClient> SignedInAsync(TestAccounts.Account account)
    {
        var client = BrowserLikeClient.For(Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password);
        return client;
    }
}
