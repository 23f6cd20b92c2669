using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;

/// <summary>
/// What the lessons pages share: the form, what a lesson may cite (<see cref="LessonSourceList"/>), and recording or
/// revising a lesson with the cycle's and the lesson's version checks (R8). Commissioners and the champion write
/// lessons, as they write every stage's own content.
/// </summary>
public abstract class LessonPageModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    [BindProperty]
    public LessonForm Form { get; set; } = new();

    public LessonSourceList Sources { get; private set; } = null!;

    /// <summary>False until the contract is made: returns and ratings come with it, but contributions can be cited before.</summary>
    public bool HasContract { get; private set; }

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>Reads what the form offers, keeping what was ticked.</summary>
    protected async Task LoadSourcesAsync(IReadOnlyCollection<LessonCitation> cited, CancellationToken ct)
    {
        var monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        HasContract = monitoring is not null;
        Sources = await LessonSourceList.LoadAsync(db, CycleId, monitoring, UserId, Role, OrganisationId,
            [.. cited.Where(c => c.Kind == LessonSourceKind.Contribution).Select(c => c.SourceId)], ct);
    }

    /// <summary>
    /// The cycle with its stages' statuses and only the contributions <paramref name="citations"/> name: the lesson asks the
    /// cycle whether each is one of its own, and nothing else of its input. Not tracked, as <see cref="MonitoringPageModel.LoadCycleAsync"/>.
    /// </summary>
    protected async Task<CommissioningCycle?> LoadCycleCitingAsync(IReadOnlyCollection<LessonCitation> citations, CancellationToken ct)
    {
        var contributionIds = citations.Where(c => c.Kind == LessonSourceKind.Contribution).Select(c => c.SourceId).ToList();
        return ForHeading(await db.Cycles.AsNoTracking()
            .Include(c => c.Stages).ThenInclude(s => s.Contributions.Where(x => contributionIds.Contains(x.Id)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == CycleId, ct));
    }

    /// <summary>After someone else changed the lesson first: what is saved now, to compare with what the person typed.</summary>
    public Lesson? Latest { get; private set; }

    /// <summary>
    /// Applies <paramref name="change"/> and saves it with the cycle; on a refusal or a clash the page shows again with what
    /// was typed and ticked, and, when someone else changed <paramref name="lessonId"/> first, theirs beside it. Returns null
    /// when the change was saved.
    /// </summary>
    protected async Task<IActionResult?> SaveAsync(CommissioningCycle cycle, Guid? lessonId, Func<DateTimeOffset, DomainOutcome> change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        ModelState.AddErrors(change(now), nameof(Form));
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, cycle, now, ct);
            if (saved.Succeeded)
            {
                return null;
            }

            if (saved.Status == SaveStatus.Conflict && lessonId is { } id)
            {
                Latest = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.CycleId == CycleId, ct);
                if (Latest is null)
                {
                    return NotFound();
                }

                // The next save is checked against what is on screen now.
                ModelState.Remove($"{nameof(Form)}.{nameof(LessonForm.Version)}");
                Form = Form with { Version = Latest.Version };
                ModelState.AddModelError("", ChangedWhileEditing);
            }
            else if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }

        await LoadSourcesAsync(Form.ToCitations(), ct);
        return Page();
    }

    public const string ChangedWhileEditing =
        "Someone changed this lesson while you were editing. Your changes have not been saved: check the latest version, then save again.";
}

/// <summary>A lesson as typed and ticked; <see cref="Citations"/> holds each ticked box's <see cref="LessonSourceChoice.Value"/>.</summary>
public sealed record LessonForm
{
    public string Text { get; init; } = "";

    public List<string> Citations { get; init; } = [];

    public uint Version { get; init; }

    /// <summary>A box that is not a citation at all (a crafted post) becomes one that is no source of this cycle, for the domain to refuse.</summary>
    public IReadOnlyList<LessonCitation> ToCitations() =>
        [.. Citations.Select(c => LessonSourceChoice.Parse(c) ?? new LessonCitation(LessonSourceKind.Contribution, Guid.Empty)).Distinct()];

    public static LessonForm From(Lesson lesson) => new()
    {
        Text = lesson.Text,
        Citations = [.. lesson.Citations.Select(c => new LessonSourceChoice(c.Kind, c.SourceId, "", null).Value)],
        Version = lesson.Version,
    };
}

/// <summary>The lessons pages' addresses besides the list (<see cref="MonitoringUrls.Lessons"/>).</summary>
public static class LessonsUrls
{
    public static string New(Guid cycleId) => $"{MonitoringUrls.Lessons(cycleId)}/new";

    public static string Lesson(Guid cycleId, Guid lessonId) => $"{MonitoringUrls.Lessons(cycleId)}/{lessonId}";
}
