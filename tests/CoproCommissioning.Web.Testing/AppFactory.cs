using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Testing;

/// <summary>The real app, pointed at one test database; it never migrates or seeds by itself.</summary>
public sealed class AppFactory(string connectionString) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Where this app's emails land; tests read invitation links from here.</summary>
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "copro-mail", Guid.NewGuid().ToString("N"));

    /// <summary>Where links in emails point: the test server's own host, or the Kestrel address of a browser test.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost";

    /// <summary>Testing (plain HTTP allowed, demo-friendly defaults), or Production to test what a live install does.</summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>
    /// More settings, applied last (set before the app starts). For an app on Kestrel (<c>UseKestrel</c>), where a
    /// factory made by <c>WithWebHostBuilder</c> would not listen on the port asked for.
    /// </summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>
    /// The app's clock (set before the app starts): a FakeTimeProvider lets a browser journey on Kestrel pass a bid
    /// deadline or a standstill, where <see cref="WithClock"/> would make a second app that does not listen on the port.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Development does this by itself. Without it an unpublished build serves an empty body
        // for pre-compressed (.gz) assets, which Chromium asks for, and pages load unstyled.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Seed", "false");
        if (EnvironmentName == "Testing")
        {
            builder.UseSetting("Email:Delivery", "Pickup");
            builder.UseSetting("Email:PickupFolder", PickupFolder);
        }
        else
        {
            // A live environment refuses the Pickup folder; nothing here sends mail, so no server answers.
            builder.UseSetting("Email:Delivery", "Smtp");
            builder.UseSetting("Email:SmtpHost", "127.0.0.1");
            builder.UseSetting("Email:SmtpPort", "9");
        }

        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        // Every client has an address of its own (below), so the per-client rate limits keep their production
        // values. Test classes sign in as the same demo accounts dozens of times, so the per-email sign-in
        // limit is raised here; Security/RateLimitTests check it with its production value.
        builder.UseSetting("RateLimits:SignIn:PerEmail:Permits", "1000");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The header a test client names its address in; the test host alone believes it.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static int _clients;

    /// <summary>
    /// A loopback address of its own for each test client (127.0.0.0/8 holds 16 million), as if each were a
    /// different person's machine. Loopback, so a forwarded-headers middleware still trusts it as a proxy.
    /// </summary>
    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _clients) + 1;
        return $"127.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, NewClientAddress());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// The same app and database on another clock (a FakeTimeProvider, for tests that move time), with any other
    /// settings. Dispose it at the end of the test.
    /// </summary>
    public WebApplicationFactory<Program> WithClock(TimeProvider clock, Action<IWebHostBuilder>? configure = null) =>
        WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
            configure?.Invoke(builder);
        });
}
