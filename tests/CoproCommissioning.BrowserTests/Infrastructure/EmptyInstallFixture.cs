namespace CoproCommissioning.BrowserTests.Infrastructure;

/// <summary>The app as a new install finds it: migrated, with the site roles and nothing else.</summary>
public sealed class EmptyInstallFixture(PostgresServer server) : BrowserAppFixture(server)
{
    protected override bool SeedsDemoData => false;
}
