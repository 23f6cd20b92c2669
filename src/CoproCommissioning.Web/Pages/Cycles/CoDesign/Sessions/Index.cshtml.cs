using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>The cycle's co-design sessions, latest first, with how much input was logged from each.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : CoDesignPageModel(db)
{
    public PageOf<SessionRow> Sessions { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<Guid, int> InputCounts { get; private set; } = new Dictionary<Guid, int>();

    public Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default) => ShowAsync(
        async () =>
        {
            var cycleId = CycleId;
            Sessions = await Db.CoDesignSessions.AsNoTracking()
                .Where(s => s.CycleId == cycleId)
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime).ThenBy(s => s.Id)
                .Select(s => new SessionRow(s.Id, s.Title, s.Date, s.StartTime, s.EndTime, s.Format, s.Venue, s.JoiningDetails,
                    s.Attendees.Count + s.OtherAttendees))
                .ToPageAsync(pageNumber, ct, PageSize);
            var ids = Sessions.Items.Select(s => (Guid?)s.Id).ToList();
            InputCounts = await SessionContributions.Of(Db, cycleId)
                .Where(c => ids.Contains(c.TargetId))
                .GroupBy(c => c.TargetId!.Value)
                .ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        },
        ct);

    public string PageUrl(int number) => Url.Page("/Cycles/CoDesign/Sessions/Index", new { cycleId = CycleId, pageNumber = number })!;

    public sealed record SessionRow(Guid Id, string Title, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, SessionFormat Format,
        string Venue, string JoiningDetails, int PeopleCount);
}
