using System.Globalization;
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

/// <summary>
/// The co-production champion or a commissioner logs input gathered offline (a workshop, a phone call, an
/// easy-read form) on behalf of the people who gave it, with their voice and how many people it speaks for.
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class LogOnBehalfModel(
    CoproDbContext db, IValidator<LogOnBehalfModel.Input> validator, TimeProvider clock, ILogger<LogOnBehalfModel> logger)
    : StagePageModel
{
    public const int MostVoicesCarried = 10_000;
    public const string NobodyWithAnAccount = "";

    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [CycleRules.ContributionSummaryRequired.Code] = "Form.Summary",
        [CycleRules.ContributionSummaryTooLong.Code] = "Form.Summary",
        [CycleRules.ContributionBodyTooLong.Code] = "Form.Body",
        [CycleRules.VoicesCarriedTooFew.Code] = "Form.VoicesCarried",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<CycleMemberRow> OtherMembers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        ModelState.AddErrors(check, nameof(Form));
        var onBehalfOf = OtherMembers.Find(Form.OnBehalfOfMemberId)?.UserId;
        if (Form.OnBehalfOfMemberId is not null && onBehalfOf is null)
        {
            ModelState.AddModelError("Form.OnBehalfOfMemberId",
                "Choose a member of this cycle other than yourself, or choose people without an account. To add your own input, use Add your input.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var cycle = await db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var member = HttpContext.CycleMember();
        var outcome = cycle.LogContributionOnBehalf(Stage, User.UserId(), member.Role, onBehalfOf, Form.VoicesCarriedNumber,
            Form.Voice!.Value, Form.Channel!.Value, Form.Visibility!.Value, Form.Summary, Form.Body, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddConcurrencyError();
            await LoadAsync(ct);
            return Page();
        }

        logger.LogInformation("Contribution {ContributionId} logged on behalf of others in {Stage} of cycle {CycleId}",
            outcome.Value.Id, Stage, CycleId);
        TempData.SetSuccess($"Input logged in {StageWords}. Remember to respond to it, and to tell the people who gave it what happened.");
        return RedirectToPage("/Cycles/Stages/Workspace", null, new { cycleId = CycleId, stage = StageSlug }, $"contribution-{outcome.Value.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadHeadingAsync(db, ct))
        {
            return false;
        }

        var me = User.UserId();
        OtherMembers = [.. (await CycleMemberRow.LoadAsync(db, CycleId, me, ct)).Where(m => m.UserId != me)];
        return true;
    }

    public sealed record Input
    {
        public Voice? Voice { get; init; }

        public Channel? Channel { get; init; }

        public ContributionVisibility? Visibility { get; init; }

        public string VoicesCarried { get; init; } = "1";

        /// <summary>The member whose input it is (<see cref="CycleMemberRow.MemberId"/>), or null for people without an account.</summary>
        public Guid? OnBehalfOfMemberId { get; init; }

        public string Summary { get; init; } = "";

        public string Body { get; init; } = "";

        public int VoicesCarriedNumber =>
            int.TryParse(VoicesCarried?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : 0;
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Voice).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose whose voice this input carries")
                .IsInEnum().WithMessage("Choose whose voice this input carries");
            RuleFor(x => x.Channel).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose how the input reached you")
                .IsInEnum().WithMessage("Choose how the input reached you");
            RuleFor(x => x.Visibility).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(VisibilityField.NotChosenMessage)
                .IsInEnum().WithMessage(VisibilityField.NotChosenMessage);
            RuleFor(x => x.VoicesCarriedNumber)
                .InclusiveBetween(1, MostVoicesCarried)
                .OverridePropertyName(nameof(Input.VoicesCarried))
                .WithMessage($"Enter how many people's views this carries, as a whole number from 1 to {MostVoicesCarried:N0}, for example 6");
            RuleFor(x => x.Summary).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a summary of what people said")
                .MaximumLength(Contribution.SummaryMaxLength)
                .WithMessage($"Enter a summary of {Contribution.SummaryMaxLength} characters or fewer");
            RuleFor(x => x.Body)
                .MaximumLength(Contribution.BodyMaxLength)
                .WithMessage($"Enter the full detail in {Contribution.BodyMaxLength} characters or fewer");
        }
    }
}
