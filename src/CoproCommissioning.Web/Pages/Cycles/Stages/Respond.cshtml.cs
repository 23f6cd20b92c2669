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

/// <summary>"You said, we did": answer a contribution, or revise the answer. Earlier answers stay in its history.</summary>
[CyclePermission(CycleOperation.Respond)]
public sealed class RespondModel(
    CoproDbContext db, IValidator<RespondModel.Input> validator, TimeProvider clock, ILogger<RespondModel> logger)
    : StagePageModel
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [CycleRules.ResponseExplanationRequired.Code] = "Form.Explanation",
        [CycleRules.ResponseExplanationTooLong.Code] = "Form.Explanation",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public ContributionRow Contribution { get; private set; } = null!;

    public IReadOnlyList<ResponseRow> Responses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        var contribution = cycle?.FindContribution(contributionId);
        if (cycle is null || contribution is null || contribution.StageKind != Stage)
        {
            return NotFound();
        }

        await ShowAsync(cycle, contribution, ct);
        var current = contribution.CurrentResponse;
        Form = new Input { Type = current?.Type, Explanation = current?.Explanation ?? "", SeenRevision = current?.Revision ?? 0 };
        return Page();
    }

    [CyclePermission(CycleOperation.Respond)]
    public async Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        var contribution = cycle?.FindContribution(contributionId);
        if (cycle is null || contribution is null || contribution.StageKind != Stage)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            await ShowAsync(cycle, contribution, ct);
            return Page();
        }

        // Someone else answered since this person opened the form: show them that answer before theirs replaces it (R8).
        int currentRevision = contribution.CurrentResponse?.Revision ?? 0;
        if (currentRevision != Form.SeenRevision)
        {
            return await ConflictAsync(contributionId, ct);
        }

        var member = HttpContext.CycleMember();
        var outcome = cycle.Respond(contributionId, User.UserId(), member.Role, Form.Type!.Value, Form.Explanation, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            await ShowAsync(cycle, contribution, ct);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(contributionId, ct);
        }

        logger.LogInformation("Response {ResponseId} (revision {Revision}) to contribution {ContributionId} in cycle {CycleId}",
            outcome.Value.Id, outcome.Value.Revision, contributionId, CycleId);
        TempData.SetSuccess(contribution.AuthorUserId is null
            ? "Response saved. Let the people who gave this input know what happened."
            : "Response saved. The person who gave this input will see it under What happened to my input.");
        return RedirectToPage("/Cycles/Stages/Workspace", null, new { cycleId = CycleId, stage = StageSlug }, $"contribution-{contributionId}");
    }

    private async Task<IActionResult> ConflictAsync(Guid contributionId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var latest = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == CycleId, ct);
        var contribution = latest.FindContribution(contributionId)!;
        ModelState.AddConcurrencyError();

        // Keep what they typed, but let their next save go on top of the answer they have now seen.
        ModelState.Remove("Form.SeenRevision");
        Form = Form with { SeenRevision = contribution.CurrentResponse?.Revision ?? 0 };
        await ShowAsync(latest, contribution, ct);
        return Page();
    }

    private async Task ShowAsync(CommissioningCycle cycle, Contribution contribution, CancellationToken ct)
    {
        var names = await PeopleNames.LoadAsync(db,
            contribution.Responses.Select(r => r.RespondedByUserId).Append(contribution.AuthorUserId).Append(contribution.RecordedByUserId),
            User.UserId(), ct);
        CycleTitle = cycle.Title;
        Status = cycle.StageOf(Stage).Status;
        Contribution = (await ContributionRow.WithWhatTheyAreAboutAsync(db, [ContributionRow.From(contribution, names)], ct))[0];
        Responses = [.. contribution.Responses
            .OrderByDescending(r => r.Revision)
            .Select(r => new ResponseRow(r.Revision, r.Type, r.Explanation, names.Of(r.RespondedByUserId), r.RespondedAt))];
    }

    public sealed record ResponseRow(int Revision, ResponseType Type, string Explanation, string By, DateTimeOffset At);

    public sealed record Input
    {
        public ResponseType? Type { get; init; }

        public string Explanation { get; init; } = "";

        /// <summary>The revision of the answer the person saw when they opened the form; 0 for none.</summary>
        public int SeenRevision { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Type).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose whether the input was adopted, adapted or not adopted")
                .IsInEnum().WithMessage("Choose whether the input was adopted, adapted or not adopted");
            RuleFor(x => x.Explanation).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Explain in plain words what happened because of this input")
                .MaximumLength(Domain.Cycles.Response.ExplanationMaxLength)
                .WithMessage($"Enter an explanation of {Domain.Cycles.Response.ExplanationMaxLength} characters or fewer");
        }
    }
}
