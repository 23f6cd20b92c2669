using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Settings;

/// <summary>
/// A commissioner changes a cycle's settings after creating it: title, service area, who it is for, budget, start date,
/// the sign-off rule and the co-production champion, saying why. The reason joins the cycle's history
/// (<see cref="HistoryModel"/>). A new sign-off rule applies at once to every stage not yet signed off.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class IndexModel(CoproDbContext db, IValidator<SettingsForm> validator, TimeProvider clock, ILogger<IndexModel> logger)
    : PageModel
{
    public const string ChooseChampionFromList = "Choose a co-production champion from the list.";

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public Guid CycleId { get; private set; }

    public string CycleTitle { get; private set; } = "";

    /// <summary>Who can be named champion: the cycle's co-production champions, and whoever is champion now.</summary>
    public IReadOnlyList<ChampionChoice> Champions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        Form = SettingsForm.From(cycle, Champions.FirstOrDefault(c => c.IsCurrent)?.Value);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.SingleOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        // The version the person saw: someone else's change since then wins, and they are told (R8).
        db.Entry(cycle).Property(c => c.Version).OriginalValue = Form.Version;
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        var budget = NewModel.Input.ReadBudget(Form.Budget);
        if (!budget.Read)
        {
            ModelState.AddErrors([new Refusal(CycleRules.BudgetInvalid)], nameof(Form));
        }

        string? champion = null;
        if (!string.IsNullOrEmpty(Form.Champion))
        {
            champion = Champions.FirstOrDefault(c => c.Value == Form.Champion)?.UserId;
            if (champion is null)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(SettingsForm.Champion)}", ChooseChampionFromList);
            }
        }

        var settings = new CycleSettings(
            Form.Title,
            Form.ServiceArea,
            Form.PopulationServed,
            budget.Pounds,
            Form.StartDate.TryGetDate(out var startDate) ? startDate : null,
            NewModel.Input.ReadMinimum(Form.MinimumLivedExperienceContributions),
            NewModel.Input.ReadMinimum(Form.MinimumDistinctContributors),
            // A choice that is not on the list keeps the champion as it is, so only the list's message is shown.
            champion ?? (string.IsNullOrEmpty(Form.Champion) ? null : cycle.ChampionUserId));
        var outcome = cycle.ChangeSettings(settings, User.UserId(), HttpContext.CycleMember().Role, Form.Reason, clock.GetUtcNow());
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(saved, nameof(Form));
            var latest = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycleId, ct);
            await ShowAsync(latest, ct);
            // What they typed stays; their next save goes on top of the settings they can now see on the cycle.
            ModelState.Remove($"{nameof(Form)}.{nameof(SettingsForm.Version)}");
            Form = Form with { Version = latest.Version };
            return Page();
        }

        logger.LogInformation("Settings of cycle {CycleId} changed: {Changed}", cycleId, cycle.History[^1].Changed);
        TempData.SetSuccess("Cycle settings saved. The change and your reason are in the cycle's history.");
        return RedirectToPage("/Cycles/Details", new { cycleId });
    }

    private async Task ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        CycleId = cycle.Id;
        CycleTitle = cycle.Title;
        var members = await CycleMemberRow.LoadAsync(db, cycle.Id, User.UserId(), ct);
        List<ChampionChoice> choices = [.. members
            .Where(m => m.Role == CycleRole.CoProductionChampion || m.UserId == cycle.ChampionUserId)
            .Select(m => new ChampionChoice(m.MemberId.ToString(), m.UserId, m.Name, m.UserId == cycle.ChampionUserId))];
        if (cycle.ChampionUserId is { } current && choices.All(c => c.UserId != current))
        {
            var names = await PeopleNames.LoadAsync(db, [current], User.UserId(), ct);
            choices.Insert(0, new ChampionChoice(SettingsForm.CurrentChampion, current, names.Of(current), IsCurrent: true));
        }

        Champions = choices;
    }

    public sealed record ChampionChoice(string Value, string UserId, string Name, bool IsCurrent);
}
