using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium (the system's, CHROMIUM_PATH to override) for the whole run, launched when a fixture first asks.
/// Tests stay apart through a browser context each (BrowserTest), which costs far less than a browser per test class.
/// An assembly fixture, so that the browser is closed when the run ends.
/// </summary>
public sealed class SharedChromium : IAsyncDisposable
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Launched = new(LaunchAsync);

    public static async Task<IBrowser> BrowserAsync() => (await Launched.Value).Browser;

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // Root in a container needs --no-sandbox; the rest stop Chromium calling out to a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        if (Launched.IsValueCreated && Launched.Value.IsCompletedSuccessfully)
        {
            var (playwright, browser) = await Launched.Value;
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
