using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>What every form for a piece of stage content carries: the version the person started editing from (R8).</summary>
public abstract record StageContentForm
{
    public uint Version { get; init; }
}

/// <summary>
/// A page that adds or changes one piece of a stage's own content (evidence, a need, an inequality group, a session, a
/// proposal): the one shape of load → check → change → save → conflict, so that each page only says what differs.
/// Everything a person can fix comes back at once and beside its field: what could not be read (the form's optional
/// validator, e.g. a date that is not a date) and every domain refusal (what is required, too long, or not allowed).
/// Items are found by their id within the cycle in the address, and have a <c>Version</c> concurrency token.
/// </summary>
public abstract class StageContentFormPageModel<TItem, TForm>(StageKind stage, CoproDbContext db, TimeProvider clock)
    : StageContentPageModel(stage)
    where TItem : class
    where TForm : StageContentForm, new()
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    /// <summary>After someone else changed the item first: what is saved now, to compare with what the person typed.</summary>
    public TForm? Latest { get; private set; }

    protected CoproDbContext Db => db;

    /// <summary>"this evidence", for telling the person that someone else changed it first.</summary>
    protected abstract string ItemWords { get; }

    /// <summary>The form filled in from a saved item, to edit it; the choices are loaded by then.</summary>
    protected abstract TForm ToForm(TItem item);

    /// <summary>What the form offers to choose from (evidence, members); loaded before the form is shown or checked.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    protected async Task<IActionResult> ShowNewAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return await ShowAgainAsync(ct);
    }

    protected async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } item)
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        Form = ToForm(item);
        return await ShowAgainAsync(ct);
    }

    /// <summary>Adds what <paramref name="add"/> makes of the form, or shows the form again with what to fix.</summary>
    protected async Task<IActionResult> AddAsync(
        Func<CommissioningCycle, DateTimeOffset, DomainOutcome<TItem>> add, Func<TItem, IActionResult> added, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        await CheckFormAsync(ct);
        var now = clock.GetUtcNow();
        var outcome = add(cycle, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(ct);
        }

        db.Add(outcome.Value);
        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        return saved.Succeeded ? added(outcome.Value) : await ShowAgainAsync(ct);
    }

    /// <summary>
    /// Changes the item as <paramref name="revise"/> says, checking that nobody changed it since the person opened the
    /// form; if someone did, nothing is saved and the page shows theirs beside what this person typed.
    /// </summary>
    protected async Task<IActionResult> ReviseAsync(
        Guid id, Func<TItem, CommissioningCycle, DateTimeOffset, DomainOutcome> revise, Func<TItem, IActionResult> revised, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } item || await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        await CheckFormAsync(ct);
        var now = clock.GetUtcNow();
        db.Entry(item).Property(nameof(StageContentForm.Version)).OriginalValue = Form.Version;
        ModelState.AddErrors(revise(item, cycle, now), nameof(Form));
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(ct);
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            if (await FindAsync(id, ct) is not { } latest)
            {
                return NotFound();
            }

            Latest = ToForm(latest);
            Form = (TForm)(Form with { Version = Latest.Version });
            ModelState.AddModelError("",
                $"Someone changed {ItemWords} while you were editing. Your changes have not been saved: check the latest version, then save again.");
        }

        return saved.Succeeded ? revised(item) : await ShowAgainAsync(ct);
    }

    /// <summary>The form again, with what the person typed and what to fix.</summary>
    private async Task<IActionResult> ShowAgainAsync(CancellationToken ct) =>
        await LoadHeadingAsync(db, ct) ? Page() : NotFound();

    /// <summary>The items this person may see at all; any other is not found (404), as on its details page.</summary>
    protected virtual IQueryable<TItem> Visible(IQueryable<TItem> items) => items;

    /// <summary>The item with this id in the cycle of the address, tracked so that a change to it can be saved.</summary>
    protected Task<TItem?> FindAsync(Guid id, CancellationToken ct)
    {
        var cycleId = CycleId;
        return Visible(db.Set<TItem>()).SingleOrDefaultAsync(i => EF.Property<Guid>(i, "Id") == id && EF.Property<Guid>(i, "CycleId") == cycleId, ct);
    }

    /// <summary>What the domain can't judge because it never sees it: answers that could not be read.</summary>
    private async Task CheckFormAsync(CancellationToken ct)
    {
        if (HttpContext.RequestServices.GetService<IValidator<TForm>>() is { } validator)
        {
            ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        }
    }
}
