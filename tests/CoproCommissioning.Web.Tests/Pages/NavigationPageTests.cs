using System.Net;
using CoproCommissioning.Web.DemoData;

namespace CoproCommissioning.Web.Tests.Pages;

/// <summary>Signing in lands on "My cycles"; the header navigation is on every page for signed-in people; the needs assessment has one hub.</summary>
public sealed class NavigationPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string LoginUrl = "/Identity/Account/Login";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "/cycles")]
    [InlineData("/", "/cycles")]
    [InlineData("/my-input", "/my-input")]
    [InlineData("https://example.org/cycles", "/cycles")]
    [InlineData("//example.org/cycles", "/cycles")]
    public async Task Signing_in_lands_on_my_cycles_unless_it_was_asked_for_from_a_page_of_ours(string? returnUrl, string landing)
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        var url = returnUrl is null ? LoginUrl : $"{LoginUrl}?returnUrl={Uri.EscapeDataString(returnUrl)}";

        var signedIn = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Email"] = CyclePeople.PanelEmail,
            ["Input.Password"] = DemoSeeder.Password,
        }, "form#account", _ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(landing, signedIn.Location);
    }

    [Fact]
    public async Task Signed_in_people_have_the_header_navigation_with_the_current_section_marked()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var myCycles = await panel.GetAsync("/cycles", _ct);
        var inCycle = await panel.GetAsync(CycleUrls.Stage(cycleId), _ct);
        var myInput = await panel.GetAsync("/my-input", _ct);

        Assert.Equal(
            [("My cycles", "/cycles", "page"), ("What happened to my input", "/my-input", null), ("Updates", "/updates", null), ("Account", "/Identity/Account/Manage", null)],
            Navigation(myCycles));
        Assert.Equal([("My cycles", "/cycles", "true"), ("What happened to my input", "/my-input", null), ("Updates", "/updates", null), ("Account", "/Identity/Account/Manage", null)],
            Navigation(inCycle));
        Assert.Equal("page", Navigation(myInput).Single(n => n.Text == "What happened to my input").Current);
        Assert.Equal("Menu", myCycles.Document.QuerySelector("header nav.nhsuk-header__navigation")?.GetAttribute("aria-label"));

        var admin = await fixture.SignedInAsync(CyclePeople.ObserverEmail);
        var adminPage = await admin.GetAsync("/admin", _ct);
        Assert.Contains(("Administration", "/admin", "page"), Navigation(adminPage));
        Assert.DoesNotContain(Navigation(myCycles), n => n.Text == "Administration");

        var anonymous = await BrowserLikeClient.For(fixture.Factory).GetAsync("/", _ct);
        Assert.Null(anonymous.Document.QuerySelector("header nav.nhsuk-header__navigation"));
    }

    [Fact]
    public async Task The_needs_assessment_has_one_hub_whose_links_are_named_as_the_pages_they_open()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var hub = await client.GetAsync(CycleUrls.Stage(cycleId), _ct);
        var oldHub = await client.GetAsync($"/cycles/{cycleId}/needs-assessment", _ct);

        var rows = hub.Document.QuerySelectorAll("main .nhsuk-summary-list__row")
            .Select(r => (Key: r.QuerySelector("dt")!.TextContent.Trim(), Href: r.QuerySelector("a")!.GetAttribute("href")!))
            .ToList();
        Assert.Equal(
            [
                ("Evidence", $"/cycles/{cycleId}/needs-assessment/evidence"),
                ("Identified needs", $"/cycles/{cycleId}/needs-assessment/needs"),
                ("Groups affected by inequalities", $"/cycles/{cycleId}/needs-assessment/inequalities"),
            ],
            rows);
        Assert.DoesNotContain("Needs and the groups affected by inequalities", hub.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, oldHub.Status);
        Assert.Equal($"{CycleUrls.Stage(cycleId)}#findings", oldHub.Location);
        foreach (var (key, href) in rows)
        {
            var list = await client.GetAsync(href, _ct);
            Assert.Equal(key, list.Document.QuerySelector("h1")!.ChildNodes.OfType<AngleSharp.Dom.IText>().Select(t => t.Text.Trim()).Single(t => t.Length > 0));
            var back = list.Document.QuerySelector(".nhsuk-back-link");
            Assert.Equal(("Back to needs assessment", CycleUrls.Stage(cycleId)), (back?.TextContent.Trim(), back?.GetAttribute("href")));
        }
    }

    private static List<(string Text, string Href, string? Current)> Navigation(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("header nav.nhsuk-header__navigation a.nhsuk-header__navigation-link")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "", a.GetAttribute("aria-current")))];
}
