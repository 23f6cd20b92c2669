using CoproCommissioning.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproCommissioning.Data.Saving;

/// <summary>
/// Deletes what the domain removed (<see cref="IRemovable"/>): the aggregate's own method decided who may remove it and
/// when, so pages never delete rows themselves. The row's version is still checked: a removal racing a change loses (R8).
/// </summary>
public sealed class RemovalInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Delete(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Delete(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Delete(DbContext? context)
    {
        foreach (var removed in context?.ChangeTracker.Entries<IRemovable>().Where(e => e.Entity.IsRemoved).ToList() ?? [])
        {
            removed.State = EntityState.Deleted;
        }
    }
}
