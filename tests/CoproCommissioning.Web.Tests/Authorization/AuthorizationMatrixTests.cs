using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Authorization;

public sealed class AuthorizationMatrixFixture(PostgresServer server) : DatabaseFixture(server)
{
    public const string Outsider = "outsider@example.org";

    public CommissioningCycle Cycle { get; private set; } = null!;

    /// <summary>The outsider's own cycle, where they are commissioner: the base of the cross-cycle attacks.</summary>
    public CommissioningCycle OutsiderCycle { get; private set; } = null!;

    /// <summary>What the outsider must never see or change of <see cref="Cycle"/>.</summary>
    public CycleSecrets Secrets { get; private set; } = null!;
    public IReadOnlyList<PageUnderTest> Pages { get; private set; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Db())
        {
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            var outsider = new AppUser { UserName = Outsider, Email = Outsider, EmailConfirmed = true, DisplayName = "Outsider" };
            _ = await users.CreateAsync(outsider, DemoSeeder.Password);
        }

        Cycle = await TestCycles.CreateAsync(this, [.. AuthorizationMatrixTests.MemberAccounts.Select(m => (m.Email, m.Role))]);
        OutsiderCycle = await TestCycles.CreateAsync(this, (Outsider, CycleRole.Commissioner));
        await ProcurementMatrix.PlantAsync(this);
        await MonitoringMatrix.PlantAsync(this);
        Secrets = await CycleSecrets.PlantAsync(this, Cycle.Id);
        Pages = await PageUnderTest.AllAsync(Factory.Services);
    }
}

