using System.Net;
using System.Net.Sockets;
using CoproCommissioning.Web.DemoData;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a Kestrel port with its own database (demo data seeded unless a subclass says not), and one headless
/// Chromium (the system's, CHROMIUM_PATH to override) shared by the test class.
/// </summary>
public class BrowserAppFixture(PostgresServer server) : DatabaseFixture(server)
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>False for a fresh install: no demo accounts, organisations or cycles.</summary>
    protected virtual bool SeedsDemoData => true;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // The port is chosen before start-up because links in emails are built from the configured public address.
        var port = FreePort();
        Factory.PublicBaseUrl = $"http://127.0.0.1:{port}";
        Factory.UseKestrel(port);
        Factory.StartServer();
        var listening = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        if (!listening.Any(a => new Uri(a).Port == port))
        {
            throw new InvalidOperationException($"The app listens on {string.Join(", ", listening)}, not on port {port}.");
        }

        BaseUrl = Factory.PublicBaseUrl;

        if (SeedsDemoData)
        {
            await using var scope = Db();
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // Root in a container needs --no-sandbox; the rest stop Chromium calling out to a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
