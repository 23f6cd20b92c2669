using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>Steps the cycle journeys share: signing in and out, and moving through a page with the keyboard alone.</summary>
public static class CycleJourneySteps
{
    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Logout", StringComparison.Ordinal));
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, as a keyboard user would; fails if it never does.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int mostPresses = 250)
    {
        for (var presses = 0; presses <= mostPresses; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Pressing Tab {mostPresses} times never reached {target} on {page.Url}.");
    }

    public static async Task TabAndTypeAsync(this IPage page, ILocator field, string text)
    {
        await page.TabToAsync(field);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tabs to a radio or checkbox and presses Space to choose it.</summary>
    public static async Task TabAndTickAsync(this IPage page, ILocator choice)
    {
        await page.TabToAsync(choice);
        await page.Keyboard.PressAsync("Space");
        Assert.True(await choice.IsCheckedAsync(), $"Space did not choose {choice}.");
    }

    /// <summary>Tabs to a link or button and presses Enter, then waits for the (different) page it leads to, and checks it with axe.</summary>
    public static async Task TabAndFollowAsync(this IPage page, ILocator linkOrButton)
    {
        await page.TabToAsync(linkOrButton);
        await page.PressEnterAndWaitForNewPageAsync();
        await page.AssertNoViolationsAsync();
    }

    private static async Task PressEnterAndWaitForNewPageAsync(this IPage page)
    {
        var before = page.Url;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url != before);
    }

    public static async Task SignInWithKeyboardAsync(this IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.TabAndTypeAsync(page.GetByLabel("Email"), email);
        await page.TabAndTypeAsync(page.GetByLabel("Password"), DemoSeeder.Password);
        await page.PressEnterAndWaitForNewPageAsync();
    }

    public static async Task SignOutWithKeyboardAsync(this IPage page) =>
        await page.TabAndFollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
}
