using CoproCommissioning.Domain.Specification;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>A commissioner opens the latest version for comment until a closing date, or closes comments early.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class CommentsModel(
    CoproDbContext db, IValidator<CommentsModel.Input> validator, TimeProvider clock, ILogger<CommentsModel> logger)
    : SpecificationPageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public bool HasSpecification { get; private set; }

    public int LatestVersion { get; private set; }

    public CommentWindow? OpenWindow { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ShowAsync(ct))
        {
            return NotFound();
        }

        Form = new Input { ClosesAt = DateParts.From(UkTime.Today(clock.GetUtcNow()).AddDays(28)), ProvidersMayComment = false };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: true, ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        if (specification is null)
        {
            return await ShowPageAsync(ct);
        }

        // Comments are accepted until the end of the closing day in England.
        DateOnly? closesOn = Form.ClosesAt.TryGetDate(out var date) ? date : null;
        var now = clock.GetUtcNow();
        var outcome = specification.OpenForComment(
            cycle, closesOn is { } day ? UkTime.StartOfDay(day.AddDays(1)) : null, Form.ProvidersMayComment, UserId, Role, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid || !await SavedAsync(cycle, now, ct))
        {
            return await ShowPageAsync(ct);
        }

        logger.LogInformation("Specification version {Version} of cycle {CycleId} opened for comment", outcome.Value.VersionNumber, CycleId);
        TempData.SetSuccess($"Version {outcome.Value.VersionNumber} is open for comments until the end of {UkTime.Date(closesOn!.Value)}.");
        return Redirect(OverviewUrl);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: true, ct);
        if (specification is null)
        {
            ModelState.AddModelError("", SpecificationRules.CommentsNotOpen.Message);
            return await ShowPageAsync(ct);
        }

        var now = clock.GetUtcNow();
        var outcome = specification.CloseComments(cycle, UserId, Role, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!outcome.Succeeded || !await SavedAsync(cycle, now, ct))
        {
            return await ShowPageAsync(ct);
        }

        logger.LogInformation("Comments on the specification of cycle {CycleId} closed early", CycleId);
        TempData.SetSuccess("Comments are closed.");
        return Redirect(OverviewUrl);
    }

    private async Task<bool> SavedAsync(CommissioningCycle cycle, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await SaveIntoStageAsync(db, cycle, now, ct);
        if (stored.Status == SaveStatus.Conflict)
        {
            ModelState.AddModelError("", "Someone else changed the specification while you were working. Check what it says now and try again.");
        }

        return stored.Succeeded;
    }

    private async Task<IActionResult> ShowPageAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : NotFound();

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return false;
        }

        var specification = await LoadLatestAsync(db, ct);
        HasSpecification = specification is not null;
        LatestVersion = specification?.Latest.Number ?? 0;
        OpenWindow = specification?.OpenWindowAt(clock.GetUtcNow());
        return true;
    }

    public sealed record Input
    {
        /// <summary>The last day people can comment, as typed.</summary>
        public DateParts ClosesAt { get; init; } = new();

        public bool? ProvidersMayComment { get; init; }
    }

    /// <summary>What the domain can't judge because it never sees it: a closing date that is not a date.</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(x => x.ClosesAt)
                .Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("The closing date must be a real date, for example 27 3 2026");
    }
}
