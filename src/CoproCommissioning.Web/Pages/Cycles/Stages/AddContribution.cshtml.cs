using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>A member adds their own input to a stage, in the voice their membership gives them, online.</summary>
[CyclePermission(CycleOperation.Contribute)]
public sealed class AddContributionModel(
    CoproDbContext db, IValidator<AddContributionModel.Input> validator, TimeProvider clock, ILogger<AddContributionModel> logger)
    : StagePageModel
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [CycleRules.ContributionSummaryRequired.Code] = "Form.Summary",
        [CycleRules.ContributionSummaryTooLong.Code] = "Form.Summary",
        [CycleRules.ContributionBodyTooLong.Code] = "Form.Body",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public Voice Voice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Voice = HttpContext.CycleMember().OwnVoice;
        return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = HttpContext.CycleMember();
        Voice = member.OwnVoice;
        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        var cycle = await db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var outcome = cycle.AddContribution(
            Stage, User.UserId(), member.Role, member.OwnVoice, Channel.Online, Form.Visibility!.Value, Form.Summary, Form.Body, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddConcurrencyError();
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Contribution {ContributionId} added to {Stage} of cycle {CycleId}", outcome.Value.Id, Stage, CycleId);
        TempData.SetSuccess($"Your input was added to {StageWords}. You will see here what happens because of it.");
        return RedirectToPage("/Cycles/Stages/Workspace", null, new { cycleId = CycleId, stage = StageSlug }, $"contribution-{outcome.Value.Id}");
    }

    public sealed record Input
    {
        public string Summary { get; init; } = "";

        public string Body { get; init; } = "";

        public ContributionVisibility? Visibility { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Summary).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a summary of what you want to say")
                .MaximumLength(Contribution.SummaryMaxLength)
                .WithMessage($"Enter a summary of {Contribution.SummaryMaxLength} characters or fewer");
            RuleFor(x => x.Body)
                .MaximumLength(Contribution.BodyMaxLength)
                .WithMessage($"Enter the full detail in {Contribution.BodyMaxLength} characters or fewer");
            RuleFor(x => x.Visibility).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(VisibilityField.NotChosenMessage)
                .IsInEnum().WithMessage(VisibilityField.NotChosenMessage);
        }
    }
}
