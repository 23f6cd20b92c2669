using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproCommissioning.Data.Notifications;

/// <summary>
/// What turns a save's changes into notifications. It runs inside the save, before anything is written, and adds its
/// notifications and outbox messages to the same save, so they commit or roll back with the change that causes them.
/// The web project provides it (it needs the catalogue, the templates and the public address); without one, saving
/// raises nothing.
/// </summary>
public interface INotificationSource
{
    Task RaiseAsync(CoproDbContext db, CancellationToken ct);
}

/// <summary>
/// The one place events are raised from: every save, whichever page or worker made it, passes through here, so no page
/// has to remember to notify anyone (docs/decisions/0025-notifications.md). Registered after the audit interceptor.
/// </summary>
public sealed class NotificationInterceptor(IEnumerable<INotificationSource> sources) : SaveChangesInterceptor
{
    private readonly INotificationSource[] _sources = [.. sources];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CoproDbContext db)
        {
            // Nothing in the app saves synchronously today; a synchronous save still raises, at the cost of waiting here.
            foreach (var source in _sources)
            {
                source.RaiseAsync(db, CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CoproDbContext db)
        {
            foreach (var source in _sources)
            {
                await source.RaiseAsync(db, cancellationToken);
            }
        }

        return result;
    }
}
