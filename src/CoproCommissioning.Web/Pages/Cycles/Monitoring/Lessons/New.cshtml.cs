using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;

/// <summary>A commissioner or the champion records a lesson learned, ticking what taught it.</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class NewModel(CoproDbContext db, TimeProvider clock, ILogger<NewModel> logger) : LessonPageModel(db, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null)
        {
            return NotFound();
        }

        await LoadSourcesAsync([], ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageStageContent)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var citations = Form.ToCitations();
        var cycle = await LoadCycleCitingAsync(citations, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await LoadSourcesAsync(citations, ct);
        Lesson? lesson = null;
        var result = await SaveAsync(cycle, null, now =>
        {
            var recorded = Lesson.Record(cycle, Form.Text, citations, Sources.Sources, UserId, Role, now);
            if (recorded.Succeeded)
            {
                lesson = recorded.Value;
                Db.Lessons.Add(lesson);
            }

            return recorded;
        }, ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Lesson {LessonId} recorded in cycle {CycleId}", lesson!.Id, CycleId);
        TempData.SetSuccess("Lesson recorded. It will be carried into the next cycle's needs assessment.");
        return Redirect(MonitoringUrls.Lessons(CycleId));
    }
}
