using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.BrowserTests.Infrastructure;

/// <summary>
/// The real app with demo data on a clock the journey moves: it starts at the real time, so sign-in cookies and the demo
/// data's dates behave as usual, and a journey advances it past a bid deadline or a standstill.
/// </summary>
public sealed class MovableClockAppFixture(PostgresServer server) : BrowserAppFixture(server)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureApp(AppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.Clock = Clock;
    }
}