/// <summary>
/// Every Razor Page and handler the app has, found from its own endpoint data, checked for anonymous
/// visitors, site roles, each cycle role and a member of another cycle. A new page without an explicit
/// policy fails here.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    public static readonly (string Email, CycleRole Role)[] MemberAccounts =
    [
        ("commissioner@demo.copro.test", CycleRole.Commissioner),
        ("champion@demo.copro.test", CycleRole.CoProductionChampion),
        ("panel@demo.copro.test", CycleRole.PanelMember),
        ("provider@demo.copro.test", CycleRole.Provider),
        ("clinician@demo.copro.test", CycleRole.ClinicalAdviser),
        ("admin@demo.copro.test", CycleRole.Observer),
    ];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Every_page_says_who_may_use_it()
    {
        var unexplained = fixture.Pages.Where(p => !p.AllowsAnonymous && !p.RequiresSignIn && p.CyclePermission is null)
            .Select(p => p.Route).ToList();

        Assert.True(unexplained.Count == 0, string.Join(Environment.NewLine, unexplained));
        Assert.Contains(fixture.Pages, p => p.IsCyclePage);
    }

    [Fact]
    public void Every_cycle_page_and_each_of_its_post_handlers_names_the_operation_it_needs()
    {
        var missing = fixture.Pages.Where(p => p.IsCyclePage)
            .SelectMany(p => p.CyclePermission is null
                ? [$"{p.Route} (page)"]
                : p.PostHandlers.Where(h => h.Permission is null).Select(h => $"{p.Route} POST {h.Name ?? "(default)"}"))
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_every_page_that_is_not_public()
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        List<string> wrong = [];
        foreach (var page in fixture.Pages)
        {
            var response = await client.GetAsync(page.Url(fixture.Cycle.Id), _ct);
            var sentToSignIn = response.Status == HttpStatusCode.Redirect && response.Location!.Contains("/Identity/Account/Login", StringComparison.Ordinal);
            if (page.AllowsAnonymous == sentToSignIn)
            {
                wrong.Add($"{page.Route}: {(int)response.Status} {response.Location}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_member_of_another_cycle_gets_not_found_for_every_page_and_handler_of_this_one()
    {
        var client = await SignedInAsync(AuthorizationMatrixFixture.Outsider);
        List<string> wrong = [];
        foreach (var page in fixture.Pages.Where(p => p.IsCyclePage))
        {
            var url = page.Url(fixture.Cycle.Id);
            var get = await client.GetAsync(url, _ct);
            Check(wrong, $"GET {page.Route}", get.Status, HttpStatusCode.NotFound);
            foreach (var handler in page.PostHandlers)
            {
                var post = await client.PostCraftedAsync(handler.Url(url), new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);
                Check(wrong, $"POST {page.Route} {handler.Name}", post.Status, HttpStatusCode.NotFound);
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [InlineData("commissioner@demo.copro.test", CycleRole.Commissioner)]
    [InlineData("champion@demo.copro.test", CycleRole.CoProductionChampion)]
    [InlineData("panel@demo.copro.test", CycleRole.PanelMember)]
    [InlineData("provider@demo.copro.test", CycleRole.Provider)]
    [InlineData("clinician@demo.copro.test", CycleRole.ClinicalAdviser)]
    [InlineData("admin@demo.copro.test", CycleRole.Observer)]
    public async Task Each_cycle_role_reaches_exactly_the_pages_and_handlers_its_role_allows(string email, CycleRole role)
    {
        var client = await SignedInAsync(email);
        List<string> wrong = [];
        foreach (var page in fixture.Pages.Where(p => p.IsCyclePage))
        {
            var url = page.Url(fixture.Cycle.Id);
            var get = await client.GetAsync(url, _ct);
            CheckAllowed(wrong, $"GET {page.Route}", get.Status, CyclePermissions.Allows(role, page.CyclePermission!.Operation),
                page.HasOtherIds || ProcurementMatrix.ForSomeMembersOnly.Contains(page.Route));
            foreach (var handler in page.PostHandlers)
            {
                var post = await client.PostCraftedAsync(handler.Url(url), new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);
                var allowed = CyclePermissions.Allows(role, (handler.Permission ?? page.CyclePermission).Operation);
                CheckAllowed(wrong, $"POST {page.Route} {handler.Name}", post.Status, allowed,
                    page.HasOtherIds || handler.NamesAChildInTheForm || ProcurementMatrix.ForSomeMembersOnly.Contains(page.Route));
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [InlineData("admin@demo.copro.test", SiteRoles.Administrator)]
    [InlineData("commissioner@demo.copro.test", SiteRoles.Commissioner)]
    [InlineData("panel@demo.copro.test", null)]
    public async Task Pages_for_a_site_role_answer_only_to_people_with_that_role(string email, string? siteRole)
    {
        var client = await SignedInAsync(email);
        List<string> wrong = [];
        foreach (var page in fixture.Pages.Where(p => p.SiteRoles.Count > 0))
        {
            var url = page.Url(fixture.Cycle.Id);
            var response = await client.GetAsync(url, _ct);
            if (IsRefused(response) == page.SiteRoles.Contains(siteRole ?? ""))
            {
                wrong.Add($"{page.Route}: {(int)response.Status} {response.Location}");
            }

            // Every handler too (the administration pages change accounts and organisations): a crafted post with a
            // valid antiforgery token and nothing else.
            foreach (var handler in page.PostHandlers)
            {
                var post = await client.PostCraftedAsync(handler.Url(url), new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);
                if (IsRefused(post) == page.SiteRoles.Contains(siteRole ?? "") || post.Status == HttpStatusCode.InternalServerError)
                {
                    wrong.Add($"POST {page.Route} {handler.Name}: {(int)post.Status} {post.Location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Only_administrators_reach_the_administration_pages()
    {
        var administration = fixture.Pages.Where(p => p.Route.StartsWith("admin", StringComparison.Ordinal)).ToList();

        Assert.True(administration.Count >= 7, string.Join(", ", administration.Select(p => p.Route)));
        Assert.All(administration, page => Assert.Equal([SiteRoles.Administrator], page.SiteRoles));
    }

    [Fact]
    public async Task Every_page_answers_a_signed_in_person_with_no_store_so_shared_computers_keep_no_copy()
    {
        var client = await SignedInAsync("commissioner@demo.copro.test");
        List<string> wrong = [];
        foreach (var page in fixture.Pages)
        {
            var response = await client.GetAsync(page.Url(fixture.Cycle.Id), _ct);
            if (!response.Headers.TryGetValue("Cache-Control", out var cacheControl) || !cacheControl.Contains("no-store", StringComparison.Ordinal))
            {
                wrong.Add($"{page.Route}: {(int)response.Status} Cache-Control: {cacheControl}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private async Task<BrowserLikeClient> SignedInAsync(string email)
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(email, DemoSeeder.Password, _ct);
        return client;
    }

    private static bool IsRefused(BrowserLikeClient.Page response) => response.Status == HttpStatusCode.Forbidden
        || (response.Status == HttpStatusCode.Redirect && response.Location!.Contains("AccessDenied", StringComparison.Ordinal));

    private static void Check(List<string> wrong, string what, HttpStatusCode actual, HttpStatusCode expected)
    {
        if (actual != expected)
        {
            wrong.Add($"{what}: expected {(int)expected}, got {(int)actual}");
        }
    }

    /// <summary>
    /// Allowed: anything but 403 (and, where the route names only the cycle, not 404 either; pages about a
    /// contribution or decision that doesn't exist may answer 404). Not allowed: exactly 403.
    /// </summary>
    private static void CheckAllowed(List<string> wrong, string what, HttpStatusCode actual, bool allowed, bool hasOtherIds)
    {
        if (!allowed && actual != HttpStatusCode.Forbidden)
        {
            wrong.Add($"{what}: expected 403, got {(int)actual}");
        }
        else if (allowed && (actual == HttpStatusCode.Forbidden || (actual == HttpStatusCode.NotFound && !hasOtherIds)
            || actual == HttpStatusCode.InternalServerError))
        {
            wrong.Add($"{what}: expected to be let in, got {(int)actual}");
        }
    }
}

public sealed partial record PageUnderTest(
    string Route,
    bool AllowsAnonymous,
    bool RequiresSignIn,
    IReadOnlyList<string> SiteRoles,
    CyclePermissionAttribute? CyclePermission,
    IReadOnlyList<HandlerUnderTest> PostHandlers)
{
    public bool IsCyclePage => Route.Contains("{" + CycleAuthorizationFilter.CycleIdRouteKey, StringComparison.Ordinal);

    public bool HasOtherIds => RouteParameter().Matches(Route).Any(m => !m.Groups[1].Value.StartsWith(CycleAuthorizationFilter.CycleIdRouteKey, StringComparison.Ordinal)
        && !m.Groups[1].Value.StartsWith("stage", StringComparison.Ordinal));

    /// <summary>
    /// The route with its parameters filled: this cycle, the first stage, the given values for other parameters
    /// (by name), made-up ids for the rest.
    /// </summary>
    public string Url(Guid cycleId, IReadOnlyDictionary<string, string>? values = null) => "/" + RouteParameter().Replace(Route, m => m.Groups[1].Value switch
    {
        var p when p.StartsWith(CycleAuthorizationFilter.CycleIdRouteKey, StringComparison.Ordinal) => cycleId.ToString(),
        var p when values?.TryGetValue(ParameterName(p), out var value) == true => value,
        var p when p.StartsWith("stage", StringComparison.Ordinal) && !p.Contains("guid", StringComparison.Ordinal) => "needs-assessment",
        var p when p.EndsWith('?') => "",
        var p when p.Contains(":int", StringComparison.Ordinal) => "1",
        var p when p.Contains("guid", StringComparison.Ordinal) || p.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ => "not-a-real-value",
    }).TrimEnd('/');

    public static async Task<IReadOnlyList<PageUnderTest>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        List<PageUnderTest> pages = [];
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            pages.Add(new PageUnderTest(
                endpoint.RoutePattern.RawText ?? descriptor.ViewEnginePath,
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                authorize.Count > 0,
                [.. authorize.Where(a => a.Roles is not null).SelectMany(a => a.Roles!.Split(','))],
                compiled.HandlerTypeInfo.GetCustomAttribute<CyclePermissionAttribute>(),
                [.. compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                    .Select(h => new HandlerUnderTest(h.Name, h.MethodInfo.GetCustomAttribute<CyclePermissionAttribute>(),
                        h.Parameters.Any(p => p.Name.EndsWith("Id", StringComparison.Ordinal)
                            && !endpoint.RoutePattern.Parameters.Any(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)))))]));
        }

        return pages;
    }

    /// <summary>The names of the route's parameters other than the cycle and the stage.</summary>
    public IReadOnlyList<string> OtherParameters => [.. RouteParameter().Matches(Route).Select(m => ParameterName(m.Groups[1].Value))
        .Where(p => p is not CycleAuthorizationFilter.CycleIdRouteKey and not "stage")];

    private static string ParameterName(string parameter) => parameter.Split(':', '?')[0];

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// A POST handler. NamesAChildInTheForm: it acts on something named by a posted id (looked up within the route's
/// cycle), such as an invitation to withdraw, so without one it may answer 404.
/// </summary>
public sealed record HandlerUnderTest(string? Name, CyclePermissionAttribute? Permission, bool NamesAChildInTheForm)
{
    public string Url(string pageUrl) => Name is null ? pageUrl : $"{pageUrl}?handler={Name}";
}
