using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;

/// <summary>
/// The lessons learned in the cycle's monitoring, each with what taught it. Everyone in the cycle reads them: they become
/// evidence every member of the next cycle reads. What each cites is described only where the reader may read it
/// (team-only input, returns and ratings follow their own rules, <see cref="LessonSourceList"/>); the rest is counted.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db) : MonitoringPageModel
{
    public IReadOnlyList<LessonRow> Lessons { get; private set; } = [];

    /// <summary>Commissioners and the champion record lessons.</summary>
    public bool CanManage => CyclePermissions.Allows(Role, CycleOperation.ManageStageContent);

    public bool CanSignOff => CyclePermissions.Allows(Role, CycleOperation.SignOff);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        var lessons = await db.Lessons.AsNoTracking().Where(l => l.CycleId == CycleId).OrderBy(l => l.RecordedAt).ToListAsync(ct);
        var sources = await LessonSourceList.LoadAsync(db, CycleId, await LoadMonitoringAsync(db, forChange: false, ct), UserId, Role, OrganisationId,
            [.. lessons.SelectMany(l => l.Citations).Where(c => c.Kind == LessonSourceKind.Contribution).Select(c => c.SourceId)], ct);
        var names = await PeopleNames.LoadAsync(db, lessons.Select(l => l.RecordedByUserId), UserId, ct);
        Lessons = [.. lessons.Select(l =>
        {
            var readable = l.Citations.Select(sources.Find).OfType<LessonSourceChoice>().ToList();
            return new LessonRow(l.Id, l.Text, readable, l.Citations.Count - readable.Count, names.Of(l.RecordedByUserId), l.RecordedAt);
        })];
        return Page();
    }

    /// <summary>A lesson as listed: what the reader may see of its sources, and how many more it cites.</summary>
    public sealed record LessonRow(Guid Id, string Text, IReadOnlyList<LessonSourceChoice> Sources, int HiddenSources, string RecordedBy, DateTimeOffset RecordedAt);
}
