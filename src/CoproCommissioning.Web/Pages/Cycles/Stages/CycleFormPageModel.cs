using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// A stage page whose form changes the cycle itself (adds input, logs it on someone's behalf, answers it, records or
/// revises a decision): the one shape of load → check → change → save → conflict, so each page only says what differs.
/// Everything a person can fix comes back at once and beside its field: what could not be read (the form's optional
/// validator, e.g. a date that is not a date) and every refusal from the cycle.
/// </summary>
public abstract class CycleFormPageModel<TForm>(CoproDbContext db, TimeProvider clock) : StagePageModel
    where TForm : class, new()
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>The person's membership of this cycle: their role and the voice their own input carries.</summary>
    protected CycleMembership Member => HttpContext.CycleMember();

    /// <summary>The cycle with what the change reads of it; tracked only when it is loaded to be changed.</summary>
    protected Task<CommissioningCycle?> LoadCycleAsync(bool forChange, CancellationToken ct) =>
        WhatTheChangeReads(forChange ? db.Cycles : db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == CycleId, ct);

    /// <summary>
    /// The rows of the aggregate the page's change (and what the page shows of it) reads: by default all of it. A page
    /// whose domain method reads less loads less, so its cost doesn't grow with the cycle.
    /// </summary>
    protected virtual IQueryable<CommissioningCycle> WhatTheChangeReads(IQueryable<CommissioningCycle> cycles) => cycles.IncludeStages();

    /// <summary>
    /// Fills in what the page shows around the form from <paramref name="cycle"/>: its heading, and whatever the form
    /// offers to choose from. False when what the address names is not in this cycle's stage (the page answers 404).
    /// </summary>
    protected virtual Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        CycleTitle = cycle.Title;
        Status = cycle.StageOf(Stage).Status;
        return Task.FromResult(true);
    }

    /// <summary>Whether someone changed what the form is about since the person opened it (the form carries what they saw).</summary>
    protected virtual bool ChangedSinceShown(CommissioningCycle cycle) => false;

    /// <summary>After someone else's change won: lets the person's next save go on top of what they are now shown.</summary>
    protected virtual void ShowingLatest(CommissioningCycle latest)
    {
    }

    /// <summary>
    /// Makes the change <paramref name="change"/> asks of the cycle and saves it, or shows the form again, with what was
    /// typed, beside what to fix. If someone changed the cycle first, nothing is saved and the page shows theirs.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync<T>(
        Func<CommissioningCycle, DateTimeOffset, DomainOutcome<T>> change, Func<T, IActionResult> changed, CancellationToken ct)
        where T : class
    {
        if (await LoadCycleAsync(forChange: true, ct) is not { } cycle || !await ShowAsync(cycle, ct))
        {
            return NotFound();
        }

        if (ChangedSinceShown(cycle))
        {
            return await ConflictAsync(ct);
        }

        if (HttpContext.RequestServices.GetService<IValidator<TForm>>() is { } validator)
        {
            ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        }

        var outcome = change(cycle, clock.GetUtcNow());
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.TrySaveAsync(ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            return await ConflictAsync(ct);
        }

        if (saved.Refusal is { } refusal)
        {
            ModelState.AddErrors([refusal], nameof(Form));
            return Page();
        }

        return changed(outcome.Value);
    }

    /// <summary>The stage's workspace at one of its contributions or decisions ("contribution-{id}").</summary>
    protected IActionResult RedirectToWorkspace(string fragment) =>
        RedirectToPage("/Cycles/Stages/Workspace", null, new { cycleId = CycleId, stage = StageSlug }, fragment);

    private async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await LoadCycleAsync(forChange: false, ct) is not { } latest || !await ShowAsync(latest, ct))
        {
            return NotFound();
        }

        ModelState.AddConcurrencyError();
        ShowingLatest(latest);
        return Page();
    }
}
