using CoproCommissioning.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

public sealed class RateLimitJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    // Forgot password allows 3 emails an hour to one address (its production limit): the 4th ask is refused.
    private const int ResetEmailsPerEmail = 3;

    [Fact]
    public async Task Asking_too_often_for_a_reset_email_shows_when_to_try_again_and_passes_axe()
    {
        var email = $"someone-{Guid.NewGuid():N}@example.org";
        IResponse? answer = null;
        for (var i = 0; i <= ResetEmailsPerEmail; i++)
        {
            await Page.GotoAsync("/Identity/Account/ForgotPassword");
            await Page.GetByLabel("Email address").FillAsync(email);
            answer = await Page.RunAndWaitForResponseAsync(
                () => Page.Locator("main form button[type=submit]").ClickAsync(),
                response => response.Request.Method == "POST");
        }

        Assert.Equal(429, answer!.Status);
        Assert.True(int.TryParse(await answer.HeaderValueAsync("retry-after"), out var seconds) && seconds > 0);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You have tried too many times");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex(@"You can try again in 1 hour, after \d{1,2}:\d\d(am|pm)\."));
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("too-many-tries");
    }
}
