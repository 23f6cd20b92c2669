namespace CoproCommissioning.Web.Tests.Data;

public sealed class CycleDatabaseFixture(PostgresServer server) : DatabaseFixture(server);
