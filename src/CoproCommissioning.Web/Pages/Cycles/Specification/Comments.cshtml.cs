using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>A commissioner opens the latest version for comment until a closing date, or closes comments early.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class CommentsModel(
    CoproDbContext db, IValidator<CommentsModel.Input> validator, TimeProvider clock, ILogger<CommentsModel> logger)
    : SpecificationPageModel
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [SpecificationRules.ClosingDateInPast.Code] = "Form.ClosesOn",
    };

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

        Form = new Input { ClosesOn = DateParts.From(UkTime.Today(clock.GetUtcNow()).AddDays(28)), ProvidersMayComment = false };
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
        var check = await validator.ValidateAsync(Form, ct);
        if (specification is null || !check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await ShowPageAsync(ct);
        }

        Form.ClosesOn.TryGetDate(out var closesOn);
        // Comments are accepted until the end of the closing day in England.
        var closesAt = UkTime.StartOfDay(closesOn.AddDays(1));
        var outcome = specification.OpenForComment(
            cycle, closesAt, Form.ProvidersMayComment ?? false, User.UserId(), HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await ShowPageAsync(ct);
        }

        if (!await SavedAsync(cycle, ct))
        {
            return await ShowPageAsync(ct);
        }

        logger.LogInformation("Specification version {Version} of cycle {CycleId} opened for comment", outcome.Value.VersionNumber, CycleId);
        TempData.SetSuccess($"Version {outcome.Value.VersionNumber} is open for comments until the end of {UkTime.Date(closesOn)}.");
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

        var outcome = specification.CloseComments(cycle, User.UserId(), HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals);
            return await ShowPageAsync(ct);
        }

        if (!await SavedAsync(cycle, ct))
        {
            return await ShowPageAsync(ct);
        }

        logger.LogInformation("Comments on the specification of cycle {CycleId} closed early", CycleId);
        TempData.SetSuccess("Comments are closed.");
        return Redirect(OverviewUrl);
    }

    private async Task<bool> SavedAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        var stored = await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct, reportConflict: false);
        if (stored == StageContentSave.Conflict)
        {
            ModelState.AddModelError("", "Someone else changed the specification while you were working. Check what it says now and try again.");
        }

        return stored == StageContentSave.Saved;
    }

    private async Task<IActionResult> ShowPageAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : NotFound();

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return false;
        }

        var specification = await LoadSpecificationAsync(db, forChange: false, ct);
        HasSpecification = specification is not null;
        LatestVersion = specification?.Latest.Number ?? 0;
        OpenWindow = specification?.OpenWindowAt(clock.GetUtcNow());
        return true;
    }

    public sealed record Input
    {
        public DateParts ClosesOn { get; init; } = new();

        public bool? ProvidersMayComment { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.ClosesOn).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter the last day people can comment")
                .Must(d => d.TryGetDate(out _)).WithMessage("The closing date must be a real date, for example 27 3 2026");
            RuleFor(x => x.ProvidersMayComment).NotNull().WithMessage("Choose whether providers can comment on this version");
        }
    }
}
