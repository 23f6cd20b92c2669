[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(CoproCommissioning.BrowserTests.Infrastructure.SharedChromium))]
