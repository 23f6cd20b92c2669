using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;

/// <summary>A commissioner or the champion revises a lesson, or removes it, while monitoring is open.</summary>
[CyclePermission(CycleOperation.ManageStageContent)]
public sealed class LessonModel(CoproDbContext db, TimeProvider clock, ILogger<LessonModel> logger) : LessonPageModel(db, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid lessonId, CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null
            || await Db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId && l.CycleId == CycleId, ct) is not { } lesson)
        {
            return NotFound();
        }

        Form = LessonForm.From(lesson);
        await LoadSourcesAsync(lesson.Citations, ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageStageContent)]
    public async Task<IActionResult> OnPostAsync(Guid lessonId, CancellationToken ct)
    {
        var citations = Form.ToCitations();
        var cycle = await LoadCycleCitingAsync(citations, ct);
        var lesson = cycle is null ? null : await LoadForChangeAsync(lessonId, ct);
        if (lesson is null)
        {
            return NotFound();
        }

        await LoadSourcesAsync(citations, ct);
        var result = await SaveAsync(cycle!, lessonId, now => lesson.Revise(cycle!, Form.Text, citations, Sources.Sources, UserId, Role, now), ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Lesson {LessonId} of cycle {CycleId} revised", lessonId, CycleId);
        TempData.SetSuccess("Lesson saved.");
        return Redirect(MonitoringUrls.Lessons(CycleId));
    }

    [CyclePermission(CycleOperation.ManageStageContent)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid lessonId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(Db, ct);
        var lesson = cycle is null ? null : await LoadForChangeAsync(lessonId, ct);
        if (lesson is null)
        {
            return NotFound();
        }

        // The form shows the lesson as saved, should the removal be refused.
        Form = LessonForm.From(lesson) with { Version = Form.Version };
        var result = await SaveAsync(cycle!, lessonId, now => lesson.Remove(cycle!, Role, now), ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Lesson {LessonId} of cycle {CycleId} removed", lessonId, CycleId);
        TempData.SetSuccess("Lesson removed.");
        return Redirect(MonitoringUrls.Lessons(CycleId));
    }

    /// <summary>The lesson, tracked against the version the person saw (R8); only a lesson of the cycle in the address.</summary>
    private async Task<Lesson?> LoadForChangeAsync(Guid lessonId, CancellationToken ct)
    {
        var lesson = await Db.Lessons.SingleOrDefaultAsync(l => l.Id == lessonId && l.CycleId == CycleId, ct);
        if (lesson is not null)
        {
            Db.Entry(lesson).Property(l => l.Version).OriginalValue = Form.Version;
        }

        return lesson;
    }
}
