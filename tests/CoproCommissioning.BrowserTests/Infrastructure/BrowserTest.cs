using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Infrastructure;

/// <summary>
/// Gives each test a fresh browser context and page, and saves a full-page screenshot to the
/// artifacts folder whenever a test fails (xunit reports the outcome before the class is disposed).
/// </summary>
public abstract class BrowserTest(BrowserAppFixture app) : IAsyncLifetime
{
    private IBrowserContext? _context;

    protected BrowserAppFixture App { get; } = app;
    protected IPage Page { get; private set; } = null!;
    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Locale = "en-GB",
            // Each test is a different person's machine to the app's per-address rate limits.
            ExtraHTTPHeaders = new Dictionary<string, string> { [AppFactory.ClientAddressHeader] = AppFactory.NewClientAddress() },
        });
        // Every page has axe-core from the start, so a check does not have to send it (Accessibility).
        await _context.AddInitScriptAsync(Accessibility.AxeSource);
        Page = await _context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await ScreenshotAsync("failed");
        }

        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Saves a full-page screenshot named after the test; returns its path.</summary>
    protected async Task<string> ScreenshotAsync(string suffix)
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "test";
        var name = string.Concat(test.Split(Path.GetInvalidFileNameChars())).Replace(' ', '_');
        var path = Path.Combine(Artifacts.Folder, $"{name[Math.Max(0, name.Length - 120)..]}-{suffix}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    protected async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/Identity/Account/Login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.Locator("form#account button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
