using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Inequalities;

/// <summary>A commissioner or the champion records a group affected by an inequality and what the inequality is.</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class AddModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<AddModel> logger)
    : StageContentPageModel(StageKind.NeedsAssessment)
{
    public static readonly IReadOnlyDictionary<string, string> FieldsByCode = new Dictionary<string, string>
    {
        [NeedsAssessmentRules.GroupDescriptionRequired.Code] = "Form.Description",
        [NeedsAssessmentRules.GroupDescriptionTooLong.Code] = "Form.Description",
        [NeedsAssessmentRules.InequalityRequired.Code] = "Form.Inequality",
        [NeedsAssessmentRules.InequalityTooLong.Code] = "Form.Inequality",
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

        var outcome = InequalityGroup.Record(cycle, Form.Group!.Value, Form.Description, Form.Inequality, User.UserId(),
            HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        db.InequalityGroups.Add(outcome.Value);
        if (await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct) != StageContentSave.Saved)
        {
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Inequality group {GroupId} recorded in cycle {CycleId}", outcome.Value.Id, CycleId);
        TempData.SetSuccess($"Group added: {NeedsAssessmentLabels.Describe(outcome.Value.Group, outcome.Value.Description)}.");
        return RedirectToPage("/Cycles/NeedsAssessment/Inequalities/Index", new { cycleId = CycleId });
    }

    public sealed record Input
    {
        public AffectedGroup? Group { get; init; }

        public string Description { get; init; } = "";

        public string Inequality { get; init; } = "";

        /// <summary>The version the person started editing from (edit only).</summary>
        public uint Version { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Group)
                .NotNull().WithMessage("Choose the group affected.")
                .IsInEnum().WithMessage("Choose the group affected.");
            RuleFor(x => x.Description)
                .MaximumLength(InequalityGroup.DescriptionMaxLength).WithMessage(NeedsAssessmentRules.GroupDescriptionTooLong.Message);
            RuleFor(x => x.Description)
                .NotEmpty().When(x => x.Group == AffectedGroup.Other).WithMessage(NeedsAssessmentRules.GroupDescriptionRequired.Message);
            RuleFor(x => x.Inequality)
                .NotEmpty().WithMessage(NeedsAssessmentRules.InequalityRequired.Message)
                .MaximumLength(InequalityGroup.InequalityMaxLength).WithMessage(NeedsAssessmentRules.InequalityTooLong.Message);
        }
    }
}
