using System.Net;
using System.Net.Sockets;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Web.DemoData;

namespace CoproCommissioning.Web.Tests.Operations;

/// <summary>
/// Several instances of the app behind a load balancer need nothing shared but the database: two real Kestrel hosts on
/// different ports, one database, and a person whose requests land on either. The Data Protection key ring lives in
/// PostgreSQL (decision 0004), so each host reads the other's sign-in cookies and antiforgery tokens. Staff must use
/// two-factor here, as in Production.
/// </summary>
public sealed class ScaleOutTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string EnableAuthenticator = "/Identity/Account/Manage/EnableAuthenticator";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_sharing_the_database_accept_each_others_sign_in_cookies_and_antiforgery_tokens()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var overview = CycleUrls.Overview(cycleId);
        var settings = $"{overview}/settings";
        await using var a = Instance.Start(fixture.ConnectionString);
        await using var b = Instance.Start(fixture.ConnectionString);
        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);

        // One browser: its cookies go to whichever instance the load balancer picks.
        var browser = new CookieContainer();
        var onA = a.Client(browser);
        var onB = b.Client(browser);

        // The password on A; B knows who it is and sends them to set up two-factor, as A would.
        await onA.SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password, _ct);
        var beforeTwoFactor = await onB.GetAsync(overview, _ct);
        Assert.Equal(HttpStatusCode.Redirect, beforeTwoFactor.Status);
        Assert.Contains(EnableAuthenticator, beforeTwoFactor.Location, StringComparison.Ordinal);

        // The set-up form (and its antiforgery token) from A, the code posted to B.
        var setUp = await onA.GetAsync(EnableAuthenticator, _ct);
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent;
        var enabled = await PostFormAsync(setUp, onB, EnableAuthenticator, new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", enabled.Location);

        foreach (var instance in new[] { onA, onB })
        {
            var page = await instance.GetAsync(overview, _ct);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Change the cycle's settings", page.Text, StringComparison.Ordinal);
        }

        // A form from A posted to B, and one from B posted to A: each saves.
        var fromA = await onA.GetAsync(settings, _ct);
        var savedOnB = await PostFormAsync(fromA, onB, settings, new() { ["Form.Title"] = "Renamed on B", ["Form.Reason"] = "Form from A" });
        Assert.Equal(HttpStatusCode.Redirect, savedOnB.Status);
        Assert.Equal("Renamed on B", (await fixture.LoadCycleAsync(cycleId)).Title);

        var fromB = await onB.GetAsync(settings, _ct);
        var savedOnA = await PostFormAsync(fromB, onA, settings, new() { ["Form.Title"] = "Renamed on A", ["Form.Reason"] = "Form from B" });
        Assert.Equal(HttpStatusCode.Redirect, savedOnA.Status);
        Assert.Equal("Renamed on A", (await fixture.LoadCycleAsync(cycleId)).Title);

        // Signing in with two-factor across both: the password on B, the code on A's form, then pages on B.
        var laptop = new CookieContainer();
        var laptopOnA = a.Client(laptop);
        var laptopOnB = b.Client(laptop);
        var password = await laptopOnB.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = CyclePeople.CommissionerEmail,
            ["Input.Password"] = DemoSeeder.Password,
        }, "form#account", _ct);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Location, StringComparison.Ordinal);
        var code = await laptopOnA.SubmitAsync(password.Location!, new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)),
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        Assert.Equal(HttpStatusCode.OK, (await laptopOnB.GetAsync(overview, _ct)).Status);

        // The control: an instance with a key ring of its own (another database) cannot read the cookie.
        var elsewhere = await fixture.Server.CreateDatabaseAsync("elsewhere");
        try
        {
            await using var c = Instance.Start(elsewhere);
            var onC = await c.Client(laptop).GetAsync("/Identity/Account/Manage", _ct);
            Assert.Equal(HttpStatusCode.Redirect, onC.Status);
            Assert.Contains("/Identity/Account/Login", onC.Location, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Server.DropDatabaseAsync(elsewhere);
        }
    }

    /// <summary>
    /// Posts <paramref name="form"/>'s first form in main (every field as the page filled it in, its antiforgery token
    /// included, with <paramref name="changed"/> changed) through another client: another instance.
    /// </summary>
    private async Task<BrowserLikeClient.Page> PostFormAsync(
        BrowserLikeClient.Page form, BrowserLikeClient to, string url, Dictionary<string, string> changed)
    {
        var element = form.Document.QuerySelector<IHtmlFormElement>("main form")
            ?? throw new InvalidOperationException($"No form on the page posted to {url}.");
        var fields = new Dictionary<string, string>();
        foreach (var input in element.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked))
        {
            fields[input.Name!] = input.Value;
        }

        foreach (var area in element.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[area.Name!] = area.Value;
        }

        foreach (var select in element.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields[select.Name!] = select.Value ?? "";
        }

        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The form carries an antiforgery token.");
        foreach (var (name, value) in changed)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await to.Http.PostAsync(url, content, _ct);
        return await BrowserLikeClient.Page.ReadAsync(response, _ct);
    }

    /// <summary>One instance of the app on a Kestrel port of its own, with two-factor required of staff as in Production.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly AppFactory _app;

        private Instance(string connectionString)
        {
            var port = FreePort();
            _app = new AppFactory(connectionString) { Settings = { ["Accounts:RequireTwoFactorForStaff"] = "true" } };
            _app.UseKestrel(port);
            _app.StartServer();
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
        }

        public Uri BaseAddress { get; }

        public static Instance Start(string connectionString) => new(connectionString);

        /// <summary>A client of this instance that keeps its cookies in <paramref name="browser"/>, like one browser.</summary>
        public BrowserLikeClient Client(CookieContainer browser) =>
            new(new HttpClient(new HttpClientHandler { CookieContainer = browser, UseCookies = true, AllowAutoRedirect = false })
            {
                BaseAddress = BaseAddress,
            });

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
