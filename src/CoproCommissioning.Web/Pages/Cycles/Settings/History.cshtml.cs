namespace CoproCommissioning.Web.Pages.Cycles.Settings;

/// <summary>
/// The cycle's own history: each change to its settings after it was created, what it changed, who made it and why.
/// Every member can read it; the audit trail keeps the values before and after.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class HistoryModel(CoproDbContext db) : PageModel
{
    public Guid CycleId { get; private set; }

    public string CycleTitle { get; private set; } = "";

    public bool CanChangeSettings { get; private set; }

    public PageOf<Entry> Changes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid cycleId, int historyPage = 1, CancellationToken ct = default)
    {
        var title = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        CycleId = cycleId;
        CycleTitle = title;
        CanChangeSettings = CyclePermissions.Allows(HttpContext.CycleMember().Role, CycleOperation.ManageCycle);
        var events = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).SelectMany(c => c.History)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .ToPageAsync(historyPage, ct);
        var names = await PeopleNames.LoadAsync(db, events.Items.Select(e => e.ByUserId), User.UserId(), ct);
        Changes = events.With<Entry>([.. events.Items.Select(e => new Entry(Describe(e.Changed), names.Of(e.ByUserId), e.ByRole, e.Reason, e.At))]);
        return Page();
    }

    public string PageUrl(int historyPage) => Url.Page("/Cycles/Settings/History", new { cycleId = CycleId, historyPage })!;

    /// <summary>What a change changed, in words: "the title and the sign-off rule".</summary>
    public static string Describe(CycleSetting changed)
    {
        List<string> words = [];
        void Add(CycleSetting setting, string word)
        {
            if (changed.HasFlag(setting))
            {
                words.Add(word);
            }
        }

        Add(CycleSetting.Title, "the title");
        Add(CycleSetting.ServiceArea, "the service area");
        Add(CycleSetting.PopulationServed, "who the service is for");
        Add(CycleSetting.Budget, "the budget");
        Add(CycleSetting.StartDate, "the start date");
        Add(CycleSetting.SignOffPolicy, "the sign-off rule");
        Add(CycleSetting.Champion, "the co-production champion");
        return words.Count switch
        {
            0 => "nothing",
            1 => words[0],
            _ => $"{string.Join(", ", words[..^1])} and {words[^1]}",
        };
    }

    public sealed record Entry(string Changed, string By, CycleRole ByRole, string Reason, DateTimeOffset At);
}
