using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CoproCommissioning.Web.Tests.Security;

/// <summary>Every event the app logs, at every level: the app reads sinks from its services (ReadFrom.Services).</summary>
public sealed class CapturedLogEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> All => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

public sealed class SecretsInLogsFixture(PostgresServer server) : DatabaseFixture(server)
{
    private WebApplicationFactory<Program>? _app;

    public CapturedLogEvents Events { get; } = new();

    /// <summary>The app with every log level on, so that no event hides behind a level.</summary>
    public WebApplicationFactory<Program> App => _app ??= Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Verbose");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Events));
    });

    public BrowserLikeClient Client() =>
        new(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public override async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

public sealed partial class SecretsInLogsTests(SecretsInLogsFixture fixture) : IClassFixture<SecretsInLogsFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_invitation_token_reset_code_email_address_or_password_reaches_the_log_at_any_level()
    {
        var commissioner = await TestAccounts.CreateAsync(fixture);
        var cycle = await TestCycles.CreateAsync(fixture, (commissioner.Email, CycleRole.Commissioner));
        var newcomer = $"newcomer-{Guid.NewGuid():N}@example.org";
        // Passwords any policy accepts: this test is about the logs.
        const string FirstPassword = "Secret-first-passphrase-1";
        const string SecondPassword = "Secret-second-passphrase-2";

        var asCommissioner = fixture.Client();
        await asCommissioner.SignInAsync(commissioner.Email, TestAccounts.Password, _ct);
        var invited = await asCommissioner.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = newcomer,
            ["Form.Role"] = nameof(CycleRole.Observer),
        }, "form[action*=Invite]", _ct);
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);

        var invitation = await LinkEmailedToAsync(newcomer, InvitationLink());
        var token = invitation.Segments[^1];
        var asNewcomer = fixture.Client();
        var joined = await asNewcomer.SubmitAsync(invitation.PathAndQuery, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Sam Newcomer",
            ["Form.Password"] = FirstPassword,
            ["Form.ConfirmPassword"] = FirstPassword,
        }, "form[action*=CreateAccount]", _ct);
        Assert.Equal(HttpStatusCode.Redirect, joined.Status);

        var forgot = await fixture.Client().SubmitAsync("/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = newcomer }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, forgot.Status);
        var reset = await LinkEmailedToAsync(newcomer, ResetLink());
        var code = QueryHelpers.ParseQuery(reset.Query)["code"].ToString();
        var resetting = fixture.Client();
        Assert.Equal(HttpStatusCode.OK, (await resetting.GetAsync(reset.PathAndQuery, _ct)).Status);
        var saved = await resetting.SubmitAsync(reset.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = newcomer,
            ["Input.Password"] = SecondPassword,
            ["Input.ConfirmPassword"] = SecondPassword,
        }, "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await fixture.Client().SignInAsync(newcomer, SecondPassword, _ct);

        string[] secrets =
        [
            token, code, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)),
            newcomer, Uri.EscapeDataString(newcomer), commissioner.Email, Uri.EscapeDataString(commissioner.Email),
            FirstPassword, SecondPassword, TestAccounts.Password,
        ];
        var events = fixture.Events.All.ToList();
        Assert.Contains(events, e => e.Level == LogEventLevel.Verbose);
        var leaks = (from e in events
                     from text in TextsOf(e)
                     from secret in secrets
                     where text.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{e.Level} {SourceOf(e)}: {text}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} logged texts hold a secret:\n{string.Join("\n", leaks.Take(30))}");
        // The request log reached this host's sink, naming the route rather than the path.
        Assert.Contains(events, e => e.Properties.TryGetValue("RequestPath", out var path)
            && path is ScalarValue { Value: "/invitations/{token}" } && e.Properties.ContainsKey("StatusCode"));
    }

    /// <summary>What any sink could write: the rendered message, every property and the exception.</summary>
    private static IEnumerable<string> TextsOf(LogEvent e) =>
        [e.RenderMessage(), e.MessageTemplate.Text, .. e.Properties.Select(p => $"{p.Key}={p.Value}"), e.Exception?.ToString() ?? ""];

    private static string SourceOf(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) ? source.ToString() : "?";

    private async Task<Uri> LinkEmailedToAsync(string address, Regex link)
    {
        var message = (await TestMailbox.EmailsToAsync(fixture.Factory, address, _ct)).Single(m => link.IsMatch(m.HtmlBody ?? ""));
        return new Uri(link.Match(message.HtmlBody ?? "").Groups["href"].Value.Replace("&amp;", "&", StringComparison.Ordinal));
    }

    [GeneratedRegex("href=\"(?<href>[^\"]*/invitations/[^\"]+)\"")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("href=\"(?<href>[^\"]*ResetPassword[^\"]*)\"")]
    private static partial Regex ResetLink();
}
