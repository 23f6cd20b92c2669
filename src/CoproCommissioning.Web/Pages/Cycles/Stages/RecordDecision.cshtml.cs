namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>Records a decision in a stage: its mode, rationale, ladder rung, who took part and the input that shaped it (R2).</summary>
[CyclePermission(CycleOperation.RecordDecision)]
public sealed class RecordDecisionModel(CoproDbContext db, TimeProvider clock, ILogger<RecordDecisionModel> logger)
    : DecisionFormPageModel(db, clock)
{
    public DecisionForm.Choices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(forChange: false, ct) is not { } cycle)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        Form = new DecisionForm.Input
        {
            DecidedOn = DateParts.From(UkTime.Today(Clock.GetUtcNow())),
            Mode = Choices.ClinicallyLedOnly ? DecisionMode.ClinicallyLed : null,
        };
        return Page();
    }

    [CyclePermission(CycleOperation.RecordDecision)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ChangeAsync(
        (cycle, now) => cycle.RecordDecision(Stage, Details(Choices), User.UserId(), Member.Role, now),
        decision =>
        {
            logger.LogInformation("Decision {DecisionId} recorded in {Stage} of cycle {CycleId}", decision.Id, Stage, CycleId);
            TempData.SetSuccess($"Decision recorded: {decision.Title}");
            return RedirectToWorkspace($"decision-{decision.Id}");
        },
        ct);

    protected override async Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        Choices = await LoadChoicesAsync(cycle, ct);
        return await base.ShowAsync(cycle, ct);
    }
}
