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
/// The real app on a Kestrel port with its own database (demo data seeded unless a subclass says not), and the run's one
/// headless Chromium (SharedChromium), in which each test has a context of its own.
/// </summary>
public class BrowserAppFixture(PostgresServer server) : DatabaseFixture(server)
{
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>False for a fresh install: no demo accounts, organisations or cycles.</summary>
    protected virtual bool SeedsDemoData => true;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConfigureApp(Factory);
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

        _browser = await SharedChromium.BrowserAsync();
    }

    /// <summary>Changes to the app before it starts, such as its clock.</summary>
    protected virtual void ConfigureApp(AppFactory factory)
    {
    }

    // Ports below the kernel's ephemeral range (32768 up): a port the kernel hands out (port 0) can be taken again by an
    // outgoing connection, Chromium's to another test class's app for one, in the moment before Kestrel binds it.
    private const int LowestPort = 20000, Ports = 12000;
    private static int _nextPort = Random.Shared.Next(Ports);

    private static int FreePort()
    {
        for (var tries = 0; ; tries++)
        {
            var port = LowestPort + (Interlocked.Increment(ref _nextPort) % Ports);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (tries < 100)
            {
                // Another process listens there: try the next.
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
