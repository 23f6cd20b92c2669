using System.Security.Claims;
using CoproCommissioning.Data.Identity;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// When each person last signed in, for administrators' list of accounts. Recorded at most once a day (UTC), by one
/// UPDATE that touches nothing else: signing in is not an account change, so it is not audited.
/// </summary>
public static class LastSignIn
{
    public static async Task RecordAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<CoproDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var updated = await db.Users.Where(u => u.Id == userId && (u.LastSignedInAt == null || u.LastSignedInAt < today))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignedInAt, now), http.RequestAborted);

        // An account this request already holds must not write the old value back when it is next saved.
        if (updated > 0 && db.ChangeTracker.Entries<AppUser>().FirstOrDefault(e => e.Entity.Id == userId) is { } tracked)
        {
            tracked.Entity.LastSignedInAt = now;
            tracked.Property(u => u.LastSignedInAt).OriginalValue = now;
        }
    }
}
