using CoproCommissioning.Domain;

namespace CoproCommissioning.Data.Saving;

/// <summary>
/// Deletes what the domain removed (<see cref="IRemovable"/>): the aggregate's own method decided who may remove it and
/// when, so pages never delete rows themselves. The row's version is still checked: a removal racing a change loses (R8).
/// </summary>
public sealed class RemovalInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        foreach (var removed in context.ChangeTracker.Entries<IRemovable>().Where(e => e.Entity.IsRemoved).ToList())
        {
            removed.State = EntityState.Deleted;
        }
    }
}
