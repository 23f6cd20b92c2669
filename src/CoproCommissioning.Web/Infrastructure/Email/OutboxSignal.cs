using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CoproCommissioning.Data.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// Wakes this instance's outbox worker as soon as a page has committed mail, so an invitation goes out in moments
/// rather than at the next poll. In-process only: other instances find the rows when they poll.
/// </summary>
public sealed class OutboxSignal
{
    // One pending wake-up is enough: the worker sends everything due when it wakes.
    private readonly System.Threading.Channels.Channel<bool> _wakeUps = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Raise() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Raise"/> is called or <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _wakeUps.Reader.WaitToReadAsync(either.Token);
            _wakeUps.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed with no wake-up: time to look anyway.
        }
    }
}

/// <summary>
/// Raises <see cref="OutboxSignal"/> once a save that added outbox rows is committed: straight after SaveChanges,
/// or, inside an explicit transaction, when that transaction commits (before then no worker could see the rows).
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Adding: this save adds outbox rows. Added: saved inside a transaction that has yet to commit.
    private static readonly object Adding = new();
    private static readonly object Added = new();

    // Contexts whose saved outbox rows wait for their transaction to commit; weak, so a context is never kept alive.
    private readonly ConditionalWeakTable<DbContext, object> _waitingForCommit = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _waitingForCommit.AddOrUpdate(context, Adding);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_waitingForCommit.TryGetValue(context, out _))
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _waitingForCommit.Remove(context);
            signal.Raise();
        }
        else
        {
            _waitingForCommit.AddOrUpdate(context, Added);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _waitingForCommit.TryGetValue(context, out var state) && ReferenceEquals(state, Added))
        {
            _waitingForCommit.Remove(context);
            signal.Raise();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _waitingForCommit.Remove(context);
        }
    }
}
