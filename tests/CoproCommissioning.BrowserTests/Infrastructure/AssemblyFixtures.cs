using CoproCommissioning.Web.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]
