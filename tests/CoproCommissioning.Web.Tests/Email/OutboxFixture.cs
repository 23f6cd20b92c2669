using CoproCommissioning.Web.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>
/// The app sending its email over SMTP to a loopback server, on a clock the tests move, with its background worker off
/// so that each test runs the outbox's passes itself (<c>OutboxSender.SendDueAsync</c>) and knows exactly when they run.
/// The demo accounts are seeded (an administrator, a commissioner).
/// </summary>
public class OutboxFixture(PostgresServer server) : DatabaseFixture(server)
{
    public LoopbackSmtpServer Smtp { get; private set; } = null!;

    /// <summary>Now, in whole seconds, so times stored by PostgreSQL (to the microsecond) compare equal to the clock's.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected virtual bool RunWorker => false;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Smtp = LoopbackSmtpServer.Start();
        foreach (var (key, value) in Smtp.AppSettings)
        {
            Factory.Settings[key] = value;
        }

        Factory.Settings["Email:Outbox:RunWorker"] = RunWorker.ToString();
        // These tests count what the outbox sends as the clock moves on by hours; the notification scheduler would queue
        // summaries and reminders of its own at those times (its tests are in Notifications/).
        Factory.Settings["Notifications:SchedulerEnabled"] = "false";
        Factory.Clock = Clock;
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
