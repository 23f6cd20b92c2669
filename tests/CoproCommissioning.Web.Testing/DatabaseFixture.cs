using CoproCommissioning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoproCommissioning.Web.Testing;

/// <summary>A test class's own database (a copy of the migrated template) and the app running on it.</summary>
public class DatabaseFixture(PostgresServer server) : IAsyncLifetime
{
    private string? _connectionString;
    private AppFactory? _factory;

    public PostgresServer Server { get; } = server;
    /// <summary>The app's connection: the runtime role, which cannot change the schema or the audit trail.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The same database as the role that owns the tables.</summary>
    public string OwnerConnectionString => Server.OwnerConnectionStringFor(ConnectionString);
    public AppFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public virtual async ValueTask InitializeAsync()
    {
        _connectionString = await Server.CreateDatabaseAsync(GetType().Name);
        _factory = new AppFactory(_connectionString);
    }

    /// <summary>A fresh context from the app's own services, so it sees the app's model.</summary>
    public DbScope Db()
    {
        var scope = Factory.Services.CreateAsyncScope();
        return new DbScope(scope, scope.ServiceProvider.GetRequiredService<CoproDbContext>());
    }

    /// <summary>The id forms use for a member of a cycle (never their account id).</summary>
    public async Task<string> MemberIdAsync(Guid cycleId, string userId)
    {
        await using var scope = Db();
        return (await scope.Context.Memberships.Where(m => m.CycleId == cycleId && m.UserId == userId)
            .Select(m => m.Id).SingleAsync()).ToString();
    }

    /// <summary>A real member id from another cycle the person belongs to: what a crafted form would try.</summary>
    public async Task<string> MemberIdOutsideAsync(Guid cycleId, string userId)
    {
        await using var scope = Db();
        return (await scope.Context.Memberships.Where(m => m.CycleId != cycleId && m.UserId == userId)
            .Select(m => m.Id).FirstAsync()).ToString();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await Server.DropDatabaseAsync(_connectionString);
        }

        GC.SuppressFinalize(this);
    }

    public sealed class DbScope(AsyncServiceScope scope, CoproDbContext db) : IAsyncDisposable
    {
        public CoproDbContext Context { get; } = db;
        public IServiceProvider Services => scope.ServiceProvider;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
