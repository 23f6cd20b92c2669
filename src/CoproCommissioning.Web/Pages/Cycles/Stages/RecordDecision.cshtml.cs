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

/// <summary>Records a decision in a stage: its mode, rationale, ladder rung, who took part and the input that shaped it (R2).</summary>
[CyclePermission(CycleOperation.RecordDecision)]
public sealed class RecordDecisionModel(
    CoproDbContext db, IValidator<DecisionForm.Input> validator, TimeProvider clock, ILogger<RecordDecisionModel> logger)
    : StagePageModel
{
    [BindProperty]
    public DecisionForm.Input Form { get; set; } = new();

    public DecisionForm.Choices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        Form = new DecisionForm.Input
        {
            DecidedOn = DateParts.From(UkTime.Today(clock.GetUtcNow())),
            Mode = Choices.ClinicallyLedOnly ? DecisionMode.ClinicallyLed : null,
        };
        return Page();
    }

    [CyclePermission(CycleOperation.RecordDecision)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        DecisionForm.CheckChoices(ModelState, Form, Choices);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var member = HttpContext.CycleMember();
        var outcome = cycle.RecordDecision(Stage, DecisionForm.ToDetails(Form, Choices), User.UserId(), member.Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            DecisionForm.AddErrors(ModelState, outcome.Refusals);
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
            await ShowAsync(await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == CycleId, ct), ct);
            return Page();
        }

        logger.LogInformation("Decision {DecisionId} recorded in {Stage} of cycle {CycleId}", outcome.Value.Id, Stage, CycleId);
        TempData.SetSuccess($"Decision recorded: {outcome.Value.Title}");
        return RedirectToPage("/Cycles/Stages/Workspace", null, new { cycleId = CycleId, stage = StageSlug }, $"decision-{outcome.Value.Id}");
    }

    private async Task ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        CycleTitle = cycle.Title;
        Status = cycle.StageOf(Stage).Status;
        var clinicallyLedOnly = HttpContext.CycleMember().Role == CycleRole.ClinicalAdviser;
        Choices = await DecisionForm.LoadChoicesAsync(db, cycle, Stage, User.UserId(), clinicallyLedOnly, ct);
    }
}
