using System.Globalization;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>A co-design session of the cycle, as a form offers it: where input was gathered or a group of people took part.</summary>
public sealed record SessionChoice(Guid Id, string Title, DateOnly Date)
{
    public string Label => $"{Title} ({Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})";

    /// <summary>The sessions of the cycle the route names, latest first.</summary>
    public static async Task<IReadOnlyList<SessionChoice>> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct) =>
        await db.CoDesignSessions.AsNoTracking()
            .Where(s => s.CycleId == cycleId)
            .OrderByDescending(s => s.Date).ThenBy(s => s.Title)
            .Select(s => new SessionChoice(s.Id, s.Title, s.Date))
            .ToListAsync(ct);
}
