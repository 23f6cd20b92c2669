using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

public sealed class HomePageTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_home_page_shows_the_service_in_the_NHS_layout_and_passes_axe()
    {
        await Page.GotoAsync("/");

        await Assertions.Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Co-produced commissioning"));
        await Assertions.Expect(Page.Locator("header.nhsuk-header")).ToContainTextAsync("Co-produced commissioning");
        await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
        // The NHS.UK frontend stylesheet really loaded (not just the markup): the header is NHS blue.
        var headerColour = await Page.Locator("header.nhsuk-header").EvaluateAsync<string>(
            "e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(0, 94, 184)", headerColour);
        await ScreenshotAsync("home");
        await Page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_demo_panel_member_signs_in_from_the_home_page_and_is_shown_as_signed_in()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await Page.AssertNoViolationsAsync();

        await SignInAsync("panel@demo.copro.test", DemoSeeder.Password);

        await Assertions.Expect(Page.Locator("header")).ToContainTextAsync("panel@demo.copro.test");
        await ScreenshotAsync("signed-in");
    }
}
