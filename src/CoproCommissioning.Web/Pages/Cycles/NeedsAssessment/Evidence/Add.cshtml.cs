using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

/// <summary>A commissioner or the champion adds a piece of evidence to the needs assessment.</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class AddModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<AddModel> logger)
    : StageContentPageModel(StageKind.NeedsAssessment)
{
    public static readonly IReadOnlyDictionary<string, string> FieldsByCode = new Dictionary<string, string>
    {
        [NeedsAssessmentRules.EvidenceSourceRequired.Code] = "Form.Source",
        [NeedsAssessmentRules.EvidenceSourceTooLong.Code] = "Form.Source",
        [NeedsAssessmentRules.EvidenceSummaryRequired.Code] = "Form.Summary",
        [NeedsAssessmentRules.EvidenceSummaryTooLong.Code] = "Form.Summary",
        [NeedsAssessmentRules.EvidenceLinkInvalid.Code] = "Form.Link",
        [NeedsAssessmentRules.EvidenceLinkTooLong.Code] = "Form.Link",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadHeadingAsync(db, ct) ? Page() : NotFound();

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var outcome = EvidenceItem.Add(cycle, Form.Source, Form.Kind!.Value, Form.Summary, Form.Link, User.UserId(),
            HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        db.EvidenceItems.Add(outcome.Value);
        if (await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct) != StageContentSave.Saved)
        {
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Evidence {EvidenceId} added to cycle {CycleId}", outcome.Value.Id, CycleId);
        TempData.SetSuccess($"Evidence added: {outcome.Value.Source}.");
        return RedirectToPage("/Cycles/NeedsAssessment/Evidence/Index", new { cycleId = CycleId });
    }

    public sealed record Input
    {
        public string Source { get; init; } = "";

        public EvidenceKind? Kind { get; init; }

        public string Summary { get; init; } = "";

        public string Link { get; init; } = "";

        /// <summary>The version the person started editing from (edit only).</summary>
        public uint Version { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Source)
                .NotEmpty().WithMessage(NeedsAssessmentRules.EvidenceSourceRequired.Message)
                .MaximumLength(EvidenceItem.SourceMaxLength).WithMessage(NeedsAssessmentRules.EvidenceSourceTooLong.Message);
            RuleFor(x => x.Kind)
                .NotNull().WithMessage("Choose what kind of evidence this is.")
                .IsInEnum().WithMessage("Choose what kind of evidence this is.");
            RuleFor(x => x.Summary)
                .NotEmpty().WithMessage(NeedsAssessmentRules.EvidenceSummaryRequired.Message)
                .MaximumLength(EvidenceItem.SummaryMaxLength).WithMessage(NeedsAssessmentRules.EvidenceSummaryTooLong.Message);
            RuleFor(x => x.Link)
                .MaximumLength(EvidenceItem.LinkMaxLength).WithMessage(NeedsAssessmentRules.EvidenceLinkTooLong.Message)
                .Must(EvidenceItem.IsAllowedLink).WithMessage(NeedsAssessmentRules.EvidenceLinkInvalid.Message);
        }
    }
}
