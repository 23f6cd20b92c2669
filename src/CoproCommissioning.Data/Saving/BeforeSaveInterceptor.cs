using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproCommissioning.Data.Saving;

/// <summary>Work that must happen to the tracked changes just before every save, sync or async, in the same transaction.</summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            BeforeSave(context);
        }

        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            BeforeSave(context);
        }

        return ValueTask.FromResult(result);
    }

    protected abstract void BeforeSave(DbContext context);
}
